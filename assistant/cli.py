"""Command line: the same core as the app, for scripts and tests (``python main.py <命令> …``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import APP_NAME, __version__, cli_messages
from .core.checker.model import CATEGORIES, SEVERITIES
from .core.checker.loading import load_rules
from .core.checker.settings import TYPO_LEVELS
from .core.checker_setup import user_checker, user_lexicon_folder
from .core.conversion import CONFIGS, OPENCC_CONFIGS, Converter
from .core.atomic import refuse_wrong_suffix
from .core.document import open_document
from .core.limits import check_checkable
from .core.export.fonts import check_fonts
from .core.export.elements import NAMES_TO_FIELDS
from .core.export.gongwen import export_gongwen
from .core.export.remember import describe_elements, recognise_draft, with_remembered
from .core.gongwen_page import GongwenSettings
from .core.export.review import export_reviewed
from .core.health import NORM_FILE, norm_file
from .core.phrasebank.bank import PhraseBank
from .core.phrasebank.extract import KINDS
from .core.atomic import atomic_write
from .core.errors import DocumentError
from .core.revision.compare import compare, read_draft, revision_lines, save_revised
from .core.revision.page import side_by_side_page
from .core.revision.tracked import Stamp
from .core.phrasebank.sources import source_label
from .core.settings import Settings
from .core.userdata import read_word_list

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
    document.save(args.output)
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert simplified ⇄ traditional, keeping the formatting; --preview only shows the changes."""
    protected = list(args.protect or [])
    if args.protect_file:
        protected += read_word_list(Path(args.protect_file))
    if not args.no_user_terms:
        protected += Settings.load().protected_terms
    document = open_document(args.file, encoding=args.encoding)
    _print_notes(document)
    changes = document.convert(Converter(args.config, protected))
    if args.preview:
        for index, old, new in changes:
            print(f"@@ 第 {index + 1} 段")
            print(f"- {old}")
            print(f"+ {new}")
        print(f"共 {len(changes)} 段将改变（未写入文件）。", file=sys.stderr)
        return 0
    if not args.output:
        print("错误：请用 -o 指定输出文件，或用 --preview 只预览。", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
    document.save(args.output)
    print(f"已转换 {len(changes)} 段，保存到 {args.output}", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Flag weak and repetitive phrasing; exit 0 even when there are findings."""
    document = open_document(args.file, encoding=args.encoding)
    check_checkable([p.text for p in document.paragraphs], document.path.name)
    _print_notes(document)
    rules = load_rules(user_lexicons=user_lexicon_folder())
    if args.rules:
        wanted = {item.strip() for item in args.rules.split(",") if item.strip()}
        unknown = wanted - {r.id for r in rules} - {r.category for r in rules}
        if unknown:
            print(f"错误：没有这些规则或类别：{'、'.join(sorted(unknown))}", file=sys.stderr)
            return EXIT_DOCUMENT_ERROR
        rules = [r for r in rules if r.id in wanted or r.category in wanted]
    texts = [p.text for p in document.paragraphs]
    settings = Settings.load()
    if args.typo:
        settings.checker.typo_level = args.typo
    checker, notes = user_checker(rules, settings=settings)
    for note in notes:
        print(f"注意：{note}", file=sys.stderr)
    findings = checker.check(texts)
    if args.format == "json":
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(format_findings(findings, texts, document.format))
    return 0


def format_findings(findings, texts: list[str], file_format: str) -> str:
    """Findings for people: grouped by category, each with its place and a little context."""
    unit = "行" if file_format == "txt" else "段"
    lines = []
    for category, name in CATEGORIES.items():
        group = [f for f in findings if f.category == category]
        if not group:
            continue
        lines.append(f"【{name}】{len(group)} 处")
        for f in group:
            text = texts[f.paragraph]
            context = text[max(0, f.start - 10):f.start] + "【" + f.text + "】" + text[f.end:f.end + 10]
            advice = f"  建议：{'、'.join(f.suggestions)}" if f.suggestions else ""
            lines.append(f"  第 {f.paragraph + 1} {unit}第 {f.start + 1} 字 [{SEVERITIES[f.severity]}] {f.message}{advice}")
            lines.append(f"      …{context}…")
    lines.append(f"共 {len(findings)} 处。" if findings else "没有发现问题。")
    return "\n".join(lines)


def cmd_phrases(args: argparse.Namespace) -> int:
    """Search the phrase bank (prefix, substring or pinyin initials such as hzls)."""
    bank = PhraseBank.load()
    _print_bank_note(bank)
    found = bank.search(args.query, category=args.category, limit=args.limit)
    _print_phrases(found, args.json)
    return 0


def cmd_alternatives(args: argparse.Namespace) -> int:
    """Replacement candidates for a word, best first, each with the reason it is offered."""
    bank = PhraseBank.load()
    _print_bank_note(bank)
    _print_phrases(bank.alternatives(args.word), args.json)
    return 0


def cmd_phrasebank(args: argparse.Namespace) -> int:
    """Build a bank file from a folder, or add a folder of the user's documents to their bank."""
    from .core.phrasebank.build import build_bank, read_corpus, write_bank  # only here, not for every command

    notes: list[str] = []
    paragraphs, primary = read_corpus(Path(args.folder), notes)
    for note in notes:
        print(f"注意：{note}", file=sys.stderr)
    if not paragraphs:
        print(f"错误：文件夹“{args.folder}”中没有可用的 .txt 或 .docx 文件。", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
    bank = build_bank(paragraphs, primary)
    if args.action == "build":
        write_bank(bank, Path(args.out))
        norm = Path(args.out).with_name(NORM_FILE)
        atomic_write(norm, norm_file([p.text for p in paragraphs]))
        print(f"已生成短语库：{len(bank['entries'])} 条，保存到 {args.out}；文稿体检的范文统计保存到 {norm}", file=sys.stderr)
    else:
        added = PhraseBank.load().add_user_phrases(bank["entries"])
        print(f"已从 {len(bank['sources'])} 个文件中提取 {len(bank['entries'])} 条，新增 {added} 条到“我的短语”。",
              file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Lay the draft out to GB/T 9704-2012; first say which standard fonts this PC lacks, then
    which 要素 were recognised or set, and what could not be carried over."""
    values = {}
    for item in args.set or []:
        name, equals, value = item.partition("=")
        if not equals or name.strip() not in NAMES_TO_FIELDS:
            print(f"错误：--set 应写成“要素=内容”，要素为：{'、'.join(NAMES_TO_FIELDS)}", file=sys.stderr)
            return EXIT_DOCUMENT_ERROR
        values[name.strip()] = value.replace("\\n", "\n")
    if args.title:
        values["标题"] = args.title.replace("\\n", "\n")
    if args.sealed is not None:
        values["加盖印章"] = "是" if args.sealed else "否"
    refuse_wrong_suffix(Path(args.output), writes_word=True)
    document = open_document(args.file, encoding=args.encoding)
    _print_notes(document)
    draft = document.snapshot()
    settings = GongwenSettings()
    for status in check_fonts(settings.standard_fonts):
        if not status.installed:
            print(f"字体：{status.describe()}", file=sys.stderr)
    user = Settings.load()
    elements = with_remembered(recognise_draft(draft), user.gongwen).updated(values)
    for label, value in describe_elements(elements):
        print(f"要素：{label}：{value}", file=sys.stderr)
    result = export_gongwen(draft, args.output, settings, elements=elements)
    for note in result.notes:
        print(f"注意：{note}", file=sys.stderr)
    print(f"已按公文格式导出到 {args.output}（共 {result.pages} 页）", file=sys.stderr)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """A copy of the draft with every finding as a Word comment."""
    refuse_wrong_suffix(Path(args.output), writes_word=True)
    document = open_document(args.file, encoding=args.encoding)
    check_checkable([p.text for p in document.paragraphs], document.path.name)
    _print_notes(document)
    checker, _ = user_checker()
    findings = checker.check([p.text for p in document.paragraphs])
    export_reviewed(document.snapshot(), findings, args.output)
    print(f"已生成批注版（{len(findings)} 条批注）：{args.output}", file=sys.stderr)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Compare two rounds of a draft: the revision list on stdout, a 修订稿 (.docx) with every
    change tracked, and optionally a side-by-side HTML page. ``revise`` is the same comparison
    of a draft's original and its edited copy."""
    if Path(args.output).suffix.lower() != ".docx":
        raise DocumentError("修订稿须保存为 .docx 文件。")
    old, new = read_draft(args.old, args.encoding), read_draft(args.new, args.encoding)
    comparison = compare(old, new, group_punctuation=not args.no_group_punctuation)
    overwrites_input = any(Path(args.output).resolve() == Path(source).resolve() for source in (args.old, args.new))
    save_revised(comparison, args.output, Stamp.now(args.author or Settings.load().comment_author), backup=overwrites_input)
    if args.html:
        atomic_write(Path(args.html), side_by_side_page(comparison).encode("utf-8"))
    for line in revision_lines(comparison):
        print(line)
    print(f"{comparison.summary()}。修订稿已保存到 {args.output}", file=sys.stderr)
    return 0


def _print_bank_note(bank) -> None:
    if bank.note:
        print(f"注意：{bank.note}", file=sys.stderr)


def _print_phrases(phrases, as_json: bool) -> None:
    if as_json:
        json.dump([p.to_json() for p in phrases], sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    if not phrases:
        print("没有找到。")
    for phrase in phrases:
        label = KINDS.get(phrase.kind, "词语")
        extra = f"  （{phrase.reason}）" if phrase.reason else ""
        print(f"{phrase.text}  [{label}·{phrase.category or '—'}] ×{phrase.frequency}{extra}")
        for example in phrase.examples[:1]:
            print(f"    例：{example['sentence']}  —— {source_label(example['source'])}")


def _print_notes(document) -> None:
    for note in document.notes:
        print(f"注意：{note}", file=sys.stderr)


def _reads_a_document(parser: argparse.ArgumentParser, name: str = "file", help_text: str = ".docx 或 .txt 文件"):
    """The two arguments every command that reads a draft takes."""
    parser.add_argument(name, help=help_text)
    parser.add_argument("--encoding", help="强制使用的文本编码（如 gbk、big5、utf-8）")
    return parser


def build_parser() -> argparse.ArgumentParser:
    cli_messages.install()
    parser = cli_messages.Parser(prog="main.py", description=f"{APP_NAME} {__version__} 命令行")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    text = commands.add_parser("text", help="按段落输出文档文字（每段一行）")
    _reads_a_document(text)
    text.add_argument("--locations", action="store_true", help="在每段前标出位置（正文/表格/文本框）")
    text.set_defaults(handler=cmd_text)

    roundtrip = commands.add_parser("roundtrip", help="打开后原样保存（检验无损读写）")
    _reads_a_document(roundtrip, "input", "源文件")
    roundtrip.add_argument("output", help="输出文件")
    roundtrip.set_defaults(handler=cmd_roundtrip)

    convert = commands.add_parser("convert", help="简繁转换（保留 Word 格式）")
    _reads_a_document(convert)
    convert.add_argument("--config", required=True, choices=OPENCC_CONFIGS, metavar="CONFIG",
                         help="转换方式：" + "；".join(f"{k} {v}" for k, v in CONFIGS.items()))
    convert.add_argument("-o", "--output", help="输出文件（.docx 或 .txt）")
    convert.add_argument("--preview", action="store_true", help="只按段列出改动，不写文件")
    convert.add_argument("--protect", action="append", metavar="词语", help="不转换的词语（可多次使用）")
    convert.add_argument("--protect-file", help="不转换词表文件（每行一个）")
    convert.add_argument("--no-user-terms", action="store_true", help="不使用用户的不转换词表")
    convert.set_defaults(handler=cmd_convert)

    check = commands.add_parser("check", help="检查口语化、重复、标点等问题")
    _reads_a_document(check)
    check.add_argument("--format", choices=("text", "json"), default="text", help="输出格式（默认 text）")
    check.add_argument("--rules", help="只用这些规则或类别，逗号分隔（如 punctuation,echo）")
    check.add_argument("--typo", choices=TYPO_LEVELS,
                       help="疑似错别字：standard 稳妥，只提示把握大的（适合定稿）；thorough 全面，多提示，误报稍多"
                            "（适合初稿）。默认用“选项”中的设定（初始为 standard）")
    check.set_defaults(handler=cmd_check)

    phrases = commands.add_parser("phrases", help="查找短语库（可用拼音首字母，如 hzls）")
    phrases.add_argument("query", nargs="?", default="", help="关键词")
    phrases.add_argument("--category", help="只看某一类，如 落实执行")
    phrases.add_argument("--limit", type=int, default=30, help="最多显示几条（默认 30）")
    phrases.add_argument("--json", action="store_true", help="输出 JSON")
    phrases.set_defaults(handler=cmd_phrases)

    alternatives = commands.add_parser("alternatives", help="给出可替换的说法")
    alternatives.add_argument("word", help="要替换的词，如 加强")
    alternatives.add_argument("--json", action="store_true", help="输出 JSON")
    alternatives.set_defaults(handler=cmd_alternatives)

    bank = commands.add_parser("phrasebank", help="生成短语库，或把自己的文档加入“我的短语”")
    actions = bank.add_subparsers(dest="action", required=True, metavar="操作")
    build = actions.add_parser("build", help="从文件夹生成短语库文件")
    build.add_argument("--corpus", dest="folder", required=True, help="含 .txt/.docx 的文件夹")
    build.add_argument("--out", required=True, help="输出的短语库文件（.json）")
    imported = actions.add_parser("import", help="把文件夹中的文档加入“我的短语”")
    imported.add_argument("folder", help="含 .txt/.docx 的文件夹")
    bank.set_defaults(handler=cmd_phrasebank)

    export = commands.add_parser("export", help="按党政机关公文格式（GB/T 9704-2012）导出 .docx")
    _reads_a_document(export)
    export.add_argument("-o", "--output", required=True, help="输出的 .docx 文件")
    export.add_argument("--title", help="公文标题（多行用 \\n 分隔）；不给时从正文开头识别")
    export.add_argument("--set", action="append", metavar="要素=内容",
                        help="指定公文要素，可多次使用，如 --set 发文机关标志=某某县人民政府文件 --set 发文字号=某政发〔2026〕1号")
    export.add_argument("--sealed", action=argparse.BooleanOptionalAction, default=None,
                        help="加盖印章（--no-sealed：不加盖印章）；不给时沿用上次的选择")
    export.set_defaults(handler=cmd_export)

    review = commands.add_parser("review", help="生成带批注的审阅稿（每个问题一条 Word 批注）")
    _reads_a_document(review)
    review.add_argument("-o", "--output", required=True, help="输出的 .docx 文件")
    review.set_defaults(handler=cmd_review)

    revise = commands.add_parser("revise", help="把修改稿相对原稿的改动写成修订稿（Word 修订，可逐条接受/拒绝）")
    revise.add_argument("old", metavar="ORIGINAL", help="原稿（.docx 或 .txt）")
    revise.add_argument("new", metavar="EDITED", help="修改后的稿子（.docx 或 .txt）")
    _revision_options(revise)
    revise.set_defaults(handler=cmd_compare, html=None)

    compared = commands.add_parser("compare", help="比较两个版本，生成修订稿（以新稿格式为准）")
    compared.add_argument("old", metavar="OLD", help="旧稿（.docx 或 .txt）")
    compared.add_argument("new", metavar="NEW", help="新稿（.docx 或 .txt）")
    _revision_options(compared)
    compared.add_argument("--html", help="另存一份左右对照的网页（.html）")
    compared.set_defaults(handler=cmd_compare)
    return parser


def _revision_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, help="输出的修订稿（.docx）")
    parser.add_argument("--author", help="修订者姓名（默认取“选项”中的作者名）")
    parser.add_argument("--no-group-punctuation", action="store_true",
                        help="标点改动逐处列为修订（默认同一段内相邻的标点改动合为一处）")
    parser.add_argument("--encoding", help="强制使用的文本编码（如 gbk、big5、utf-8）")


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except DocumentError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_DOCUMENT_ERROR
