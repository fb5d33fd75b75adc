"""Hostile and huge inputs, generated on the fly (nothing large is committed).

Each case builds its files in a fresh folder and says which command to run on them. The test
(tests/core/test_hostile.py) runs every case through the CLI and checks what a user must be able
to rely on: exit 0 or 2, one Chinese line and no internals on stderr, no half-written output,
the original and its backup intact. bench/hostile.py runs the same cases and prints seconds and
peak memory per case.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCX = ROOT / "resources" / "samples" / "sample_draft.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = "关于加强基层治理工作的通知。各单位要切实抓好落实，确保各项任务按期完成。"


@dataclass
class Run:
    """What a case asks of the CLI, and what must hold afterwards."""

    argv: list[str]
    exits: tuple[int, ...] = (2,)
    output: Path | None = None          # must not exist when the command refuses
    guarded: list[Path] = field(default_factory=list)  # byte-identical afterwards
    backed_up: list[Path] = field(default_factory=list)  # replaced only with the old bytes in <name>.bak
    output_starts: bytes = b""          # what the written output must begin with (its format)
    output_lacks: bytes = b""           # what the written output must not hold
    stdout_has: str = ""                # a finding the command must still report
    stderr_has: str = ""                # the message must say this
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Case:
    name: str
    what: str
    build: Callable[[Path], Run]
    bench_only: bool = False  # a case within the budgets, there to be timed, not to be refused


def docx_with(folder: Path, name: str, body: bytes | None = None, *, replace: dict[str, bytes] | None = None,
              extra: list[tuple[str, bytes]] | None = None) -> Path:
    """A copy of the sample draft with ``word/document.xml``'s body (or whole members) replaced."""
    replace = dict(replace or {})
    if body is not None:
        replace["word/document.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                        b'<w:document ' + W.encode() + b'><w:body>' + body + b'</w:body></w:document>')
    path = folder / name
    with zipfile.ZipFile(SAMPLE_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for member, data in extra or []:
            out.writestr(member, data)
    return path


def paragraph_xml(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def text_file(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


# --- memory and time --------------------------------------------------------------------------

def inflated_member_lies(folder: Path) -> Run:
    """word/document.xml declares 8 KB in the zip directory but inflates to 1 GiB."""
    path = folder / "lies.docx"
    docx_with(folder, "lies.docx", paragraph_xml(PARAGRAPH))
    real = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, source.read(info))
                continue
            stream = zipfile.ZipInfo(info.filename)
            stream.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(stream, "w") as member:
                member.write(source.read(info))
                chunk = b" " * (1 << 20)
                for _ in range(1024):
                    member.write(chunk)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04")
    while local != -1:  # local file header: uncompressed size at offset 22
        if data[local + 30:local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, 8192)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:  # central directory: uncompressed size at offset 24
        if data[central + 46:central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, 8192)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return Run(["text", str(path)])


def empty_paragraphs(count: int) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        return Run(["text", str(docx_with(folder, "empty.docx", b"<w:p/>" * count))], exits=(0, 2))
    return build


def short_paragraphs(count: int) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        body = paragraph_xml("第一条　加强管理。") * count
        return Run(["text", str(docx_with(folder, "many.docx", body))], exits=(0, 2))
    return build


def junk_before_zip(folder: Path) -> Run:
    """1 GiB of junk (a sparse file) before a valid zip: zip readers still open it."""
    path = folder / "junk.docx"
    valid = docx_with(folder, "valid.docx", paragraph_xml(PARAGRAPH)).read_bytes()
    with open(path, "wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(1 << 30)
        handle.seek(1 << 30)
        handle.write(valid)
    return Run(["text", str(path)])


def huge_text(megabytes: int, command: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        line = PARAGRAPH + "\n"
        repeats = megabytes * 1024 * 1024 // len(line.encode())
        path = text_file(folder, "huge.txt", line * repeats)
        return Run([command, str(path)] + (["-o", str(folder / "out.docx")] if command == "review" else []),
                   output=folder / "out.docx" if command == "review" else None)
    return build


def too_many_characters(folder: Path) -> Run:
    """1.1 million characters in a small .docx (compressed, so no byte cap notices): refused by count."""
    body = paragraph_xml(PARAGRAPH * 100) * 300
    return Run(["text", str(docx_with(folder, "long.docx", body))], stderr_has="万字")


def largest_accepted_text(folder: Path) -> Run:
    """The longest draft that opens (just under the character cap): checked in bounded time."""
    from assistant.core.limits import MAX_CHECK_CHARS

    corpus = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "resources" / "corpus").rglob("*.txt")))
    text = (corpus * (MAX_CHECK_CHARS // len(corpus) + 1))[:MAX_CHECK_CHARS - 1000]
    path = text_file(folder, "largest.txt", text)
    return Run(["check", str(path), "--format", "json"], exits=(0,))


def repeated_word_clauses(folder: Path) -> Run:
    path = text_file(folder, "repeat.txt", "加强" * 10_000 + "，" + "加强" * 10_000)
    return Run(["check", str(path)], exits=(0,))


def long_clause_conversion(folder: Path) -> Run:
    path = docx_with(folder, "hair.docx", paragraph_xml("头发" * 4000))
    return Run(["convert", str(path), "--config", "s2t", "-o", str(folder / "out.docx")], exits=(0,),
               output=folder / "out.docx", guarded=[path])


def review_with_many_findings(folder: Path) -> Run:
    path = text_file(folder, "many_findings.txt", "各单位要抓好落实,确保完成任务.\n" * 1_500)
    return Run(["review", str(path), "-o", str(folder / "review.docx")], exits=(0,), guarded=[path])


def huge_user_phrase_bank(folder: Path) -> Run:
    data = folder / "data"
    data.mkdir()
    with open(data / "phrasebank_user.json", "wb") as handle:
        handle.write(b'{"entries": [')
        handle.truncate(1 << 30)
    return Run(["phrases", "落实"], exits=(0,), env={"GONGWEN_DATA_DIR": str(data)}, stderr_has="broken")


# --- wrong file written -----------------------------------------------------------------------

def internal_entity(folder: Path) -> Run:
    xml = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY e "\xe6\x9f\x90\xe5\x8e\xbf">]>'
           b'<w:document ' + W.encode() + b'><w:body>' + paragraph_xml("关于&e;的通知") + b'</w:body></w:document>')
    path = docx_with(folder, "entity.docx", replace={"word/document.xml": xml})
    return Run(["roundtrip", str(path), str(folder / "out.docx")], output=folder / "out.docx")


def entity_in_header(folder: Path) -> Run:
    header = (b'<?xml version="1.0"?>\n<!DOCTYPE w:hdr [<!ENTITY e "x">]><w:hdr ' + W.encode() + b'>'
              + paragraph_xml("&e;") + b"</w:hdr>")
    path = docx_with(folder, "header.docx", paragraph_xml(PARAGRAPH), extra=[("word/header9.xml", header)])
    return Run(["convert", str(path), "--config", "s2t", "-o", str(folder / "out.docx")], output=folder / "out.docx")


def export_onto_its_input(folder: Path) -> Run:
    path = text_file(folder, "e.txt", PARAGRAPH)
    return Run(["export", str(path), "-o", str(path)], guarded=[path])


def convert_onto_itself(folder: Path) -> Run:
    path = text_file(folder, "b.txt", PARAGRAPH)
    return Run(["convert", str(path), "--config", "s2t", "-o", str(path)], exits=(0, 2), backed_up=[path])


def suffix_against_format(command: str, output_name: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        path = text_file(folder, "x.txt", PARAGRAPH)
        out = folder / output_name
        argv = {"roundtrip": ["roundtrip", str(path), str(out)],
                "export": ["export", str(path), "-o", str(out)],
                "convert": ["convert", str(path), "--config", "s2t", "-o", str(out)]}[command]
        saves_as_word = command != "export" and output_name.endswith(".docx")
        return Run(argv, exits=(0,) if saves_as_word else (2,), output=out, guarded=[path],
                   output_starts=b"PK\x03\x04" if saves_as_word else b"")
    return build


# --- the original or its backup ---------------------------------------------------------------

def read_only_output(folder: Path) -> Run:
    path = text_file(folder, "b.txt", PARAGRAPH)
    out = text_file(folder, "old.txt", "旧文件")
    out.chmod(0o444)
    return Run(["convert", str(path), "--config", "s2t", "-o", str(out)], guarded=[path, out])


def symlinked_backup(folder: Path) -> Run:
    path = text_file(folder, "b.txt", PARAGRAPH)
    victim = text_file(folder, "victim.txt", "别的文件，不能被覆盖")
    (folder / "b.txt.bak").symlink_to(victim)
    return Run(["convert", str(path), "--config", "s2t", "-o", str(path)], exits=(0, 2), guarded=[victim],
               backed_up=[path])


def read_only_backup(folder: Path) -> Run:
    path = text_file(folder, "b.txt", PARAGRAPH)
    stale = text_file(folder, "b.txt.bak", "上一次的备份")
    stale.chmod(0o444)
    return Run(["convert", str(path), "--config", "s2t", "-o", str(path)], exits=(0,), backed_up=[path])


# --- tracebacks instead of one line -----------------------------------------------------------

def control_characters_late(command: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        text = (PARAGRAPH + "\n") * 2000 + "第二部分\x01\ufffe\x00结束。\n"
        path = text_file(folder, "ctrl.txt", text)
        out = folder / ("out.txt" if command == "roundtrip" else "out.docx")
        argv = ["roundtrip", str(path), str(out)] if command == "roundtrip" else [command, str(path), "-o", str(out)]
        return Run(argv, exits=(0,), guarded=[path], output=out, stderr_has="控制字符",
                   output_lacks=b"\x01" if command == "roundtrip" else b"")  # a .docx is compressed bytes
    return build


def lone_surrogate_symbol(command: str) -> Callable[[Path], Run]:
    def build(folder: Path) -> Run:
        body = b'<w:p><w:r><w:t>\xe7\xac\xa6\xe5\x8f\xb7</w:t><w:sym w:font="Symbol" w:char="D800"/></w:r></w:p>'
        path = docx_with(folder, "sym.docx", body + paragraph_xml(PARAGRAPH))
        out = folder / "out.docx"
        argv = {"text": ["text", str(path)],
                "convert": ["convert", str(path), "--config", "s2t", "-o", str(out)],
                "export": ["export", str(path), "-o", str(out)]}[command]
        return Run(argv, exits=(0,), guarded=[path])
    return build


def import_with_one_bad_file(folder: Path) -> Run:
    docs = folder / "docs"
    docs.mkdir()
    lone_surrogate_symbol("text")(docs)
    text_file(docs, "good.txt", "坚持以人民为中心的发展思想，推动高质量发展取得新成效。\n" * 20)
    data = folder / "data"
    return Run(["phrasebank", "import", str(docs)], exits=(0,), env={"GONGWEN_DATA_DIR": str(data)})


def user_json(name: str, content: bytes | None, command: list[str]) -> Callable[[Path], Run]:
    """A user data file of the wrong shape (None: a folder in its place)."""
    def build(folder: Path) -> Run:
        data = folder / "data"
        data.mkdir()
        if content is None:
            (data / name).mkdir()
        else:
            (data / name).write_bytes(content)
        sample = text_file(folder, "d.txt", PARAGRAPH)
        argv = [sample if part == "{draft}" else part for part in command]
        return Run([str(part) for part in argv], exits=(0,), env={"GONGWEN_DATA_DIR": str(data)},
                   stderr_has="broken")
    return build


def data_folder_is_a_file(folder: Path) -> Run:
    data = text_file(folder, "data", "不是文件夹")
    sample = text_file(folder, "d.txt", PARAGRAPH)
    return Run(["check", str(sample)], exits=(0, 2), env={"GONGWEN_DATA_DIR": str(data)}, guarded=[data])


def import_missing_folder(folder: Path) -> Run:
    return Run(["phrasebank", "import", str(folder / "no-such-folder")], env={"GONGWEN_DATA_DIR": str(folder / "d")})


def not_a_word_package(folder: Path) -> Run:
    """A zip with a document part of the wrong content type: python-docx names a BytesIO object."""
    types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="xml" ContentType="application/xml"/>'
             b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'</Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="word/document.xml"/></Relationships>')
    path = folder / "excel.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", b"<x/>")
    return Run(["text", str(path)])


def zip_without_content_types(folder: Path) -> Run:
    path = folder / "bare.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", b"<x/>")
    return Run(["text", str(path)])


def fifo(folder: Path) -> Run:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return Run(["text", str(path)])


# --- silent misses ----------------------------------------------------------------------------

def zero_width_inside_words(folder: Path) -> Run:
    path = text_file(folder, "zw.txt", "我们要认真的\u200b的研究，把工作搞\u200d好。\n")
    return Run(["check", str(path)], exits=(0,), stdout_has="搞")


def duplicate_document_member(folder: Path) -> Run:
    path = folder / "dup.docx"
    docx_with(folder, "dup.docx", paragraph_xml(PARAGRAPH))
    with zipfile.ZipFile(path, "a") as archive:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            archive.writestr("word/document.xml", b"<w:document " + W.encode() + b"><w:body>"
                             + paragraph_xml("第二份正文") + b"</w:body></w:document>")
    return Run(["roundtrip", str(path), str(folder / "out.docx")], output=folder / "out.docx", guarded=[path])


CASES = [
    Case("inflate-lie", "成员声明 8 KB、实际解压 1 GiB", inflated_member_lies),
    Case("empty-paragraphs-5.5M", "550 万个空段落", empty_paragraphs(5_500_000)),
    Case("empty-paragraphs-30M", "3000 万个空段落", empty_paragraphs(30_000_000)),
    Case("empty-paragraphs-4.9M", "490 万个空段落（标记数在上限内，解析需要约 2 GB）", empty_paragraphs(4_900_000)),
    Case("empty-paragraphs-900k", "90 万个空段落", empty_paragraphs(900_000)),
    Case("paragraphs-150k", "15 万个有字的段落", short_paragraphs(150_000)),
    Case("paragraphs-95k", "9.5 万个有字的段落（上限内）", short_paragraphs(95_000), bench_only=True),
    Case("junk-before-zip", "1 GiB 垃圾数据后接有效 ZIP", junk_before_zip),
    Case("text-49MB", "49 MB 文本", huge_text(49, "text")),
    Case("check-10MB", "检查 10 MB 文本", huge_text(10, "check")),
    Case("docx-1.1M-characters", "110 万字的 .docx（压缩后很小）", too_many_characters),
    Case("check-largest", "命令行检查上限内最长的文稿", largest_accepted_text, bench_only=True),
    Case("check-over-limit", "命令行检查 40 万字", huge_text(1, "check")),
    Case("repeat-20k-words", "“加强”×1 万，“加强”×1 万", repeated_word_clauses),
    Case("convert-long-clause", ".docx 中“头发”×4000 转繁体", long_clause_conversion),
    Case("review-10k", "审阅稿：约 1 万条批注", review_with_many_findings),
    Case("user-bank-1GiB", "1 GiB 的用户短语库", huge_user_phrase_bank),
    Case("internal-entity", "正文含内部实体", internal_entity),
    Case("entity-in-header", "页眉含实体，再转换", entity_in_header),
    Case("export-onto-input", "export e.txt -o e.txt", export_onto_its_input),
    Case("convert-onto-itself", "convert b.txt -o b.txt", convert_onto_itself),
    Case("roundtrip-txt-to-docx", "roundtrip x.txt y.docx（另存为 Word）", suffix_against_format("roundtrip", "y.docx")),
    Case("export-to-txt", "export x.txt -o out.txt", suffix_against_format("export", "out.txt")),
    Case("convert-txt-to-docx", "convert x.txt -o out.docx（另存为 Word）", suffix_against_format("convert", "out.docx")),
    Case("read-only-output", "输出文件只读（0444）", read_only_output),
    Case("symlinked-backup", ".bak 是指向别的文件的符号链接", symlinked_backup),
    Case("read-only-backup", "旧的 .bak 只读", read_only_backup),
    Case("control-chars-review", "64 KB 后的 U+0001/U+FFFE/NUL，审阅稿", control_characters_late("review")),
    Case("control-chars-export", "同上，公文导出", control_characters_late("export")),
    Case("control-chars-roundtrip", "同上，roundtrip 到 .txt（写出 U+FFFD）", control_characters_late("roundtrip")),
    Case("lone-surrogate-text", "w:sym D800，text", lone_surrogate_symbol("text")),
    Case("lone-surrogate-convert", "w:sym D800，convert", lone_surrogate_symbol("convert")),
    Case("lone-surrogate-export", "w:sym D800，export", lone_surrogate_symbol("export")),
    Case("import-one-bad-file", "导入文件夹，其中一个文件有孤立代理项", import_with_one_bad_file),
    Case("bank-entries-string", '{"entries":"abc"}', user_json("phrasebank_user.json", b'{"entries":"abc"}', ["phrases", "落实"])),
    Case("bank-entry-no-kind", "条目缺 kind", user_json("phrasebank_user.json", b'{"entries":[{"text":"x"}]}', ["phrases", "落实"])),
    Case("checker-json-types", '{"disabled_rules":5}', user_json("checker.json", b'{"disabled_rules":5}', ["check", "{draft}"])),
    Case("checker-json-folder", "checker.json 是文件夹", user_json("checker.json", None, ["check", "{draft}"])),
    Case("settings-json-folder", "settings.json 是文件夹", user_json("settings.json", None, ["check", "{draft}"])),
    Case("data-folder-is-file", "数据文件夹是一个文件", data_folder_is_a_file),
    Case("import-missing-folder", "导入不存在的文件夹", import_missing_folder),
    Case("not-a-word-package", "部件类型不对的 ZIP", not_a_word_package),
    Case("zip-without-content-types", "缺 [Content_Types].xml", zip_without_content_types),
    Case("fifo", "命名管道", fifo),
    Case("zero-width", "词中零宽字符", zero_width_inside_words),
    Case("bad-argument", "phrases --limit abc", lambda folder: Run(["phrases", "--limit", "abc"], stderr_has="格式不对")),
    Case("missing-argument", "convert 缺 --config",
         lambda folder: Run(["convert", str(text_file(folder, "a.txt", PARAGRAPH))], stderr_has="缺少必需的参数")),
    Case("duplicate-document-member", "两个 word/document.xml", duplicate_document_member),
]
