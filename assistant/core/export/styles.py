"""Styles a copied table names, made to exist in the export's styles.xml.

A style id missing from styles.xml does not merely leave text unstyled: LibreOffice lays out a
table whose cell paragraphs name a missing paragraph style as if the table were broken (its cells
empty, their text below the table, the paragraph before it inside its last cell). Each style a
copied table names is therefore resolved the way Word pastes between documents: the export's
style of the same name and type when it has one (the draft's default style stands for the
export's default), else the draft's definition copied in, its ``basedOn`` chain resolved the same
way; a name the draft does not define either is dropped.
"""

from __future__ import annotations

import copy

from lxml import etree

from .. import ooxml as x

STYLE_ID, TYPE, VAL = x.w("styleId"), x.w("type"), x.w("val")
# The elements that name a style, with the type of style they name.
REFERENCES = {x.w("pStyle"): "paragraph", x.w("rStyle"): "character", x.w("tblStyle"): "table"}
# What a copied style cannot keep: the draft's numbering (its labels are made text), and links to
# styles that are not needed to show it.
STYLE_LEFT_OUT = (x.w("numPr"), x.w("next"), x.w("link"))


class StyleCarrier:
    """Resolves the draft's style ids to the export's, adding the draft's styles it has to."""

    def __init__(self, draft_styles: etree._Element | None, out_styles: etree._Element):
        self.draft = {} if draft_styles is None else {s.get(STYLE_ID): s for s in draft_styles.iter(x.w("style"))
                                                      if s.get(STYLE_ID)}
        self.out = out_styles
        self.out_ids = {s.get(STYLE_ID) for s in out_styles.iter(x.w("style"))}
        self.by_name = {(_type(s), _name(s)): s.get(STYLE_ID) for s in out_styles.iter(x.w("style"))}
        self.defaults = {_type(s): s.get(STYLE_ID) for s in out_styles.iter(x.w("style")) if _is_default(s)}
        self.resolved: dict[str, str | None] = {}

    def carry(self, element: etree._Element) -> None:
        """Point every style reference under ``element`` at a style of the export, or drop it."""
        for reference in [e for e in element.iter(*REFERENCES)]:
            target = self.resolve(reference.get(VAL), REFERENCES[reference.tag])
            if target is None:
                reference.getparent().remove(reference)
            else:
                reference.set(VAL, target)

    def resolve(self, style_id: str | None, kind: str) -> str | None:
        if style_id not in self.resolved:
            style = self.draft.get(style_id)
            if style is None or _type(style) != kind:
                self.resolved[style_id] = None
            elif _is_default(style):
                self.resolved[style_id] = self.defaults.get(kind)
            elif (kind, _name(style)) in self.by_name:
                self.resolved[style_id] = self.by_name[(kind, _name(style))]
            else:
                self.resolved[style_id] = self._copy(style, kind)
        return self.resolved[style_id]

    def _copy(self, style: etree._Element, kind: str) -> str:
        new_id, number = style.get(STYLE_ID), 1
        while new_id in self.out_ids:
            new_id, number = f"{style.get(STYLE_ID)}-{number}", number + 1
        self.resolved[style.get(STYLE_ID)] = new_id  # before the basedOn chain, which may loop back
        self.out_ids.add(new_id)
        copied = copy.deepcopy(style)
        copied.set(STYLE_ID, new_id)
        for element in [e for e in copied.iter(*STYLE_LEFT_OUT)]:
            element.getparent().remove(element)
        based_on = copied.find(x.w("basedOn"))
        if based_on is not None:
            parent = self.resolve(based_on.get(VAL), kind)
            if parent is None or parent == new_id:
                copied.remove(based_on)
            else:
                based_on.set(VAL, parent)
        self.out.append(copied)
        return new_id


def _type(style: etree._Element) -> str:
    return style.get(TYPE, "paragraph")


def _name(style: etree._Element) -> str:
    """Word compares style names without case (built-in names are stored in lower case: "heading 1")."""
    name = style.find(x.w("name"))
    return (name.get(VAL, "") if name is not None else style.get(STYLE_ID, "")).lower()


def _is_default(style: etree._Element) -> bool:
    return style.get(x.w("default")) in ("1", "true", "on")
