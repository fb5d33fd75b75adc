"""The checker on real text: the sample draft, the seed corpus, the CLI, settings and caching."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.core.checker.engine import Checker
from assistant.core.settings import Settings
from assistant.core.checker_setup import user_checker
from assistant.core.document import open_document
from assistant.core.phrasebank.clean import clean_folder
from tests.conftest import ROOT, SAMPLE

CORPUS = ROOT / "resources" / "corpus"
CHECKER = Checker()


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "check", *args], cwd=ROOT, capture_output=True, text=True)


def test_sample_draft_findings_cover_every_planted_weakness():
    findings = CHECKER.check([p.text for p in open_document(SAMPLE).paragraphs])
    found = {(f.rule, f.text) for f in findings}
    for expected in [("colloquial-dated", "搞好"), ("colloquial-words", "咱们"), ("colloquial-words", "好好"),
                     ("colloquial-words", "老是"), ("redundant-words", "涉及到"),
                     ("redundant-approximately", "约126亿元左右"), ("stacked-intensifiers", "非常非常"),
                     ("de-before-verb", "的"), ("de-before-complement", "的"), ("half-width-punctuation", ","),
                     ("stutter", "进一步进一步")]:
        assert expected in found, expected
    assert not [f for f in findings if f.category == "repetition" and f.text == "加强"], "排比 must not be flagged"
    assert len({(f.paragraph, f.start, f.end) for f in findings}) == len(findings), "one finding per place"


def test_seed_corpus_is_quiet_outside_punctuation():
    paragraphs = clean_folder(CORPUS)
    by_file: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        by_file.setdefault(paragraph.source, []).append(paragraph.text)
    warnings = [f for texts in by_file.values() for f in CHECKER.check(texts)
                if f.severity != "info" and f.category != "punctuation"]
    characters = sum(len(p.text) for p in paragraphs)
    assert len(warnings) / characters * 1000 < 5


def test_every_half_width_comma_in_seed_000_is_flagged():
    document = open_document(next(CORPUS.glob("000_*.txt")))
    commas = {(i, j) for i, p in enumerate(document.paragraphs) for j, ch in enumerate(p.text) if ch == ","}
    flagged = {(f.paragraph, f.start) for f in CHECKER.check([p.text for p in document.paragraphs])
               if f.rule == "half-width-punctuation" and f.text == ","}
    assert len(commas) > 50 and flagged == commas


def test_cli_json_has_the_agreed_keys_and_exit_code_zero(tmp_path: Path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("咱们要好好干。\n\n工作推进的十分顺利,群众非常非常满意。\n", encoding="gbk")
    result = run_check(str(draft), "--format", "json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    keys = {"rule", "category", "severity", "paragraph", "start", "end", "text", "message", "suggestions"}
    assert findings and all(keys <= set(f) for f in findings)
    lines = ["咱们要好好干。", "", "工作推进的十分顺利,群众非常非常满意。"]
    for f in findings:
        assert lines[f["paragraph"]][f["start"]:f["end"]] == f["text"]
    assert {f["paragraph"] for f in findings} == {0, 2}


def test_cli_rules_filter_and_text_output(tmp_path: Path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("咱们要好好干,非常非常好。\n", encoding="utf-8")
    result = run_check(str(draft), "--rules", "punctuation")
    assert result.returncode == 0
    assert "【标点】1 处" in result.stdout and "口语化" not in result.stdout
    assert "第 1 行" in result.stdout and "【,】" in result.stdout
    assert run_check(str(draft), "--rules", "no-such-rule").returncode == 2


def test_disabled_rules_categories_and_ignore_list_persist():
    saved = Settings.load()
    settings = saved.checker
    settings.disabled_categories.add("vague")
    settings.disabled_rules.add("stutter")
    settings.ignored_words.add("咱们")
    settings.ignored_places.add(("colloquial-degree", "这个做法挺好。", "挺"))
    saved.save()
    reloaded = Settings.load().checker
    findings = Checker(settings=reloaded).check(["咱们取得了一些成绩，进一步进一步提高。", "这个做法挺好。", "那个做法挺好。"])
    rules = {(f.rule, f.text, f.paragraph) for f in findings}
    assert not any(r[0] in ("stutter", "vague-quantity") or r[1] == "咱们" for r in rules)
    assert ("colloquial-degree", "挺", 2) in rules and ("colloquial-degree", "挺", 1) not in rules


def test_damaged_settings_file_is_set_aside_with_a_note():
    Settings.path().write_text("{broken", encoding="utf-8")
    settings = Settings.load()
    assert "已损坏" in settings.note and settings.checker.disabled_rules == set()
    assert Settings.path().with_name("settings.json.broken").exists()


def test_settings_of_earlier_versions_are_read_once(user_data_folder):
    (user_data_folder / "checker.json").write_text('{"disabled_rules": ["stutter"]}', encoding="utf-8")
    (user_data_folder / "protected_terms.txt").write_text("# 人名\n于谦\n", encoding="utf-8")
    (user_data_folder / "recent.json").write_text('["/tmp/a.docx"]', encoding="utf-8")
    settings = Settings.load()
    assert (settings.checker.disabled_rules, settings.protected_terms, settings.recent_files) == (
        {"stutter"}, ["于谦"], ["/tmp/a.docx"])
    settings.save()
    (user_data_folder / "checker.json").unlink()
    assert Settings.load().checker.disabled_rules == {"stutter"}


def test_only_changed_paragraphs_are_analysed_again():
    checker = Checker()
    paragraphs = ["我们要深入基层，深入了解情况。", "咱们要好好干。", "取得了一些成绩。"]
    checker.check(paragraphs)
    before = {text: checker.analyse(text) for text in paragraphs}
    calls = []
    original = checker.analyse.__func__

    def counting(self, text):
        calls.append(text) if text not in self._cache else None
        return original(self, text)

    checker.analyse = counting.__get__(checker)
    paragraphs[1] = "我们要认真干。"
    findings = checker.check(paragraphs)
    assert calls == ["我们要认真干。"]
    assert checker.analyse(paragraphs[0]) is before[paragraphs[0]]
    assert not [f for f in findings if f.paragraph == 1]


def test_earlier_versions_of_edited_paragraphs_are_let_go_beyond_the_stale_budget(monkeypatch):
    """Each edit of a long pasted paragraph made a new analysis that stayed (~100 MB each for
    300,000 characters); now what the last check did not use is kept only up to STALE_CHARS, and
    what is let go leaves the findings as a fresh checker's."""
    from assistant.core.checker import engine

    checker = Checker()
    paragraphs = ["咱们要进一步加强加强管理,抓好落实。", "我们要认真干。"]
    old = paragraphs[0]
    checker.check(paragraphs)
    monkeypatch.setattr(engine, "STALE_CHARS", len(old) - 1)
    for edit in range(3):
        paragraphs[0] = old + "再" * (edit + 1)
        assert checker.check(paragraphs) == Checker().check(paragraphs)
    assert old not in checker._cache and checker._cached_chars == sum(map(len, paragraphs))
    monkeypatch.setattr(engine, "STALE_CHARS", 10 * len(old))
    kept = paragraphs[0]
    paragraphs[0] = old
    checker.check(paragraphs)
    assert kept in checker._cache  # within the budget: an undo finds it again


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("的地得了是在和与我们咱搞好进一步非常很十分认真学习推进落实，。、；：,.;:!?“”\"（）()《》<>…— \t")) | st.characters(), max_size=80), max_size=5))
def test_check_never_raises_and_spans_match(paragraphs):
    for finding in CHECKER.check(paragraphs):
        text = paragraphs[finding.paragraph]
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text


