"""File dialogs in Chinese. Qt's own (non-native) file dialog, used on Linux desktops without a
portal, leaves two labels untranslated in its Chinese catalogue; they are set here. Native
dialogs (Windows) speak the system's language and ignore the labels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

LABELS = {QFileDialog.DialogLabel.LookIn: "查找范围：", QFileDialog.DialogLabel.FileType: "文件类型："}


def chinese_file_dialog(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    for label, text in LABELS.items():
        dialog.setLabelText(label, text)
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    return Path(dialog.selectedFiles()[0]) if dialog.exec() and dialog.selectedFiles() else None


def ask_open(parent: QWidget, title: str, filters: str) -> Path | None:
    dialog = chinese_file_dialog(parent, title, "", filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def ask_save(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    dialog = chinese_file_dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return _chosen(dialog)


def ask_folder(parent: QWidget, title: str) -> Path | None:
    dialog = chinese_file_dialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(dialog)
