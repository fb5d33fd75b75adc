"""The 文稿体检 dialog, offscreen: built from a real report, charts drawn, PNG export, before/after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from assistant.core.checker.engine import Checker
from assistant.core.checker.model import CATEGORY_COLOURS
from assistant.core.document import open_document
from assistant.core.health import HealthReport, build_report, compare
from assistant.gui.health import DRAFT_COLOUR, NORM_COLOUR, CategoryBars, HealthDialog, LengthHistogram
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def reports() -> tuple[HealthReport, HealthReport]:
    """The sample draft's report, and one after adding paragraphs of repeated 加强."""
    checker = Checker()
    texts = [p.text for p in open_document(SAMPLE).paragraphs]
    edited = texts + ["我们要加强学习，加强管理，加强服务，加强协调，加强落实。"] * 3
    return build_report(texts, checker.check(texts)), build_report(edited, checker.check(edited))


def colours_in(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}


def test_dialog_shows_a_real_report(qtbot, reports):
    report, _ = reports
    dialog = HealthDialog(report, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "文稿体检"
    assert f"发现问题 {report.findings} 处" in dialog.summary_label.text()
    assert dialog.comparison is None
    table = dialog.overused
    assert table.rowCount() == len(report.overused) > 0
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["词语", "次数", "约为常见用量的几倍"]
    assert table.item(0, 0).text() == report.overused[0].word
    assert table.item(0, 1).text() == str(report.overused[0].count)
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 60


def test_save_png_writes_the_whole_report(qtbot, reports, tmp_path: Path):
    dialog = HealthDialog(*reports)
    qtbot.addWidget(dialog)
    target = tmp_path / "体检.png"
    assert dialog.save_png(target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 20_000
    image = QImage(str(target))
    assert image.width() >= 900 and image.height() >= 500
    seen = colours_in(image)
    assert DRAFT_COLOUR.name() in seen and NORM_COLOUR.name() in seen
    assert {CATEGORY_COLOURS[key] for key in reports[0].by_category} <= seen


def test_charts_draw_what_they_are_given(qtbot):
    bars = CategoryBars({"typo": 3})
    qtbot.addWidget(bars)
    bars.resize(bars.sizeHint())
    seen = colours_in(bars.grab().toImage())
    assert CATEGORY_COLOURS["typo"] in seen and CATEGORY_COLOURS["number"] not in seen
    histogram = LengthHistogram((1.0, 0, 0, 0, 0, 0, 0), (0, 0, 0, 0, 0, 0, 0.5))
    qtbot.addWidget(histogram)
    histogram.resize(histogram.sizeHint())
    image = histogram.grab().toImage()

    def columns(colour: QColor) -> set[int]:
        return {x for x in range(image.width()) for y in range(40, image.height(), 3)  # below the legend
                if image.pixelColor(x, y) == colour}

    draft, norm = columns(QColor(DRAFT_COLOUR)), columns(QColor(NORM_COLOUR))
    assert draft and max(draft) < image.width() / 4  # one bar, in the first bin
    assert norm and min(norm) > image.width() * 3 / 4  # one bar, in the last bin


def test_previous_report_gives_a_before_after_table(qtbot, reports):
    before, after = reports
    dialog = HealthDialog(after, before)
    qtbot.addWidget(dialog)
    table = dialog.comparison
    rows = compare(before, after)
    assert table is not None and table.rowCount() == len(rows) > 3
    assert dialog.report_widget.isAncestorOf(table)  # in the report, so in its PNG too
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["项目", "上次", "本次"]
    assert (table.item(0, 0).text(), table.item(0, 1).text(), table.item(0, 2).text()) == \
        ("问题总数", str(before.findings), str(after.findings))
    assert after.findings > before.findings
