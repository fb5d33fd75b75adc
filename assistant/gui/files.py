"""File dialogs in Chinese. Qt's own (non-native) file dialog, used on Linux desktops without a
portal, leaves two labels untranslated in its Chinese catalogue, and formats its 大小, 类型 and
修改日期 columns with the system locale ("Folder", "6 12 2026 14:50", "KiB" under a C locale);
both are set here. Native dialogs (Windows) speak the system's language and ignore them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QIdentityProxyModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QListView, QTreeView, QWidget

LABELS = {QFileDialog.DialogLabel.LookIn: "查找范围：", QFileDialog.DialogLabel.FileType: "文件类型："}
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
SIZE, TYPE, DATE = 1, 2, 3  # the details view's columns after 名称
SIDEBAR_WIDTH = 140  # the places on the left (计算机, the home folder) read in full
TYPE_NAMES = {"docx": "Word 文档", "doc": "Word 97-2003 文档", "wps": "WPS 文字文档", "txt": "文本文件",
              "pdf": "PDF 文件"}


def type_name(info: QFileInfo) -> str:
    if info.isDir():
        return "文件夹"
    suffix = info.suffix().lower()
    return TYPE_NAMES.get(suffix, f"{suffix.upper()} 文件" if suffix else "文件")


class ChineseColumns(QIdentityProxyModel):
    """The file model as the dialog shows it, with size, type and date written the Chinese way
    (38.0 kB, Word 文档, 2026/12/6 14:50) whatever the system locale."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or index.column() not in (SIZE, TYPE, DATE):
            return super().data(index, role)
        info = self.sourceModel().fileInfo(self.mapToSource(index))
        if index.column() == SIZE:
            return "" if info.isDir() else CHINESE.formattedDataSize(info.size(), 1,
                                                                     QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        if index.column() == TYPE:
            return type_name(info)
        return CHINESE.toString(info.lastModified(), QLocale.FormatType.ShortFormat)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if section == SIZE and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return "大小"  # Qt's Chinese catalogue says 体积 (volume)
        return super().headerData(section, orientation, role)


def chinese_file_dialog(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    for label, text in LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setProxyModel(ChineseColumns(dialog))
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # Qt's own dialog: no column cut short ("10....KiB", "计...")
        for column in (SIZE, TYPE, DATE):
            details.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        dialog.findChild(QListView, "sidebar").setMinimumWidth(SIDEBAR_WIDTH)
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
