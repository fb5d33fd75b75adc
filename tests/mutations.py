"""Mutation check: break the code one line at a time and see the tests catch it.

Each sabotage replaces one exact piece of a file (it must occur once), runs the tests that guard
it, and restores the file. A sabotage the tests do not catch is a hole in the suite. Run:

    .venv/bin/python tests/mutations.py            # all of them; prints the score
    .venv/bin/python tests/mutations.py cancel     # only those whose name contains "cancel"
    .venv/bin/python tests/mutations.py independent: # those chosen by someone who did not write the tests

Not part of the suite (it runs the guarding tests about 30 times); the score goes in the notes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI_TESTS = "tests/gui/test_main_window.py"
FORMULATION_TESTS = "tests/core/test_formulation.py"
# The formulation rules' own bad/good examples in resources/rules/formulation.toml.
FORMULATION_GUARDS = (FORMULATION_TESTS, *(f"tests/core/test_checker_rules.py::{test}[{rule}]"
                                           for test in ("test_rule_flags_its_bad_examples", "test_rule_passes_its_good_examples")
                                           for rule in ("formulation", "formulation-enum")))
CONFUSION_TESTS = "tests/core/test_confusion.py"
# The statistical 错别字 rule's own bad/good examples in resources/rules/typo.toml.
CONFUSABLE_EXAMPLES = tuple(f"tests/core/test_checker_rules.py::{test}[typo-confusable]"
                            for test in ("test_rule_flags_its_bad_examples", "test_rule_passes_its_good_examples"))

# The repetition rules' own examples and the subject tests (issue 25).
REPETITION_GUARDS = ("tests/core/test_checker_subject.py",
                     *(f"tests/core/test_checker_rules.py::{test}" for test in
                       ("test_rule_flags_its_bad_examples", "test_rule_passes_its_good_examples",
                        "test_certain_rules_fix_every_bad_example")))
# The phrase-bank tests but the ~200 s rebuild of the whole bank (a regression rebuilds the bank with it).
PHRASEBANK_FAST = ("tests/core/test_phrasebank.py", "-k", "not rebuilding")
INDEPENDENT = "independent:"  # in the name of a sabotage chosen by someone who did not write the tests
WINDOWS_TESTS = "tests/packaging/test_windows.py"
BUNDLE_TOOLS_TESTS = "tests/packaging/test_bundle_tools.py"
# The 信创 proof builds the .deb in a Debian 12 root and installs it into Debian 11: 8-10 minutes (arm64: 25+).
XINCHUANG = "tests/packaging/test_xinchuang.py::test_installed_self_test_passes_on_the_old_system[{}]"


@dataclass(frozen=True)
class Sabotage:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


SABOTAGES = [
    # -- the regressions the architecture review named ------------------------------------------
    Sabotage("cancel is ignored: the work runs on after 取消", "assistant/gui/tasks.py",
             "            raise Cancelled()", "            pass", (f"{GUI_TESTS}::test_cancelling_an_import_applies_nothing",)),
    Sabotage("export ignores the fallback-font choice", "assistant/core/gongwen_page.py",
             "        return self.fallbacks.get(name, name) if self.use_fallback_fonts and name in missing else name",
             "        return name", (f"{GUI_TESTS}::test_exports_from_the_window",)),
    Sabotage("stale check results are applied", "assistant/core/session.py",
             "            if changed_at.get(uid) == revision:", "            if True:",
             (f"{GUI_TESTS}::test_results_of_an_older_check_apply_only_to_unchanged_paragraphs",)),
    Sabotage("an edit does not make a paragraph's results stale", "assistant/core/session.py",
             "                self._changed_at[paragraph.uid] = self.revision", "                pass",
             (f"{GUI_TESTS}::test_results_of_an_older_check_apply_only_to_unchanged_paragraphs",)),
    Sabotage("cursor_for without its text check", "assistant/gui/editor.py",
             "if not block.isValid() or block.text()[finding.start:finding.end] != finding.text:",
             "if not block.isValid():", (f"{GUI_TESTS}::test_findings_are_underlined_only_where_their_text_still_stands",)),
    Sabotage("the autosave outlives the draft's return to its file (saved or undone)", "assistant/gui/main_window.py",
             "        self.editor.document().modificationChanged.connect(lambda modified: modified or self._forget_snapshot())\n",
             "", (f"{GUI_TESTS}::test_saving_discards_the_autosave",)),
    Sabotage("review comments go on whatever text stands there now", "assistant/core/export/review.py",
             "    return draft.paragraphs[finding.paragraph].text[finding.start:finding.end] == finding.text",
             "    return True", ("tests/core/test_export.py",)),
    Sabotage("a list entry that can never fire (同时/此外 kind)", "resources/lexicons/colloquial.tsv",
             "这会儿\t此时、目前、现在\tspoken\t这会儿各项准备工作已经就绪。\n",
             "这会儿\t此时、目前、现在\tspoken\t这会儿各项准备工作已经就绪。\n同时而已\t同时\tspoken\t同时要做好防汛工作。\n",
             ("tests/core/test_checker_rules.py",)),
    Sabotage("忽略此处 does not record the place", "assistant/core/session.py",
             "        self.settings.checker.ignore_at(finding, self.document.paragraphs[finding.paragraph].text)",
             "        pass", (f"{GUI_TESTS}::test_ignore_here_hides_only_that_place",)),
    Sabotage("the GUI reaches into the session's private findings", "assistant/gui/main_window.py",
             "        self.status_labels[\"findings\"].setText(f\"问题：{len(self.session.findings)}\")",
             "        self.status_labels[\"findings\"].setText(f\"问题：{len(self.session._found)}\")",
             ("tests/core/test_layering.py",)),
    # -- the document model and files ---------------------------------------------------------
    Sabotage("render edits the live tree (a side effect)", "assistant/core/docx_io.py",
             "        root = copy.deepcopy(live)", "        root = live", ("tests/core/test_save.py",)),
    Sabotage("deleted paragraphs stay in the saved .docx", "assistant/core/docx_io.py",
             "                remove_paragraph(target(element))", "                pass",
             ("tests/core/test_docx_edit.py", "tests/core/test_save.py")),
    Sabotage("a .txt loses its own line endings", "assistant/core/txt_io.py",
             "parts.append(self._ending_of.get(paragraph.uid, self.newline))", "parts.append(self.newline)",
             ("tests/core/test_txt_io.py",)),
    Sabotage("settings of earlier versions are not read", "assistant/core/settings.py",
             "        if not cls.path().exists():", "        if False:", ("tests/core/test_checker.py",)),
    Sabotage("the first overwrite keeps no backup", "assistant/core/document.py",
             "backup=backup and overwriting_original and not self._backed_up,", "backup=False,",
             ("tests/core/test_save.py",)),
    # -- conversion ---------------------------------------------------------------------------
    Sabotage("protected terms are converted", "assistant/core/conversion.py",
             "        fixed.update({term: term for term in protected if term})", "        pass",
             ("tests/core/test_conversion.py",)),
    Sabotage("headers and footers are not converted", "assistant/core/document.py",
             "            self.backend.convert_other_parts(converter)", "            pass",
             ("tests/core/test_conversion.py",)),
    # -- the checker --------------------------------------------------------------------------
    Sabotage("one problem gives two findings", "assistant/core/checker/engine.py",
             "                and SEVERITY_RANK[outer.severity] >= SEVERITY_RANK[finding.severity]):\n            continue",
             "                and SEVERITY_RANK[outer.severity] >= SEVERITY_RANK[finding.severity]):\n            pass",
             ("tests/core/test_checker.py",)),
    Sabotage("the full-width semicolon no longer ends a sentence", "assistant/core/text/sentences.py",
             'SENTENCE_END = "。！？；!?;…"', 'SENTENCE_END = "。！？!?;…"',
             ("tests/core/test_checker_rules.py", "tests/core/test_checker.py")),
    Sabotage("every paragraph is analysed again after one edit", "assistant/core/checker/engine.py",
             "        self._cache[text] = analysis", "        pass", ("tests/core/test_checker.py",)),
    Sabotage("ignored words are reported anyway", "assistant/core/checker/settings.py",
             "        if finding.text in self.ignored_words:\n            return True",
             "        if False:\n            return True", ("tests/core/test_checker.py",)),
    # -- the app workflow (issues 17 and 21) --------------------------------------------------
    Sabotage("全部修正 also applies judgement calls", "assistant/core/session.py",
             "for f in findings if f.fixable), key=", "for f in findings if f.suggestions), key=",
             ("tests/core/test_session.py",)),
    Sabotage("list guards veto nothing (反应 flagged in 不良反应)", "assistant/core/checker/rules.py",
             "if guard is not None and guard.search(", "if False and guard.search(",
             ("tests/core/test_typo_lexicon.py",)),
    Sabotage("全部修正 applies a guarded typo entry", "assistant/core/checker/rules.py",
             "certain=False if guard is not None else None)", "certain=None)",
             ("tests/core/test_typo_lexicon.py",)),
    Sabotage("info-level rules count as certain", "assistant/core/checker/rules.py",
             'CATEGORY_INFO[category].certain and self.severity != "info")', "CATEGORY_INFO[category].certain)",
             ("tests/core/test_checker_rules.py",)),
    Sabotage("undoing an ignore keeps it", "assistant/core/session.py",
             "        checker.disabled_rules, checker.ignored_words, checker.ignored_places = choices\n", "",
             ("tests/core/test_session.py",)),
    Sabotage("F8 always starts from the top", "assistant/gui/editor.py",
             "        at = bisect_left(self._order_keys, (block.blockNumber(), position - block.position()))",
             "        at = 0", (f"{GUI_TESTS}::test_keyboard_only_walk",)),
    Sabotage("an overused word is offered as a replacement", "assistant/core/checker/engine.py",
             "        return _without_overused_suggestions(_outermost(_without_guesses_over_certain(findings)))",
             "        return _outermost(_without_guesses_over_certain(findings))",
             ("tests/core/test_checker.py",)),
    Sabotage("a document-wide finding is underlined at every place", "assistant/gui/editor.py",
             "                if finding.document_level and self._first_place.get(finding.message) is not finding:",
             "                if False:", (f"{GUI_TESTS}::test_an_overused_word_lists_all_its_places_and_each_fix_is_one_undo",)),
    Sabotage("the reviewed copy ignores the chosen author", "assistant/core/export/review.py",
             "qn(\"w:author\"): author, qn(\"w:initials\"): author[:2],", "qn(\"w:author\"): APP_NAME, qn(\"w:initials\"): APP_NAME[:2],",
             (f"{GUI_TESTS}::test_health_check_compares_with_the_last_one_and_the_reviewed_copy_uses_the_settings",)),
    Sabotage("restoring an ignored word in 选项 does nothing", "assistant/gui/options.py",
             "            self.ignored.takeItem(self.ignored.row(item))", "            pass",
             (f"{GUI_TESTS}::test_options_restore_an_ignored_word_turn_a_rule_off_and_keep_general_settings",)),
    Sabotage("Qt's Chinese is not loaded", "assistant/gui/app.py",
             '    for name in ("qtbase_zh_CN", "qt_zh_CN"):', '    for name in ():', ("tests/gui/test_chinese_labels.py",)),
    Sabotage("a new .docx is python-docx's US Letter page", "assistant/core/docx_io.py",
             "        base_layout(document)\n", "", ("tests/core/test_save.py",)),
    # -- the statistical 错别字 detector (issues 18, 33) -----------------------------------------
    Sabotage("titles and quotations are checked for slips", "assistant/core/checker/confusion.py",
             "        blocked.update(range(left, right))", "        pass", ("tests/core/test_confusion.py",)),
    Sabotage("names are checked for slips", "assistant/core/checker/confusion.py",
             'UNTOUCHED_TAGS = NAME_TAGS | {"m", "eng"}', 'UNTOUCHED_TAGS = {"m", "eng"}', ("tests/core/test_confusion.py",)),
    Sabotage("a verb's resultative 到 is taken for a slip", "assistant/core/checker/confusion.py",
             'RESULTATIVE = set("到")', "RESULTATIVE = set()", ("tests/core/test_confusion.py",)),
    Sabotage("a parallel series is taken for slips", "assistant/core/checker/confusion.py",
             "    if end - start != 2:\n        return False", "    if True:\n        return False",
             ("tests/core/test_confusion.py",)),
    Sabotage("no margin: any likelier repair is reported", "resources/rules/typo.toml",
             "margins = { sound = 5400, shape = 6000, homophone = 6000 }", "margins = { sound = 1, shape = 1, homophone = 1 }",
             ("tests/core/test_confusion.py",)),
    Sabotage("s33: the confusion sets are read one way only", "assistant/core/checker/confusion.py",
             "            alike.setdefault(other, []).append(char)", "            pass", (CONFUSION_TESTS,)),
    Sabotage("s33: a whole word of the same syllables weighs as two sound slips", "assistant/core/checker/confusion.py",
             '            return ("homophone",)', "            pass", (CONFUSION_TESTS,)),
    Sabotage("s33: no whole word of the same syllables is proposed", "assistant/core/checker/confusion.py",
             "        firsts, seconds = self.homophones.get(written[0]), self.homophones.get(written[1])",
             "        firsts, seconds = None, None", (CONFUSION_TESTS,)),
    Sabotage("s33: the word margin ignores how common the written word is", "assistant/core/checker/confusion.py",
             "            excess -= self.word_margin * math.log10(1 + written_frequency)",
             "            excess -= self.word_margin * (written_frequency > 0)", (CONFUSION_TESTS,)),
    Sabotage("s33: a lone pronoun is swapped", "assistant/core/checker/confusion.py",
             'LONE_UNTOUCHED_TAGS = {"r"}', "LONE_UNTOUCHED_TAGS = set()", (CONFUSION_TESTS,)),
    Sabotage("s33: the name before 社区 or 镇 is checked", "assistant/core/checker/confusion.py",
             '            blocked.update(range(max(0, token.start - 2), token.start))', "            pass", (CONFUSION_TESTS,)),
    Sabotage("s33: a whole-word swap is checked for a parallel series at its first character only",
             "assistant/core/checker/confusion.py", "for at in swapped)):", "for at in swapped[:1])):", (CONFUSION_TESTS,)),
    Sabotage("a uniform language model", "assistant/core/checker/typo_model.py",
             "    return NgramModel.from_bytes(resource_path(*MODEL_FILE).read_bytes())",
             "    return NgramModel(ORDER, {}, {}, -3500)", ("tests/core/test_confusion.py",)),
    Sabotage("pruned n-grams' mass is lost", "assistant/core/checker/ngram.py",
             "                    backoffs[context] = quantised(math.log10(left[context] / left_below[context]))",
             "                    backoffs[context] = quantised(math.log10(discount * types[context] / totals[context]))",
             ("tests/core/test_confusion.py",)),
    Sabotage("u33lm: the trigram set is asked about pairs", "assistant/core/checker/ngram.py",
             "int.from_bytes(raw[i:i + 6])", "int.from_bytes(raw[i:i + 4])",
             (f"{CONFUSION_TESTS}::test_a_paragraph_s_trigrams_are_looked_up_at_once_as_one_by_one",
              f"{CONFUSION_TESTS}::test_only_characters_in_no_known_trigram_are_suspects", *CONFUSABLE_EXAMPLES)),
    Sabotage("u33lm: a law paragraph holding a dev sentence is trained on", "assistant/core/checker/law_text.py",
             "if not any(count >= DROP_SHARE * sizes[number]", "if not any(count > sizes[number]",
             ("tests/core/test_law_text.py",)),
    Sabotage("u33lm: the loose overlap counts any sentence with a shingle found", "assistant/core/checker/law_text.py",
             ">= LOOSE_SHARE * len(shingles(s))]", "> 0]", ("tests/core/test_law_text.py",)),
    Sabotage("re-checks never take a paragraph's words out of the counts", "assistant/core/checker/repetition.py",
             "                (self.total.update if change > 0 else self.total.subtract)(counts)",
             "                self.total.update(counts)", ("tests/core/test_checker.py",)),
    # -- the phrase bank ----------------------------------------------------------------------
    Sabotage("inserted phrases double the punctuation", "assistant/core/phrasebank/sources.py",
             "        phrase = phrase.lstrip(PUNCTUATION)", "        pass", ("tests/core/test_phrasebank.py",)),
    Sabotage("seed phrases lose their rank", "assistant/core/phrasebank/bank.py",
             "(SEED_WEIGHT if self.seed else 1.0)", "1.0", ("tests/core/test_phrasebank.py",)),
    Sabotage("the user's phrases are not ranked first", "assistant/core/phrasebank/bank.py",
             "self.phrases[i].text != query, not self.phrases[i].user,", "self.phrases[i].text != query,",
             ("tests/core/test_phrasebank.py", f"{GUI_TESTS}::test_my_phrases_can_be_added_edited_and_deleted")),
    Sabotage("a 成语 the seeds use is dropped for being short", "assistant/core/phrasebank/setphrases.py",
             '    if fixed:  # a 成语 by the dictionary', '    if fixed and len(word) > 3:  # a 成语 by the dictionary',
             ("tests/core/test_phrasebank.py::test_set_phrase_exclusions_each_reason_fires_and_spares_idioms",)),
    Sabotage("a list on one frame counts as a pair", "assistant/core/phrasebank/extract.py",
             "    return len(a) == len(b) and sum(x == y for x, y in zip(a, b)) >= min(2, len(a) - 2)", "    return False",
             ("tests/core/test_phrasebank.py::test_kinds_and_categories_of_a_small_corpus",)),
    Sabotage("a maxim weighing two clauses is not a 金句", "assistant/core/phrasebank/extract.py",
             'MAXIM_LINK = re.compile(r"^(不如', 'MAXIM_LINK = re.compile(r"^$(不如',
             ("tests/core/test_phrasebank.py::test_kinds_and_categories_of_a_small_corpus",)),
    Sabotage("counts make 一…一… methods", "assistant/core/phrasebank/setphrases.py",
             'NOT_IN_ONE_ONE = set("', 'NOT_IN_ONE_ONE = set() and set("',
             ("tests/core/test_phrasebank.py::test_named_methods_and_slogans",)),
    Sabotage("the search box keeps an old query beside a word's alternatives", "assistant/gui/panels.py",
             "        self.query.setText(word)", "        pass", ("tests/gui/test_phrase_panel.py",)),
    # -- chosen independently (issue 32): issue 31, phrase bank 3 --------------------------------
    Sabotage("independent: a saying led by 一 (一头雾水) is excluded as a count", "assistant/core/phrasebank/setphrases.py",
             '(tags[0] == "m" and not word.startswith("一"))', '(tags[0] == "m")', PHRASEBANK_FAST),
    Sabotage("independent: a 成语 shaped verb + object (脚踏实地) is a collocation and lost", "assistant/core/phrasebank/setphrases.py",
             'return "collocation" if tag != "i" and verb_and_object(word) else "idiom"',
             'return "collocation" if verb_and_object(word) else "idiom"', PHRASEBANK_FAST),
    Sabotage("independent: category ties go to the last category, no-seed entries leave 综合", "assistant/core/phrasebank/extract.py",
             "            if score > best_score:", "            if score >= best_score:", PHRASEBANK_FAST),
    Sabotage("independent: the generic seed 发展 is back in 改革创新", "resources/phrasebank/categories.toml",
             '"思路", "攻坚"', '"思路", "发展", "攻坚"', PHRASEBANK_FAST),
    Sabotage("independent: a quoted name (“中国品牌”) is a 成语俗语", "assistant/core/phrasebank/setphrases.py",
             'if len(words) > 1 and (pos_table().get(words[0]) == "ns" or (', 'if False and (pos_table().get(words[0]) == "ns" or (',
             PHRASEBANK_FAST),
    Sabotage("independent: two names sharing a character (探月工程、深海工程) are a 对偶句", "assistant/core/phrasebank/extract.py",
             " and (has_predicate(a) or has_predicate(b))", "", PHRASEBANK_FAST),
    # -- issue 16: hostile inputs ----------------------------------------------------------------
    Sabotage("members inflated whole again (a lying size blows memory up)", "assistant/core/sniff.py",
             "                    while chunk := member.read(READ_CHUNK):", "                    while chunk := member.read():",
             ("tests/core/test_hostile.py::test_a_hostile_input_gets_one_chinese_line_and_loses_nothing[inflate-lie]",)),
    Sabotage("paragraphs not counted before parsing", "assistant/core/sniff.py",
             "            if paragraphs > MAX_PARAGRAPHS:", "            if False:",
             ("tests/core/test_hostile.py",)),
    Sabotage("duplicate zip members accepted", "assistant/core/sniff.py",
             "    if len(set(names)) != len(names):", "    if False:", ("tests/core/test_hostile.py",)),
    Sabotage("no cap on characters", "assistant/core/limits.py",
             "    if characters > MAX_TEXT_CHARS:", "    if False:", ("tests/core/test_bad_input.py", "tests/core/test_hostile.py")),
    Sabotage("a command-line check of any length", "assistant/core/limits.py",
             "    if characters > MAX_CHECK_CHARS:", "    if False:", ("tests/core/test_hostile.py",)),
    Sabotage("the suffix is not checked against what is written", "assistant/core/atomic.py",
             "    if suffix in TEXT_SUFFIXES and writes_word:", "    if False:", ("tests/core/test_hostile.py",)),
    Sabotage("the CLI overwrites its input without a .bak", "assistant/cli.py",
             "    document.save(args.output)\n    print(f\"已转换", "    document.save(args.output, backup=False)\n    print(f\"已转换",
             ("tests/core/test_hostile.py",)),
    Sabotage("user JSON checked only at the top level", "assistant/core/userdata.py",
             "        return next((problem for number, item in enumerate(value)", "        return next((problem for number, item in enumerate([])",
             ("tests/core/test_hostile.py",)),
    Sabotage("a lone surrogate read from w:sym", "assistant/core/docx_text.py",
             "        return x.xml_safe(chr(int(sym.get(x.w(\"char\"), \"\"), 16)))", "        return chr(int(sym.get(x.w(\"char\"), \"\"), 16))",
             ("tests/core/test_hostile.py",)),
    Sabotage("control characters in .txt kept", "assistant/core/document.py",
             "        paragraphs = [Paragraph(xml_safe(text)) for text in lines]", "        paragraphs = [Paragraph(text) for text in lines]",
             ("tests/core/test_hostile.py",)),
    Sabotage("argparse speaks English", "assistant/cli.py",
             "    cli_messages.install()\n", "", ("tests/core/test_hostile.py",)),
    Sabotage("the linear diff loses its place", "assistant/core/text/diff.py",
             "        i, j = i + di, j + dj", "        i, j = i + di, j + dj + (dj > 3)", ("tests/core/test_text_diff.py",)),
    Sabotage("line matching without the common tail", "assistant/core/document.py",
             "        tail += 1", "        tail += 2", ("tests/core/test_text_diff.py",)),
    Sabotage("huge changed middles diffed by difflib", "assistant/core/document.py",
             "    if max(len(old_middle), len(new_middle)) <= MAX_DIFFED_LINES:", "    if True:",
             ("tests/core/test_text_diff.py",)),
    # -- 公文 export (issue 13) ------------------------------------------------------------------
    Sabotage("公文: 署名 and 日期 searched only among the last three paragraphs", "assistant/core/export/elements.py",
             "if _text(lines, i) is not None and is_date(lines[i].text)), None)",
             "if _text(lines, i) is not None and is_date(lines[i].text) and i >= len(lines) - 3), None)",
             ("tests/core/test_elements.py",)),
    Sabotage("公文: wrong 文号 brackets kept", "assistant/core/text/dates.py",
             "    return f\"{match.group('org')}〔{match.group('year')}〕{match.group('seq')}号\"",
             "    return text.strip()", ("tests/core/test_elements.py",)),
    Sabotage("公文: numbering labels dropped", "assistant/core/export/source.py",
             "            lines.append(Line(label + text))", "            lines.append(Line(text))",
             ("tests/core/test_gongwen_layout.py",)),
    Sabotage("公文: odd last page left odd", "assistant/core/export/gongwen.py",
             "        if self.pages.last_page % 2 == 1:", "        if False:",
             ("tests/core/test_gongwen_layout.py", "tests/core/test_gongwen_pdf.py")),
    Sabotage("公文: 标志 not red", "assistant/core/export/gongwen.py",
             "        self.run(paragraph, text, self.s.title_font, size, self.s.mark_color)",
             "        self.run(paragraph, text, self.s.title_font, size)", ("tests/core/test_gongwen_layout.py",)),
    Sabotage("公文: unsealed 落款 laid out as sealed", "assistant/core/export/closing.py",
             "    if sealed:", "    if True:", ("tests/core/test_gongwen_layout.py",)),
    Sabotage("公文: the dialog's edits are not exported", "assistant/gui/main_window.py",
             "            confirmed = elements.elements()", "            confirmed = elements._original",
             ("tests/gui/test_elements_dialog.py",)),
    Sabotage("公文: line pitch leaves 22 lines short of the 版心", "assistant/core/gongwen_page.py",
             "        return math.floor(Mm(self.text_height_mm).pt * 20 / self.lines_per_page) / 20", "        return 28.0",
             ("tests/core/test_export.py", "tests/core/test_gongwen_pdf.py")),
    # -- 公文 export of tables (uexport) ---------------------------------------------------------
    Sabotage("公文: a copied table keeps style ids the export lacks", "assistant/core/export/gongwen.py",
             "        self.styles.carry(copied)", "        pass", ("tests/core/test_export_tables.py", "tests/core/test_table_pdf.py")),
    Sabotage("公文: a draft style is copied even when the export has one of its name", "assistant/core/export/styles.py",
             "            elif (kind, _name(style)) in self.by_name:", "            elif False:", ("tests/core/test_export_tables.py", "tests/core/test_table_pdf.py")),
    Sabotage("公文: a copied style keeps the draft's basedOn id", "assistant/core/export/styles.py",
             "        if based_on is not None:\n            parent", "        if False:\n            parent", ("tests/core/test_export_tables.py", "tests/core/test_table_pdf.py")),
    Sabotage("公文: a numbered cell keeps the draft's numId", "assistant/core/export/source.py",
             "        number.get_or_add_numId().val = 0", "        pass", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a table's link keeps the draft's r:id", "assistant/core/export/gongwen.py",
             "        relink(copied, self.draft_part, self.out.part)", "        pass", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a table wider than the 版心 copied as wide", "assistant/core/export/gongwen.py",
             "        fit_width(copied, self.s.text_width_mm / 25.4 * 1440)", "        pass", ("tests/core/test_export_tables.py", "tests/core/test_table_pdf.py")),
    Sabotage("公文: nested tables not narrowed with their table", "assistant/core/export/table_width.py",
             '    for column in table.iter(x.w("gridCol")):', "    for column in columns:", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: tables with nothing between them run together", "assistant/core/export/gongwen.py",
             "            self.blank()  # two tables with nothing", "            pass  # two tables with nothing",
             ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a table's tracked changes copied as they are", "assistant/core/export/gongwen.py",
             "        accept_revisions(copied)", "        pass", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a deleted table row kept", "assistant/core/export/accepted.py",
             "        if parent.tag == x.w(\"trPr\") and change.tag in REMOVED:", "        if False:",
             ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a draft style without an id taken in", "assistant/core/export/styles.py",
             "                                                      if s.get(STYLE_ID)}",
             "                                                      }", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: EMF/WMF pictures handed to python-docx only", "assistant/core/export/picture.py",
             "    except UnrecognizedImageError:", "    except KeyError:", ("tests/core/test_export_tables.py",)),
    Sabotage("公文: pictures in a table left out", "assistant/core/export/gongwen.py",
             '        left_out += [e for e in copied.iter(qn("w:drawing")) if not is_picture(e)]',
             '        left_out += list(copied.iter(qn("w:drawing")))',
             ("tests/core/test_export_tables.py",)),
    Sabotage("公文: a table picture's r:embed names the draft's part", "assistant/core/export/links.py",
             "        elif relationship is not None and relationship.reltype == RT.IMAGE:", "        elif False:",
             ("tests/core/test_export_tables.py",)),
    Sabotage("公文: drawing ids copied with a table", "assistant/core/export/gongwen.py",
             '            properties.set("id", str(self.out.part.next_id))', "            pass",
             ("tests/core/test_export_tables.py",)),
    Sabotage("公文: pictures in a narrowed table keep their width", "assistant/core/export/table_width.py",
             '        if size.get("cx") is not None:  # not an a:ext', '        if False:  # not an a:ext',
             ("tests/core/test_export_tables.py",)),
    # -- 修订稿 (issue 15) -----------------------------------------------------------------------
    Sabotage("deleted text stays w:t inside w:del", "assistant/core/revision/tracked.py",
             "            element.tag = DELETED_NAMES[element.tag]", "            pass",
             ("tests/core/test_revision_tracked.py::test_revisions_carry_author_date_and_unique_ids",)),
    Sabotage("a trailing inserted paragraph tracks its own (final) mark", "assistant/core/revision/tracked.py",
             "            if _trailing(p, kinds):", "            if False:",
             ("tests/core/test_revision_tracked.py::test_random_edits_of_a_formatted_draft_accept_to_the_edit_and_reject_to_the_original",)),
    Sabotage("deleted text loses the old run's formatting", "assistant/core/revision/tracked.py",
             "        rpr = formatting_copy(old_run.find(x.RPR)) if old_run is not None else copy.deepcopy(fallback)",
             "        rpr = copy.deepcopy(fallback)",
             ("tests/core/test_revision_tracked.py::test_random_edits_of_a_formatted_draft_accept_to_the_edit_and_reject_to_the_original",)),
    Sabotage("a replaced word is shredded into characters", "assistant/core/revision/diff.py",
             "        if tag == \"equal\" and i2 - i1 < REFINE_MIN and not one_sided:", "        if False:",
             ("tests/core/test_revision_diff.py",)),
    Sabotage("punctuation fixes are never grouped", "assistant/core/revision/diff.py",
             "    return _group_punctuation(changes, old, new) if group_punctuation else changes", "    return changes",
             ("tests/core/test_revision_diff.py",)),
    Sabotage("the window's 修订稿 compares the text with itself", "assistant/core/session.py",
             "lambda progress: compare(opened, _draft_of(snapshot)", "lambda progress: compare(_draft_of(snapshot), _draft_of(snapshot)",
             ("tests/gui/test_revision_window.py",)),
    Sabotage("text-box paragraphs come back twice with their drawing", "assistant/core/revision/compare.py",
             "        if owner.new is None or any(", "        if False and any(",
             ("tests/core/test_revision_tracked.py::test_real_files_with_random_edits",)),
    # -- 规范提法 (issue 28) ------------------------------------------------------------------------
    Sabotage("规范提法: an old body name is flagged before its change", "assistant/core/checker/bodies.py",
             "        if body.changed > when:\n            return None\n", "", (FORMULATION_TESTS,)),
    Sabotage("规范提法: a date in the bodies table is off by a year", "resources/lexicons/reformed-bodies.tsv",
             "国土资源部\t自然资源部\t2018-03-17", "国土资源部\t自然资源部\t2019-03-17", (FORMULATION_TESTS,)),
    Sabotage("规范提法: the 成文日期 is not read", "assistant/core/checker/dating.py",
             "    if written is not None:\n        return written\n", "",
             (FORMULATION_TESTS,)),
    Sabotage("规范提法: the history guard is off", "assistant/core/checker/dating.py",
             "    return PAST.search(sentence) is not None or before.endswith((\"原\", \"前\"))", "    return False",
             (FORMULATION_TESTS,)),
    Sabotage("规范提法: 《》 titles and quotations are not exempt", "assistant/core/checker/dating.py",
             "    return any(left < start < right for left, right in quoted_spans(text))", "    return False",
             (FORMULATION_TESTS,)),
    Sabotage("规范提法: a member list is out of order", "resources/lexicons/formulations.toml",
             'members = ["道路自信", "理论自信", "制度自信", "文化自信"]', 'members = ["道路自信", "制度自信", "理论自信", "文化自信"]',
             (FORMULATION_TESTS,)),
    Sabotage("规范提法: an earlier form is accepted after its change", "assistant/core/checker/formulations.py",
             "            if all(old) and earlier.until < when and ", "            if all(old) and False and ",
             (FORMULATION_TESTS,)),
    Sabotage("规范提法: a wrong member passes", "assistant/core/checker/formulations.py",
             "    if len(wrong) != 1:\n", "    if True:\n", (FORMULATION_TESTS,)),
    Sabotage("规范提法: another country's ministry is taken for ours", "assistant/core/checker/bodies.py",
             "        if FOREIGN.search(before) or (", "        if (", (FORMULATION_TESTS,)),
    Sabotage("规范提法: only the first place of an old name is underlined", "assistant/core/checker/bodies.py",
             "    document_wide = False", "    document_wide = True", (FORMULATION_TESTS,)),
    # -- chosen independently (issue 32): 规范提法 (issue 28) ---------------------------------------
    Sabotage("i28 independent: the 发文字号 is looked for on the first line only", "assistant/core/checker/dating.py",
             "HEAD_LINES = 6", "HEAD_LINES = 1", FORMULATION_GUARDS),
    Sabotage("i28 independent: a sentence naming the year of the change is taken as history",
             "assistant/core/checker/dating.py",
             "    if any(year < changed.year for year in years_in(sentence)):",
             "    if any(year <= changed.year for year in years_in(sentence)):", FORMULATION_GUARDS),
    Sabotage("i28 independent: a successor reformed again is followed at the wrong dates", "assistant/core/checker/bodies.py",
             "while later is not None and later.changed <= when and", "while later is not None and later.changed > when and",
             FORMULATION_GUARDS),
    Sabotage("i28 independent: the shortest of two names at one place wins", "assistant/core/checker/bodies.py",
             "key=lambda f: (f[0], f[0] - f[1])", "key=lambda f: (f[0], f[1] - f[0])", FORMULATION_GUARDS),
    Sabotage("i28 independent: a member missing is flagged without the formulation named",
             "assistant/core/checker/formulations.py",
             "    if named:\n        return _missing(", "    if True:\n        return _missing(", FORMULATION_GUARDS),
    Sabotage("i28 independent: a digit typo in the date of 国务院扶贫办", "resources/lexicons/reformed-bodies.tsv",
             "国务院扶贫办\t国家乡村振兴局\t2021-02-25", "国务院扶贫办\t国家乡村振兴局\t2012-02-25", FORMULATION_GUARDS),
    # -- chosen independently (issue 32): i33list (issue 33 items 3–4) ----------------------------
    Sabotage("independent: the guard window drops the text after the hit", "assistant/core/checker/rules.py",
             "guard.search(text[max(0, start - self.GUARD_REACH):end + self.GUARD_REACH])",
             "guard.search(text[max(0, start - self.GUARD_REACH):end])", ("tests/core/test_typo_lexicon.py",)),
    Sabotage("independent: uncertain rules join 全部修正", "assistant/core/checker/engine.py",
             "rule.certain if hit.certain is None else hit.certain", "hit.certain is None or hit.certain",
             ("tests/core/test_checker.py", "tests/core/test_session.py", "tests/core/test_checker_rules.py")),
    Sabotage("independent: 布署 is fixed to 布置", "resources/lexicons/typo.tsv",
             "布署\t部署\t", "布署\t布置\t", ("tests/core/test_typo_lexicon.py", "tests/core/test_checker_rules.py")),
    Sabotage("independent: 反应 before 意见 is let through", "resources/lexicons/typo.tsv",
             "反应(?!情况|问题|意见|诉求)", "反应(?!情况|问题|诉求)", ("tests/core/test_typo_lexicon.py",)),
    Sabotage("independent: 部置 flagged in 干部置身", "resources/lexicons/typo.tsv",
             "部置[于在入放换身之]", "部置[于在入放换之]", ("tests/core/test_typo_lexicon.py",)),
    Sabotage("按排 flagged in 按排好的 (its guard loses 好)", "resources/lexicons/typo.tsv",
             "按排[名序列放位班行队污水气量好定出成]", "按排[名序列放位班行队污水气量定出成]", ("tests/core/test_typo_lexicon.py",)),
    Sabotage("时侯 listed, though edited reports write it (9 hits)", "resources/lexicons/typo.tsv",
             "气侯\t气候\t", "时侯\t时候\t", ("tests/core/test_typo_lexicon.py",)),
    Sabotage("independent: 推进 leaves the verb-object 的地得 rule", "resources/rules/de-di-de.toml",
             '"提高", "推进", "加强"', '"提高", "加强"',
             ("tests/core/test_checker_rules.py", "tests/core/test_checker_recall.py")),
    # -- chosen independently (issue 32): i29, the second hour --------------------------------
    # (replaced: "lock.setStaleLockTime(0)" -> 30_000 is equivalent: a live holder keeps its flock, so Qt
    # cannot remove its lock file however old, in this process or another; checked by hand)
    Sabotage("independent: a blank 修订者 is taken as the author", "assistant/gui/main_window.py",
             "if not chosen or not name.strip():", "if not chosen:",
             ("tests/gui/test_second_hour.py::test_the_first_revised_copy_asks_whom_the_revisions_are_by_once",)),
    Sabotage("independent: recovering leaves the crash snapshot behind a new one", "assistant/gui/main_window.py",
             "        self._snapshot = snapshot.path  #", "        pass  #",
             ("tests/gui/test_recovery.py::test_recovery_is_asked_before_the_requested_file_opens_and_names_both",)),
    Sabotage("i29 fix (not independent): every snapshot goes to one name (new drafts overwrite an older crash's)", "assistant/gui/autosave.py",
             'return folder() / f"{uuid.uuid4().hex}.json"', 'return folder() / "untitled.json"',
             ("tests/gui/test_recovery.py::test_an_older_crashed_new_draft_outlives_the_new_drafts_of_this_and_another_window",)),
    Sabotage("i29 fix (not independent): a draft replaced by 新建/打开 keeps its snapshot", "assistant/gui/main_window.py",
             "        self._forget_snapshot()  # the draft it replaces was saved or discarded\n", "",
             ("tests/gui/test_recovery.py::test_a_recovered_draft_thrown_away_leaves_nothing_to_offer_back",)),
    Sabotage("independent: the requested file opens over the recovered text", "assistant/gui/main_window.py",
             "if not self.offer_recovery(requested):", "if not self.offer_recovery(requested) or requested:",
             ("tests/gui/test_recovery.py::test_recovery_is_asked_before_the_requested_file_opens_and_names_both",)),
    Sabotage("independent: the corpus figures lose their most used word", "assistant/core/health.py",
             "in rows[2:]}", "in rows[3:]}", ("tests/core/test_health.py",)),
    Sabotage("independent: the shipped corpus word total is wrong", "resources/phrasebank/corpus-norm.tsv",
             "\nwords\t524784\n", "\nwords\t52478\n", ("tests/core/test_health.py",)),
    Sabotage("independent: a rule name without a hanzi loads", "assistant/core/checker/rules.py",
             "not HANZI.search(value) or ", "", ("tests/core/test_checker_rules.py::test_every_rule_has_a_chinese_name_and_a_one_line_description_in_its_file",
                                               "tests/core/test_checker_rules.py::test_a_rule_without_a_name_or_description_is_refused_saying_what_to_add",
                                               "tests/core/test_checker_rules.py::test_a_rule_name_the_options_tree_cannot_show_is_refused")),
    # -- chosen independently (issue 32): overuse on generic words only (issue 25) -----------------
    Sabotage("i25 independent: a “quotation” is no longer looked for (only 《》 and 「」)", "assistant/core/checker/wordclass.py",
             'QUOTE_OPENERS = frozenset("《“「")', 'QUOTE_OPENERS = frozenset("《「")', REPETITION_GUARDS),
    Sabotage("i25 independent: the word right before 办/局 is not part of the body's name", "assistant/core/checker/wordclass.py",
             "for back in range(index - 1, max(-1, index - 1 - NAME_REACH), -1):",
             "for back in range(index - 2, max(-1, index - 1 - NAME_REACH), -1):", REPETITION_GUARDS),
    Sabotage("i25 independent: a generic word inside a key term (落实 in 抓落实) is document overuse",
             "assistant/core/checker/repetition.py",
             "if not any(word in term for term in terms)}", "if not any(word == term for term in terms)}", REPETITION_GUARDS),
    Sabotage("i25 independent: 全部修正 leaves the half-width marks inside a fixed quotation", "assistant/core/checker/fixes.py",
             'return opening + full_width_in_chinese(match.group("inside")) + closing',
             'return opening + match.group("inside") + closing',
             (*REPETITION_GUARDS[1:], "tests/core/test_session.py::test_fix_all_leaves_nothing_for_a_second_pass_on_the_seeds")),
    Sabotage("i25 independent: 长串无停顿 counts the characters of a quoted 《title》", "assistant/core/checker/builtin.py",
             "length -= _quoted_length(quoted, clause)",
             "length -= 0", (*REPETITION_GUARDS, "tests/core/test_checker.py::test_long_clause_does_not_count_the_titles_it_quotes")),
    Sabotage("i25 independent: a draft opening with a blank line has no title", "assistant/core/checker/wordclass.py",
             "first = next((p for p in paragraphs if p.text.strip()), None)",
             "first = paragraphs[0] if paragraphs else None", REPETITION_GUARDS),
    # -- chosen independently (issue 32): issue 33's context model for 错别字 --
    Sabotage("i33model independent: the model backs off from the wrong end of the history", "assistant/core/checker/ngram.py",
             "            key = full & ((1 << BITS * length) - 1)", "            key = full >> BITS * (len(gram) - length)",
             (f"{CONFUSION_TESTS}::test_kneser_ney_probabilities_sum_to_one_in_every_context",
              f"{CONFUSION_TESTS}::test_the_shipped_model_reads_the_law_text_within_its_budget_and_prefers_edited_wording", *CONFUSABLE_EXAMPLES)),
    Sabotage("i33model independent: one known neighbour pair clears a suspect", "assistant/core/checker/confusion.py",
             " not in known or padded[j:j + 2] not in known)", " not in known and padded[j:j + 2] not in known)",
             (f"{CONFUSION_TESTS}::test_only_characters_in_no_known_trigram_are_suspects", *CONFUSABLE_EXAMPLES,
              f"{CONFUSION_TESTS}::test_recall_on_real_slips_it_never_saw")),
    Sabotage("i33model independent: a lone character is repaired", "assistant/core/checker/confusion.py",
             "            if (hit.end - hit.start > 1 and", "            if (hit.end - hit.start > 0 and",
             (*CONFUSABLE_EXAMPLES, f"{CONFUSION_TESTS}::test_a_lone_character_is_left_to_the_lists")),
    Sabotage("i33model independent: a slip that is a word too needs less, not more", "assistant/core/checker/confusion.py",
             "            excess -= self.word_margin", "            excess += self.word_margin",
             (*CONFUSABLE_EXAMPLES, f"{CONFUSION_TESTS}::test_a_real_word_in_its_place_needs_the_extra_margin")),
    Sabotage("i33model independent: the model is trained on odw-dev's sentences as written", "assistant/core/checker/typo_model.py",
             'corrected = line.split("\\t")[2]', 'corrected = line.split("\\t")[1]',
             (f"{CONFUSION_TESTS}::test_the_model_learns_odw_dev_corrected_never_as_written",)),
    Sabotage("i33model independent: the word route never tries a four-character word", "assistant/core/checker/confusion.py",
             "min(size, k + MAX_WORD) + 1)", "min(size, k + MAX_WORD))",
             (f"{CONFUSION_TESTS}::test_real_word_slips_are_reached_and_say_so", *CONFUSABLE_EXAMPLES)),
    # -- chosen independently (issue 32): the blind spots issue 32 names ---------------------------
    # Chosen by someone who had the files but not the tests (16 sabotages, 11 caught): the first five
    # passed the whole suite (2,337 tests), the run-neighbour one passed test_docx_edit.py and only
    # the conversion round-trip caught it, until the tests named here were added. Only the 版记 one
    # is quoted in the issue; the others are written here as the issue describes them.
    Sabotage("i32 independent: a save copies over the file in place instead of os.replace", "assistant/core/atomic.py",
             "        os.replace(tmp_name, path)\n", "        shutil.copyfile(tmp_name, path)\n        os.unlink(tmp_name)\n",
             ("tests/core/test_atomic.py::test_a_save_replaces_the_file_and_never_writes_into_it",)),
    Sabotage("i32 independent: the temp file is not fsynced before the rename", "assistant/core/atomic.py",
             "            out.write(data)\n            out.flush()\n            os.fsync(out.fileno())\n",
             "            out.write(data)\n            out.flush()\n",
             ("tests/core/test_atomic.py::test_the_new_text_is_on_disk_before_it_replaces_the_file",)),
    Sabotage("i32 independent: the autosave timer is never started", "assistant/gui/main_window.py",
             "        self.autosave_timer.start(self.settings.autosave_minutes * 60_000)\n", "",
             (f"{GUI_TESTS}::test_autosave_happens_by_itself_at_the_interval_set_in_options",)),
    Sabotage("i32 independent: the 版记 room check off by one", "assistant/core/export/gongwen.py",
             "        elif self.pages.room_on_last_page < needed:", "        elif self.pages.room_on_last_page < needed - 1:",
             ("tests/core/test_gongwen_layout.py::test_the_record_moves_to_a_new_even_page_exactly_when_the_last_page_lacks_room",)),
    Sabotage("i32 independent: a lexicon entry's guard is ignored", "assistant/core/checker/rules.py",
             "            if guard is not None and guard.search(text[max(0, start - self.GUARD_REACH):end + self.GUARD_REACH]):",
             "            if False:",
             ("tests/core/test_checker.py::test_a_guarded_entry_of_the_units_own_lexicon_is_silent_where_its_guard_matches",)),
    Sabotage("i32 independent: typed replacement lands in the left neighbour run", "assistant/core/docx_text.py",
             "        if tag == \"replace\":\n", "        if tag == \"replace\" and i1 == 0:\n",
             ("tests/core/test_docx_edit.py::test_a_replaced_run_keeps_its_own_formatting_and_its_neighbours_theirs",)),
    # -- issue 32: more of the same, chosen by the writer of its tests ---------------------------
    Sabotage("issue 32: a save writes the new bytes straight into the user's file", "assistant/core/atomic.py",
             "        with os.fdopen(fd, \"wb\") as out:\n            out.write(data)",
             "        os.close(fd)\n        if backup and path.exists():\n            _write_backup(path)\n"
             "        with open(path, \"wb\") as out:\n            out.write(data)",
             ("tests/core/test_atomic.py::test_a_save_killed_half_way_leaves_the_original_byte_identical",)),
    Sabotage("issue 32: autosave ignores the interval set in 选项", "assistant/gui/main_window.py",
             "        self.autosave_timer.start(self.settings.autosave_minutes * 60_000)\n",
             "        self.autosave_timer.start(60_000)\n",
             (f"{GUI_TESTS}::test_autosave_happens_by_itself_at_the_interval_set_in_options",)),
    Sabotage("issue 32: typed replacement lands in the right neighbour run", "assistant/core/docx_text.py",
             "            before[i1] = before.get(i1, \"\") + inserted\n", "            before[i2] = before.get(i2, \"\") + inserted\n",
             ("tests/core/test_docx_edit.py::test_a_replaced_run_keeps_its_own_formatting_and_its_neighbours_theirs",)),
    # -- chosen independently (issue 32): issue 26, the Windows installer under Wine --
    # The first two only the Wine smoke test sees (it rebuilds and installs: 10-15 minutes each run).
    Sabotage("independent: the installer takes the .docx default program", "packaging/windows/gongwen-assistant.nsi",
             'WriteRegStr HKCU "${CLASSES}\\.docx\\OpenWithProgids" "${PROGID}" ""',
             'WriteRegStr HKCU "${CLASSES}\\.docx" "" "${PROGID}"', (WINDOWS_TESTS,)),
    Sabotage("independent: the Windows bundle drops Qt's windows platform plugin", "packaging/build_windows.sh",
             "! -name qwindows.dll ! -name qoffscreen.dll -delete", "! -name qoffscreen.dll -delete",
             (WINDOWS_TESTS,)),
    Sabotage("independent: stderr stays in the system code page", "assistant/streams.py",
             "    for stream in (sys.stdout, sys.stderr):", "    for stream in (sys.stdout,):",
             ("tests/test_streams.py",)),
    Sabotage("independent: the app never switches its output to UTF-8", "assistant/__main__.py",
             "    use_utf8_streams()\n", "", ("tests/test_streams.py",)),
    Sabotage("independent: a screenshot that could not be saved still exits 0", "assistant/selftest.py",
             "            return 1\n", "            return 0\n", ("tests/gui/test_selftest.py",)),
    # -- chosen independently (issue 32): issue 27, the 信创 .deb (glibc launcher, build_deb.sh) --
    # Before test_bundle_tools.py only the xinchuang build saw these (the sixth only its arm64 run): 5 of 6
    # caught by its amd64 run, all 6 by test_bundle_tools.py in 3 s (notes: /work/wt/sabotage-i27.md).
    Sabotage("i27 independent: the launcher keeps the system's older glibc", "packaging/bundle_glibc.sh",
             "sort -V | head -n 1)", "sort -V | tail -n 1)", (BUNDLE_TOOLS_TESTS, XINCHUANG.format("amd64"))),
    Sabotage("i27 independent: the launcher looks for the program beside its /usr/bin symlink", "packaging/bundle_glibc.sh",
             'here=\\$(dirname "\\$(readlink -f "\\$0")")', 'here=\\$(dirname "\\$0")',
             (BUNDLE_TOOLS_TESTS, XINCHUANG.format("amd64"))),
    Sabotage("i27 independent: the bundled loader finds the system's libc (LD_LIBRARY_PATH not exported)",
             "packaging/bundle_glibc.sh", 'export LD_LIBRARY_PATH="\\$here', 'LD_LIBRARY_PATH="\\$here',
             (BUNDLE_TOOLS_TESTS, XINCHUANG.format("amd64"))),
    Sabotage("i27 independent: the glibc floor reads one digit of the minor version (2.36 as 2.3)",
             "packaging/bundle_elf.py", 'rb"GLIBC_(\\d+)\\.(\\d+)"', 'rb"GLIBC_(\\d+)\\.(\\d)"',
             (BUNDLE_TOOLS_TESTS, XINCHUANG.format("amd64"))),
    Sabotage("i27 independent: trimming deletes the dlopen'ed libpython", "packaging/bundle_elf.py",
             'DLOPENED = ("libpython",)', "DLOPENED = ()", (BUNDLE_TOOLS_TESTS, XINCHUANG.format("amd64"))),
    Sabotage("i27 independent: make_deb labels the arm64 bundle with the host's architecture", "packaging/make_deb.sh",
             "ARCH=${1:-$(dpkg --print-architecture)}", "ARCH=$(dpkg --print-architecture)",
             (BUNDLE_TOOLS_TESTS, XINCHUANG.format("arm64"))),
]


def run(sabotage: Sabotage) -> bool:
    """True when the tests fail with the sabotage in place (it is caught)."""
    path = ROOT / sabotage.path
    original = path.read_bytes()
    text = original.decode("utf-8")
    if text.count(sabotage.old) != 1:
        raise SystemExit(f"{sabotage.name}: the text to replace occurs {text.count(sabotage.old)} times in {sabotage.path}")
    try:
        path.write_bytes(text.replace(sabotage.old, sabotage.new).encode("utf-8"))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *sabotage.tests],
                                cwd=ROOT, capture_output=True, text=True, env=env, timeout=900)
    finally:
        path.write_bytes(original)
    return result.returncode != 0


def main(pattern: str = "") -> int:
    chosen = [s for s in SABOTAGES if pattern in s.name]
    verdicts = {}
    for sabotage in chosen:
        verdicts[sabotage.name] = run(sabotage)
        print(f"{'caught ' if verdicts[sabotage.name] else 'MISSED '} {sabotage.name}", flush=True)
    caught = sum(verdicts.values())
    print(f"{caught} of {len(chosen)} sabotages caught ({100 * caught / max(len(chosen), 1):.0f} %)")
    independent = [verdict for name, verdict in verdicts.items() if INDEPENDENT in name]
    print(f"chosen independently (not by the tests' writers): {sum(independent)} of {len(independent)} caught")
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
