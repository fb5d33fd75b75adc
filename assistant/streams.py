"""Standard output and error in UTF-8 whatever the system code page.

On an English-language Windows, Python writes redirected output (``> 结果.txt``, a pipe, the
self-test run by a support script) in cp1252, which cannot hold Chinese: the first ``print`` of a
finding raised UnicodeEncodeError and the frozen app stopped. UTF-8 holds every character and is
what the packaging tests compare against. A console keeps working: Python writes to it in UTF-16.
"""

from __future__ import annotations

import sys


def use_utf8_streams() -> None:
    """Re-encode stdout and stderr as UTF-8 (a windowed app started without them has None: left alone)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")
