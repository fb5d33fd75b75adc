"""Command line: the same core as the app, for scripts and tests (``python main.py <命令> …``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from . import APP_NAME, __version__
from .core.document import open_document
from .core.errors import DocumentError

EXIT_DOCUMENT_ERROR = 2


def cmd_text(args: argparse.Namespace) -> int:
    """Print the paragraphs as the app sees them, one per line, so that ``diff`` works."""
    document = open_document(args.file, encoding=args.encoding)
    _print_notes(document)
    for paragraph in document.paragraphs:
        prefix = f"[{paragraph.location}] " if args.locations else ""
        print(prefix + paragraph.text.replace("\n", "\u2028"))
    return 0


def cmd_roundtrip(args: argparse.Namespace) -> int:
    """Open and save without edits: proves nothing is lost on the way through."""
    document = open_document(args.input, encoding=args.encoding)
    _print_notes(document)
    document.save(args.output, backup=False)
    return 0


def _print_notes(document) -> None:
    for note in document.notes:
        print(f"注意：{note}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME} {__version__} 命令行")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    text = commands.add_parser("text", help="按段落输出文档文字（每段一行）")
    text.add_argument("file", help=".docx 或 .txt 文件")
    text.add_argument("--encoding", help="强制使用的文本编码（如 gbk、big5、utf-8）")
    text.add_argument("--locations", action="store_true", help="在每段前标出位置（正文/表格/文本框）")
    text.set_defaults(handler=cmd_text)

    roundtrip = commands.add_parser("roundtrip", help="打开后原样保存（检验无损读写）")
    roundtrip.add_argument("input", help="源文件")
    roundtrip.add_argument("output", help="输出文件")
    roundtrip.add_argument("--encoding", help="强制使用的文本编码")
    roundtrip.set_defaults(handler=cmd_roundtrip)
    return parser


COMMANDS = {"text", "roundtrip"}


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except DocumentError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
