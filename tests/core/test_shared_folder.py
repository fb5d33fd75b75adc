"""The reference files the tests read: the shared folder must be there, the vendored copies must be intact."""

from __future__ import annotations

import csv
import hashlib

from tests.conftest import PEER, VENDORED_DOCX


def test_shared_folder_is_present():
    assert PEER.is_dir(), (f"shared peer files not found at {PEER}: the tests over the full real-world set "
                           "cannot run; put the shared folder beside the clone or set GONGWEN_SHARED to it")


def test_vendored_docx_files_are_the_manifest_ones_unchanged():
    with open(VENDORED_DOCX / "MANIFEST.tsv", encoding="utf-8", newline="") as manifest:
        rows = {row["file"]: row for row in csv.DictReader(manifest, delimiter="\t")}
    assert sorted(rows) == sorted(p.name for p in VENDORED_DOCX.glob("*.docx"))
    for name, row in rows.items():
        data = (VENDORED_DOCX / name).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()[:16]) == (int(row["bytes"]), row["sha256_16"]), name
