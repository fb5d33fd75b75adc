"""The core and the CLI never import Qt: they must run on a machine without a display."""

import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def test_core_and_cli_do_not_import_qt():
    code = (
        "import sys, pkgutil, importlib, assistant.core as core, assistant.cli\n"
        "for m in pkgutil.walk_packages(core.__path__, 'assistant.core.'): importlib.import_module(m.name)\n"
        f"assistant.cli.main(['text', {str(SAMPLE)!r}])\n"
        "bad = [name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "工作总结" in result.stdout
