"""Recall on weak sentences written for the purpose (tests/_files/recall/): every planted weakness
is found, in its category and at its words. Precision on edited text is bench/precision.py's job."""

from __future__ import annotations

import pytest

from assistant.core.checker.engine import Checker
from tests.conftest import FILES

CHECKER = Checker()


def planted() -> list[tuple[str, str, str]]:
    rows = []
    for line in (FILES / "recall" / "weak_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            category, flagged, sentence = line.split("\t")
            rows.append((category, flagged, sentence))
    return rows


@pytest.mark.parametrize("category, flagged, sentence", planted(), ids=lambda v: v[:12] if isinstance(v, str) else v)
def test_planted_weakness_is_found(category, flagged, sentence):
    found = [(f.category, f.text) for f in CHECKER.check([sentence])]
    assert (category, flagged) in found, found
