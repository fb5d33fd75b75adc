"""Draft health report (文稿体检): the draft's figures at a glance.

Counts of findings by category and severity, the sentence-length profile against the bundled
corpus (what edited 公文 does), and the content words the draft uses far more often than the
corpus does. The corpus figures are computed when the phrase bank is built (``phrasebank
build`` writes them next to the bank) and shipped as one small file, so a 体检 reads them in
milliseconds instead of segmenting the corpus (seconds) on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .checker.model import CATEGORIES, SEVERITIES, Finding
from .resources import resource_path
from .text.hanzi import HANZI
from .text.segmenter import cut, pos_table
from .text.sentences import sentences

OVERUSED_COUNT = 20
MIN_USES = 3
# Upper bounds (inclusive) of the sentence-length bins; the last bin is open.
BIN_EDGES = (20, 40, 60, 80, 100, 150)
BIN_LABELS = ("0–20", "21–40", "41–60", "61–80", "81–100", "101–150", ">150")
# A word the corpus never uses counts as if it were used half a time: rarer than any word it uses.
ABSENT_COUNT = 0.5
# Proper names (people, places, organisations) are a draft's subject, not its style.
PROPER_NOUN_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
NORM_FILE = "corpus-norm.tsv"  # in resources/phrasebank/, beside bank.json


@dataclass(frozen=True)
class OverusedWord:
    """A content word the draft uses ``ratio`` times as often as the corpus does (per word)."""

    word: str
    count: int
    ratio: float
    in_corpus: bool  # False: the corpus never uses it, ``ratio`` treats it as very rare


@dataclass(frozen=True)
class HealthReport:
    """The figures of one draft at one moment; histograms are shares of sentences per bin."""

    characters: int  # non-space characters
    paragraphs: int  # non-empty paragraphs
    sentences: int
    by_category: dict[str, int]  # category id → findings, only categories with findings
    by_severity: dict[str, int]  # error/warning/info → findings
    overused: tuple[OverusedWord, ...]
    length_histogram: tuple[float, ...]
    norm_histogram: tuple[float, ...]
    average_sentence: float  # characters per sentence

    @property
    def findings(self) -> int:
        return sum(self.by_category.values())


@dataclass(frozen=True)
class CorpusNorm:
    """What the bundled corpus does: word counts, its word total and its sentence-length profile."""

    counts: dict[str, int]
    words: int
    histogram: tuple[float, ...]


def build_report(paragraphs: list[str], findings: list[Finding]) -> HealthReport:
    """The health report of a draft given as its paragraph texts and the checker's findings."""
    norm = corpus_norm()
    texts = written(paragraphs)
    lengths = sentence_lengths(texts)
    counts, words = word_counts(texts)
    return HealthReport(
        characters=sum(len(text) - sum(ch.isspace() for ch in text) for text in texts),
        paragraphs=len(texts),
        sentences=len(lengths),
        by_category=dict(Counter(f.category for f in findings)),
        by_severity=dict(Counter(f.severity for f in findings)),
        overused=tuple(overused_words(counts, words, norm)),
        length_histogram=histogram(lengths),
        norm_histogram=norm.histogram,
        average_sentence=round(sum(lengths) / len(lengths), 1) if lengths else 0.0,
    )


def written(paragraphs: Iterable[str]) -> list[str]:
    """The paragraphs a reader counts: blank lines are spacing, not paragraphs (the status bar
    and the 体检 count the same way)."""
    return [text for text in paragraphs if text.strip()]


def sentence_lengths(texts: Iterable[str]) -> list[int]:
    """The length in characters of every sentence (as the long-sentence rule measures it)."""
    lengths = []
    for text in texts:
        for span in sentences(text):
            length = len(text[span.start:span.end].strip())
            if length:
                lengths.append(length)
    return lengths


def bin_counts(lengths: Iterable[int]) -> list[int]:
    """How many of ``lengths`` fall in each bin of BIN_EDGES."""
    bins = [0] * (len(BIN_EDGES) + 1)
    for length in lengths:
        bins[next((i for i, edge in enumerate(BIN_EDGES) if length <= edge), len(BIN_EDGES))] += 1
    return bins


