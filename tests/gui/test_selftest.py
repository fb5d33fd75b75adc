"""The self-test's picture of the main window (issue 26: how the Windows test sees the window under Wine)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from assistant.selftest import run


def test_self_test_saves_a_picture_of_the_main_window(qapp, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(tmp_path / "data"))
    picture = tmp_path / "主窗口.png"
    assert run(["--screenshot", str(picture)]) == 0
    image = QImage(str(picture))
    assert image.width() >= 600 and image.height() >= 400
    assert f"主窗口图片：{picture}" in capsys.readouterr().out


def test_a_picture_that_cannot_be_saved_fails_the_self_test(qapp, tmp_path: Path, monkeypatch, capsys):
    """A support script reads the exit status: no picture written must not say 自检通过."""
    monkeypatch.setenv("GONGWEN_DATA_DIR", str(tmp_path / "data"))
    picture = tmp_path / "没有的文件夹" / "主窗口.png"
    assert run(["--screenshot", str(picture)]) == 1
    assert not picture.exists()
    printed = capsys.readouterr()
    assert f"无法保存主窗口图片：{picture}" in printed.err and "自检通过" not in printed.out
