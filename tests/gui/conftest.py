"""GUI tests run offscreen; Qt must know that before the first QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def chinese_qt(qapp):
    """The app runs with Qt's Chinese translations installed (gui.app.run does it)."""
    from assistant.gui.app import install_translations

    install_translations(qapp)
