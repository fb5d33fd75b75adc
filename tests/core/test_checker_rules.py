"""Every rule in resources/rules/ flags its bad examples and passes its good ones (like
LanguageTool and proselint), every category has rules, and thresholds match the corpus."""

from __future__ import annotations

import pytest

from assistant.core.checker.calibrate import calibrate, generic_words_file, tuning_texts
from assistant.core.checker.engine import Checker
from assistant.core.checker.model import CATEGORIES
from assistant.core.checker.loading import load_rules
from assistant.core.checker.wordclass import GENERIC_FILE
from assistant.core.resources import resource_path


RULES = load_rules()


CHECKERS = {rule.id: Checker([rule]) for rule in RULES}


def findings_of(rule_id: str, example: str):
    """The rule's findings alone (with every rule on, a finding inside another of its category
    is not shown: one problem, one finding)."""
    return CHECKERS[rule_id].check(example.split("\n"))


def test_every_category_has_rules():
    assert {rule.category for rule in RULES} == set(CATEGORIES)


def test_every_rule_has_a_chinese_name_and_a_one_line_description_in_its_file():
    """工具 → 选项 lists rules by these (a rule file without them is refused by the loader)."""
    import tomllib

    specs = [spec for path in resource_path("rules").glob("[!_]*.toml")
             for spec in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", [])]
    assert len(specs) == len(RULES)
    assert all(spec["name"] and spec["description"] for spec in specs)
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names), "two rules share a name in 选项"
    for rule in RULES:
        assert "{" not in rule.name + rule.description and "……" not in rule.name, rule.id  # not a message fragment


@pytest.mark.parametrize("missing", ["name", "description"])
def test_a_rule_without_a_name_or_description_is_refused_saying_what_to_add(tmp_path, missing):
    from assistant.core.checker.rules import RuleError

    source = resource_path("rules", "vague.toml").read_text(encoding="utf-8")
    first = next(line for line in source.splitlines() if line.startswith(f"{missing} = "))
    (tmp_path / "vague.toml").write_text(source.replace(first + "\n", "", 1), encoding="utf-8")
    with pytest.raises(RuleError, match=f"rule vague-quantity: needs {missing} = "):
        load_rules(tmp_path)


@pytest.mark.parametrize("name", ["vague", "笼统的数量与若干问题的说法", "   ", "笼统\\n数量"],
                         ids=["no hanzi", "13 characters", "blank", "two lines"])
def test_a_rule_name_the_options_tree_cannot_show_is_refused(tmp_path, name):
    """The name is what 工具 → 选项 lists: Chinese, one line, at most NAME_CHARS characters."""
    from assistant.core.checker.rules import NAME_CHARS, RuleError

    assert len("笼统的数量与若干问题的说法") == NAME_CHARS + 1
    source = resource_path("rules", "vague.toml").read_text(encoding="utf-8")
    (tmp_path / "vague.toml").write_text(source.replace('name = "笼统的数量"', f'name = "{name}"', 1), encoding="utf-8")
    with pytest.raises(RuleError, match="rule vague-quantity: needs name = "):
        load_rules(tmp_path)


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


CERTAIN_RULES = [rule for rule in RULES if rule.certain]


def test_certain_rules_are_those_of_certain_categories_and_stutter():
    assert {r.category for r in CERTAIN_RULES} == {"typo", "number", "punctuation", "repetition"}
    assert [r.id for r in CERTAIN_RULES if r.category == "repetition"] == ["stutter"]
    assert not [r.id for r in CERTAIN_RULES if r.severity == "info"]
    assert "typo-confusable" not in {r.id for r in CERTAIN_RULES}  # a statistical guess (以责提力 is right)


@pytest.mark.parametrize("rule", CERTAIN_RULES, ids=lambda r: r.id)
def test_certain_rules_fix_every_bad_example(rule):
    """全部修正 applies the first suggestion of a certain finding: each must offer one, and applying
    it must leave nothing for the rule to flag (a list entry with a guard rests on its context and is
    left to the writer: its finding is not certain)."""
    for example in rule.bad:
        for finding in findings_of(rule.id, example.text):
            if not finding.certain:
                assert finding.text in getattr(rule, "guards", {}), (rule.id, example.text)
                continue
            assert finding.fixable, (rule.id, example.text)
            fixed = example.text[:finding.start] + finding.suggestions[0] + example.text[finding.end:]
            assert (finding.start, finding.text) not in [(f.start, f.text) for f in findings_of(rule.id, fixed)], fixed


LIST_RULES = [rule for rule in RULES if rule.listed_entries]


