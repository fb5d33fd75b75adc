"""Every rule in resources/rules/ flags its bad examples and passes its good ones (like
LanguageTool and proselint), every category has rules, and thresholds match the corpus."""

from __future__ import annotations

import pytest

from assistant.core.checker.calibrate import calibrate, corpus_texts
from assistant.core.checker.engine import Checker
from assistant.core.checker.model import CATEGORIES
from assistant.core.checker.rules import load_rules
from assistant.core.resources import resource_path
from tests.conftest import SHARED

RULES = load_rules()
CHECKER = Checker(RULES)


def findings_of(rule_id: str, example: str):
    return [f for f in CHECKER.check(example.split("\n")) if f.rule == rule_id]


def test_every_category_has_rules():
    assert {rule.category for rule in RULES} == set(CATEGORIES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_flags_its_bad_examples(rule):
    for example in rule.bad:
        found = findings_of(rule.id, example.text)
        assert found, f"{rule.id} did not flag: {example.text}"
        if example.flagged is not None:
            assert example.flagged in [f.text for f in found], (example.text, [f.text for f in found])
        for finding in found:
            assert finding.message and "{" not in finding.message


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_passes_its_good_examples(rule):
    for example in rule.good:
        assert not findings_of(rule.id, example.text), f"{rule.id} flagged: {example.text}"


def test_thresholds_in_rule_files_are_the_corpus_calibration():
    """Seeds and the tuning part of corpus-extra (its held-out fifth is never tuned on)."""
    texts = {**corpus_texts(resource_path("corpus")), **corpus_texts(SHARED / "corpus-extra", tuning_only=True)}
    calibrated = calibrate(RULES, texts)
    declared = {}
    for rule in RULES:
        for parameter in ("window", "min_count", "max_chars", "ratio"):
            if hasattr(rule, parameter):
                declared[f"{rule.id}.{parameter}"] = getattr(rule, parameter)
    assert calibrated == {key: declared[key] for key in calibrated}
    assert set(calibrated) | set(FIXED_THRESHOLDS) == set(declared)


# Thresholds set by definition, not measured: every other one is the corpus calibration.
FIXED_THRESHOLDS = {
    "sentence-repeat.min_count": "three uses of one word in one sentence is the reviewer's own measure",
    "window-overuse.ratio": "a floor (20 × the everyday rate) that keeps the commonest words out of the count",
    "document-overuse.min_count": "a theme word needs eight uses before its rate means anything",
}
