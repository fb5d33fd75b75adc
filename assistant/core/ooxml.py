"""OOXML names: the WordprocessingML tags the document readers and writers look at."""

from __future__ import annotations

import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


# Characters XML 1.0 cannot hold (control characters other than tab and line ends, surrogates):
# a form feed pasted from a PDF must not make a save fail. They are written as U+FFFD.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return XML_ILLEGAL.sub("\ufffd", text)


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def mc(name: str) -> str:
    return f"{{{MC_NS}}}{name}"


def m(name: str) -> str:
    return f"{{{M_NS}}}{name}"


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, SECTPR, BODY = w("pPr"), w("rPr"), w("sectPr"), w("body")
TXBX_CONTENT = w("txbxContent")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
ALTERNATE_CONTENT, CHOICE, FALLBACK = mc("AlternateContent"), mc("Choice"), mc("Fallback")

# Containers whose children are read as if they stood in the parent (block, row, cell or run level).
TRANSPARENT = {SDT_CONTENT, CUSTOM_XML, w("smartTag"), w("hyperlink"), w("ins"), w("moveTo"),
               w("fldSimple"), w("dir"), w("bdo")}
# Containers whose content Word shows as deleted: not part of the text.
DELETED = {w("del"), w("moveFrom")}
# Range markers that must survive when the paragraph holding them is deleted.
RANGE_MARKERS = {w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"),
                 w("permStart"), w("permEnd")}
