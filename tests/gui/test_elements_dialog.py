"""The 公文要素 dialog before the 公文 export: prefilled from the draft, remembered for the next one."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from assistant.core.document import open_document
from assistant.core.export.elements import recognise
from assistant.core.export.source import read_draft
from assistant.gui.elements_dialog import ElementsDialog
from assistant.gui.main_window import MainWindow
from tests.conftest import FILES, W, table_draft_with_record

DRAFTS = FILES / "gongwen"


def recognised(name: str):
    source = read_draft(open_document(DRAFTS / name).snapshot())
    return recognise(source.lines).elements, source.notes


def test_prefilled_from_the_draft(qtbot):
    elements, notes = recognised("upward.txt")
    dialog = ElementsDialog(elements, ["脚注 1 处未能带入导出文件，请在 Word 中补上。"])
    qtbot.addWidget(dialog)
    assert dialog.fields["issuer_mark"].text() == "某某县人民政府" and dialog.with_suffix.isChecked()
    assert dialog.fields["doc_number"].text() == "某政发〔2026〕12号" and dialog.fields["signer"].text() == "张三"
    assert dialog.fields["doc_type"].currentText() == "请示"
    assert dialog.fields["attachments"].toPlainText().count("\n") == 1
    assert "脚注" in dialog.notes.text()
    assert dialog.elements() == elements  # confirmed unchanged


def test_edits_come_back_as_elements(qtbot):
    elements, _ = recognised("downward.txt")
    dialog = ElementsDialog(elements, [])
    qtbot.addWidget(dialog)
    dialog.with_suffix.setChecked(False)
    dialog.fields["doc_number"].setText("某政办发[2026]9号")
    dialog.fields["attachments"].setPlainText("甲表\n乙表")
    dialog.sealed.setChecked(False)
    confirmed = dialog.elements()
    assert confirmed.issuer_mark == "某某县人民政府办公室" and confirmed.doc_number == "某政办发〔2026〕9号"
    assert confirmed.attachments == ["甲表", "乙表"] and not confirmed.sealed


def test_window_exports_what_was_confirmed_and_remembers_it(qtbot, tmp_path: Path):
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.open_path(DRAFTS / "downward.txt")
    qtbot.waitUntil(lambda: window.document.path == DRAFTS / "downward.txt", timeout=20000)
    target = tmp_path / "公文.docx"
    seen = []

    def confirm(dialog: ElementsDialog) -> bool:
        seen.append(dialog.sealed.isChecked())
        dialog.fields["signer"].setText("赵六")
        dialog.sealed.setChecked(False)
        return True

    window.export_gongwen_dialog(target, confirm_fonts=lambda dialog: True, confirm_elements=confirm)
    qtbot.waitUntil(lambda: window.operation.ended and target.exists(), timeout=20000)
    with zipfile.ZipFile(target) as archive:
        texts = ["".join(t.text for t in p.iter(f"{W}t"))
                 for p in etree.fromstring(archive.read("word/document.xml")).iter(f"{W}p")]
    assert "某政办发〔2026〕8号签发人：赵六" in texts  # a 签发人 puts 文号 and 签发人 on one line (上行文)
    assert window.settings.gongwen["signer"] == "赵六" and window.settings.gongwen["sealed"] is False
    window.export_gongwen_dialog(tmp_path / "二.docx", confirm_fonts=lambda dialog: True, confirm_elements=confirm)
    qtbot.waitUntil(lambda: window.operation.ended, timeout=20000)
    assert seen == [True, False]  # the second dialog opened with the remembered choice


def test_new_draft_from_a_template_menu(qtbot):
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("文件"))
    new_menu = next(a.menu() for a in file_menu.actions() if a.text().startswith("新建"))
    names = [a.text() for a in new_menu.actions() if a.text()]
    assert names[0] == "空白文稿" and names[1:9] == ["通知", "请示", "报告", "函", "纪要", "意见", "通报", "批复"]
    next(a for a in new_menu.actions() if a.text() == "请示").trigger()
    lines = window.editor.lines()
    assert "妥否，请批示。" in lines and lines[2].endswith("的请示") and window.document.path is None


def test_notes_known_only_after_the_export_are_shown(qtbot, tmp_path: Path):
    source = table_draft_with_record(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.document().setModified(False))
    window.open_path(source)
    qtbot.waitUntil(lambda: window.document.path == source, timeout=20000)
    target = tmp_path / "公文.docx"
    window.export_gongwen_dialog(target, confirm_fonts=lambda dialog: True, confirm_elements=lambda dialog: True)
    qtbot.waitUntil(lambda: window.operation.ended and target.exists(), timeout=20000)
    assert "总页数为双数" in window.export_notes.text()
    window.export_notes.close()
