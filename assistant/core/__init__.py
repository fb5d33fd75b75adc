"""Qt-free core: documents, analysis, phrase bank, conversion and export.

Nothing in this package may import PySide6; tests/core/test_layering.py enforces it.
"""
