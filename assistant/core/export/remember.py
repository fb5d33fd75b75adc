"""The user's 公文要素 defaults: what the 公文要素 dialog (and the CLI) remembers from one export
for the next document, kept in settings.json under ``gongwen``.

Only what stays the same from document to document is remembered (the issuing organ, its
标志, the 签发人, the 印发机关, the usual 抄送 and whether the office seals); a draft's own
recognised 要素 always win over a remembered one.
"""

from __future__ import annotations

from dataclasses import fields

from .elements import FIELD_NAMES, Elements, recognise
from .source import read_draft

REMEMBERED = ("issuer_mark", "signer", "signature", "cc", "printer")


def recognise_draft(draft) -> Elements:
    """The 要素 of a draft snapshot, as the export will recognise them."""
    return recognise(read_draft(draft).lines).elements


def prefill(draft, remembered: dict) -> tuple[Elements, list[str]]:
    """What the 公文要素 dialog opens with: the draft's 要素 completed from ``remembered``, and
    what the export cannot carry over."""
    source = read_draft(draft)
    return with_remembered(recognise(source.lines).elements, remembered), source.notes


def with_remembered(elements: Elements, remembered: dict) -> Elements:
    """``elements`` with its empty remembered fields filled in, and the remembered seal choice."""
    values = {FIELD_NAMES[name]: str(remembered[name]) for name in REMEMBERED
              if not getattr(elements, name) and isinstance(remembered.get(name), str) and remembered[name]}
    if isinstance(remembered.get("sealed"), bool):
        values[FIELD_NAMES["sealed"]] = "是" if remembered["sealed"] else "否"
    return elements.updated(values)


def to_remember(elements: Elements) -> dict:
    """What to store after an export the user confirmed."""
    stored: dict = {name: getattr(elements, name) for name in REMEMBERED if getattr(elements, name)}
    stored["sealed"] = elements.sealed
    return stored


def describe_elements(elements: Elements) -> list[tuple[str, str]]:
    """(Chinese name, value) of every 要素 that is set, in the document's order."""
    described = []
    for item in fields(elements):
        value = getattr(elements, item.name)
        if item.name == "sealed":
            described.append((FIELD_NAMES["sealed"], "是" if value else "否"))
        elif isinstance(value, list) and value:
            described.append((FIELD_NAMES[item.name], "；".join(value)))
        elif isinstance(value, str) and value:
            described.append((FIELD_NAMES[item.name], value.replace("\n", " ")))
    return described
