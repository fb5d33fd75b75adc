"""The promise of atomic saving (core/atomic.py): a crash mid-save never breaks a draft. Proven
by what a crash would see — the user's file is replaced by a new one (never written into), a save
killed half-way leaves it byte-identical, and the new text is on disk before the rename."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.document import open_document
from tests.conftest import ROOT, SAMPLE

KILL_AT_BYTES = 64 * 1024  # the save dies when a file it writes reaches this size

# A save of a large draft that dies in the middle of a write, as in a power cut: the kernel ends
# the process (SIGXFSZ, default action) at the byte where the file size limit stops the write,
# whatever writes the file (the temporary file, or the user's file if a save wrote into it) and
# however (write, sendfile), with no Python cleanup after it. Deterministic: no timing involved.
KILLED_SAVE = """
import resource, signal, sys
from pathlib import Path
from assistant.core.document import open_document

document = open_document(Path(sys.argv[1]))
document.replace_lines(Path(sys.argv[2]).read_text(encoding="utf-8").split("\\n"))
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
document.save()
"""


def large_draft(paragraphs: int = 400, length: int = 600) -> list[str]:
    """About 240,000 characters that deflate does not shrink much (a .docx of about 0.6 MB)."""
    rng = random.Random(32)
    return ["".join(chr(0x4E00 + rng.randrange(20_000)) for _ in range(length)) for _ in range(paragraphs)]


@pytest.mark.parametrize("name", ["草稿.docx", "草稿.txt"])
def test_a_save_replaces_the_file_and_never_writes_into_it(tmp_path: Path, name: str):
    """The file at the user's path after a save is a new one (new inode): the old one was never
    opened for writing, so no moment of the save left a half-written draft there."""
    target = tmp_path / name
    if name.endswith(".docx"):
        target.write_bytes(SAMPLE.read_bytes())
    else:
        target.write_text("关于某事的通知\n正文。\n", encoding="utf-8")
    before = target.stat().st_ino
    document = open_document(target)
    document.set_text(0, "改过的标题")
    document.save()
    assert target.stat().st_ino != before
    assert open_document(target).paragraphs[0].text == "改过的标题"
    document.set_text(0, "再次改过的标题")
    second = target.stat().st_ino
    document.save()  # the second save (no backup this time) replaces the file too
    assert target.stat().st_ino != second


def test_a_save_killed_half_way_leaves_the_original_byte_identical(sample_copy: Path, tmp_path: Path):
    original = sample_copy.read_bytes()
    texts = [p.text for p in open_document(sample_copy).paragraphs]
    lines = tmp_path / "新内容.txt"
    lines.write_text("\n".join(large_draft()), encoding="utf-8")
    child = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(sample_copy), str(lines), str(KILL_AT_BYTES)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert child.returncode == -signal.SIGXFSZ, child.stderr  # killed, not finished or failed cleanly
    assert sample_copy.read_bytes() == original
    assert [p.text for p in open_document(sample_copy).paragraphs] == texts
    left_behind = [p for p in sample_copy.parent.iterdir() if p.name.endswith(".tmp")]
    assert [p.stat().st_size for p in left_behind] == [KILL_AT_BYTES]  # it died half-way through the new text
    finished = open_document(sample_copy)
    finished.replace_lines(lines.read_text(encoding="utf-8").split("\n"))
    assert finished.save(tmp_path / "完整.docx").stat().st_size > 4 * KILL_AT_BYTES  # the kill was early in it


def test_the_new_text_is_on_disk_before_it_replaces_the_file(sample_copy: Path, monkeypatch):
    """fsync of the temporary file, holding all the new bytes, comes before the rename: else a
    power cut soon after the save could leave the renamed file empty. (The backup's own fsync
    does not count: it is another file.)"""
    events: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        status = os.fstat(fd)
        events.append(("fsync", status.st_ino, status.st_size))
        return real_fsync(fd)

    def replace(source, target, *args, **kwargs):
        status = os.stat(source)
        events.append(("replace", status.st_ino, status.st_size, Path(target)))
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    document = open_document(sample_copy)
    document.set_text(0, "改过的标题")
    document.save()
    saved = sample_copy.stat()
    onto_target = [i for i, e in enumerate(events) if e[0] == "replace" and e[3] == sample_copy]
    assert len(onto_target) == 1
    _, inode, size, _ = events[onto_target[0]]
    assert (inode, size) == (saved.st_ino, saved.st_size)
    assert ("fsync", inode, size) in events[:onto_target[0]]

