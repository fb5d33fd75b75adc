"""Main window: the editor, the findings and phrase panels, menus, and background work.

The window owns one Document (the core model). The editor holds the text as the user edits it;
the model is brought in line (``replace_lines``) when the user saves, exports or converts.
Opening, checking, converting and exporting run on worker threads (gui.tasks); the UI thread
only applies their results.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QProgressDialog)

from .. import APP_NAME, __version__
from ..core.checker.model import ALTERNATIVES_FOR, Finding
from ..core.checker.setup import user_checker
from ..core.conversion import CONFIGS, Converter, user_protected_terms
from ..core.document import Document, new_document, open_document
from ..core.errors import DocumentError
from ..core.export.fonts import check_fonts
from ..core.export.gongwen import GongwenSettings, export_gongwen
from ..core.export.review import export_reviewed
from ..core.phrasebank.bank import PhraseBank
from ..core.phrasebank.build import build_bank, read_folder
from ..core.phrasebank.sources import fitted
from ..core.script import NAMES as SCRIPT_NAMES
from ..core.script import detect_script
from ..core.userdata import data_dir
from . import autosave, tasks
from .dialogs import ConversionPreview, FindReplaceDialog, FontCheckDialog, ProtectedTermsDialog
from .editor import DraftEditor
from .panels import FindingsPanel, PhrasePanel

FILE_FILTER = "文档 (*.docx *.txt);;Word 文档 (*.docx);;文本文件 (*.txt)"
CHECK_PAUSE_MS = 600
AUTOSAVE_MS = 60_000
RECENT_LIMIT = 8
MENU_CONFIGS = ["s2t", "t2s", "s2twp", "tw2sp", "s2tw", "tw2s", "s2hk", "hk2s", "t2tw", "t2hk"]


class MainWindow(QMainWindow):
    """One document per window."""

    def __init__(self, bank: PhraseBank | None = None) -> None:
        super().__init__()
        self.document: Document = new_document()
        self.bank = bank or PhraseBank.load()
        self.checker, self.notes = user_checker(bank=self.bank)
        self.check_pool = QThreadPool(self)
        self.check_pool.setMaxThreadCount(1)  # one check at a time: the checker's cache is not shared
        self.revision = 0
        self.checked_revision = -1
        self._check_running = False
        self._check_pending = False
        self.findings: list[Finding] = []
        self.busy: QProgressDialog | None = None

        self.editor = DraftEditor(self)
        self.setCentralWidget(self.editor)
        self.findings_panel = FindingsPanel()
        self.phrase_panel = PhrasePanel(self.bank)
        self._dock("检查结果", self.findings_panel)
        phrases = self._dock("短语库", self.phrase_panel)
        self.tabifyDockWidget(self.findChild(QDockWidget, "检查结果"), phrases)
        self.findChild(QDockWidget, "检查结果").raise_()
        self.find_dialog = FindReplaceDialog(self.editor, self)

        self.status_labels = {key: QLabel() for key in ("count", "paragraphs", "findings", "format", "script")}
        for label in self.status_labels.values():
            self.statusBar().addPermanentWidget(label)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_PAUSE_MS, timeout=self.check_now)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS, timeout=self.autosave_now)
        self.autosave_timer.start()

        self.editor.textChanged.connect(self._text_changed)
        self.editor.document().modificationChanged.connect(self._update_title)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.editor.ignore_here.connect(self._ignore_here)
        self.editor.ignore_rule.connect(self._ignore_rule)
        self.editor.accept_word.connect(self._accept_word)
        self.findings_panel.chosen.connect(self.editor.jump_to)
        self.phrase_panel.insert.connect(self.insert_phrase)
        self.phrase_panel.changed.connect(self.reload_bank)
        self._build_menus()
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._update_title()
        self._update_status()

    def _dock(self, title: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    # -- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        toolbar = self.addToolBar("常用")
        toolbar.setObjectName("常用")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        file_menu = bar.addMenu("文件(&F)")
        self._add(file_menu, "新建(&N)", self.new_file, QKeySequence.StandardKey.New)
        toolbar.addAction(self._add(file_menu, "打开(&O)…", self.choose_and_open, QKeySequence.StandardKey.Open))
        self.recent_menu = file_menu.addMenu("最近打开")
        self._fill_recent()
        toolbar.addAction(self._add(file_menu, "保存(&S)", self.save, QKeySequence.StandardKey.Save))
        self._add(file_menu, "另存为(&A)…", self.save_as, QKeySequence("Ctrl+Shift+S"))
        file_menu.addSeparator()
        export = self._add(file_menu, "导出公文格式(&G)…", lambda: self.export_gongwen_dialog())
        self._add(file_menu, "导出批注版(&R)…", lambda: self.export_review_dialog())
        file_menu.addSeparator()
        self._add(file_menu, "退出(&X)", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("编辑(&E)")
        self._add(edit, "撤销(&U)", self.editor.undo, QKeySequence.StandardKey.Undo)
        self._add(edit, "重做(&R)", self.editor.redo, QKeySequence("Ctrl+Y"))
        edit.addSeparator()
        self._add(edit, "查找(&F)…", self.show_find, QKeySequence.StandardKey.Find)
        self._add(edit, "替换(&H)…", self.show_find, QKeySequence("Ctrl+H"))
        edit.addSeparator()
        self._add(edit, "放大", lambda: self.editor.zoom(1), QKeySequence("Ctrl+="))
        self._add(edit, "缩小", lambda: self.editor.zoom(-1), QKeySequence("Ctrl+-"))

        check = bar.addMenu("检查(&C)")
        toolbar.addSeparator()
        toolbar.addAction(self._add(check, "重新检查", self.check_now, QKeySequence("F7")))

        convert = bar.addMenu("转换(&T)")
        for config in MENU_CONFIGS:
            action = self._add(convert, CONFIGS[config], lambda _=False, c=config: self.convert_dialog(c))
            if config in ("s2t", "t2s"):
                action.setIconText("简→繁" if config == "s2t" else "繁→简")
                toolbar.addAction(action)
        convert.addSeparator()
        self._add(convert, "不转换词表…", lambda: ProtectedTermsDialog(self).exec())

        phrases = bar.addMenu("短语库(&P)")
        toolbar.addAction(self._add(phrases, "查找短语", self.show_phrases, QKeySequence("Ctrl+K")))
        toolbar.addSeparator()
        export.setIconText("导出公文格式")
        toolbar.addAction(export)
        self._add(phrases, "把选中文字加入我的短语…", self.add_selection_to_phrases, QKeySequence("Ctrl+D"))
        self._add(phrases, "从文件夹导入我的短语…", self.import_phrases_dialog)

        help_menu = bar.addMenu("帮助(&H)")
        self._add(help_menu, "关于", self.about)

    def _add(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- opening -------------------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """Open ``path`` on a worker thread; the editor fills in when it is read."""
        self._run_busy(f"正在打开“{Path(path).name}”…", lambda progress: open_document(path), self._opened)

    def open_now(self, path: Path) -> bool:
        """Open on the UI thread (tests, recovery). Returns False with a message box on failure."""
        try:
            self._opened(open_document(path))
        except DocumentError as problem:
            self._failed(problem)
            return False
        return True

    def _opened(self, document: Document) -> None:
        self.document = document
        self.editor.set_paragraphs([p.text for p in document.paragraphs], [p.location for p in document.paragraphs])
        self.findings = []
        self.findings_panel.set_findings([])
        self._remember_recent(document.path)
        for note in document.notes:
            QMessageBox.information(self, "提示", note)
        self._update_title()
        self._update_status()
        self.check_now()

    def choose_and_open(self) -> None:
        if not self._may_discard():
            return
        name, _ = QFileDialog.getOpenFileName(self, "打开文档", "", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def new_file(self) -> None:
        if self._may_discard():
            self._opened(new_document())

    # -- checking ------------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self.revision += 1
        self.check_timer.start()
        self._update_status()

    def check_now(self) -> None:
        if self._check_running:
            self._check_pending = True
            return
        self._check_running = True
        lines, revision, checker = self.editor.lines(), self.revision, self.checker

        def work(progress):
            return revision, checker.check(lines, progress), detect_script("\n".join(lines)[:20000])

        tasks.start(work, self._checked, self._check_failed, self, pool=self.check_pool)

    def _checked(self, result) -> None:
        revision, findings, script = result
        self._check_running = False
        if revision == self.revision:
            self.findings = findings
            self.checked_revision = revision
            self.editor.show_findings(findings)
            self.findings_panel.set_findings(findings)
            self.status_labels["script"].setText(f"字形：{SCRIPT_NAMES.get(script, '—')}")
            self._update_status()
        if self._check_pending or revision != self.revision:
            self._check_pending = False
            self.check_timer.start()

    def _check_failed(self, problem) -> None:
        self._check_running = False
        self.statusBar().showMessage(f"检查出错：{problem}", 10000)

    def _cursor_moved(self) -> None:
        finding = self.editor.finding_at(self.editor.textCursor().position())
        if finding is not None and finding.category in ALTERNATIVES_FOR:
            self.phrase_panel.show_alternatives(finding.text)

    def _ignore_here(self, finding: Finding) -> None:
        from ..core.text.sentences import sentence_at

        around = sentence_at(self.editor.lines()[finding.paragraph], finding.start)
        self.checker.settings.ignored_places.add((finding.rule, around, finding.text))
        self._settings_changed()

    def _ignore_rule(self, finding: Finding) -> None:
        self.checker.settings.disabled_rules.add(finding.rule)
        self._settings_changed()

    def _accept_word(self, finding: Finding) -> None:
        self.checker.settings.ignored_words.add(finding.text)
        self._settings_changed()

    def _settings_changed(self) -> None:
        try:
            self.checker.settings.save()
        except DocumentError as problem:
            self._failed(problem)
        self.check_now()

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
        folder = QFileDialog.getExistingDirectory(self, "选择含 .docx/.txt 的文件夹")
        if not folder:
            return
        def work(progress):
            notes: list[str] = []
            paragraphs = read_folder(Path(folder), notes, progress)
            progress(1, 1)  # last chance to cancel before anything is written
            bank = build_bank(paragraphs)
            return self.bank.add_user_phrases(bank["entries"]), notes

        self.import_task = self._run_busy("正在从文档中提取短语…", work, self._phrases_imported)

    def add_selection_to_phrases(self) -> None:
        self.phrase_panel.edit_user_phrase(text=self.editor.textCursor().selectedText().replace("\u2029", ""))

    def reload_bank(self) -> None:
        """The bank changed on disk (import, add, edit, delete): load it again everywhere."""
        self.bank = PhraseBank.load()
        self.phrase_panel.bank = self.bank
        self.phrase_panel.reload_categories()
        self.phrase_panel.search()
        if self.bank.note:
            QMessageBox.warning(self, "短语库", self.bank.note)

    def _phrases_imported(self, result) -> None:
        added, notes = result
        self.reload_bank()
        QMessageBox.information(self, "导入完成", f"新增 {added} 条到“我的短语”。" + "".join(f"\n{n}" for n in notes))

    # -- conversion ----------------------------------------------------------------------------
    def convert_dialog(self, config: str, accept_preview=None) -> None:
        """Convert the selection (or the whole document) through the core, after a preview.

        The core applies the conversion to the draft (each character keeps its Word formatting;
        headers and footers too for the whole document); the editor then shows the new text as
        one undoable step.
        """
        converter = Converter(config, user_protected_terms())
        spans = self._selected_spans()
        try:
            self._sync_model()
            changes = self.document.plan_conversion(converter, spans)
        except DocumentError as problem:
            self._failed(problem)
            return
        preview = ConversionPreview(CONFIGS[config], changes, self)
        accepted = accept_preview(preview) if accept_preview else preview.exec()
        if not accepted or not changes:
            return
        self.document.convert(converter, spans)
        edit = self.editor.textCursor()
        edit.beginEditBlock()
        for index, _, new in changes:
            block = self.editor.document().findBlockByNumber(index)
            line = self.editor.textCursor()
            line.setPosition(block.position())
            line.setPosition(block.position() + block.length() - 1, line.MoveMode.KeepAnchor)
            line.insertText(new)
        edit.endEditBlock()
        self.statusBar().showMessage(f"已转换 {len(changes)} 段（{CONFIGS[config]}），可撤销。", 8000)

    def _selected_spans(self) -> list[tuple[int, int, int]] | None:
        """(paragraph, start, end) for each paragraph the selection touches; None: no selection."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        document = self.editor.document()
        first, last = document.findBlock(cursor.selectionStart()), document.findBlock(cursor.selectionEnd())
        spans = []
        for number in range(first.blockNumber(), last.blockNumber() + 1):
            block = document.findBlockByNumber(number)
            start = max(cursor.selectionStart() - block.position(), 0)
            end = min(cursor.selectionEnd() - block.position(), len(block.text()))
            spans.append((number, start, end))
        return spans

    # -- saving and exporting ------------------------------------------------------------------
    def _sync_model(self) -> None:
        self.document.replace_lines(self.editor.lines())

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        name, _ = QFileDialog.getSaveFileName(self, "另存为", str(self.document.path or "未命名.docx"), FILE_FILTER)
        return bool(name) and self._save_to(Path(name))

    def _save_to(self, path: Path) -> bool:
        try:
            self._sync_model()
            previous = self.document.path
            self.document.save(path)
        except DocumentError as problem:
            self._failed(problem)
            return False
        autosave.discard(previous)
        autosave.discard(path)
        self.editor.document().setModified(False)
        self._remember_recent(path)
        self._update_title()
        self._update_status()
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        return True

    def export_gongwen_dialog(self, target: Path | None = None, confirm_fonts=None) -> None:
        settings = GongwenSettings()
        statuses = check_fonts(settings.standard_fonts)
        dialog = FontCheckDialog(statuses, self)
        if not (confirm_fonts(dialog) if confirm_fonts else dialog.exec()):
            return
        settings.use_fallback_fonts = dialog.use_fallbacks.isChecked()
        missing = {s.name for s in statuses if not s.installed}
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, "导出公文格式", self._suggested("公文"), "Word 文档 (*.docx)")
            if not name:
                return
            target = Path(name)
        self._sync_model()
        self._run_busy("正在导出公文格式…", lambda progress: export_gongwen(self.document.snapshot(), target, settings, missing, progress),
                       lambda path: self._exported(path, "公文格式"))

    def export_review_dialog(self, target: Path | None = None) -> None:
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, "导出批注版", self._suggested("批注版"), "Word 文档 (*.docx)")
            if not name:
                return
            target = Path(name)
        self._sync_model()
        findings, draft = list(self.findings), self.document.snapshot()
        self._run_busy("正在生成批注版…", lambda progress: export_reviewed(draft, findings, target, progress),
                       lambda result: self._exported(result.path, f"批注版（{result.placed} 条批注）"))

    def _exported(self, path: Path, what: str) -> None:
        self.statusBar().showMessage(f"已导出{what}：{path}", 8000)

    def _suggested(self, suffix: str) -> str:
        base = self.document.path.with_suffix("") if self.document.path else Path("未命名")
        return f"{base}-{suffix}.docx"

    # -- autosave and recovery -----------------------------------------------------------------
    def autosave_now(self) -> None:
        if self.editor.document().isModified():
            try:
                autosave.save(self.document.path, self.editor.lines())
            except DocumentError as problem:
                self.statusBar().showMessage(f"自动保存失败：{problem}", 10000)

    def recover(self, snapshot: autosave.Snapshot) -> None:
        """Reopen the file the snapshot belongs to (if it still exists) and put the saved text back."""
        source = Path(snapshot.source) if snapshot.source else None
        if source is not None and source.exists() and self.open_now(source):
            pass
        else:
            self._opened(new_document())
        self.editor.setPlainText("\n".join(snapshot.lines))
        self.editor.document().setModified(True)
        snapshot.path.unlink(missing_ok=True)
        self.statusBar().showMessage("已恢复自动保存的内容，请检查后保存。", 10000)

    def offer_recovery(self) -> None:
        snapshots = autosave.pending()
        if not snapshots:
            return
        latest = snapshots[0]
        name = Path(latest.source).name if latest.source else "未命名文稿"
        answer = QMessageBox.question(self, "恢复文稿", f"上次没有正常关闭，发现“{name}”的自动保存内容。是否恢复？")
        if answer == QMessageBox.StandardButton.Yes:
            self.recover(latest)
        else:
            for snapshot in snapshots:
                snapshot.path.unlink(missing_ok=True)

    # -- recent files --------------------------------------------------------------------------
    def _recent_path(self) -> Path:
        return data_dir() / "recent.json"

    def _recent(self) -> list[str]:
        try:
            return json.loads(self._recent_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []

    def _remember_recent(self, path: Path | None) -> None:
        if path is None:
            return
        entries = [str(path)] + [p for p in self._recent() if p != str(path)]
        try:
            self._recent_path().write_text(json.dumps(entries[:RECENT_LIMIT], ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self._recent():
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _=False, p=entry: self._may_discard() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent()))

    # -- small things --------------------------------------------------------------------------
    def show_find(self) -> None:
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.find_text.setFocus()

    def about(self) -> None:
        QMessageBox.about(self, "关于", f"<b>{APP_NAME}</b> {__version__}<br>离线运行，不联网。<br>"
                                       "检查口语化、重复、标点等问题；短语库；简繁转换；公文格式导出。")

    def _run_busy(self, text: str, work, on_finished) -> tasks.Task:
        """Run ``work`` on a worker thread behind a progress dialog (shown after half a second)
        with a 取消 button; ``on_finished`` gets the result on the UI thread unless cancelled."""
        busy = QProgressDialog(text, "取消", 0, 0, self)
        busy.setWindowTitle(APP_NAME)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(500)
        self.busy = busy

        def progress(done: int, total: int) -> None:
            busy.setMaximum(total)
            busy.setValue(done)

        def finished(result) -> None:
            self._hide_busy()
            on_finished(result)

        task = tasks.start(work, finished, self._failed, self, on_progress=progress)
        busy.canceled.connect(lambda: self._cancel(task))
        return task

    def _cancel(self, task: tasks.Task) -> None:
        task.cancelled = True
        self._hide_busy()
        self.statusBar().showMessage("已取消。", 5000)

    def _hide_busy(self) -> None:
        if self.busy is not None:
            self.busy.reset()
            self.busy = None

    def _failed(self, problem: Exception) -> None:
        self._hide_busy()
        if isinstance(problem, DocumentError):
            QMessageBox.warning(self, "操作未完成", str(problem))
        else:
            QMessageBox.critical(self, "出错了", f"发生了意外错误，您的文字没有丢失。\n\n{type(problem).__name__}: {problem}")

    def _update_status(self) -> None:
        text = self.editor.toPlainText()
        count = sum(1 for ch in text if not ch.isspace() and ch != "\ufffc")
        self.status_labels["count"].setText(f"字数：{count}")
        self.status_labels["paragraphs"].setText(f"段落：{self.editor.document().blockCount()}")
        self.status_labels["findings"].setText(f"问题：{len(self.findings)}")
        self.status_labels["format"].setText(self.document.describe())

    def _update_title(self, *_: object) -> None:
        name = self.document.path.name if self.document.path else "未命名"
        mark = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(f"{mark}{name} — {APP_NAME}")

    def _may_discard(self) -> bool:
        if not self.editor.document().isModified():
            return True
        answer = QMessageBox.question(
            self, APP_NAME, "文档已修改，是否保存？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(u.toLocalFile().lower().endswith((".docx", ".txt")) for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().lower().endswith((".docx", ".txt"))]
        if paths and self._may_discard():
            self.open_path(Path(paths[0]))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._may_discard():
            autosave.discard(self.document.path)
            self.check_pool.waitForDone(3000)
            event.accept()
        else:
            event.ignore()
