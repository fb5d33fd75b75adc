"""The typo list (resources/lexicons/typo.tsv, issue 33): every entry is found in a sentence and its
fix is not, every guard vetoes its counterexample, and the whole list is silent on edited text.
Each test checks all entries in one pass of the checker, so 3,000 entries cost seconds."""

from __future__ import annotations

import pytest

from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.phrasebank.clean import clean_folder
from assistant.core.resources import resource_path

RULE = next(rule for rule in load_rules() if rule.id == "typo")
CHECKER = Checker([RULE])
# Running text on both sides: an entry that only fires alone, or whose fix makes another entry,
# shows up here.
FRAME = "会上强调，{}，推动各项工作落到实处。"


def column(entry: str, name: str) -> str:
    return dict(RULE.details[entry]).get(name, "")


def example(entry: str) -> str:
    return column(entry, "example") or FRAME.format(entry)


def flagged_by_paragraph(texts: list[str]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for finding in CHECKER.check(texts):
        found.setdefault(finding.paragraph, set()).add(finding.text)
    return found


def test_the_list_holds_at_least_3000_entries():
    assert len(RULE.listed_entries) >= 3000


def test_every_entry_fires_in_its_example():
    entries = list(RULE.listed_entries)
    found = flagged_by_paragraph([example(entry) for entry in entries])
    missed = [entry for i, entry in enumerate(entries) if entry not in found.get(i, set())]
    assert not missed, f"{len(missed)} entries not found in their example, e.g. {missed[:10]}"


def test_every_corrected_example_is_silent():
    entries = list(RULE.listed_entries)
    corrected = [example(entry).replace(entry, RULE.listed_entries[entry][0]) for entry in entries]
    found = flagged_by_paragraph(corrected)
    loud = [(entries[i], corrected[i], sorted(texts)) for i, texts in found.items()]
    assert not loud, f"{len(loud)} corrected examples flagged, e.g. {loud[:5]}"


GUARDED = sorted(RULE.guards)


def test_guarded_entries_carry_an_example_and_a_counterexample():
    """A guard is context: it is only tested if the entry says where it must and must not fire."""
    assert {"反应", "过度期", "以至", "权力", "权利"} <= set(GUARDED)
    bare = [entry for entry in GUARDED if not (column(entry, "example") and column(entry, "counterexample"))]
    assert not bare, bare


@pytest.mark.parametrize("entry", GUARDED)
def test_a_guard_vetoes_its_counterexample(entry):
    counter = column(entry, "counterexample")
    assert entry in counter
    assert not CHECKER.check([counter]), counter


def test_guarded_entries_are_never_applied_by_fix_all():
    """反应 is right elsewhere: its finding is one click away, never part of 全部修正."""
    found = {f.text: f.fixable for f in CHECKER.check(["请及时向上级反应情况，再接再励。"])}
    assert found == {"反应": False, "再接再励": True}


def test_the_list_is_silent_on_the_seeds_and_corpus_extra():
    """1.1 M characters of edited text: a wrong form that is right somewhere needs a guard."""
    loud = []
    for folder in (resource_path("corpus"), resource_path("corpus", "extra")):
        paragraphs = [p for p in clean_folder(folder)]
        texts = [p.text for p in paragraphs]
        loud += [(paragraphs[f.paragraph].source, f.text, texts[f.paragraph][max(0, f.start - 8):f.end + 8])
                 for f in CHECKER.check(texts)]
    assert not loud, f"{len(loud)} typo findings on edited text, e.g. {loud[:10]}"
