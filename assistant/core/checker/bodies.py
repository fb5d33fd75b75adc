"""The ``reformed-body`` rule kind: names of central bodies that a reform renamed, merged or
dissolved (国土资源部 → 自然资源部 in 2018), flagged when the document is dated after the change.
Drafts are copied from old ones, so a body merged away years ago still turns up as the lead
department; a historical mention (2017年，原国家旅游局……) is right and is left alone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dating import document_date, in_title_or_quote, speaks_of_past
from .rules import DocumentRule, Hit, RuleError, read_lexicon

COLUMNS = ["word", "replacements", "changed", "full", "change", "source", "severity", "before", "guard",
           "example", "counter"]
GUARD_REACH = 6
# Verbs of a reform (将国土资源部的职责整合，组建自然资源部): history only beside the successor's name,
# since 组建工作专班 and 改为由……负责 are everyday words too.
REFORM_VERBS = re.compile(r"组建|整合|改为|改设|撤销")
# Another country's ministry of the same name (美国农业部, 日本国家旅游局) is not ours.
FOREIGN = re.compile(r"(?:(?<![中全我本])国|日本|俄罗斯|欧盟|加拿大|澳大利亚|新西兰|印度|巴西|印尼|新加坡|马来西亚|"
                     r"联合国|南非|阿根廷|墨西哥|以色列|瑞士|瑞典|挪威|丹麦|芬兰|比利时|奥地利|波兰|土耳其|伊朗|沙特|"
                     r"越南|朝鲜|老挝|柬埔寨|缅甸|菲律宾|智利|秘鲁|古巴|埃及|肯尼亚|尼日利亚)$")


@dataclass(frozen=True)
class Body:
    """One old name: its successors, when and how it changed, and where that is written."""

    word: str
    successors: tuple[str, ...]
    changed: date
    full: str
    change: str
    source: str
    severity: str
    before: re.Pattern | None
    guard: re.Pattern | None
    example: str
    counter: str


class ReformedBodyRule(DocumentRule):
    """``lexicon``: the table of old names (resources/lexicons/reformed-bodies.tsv). The message
    gets ``{full}`` (the old full name, when a short form was used) and ``{history}`` (each change
    with its source, following a successor that changed again)."""

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        self.lexicon = spec.get("lexicon", "")
        self.bodies: dict[str, Body] = {}
        for row in read_lexicon(self.lexicon, COLUMNS, self.id):
            try:
                body = Body(row["word"], tuple(s for s in row["replacements"].split("、") if s),
                            date.fromisoformat(row["changed"]), row["full"], row["change"], row["source"],
                            row["severity"] or self.severity,
                            re.compile(row["before"]) if row["before"] else None,
                            re.compile(row["guard"]) if row["guard"] else None, row["example"], row["counter"])
            except (ValueError, re.error) as problem:
                raise RuleError(f"rule {self.id}: bad row for {row['word']} ({problem})") from None
            if body.word in self.bodies or not body.successors or not body.example or not body.counter:
                raise RuleError(f"rule {self.id}: {body.word} listed twice or without successor and examples")
            self.bodies[body.word] = body
        self.listed_entries = {word: body.successors for word, body in self.bodies.items()}
        self.details = {word: (("example", body.example),) for word, body in self.bodies.items()}

    document_wide = False  # each place is its own mistake, underlined on its own

    def document_hits(self, paragraphs, lines):
        yield from self.hits_at(paragraphs, document_date([p.text for p in paragraphs], date.today()))

    def hits_at(self, paragraphs, when: date):
        """Hits as (paragraph index, hit) in a document dated ``when``."""
        for index, paragraph in enumerate(paragraphs):
            found = paragraph.listed.get(self)
            if not found:
                continue
            text = paragraph.text
            taken = -1
            # Leftmost, then longest: 银保监会 is one name, not 银 + 保监会.
            for start, end, word in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
                if start < taken:
                    continue
                taken = end
                hit = self._hit(text, start, end, self.bodies[word], when, paragraph.sentences)
                if hit is not None:
                    yield index, hit

    def _hit(self, text: str, start: int, end: int, body: Body, when: date, sentences) -> Hit | None:
        if body.changed > when:
            return None
        before = text[:start]
        if FOREIGN.search(before) or (body.before is not None and not body.before.search(before)):
            return None
        if body.guard is not None and body.guard.search(text[max(0, start - GUARD_REACH):end + GUARD_REACH]):
            return None
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        opening = sentence.start if sentence is not None else 0
        closing = sentence.end if sentence is not None else len(text)
        sentence_text = text[opening:closing]
        if in_title_or_quote(text, start) or speaks_of_past(sentence_text, text[opening:start], body.changed):
            return None
        history, successors = self.history(body, when)
        if REFORM_VERBS.search(sentence_text) and any(s in sentence_text for s in (*body.successors, *successors)):
            return None
        full = f"（{body.full}）" if body.full != body.word else ""
        return Hit(start, end, successors, (("full", full), ("history", history)), body.severity)

    def history(self, body: Body, when: date) -> tuple[str, tuple[str, ...]]:
        """The changes from ``body`` on, up to ``when`` (a successor that was itself reformed
        later is followed), and the successors that stand at ``when``."""
        steps = [f"{body.change}（{body.source}）"]
        successors = body.successors
        seen = {body.word}
        later = self.bodies.get(successors[0])
        while later is not None and later.changed <= when and later.word not in seen:
            seen.add(later.word)
            steps.append(f"{later.word}{later.change}（{later.source}）")
            successors = later.successors
            later = self.bodies.get(successors[0])
        return "；".join(steps), successors


KINDS = {"reformed-body": ReformedBodyRule}
