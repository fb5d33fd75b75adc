"""Relationship ids in a copied table, made to name the export's relationships.

A table's hyperlink names its target by an id of the draft's document part (r:id="rId9"); copied as
it is, the id names whatever the export's part has under it (its footer, as it happened), which Word
reports as unreadable content. An external target (a web address) is related anew in the export;
any other id (a part of the draft's package that is not carried) is removed, keeping the text.
"""

from __future__ import annotations

from lxml import etree

R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def relink(element: etree._Element, draft_part, out_part) -> None:
    for node in element.iter():
        for key, value in list(node.attrib.items()):
            if not key.startswith(R_NS):
                continue
            relationship = draft_part.rels.get(value) if draft_part is not None else None
            if relationship is not None and relationship.is_external:
                node.set(key, out_part.relate_to(relationship.target_ref, relationship.reltype, is_external=True))
            else:
                del node.attrib[key]