def test_repetition_findings_offer_phrase_bank_alternatives(tmp_path: Path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("我们加强管理也加强了监督。\n", encoding="utf-8")
    findings = json.loads(run_check(str(draft), "--format", "json", "--rules", "echo").stdout)
    assert findings and findings[0]["text"] == "加强"
    assert {"强化", "完善"} <= set(findings[0]["suggestions"])


def test_a_units_own_typos_are_added_and_bad_lines_reported(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(tmp_path))
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / "typo.tsv").write_text("# 本单位常见错字\n某某县政付\t某某县政府\t\t本单位\n坏行\t一\t二\t三\t四\t五\t六\t七\n", encoding="utf-8")
    checker, notes = user_checker()
    found = [(f.rule, f.text, f.suggestions[0]) for f in checker.check(["请某某县政付各部门抓紧落实。"])]
    assert ("typo", "某某县政付", "某某县政府") in found
    assert any("1 行格式不对" in note for note in notes)
    draft = tmp_path / "草稿.txt"
    draft.write_text("请某某县政付各部门抓紧落实。\n", encoding="utf-8")
    result = run_check(str(draft), "--format", "json")
    assert "某某县政府" in [s for f in json.loads(result.stdout) for s in f["suggestions"]], "the CLI ignores the unit's lexicon"



