"""Building a phrase bank file from a folder of documents (the bundled corpus or a user's own)."""

from __future__ import annotations

import json
from pathlib import Path

from ..document import open_document
from ..errors import DocumentError
from .alternatives import slot_uses, word_examples
from .clean import CleanParagraph, clean_text
from .extract import Corpus, extract

FORMAT = 2
SUFFIXES = {".txt", ".docx"}
SECONDARY = "extra"


def read_folder(folder: Path, notes: list[str] | None = None, progress=None) -> list[CleanParagraph]:
    """Cleaned paragraphs of every .txt/.docx in ``folder`` (sorted by name); files that cannot
    be opened are skipped with a note, never silently. ``progress(done, total)`` per file."""
    paragraphs: list[CleanParagraph] = []
    try:
        paths = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() in SUFFIXES)
    except OSError as exc:
        reason = "不存在" if not Path(folder).exists() else "不是文件夹" if not Path(folder).is_dir() else "无法读取"
        raise DocumentError(f"文件夹“{folder}”{reason}。") from exc
    for number, path in enumerate(paths):
        if progress is not None:
            progress(number, len(paths))
        try:
            document = open_document(path)
        except DocumentError as problem:
            if notes is not None:
                notes.append(str(problem))
            continue
        paragraphs += clean_text("\n".join(p.text for p in document.paragraphs), path.name)
    return paragraphs


def read_corpus(folder: Path, notes: list[str] | None = None, progress=None) -> tuple[list[CleanParagraph], set[str]]:
    """The paragraphs of a corpus folder and of its ``extra`` subfolder (a larger, secondary
    corpus, such as the bundled 政府工作报告 and 党代会报告), and the names of the primary files."""
    primary = read_folder(folder, notes, progress)
    secondary = read_folder(folder / SECONDARY, notes) if (folder / SECONDARY).is_dir() else []
    return primary + secondary, {p.source for p in primary}


def build_bank(paragraphs: list[CleanParagraph], primary: set[str] | None = None) -> dict:
    """The bank as a JSON-ready dict: entries, and example sentences for the alternatives;
    ``primary``: the files whose phrases rank first (all, when not given)."""
    corpus = Corpus(paragraphs)
    entries = extract(paragraphs, corpus, primary)
    return {
        "format": FORMAT,
        "sources": sorted({p.source for p in paragraphs}),
        "entries": [entry.to_json() for entry in entries],
        "word_examples": word_examples(corpus),
        "slot_uses": slot_uses(corpus),
    }


def write_bank(bank: dict, path: Path) -> None:
    from ..atomic import atomic_write

    atomic_write(Path(path), serialise(bank))


def serialise(bank: dict) -> bytes:
    """Deterministic bytes: the same corpus always gives the same file."""
    return (json.dumps(bank, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
