"""Budgets for what a file may hold, enforced where the bytes come in.

Every limit is far above a real 公文 draft (a 300-page report is about 200,000 characters and
a few thousand paragraphs) and low enough that a hostile or broken file is refused in seconds,
well under 1 GB of memory, instead of exhausting the machine. bench/hostile.py measures them.
"""

from __future__ import annotations

from .errors import DocumentError

MAX_TEXT_CHARS = 1_000_000      # about 1,600 pages (the longest real file we hold, a handbook, has 810,000)
MAX_CHECK_CHARS = 250_000       # a command-line check answers within 10 s; the window checks longer
                                # drafts in the background, with progress and 取消
MAX_PARAGRAPHS = 100_000        # a full-length draft has a few thousand, a long table tens of thousands
MAX_TEXT_BYTES = 4 * MAX_TEXT_CHARS + 4  # no encoding needs more than 4 bytes per character (+ BOM)
MAX_DOCX_BYTES = 200 * 1024 * 1024       # the .docx file itself, pictures included
MAX_ZIP_UNCOMPRESSED = 200 * 1024 * 1024  # all members together, counted while inflating
MAX_ZIP_MEMBERS = 5000
MAX_XML_TAGS = 5_000_000        # markup in one part (a 1,000-page report has well under a million)
CHARS_PER_PAGE = 22 * 28        # a full 公文 page (GB/T 9704-2012 5.2.3), to say a limit in pages


def pages(characters: int) -> int:
    """About how many pages of 公文 ``characters`` fill, to the hundred."""
    return int(round(characters / CHARS_PER_PAGE, -2))


def check_text_size(texts: list[str], file_name: str) -> None:
    """Refuse a document with more paragraphs or characters than the checker can answer for."""
    if len(texts) > MAX_PARAGRAPHS:
        raise DocumentError(too_many_paragraphs(file_name, len(texts)))
    characters = sum(map(len, texts))
    if characters > MAX_TEXT_CHARS:
        raise DocumentError(f"文件“{file_name}”有 {characters / 10000:.0f} 万字，超过本软件一次能处理的 "
                            f"{MAX_TEXT_CHARS // 10000} 万字（约 {pages(MAX_TEXT_CHARS)} 页）。请拆分后再打开。")


def check_checkable(texts: list[str], file_name: str) -> None:
    """A command-line check or reviewed copy of at most MAX_CHECK_CHARS, so a script gets its answer in seconds."""
    characters = sum(map(len, texts))
    if characters > MAX_CHECK_CHARS:
        raise DocumentError(f"文件“{file_name}”有 {characters / 10000:.0f} 万字，命令行一次最多检查 "
                            f"{MAX_CHECK_CHARS // 10000} 万字（约 {pages(MAX_CHECK_CHARS)} 页）。请拆分后分别检查，或在窗口中打开检查。")


def too_many_paragraphs(file_name: str, count: int) -> str:
    return f"文件“{file_name}”有 {count:,} 段，超过本软件一次能处理的 {MAX_PARAGRAPHS:,} 段。请拆分后再打开。"
