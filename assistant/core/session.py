"""One draft being edited: where the window's text, the check results and the settings meet.

The editor is a view. It hands its lines to ``sync`` and shows what the session holds; the
session's Document is the one copy of the text that saving, exporting and converting use.
Work on another thread starts from an immutable job (``check_job``, ``conversion_job``,
``snapshot``), and what comes back is applied only where it is still true: check results per
paragraph, by the revision that paragraph's text had (novelWriter's per-block drop), and a
conversion plan only if nothing was typed after it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .checker.model import Finding
from .conversion import Converter
from .document import Document, DocumentSnapshot
from .errors import DocumentError
from .revision.compare import Comparison, Draft, compare
from .script import detect_script
from .settings import Settings

if TYPE_CHECKING:
    from .checker.engine import Checker  # the checker is loaded after the window shows, not with the session

SCRIPT_SAMPLE = 20_000  # characters read to tell simplified from traditional


@dataclass(frozen=True)
class CheckResult:
    uids: tuple[int, ...]  # the paragraphs checked, in order
    revisions: tuple[int, ...]  # the revision each paragraph's text had when it was checked
    findings: tuple[Finding, ...]
    script: str
    per_paragraph: tuple[list[Finding], ...]  # each checked paragraph's findings, grouped off the UI thread


@dataclass(frozen=True)
class FixPlan:
    """全部修正: the findings to fix (non-overlapping, still standing) and each changed paragraph."""

    findings: tuple[Finding, ...]
    changes: tuple[tuple[int, str, str], ...]  # (paragraph index, old text, new text)


@dataclass(frozen=True)
class ConversionPlan:
    converter: Converter
    spans: tuple[tuple[int, int, int], ...] | None  # None: the whole document
    changes: tuple[tuple[int, str, str], ...]
    revision: int


class DraftSession:
    def __init__(self, document: Document, settings: Settings, checker: Checker):
        self.document = document
        self.settings = settings
        self.checker = checker
        self.revision = 0
        self.script = ""
        self._changed_at = {paragraph.uid: 0 for paragraph in document.paragraphs}
        self._found: dict[int, list[Finding]] = {}  # per paragraph uid, its findings as last checked
        self._findings: list[Finding] | None = None
        self._before_ignore: tuple | None = None  # the choices and findings before the last ignore
        self.opened = _draft_of(document.snapshot(), original=True)  # the version a 修订稿 is made against

    # -- the text ------------------------------------------------------------------------------
    def sync(self, lines: list[str]) -> bool:
        """Bring the document in line with the editor's lines; True if anything changed.
        Raises DocumentError (and changes nothing) when a read-only paragraph was edited."""
        if [paragraph.text for paragraph in self.document.paragraphs] == lines:
            return False
        changed, deleted = self.document.replace_lines(lines)
        self.revision += 1
        for paragraph in changed:
            self._changed_at[paragraph.uid] = self.revision
            self._found.pop(paragraph.uid, None)
        for paragraph in deleted:
            del self._changed_at[paragraph.uid]
            self._found.pop(paragraph.uid, None)
        self._findings = None
        return True

    def snapshot(self) -> DocumentSnapshot:
        return self.document.snapshot()

    def save(self, path: Path, *, overwrite_read_only: bool = False) -> Path:
        return self.document.save(path, overwrite_read_only=overwrite_read_only)

    def revision_job(self) -> Callable[[Callable[[int, int], None]], Comparison]:
        """另存为修订稿: the text as it stands now compared with the version opened, on a worker
        thread (the .docx is rendered there, from an immutable snapshot)."""
        opened, snapshot, group = self.opened, self.snapshot(), self.settings.group_punctuation
        return lambda progress: compare(opened, _draft_of(snapshot), group_punctuation=group, progress=progress)

    # -- checking ------------------------------------------------------------------------------
    def check_job(self) -> Callable[[Callable[[int, int], None]], CheckResult]:
        """The check of the text as it stands now, to run on a worker thread."""
        paragraphs = self.document.paragraphs
        lines = [p.text for p in paragraphs]
        uids = tuple(p.uid for p in paragraphs)
        revisions = tuple(self._changed_at[uid] for uid in uids)
        checker = self.checker

        def work(progress) -> CheckResult:
            findings = checker.check(lines, progress)
            per_paragraph: list[list[Finding]] = [[] for _ in uids]
            for finding in findings:
                per_paragraph[finding.paragraph].append(finding)
            return CheckResult(uids, revisions, tuple(findings), detect_script("\n".join(lines)[:SCRIPT_SAMPLE]),
                               tuple(per_paragraph))

        return work

    def apply_check(self, result: CheckResult) -> bool:
        """Take the findings of every paragraph whose text is still the one checked; True if that
        was all of them (otherwise another check is due). Runs on the UI thread: the findings come
        grouped by paragraph, and when every paragraph still stands where it was checked, the
        result's list is the session's as it is (60,000 findings are not walked again here)."""
        changed_at, current = self._changed_at, 0
        for uid, revision, found in zip(result.uids, result.revisions, result.per_paragraph):
            if changed_at.get(uid) == revision:
                self._found[uid] = found
                current += 1
        self.script = result.script
        complete = current == len(self.document.paragraphs)
        unmoved = complete and tuple(p.uid for p in self.document.paragraphs) == result.uids
        self._findings = list(result.findings) if unmoved else None
        return complete

    @property
    def findings(self) -> list[Finding]:
        """The findings that stand, in reading order, numbered by today's paragraph positions.
        A paragraph's findings all carry the number it had when they were found, so a paragraph
        that has not moved hands its list over whole (rebuilt on the UI thread after every edit)."""
        if self._findings is None:
            findings: list[Finding] = []
            for index, paragraph in enumerate(self.document.paragraphs):
                found = self._found.get(paragraph.uid)
                if found:
                    findings += found if found[0].paragraph == index else [replace(f, paragraph=index) for f in found]
            self._findings = findings
        return self._findings

    def finding_count(self) -> int:
        """``len(self.findings)`` without making the list: after an edit the status bar's count needs no
        list of 60,000 findings, and the next check's result replaces it (7 ms of the UI turn after a fix)."""
        if self._findings is not None:
            return len(self._findings)
        return sum(map(len, map(self._found.get, map(attrgetter("uid"), self.document.paragraphs), repeat(()))))

    def fix_plan(self, findings: list[Finding]) -> FixPlan:
        """What 全部修正 would do with ``findings``: each fixable one still standing at its place in an
        editable paragraph takes its first suggestion; of two that overlap, the earlier wins."""
        chosen: list[Finding] = []
        paragraphs = self.document.paragraphs
        for finding in sorted((f for f in findings if f.fixable), key=lambda f: (f.paragraph, f.start, -f.end)):
            paragraph = paragraphs[finding.paragraph] if finding.paragraph < len(paragraphs) else None
            if paragraph is None or not paragraph.editable or paragraph.text[finding.start:finding.end] != finding.text:
                continue  # gone, edited since the check, or in a text box (read-only here)
            if chosen and chosen[-1].paragraph == finding.paragraph and finding.start < chosen[-1].end:
                continue
            chosen.append(finding)
        changes = []
        for index in dict.fromkeys(f.paragraph for f in chosen):
            old = new = self.document.paragraphs[index].text
            for finding in reversed([f for f in chosen if f.paragraph == index]):
                new = new[:finding.start] + finding.suggestions[0] + new[finding.end:]
            changes.append((index, old, new))
        return FixPlan(tuple(chosen), tuple(changes))

    # -- ignoring ------------------------------------------------------------------------------
    def ignore_here(self, finding: Finding) -> None:
        self._keep_for_undo()
        self.settings.checker.ignore_at(finding, self.document.paragraphs[finding.paragraph].text)
        self._drop(lambda f: self.settings.checker.ignores(f, self.document.paragraphs[f.paragraph].text))

    def ignore_rule(self, finding: Finding) -> None:
        self._keep_for_undo()
        self.settings.checker.disabled_rules.add(finding.rule)
        self._drop(lambda f: f.rule == finding.rule)

    def accept_word(self, finding: Finding) -> None:
        self._keep_for_undo()
        self.settings.checker.ignored_words.add(finding.text)
        self._drop(lambda f: f.text == finding.text)

    def undo_ignore(self) -> bool:
        """Take back the last 忽略此处 / 关闭此规则 / 加入词表: the choice is forgotten (and saved)
        and its findings are shown again. False when there is nothing to take back."""
        if self._before_ignore is None:
            return False
        choices, found = self._before_ignore
        self._before_ignore = None
        checker = self.settings.checker
        checker.disabled_rules, checker.ignored_words, checker.ignored_places = choices
        self._found = found
        self._findings = None
        self.settings.save()
        return True

    def _keep_for_undo(self) -> None:
        checker = self.settings.checker
        choices = (set(checker.disabled_rules), set(checker.ignored_words), set(checker.ignored_places))
        self._before_ignore = (choices, {uid: list(found) for uid, found in self._found.items()})

    def _drop(self, ignored: Callable[[Finding], bool]) -> None:
        """The findings just ignored disappear at once, and the choice is saved."""
        kept = [f for f in self.findings if not ignored(f)]
        for uid in self._found:
            self._found[uid] = []
        for finding in kept:
            self._found[self.document.paragraphs[finding.paragraph].uid].append(finding)
        self._findings = None
        self.settings.save()

    # -- conversion ----------------------------------------------------------------------------
    def conversion_job(self, converter: Converter, spans: list[tuple[int, int, int]] | None):
        """The preview of a conversion of the text as it stands now, to run on a worker thread."""
        draft = Document(self.document.backend, [replace(p) for p in self.document.paragraphs])
        revision = self.revision

        def work(progress) -> ConversionPlan:
            changes = draft.plan_conversion(converter, spans, progress)
            return ConversionPlan(converter, tuple(spans) if spans is not None else None, tuple(changes), revision)

        return work

    def apply_conversion(self, plan: ConversionPlan) -> list[tuple[int, str, str]]:
        """Convert as previewed; refused if the text changed after the preview was made."""
        if plan.revision != self.revision:
            raise DocumentError("预览之后文稿又有改动，请重新转换。")
        self.document.apply_conversion(plan.converter, list(plan.changes), whole_document=plan.spans is None)
        self.revision += 1
        for index, _, _ in plan.changes:
            uid = self.document.paragraphs[index].uid
            self._changed_at[uid] = self.revision
            self._found.pop(uid, None)
        self._findings = None
        return list(plan.changes)


def _draft_of(snapshot: DocumentSnapshot, *, original: bool = False) -> Draft:
    """A snapshot as a round to compare: a .docx brings its package (as opened, or as it would
    be saved now), plain text only its lines."""
    name = snapshot.path.name if snapshot.path is not None else "未命名"
    package = None
    if snapshot.format == "docx":
        package = snapshot.backend.original() if original else snapshot.render()
    return Draft(name, tuple(snapshot.texts), package)
