"""文稿体检: the draft health report in a dialog, with charts drawn by hand and a PNG export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QGridLayout,
                               QHeaderView, QLabel, QMessageBox, QPushButton, QScrollArea, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.checker.model import CATEGORIES, CATEGORY_COLOURS
from ..core.health import BIN_LABELS, HealthReport, compare, ratio_label, summary

DRAFT_COLOUR = QColor("#1c7ed6")
NORM_COLOUR = QColor("#adb5bd")
AXIS_COLOUR = QColor("#868e96")
GRID_COLOUR = QColor("#e9ecef")
TEXT_COLOUR = QColor("#212529")
MUTED_COLOUR = QColor("#adb5bd")
# Fits a 1366×768 screen with the taskbar and the title bar.
DIALOG_SIZE = QSize(1120, 680)


class CategoryBars(QWidget):
    """Horizontal bars: findings per category, in panel order, in the category's colour."""

    ROW = 24
    LABEL_WIDTH = 76

    def __init__(self, counts: dict[str, int], parent=None):
        super().__init__(parent)
        self.counts = counts
        self.setMinimumSize(360, self.ROW * len(CATEGORIES) + 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(460, self.ROW * len(CATEGORIES) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        number_width = metrics.horizontalAdvance("0000") + 8
        span = max(1, self.width() - self.LABEL_WIDTH - number_width - 8)
        largest = max(self.counts.values(), default=0) or 1
        for row, (key, name) in enumerate(CATEGORIES.items()):
            count = self.counts.get(key, 0)
            top = 4 + row * self.ROW
            painter.setPen(TEXT_COLOUR if count else MUTED_COLOUR)
            painter.drawText(QRectF(0, top, self.LABEL_WIDTH - 8, self.ROW),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            width = span * count / largest
            if count:
                painter.fillRect(QRectF(self.LABEL_WIDTH, top + 4, width, self.ROW - 8),
                                 QColor(CATEGORY_COLOURS.get(key, "#868e96")))
            painter.drawText(QRectF(self.LABEL_WIDTH + width + 6, top, number_width, self.ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(count))
        painter.end()


class LengthHistogram(QWidget):
    """Sentence lengths: the draft's share of sentences per bin beside the corpus's (本稿/范文)."""

    def __init__(self, draft: tuple[float, ...], norm: tuple[float, ...], parent=None):
        super().__init__(parent)
        self.draft = draft
        self.norm = norm
        self.setMinimumSize(400, 210)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(460, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, right, top, bottom = metrics.horizontalAdvance("100%") + 10, 8, line + 12, line * 2 + 8
        plot = QRectF(left, top, max(1, self.width() - left - right), max(1, self.height() - top - bottom))
        tenths = max(1, int(max((*self.draft, *self.norm, 0.1)) * 10 - 1e-9) + 1)  # axis top: next 10 %
        scale = tenths / 10
        for tick in range(tenths + 1):
            y = plot.bottom() - plot.height() * tick / tenths
            painter.setPen(GRID_COLOUR if tick else AXIS_COLOUR)
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(0, y - line / 2, left - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{tick * 10}%")
        slot = plot.width() / len(BIN_LABELS)
        bar = slot * 0.34
        for index, label in enumerate(BIN_LABELS):
            x = plot.left() + slot * index + slot * 0.14
            for offset, share, colour in ((0, self.draft[index], DRAFT_COLOUR), (bar, self.norm[index], NORM_COLOUR)):
                height = plot.height() * share / scale
                painter.fillRect(QRectF(x + offset, plot.bottom() - height, bar, height), colour)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(plot.left() + slot * index, plot.bottom() + 4, slot, line),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4 + line, plot.width(), line),
                         Qt.AlignmentFlag.AlignCenter, "句子长度（字）")
        legend_x = plot.right()
        for name, colour in reversed((("本稿", DRAFT_COLOUR), ("范文", NORM_COLOUR))):
            legend_x -= metrics.horizontalAdvance(name) + 24
            painter.fillRect(QRectF(legend_x, 4 + (line - 10) / 2, 10, 10), colour)
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(legend_x + 14, 4, metrics.horizontalAdvance(name) + 4, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setPen(AXIS_COLOUR)
        painter.drawText(QRectF(0, 4, legend_x - 8, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "占全部句子的比例")
        painter.end()


def fixed_table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    """A read-only table as tall as its rows, so the report (and its PNG) shows every row."""
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.resizeRowsToContents()
    height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 2 * table.frameWidth()
    table.setFixedHeight(height)
    return table


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class HealthDialog(QDialog):
    """文稿体检: summary, findings by category, sentence lengths against the corpus, overused words
    and, given the previous report, a before/after table; 导出图片… saves the report as PNG."""

    def __init__(self, report: HealthReport, previous: HealthReport | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("文稿体检")
        self.report, self.previous = report, previous
        self.comparison: QTableWidget | None = None
        self.report_widget = self._report_widget(report, previous)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.report_widget)
        buttons = QDialogButtonBox()
        export = QPushButton("导出图片…")
        export.clicked.connect(self.export_png)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(DIALOG_SIZE)

    def _report_widget(self, report: HealthReport, previous: HealthReport | None) -> QWidget:
        widget = QWidget()
        widget.setAutoFillBackground(True)  # the PNG gets the window background, not transparency
        grid = QGridLayout(widget)
        grid.setHorizontalSpacing(24)
        title = heading("文稿体检")
        line = QLabel(summary(report))
        line.setWordWrap(True)
        self.summary_label = line
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(line, 1, 0, 1, 2)
        left = QVBoxLayout()
        left.addWidget(heading("问题分类"))
        left.addWidget(CategoryBars(report.by_category))
        left.addSpacing(12)
        left.addWidget(heading("句子长度分布"))
        left.addWidget(LengthHistogram(report.length_histogram, report.norm_histogram))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(heading("用得偏多的词"))
        if report.overused:
            self.overused = fixed_table(["词语", "次数", "约为常见用量的几倍"],
                                        [[w.word, str(w.count), ratio_label(w)] for w in report.overused])
            right.addWidget(self.overused)
        else:
            self.overused = fixed_table(["词语", "次数", "约为常见用量的几倍"], [])
            right.addWidget(QLabel("没有明显偏多的词（用到三次以上、明显多于范文的实词）。"))
        if previous is not None:
            right.addSpacing(12)
            right.addWidget(heading("前后对比"))
            self.comparison = fixed_table(["项目", "上次", "本次"],
                                          [[label, _number(old), _number(new)] for label, old, new in compare(previous, report)])
            right.addWidget(self.comparison)
        right.addStretch(1)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return widget

    def save_png(self, path: Path | str) -> bool:
        """The whole report (also what is scrolled out of view) as a PNG image; the dialog need not
        be shown (the report is then laid out at its natural size)."""
        widget = self.report_widget
        if not widget.isVisible():
            widget.resize(widget.sizeHint().expandedTo(QSize(DIALOG_SIZE.width() - 40, 0)))
        return widget.grab().save(str(path), "PNG")

    def export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "导出图片", "文稿体检.png", "PNG 图片 (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.save_png(path):
            QMessageBox.warning(self, "导出图片", f"无法保存图片：{path}")


def _number(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:g}"
