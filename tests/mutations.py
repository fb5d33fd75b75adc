"""Mutation check: break the code one line at a time and see the tests catch it.

Each sabotage replaces one exact piece of a file (it must occur once), runs the tests that guard
it, and restores the file. A sabotage the tests do not catch is a hole in the suite. Run:

    .venv/bin/python tests/mutations.py            # all of them; prints the score
    .venv/bin/python tests/mutations.py cancel     # only those whose name contains "cancel"

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
WINDOWS_TESTS = "tests/packaging/test_windows.py"


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
    Sabotage("export ignores the fallback-font choice", "assistant/core/export/layout.py",
             "        return self.fallbacks.get(name, name) if self.use_fallback_fonts and name in missing else name",
             "        return name", (f"{GUI_TESTS}::test_exports_from_the_window",)),
    Sabotage("stale check results are applied", "assistant/core/session.py",
             "if self._changed_at.get(uid) == revision}", "if True}",
             (f"{GUI_TESTS}::test_results_of_an_older_check_apply_only_to_unchanged_paragraphs",)),
    Sabotage("an edit does not make a paragraph's results stale", "assistant/core/session.py",
             "                self._changed_at[paragraph.uid] = self.revision", "                pass",
             (f"{GUI_TESTS}::test_results_of_an_older_check_apply_only_to_unchanged_paragraphs",)),
    Sabotage("cursor_for without its text check", "assistant/gui/editor.py",
             "if not block.isValid() or block.text()[finding.start:finding.end] != finding.text:",
             "if not block.isValid():", (f"{GUI_TESTS}::test_findings_are_underlined_only_where_their_text_still_stands",)),
    Sabotage("saving leaves the autosave behind", "assistant/gui/main_window.py",
             "        autosave.discard(previous)\n        autosave.discard(path)\n", "",
             (f"{GUI_TESTS}::test_saving_discards_the_autosave",)),
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
             "        return _without_overused_suggestions(_outermost(findings))", "        return _outermost(findings)",
             ("tests/core/test_checker.py",)),
    Sabotage("a document-wide finding is underlined at every place", "assistant/gui/editor.py",
             "                if finding.document_level and self._first_place.get(finding.message) is not finding:",
             "                if False:", (f"{GUI_TESTS}::test_an_overused_word_lists_all_its_places_and_each_fix_is_one_undo",)),
    Sabotage("the reviewed copy ignores the chosen author", "assistant/core/export/review.py",
             "author=author, initials=author[:2])", "author=APP_NAME, initials=APP_NAME[:2])",
             (f"{GUI_TESTS}::test_health_check_compares_with_the_last_one_and_the_reviewed_copy_uses_the_settings",)),
    Sabotage("restoring an ignored word in 选项 does nothing", "assistant/gui/options.py",
             "            self.ignored.takeItem(self.ignored.row(item))", "            pass",
             (f"{GUI_TESTS}::test_options_restore_an_ignored_word_turn_a_rule_off_and_keep_general_settings",)),
    Sabotage("Qt's Chinese is not loaded", "assistant/gui/app.py",
             '    for name in ("qtbase_zh_CN", "qt_zh_CN"):', '    for name in ():', ("tests/gui/test_chinese_labels.py",)),
    Sabotage("a new .docx is python-docx's US Letter page", "assistant/core/docx_io.py",
             "        base_layout(document)\n", "", ("tests/core/test_save.py",)),
    # -- the statistical 错别字 detector (issue 18) ----------------------------------------------
    Sabotage("pairs edited texts use are taken for slips", "assistant/core/checker/confusion.py",
             "    if word_frequency(pair) > 0 or pair in attested_pairs():", "    if word_frequency(pair) > 0:",
             ("tests/core/test_confusion.py",)),
    Sabotage("titles and quotations are checked for slips", "assistant/core/checker/confusion.py",
             "            if any(left <= start < right for left, right in spans):", "            if False:",
             ("tests/core/test_confusion.py",)),
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
    Sabotage("公文: wrong 文号 brackets kept", "assistant/core/export/elements.py",
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
    Sabotage("公文: line pitch leaves 22 lines short of the 版心", "assistant/core/export/layout.py",
             "        return math.floor(Mm(self.text_height_mm).pt * 20 / self.lines_per_page) / 20", "        return 28.0",
             ("tests/core/test_export.py", "tests/core/test_gongwen_pdf.py")),
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
    # -- chosen independently (issue 32): issue 26, the Windows installer under Wine --
    # The first two only the Wine smoke test sees (it rebuilds and installs: 10-15 minutes each run).
    Sabotage("the installer takes the .docx default program", "packaging/windows/gongwen-assistant.nsi",
             'WriteRegStr HKCU "${CLASSES}\\.docx\\OpenWithProgids" "${PROGID}" ""',
             'WriteRegStr HKCU "${CLASSES}\\.docx" "" "${PROGID}"', (WINDOWS_TESTS,)),
    Sabotage("the Windows bundle drops Qt's windows platform plugin", "packaging/build_windows.sh",
             "! -name qwindows.dll ! -name qoffscreen.dll -delete", "! -name qoffscreen.dll -delete",
             (WINDOWS_TESTS,)),
    Sabotage("stderr stays in the system code page", "assistant/streams.py",
             "    for stream in (sys.stdout, sys.stderr):", "    for stream in (sys.stdout,):",
             ("tests/test_streams.py",)),
    Sabotage("the app never switches its output to UTF-8", "assistant/__main__.py",
             "    use_utf8_streams()\n", "", ("tests/test_streams.py",)),
    Sabotage("a screenshot that could not be saved still exits 0", "assistant/selftest.py",
             "            return 1\n", "            return 0\n", ("tests/gui/test_selftest.py",)),
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
    caught = 0
    for sabotage in chosen:
        verdict = run(sabotage)
        caught += verdict
        print(f"{'caught ' if verdict else 'MISSED '} {sabotage.name}", flush=True)
    print(f"{caught} of {len(chosen)} sabotages caught ({100 * caught / max(len(chosen), 1):.0f} %)")
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
