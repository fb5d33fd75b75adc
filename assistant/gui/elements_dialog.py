"""The 公文要素 dialog shown before the 公文 export: what was recognised in the draft (and what the
user set last time), for the user to confirm or correct, and what the export cannot carry over."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from ..core.export.elements import DOC_TYPES, FIELD_NAMES, Elements
from .dialogs import button_row

MARK_SUFFIX = "文件"
# (field, hint) per group, in the order of the document.
GROUPS = (
    ("版头", (("doc_type", "由标题识别，如 通知、请示"), ("issuer_mark", "如 某某县人民政府"),
              ("doc_number", "如 某政发〔2026〕1号"), ("signer", "上行文（请示、报告）填写"),
              ("copy_number", "可不填，6 位数字"), ("secrecy", "可不填，如 秘密★1年"), ("urgency", "可不填：特急 或 加急"))),
    ("主体", (("title", "可分行"), ("addressee", "如 各乡镇人民政府："), ("attachments", "每行一个附件名称"),
              ("signature", "发文机关署名"), ("date", "如 2026年3月5日"), ("note", "可不填，不含括号"))),
    ("版记", (("cc", "抄送机关，用逗号分隔"), ("printer", "印发机关"), ("print_date", "如 2026年3月5日"))),
)
MULTILINE = {"title", "attachments"}


class ElementsDialog(QDialog):
    """One field per 要素, prefilled; ``elements()`` gives what the user confirmed."""

    def __init__(self, elements: Elements, notes: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("导出公文格式 — 公文要素")
        self._original = elements
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel("以下要素由文稿识别，或沿用上次的填写；请核对后导出。空着的要素不排版。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if notes:  # what the export cannot carry over, said before it runs
            self.notes = QLabel("<b>请注意：</b>" + "<br>".join(html.escape(note) for note in notes))
            self.notes.setWordWrap(True)
            self.notes.setStyleSheet("color: #a61e4d")
            layout.addWidget(self.notes)
        for title, rows in GROUPS:
            group = QGroupBox(title)
            form = QFormLayout(group)
            for name, hint in rows:
                form.addRow(FIELD_NAMES[name] + "：", self._field(name, hint, getattr(elements, name)))
            layout.addWidget(group)
        self.sealed = QCheckBox("加盖印章（不勾选：不加盖印章的落款）")
        self.sealed.setChecked(elements.sealed)
        layout.addWidget(self.sealed)
        layout.addWidget(button_row(self, QDialogButtonBox.StandardButton.Ok, "导出", self.accept))
        self.resize(640, 760)

    def _field(self, name: str, hint: str, value) -> QWidget:
        if name == "doc_type":
            field = QComboBox()
            field.setEditable(True)
            field.addItems([""] + [t for t in DOC_TYPES if t != "复函"])
            field.setCurrentText(value)
            self.fields[name] = field
            return field
        if name in MULTILINE:
            field = QPlainTextEdit("\n".join(value) if isinstance(value, list) else value)
            field.setPlaceholderText(hint)
            field.setFixedHeight(60)
            self.fields[name] = field
            return field
        field = QLineEdit(value)
        field.setPlaceholderText(hint)
        self.fields[name] = field
        if name != "issuer_mark":
            return field
        self.with_suffix = QCheckBox(f"加“{MARK_SUFFIX}”二字")
        self.with_suffix.setChecked(value.endswith(MARK_SUFFIX))
        if value.endswith(MARK_SUFFIX):
            field.setText(value[:-len(MARK_SUFFIX)])
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(field, 1)
        box.addWidget(self.with_suffix)
        return row

    def elements(self) -> Elements:
        values = {}
        for name, field in self.fields.items():
            if isinstance(field, QComboBox):
                value = field.currentText()
            elif isinstance(field, QPlainTextEdit):
                value = field.toPlainText()
            else:
                value = field.text()
            if name == "issuer_mark" and value.strip() and self.with_suffix.isChecked():
                value = value.strip() + MARK_SUFFIX
            values[FIELD_NAMES[name]] = value
        values[FIELD_NAMES["sealed"]] = "是" if self.sealed.isChecked() else "否"
        return self._original.updated(values)