def test_a_guarded_entry_of_the_units_own_lexicon_is_silent_where_its_guard_matches(user_data_folder: Path):
    """The guard column of a user's typo.tsv vetoes the entry where the text around it matches
    (截止 as in 截止日期 is right; 截止本月 should be 截至本月), per occurrence. Not 截止目前: the
    shipped list has it, and a longer shipped entry wins over the unit's shorter one."""
    folder = user_data_folder / "lexicons"
    folder.mkdir()
    (folder / "typo.tsv").write_text("截止\t截至\t截止(日期|时间|期限)|截止[。，；]\t本单位\n", encoding="utf-8")
    checker, notes = user_checker()
    assert not notes
    text = "截止本月已有12家单位报名，报名截止日期为5月15日。"
    found = [(f.start, f.suggestions[0]) for f in checker.check([text]) if f.rule == "typo"]
    assert found == [(0, "截至")]
    assert not [f for f in checker.check(["申报工作于5月15日截止。"]) if f.rule == "typo"]

DRAFT = ["今年以来，全县上下认真的学习贯彻上级精神，各项工作推进的十分顺利。咱们要把成绩巩固好，坚持问题导向，补齐短板弱项。",
         "24年3月，全县召开动员大会，部署开展作风建设专项行动，要求各部门尽量的配合，确保各项任务落到实处。",
         "会议定于5月15号召开总结会，参会人员约300人左右。"]
WIDTH = 20  # 约300人左右 straddles two wrapped lines at this width


def shapes(paragraphs: list[str]) -> dict[str, list[str]]:
    wrapped = [p[i:i + WIDTH] for p in paragraphs for i in range(0, len(p), WIDTH)]
    return {"lines": paragraphs, "wrapped": wrapped, "pasted": ["".join(paragraphs)]}


def test_the_three_shapes_of_a_draft_give_the_same_findings():
    """One paragraph per line (Word), hard-wrapped lines (PDF), one huge paragraph (web page): the
    same rules fire at the same characters (a finding straddling two wrapped lines is shown on the
    first)."""
    checker = Checker()
    found = {}
    for shape, lines in shapes(DRAFT).items():
        starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines))]
        found[shape] = {(f.rule, starts[f.paragraph] + f.start) for f in checker.check(lines)}
    assert found["lines"] == found["wrapped"] == found["pasted"]
    rules = {rule for rule, _ in found["lines"]}
    assert {"de-before-verb", "de-before-complement", "colloquial-words", "year-abbreviated-20", "date-hao",
            "redundant-approximately"} <= rules


def test_findings_in_wrapped_lines_point_at_the_original_characters():
    lines = shapes(DRAFT)["wrapped"]
    text = "".join(DRAFT)
    findings = Checker().check(lines)
    assert findings
    for finding in findings:
        assert lines[finding.paragraph][finding.start:finding.end] == finding.text
        offset = sum(len(line) for line in lines[:finding.paragraph]) + finding.start
        assert text[offset:offset + len(finding.text)] == finding.text


def test_one_problem_one_finding_but_every_category_keeps_its_own():
    findings = Checker().check(["他说：&ldquo;要狠抓落实&rdquo;。全县上下认真的学习贯彻上级精神，希望大家再接再励，"
                                "坚持问题导向，补齐短板弱项，推动各项工作落地见效，确保全年目标任务圆满完成，以优异成绩迎接检查验收，"
                                "为全县经济社会高质量发展作出新的更大贡献，在新的起点上奋力谱写现代化建设新篇章，"
                                "让全县人民群众的获得感、幸福感、安全感更加充实、更有保障、更可持续。"])
    rules = [f.rule for f in findings]
    assert "html-residue" in rules and "half-width-punctuation" not in rules  # the ; belongs to &ldquo;
    assert {"typo", "long-sentence", "de-before-verb"} <= set(rules)  # inside the long sentence, other categories


