"""Benchmark: the window stays responsive while a 100,000-character draft opens and is checked (issue 7),
and while a draft with 20,000 findings is checked and listed (issue 17).

A 10 ms timer runs on the UI thread; the longest gap between its ticks is the longest time the
event loop was blocked. Measured from asking to open the file until its first findings are shown.
Target: no stall over 100 ms. Run: .venv/bin/python bench/ui_stall.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from check_speed import build_document  # noqa: E402

from assistant.gui.app import warm_up_core  # noqa: E402
from assistant.gui.main_window import MainWindow  # noqa: E402


def punctuation_heavy(findings: int = 20_000) -> list[str]:
    """A draft pasted with half-width commas: two findings per line, ``findings`` in all."""
    return [f"第{n}项工作,要抓紧,落实到位。" for n in range(findings // 2)]


def measure(app: QApplication, folder: str, name: str, paragraphs: list[str]) -> None:
    draft = Path(folder) / name
    draft.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    window = MainWindow()
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10, timeout=tick)
    timer.start()
    start = time.perf_counter()
    last[0] = start
    window.open_path(draft)
    opened_at = None
    while not (window.findings and window.is_checked()):
        app.processEvents()
        if opened_at is None and window.document.path == draft:
            opened_at = time.perf_counter() - start
        if time.perf_counter() - start > 120:
            raise SystemExit("no findings within 120 s")
    total = time.perf_counter() - start
    settle = time.perf_counter()
    while time.perf_counter() - settle < 1.0:  # the panel and underlines fill in batches after that
        app.processEvents()
    timer.stop()
    characters = sum(len(p) for p in paragraphs)
    print(f"draft: {characters} characters, {len(paragraphs)} paragraphs")
    print(f"text in the editor after {opened_at:.2f} s; {len(window.findings)} findings shown after {total:.2f} s")
    print(f"longest event-loop stall: {max(gaps) * 1000:.0f} ms (target ≤ 100 ms); "
          f"stalls over 50 ms: {sum(g > 0.05 for g in gaps)}")
    window.editor.document().setModified(False)
    window.close()


def main() -> None:
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["GONGWEN_DATA_DIR"] = folder
        warm_start = time.perf_counter()
        warm_up_core()  # as app.run does before the window is shown
        print(f"start-up, before the window is shown: jieba and OpenCC loaded in {time.perf_counter() - warm_start:.2f} s")
        measure(app, folder, "长文稿.txt", build_document())
        measure(app, folder, "标点很多.txt", punctuation_heavy())


if __name__ == "__main__":
    main()
