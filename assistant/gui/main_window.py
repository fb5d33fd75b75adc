"""Main window: wiring between the editor, the panels, the menus and one DraftSession.

The session (core) holds the document, the findings and the settings; the editor is a view of
its text. Everything slow runs as a named operation (gui.ops) off the UI thread; this class
only starts operations and applies their results.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QInputDialog, QLabel, QMainWindow, QMessageBox, QPushButton

from .. import APP_NAME, __version__
from ..core.checker.model import ALTERNATIVES_FOR, Finding
from ..core.conversion import CONFIGS, Converter
from ..core.document import Document, new_document, open_document
from ..core.errors import DocumentError, ReadOnlyFile
from ..core.export.fonts import check_fonts, usable_fallbacks
from ..core.gongwen_page import GongwenSettings
from ..core.health import written
from ..core.templates import new_from_template
from ..core.export.remember import to_remember
from ..core.phrasebank.sources import fitted
from ..core.resources import sample_draft
from ..core.script import NAMES as SCRIPT_NAMES
from ..core.session import DraftSession
from ..core.settings import Settings
from . import autosave, files, ops, tasks
from .compare_view import CompareView
from .dialogs import ChangePreview, FindReplaceDialog, FontCheckDialog, ProtectedTermsDialog
from .elements_dialog import ElementsDialog
from .editor import DraftEditor
from .menus import build_menus
from .options import OptionsDialog
from .findings_panel import FindingsPanel
from .health import HealthDialog
from .help import HelpWindow
from .panels import PhrasePanel

if TYPE_CHECKING:
    from ..core.checker.engine import Checker
    from ..core.phrasebank.bank import PhraseBank

FILE_FILTER = "文档 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)"
CHECK_PAUSE_MS = 600
UNDO_OFFER_MS = 15_000  # how long 撤销 stays in the status bar after an ignore
DRAFT_SUFFIXES = (".docx", ".txt")
# Spaces, line ends and pictures are not characters of the text: every character ``\s`` matches
# (str.isspace), and U+FFFC.
NOT_COUNTED = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
               "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufffc")


def load_core(settings: Settings, bank: PhraseBank | None = None) -> tuple[PhraseBank, Checker, list[str]]:
    """The phrase bank and the checker with the user's settings, and what loading them found wrong;
    also jieba's word table and OpenCC's tables, so that the first check (and the phrase panel, on
    the UI thread) find them loaded."""
    from ..core.checker_setup import user_checker
    from ..core.phrasebank.bank import PhraseBank
    from ..core.script import script_marks
    from ..core.text.segmenter import pos_table, tokenizer

    tokenizer()
    pos_table()
    script_marks("中國")
    bank = bank or PhraseBank.load()
    checker, notes = user_checker(bank=bank, settings=settings)
    return bank, checker, notes


class MainWindow(QMainWindow):
    """One draft per window."""

    def __init__(self, bank: PhraseBank | None = None, *, load_core_later: bool = False) -> None:
        """``load_core_later`` (the app's start): the window is built without the bank and the
        checker and shows at once; ``start`` loads them on a worker thread (``bank`` is for a window
        that loads them now), and the first check waits for them (``core_loaded``)."""
        super().__init__()
        self.settings = Settings.load()
        self.bank: PhraseBank | None = None
        self.checker: Checker | None = None
        self.notes: list[str] = []
        self._check_wanted = False  # a check was asked for before the checker was loaded
        self._core_asked = False  # the core's load has been started
        self.session = DraftSession(new_document(), self.settings, self.checker)
        # One thread: the start's draft and core, then one check at a time (the checker's caches are not shared).
        self.serial_pool = QThreadPool(self)
        self.serial_pool.setMaxThreadCount(1)
        self.edits = self.checked_edits = 0  # editor changes seen; how many the last full check covered
        self._check_running = False
        self._panel_due = False  # findings wait to be listed in the panel
        self.operation: ops.BusyOp | None = None
        self.last_health = None
        self._snapshot: Path | None = None  # this draft's autosave, while it differs from its file
        self.autosave_owner = autosave.Owner()

        self.editor = DraftEditor(self)
        self.setCentralWidget(self.editor)
        self.findings_panel = FindingsPanel()
        self.phrase_panel = PhrasePanel(None)
        self._add_docks()
        self.find_dialog = FindReplaceDialog(self.editor, self)
        self.undo_button = QPushButton("撤销")
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.statusBar().insertPermanentWidget(0, self.undo_button)  # a message would hide a normal one
        self.undo_timer = QTimer(self, singleShot=True, interval=UNDO_OFFER_MS, timeout=self.undo_button.hide)
        self.status_labels = {key: QLabel() for key in ("count", "paragraphs", "findings", "format", "script")}
        for label in self.status_labels.values():
            self.statusBar().addPermanentWidget(label)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_PAUSE_MS, timeout=self.check_now)
        self.panel_timer = QTimer(self, singleShot=True, interval=0, timeout=self._fill_panel)
        # the counts read the whole text (30 ms at 370,000 characters): once per turn, in a turn of their own
        self.status_timer = QTimer(self, singleShot=True, interval=0, timeout=self._update_status)
        self.autosave_timer = QTimer(self, timeout=self.autosave_now)
        self._apply_general_settings()
        self._connect()
        build_menus(self)
        self._fill_recent()
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._restore_layout()
        self._update_title()
        self._update_status()
        if load_core_later:
            self.statusBar().showMessage("正在载入检查规则与短语库…")
        else:
            self.core_loaded(*load_core(self.settings, bank))

    def core_loaded(self, bank: PhraseBank, checker: Checker, notes: list[str]) -> None:
        self.bank, self.checker, self.notes = bank, checker, notes
        self.session.checker = checker
        self.phrase_panel.set_bank(bank)
        if self._check_wanted:
            self._check_wanted = False
            self.check_now()

    def _load_core_behind(self) -> None:
        """Load the core on the serial pool, after whatever it was given first (once)."""
        if self._core_asked:
            return
        self._core_asked = True
        tasks.start(tasks.collector_paused(lambda _: load_core(self.settings)), self._core_arrived, self.show_problem,
                    self, pool=self.serial_pool)

    def _core_arrived(self, core: tuple[PhraseBank, Checker, list[str]]) -> None:
        self.statusBar().clearMessage()
        self.core_loaded(*core)
        self.show_start_notes()

    def _add_docks(self) -> None:
        findings = self._dock("检查结果", self.findings_panel)
        self.tabifyDockWidget(findings, self._dock("短语库", self.phrase_panel))
        findings.raise_()

    def _dock(self, title: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._text_changed)
        self.editor.settled_edit.connect(self._settled_edit)
        self.editor.filled.connect(self.check_now)
        self.editor.document().modificationChanged.connect(self._update_title)
        self.editor.document().modificationChanged.connect(lambda modified: modified or self._forget_snapshot())
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.ignore_here.connect(lambda finding: self._ignore(self.session.ignore_here, finding))
        self.editor.ignore_rule.connect(lambda finding: self._ignore(self.session.ignore_rule, finding))
        self.editor.accept_word.connect(lambda finding: self._ignore(self.session.accept_word, finding))
        self.undo_button.clicked.connect(self.undo_ignore)
        self.findings_panel.chosen.connect(self.editor.jump_to)
        self.findings_panel.fix.connect(self.fix_findings)
        self.findings_panel.ignore_rule.connect(lambda finding: self._ignore(self.session.ignore_rule, finding))
        self.phrase_panel.insert.connect(self.insert_phrase)
        self.phrase_panel.changed.connect(self.reload_bank)

    @property
    def document(self) -> Document:
        return self.session.document

    @property
    def findings(self) -> list[Finding]:
        return self.session.findings

    # -- opening -------------------------------------------------------------------------------
    def open_path(self, path: Path, pool: QThreadPool | None = None, failed=None) -> None:
        """Open ``path`` in the background (on ``pool``, Qt's shared one if none); the editor fills in when it is read.
        ``failed(problem)``: what a failure does (show_problem if none)."""
        self.operation = ops.open_draft(self, path, lambda document: DraftSession(document, self.settings, self.checker),
                                        lambda session: self._opened(session.document, session),
                                        failed or self.show_problem, pool)

    def _opened(self, document: Document, session: DraftSession | None = None) -> None:
        """``session``: the document's, if made already (off the UI thread)."""
        self._forget_snapshot()  # the draft it replaces was saved or discarded
        self.session = session or DraftSession(document, self.settings, self.checker)
        self.session.checker = self.checker  # it may have loaded while the session was made
        self.last_health = None  # the 体检 to compare the next one with
        self.editor.set_paragraphs([p.text for p in document.paragraphs], [p.location for p in document.paragraphs])
        self.phrase_panel.leave_alternatives()
        self._show_findings()
        if document.path is not None:
            self._remember_recent(document.path)
        for note in document.notes:
            QMessageBox.information(self, "提示", note)
        self._update_title()
        if not self.editor.filling():
            self.check_now()  # else when filled

    def choose_and_open(self) -> None:
        if not self._may_discard():
            return
        chosen = files.ask_open(self, "打开文档", FILE_FILTER)
        if chosen is not None:
            self.open_path(chosen)

    def new_file(self) -> None:
        if self._may_discard():
            self._opened(new_document())

    def new_from_template(self, name: str) -> None:
        """A new unsaved draft from the 文种 template ``name``, ready to fill in."""
        if self._may_discard():
            self._opened(new_from_template(name))

    # -- checking ------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.edits += 1
        self.check_timer.start()
        self.status_timer.start()

    def _settled_edit(self) -> None:
        """A fix, conversion, undo or redo is complete at once: there is no typing pause to wait
        for, so the old status message goes and the check starts now."""
        self.statusBar().clearMessage()
        self.check_timer.stop()
        self.check_now()

    def is_checked(self) -> bool:
        """Every edit so far has been checked and its findings are shown."""
        return (self.checker is not None and not self._check_running and self.checked_edits == self.edits
                and not self._panel_due and not self.editor.filling() and not self.editor.indexing()
                and not self.findings_panel.filling())

    def check_now(self) -> None:
        if self.checker is None:
            self._check_wanted = True  # core_loaded checks
            self._load_core_behind()
            return
        if self._check_running:
            return  # _checked starts the next check
        edits = self.edits
        self._sync()
        self._check_running = True
        ops.check(self, self.session.check_job(), lambda result: self._checked(result, edits),
                  self._check_failed, self.serial_pool)

    def _checked(self, result, edits: int) -> None:
        self._check_running = False
        if edits != self.edits:
            self._sync()  # typed while the check ran: the session learns which paragraphs changed
        complete = self.session.apply_check(result)
        self._show_findings()
        if complete and edits == self.edits:
            self.checked_edits = edits
        else:
            self.check_timer.start()

    def _check_failed(self, problem: Exception) -> None:
        self._check_running = False
        self.statusBar().showMessage(f"检查出错：{problem}", 10000)

    def _sync(self) -> bool:
        """Hand the editor's text to the session; False (with a message) if it refused it."""
        try:
            self.session.sync(self.editor.lines())
        except DocumentError as problem:
            self.statusBar().showMessage(str(problem), 10000)
            return False
        return True

    def _show_findings(self) -> None:
        """Findings reach the editor and the panel in the next event-loop turn, so applying a
        check result and drawing it are two short pauses, not one long one, even with tens of
        thousands of findings."""
        self.status_labels["script"].setText(f"字形：{SCRIPT_NAMES.get(self.session.script, '—')}")
        self.status_timer.start()
        self._panel_due = True
        self.panel_timer.start()

    def _fill_panel(self) -> None:
        self._panel_due = False
        findings = self.session.findings
        self.editor.show_findings(findings)
        self.findings_panel.set_findings(findings, [p.text for p in self.document.paragraphs])

    def _cursor_moved(self) -> None:
        finding = self.editor.finding_at(self.editor.textCursor().position())
        if finding is not None and finding.category in ALTERNATIVES_FOR:
            self.phrase_panel.show_alternatives(finding.text)

    def _ignore(self, action, finding: Finding) -> None:
        """忽略此处 / 关闭此规则 / 加入词表: the session drops the findings and saves the choice;
        the status bar offers 撤销. Closing a whole rule is confirmed first."""
        if action == self.session.ignore_rule and QMessageBox.question(
                self, "关闭规则", f"以后不再提示这类问题：\n{finding.message}\n\n可在“工具 → 选项”中重新打开。"
        ) != QMessageBox.StandardButton.Yes:
            return
        try:
            if self._sync():
                action(finding)
        except DocumentError as problem:
            self.show_problem(problem)
            return
        self._show_findings()
        self.undo_button.show()
        self.statusBar().showMessage(f"已忽略“{finding.text}”。", UNDO_OFFER_MS)
        self.undo_timer.start()

    def undo_ignore(self) -> None:
        self.undo_button.hide()
        if self.session.undo_ignore():
            self._show_findings()
            self.statusBar().showMessage("已撤销忽略。", 5000)
            self.check_now()

    # -- moving between findings and fixing them -----------------------------------------------
    def next_problem(self, forward: bool = True) -> None:
        """F8 / Shift+F8: the editor selects the next finding, the panel follows."""
        finding = self.editor.next_finding(forward)
        if finding is None:
            self.statusBar().showMessage("没有发现问题。", 5000)
        else:
            self.findings_panel.select(finding)
            self.statusBar().showMessage(finding.message, 8000)

    def _finding_at_cursor(self) -> Finding | None:
        return self.editor.finding_at(self.editor.textCursor().selectionStart())

    def apply_first_suggestion(self) -> None:
        """Alt+Enter: the finding at the cursor takes its first suggestion."""
        finding = self._finding_at_cursor()
        if finding is not None and finding.suggestions and self.editor.replace_finding(finding, finding.suggestions[0]):
            done = f"已改为“{finding.suggestions[0]}”" if finding.suggestions[0] else f"已删除“{finding.text}”"
            self.statusBar().showMessage(f"{done}，可撤销（Ctrl+Z）。", 5000)

    def ignore_at_cursor(self) -> None:
        """Ctrl+.: 忽略此处 for the finding at the cursor."""
        finding = self._finding_at_cursor()
        if finding is not None:
            self._ignore(self.session.ignore_here, finding)

    def fix_document(self) -> None:
        self.fix_findings([f for f in self.session.findings if f.fixable])

    def fix_paragraph(self) -> None:
        paragraph = self.editor.textCursor().blockNumber()
        self.fix_findings([f for f in self.session.findings if f.fixable and f.paragraph == paragraph])

    def fix_findings(self, findings: list[Finding], accept_preview=None) -> None:
        """全部修正: every certain fix among ``findings``, shown first, applied as one undoable step
        through the same edit path as a single fix (a .docx keeps each run's formatting)."""
        if not self._sync():
            return
        plan = self.session.fix_plan(findings)
        if not plan.findings:
            self.statusBar().showMessage("没有可以自动修正的问题。", 5000)
            return
        preview = ChangePreview(f"全部修正 — {len(plan.findings)} 处", list(plan.changes), self)
        if accept_preview(preview) if accept_preview else preview.exec():
            applied = self.editor.apply_fixes(list(plan.findings))
            self.statusBar().showMessage(f"已修正 {applied} 处，可撤销（Ctrl+Z）。", 8000)

    def health_check(self, show=None) -> None:
        """检查 → 文稿体检: the report in the background, then its charts, compared with the last
        report of this draft when there is one. ``show`` (tests) replaces exec()."""
        if self._sync():
            self.operation = ops.health_report(self, [p.text for p in self.document.paragraphs], list(self.session.findings),
                                               lambda report: self._show_health(report, show), self.show_problem)

    def _show_health(self, report, show) -> None:
        dialog = HealthDialog(report, self.last_health, self)
        self.last_health = report
        (show or QDialog.exec)(dialog)

    # -- phrases -------------------------------------------------------------------------------
    def insert_phrase(self, text: str) -> None:
        """Insert at the cursor, without doubling the punctuation around it."""
        cursor = self.editor.textCursor()
        block, at = cursor.block().text(), cursor.positionInBlock()
        self.editor.insertPlainText(fitted(text, block[:at], block[at:]))
        self.editor.setFocus()

    def show_phrases(self) -> None:
        dock = self.findChild(QDockWidget, "短语库")
        dock.show()
        dock.raise_()
        self.phrase_panel.query.setFocus()

    def import_phrases_dialog(self) -> None:
        if self.bank is None:
            self.statusBar().showMessage("短语库尚在载入，请稍候。", 5000)
            return
        folder = files.ask_folder(self, "选择含 .docx/.txt 的文件夹")
        if folder is not None:
            self.operation = ops.import_phrases(self, self.bank, folder, self._phrases_imported, self.show_problem)

    def _phrases_imported(self, result) -> None:
        added, notes = result
        self.reload_bank()
        QMessageBox.information(self, "导入完成", f"新增 {added} 条到“我的短语”。" + "".join(f"\n{n}" for n in notes))

    def add_selection_to_phrases(self) -> None:
        self.phrase_panel.edit_user_phrase(text=self.editor.textCursor().selectedText().replace("\u2029", ""))

    def reload_bank(self) -> None:
        """The bank changed on disk (import, add, edit, delete): load it again everywhere."""
        from ..core.phrasebank.bank import PhraseBank

        self.bank = PhraseBank.load()
        self.phrase_panel.set_bank(self.bank)
        if self.bank.note:
            QMessageBox.warning(self, "短语库", self.bank.note)

    # -- conversion ----------------------------------------------------------------------------
    def convert_dialog(self, config: str, accept_preview=None) -> None:
        """Convert the selection (or the whole document) after a preview. The plan is made in the
        background; the core applies it keeping each character's Word formatting (headers and
        footers too for the whole document), and the editor shows it as one undoable step."""
        if not self._sync():
            return
        job = self.session.conversion_job(Converter(config, self.settings.protected_terms), self.editor.selected_spans())
        self.operation = ops.plan_conversion(self, job, lambda plan: self._review_conversion(plan, accept_preview),
                                             self.show_problem)

    def _review_conversion(self, plan, accept_preview) -> None:
        preview = ChangePreview(f"转换预览 — {CONFIGS[plan.converter.config]}", list(plan.changes), self)
        if not (accept_preview(preview) if accept_preview else preview.exec()) or not plan.changes:
            return
        try:
            self._sync()
            changes = self.session.apply_conversion(plan)
        except DocumentError as problem:
            self.show_problem(problem)
            return
        self.editor.replace_paragraphs([(index, new) for index, _, new in changes])
        self.statusBar().showMessage(f"已转换 {len(changes)} 段：{CONFIGS[plan.converter.config]}。可撤销（Ctrl+Z）。", 8000)

    def edit_protected_terms(self) -> None:
        dialog = ProtectedTermsDialog(self.settings.protected_terms, self)
        if dialog.exec():
            self.settings.protected_terms = dialog.terms()
            self._save_settings()

    # -- saving and exporting ------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        chosen = files.ask_save(self, "另存为", str(self.document.path or "未命名.docx"), FILE_FILTER)
        return chosen is not None and self._save_to(chosen)

    def _save_to(self, path: Path) -> bool:
        try:
            self.session.sync(self.editor.lines())
            try:
                self.session.save(path)
            except ReadOnlyFile as problem:
                if QMessageBox.question(self, "只读文件", f"{problem}\n\n仍要覆盖这个只读文件吗？") != QMessageBox.StandardButton.Yes:
                    return False
                self.session.save(path, overwrite_read_only=True)
        except DocumentError as problem:
            self.show_problem(problem)
            return False
        self.editor.document().setModified(False)
        self._remember_recent(path)
        self._update_title()
        self._update_status()
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def export_gongwen_dialog(self, target: Path | None = None, confirm_fonts=None, confirm_elements=None) -> None:
        """Font check, then the 公文要素 (recognised, or remembered from the last export), then the file."""
        settings = GongwenSettings()
        statuses = check_fonts(settings.standard_fonts)
        dialog = FontCheckDialog(statuses, usable_fallbacks(statuses, settings.fallbacks), self)
        if not (confirm_fonts(dialog) if confirm_fonts else dialog.exec()) or not self._sync():
            return
        settings.use_fallback_fonts = bool(dialog.fallbacks) and dialog.use_fallbacks.isChecked()
        settings.fallbacks = dialog.fallbacks
        missing = {s.name for s in statuses if not s.installed}
        draft = self.session.snapshot()

        def confirm(found) -> None:
            _, notes = found
            elements = ElementsDialog(*found, self)
            if not (confirm_elements(elements) if confirm_elements else elements.exec()):
                return
            confirmed = elements.elements()
            self.settings.gongwen = to_remember(confirmed)
            self._save_settings()
            chosen = target or self._ask_target("导出公文格式", "公文")
            if chosen is not None:
                self.operation = ops.export_gongwen_file(self, draft, chosen, settings, missing, confirmed,
                                                         lambda result: self._exported_gongwen(result, notes),
                                                         self.show_problem)

        self.operation = ops.prefill_elements(self, draft, self.settings.gongwen, confirm, self.show_problem)

    def export_review_dialog(self, target: Path | None = None) -> None:
        target = target or self._ask_target("导出批注版", "批注版")
        if target is not None and self._sync():
            self.operation = ops.export_review_file(self, self.session.snapshot(), list(self.session.findings), target,
                                                    self.settings.comment_author, self.settings.review_with_health,
                                                    self._reviewed, self.show_problem)

    def save_revised_dialog(self, target: Path | None = None) -> None:
        """文件 → 另存为修订稿: the edits since the file was opened, as Word tracked changes."""
        target = target or self._ask_target("另存为修订稿", "修订稿")
        author = self._revision_author() if target is not None else None
        if author is not None and self._sync():
            self.operation = ops.save_revised_draft(self, self.session.revision_job(), target, author,
                                                    lambda comparison: self._revised(comparison, target), self.show_problem)

    def _revision_author(self) -> str | None:
        """Whom a 修订稿's revisions are by: asked once, on the first 修订稿 (the app's name is no
        person's), then kept in the settings (工具 → 选项 → 常规). None: the user cancelled."""
        if not self.settings.author:
            name, chosen = QInputDialog.getText(self, "修订者", "修订稿中的每处修改都会标上修订者。请填写您的姓名或单位"
                                                             "（以后可在“工具 → 选项 → 常规”中修改）：")
            if not chosen or not name.strip():
                return None
            self.settings.author = name.strip()
            self._save_settings()
        return self.settings.author

    def _revised(self, comparison, target: Path) -> None:
        self._exported(target, f"修订稿（{comparison.summary()}）")

    def compare_dialog(self, old: Path | None = None, new: Path | None = None, show=None) -> None:
        """文件 → 比较两个版本: two files chosen, compared in the background, shown side by side.
        ``show`` (tests) replaces exec()."""
        old = old or files.ask_open(self, "比较两个版本 — 选择旧稿", FILE_FILTER)
        new = new or (files.ask_open(self, "比较两个版本 — 选择新稿", FILE_FILTER) if old else None)
        if old is not None and new is not None:
            self.operation = ops.compare_files(self, old, new, self.settings.group_punctuation,
                                               lambda comparison: self._show_comparison(comparison, show),
                                               self.show_problem)

    def _show_comparison(self, comparison, show) -> None:
        self.compare_view = CompareView(comparison, self._save_comparison, self)
        (show or QDialog.exec)(self.compare_view)

    def _save_comparison(self, comparison, target: Path | None = None) -> None:
        target = target or files.ask_save(self, "保存修订稿", f"{Path(comparison.new.name).stem}-修订稿.docx",
                                          "Word 文档 (*.docx)")
        author = self._revision_author() if target is not None else None
        if author is not None:
            self.operation = ops.write_revised(self, comparison, target, author,
                                               lambda path: self._exported(path, "修订稿"), self.show_problem)

    def _reviewed(self, result) -> None:
        stale = f"；{result.stale} 条因文字已改动未加（请重新检查后再导出）" if result.stale else ""
        self._exported(result.path, f"批注版（{result.placed} 条批注{stale}）")

    def _exported_gongwen(self, result, shown: list[str]) -> None:
        """Where the export went; notes the 要素 dialog did not already show come in a message."""
        later = [note for note in result.notes if note not in shown]
        if later:
            self.export_notes = QMessageBox(QMessageBox.Icon.Information, "导出公文格式", "\n".join(later),
                                            parent=self)
            self.export_notes.open()
        self._exported(result.path, f"公文格式（共 {result.pages} 页）")

    def _exported(self, path: Path, what: str) -> None:
        self.statusBar().showMessage(f"已导出{what}：{path}", 8000)

    def _ask_target(self, title: str, suffix: str) -> Path | None:
        base = self.document.path.with_suffix("") if self.document.path else Path("未命名")
        return files.ask_save(self, title, f"{base}-{suffix}.docx", "Word 文档 (*.docx)")

    # -- start, autosave and recovery ----------------------------------------------------------
    def start(self, requested: Path | None) -> None:
        """What the window shows first: a draft a crash left behind, if the user takes it back
        (asked before anything opens, so no file is replaced unasked), else ``requested`` (the
        bundled sample when none); and the core. The draft is read first and the core loads after it,
        on the one serial thread, when the first check is wanted (the draft in the editor): read and
        loaded side by side, two busy workers took the interpreter lock from the window in turn, and
        the core's load took it from the editor's filling (bench/ui_stall.py --trace, 60,000 findings).
        While the user answers the recovery question the core loads first; if the draft cannot be
        opened, or its opening is cancelled, it loads then."""
        if autosave.pending():
            self._load_core_behind()
        if not self.offer_recovery(requested):
            self.open_path(requested or sample_draft(), self.serial_pool,
                           failed=lambda problem: (self._load_core_behind(), self.show_problem(problem)))
            self.operation.dialog.canceled.connect(self._load_core_behind)

    def autosave_now(self) -> None:
        """Keep the draft's text while it differs from its file (see gui.autosave)."""
        if self.editor.document().isModified():
            try:
                self._snapshot = autosave.save(self.document.path, self.editor.lines(), self.autosave_owner, self._snapshot)
            except DocumentError as problem:
                self.statusBar().showMessage(f"自动保存失败：{problem}", 10000)

    def _forget_snapshot(self) -> None:
        """The draft equals its file again, or was discarded or replaced: there is nothing to offer back
        (called on every such path, not only when the editor reports it unmodified)."""
        if self._snapshot is not None:
            self._snapshot.unlink(missing_ok=True)
            self._snapshot = None

    def offer_recovery(self, requested: Path | None = None) -> bool:
        """Ask about the newest snapshot a crash left; True if its text is now in the editor.
        否 removes every snapshot; after 是 older ones are asked about at the next start."""
        snapshots = autosave.pending()
        if not snapshots:
            return False
        latest = snapshots[0]
        question = autosave.recovery_question(latest, requested, len(snapshots) - 1)
        if QMessageBox.question(self, "恢复文稿", question) != QMessageBox.StandardButton.Yes:
            for snapshot in snapshots:
                snapshot.path.unlink(missing_ok=True)
            return False
        self.recover(latest)
        if requested is not None and str(requested) != latest.source and requested.exists():
            self._remember_recent(requested)  # one click away in 文件 → 最近打开
        return True

    def recover(self, snapshot: autosave.Snapshot) -> None:
        """Reopen the file the snapshot belongs to (if it still exists) and put the saved text back,
        modified and not saved: the file on disk changes only when the user saves."""
        source = Path(snapshot.source) if snapshot.source else None
        try:
            document = open_document_now(source)
        except DocumentError as problem:
            self.show_problem(problem)
            document = new_document()
        self._opened(document)
        self.editor.stop_filling()
        self.editor.setPlainText("\n".join(snapshot.lines))
        self.editor.document().setModified(True)
        self._snapshot = snapshot.path  # now this window's: rewritten, never removed, until the draft is saved or discarded
        self.autosave_now()
        gone = f"原文件“{snapshot.source}”已不存在，" if source is not None and not source.exists() else ""
        self.statusBar().showMessage(f"已恢复“{snapshot.name}”{snapshot.when} 自动保存的内容，{gone}请检查后保存。", 15000)

    def show_start_notes(self) -> None:
        """What loading found wrong (a damaged settings or bank file set aside, bad lines in a word
        list), once, after the window is shown."""
        if self.notes:
            QMessageBox.warning(self, "提示", "\n\n".join(self.notes))

    # -- settings and recent files -------------------------------------------------------------
    def show_options(self, accept=None) -> None:
        """工具 → 选项; ``accept`` (tests) stands in for the user's clicks and returns True to apply."""
        if self.checker is None:
            self.statusBar().showMessage("检查规则尚在载入，请稍候。", 5000)
            return
        dialog = OptionsDialog(self.settings, self.checker.rules, self)
        if accept(dialog) if accept else dialog.exec():
            self._save_settings()
            self._apply_general_settings()
            self.check_now()

    def _apply_general_settings(self) -> None:
        self.autosave_timer.start(self.settings.autosave_minutes * 60_000)
        self.editor.set_point_size(self.settings.font_size)

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except DocumentError as problem:
            self.show_problem(problem)

    def _restore_layout(self) -> None:
        """Size, position, docks and toolbar as the user left them."""
        layout = self.settings.window
        if "geometry" in layout:
            self.restoreGeometry(QByteArray.fromBase64(layout["geometry"].encode("ascii")))
        if "state" in layout:
            self.restoreState(QByteArray.fromBase64(layout["state"].encode("ascii")))

    def _keep_layout(self) -> None:
        self.settings.window = {"geometry": bytes(self.saveGeometry().toBase64()).decode("ascii"),
                                "state": bytes(self.saveState().toBase64()).decode("ascii")}
        self._save_settings()

    def _remember_recent(self, path: Path) -> None:
        self.settings.remember_recent(path)
        self._save_settings()
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.settings.recent_files:
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self._may_discard() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # -- small things --------------------------------------------------------------------------
    def show_find(self) -> None:
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_text.setFocus()

    def show_help(self, page: str) -> None:
        self.help_window = HelpWindow(self)
        self.help_window.show_page(page)

    def about(self) -> None:
        QMessageBox.about(self, "关于", f"<b>{APP_NAME}</b> {__version__}<br>离线运行，不联网。<br>"
                                       "检查口语化、重复、标点等问题；短语库；简繁转换；公文格式导出。")

    def show_problem(self, problem: Exception) -> None:
        if isinstance(problem, DocumentError):
            QMessageBox.warning(self, "操作未完成", str(problem))
        else:
            QMessageBox.critical(self, "出错了", f"发生了意外错误，您的文字没有丢失。\n\n{type(problem).__name__}: {problem}")

    def _update_status(self) -> None:
        text = self.editor.raw_text()  # read once per change: a fix's check has usually read it already
        paragraphs = len(written(text.split("\u2029")))
        self.status_labels["count"].setText(f"字数：{counted_characters(text)}")
        self.status_labels["paragraphs"].setText(f"段落：{paragraphs}")
        self.status_labels["findings"].setText(f"问题：{self.session.finding_count()}")
        self.status_labels["format"].setText(self.document.describe())

    def _update_title(self, *_: object) -> None:
        name = self.document.path.name if self.document.path else "未命名"
        mark = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{mark}{name} — {APP_NAME}")

    def _may_discard(self) -> bool:
        if not self.editor.document().isModified():
            return True
        buttons = QMessageBox.StandardButton
        name = self.document.path.name if self.document.path else autosave.UNTITLED
        answer = QMessageBox.question(self, APP_NAME, f"“{name}”已修改，是否保存？",
                                      buttons.Save | buttons.Discard | buttons.Cancel)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(u.toLocalFile().lower().endswith(DRAFT_SUFFIXES) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().lower().endswith(DRAFT_SUFFIXES)]
        if paths and self._may_discard():
            self.open_path(Path(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._may_discard():
            self._forget_snapshot()
            self.autosave_owner.release()
            self._keep_layout()
            self.serial_pool.waitForDone(3000)
            event.accept()
        else:
            event.ignore()


def counted_characters(text: str) -> int:
    """The characters of ``text`` less NOT_COUNTED: one C-speed count per such character (5 → 3 ms
    at 370,000 characters, where a regular expression's substitution copied the whole text)."""
    return len(text) - sum(map(text.count, NOT_COUNTED))


def open_document_now(source: Path | None) -> Document:
    """The file an autosave belongs to, read on the UI thread (recovery happens at start-up,
    before anything else); a new draft when the file is gone."""
    if source is None or not source.exists():
        return new_document()
    return open_document(source)
