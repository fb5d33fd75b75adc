"""The 错别字 strictness the user chooses (issues 25 and 33): 稳妥 shows only the statistical guesses
the model is sure of, 全面 every guess past the recall threshold; one threshold each in typo.toml,
the choice in settings.json (an absent or unknown one reads 稳妥), the same in the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.core.checker.confusion import ContextRule
from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.checker.rules import RuleError
from assistant.core.checker.settings import STANDARD, THOROUGH, TYPO_LEVELS, CheckSettings
from assistant.core.settings import Settings
from tests.conftest import ROOT

RULE = next(rule for rule in load_rules() if rule.id == "typo-confusable")
SURE = "今年要重点抓好阻织建设和作风建设。"  # 阻织 → 组织: far past both thresholds
UNSURE = "在工作推进过成中发现的问题要及时解决。"  # 过成 → 过程: past the recall threshold only


def flagged(texts: list[str], level: str | None = None) -> list[str]:
    settings = CheckSettings() if level is None else CheckSettings(typo_level=level)
    return [f.text for f in Checker([RULE], settings).check(texts)]


def test_a_sure_slip_is_shown_at_both_levels_an_unsure_one_at_thorough_only():
    assert flagged([SURE]) == flagged([SURE], STANDARD) == flagged([SURE], THOROUGH) == ["阻织"]
    assert flagged([UNSURE]) == flagged([UNSURE], STANDARD) == []
    assert flagged([UNSURE], THOROUGH) == ["过成"]
    assert flagged([SURE, UNSURE], THOROUGH) == ["阻织", "过成"]


def test_the_levels_thresholds_are_data_and_standard_is_the_stricter():
    """typo.toml's thresholds decide, one per level (no copy in code): at the 稳妥 threshold the
    unsure slip goes, lowered to the 全面 one it comes."""
    assert set(RULE.thresholds) == set(TYPO_LEVELS) and RULE.thresholds[STANDARD] > RULE.thresholds[THOROUGH]
    rule = next(rule for rule in load_rules() if rule.id == "typo-confusable")
    rule.thresholds = {STANDARD: rule.thresholds[THOROUGH], THOROUGH: rule.thresholds[THOROUGH]}
    assert [f.text for f in Checker([rule]).check([UNSURE])] == ["过成"]


def test_the_examples_only_the_thorough_level_finds_are_found_there_and_only_there():
    """typo.toml's ``thorough`` examples: each found at 全面 (the text given), none at 稳妥 (else it
    belongs among the bad examples every level finds); the good examples are silent at both."""
    assert RULE.thorough_bad
    for example in RULE.thorough_bad:
        assert example.flagged in flagged([example.text], THOROUGH), example.text
        assert flagged([example.text], STANDARD) == [], example.text
    for example in RULE.good:
        assert flagged([example.text], THOROUGH) == [], example.text


def test_switching_the_level_on_the_same_checker_rechecks():
    """The window changes the level in place (工具 → 选项) and checks again with the same checker:
    the findings follow the level both ways, nothing kept from the other level."""
    settings = CheckSettings()
    checker = Checker([RULE], settings)
    assert [f.text for f in checker.check([SURE, UNSURE])] == ["阻织"]
    settings.typo_level = THOROUGH
    assert [f.text for f in checker.check([SURE, UNSURE])] == ["阻织", "过成"]
    settings.typo_level = STANDARD
    assert [f.text for f in checker.check([SURE, UNSURE])] == ["阻织"]


def test_the_level_round_trips_through_settings_json():
    settings = Settings.load()
    assert settings.checker.typo_level == STANDARD  # a new user's
    settings.checker.typo_level = THOROUGH
    settings.save()
    assert json.loads(Settings.path().read_text(encoding="utf-8"))["checker"]["typo_level"] == THOROUGH
    assert Settings.load().checker.typo_level == THOROUGH


@pytest.mark.parametrize("stored", [None, "strict", ""], ids=["absent", "unknown", "empty"])
def test_an_absent_or_unknown_level_reads_standard(stored):
    checker = {"ignored_words": ["搞好"]} if stored is None else {"ignored_words": ["搞好"], "typo_level": stored}
    Settings.path().parent.mkdir(parents=True, exist_ok=True)
    Settings.path().write_text(json.dumps({"checker": checker, "font_size": 16}), encoding="utf-8")
    settings = Settings.load()
    assert settings.checker.typo_level == STANDARD
    assert (settings.checker.ignored_words, settings.font_size, settings.note) == ({"搞好"}, 16, "")


@pytest.mark.parametrize("thresholds, problem", [
    ({STANDARD: 5}, "thresholds needs a number for standard, thorough"),
    ({STANDARD: 5, THOROUGH: "0"}, "thresholds needs a number for standard, thorough"),
    ({STANDARD: 5, THOROUGH: 0, "strict": 9}, "thresholds needs a number for standard, thorough"),
    ({STANDARD: -1, THOROUGH: 0}, "the standard threshold must be at least the thorough one"),
], ids=["one missing", "not a number", "an unknown level", "standard below thorough"])
def test_the_loader_refuses_thresholds_that_are_not_one_number_per_level(thresholds, problem):
    spec = {"id": "x", "severity": "warning", "message": "{why}", "name": "疑似错别字", "description": "疑似错别字。",
            "examples": {"bad": [["持旭", "持旭"]], "good": ["持续"]}, "weights": RULE.weights,
            "thresholds": thresholds, "min_frequency": 100}
    with pytest.raises(RuleError, match=problem):
        ContextRule(spec, "typo")


def run_check(path, *options: str) -> str:
    done = subprocess.run([sys.executable, "main.py", "check", str(path), "--rules", "typo-confusable", *options],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_cli_flag_chooses_the_level_and_the_saved_choice_is_the_default(tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text(f"{SURE}\n{UNSURE}\n", encoding="utf-8")
    default, standard, thorough = run_check(draft), run_check(draft, "--typo", STANDARD), run_check(draft, "--typo", THOROUGH)
    assert "阻织" in default and "过成" not in default and default == standard
    assert "阻织" in thorough and "过成" in thorough
    settings = Settings.load()
    settings.checker.typo_level = THOROUGH
    settings.save()
    assert run_check(draft) == thorough and run_check(draft, "--typo", STANDARD) == standard