def shares(bins: list[int]) -> tuple[float, ...]:
    total = sum(bins)
    return tuple(count / total if total else 0.0 for count in bins)


def histogram(lengths: list[int]) -> tuple[float, ...]:
    """Shares of ``lengths`` in each bin of BIN_EDGES (all zero when there are none)."""
    return shares(bin_counts(lengths))


def word_counts(texts: Iterable[str]) -> tuple[Counter[str], int]:
    """Counts of the content words (nouns, verbs, adjectives of two or more characters, proper
    names left out) and the number of words with a hanzi in them (the denominator of a share)."""
    table = pos_table()
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        for word in cut(text):
            if HANZI.search(word) is None:
                continue
            total += 1
            if len(word) >= 2 and is_content_tag(table.get(word, "x")):
                counts[word] += 1
    return counts, total


def is_content_tag(tag: str) -> bool:
    return tag[0] in "nva" and tag not in PROPER_NOUN_TAGS


def overused_words(counts: Counter[str], words: int, norm: CorpusNorm) -> list[OverusedWord]:
    """The OVERUSED_COUNT words with the highest share in the draft relative to their share in
    the corpus, among those used at least MIN_USES times."""
    found = []
    for word, count in counts.items():
        if count < MIN_USES:
            continue
        in_corpus = word in norm.counts
        expected = (norm.counts[word] if in_corpus else ABSENT_COUNT) / norm.words
        found.append(OverusedWord(word, count, (count / words) / expected, in_corpus))
    found.sort(key=lambda w: (-w.ratio, -w.count, w.word))
    return found[:OVERUSED_COUNT]


@lru_cache(maxsize=1)
def corpus_norm() -> CorpusNorm:
    """The corpus figures shipped beside the phrase bank (see ``norm_file``)."""
    return parse_norm(resource_path("phrasebank", NORM_FILE).read_text(encoding="utf-8"))


def norm_file(texts: list[str]) -> bytes:
    """The corpus figures of ``texts`` as a small deterministic TSV: a header line, the word
    total, the sentences per length bin, then each content word and its count (most used first)."""
    counts, words = word_counts(texts)
    lines = ["# 文稿体检的范文统计：由 phrasebank build 与短语库一同生成，请勿手改",
             f"words\t{words}", "sentences\t" + "\t".join(map(str, bin_counts(sentence_lengths(texts))))]
    lines += [f"{word}\t{count}" for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    return ("\n".join(lines) + "\n").encode("utf-8")


def parse_norm(text: str) -> CorpusNorm:
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    header = {row[0]: row[1:] for row in rows[:2]}
    counts = {word: int(count) for word, count in rows[2:]}
    return CorpusNorm(counts, int(header["words"][0]), shares([int(n) for n in header["sentences"]]))


def compare(before: HealthReport, after: HealthReport) -> list[tuple[str, int | float, int | float]]:
    """Rows (label, before, after) for a before/after view: total findings, each category with
    findings on either side (panel order), characters and average sentence length."""
    rows: list[tuple[str, int | float, int | float]] = [("问题总数", before.findings, after.findings)]
    for key, name in CATEGORIES.items():
        old, new = before.by_category.get(key, 0), after.by_category.get(key, 0)
        if old or new:
            rows.append((name, old, new))
    rows.append(("字数", before.characters, after.characters))
    rows.append(("平均句长（字）", before.average_sentence, after.average_sentence))
    return rows


def summary(report: HealthReport) -> str:
    """The report in one Chinese line: size, sentences and findings by severity."""
    severities = "、".join(f"{name} {report.by_severity.get(key, 0)}" for key, name in SEVERITIES.items())
    return (f"共 {report.characters:,} 字、{report.paragraphs} 段、{report.sentences} 句，"
            f"平均句长 {report.average_sentence:g} 字；发现问题 {report.findings} 处（{severities}）。")


def ratio_label(word: OverusedWord) -> str:
    """How a word's ratio reads in a table: 约 12 倍; a word the corpus never uses says so."""
    times = f"约 {word.ratio:.0f} 倍" if word.ratio >= 10 else f"约 {word.ratio:.1f} 倍"
    return times if word.in_corpus else f"{times}（范文未见）"
