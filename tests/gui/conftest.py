"""GUI tests run offscreen; Qt must know that before the first QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
