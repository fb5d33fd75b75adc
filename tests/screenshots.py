"""Screenshots of the app as a user sees it, for the visual check (issue 7). Not a test.

Run under a virtual X screen with a CJK font installed:
    Xvfb :99 -screen 0 1366x900x24 &  DISPLAY=:99 .venv/bin/python tests/screenshots.py /tmp/shots
Makes: 1-main.png (a corpus text with findings), 2-phrases.png (phrase panel on a flagged word),
3-conversion-preview.png, 4-export-font-check.png, 5-export-elements.png (the 公文要素 dialog).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget  # noqa: E402


def wait(app: QApplication, condition, seconds: float = 30) -> None:
    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.5) -> None:
    wait(app, lambda: False, seconds)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("GONGWEN_DATA_DIR", tempfile.mkdtemp())
    app = QApplication(sys.argv[:1])
    from assistant.core.export.fonts import check_fonts, usable_fallbacks
    from assistant.core.gongwen_page import GongwenSettings
    from assistant.gui.dialogs import ChangePreview, FontCheckDialog
    from assistant.gui.main_window import MainWindow
    from assistant.core.conversion import CONFIGS

    window = MainWindow()
    window.resize(1366, 860)
    window.show()
    draft = next((ROOT / "resources" / "corpus").glob("002_*.txt"))
    window.open_path(draft)
    wait(app, lambda: window.document.path == draft and window.findings and window.is_checked())
    settle(app, 1.0)
    finding = next(f for f in window.findings if f.category == "colloquial")
    window.editor.jump_to(finding)
    settle(app)
    window.grab().save(str(out / "1-main.png"))

    dock = window.findChild(QDockWidget, "短语库")
    dock.raise_()
    window.phrase_panel.show_alternatives(finding.text)
    settle(app)
    window.grab().save(str(out / "2-phrases.png"))

    lines = window.editor.lines()
    from assistant.core.conversion import Converter

    converter = Converter("s2twp")
    changes = [(i, old, new) for i, (old, new) in enumerate(zip(lines, converter.convert_many(lines))) if old != new]
    preview = ChangePreview(f"转换预览 — {CONFIGS['s2twp']}", changes, window)
    preview.show()
    settle(app)
    preview.grab().save(str(out / "3-conversion-preview.png"))
    preview.close()

    statuses = check_fonts(GongwenSettings().standard_fonts)
    dialog = FontCheckDialog(statuses, usable_fallbacks(statuses, GongwenSettings().fallbacks), window)
    dialog.show()
    settle(app)
    dialog.grab().save(str(out / "4-export-font-check.png"))
    dialog.close()

    from assistant.core.document import open_document
    from assistant.core.export.elements import recognise
    from assistant.core.export.source import read_draft
    from assistant.gui.elements_dialog import ElementsDialog

    source = read_draft(open_document(ROOT / "tests" / "_files" / "gongwen" / "upward.txt").snapshot())
    elements = ElementsDialog(recognise(source.lines).elements, ["脚注 1 处未能带入导出文件，请在 Word 中补上。"], window)
    elements.show()
    settle(app)
    elements.grab().save(str(out / "5-export-elements.png"))
    elements.close()
    window.editor.document().setModified(False)
    QTimer.singleShot(0, app.quit)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots"))
