"""Relationship ids in a copied table, made to name the export's relationships.

A table's hyperlink or picture names its target by an id of the draft's document part
(r:id="rId9"); copied as it is, the id names whatever the export's part has under it (its footer,
as it happened), which Word reports as unreadable content. An external target (a web address, a
linked picture) is related anew in the export, an embedded picture is copied into the export's
package; any other id (a part of the draft's package that is not carried) is removed.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .picture import relate_image

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_ATTRIBUTES = etree.XPath(".//@r:*", namespaces={"r": R_NS})  # every relationship id, found in C


def relink(element: etree._Element, draft_part, out_part) -> None:
    for value in R_ATTRIBUTES(element):
        node, key = value.getparent(), value.attrname
        relationship = draft_part.rels.get(str(value)) if draft_part is not None else None
        if relationship is not None and relationship.is_external:
            node.set(key, out_part.relate_to(relationship.target_ref, relationship.reltype, is_external=True))
        elif relationship is not None and relationship.reltype == RT.IMAGE:
            image = relationship.target_part
            node.set(key, relate_image(out_part, image.blob, image.content_type, image.partname.ext))
        else:
            del node.attrib[key]
