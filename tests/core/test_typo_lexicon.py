"""The typo list (resources/lexicons/typo.tsv, issue 33): every entry is found in a sentence and its
fix is not, every guard vetoes its counterexample and lets through each context it names, the
fixes are those editors made on real slips (shared/typo-dev), and the whole list is silent on edited text.
Each test checks all entries in one pass of the checker, so 3,000 entries cost seconds."""

from __future__ import annotations

import pytest

from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.phrasebank.clean import clean_folder
from assistant.core.resources import resource_path
from tests.conftest import SHARED

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


# Every context a guarded entry's guard names as wrong, in a sentence of its own: the example column
# holds only one of them (反应情况), so a context dropped from a guard would go unnoticed.
GUARDED_WRONG = ["请及时向上级反应意见", "如实反应问题", "及时反应诉求", "管理不善以至酿成事故", "工作失误以至贻误战机",
                 "明确权力与义务", "享有权力和义务", "防止权利寻租", "推进权利下放"]
# Right text around a guarded wrong form: each guard alternative that keeps a common phrase silent.
GUARDED_RIGHT = ["让干部置身基层一线", "将库存全部置换", "出现过敏反应问题", "发生化学反应问题", "市场反应问题"]


def test_guarded_entries_fire_in_every_context_their_guard_names():
    found = flagged_by_paragraph(GUARDED_WRONG)
    missed = [text for i, text in enumerate(GUARDED_WRONG) if not found.get(i)]
    assert not missed, missed


def test_guards_keep_right_text_silent():
    found = flagged_by_paragraph(GUARDED_RIGHT)
    assert not found, [(GUARDED_RIGHT[i], texts) for i, texts in found.items()]


def test_real_slips_get_the_reference_fix():
    """On shared/typo-dev's written sentences (real 公文 slips with their corrections), every list
    finding's first fix is what the editors wrote there: a wrong fix (布署 → 布置) is applied by 全部修正."""
    pairs = []
    for name in ("odw.dev.tsv", "law.dev.tsv"):
        for line in (SHARED / "typo-dev" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and len(parts[1]) == len(parts[2]):
                pairs.append((parts[1], parts[2]))
    findings = CHECKER.check([written for written, _ in pairs])
    wrong = [(f.text, f.suggestions[:1], pairs[f.paragraph][1][f.start:f.end]) for f in findings
             if f.suggestions[:1] != (pairs[f.paragraph][1][f.start:f.end],)]
    assert len(findings) >= 7 and not wrong, wrong


def test_the_list_is_silent_on_the_seeds_and_corpus_extra():
    """1.1 M characters of edited text: a wrong form that is right somewhere needs a guard."""
    loud = []
    for folder in (resource_path("corpus"), resource_path("corpus", "extra")):
        paragraphs = [p for p in clean_folder(folder)]
        texts = [p.text for p in paragraphs]
        loud += [(paragraphs[f.paragraph].source, f.text, texts[f.paragraph][max(0, f.start - 8):f.end + 8])
                 for f in CHECKER.check(texts)]
    assert not loud, f"{len(loud)} typo findings on edited text, e.g. {loud[:10]}"