def test_document_overuse_is_reported_at_every_use_and_never_suggests_an_overused_word():
    # 加快 leads each second clause (a series, exempt): 推动 after it is the overused word
    paragraphs = [f"第{n}项工作要推进基层治理，加快推动责任落实。" for n in range(40)]
    checker = Checker(alternatives=lambda word: {"推进": ["推动", "促进"], "推动": ["推进", "带动"]}.get(word, []))
    overuse = [f for f in checker.check(paragraphs) if f.rule == "document-overuse"]
    tuijin = [f for f in overuse if f.text == "推进"]
    assert len(tuijin) == 40 and len({f.message for f in tuijin}) == 1 and "40 次" in tuijin[0].message
    assert {s for f in overuse if f.text in ("推进", "推动") for s in f.suggestions} == {"促进", "带动"}


def test_a_re_check_after_edits_equals_a_fresh_check():
    """Document-wide counts are kept between checks and updated for the changed paragraphs only:
    edits, deletions and duplicated paragraphs must give what a new checker gives."""
    paragraphs = [p.text for p in open_document(SAMPLE).paragraphs] * 3
    checker = Checker()
    checker.check(paragraphs)
    edits = [lambda ps: ps[:5] + ["要加强学习，加强管理，加强监督，加强考核。"] + ps[5:],
             lambda ps: ps[:-4],
             lambda ps: ps + ps[:6],
             lambda ps: [p.replace("工作", "事务") for p in ps]]
    for edit in edits:
        paragraphs = edit(paragraphs)
        assert checker.check(paragraphs) == Checker().check(paragraphs)


def test_settings_that_are_a_folder_too_big_or_of_the_wrong_types_are_set_aside(user_data_folder, monkeypatch):
    from assistant.core import userdata

    path = Settings.path()
    path.mkdir()
    assert "文件夹" in Settings.load().note and path.with_name("settings.json.broken").is_dir()
    path.write_text('{"recent_files": "C:/草稿.docx", "font_size": "大"}', encoding="utf-8")
    settings = Settings.load()
    assert "类型不对" in settings.note and settings.recent_files == [] and settings.font_size == 14
    path.write_text('{"font_size": 16}', encoding="utf-8")
    monkeypatch.setattr(userdata, "MAX_JSON_BYTES", 5)
    assert "MB" in Settings.load().note and not path.exists()


def test_invisible_characters_are_read_through_and_findings_point_at_what_the_user_sees():
    """Text pasted from a web page: 搞​好 (a zero-width space inside) is still 搞好 to the rules, and
    the finding covers the characters on screen, the invisible one included."""
    text = "咱们\u200b要搞\u200b好各项工作。"
    found = {(f.rule, f.start, f.end): f for f in Checker().check([text])}
    dated = next(f for f in found.values() if f.rule == "colloquial-dated")
    assert (dated.start, dated.end, dated.text) == (4, 7, "搞\u200b好") and text[dated.start:dated.end] == dated.text
    assert [(f.start, f.text) for f in found.values() if f.rule == "invisible-char"] == [(2, "\u200b"), (5, "\u200b")]
    assert all(text[f.start:f.end] == f.text for f in found.values())


def test_long_clause_does_not_count_the_titles_it_quotes():
    """长串无停顿: the names of laws in 《》 need no comma; the writer's own words around them do."""
    titles = "各单位要认真学习《中华人民共和国安全生产法》《中华人民共和国消防法》和《城镇燃气管理条例》的有关规定并抓好贯彻落实。"
    own = "各单位要认真学习安全生产和消防方面的法律及城镇燃气管理方面的条例中的有关规定并在日常工作中抓好贯彻落实。"
    assert [f for f in CHECKER.check([titles]) if f.rule == "long-clause"] == []
    assert [f.text for f in CHECKER.check([own]) if f.rule == "long-clause"] == [own[:-1]]


def test_a_listed_slip_is_one_finding_not_also_the_models_guess_around_it():
    """The list's 惯彻 → 贯彻 (certain) stands alone: the model's 惯彻落实 → 贯彻落实 over it is dropped,
    while a guess with no list entry under it (持旭) is kept."""
    findings = [f for f in CHECKER.check(["为认真惯彻落实上级部署，持旭推进改革。"]) if f.category == "typo"]
    assert [(f.rule, f.text) for f in findings] == [("typo", "惯彻"), ("typo-confusable", "持旭")]
