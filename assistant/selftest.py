"""Self-test of an installed copy: open the bundled sample, check, convert and export it, show the
window offscreen, and say what happened. Exit status 0 means every step worked (packaging tests
run it inside a network namespace with no interfaces, proving nothing needs the network).
``--self-test --screenshot 窗口.png`` also saves a picture of the main window: what a support person
asks for, and how the Windows packaging test sees the window under Wine."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def run(argv: list[str]) -> int:
    options = argparse.ArgumentParser(prog="gongwen-assistant --self-test")
    options.add_argument("--screenshot", type=Path, help="把主窗口保存为图片（PNG）")
    args = options.parse_args(argv)
    started = time.perf_counter()
    from .core.checker_setup import user_checker
    from .core.conversion import Converter
    from .core.document import open_document
    from .core.export.gongwen import export_gongwen
    from .core.resources import resource_root, sample_draft

    print(f"资源目录：{resource_root()}")
    document = open_document(sample_draft())
    print(f"打开示例文稿：{len(document.paragraphs)} 段（{document.describe()}）")
    checker, notes = user_checker()
    findings = checker.check([p.text for p in document.paragraphs])
    print(f"检查：{len(findings)} 处问题，{len({f.category for f in findings})} 类")
    changes = document.convert(Converter("s2t"))
    print(f"简转繁：{len(changes)} 段，首段“{document.paragraphs[0].text}”")
    with tempfile.TemporaryDirectory() as folder:
        exported = export_gongwen(document.snapshot(), Path(folder) / "公文.docx")
        print(f"导出公文格式：{exported.path.stat().st_size} 字节，{exported.pages} 页")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from .gui.app import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(None)
    window.show()
    deadline = time.perf_counter() + 20
    while window.document.path is None and time.perf_counter() < deadline:
        app.processEvents()
    print(f"主窗口：{window.windowTitle()}")
    if args.screenshot is not None:
        for _ in range(50):  # let the findings panel and the editor lay themselves out
            app.processEvents()
            time.sleep(0.02)
        if not window.grab().save(str(args.screenshot)):
            print(f"无法保存主窗口图片：{args.screenshot}", file=sys.stderr)
            return 1
        print(f"主窗口图片：{args.screenshot}")
    window.close()
    print(f"自检通过，用时 {time.perf_counter() - started:.2f} 秒。")
    return 0
