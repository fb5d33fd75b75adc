"""工具 → 选项 → 检查规则: the 错别字 strictness (稳妥 / 全面) is stored and the open draft is checked
again at once: an unsure slip appears at 全面 and goes at 稳妥, a sure one stays at both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QRadioButton

from assistant.core.checker.settings import STANDARD, THOROUGH
from assistant.core.settings import Settings
from assistant.gui.main_window import MainWindow
from tests.core.test_typo_level import SURE, UNSURE
from tests.gui.test_main_window import TIMEOUT, open_and_wait, window, windows  # noqa: F401 (fixtures)


def typo_findings(window: MainWindow) -> list[str]:
    return [f.text for f in window.findings if f.rule == "typo-confusable"]


def choose(level: str):
    def click(dialog) -> bool:
        buttons = {button.objectName(): button for button in dialog.findChildren(QRadioButton)}
        assert set(buttons) == {STANDARD, THOROUGH} and sum(b.isChecked() for b in buttons.values()) == 1
        assert "稳妥" in buttons[STANDARD].text() and "全面" in buttons[THOROUGH].text()
        buttons[level].click()
        dialog._accept()
        return True

    return click


def test_choosing_the_level_in_options_stores_it_and_rechecks(qtbot, window: MainWindow, tmp_path: Path):
    draft = tmp_path / "草稿.txt"
    draft.write_text(f"{SURE}\n{UNSURE}\n", encoding="utf-8")
    open_and_wait(qtbot, window, draft)
    assert typo_findings(window) == ["阻织"]  # a new user's 稳妥
    window.show_options(accept=choose(THOROUGH))
    qtbot.waitUntil(lambda: window.is_checked() and typo_findings(window) == ["阻织", "过成"], timeout=TIMEOUT)
    assert Settings.load().checker.typo_level == THOROUGH
    window.show_options(accept=choose(STANDARD))
    qtbot.waitUntil(lambda: window.is_checked() and typo_findings(window) == ["阻织"], timeout=TIMEOUT)
    assert Settings.load().checker.typo_level == STANDARD