@pytest.mark.parametrize("rule", LIST_RULES, ids=lambda r: r.id)
def test_every_list_entry_fires_on_its_own(rule):
    """Dead data (an entry that no text can trigger: shadowed by a longer entry, vetoed by its own
    guard, never a whole word for jieba) fails here. A guarded entry that fires only in context
    (反应 before 情况) is tried in its example."""
    def text_of(entry: str) -> str:
        return (entry in getattr(rule, "guards", {}) and dict(rule.details[entry]).get("example")) or entry
    dead = [entry for entry in rule.listed_entries if entry not in [f.text for f in findings_of(rule.id, text_of(entry))]]
    assert not dead, f"{rule.id}: {len(dead)} entries never fire, e.g. {dead[:10]}"


@pytest.mark.parametrize("rule", [r for r in LIST_RULES if any(dict(d).get("example") for d in r.details.values())],
                         ids=lambda r: r.id)
def test_every_lexicon_example_is_found(rule):
    examples = {entry: dict(details).get("example") for entry, details in rule.details.items()}
    missed = [(entry, text) for entry, text in examples.items()
              if text and entry not in [f.text for f in findings_of(rule.id, text)]]
    assert not missed, f"{rule.id}: {len(missed)} examples not found, e.g. {missed[:5]}"


def test_list_entries_offer_their_fixes():
    for rule in LIST_RULES:
        for entry, fixes in rule.listed_entries.items():
            assert entry not in fixes, (rule.id, entry)


def test_thresholds_in_rule_files_are_the_corpus_calibration():
    """Seeds and the tuning part of corpus-extra (its held-out fifth is never tuned on)."""
    calibrated = calibrate(RULES, tuning_texts())
    declared = {}
    for rule in RULES:
        for parameter in ("window", "min_count", "loud_count", "max_chars", "loud_chars", "ratio", "run", "loud_run", "short",
                          "parallel_clauses", "window_chars", "theme_share", "min_chars"):
            if hasattr(rule, parameter):
                declared[f"{rule.id}.{parameter}"] = getattr(rule, parameter)
    assert calibrated == {key: declared[key] for key in calibrated}
    assert set(calibrated) | set(FIXED_THRESHOLDS) == set(declared)


# Thresholds set by definition, not measured: every other one is the corpus calibration.
FIXED_THRESHOLDS = {
    "sentence-repeat.min_count": "three uses of one word in one sentence is the reviewer's own measure",
    "sentence-repeat.loud_count": "a fourth use in one sentence turns the hint into a warning",
    "window-overuse.ratio": "a floor (20 × the everyday rate) that keeps the commonest words out of the count",
    "document-overuse.min_count": "a word needs eight uses before its rate means anything",
    "repeated-opener.run": "three sentences in a row opening alike is already monotonous",
    "repeated-opener.loud_run": "a fourth one makes it a warning",
    "repeated-opener.short": "runs of sentences of at most 20 characters are 排比",
    "repeated-paragraph-opener.run": "three paragraphs in a row opening alike, as for sentences",
    "repeated-paragraph-opener.loud_run": "a fourth one makes it a warning, as for sentences",
    "repeated-paragraph-opener.short": "short first sentences in a row are 排比, as for sentences",
    "duplicate-sentence.min_chars": "eight characters: a shorter sentence said twice is a formula (同意。)",
    "repeated-opener.min_chars": "three characters: a phrase (我们要, 会议强调), not a subject (我们, 中国)",
    "repeated-paragraph-opener.min_chars": "four characters: a phrase (会议强调), not a subject paragraphs take up in turn",
    "long-sentence.parallel_clauses": "three clauses opening in parallel make a sentence 排比",
    "window-overuse.window_chars": "about 300 characters: a short paragraph, or a stretch of a pasted one",
    "window-overuse.theme_share": "a word in 30 % of a document's windows is its theme",
}


def test_generic_words_are_the_corpus_class():
    """The words overuse may report (resources/dict/generic_words.tsv) are what the data decide:
    part of speech, use across the tuning corpus and the phrase bank's meaning groups."""
    assert resource_path(*GENERIC_FILE).read_text(encoding="utf-8") == generic_words_file(tuning_texts())


@pytest.mark.parametrize("text, fixed", [("每年要增长百分之四到五，", "4%到5%"), ("由百分之五到百分之十", "5%到10%"),
                                         ("增长百分之十二点五", "12.5%")])
def test_a_chinese_percentage_is_converted_whole_with_its_range(text, fixed):
    """百分之四到五 → 4%到5%, never 4%到五: each value of a range keeps its % (GB/T 15835-2011 5.1.3)."""
    assert [f.suggestions[0] for f in findings_of("chinese-numeral-percent", text)] == [fixed]


def test_a_hedge_before_all_is_replaced_by_almost():
    """差不多所有 → 几乎所有: 基本所有, the usual fix for 差不多, is not Chinese."""
    assert [f.suggestions[0] for f in findings_of("vague-hedge", "参加者包括了差不多所有社会阶层")] == ["几乎"]
