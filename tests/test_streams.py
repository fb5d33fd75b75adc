"""Output is UTF-8 whatever the system code page (issue 26: the frozen self-test died with
UnicodeEncodeError on an English-language Windows with its output redirected)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from assistant.streams import use_utf8_streams
from tests.conftest import ROOT, SAMPLE


def test_streams_opened_in_a_western_code_page_write_chinese_as_utf8(monkeypatch):
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="cp1252"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="cp1252"))
    use_utf8_streams()
    print("自检通过")
    print("注意：字体", file=sys.stderr)
    sys.stdout.flush(), sys.stderr.flush()
    assert out.getvalue().decode("utf-8") == "自检通过\n"
    assert err.getvalue().decode("utf-8") == "注意：字体\n"


def test_a_windowed_app_without_streams_is_left_alone(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    use_utf8_streams()
    assert sys.stdout is None and sys.stderr is None


def test_check_redirected_under_cp1252_prints_its_findings_in_utf8(tmp_path):
    """What an English-language Windows does to redirected output, reproduced with PYTHONIOENCODING."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "GONGWEN_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "main.py", "check", str(SAMPLE)], cwd=ROOT, env=env,
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "处。" in result.stdout.decode("utf-8")
