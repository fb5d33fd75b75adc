"""Phrase extraction: stock phrases of five kinds, found in cleaned text by structure and statistics.

- ``idiom`` 成语俗语: jieba's idioms and set expressions (POS i/l and the 公文 dictionary), four-
  character strings that statistics mark as fixed (frequent, cohesive by PMI, free on both sides by
  boundary entropy), 四字格 written as list items (高度重视、强化领导), and short quoted sayings
  (“钉钉子”, “一竿子插到底”);
- ``collocation`` 动宾搭配: a verb followed by its object (压实责任), kept when it recurs or the
  verb is productive in the corpus;
- ``pair`` 对偶句: two parallel clauses of three to seven characters (空谈误国、实干兴邦);
- ``pattern`` 句式: enumerations (一要……二要……), correlative frames (既要……又要……, 以……促……),
  and runs of parallel clauses reduced to their common frame (抓……、抓……、抓……);
- ``quote`` 金句: quoted sayings with two balanced halves or of sentence length (“抓而不紧，等于不抓”).

Every entry keeps its frequency and the first sentence it occurs in, with file and line.
"""

from __future__ import annotations

import io
import math
import re
from bisect import bisect_right
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import resource_path
from ..text.hanzi import HANZI_ONLY
from ..text.segmenter import USER_DICTIONARY, cut, import_jieba, pos_table, tokenizer, word_frequency
from ..text.sentences import Span, clauses, sentences
from .chengyu import in_chengyu_dictionary
from .clean import CleanParagraph
from .pinyin import initials
from .setphrases import (FIXED_COHESION, FREE_COHESION, LEXICALISED_IDIOM, cohesion, dictionary_kind, exclusion, method_names, parts,
                         programme_name, quoted_kind, shaped)

KINDS = {"idiom": "成语俗语", "collocation": "动宾搭配", "pair": "对偶句", "pattern": "句式", "quote": "金句",
         "method": "方法提法"}
GENERAL_CATEGORY = "综合"
SENTENCE_KINDS = {"pair", "pattern", "quote"}
SLOT = "……"
FUNCTION_CHARS = set("的了是在和与及或等着过之其而且也都就还又把被将对于从向以为每各该此")
LIGHT_VERBS = {"是", "有", "要", "到", "把", "进行", "成为", "作为", "使", "让", "被", "给", "在", "来", "去", "会",
               "能", "可", "说", "看", "想", "做到", "属于", "需要", "应", "得", "为", "叫", "用", "请", "上", "下",
               "出", "进", "没有", "达到", "要求", "造成", "认为", "觉得", "知道", "包括", "召开", "具有", "存在",
               "继续", "不够", "能够", "当作"} | {
               # negated modals: 不得|姑息养奸 is a ban on what follows, not a verb and its object
               "不能", "不得", "不要", "不准", "不可", "不应", "不许", "不必", "不宜"}
OBJECT_TAGS = {"n", "vn", "nz", "an"}
# What else starts the next item of a list of objects (确保青藏铁路、三峡三期工程……: a name, a number, an adjective).
LIST_ITEM_TAGS = {"j", "m", "b", "a", "t"}  # a: 加强地震、特大洪灾; t: 促进金融保险、现代物流


def starts_a_list_item(tag: str) -> bool:
    """Does a word with this tag after 、 start another object (a noun, a name, a number), not a clause?"""
    return tag in OBJECT_TAGS | LIST_ITEM_TAGS or tag.startswith("n")
# What may follow a complete verb–object phrase: punctuation, 了/着, a conjunction or preposition (not 的:
# 落实国家的政策 — 国家 modifies what follows).
PHRASE_END = {"x", "w", "ul", "uz", "c", "y"}
# Punctuation that opens a name or quotation inside a noun phrase (建立政务服务“好差评”制度).
OPENING_MARKS = set("“‘《（(〈「")
MODIFIER_TAGS = {"vn", "uj", "a", "m", "n", "nz"}
LIST_MARKS = {"、", "和", "与", "及", "以及", "或"}
# Nouns that 公文 puts before the real object (中央的部署, 国家的政策): never an object alone.
ATTRIBUTIVE_NOUNS = {"中央", "党中央", "国家", "国务院", "省委", "省政府", "市委", "市政府", "县委", "县政府", "上级",
                     "各级", "地方", "全国", "全省", "全市", "全县", "我国", "我省", "我市", "我县", "社会", "人民"}
ORDINALS = {"要": "一二三四五六七八九十", "是": "一二三四五六七八九十"}
# Correlative frames (grammar, not answers): entries are made only from frames found in the text.
FRAMES = [("既要", "又要", "更要"), ("既要", "又要"), ("既", "又"), ("不是", "而是"), ("不仅", "而且"),
          ("不仅", "更"), ("一方面", "另一方面"), ("只有", "才能"), ("宁可", "也不"), ("越", "越")]
FRAME_FILLER = r"[^，。；：！？、“”]{1,12}?"
# Cohesion and freedom thresholds for statistical four-character phrases (natural-log PMI, entropy
# in nats): a phrase must recur, hold together far more than chance, and occur in varied contexts.
MIN_PMI = 4.0
MIN_ENTROPY = 0.6
PAIR_LENGTHS = (3, 4, 5, 6, 7, 8)
# Result complements of 公文 verbs (落实到位, 一抓到底).
RESULTS = ("到位", "到底", "到人", "到户", "见效", "落地", "落细")
FRAGMENT_CHARS = re.compile(r"[的地得是要我你他她它这那们吗呢吧才很还等]")


@dataclass
class Example:
    sentence: str
    source: str  # "file:line", the raw file and the line its paragraph starts on


@dataclass
class Entry:
    text: str
    kind: str
    frequency: int
    examples: list[Example]
    category: str = GENERAL_CATEGORY
    documents: int = 1  # how many texts of the corpus use it
    seed: bool = True  # used in the primary (seed) corpus, not only in the larger second one
    function: str = ""  # 开头语, 过渡语, 结尾语, 表态语 or 要求语: where in a speech it serves

    def to_json(self) -> dict:
        """``initials`` (狠抓落实 → hzls) are worked out here, at build time: the app then reads them
        with the bank instead of one Python call per character of every phrase as it loads."""
        return {"text": self.text, "kind": self.kind, "category": self.category, "frequency": self.frequency,
                "documents": self.documents, "seed": self.seed, "function": self.function,
                "initials": initials(self.text), "examples": [trimmed(e, self.text) for e in self.examples]}


EXAMPLE_MAX = 80


def trimmed(example: Example, phrase: str) -> dict:
    """The example as shown: the clauses around the phrase, at most EXAMPLE_MAX characters, and
    where the phrase starts in it (for highlighting)."""
    sentence = example.sentence
    anchor = next((piece for piece in re.split(f"{SLOT}|[，、]", phrase) if piece), phrase)
    whole = sentence.find(phrase) if SLOT not in phrase else -1  # 依法治国、依法执政 after 依法治国全过程
    position = whole if whole >= 0 else max(sentence.find(anchor), 0)
    if len(sentence) > EXAMPLE_MAX:
        parts = clauses(sentence, Span(0, len(sentence)))
        end_of_phrase = position + len(phrase) if SLOT not in phrase else position + len(anchor)
        first = next((i for i, p in enumerate(parts) if p.start <= position < p.end + 1), 0)
        last = next((i for i, p in enumerate(parts) if end_of_phrase <= p.end + 1), len(parts) - 1)
        while True:  # widen clause by clause while it fits
            grown = False
            if first > 0 and parts[last].end - parts[first - 1].start + 1 <= EXAMPLE_MAX:
                first, grown = first - 1, True
            if last + 1 < len(parts) and parts[last + 1].end - parts[first].start + 1 <= EXAMPLE_MAX:
                last, grown = last + 1, True
            if not grown:
                break
        start, end = parts[first].start, min(len(sentence), parts[last].end + 1)
        if end - start > EXAMPLE_MAX:  # one clause longer than the limit: a window around the phrase
            start = max(0, min(position - 20, len(sentence) - EXAMPLE_MAX))
            end = start + EXAMPLE_MAX
        sentence, position = sentence[start:end], position - start
    return {"sentence": sentence, "source": example.source, "start": max(0, position)}


@dataclass
class Sentence:
    text: str
    source: str
    words: list[tuple[str, str]] = field(default_factory=list)  # (word, POS tag)
    _boundaries: set[int] | None = field(default=None, repr=False)

    def boundaries(self) -> set[int]:
        """Word boundaries as the app's segmenter cuts the sentence (so a phrase is whole where the
        checker and the editor see words), and punctuation edges."""
        if self._boundaries is None:
            offsets, position = {0}, 0
            for word in cut(self.text):
                position += len(word)
                offsets.add(position)
            self._boundaries = offsets
        return self._boundaries


class Corpus:
    """The cleaned text, cut into sentences and POS-tagged once, with lookups for frequency and
    the first example of any string."""

    def __init__(self, paragraphs: list[CleanParagraph]):
        tagger = pos_tagger()
        self.word_tags: dict[str, str] = tagger.word_tag_tab
        self.sentences: list[Sentence] = []
        self.paragraphs: dict[str, str] = {}
        for paragraph in paragraphs:
            self.paragraphs[f"{paragraph.source}:{paragraph.line}"] = paragraph.text
            for span in sentences(paragraph.text):
                text = paragraph.text[span.start:span.end].strip()
                words = [(pair.word, pair.flag) for pair in tagger.cut(text)]
                self.sentences.append(Sentence(text, f"{paragraph.source}:{paragraph.line}", words))
        self.text = "\n".join(s.text for s in self.sentences)
        self._starts, position = [], 0
        for sentence in self.sentences:
            self._starts.append(position)
            position += len(sentence.text) + 1

    def stretch(self, first: Sentence, last: Sentence) -> Example:
        """The paragraph text from the start of ``first`` to the end of ``last`` (same paragraph)."""
        paragraph = self.paragraphs[first.source]
        start = paragraph.find(first.text)
        end = paragraph.find(last.text, start) + len(last.text)
        return Example(paragraph[start:end], first.source)

    def count(self, text: str) -> int:
        return self.text.count(text)

    def texts_using(self, text: str, limit: int = 2000) -> set[str]:
        """The files whose sentences hold ``text`` (looking at its first ``limit`` uses)."""
        files, position = set(), self.text.find(text)
        while position >= 0 and limit:
            files.add(self.sentences[bisect_right(self._starts, position) - 1].source.rsplit(":", 1)[0])
            position, limit = self.text.find(text, position + 1), limit - 1
        return files

    def example(self, text: str, whole_words: bool = True) -> Example | None:
        """The first sentence holding ``text`` on word boundaries (``whole_words``), or None: found
        with ``str.find`` in the joined text, so a rare phrase costs no walk over every sentence."""
        position = self.text.find(text)
        while position >= 0:
            index = bisect_right(self._starts, position) - 1
            sentence, start = self.sentences[index], position - self._starts[index]
            if start + len(text) <= len(sentence.text) and (
                    not whole_words or {start, start + len(text)} <= sentence.boundaries()):
                return Example(sentence.text, sentence.source)
            position = self.text.find(text, position + 1)
        return None


class Collector:
    """Entries by text; the first kind to claim a text keeps it."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.entries: dict[str, Entry] = {}

    def add(self, text: str, kind: str, *, frequency: int | None = None, example: Example | None = None,
            whole_words: bool = True) -> None:
        if text in self.entries or not _clean_phrase(text):
            return
        example = example or self.corpus.example(text, whole_words)
        if example is None:
            return
        count = frequency if frequency is not None else self.corpus.count(text)
        self.entries[text] = Entry(text, kind, max(count, 1), [example])


def _clean_phrase(text: str) -> bool:
    """No ASCII, no digits, no latin letters: phrase-bank entries are Chinese as written."""
    return not re.search(r"[\x00-\x7f]", text.replace(SLOT, ""))


def extract(paragraphs: list[CleanParagraph], corpus: Corpus | None = None,
            primary: set[str] | None = None) -> list[Entry]:
    """Every entry of the corpus; ``primary`` names the files of the primary (seed) corpus, whose
    phrases rank above those seen only in the others."""
    corpus = corpus or Corpus(paragraphs)
    collector = Collector(corpus)
    quotes(corpus, collector)
    pairs(corpus, collector)
    patterns(corpus, collector)
    idioms(corpus, collector)
    collocations(corpus, collector)
    complements(corpus, collector)
    for entry in collector.entries.values():
        if entry.kind == "idiom":
            entry.kind = saying_kind(corpus, entry.text)
    entries = [e for e in collector.entries.values() if e.kind and not half_of_a_count(corpus, e.text)]
    halves = halves_of_maxims(corpus, entries)
    entries = [e for e in entries if e.text not in halves]
    for entry in entries:
        files = corpus.texts_using(entry.text) if SLOT not in entry.text else {entry.examples[0].source.rsplit(":", 1)[0]}
        entry.documents = max(len(files), 1)
        entry.seed = primary is None or bool(files & primary) or entry.examples[0].source.rsplit(":", 1)[0] in primary
    assign_categories(entries)
    for entry in entries:  # a sentence frame serves where its sentence does; a phrase by what it says
        entry.function = speech_function(entry.examples[0].sentence if entry.kind in SENTENCE_KINDS else entry.text)
    order = list(KINDS)
    return sorted(entries, key=lambda e: (order.index(e.kind), -e.frequency, e.text))


def saying_kind(corpus: Corpus, phrase: str) -> str:
    """"idiom" or "" for a phrase collected as an idiom ("method" for a way of working quoted as a name: “回头看”活动;
    "" for a nickname: “菜篮子”工程): a word of jieba's dictionary needs evidence beyond its tag, which also covers
    terms and policy names (差额选举, 综合治理, 身心健康); without it, it is a term, no entry
    (the reason: not in the 成语 dictionary). A 习用语 that is a verb and its object never gets here: it is a
    collocation already (setphrases.dictionary_kind). A phrase no dictionary lists was found by its form (a
    statistical 四字格, a list item, a quoted saying: 统筹推进, 守土负责) and keeps the checks it passed."""
    if quoted_name(corpus.text, phrase) and not in_chengyu_dictionary(phrase):
        return "method" if pos_table().get(cut(phrase)[0]) == "v" else ""
    untagged = (phrase not in pos_table() and not DEGREE_FRAME.match(phrase) and not NOT_A_SAYING.search(phrase)
                and not description(phrase))
    return "idiom" if untagged or saying(corpus.text, phrase) else ""


QUOTED_USE = "“{}”(?=(.{{0,4}}))"


def quoted_name(text: str, phrase: str) -> bool:
    """Is ``phrase`` quoted as the name of a thing: most of its quoted uses go straight on with a noun
    (“菜篮子”工程, “放管服”改革, “老工伤”人员, “入园难”问题), not with a comma or 的? A saying is quoted to be
    said (杜绝“走过场”，……) or praised for its spirit (“钉钉子”精神, “十年磨一剑”精神), a name to name something."""
    followers = re.findall(QUOTED_USE.format(re.escape(phrase)), text)
    heads = [cut(after)[0] for after in followers if after]
    named = sum(1 for head in heads if pos_table().get(head, "x") in NOUN_TAGS | {"vn"} and head != "精神")
    return 2 * named > len(followers)


DESCRIBING_TAGS = {"a", "ad", "d"}


def description(phrase: str) -> bool:
    """Four characters that are a noun and what it is like (纪律松弛, 债务沉重, 进展迟缓, 监管审慎): a statement
    about a thing, not a saying. Only for phrases no dictionary lists: the 成语 list still decides its own."""
    words = cut(phrase)
    tags = pos_table()
    return (len(phrase) == 4 and len(words) == 2 and tags.get(words[0]) in NOUN_TAGS | {"vn"}
            and tags.get(words[1]) in DESCRIBING_TAGS)


def saying(text: str, phrase: str) -> bool:
    """Is there evidence besides jieba's tag that ``phrase`` is a 成语 or 俗语 (see saying_kind)? Also a
    set form of four characters the 成语 list lacks (it has no 各司其职, 与时俱进, 锐意进取): one that
    does not read as two dictionary words, or is very cohesive with no noun in front (not 通货膨胀, 差额选举:
    a term names its thing first)."""
    if in_chengyu_dictionary(phrase):
        return True
    if (DEGREE_FRAME.match(phrase) or NOT_A_SAYING.search(phrase) or pos_table().get(phrase) == "ns"
            or quoted_name(text, phrase)):
        return False  # 愈来愈多: an adverb phrase; 财富之源, 执政之基: a noun phrase; 每人每年: a unit; 港人治港: a place's
        # principle; “菜篮子”工程, “放管服”改革: a programme's name
    return (phrase in _known_idioms() or f"“{phrase}”" in text
            or (len(phrase) == 3 and phrase[0] == "一") or saying_form(phrase) or set_form(phrase))  # 一条龙


# ABAC frames of degree (愈来愈多, 越来越好): an adverb phrase, not a saying.
DEGREE_FRAME = re.compile(r"^(愈来愈|越来越)")
# Four characters that are no saying unless the 成语 list has them: A之B, a noun phrase (财富之源, 执政之基); 每A每B,
# a unit of counting (每人每年).
NOT_A_SAYING = re.compile(r"^[\u4e00-\u9fff]{2}之[\u4e00-\u9fff]$|^每[\u4e00-\u9fff]每[\u4e00-\u9fff]$")


def saying_form(phrase: str) -> bool:
    """A 俗语 by its shape: AABB (扎扎实实, 世世代代), ABAC whose halves are not two nouns (自查自纠; not 仪器仪表,
    水利水电: a list of terms); two opposites joined (上下联动)."""
    if OPPOSITE_PAIR_PHRASE.fullmatch(phrase):
        return True
    if not shaped(phrase):
        return False
    return phrase[0] == phrase[1] or not all(pos_table().get(half) in NOUN_TAGS for half in (phrase[:2], phrase[2:]))


# The dictionary's tags a four-character set form carries: 成语 and 习用语, and the ones jieba gives some of them
# (日理万机, 姑息迁就 n; 爱岗敬业 nr; 轻重缓急 z).
SET_FORM_TAGS = {"i", "l", "n", "nr", "z"}


def set_form(phrase: str) -> bool:
    tag = pos_table().get(phrase)
    if tag not in SET_FORM_TAGS or len(phrase) != 4:
        return False
    split = parts(phrase)
    if len(split) == 1:
        return True  # 各司其职, 与时俱进, 自上而下: bound morphemes
    together = cohesion(phrase)
    fixed = FIXED_COHESION if tag != "i" else FREE_COHESION  # 纷繁复杂 (i, 5.2)
    return together is not None and together >= fixed and pos_table().get(split[0]) not in NOUN_TAGS | {"vn"}


def halves_of_maxims(corpus: Corpus, entries: list[Entry]) -> set[str]:
    """Idioms that are no four-character 成语 by the dictionary (not tagged i, nor common in it; or longer than four)
    whose every use in the corpus is a clause of a 对偶句 or 金句 of the bank (吃苦在前，享受在后; 少讲空话，多做实事;
    先天下之忧而忧，后天下之乐而乐): halves of a maxim, which the bank holds whole; 肝胆相照 (i) and 更进一步
    (common) stand alone too."""
    hosts: dict[str, list[str]] = {}
    for entry in entries:
        if entry.kind in ("pair", "quote"):
            for clause in re.split("[，、]", entry.text):
                hosts.setdefault(clause, []).append(entry.text)
    return {e.text for e in entries if e.kind == "idiom" and e.text in hosts and e.text not in _known_idioms()
            and (len(e.text) > 4 or (pos_table().get(e.text) != "i" and word_frequency(e.text) < LEXICALISED_IDIOM))
            and sum(corpus.count(host) for host in hosts[e.text]) >= corpus.count(e.text)}


COUNT_GOES_ON = re.compile(r"[，、；]?[二三四五六七八九十两]")


def half_of_a_count(corpus: Corpus, phrase: str) -> bool:
    """A phrase led by 一 that the corpus always carries on with 二, 九 …: the first half of a counted saying
    (一不怕苦|、二不怕死, 一分部署|，九分落实), no phrase alone."""
    if not phrase.startswith("一") or len(phrase) < 3:
        return False
    text = corpus.text
    ends = [m.end() for m in re.finditer(re.escape(phrase), text)]
    return bool(ends) and all(COUNT_GOES_ON.match(text, end) for end in ends)


def quotes(corpus: Corpus, collector: Collector) -> None:
    """Quoted sayings: two balanced halves or sentence length → quote; 3–7 characters → idiom."""
    for sentence in corpus.sentences:
        for match in re.finditer(r"“([^“”]{3,40})”", sentence.text):
            said = match.group(1).rstrip("。！")
            halves = re.split(r"[，、]", said)
            example = Example(sentence.text, sentence.source)
            if len(halves) >= 2 and all(3 <= len(h) <= 10 and HANZI_ONLY.match(h) for h in halves):
                if abs(len(halves[0]) - len(halves[1])) <= 2:
                    collector.add(said, "quote", example=example)
            elif HANZI_ONLY.match(said) and len(said) >= 8 and not STATEMENT.search(said) and not _named(said):
                collector.add(said, "quote", example=example)
            elif HANZI_ONLY.match(said) and len(said) <= 7 and _is_saying(said):
                known = _known_idioms().get(said)  # “执行力”: a noun of the 公文 dictionary, a 提法
                kind = ("method" if known == "n" else "idiom") if known else quoted_kind(said)  # “钉钉子”; “六种能力”: 提法
                if kind:
                    collector.add(said, kind, example=example, whole_words=False)


# A quoted clause that reports what someone said or holds (“共产主义是渺茫的幻想”, “禁止任何形式的个人崇拜”),
# not a saying to reuse: 的 or 是 in one clause of sentence length.
STATEMENT = re.compile(r"[的是]")
# Labels and names: ……精神/……制度, a programme (……工程/……计划), a treaty or a plan.
NAME_END = re.compile(r"(精神|制度|活动|机制|工作法|年|网|清单|工程|计划|行动|项目|条约|协定|纲要|规划|长廊)$")


def _named(text: str) -> bool:
    return bool(NAME_END.search(text))


def _is_saying(text: str) -> bool:
    """A short quoted expression worth keeping (“钉钉子”, “一盘棋”): not a label or a name, and not a
    fragment of a sentence."""
    return len(text) >= 3 and not _fragment(text) and not _named(text)


def _fragment(text: str) -> bool:
    """Particles, pronouns and modal verbs inside, or a function character at an edge: a piece of
    a sentence (各单位要, 这是市委, 干事的有), not a phrase."""
    return text[0] in FUNCTION_CHARS or text[-1] in FUNCTION_CHARS or bool(FRAGMENT_CHARS.search(text))


def pairs(corpus: Corpus, collector: Collector) -> None:
    """Two parallel clauses of three to eight characters standing alone as a pair: they share two
    characters at the same places, or one and are cut into words alike (守土负责、守土尽责), or both are idioms (空谈误国、实干兴邦). A pair
    inside a longer list counts when its neighbours do not continue it (百尺竿头、更进一步、干在实处、
    走在前列); a lead-in before the first clause is left out (必然是|有事没人干、有人没事干). A maxim
    that weighs one clause against the other (督导千遍，不如问责一次) is a 金句."""
    idiom_words = _known_idioms()
    for sentence in corpus.sentences:
        text = sentence.text
        tags = dict(sentence.words)

        def continues(clause: str, neighbour: str, before: bool) -> bool:
            """The neighbouring clause (its end before, its start after: a lead-in or a tail
            aside) carries on the same frame: a list, not a pair."""
            part = neighbour[-len(clause):] if before else neighbour[:len(clause)]
            return len(neighbour) >= len(clause) and same_frame(clause, part)

        def is_idiom(clause: str) -> bool:
            return tags.get(clause) in ("i", "l") or clause in idiom_words

        def linked(a: str, b: str) -> bool:
            both_idioms = is_idiom(a) and is_idiom(b) and len(a) in (4, 5)
            alike = sum(x == y for x, y in zip(a, b))
            shared = (alike >= 2 or (alike == 1 and word_shape(a) == word_shape(b))) and (has_predicate(a) or has_predicate(b))
            return len(a) == len(b) and ((shared and not same_head_only(a, b)) or both_idioms)

        for span in sentences(text):
            parts = clauses(text, span)
            pieces = [text[p.start:p.end] for p in parts]
            for i in range(len(parts) - 1):
                a, b = pieces[i], pieces[i + 1]
                if not (HANZI_ONLY.match(a) and HANZI_ONLY.match(b)) or _fragment(b):
                    continue
                if 3 <= min(len(a), len(b)) and max(len(a), len(b)) <= MAX_MAXIM_CLAUSE and MAXIM_LINK.match(b):
                    collector.add(text[parts[i].start:parts[i + 1].end], "quote",
                                  example=Example(text, sentence.source), whole_words=False)
                    continue
                lead = _lead_in(a, b, sentence) if len(a) > len(b) else 0
                a = a[lead:]
                if len(a) != len(b) or len(a) not in PAIR_LENGTHS or _fragment(a) or not linked(a, b):
                    continue
                if b[-1] in NUMERAL_CHARS or a[0] in NUMERAL_CHARS:
                    continue  # ……大力发展农村二(、三产业): a clause cut at a list of numbers
                if _noun_phrase(a) and _noun_phrase(b):
                    continue  # 图书馆、文化馆: two names in a list, not a pair of clauses
                if (reports_a_result(a) and reports_a_result(b)) or ("了" in a and "了" in b):
                    continue  # 官兵素质有了提高，国防装备有了改善; 统一了思想，认清了形势: what happened, not a 对偶句 to reuse
                if (i > 0 and continues(a, pieces[i - 1], True)) or (i + 2 < len(pieces) and continues(b, pieces[i + 2], False)):
                    continue  # 守土有责、守土负责、守土尽责: a list on one frame, not a pair
                if not any(x == y for x, y in zip(a, b)) and (
                        (i > 0 and is_idiom(pieces[i - 1][-len(a):])) or (i + 2 < len(pieces) and is_idiom(pieces[i + 2][:len(b)]))):
                    continue  # 空谈误国、实干兴邦，坚定信心: two idioms of a list of idioms, not a pair
                joined = text[parts[i].start + lead:parts[i + 1].end]
                collector.add(joined, "pair", example=Example(text, sentence.source), whole_words=False)


# A subject, an adverb of change and a verb: a clause that reports a result (经济效益明显改善, 教育质量有所提高).
RESULT = re.compile(r"^([\u4e00-\u9fff]{2,4})(有了|有所|不断|逐步|明显|继续|日益|日趋|显著|大大|进一步|蓬勃|深刻|持续|稳步)"
                    r"([\u4e00-\u9fff]{2})$")


def reports_a_result(clause: str) -> bool:
    """Is the clause a noun that something happened to (侨务工作不断加强, 官兵素质有了提高, 新兴产业蓬勃发展)? The
    subject ends on a noun (新兴|产业, 侨务|政策)."""
    match = RESULT.match(clause)
    return bool(match) and pos_table().get(cut(match.group(1))[-1], "x") in NOUN_TAGS


def same_head_only(a: str, b: str) -> bool:
    """Two clauses alike only in the noun that ends both, the second saying nothing before it: items of
    a list of names (强化基础研究、前沿技术研究), not a pair (善于发现问题、能够解决问题; 遏制增量、化解存量
    share one character, not a word)."""
    head = cut(a)[-1]
    fronts = [cut(a[:-2]), cut(b[:-2])]
    if a[-2:] == b[-2:] and all(len(f) == 1 for f in fronts) and (
            all(pos_table().get(f[0], "x") in NOUN_TAGS | {"vn"} for f in fronts) or a[-2:] in BARE_HEADS):
        return pos_table().get(a[-2:], "x") in NOUN_TAGS  # 生产方式、生活方式, 拜金主义、享乐主义: a list of nouns
    return (len(head) > 1 and b.endswith(head) and pos_table().get(head, "x") in NOUN_TAGS | {"vn"}
            and not any(x == y for x, y in zip(a[:-len(head)], b[:-len(head)])) and not has_predicate(b[:-len(head)]))


def word_shape(clause: str) -> list[int]:
    """The lengths of the clause's words: parallel clauses sharing one character are cut alike (干|在|实处、
    走|在|前列), not 照搬|外国|也|不行，必须|从|国情|出发."""
    return [len(word) for word in cut(clause)]


NUMERAL_CHARS = set("一二三四五六七八九十两")


def same_frame(a: str, b: str) -> bool:
    """Two clauses of a list on one frame: equal in length and alike in two places (one, in three
    characters): 守土负责、守土尽责; 抓具体、抓深入."""
    return len(a) == len(b) and sum(x == y for x, y in zip(a, b)) >= min(2, len(a) - 2)


PREDICATE_TAGS = {"v", "ad", "d", "i", "l", "z", "vd"}


def has_predicate(clause: str) -> bool:
    """A clause says something (喊得凶, 干在实处), not a name in a list (新技术, 不同岗位, 行政体制改革):
    a word of it is a verb or adverb by the dictionary."""
    tags = pos_table()
    return any(tags.get(word, "x") in PREDICATE_TAGS for word in cut(clause))


# A maxim weighing two things: its second clause opens with a comparison (督导千遍，不如问责一次).
MAXIM_LINK = re.compile(r"^(不如|胜于|胜过|莫如|强于|何如)")
MAX_MAXIM_CLAUSE = 8


def _lead_in(a: str, b: str, sentence: Sentence) -> int:
    """How many characters lead into clause ``a`` before a part as long as ``b`` (就会|喊得凶、抓得松,
    必然是|有事没人干): a word or two ending on a word boundary, adverbs, conjunctions and modal
    verbs only; else 0 (减轻|中小学生课业负担 is a verb and its object, not a lead-in)."""
    lead = len(a) - len(b)
    start = sentence.text.find(a)
    if lead > 4 or start < 0 or start + lead not in sentence.boundaries():
        return 0
    tags = pos_table()
    words = cut(a[:lead])
    return lead if all(tags.get(w, "x") in LEAD_IN_TAGS or w in MODAL_VERBS for w in words) else 0


LEAD_IN_TAGS = {"d", "c", "ad", "r"}
MODAL_VERBS = {"是", "要", "会", "能", "应", "应当", "应该", "必须", "需要", "就是"}


def patterns(corpus: Corpus, collector: Collector) -> None:
    _enumerations(corpus, collector)
    _correlatives(corpus, collector)
    _slot_frames(corpus, collector)
    _parallel_runs(corpus, collector)


# Sentence frames with slots that 公文 build sentences on. The fixed words are grammar; an entry is
# made only where the corpus fills the frame, with the commonest filler of a closed slot kept
# (以……为抓手, 在……上下功夫) and open slots left open (把……作为……).
SLOT_FRAMES = [
    ("以", r"([\u4e00-\u9fff]{2,10}?)", "为", r"(抓手|突破口|重点|核心|主线|引领|导向|目标|根本|基础|保障|载体|契机|纽带|中心|关键|动力|支撑)"),
    ("在", r"([\u4e00-\u9fff]{2,10}?)", "上", r"(下功夫|下工夫|下大功夫|狠下功夫|做文章|求突破|见实效|出实招)"),
    ("把", r"([\u4e00-\u9fff]{2,10}?)", "作为", r"()"),
    ("把", r"([\u4e00-\u9fff]{2,10}?)", "摆在", r"(突出位置|首位|重要位置|更加突出的位置)"),
    ("坚持", r"([\u4e00-\u9fff]{2,8}?)", "与", r"[\u4e00-\u9fff]{2,8}?(相结合)"),
    ("坚持", r"([\u4e00-\u9fff]{2,8}?)", "和", r"[\u4e00-\u9fff]{2,8}?(相结合)"),
    ("围绕", r"([\u4e00-\u9fff]{2,10}?)", "这个", r"(中心|主题|目标|主线)"),
    ("为", r"([\u4e00-\u9fff]{2,12}?)", "提供", r"(有力保障|坚强保证|有力支撑|重要支撑|坚实基础)"),
    ("推动", r"([\u4e00-\u9fff]{2,10}?)", "取得", r"(新成效|新突破|新进展|实效)"),
]


def _slot_frames(corpus: Corpus, collector: Collector) -> None:
    for opening, filler, joint, closing in SLOT_FRAMES:
        regex = re.compile(f"(?<![\u4e00-\u9fff]){opening}{filler}{joint}{closing}")
        found = [(s, m) for s in corpus.sentences for m in regex.finditer(s.text)]
        if not found:
            continue
        ends = Counter(m.group(2) for _, m in found)
        for end, count in ends.most_common(3 if ends.most_common(1)[0][0] else 1):
            template = f"{opening}{SLOT}{joint}{end or SLOT}" if "相结合" not in end else f"{opening}{SLOT}{joint}{SLOT}{end}"
            sentence = next(s for s, m in found if m.group(2) == end)
            collector.add(template, "pattern", frequency=count, example=Example(sentence.text, sentence.source))


def _enumerations(corpus: Corpus, collector: Collector) -> None:
    """一要……，二要……，三要…… (also 一是……二是……), from consecutive numbered sentences or clauses of
    one paragraph; the example is the stretch of text from the first item to the third."""
    shown = 3
    for marker, numerals in ORDINALS.items():
        runs = 0
        example: Example | None = None
        expected, first = 0, 0
        for index, sentence in enumerate(corpus.sentences):
            if index and sentence.source != corpus.sentences[index - 1].source:
                expected = 0  # a run stays inside one paragraph
            for numeral in re.findall(rf"(?:^|[，；])([{numerals}]){marker}", sentence.text):
                position = numerals.index(numeral)
                if position == 0:
                    expected, first = 1, index
                elif position == expected:
                    expected += 1
                    if expected == shown:
                        runs += 1
                        if example is None:
                            example = corpus.stretch(corpus.sentences[first], sentence)
                else:
                    expected = 0
        if example is not None:
            text = "，".join(f"{numerals[i]}{marker}{SLOT}" for i in range(shown))
            collector.add(text, "pattern", frequency=runs, example=example)


def _correlatives(corpus: Corpus, collector: Collector) -> None:
    for frame in FRAMES:
        if len(frame) == 2 and frame[0] == "越":
            regex = re.compile(rf"越({FRAME_FILLER})越")
        else:
            regex = re.compile(rf"(?<![\u4e00-\u9fff]){frame[0]}" + "".join(
                rf"{FRAME_FILLER}[，、]?{word}" for word in frame[1:]) + FRAME_FILLER + r"(?=[，。；、])")
        found = [(s, m) for s in corpus.sentences for m in regex.finditer(s.text)]
        if found:
            template = "，".join(word + SLOT for word in frame) if frame[0] != "越" else f"越{SLOT}越{SLOT}"
            sentence = found[0][0]
            collector.add(template, "pattern", frequency=len(found), example=Example(sentence.text, sentence.source))
    promote = re.compile(r"以([\u4e00-\u9fff]{2,6})促([\u4e00-\u9fff]{1,4})")
    found = [(s, m) for s in corpus.sentences for m in promote.finditer(s.text)]
    if found:
        objects = Counter(m.group(2) for _, m in found)
        common, count = objects.most_common(1)[0]
        template = f"以{SLOT}促{common}" if count >= 2 else f"以{SLOT}促{SLOT}"
        sentence = found[0][0]
        collector.add(template, "pattern", frequency=len(found), example=Example(sentence.text, sentence.source))


def _parallel_runs(corpus: Corpus, collector: Collector) -> None:
    """Three or more clauses sharing a frame: 抓具体、抓深入、抓效率 → 抓……、抓……、抓……; and a run
    repeated word for word after 把/将 becomes a template with the object as slot."""
    runs_seen: Counter[str] = Counter()
    for sentence in corpus.sentences:
        text = sentence.text
        for span in sentences(text):
            parts = clauses(text, span)
            start = 0
            while start < len(parts):
                end = start + 1
                while end < len(parts) and text[parts[end - 1].end] == "、" and parts[end].start == parts[end - 1].end + 1:
                    end += 1
                items = [text[p.start:p.end] for p in parts[start:end]]
                if len(items) >= 3 and all(HANZI_ONLY.match(item) and len(item) <= 8 for item in items):
                    run = text[parts[start].start:parts[end - 1].end]
                    runs_seen[run] += 1
                    frame = _frame(items, corpus.word_tags)
                    if frame:
                        collector.add("、".join([frame] * min(len(items), 3)), "pattern",
                                      example=Example(text, sentence.source), frequency=1, whole_words=False)
                    head = re.search(r"[把将]([\u4e00-\u9fff]{1,8})$", text[:parts[start].start])
                    if head and corpus.count(run) >= 2:
                        collector.add(f"把{SLOT}{run}", "pattern", frequency=corpus.count(run),
                                      example=Example(text, sentence.source), whole_words=False)
                start = end


def _frame(items: list[str], word_tags: dict[str, str]) -> str | None:
    """The common prefix and/or suffix of parallel items with the varying part as a slot. A frame
    of one character must be a verb (抓……); a lone shared suffix such as ……性 says nothing."""
    prefix = _common_prefix(items)
    suffix = _common_prefix([item[::-1] for item in items])[::-1]
    if len(prefix) + len(suffix) >= min(len(item) for item in items):
        return None
    if all(ch in FUNCTION_CHARS for ch in prefix + suffix) or (not prefix and suffix[0] in FUNCTION_CHARS):
        return None  # ……的发展、……的发展: the varying part is the phrase, the frame is grammar
    if len(prefix + suffix) < 2 and not (prefix and word_tags.get(prefix, "").startswith("v")):
        return None
    if not all({len(prefix), len(item) - len(suffix)} <= _word_boundaries(item) for item in items):
        return None  # 政务公开、厂务公开: the shared 务公开 is not a word of its own
    return f"{prefix}{SLOT}{suffix}"


def _word_boundaries(text: str) -> set[int]:
    ends, position = {0}, 0
    for word in cut(text):
        position += len(word)
        ends.add(position)
    return ends


def _common_prefix(items: list[str]) -> str:
    prefix = items[0]
    for item in items[1:]:
        while not item.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def idioms(corpus: Corpus, collector: Collector) -> None:
    """Chengyu (jieba's ``i``) and the 公文 dictionary's idioms always; set expressions (``l``) and
    statistically discovered four-character phrases only when they are not two ordinary words
    side by side (开展调查, 一个重要 are phrases; 令行禁止, 动真碰硬 are fixed)."""
    known = _known_idioms()
    for sentence in corpus.sentences:
        for word, tag in sentence.words:
            if len(word) < 3 or not HANZI_ONLY.match(word):
                continue
            # a 习用语 that is a verb and its object (奋斗目标? 打基础?) is left to collocations(),
            # which know whether the corpus uses it on its own; a word jieba's tagger guessed, not in
            # its dictionary (对庸政懒 tagged l, 事必问责抓, 西煤东运新), is no word at all
            if word in known and not programme_name(word):
                collector.add(word, "method" if known[word] == "n" else "idiom")  # 高质量发展, 重要讲话: 提法
            elif word_frequency(word) and dictionary_kind(word, tag) == "method":
                collector.add(word, "method")  # 三步走, 五位一体: 提法
            elif word_frequency(word) and dictionary_kind(word, tag) == "idiom" and not unquoted_word(corpus.text, word):
                complement = word[:2] in action_words() and word[2:] in RESULTS  # 落实到人, like 落实到位
                collector.add(word, "collocation" if complement else "idiom")
    for gram in discover_phrases(corpus):
        if (not _compositional(gram) and not _fragment(gram) and not _term_or_piece(gram) and _kind(corpus, gram)
                and (_used_alone(corpus, gram) or parallel(gram))):
            collector.add(gram, _kind(corpus, gram))
    for sentence in corpus.sentences:
        for item in _four_character_list_items(sentence.text):
            kind = _kind(corpus, item) if not _term_or_piece(item) else ""
            if kind:
                collector.add(item, kind, example=Example(sentence.text, sentence.source), whole_words=False)
        for match in OPPOSITE_PAIR_PHRASE.finditer(sentence.text):
            collector.add(match.group(), "idiom", example=Example(sentence.text, sentence.source), whole_words=False)
        for name in method_names(sentence.text):
            collector.add(name, "method", example=Example(sentence.text, sentence.source), whole_words=False)


def unquoted_word(text: str, word: str) -> bool:
    """A word of three characters the corpus never quotes is a word, whatever jieba tags it (离退休, 自尊心, 破伤风,
    不称职, 另一类): a 公文 marks a three-character saying with quotation marks (“大锅饭”, “钉钉子”); one led by 一 and
    a measure word is a set saying of its own (一条龙, 一把手)."""
    return len(word) == 3 and not word.startswith("一") and f"“{word}”" not in text


def _used_alone(corpus: Corpus, phrase: str) -> bool:
    """Does the corpus use the phrase at least once as a clause or list item of its own? A string
    that recurs only inside longer ones is a piece of them (建制村通|硬化路, 大力提振|消费) or of a
    name (雄安新区, 老旧小区 改造), not a 四字格."""
    text = corpus.text
    return any((start == 0 or not HANZI_ONLY.match(text[start - 1])) and
               (end == len(text) or not HANZI_ONLY.match(text[end]))
               for start, end in (m.span() for m in re.finditer(re.escape(phrase), text)))


def parallel(phrase: str) -> bool:
    """Four characters on one frame: AABB, ABAC or ABCB (做大做强, 管党治党, 管好用好)."""
    return shaped(phrase) or (len(phrase) == 4 and phrase[1] == phrase[3] and phrase[0] != phrase[2])


def _kind(corpus: Corpus, phrase: str) -> str:
    """The kind of a four-character phrase found by statistics or as a list item, read as an
    untagged 习用语: the reasons that exclude one exclude it too (火星探测, 老旧小区 are terms; 企业也应
    is a piece), and a verb and its object is a collocation where the corpus uses it on its own
    (增加生产, not 奋斗目标: ……的奋斗目标, nor the noun compound 预算管理)."""
    kind = dictionary_kind(phrase, "")
    if kind == "collocation" and (not _ends_a_phrase(corpus, phrase) or _noun_compound(*parts(phrase))):
        return ""  # 预算管理, 萌芽状态: a noun compound
    return kind


# 四字格 of two opposites joined by a verb of joining, fixed even when seen once: 上下联动, 内外兼修,
# 点面结合, 标本兼治, 条块结合.
OPPOSITES = ("上下", "左右", "内外", "前后", "软硬", "点面", "标本", "条块", "远近", "轻重", "虚实", "干群", "中外",
             "古今", "新旧", "快慢", "进退", "收放", "宽严", "长短", "深浅")
JOINING = ("联动", "结合", "兼顾", "兼修", "兼治", "兼施", "并举", "并重", "同欲", "同心", "贯通", "协调", "互动", "一致",
           "呼应", "衔接", "配合", "协同", "联通", "相济", "相宜", "兼备", "交融")
OPPOSITE_PAIR_PHRASE = re.compile(f"({'|'.join(OPPOSITES)})({'|'.join(JOINING)})")


def _four_character_list_items(text: str) -> list[str]:
    """四字格 by usage: items of a list of two or more four-character clauses (高度重视、强化领导)."""
    items = []
    for span in sentences(text):
        parts = [text[p.start:p.end] for p in clauses(text, span)]
        for i, part in enumerate(parts):
            neighbours = parts[max(0, i - 1):i] + parts[i + 1:i + 2]
            if (len(part) == 4 and HANZI_ONLY.match(part) and not _fragment(part)
                    and any(len(n) == 4 and HANZI_ONLY.match(n) for n in neighbours)):
                items.append(part)
    return items


@lru_cache(maxsize=1)
def pos_tagger() -> "jieba.posseg.POSTokenizer":
    """jieba's tagger over the app's tokenizer, imported here (only a bank build needs it), its tags
    those of the word table (``pos_table``: dict.txt's tags and the 公文 dictionary's, what jieba's own
    constructor would read). jieba's dictionary file is not read at all — the bundle leaves it out —
    so jieba.posseg's default tagger, built as it is imported, is given an empty one."""
    jieba = import_jieba()
    jieba.dt.get_dict_file = io.BytesIO  # read by `import jieba.posseg` for a tagger never used
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file  # jieba.dt's own method again (it reads dict.txt when used)

    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer, tagger.word_tag_tab = tokenizer(), dict(pos_table())
    return tagger


NOUN_TAGS = {"n", "nz", "ns", "nt", "ng", "b", "j"}
NAME_TAGS = {"ns", "nt", "nz"}  # 斯里兰卡: a place or an organisation is not a phrase  # not nr: jieba tags 弘扬, 封山 so
# Abstract nouns that head noun phrases (……体系, ……力度): a four-character phrase ending in one is
# a noun phrase, not a 四字格.
HEAD_NOUNS = {"体系", "力度", "基础", "资源", "机制", "制度", "能力", "水平", "工作", "服务", "结构", "环境", "问题",
              "方面", "领域", "任务", "措施", "政策", "目标", "标准", "规划", "方案", "中心", "体制", "程度", "效能"}
PIECE_END_TAGS = {"p", "d", "c", "u", "uj", "ul", "uz", "r", "m", "q", "mq", "y", "f"}


def _nouns_only(phrase: str) -> bool:
    """Two or more nouns by the dictionary's tags: a term or a name (文化传统, 智能电网), not a 四字格
    or a clause. (A verbal noun in front is a verb as often as not: 服务群众, 教育人民.)"""
    tags = pos_table()
    found = [tags.get(word, "x") for word in cut(phrase)]
    return all(tag in NOUN_TAGS for tag in found) and (len(found) > 1 or found[0] in NAME_TAGS)


def _noun_phrase(phrase: str) -> bool:
    """Headed by a noun with nothing but nouns in front (殖民主义, 监察机关, 科技创新体系)."""
    tags = pos_table()
    found = [tags.get(word, "x") for word in cut(phrase)]
    return found[-1] in NOUN_TAGS and all(tag in NOUN_TAGS or tag == "vn" for tag in found)


def _term_or_piece(phrase: str) -> bool:
    """A compound of nouns (计算中心, 文化传统, 碳排放权: a term, not a 四字格), or a piece cut out of
    a sentence (使每一个, 逐步向更, 二不怕死: ending on a function word or a number, or starting with
    a number). Tags are the dictionary's, not guessed from the phrase out of context."""
    if _nouns_only(phrase):
        return True
    tags = pos_table()
    tagged = [(word, tags.get(word, "x")) for word in cut(phrase)]
    if len(tagged) > 1 and tagged[-1][0] in HEAD_NOUNS:
        return True  # 考核体系, 降费力度, 发展基础: a noun phrase
    last_word, last_tag = tagged[-1]
    if len(phrase) == 4 and phrase[0] == phrase[-1]:
        return True  # 有领导有(步骤), 又好又(快): the first half of a longer ABAC phrase
    return ((len(last_word) == 1 and last_tag in PIECE_END_TAGS) or last_tag in ("m", "mq")
            or (len(tagged) > 1 and tagged[0][1] == "m"))


def _compositional(phrase: str) -> bool:
    """True when ``phrase`` reads as two ordinary dictionary words (or starts with a function
    character): then it is a free combination, not a fixed expression."""
    if phrase[0] in FUNCTION_CHARS or phrase[-1] in FUNCTION_CHARS:
        return True
    words = tokenizer().FREQ
    return any(words.get(phrase[:k], 0) > 0 and words.get(phrase[k:], 0) > 0 for k in range(2, len(phrase) - 1))


def discover_phrases(corpus: Corpus, n: int = 4) -> list[str]:
    """Four-character strings that recur, hold together (PMI of the weakest split) and are free
    on both sides (entropy of the neighbouring characters): statistical set phrases."""
    text = corpus.text
    grams = Counter(text[i:i + n] for i in range(len(text) - n + 1) if HANZI_ONLY.match(text[i:i + n]))
    chars = Counter(text)
    pieces = Counter(text[i:i + k] for k in range(2, n) for i in range(len(text) - k + 1))
    total = len(text)
    cohesive = set()
    for gram, count in sorted(grams.items()):
        if count < 2 or gram[0] in FUNCTION_CHARS or gram[-1] in FUNCTION_CHARS:
            continue
        cohesion = min(math.log(count * total / ((pieces[gram[:k]] if k > 1 else chars[gram[:k]]) *
                                                 (pieces[gram[k:]] if n - k > 1 else chars[gram[k:]])))
                       for k in range(1, n))
        if cohesion >= MIN_PMI:
            cohesive.add(gram)
    neighbours = _neighbours(text, cohesive, n)
    return [gram for gram in sorted(cohesive)
            if min(_entropy(neighbours[gram][0]), _entropy(neighbours[gram][1])) >= MIN_ENTROPY]


def _neighbours(text: str, grams: set[str], n: int) -> dict[str, tuple[Counter, Counter]]:
    """The characters on the left and on the right of every occurrence of each gram, in one pass;
    every punctuation boundary is a fresh context (a phrase between commas is free)."""
    found: dict[str, tuple[Counter, Counter]] = {gram: (Counter(), Counter()) for gram in grams}
    for start in range(len(text) - n + 1):
        gram = text[start:start + n]
        if gram not in found:
            continue
        left, right = found[gram]
        before = text[start - 1] if start > 0 else "^"
        after = text[start + n] if start + n < len(text) else "$"
        left[before if HANZI_ONLY.match(before) else f"#{start}"] += 1
        right[after if HANZI_ONLY.match(after) else f"#{start}"] += 1
    return found


def _entropy(counts: Counter) -> float:
    total = sum(counts.values())
    return -sum(c / total * math.log(c / total) for c in counts.values())


def collocations(corpus: Corpus, collector: Collector) -> None:
    """Verb + object, from two sources: a clause that is exactly a verb and its object (压实责任 in
    传导压力、压实责任 — complete by construction), and pairs in running text that recur."""
    pairs_found = verb_object_pairs(corpus)
    counts = Counter((verb, obj) for verb, obj, _ in pairs_found)
    objects = Counter(verb for verb, _ in counts)
    for sentence in corpus.sentences:
        clause: list[tuple[str, str]] = []
        words = sentence.words + [("。", "x")]
        after_list_noun = False  # the clause before this one was a noun and ended at 、
        for k, (word, tag) in enumerate(words):
            if word not in "，、；：。！？":
                clause.append((word, tag))
                continue
            in_noun_list = after_list_noun or (word == "、" and k + 1 < len(words) and (
                starts_a_list_item(words[k + 1][1]) or (k + 2 < len(words) and words[k + 2][0] == "、")))  # 新闻、出版、
            after_list_noun = word == "、" and bool(clause) and clause[-1][1] in OBJECT_TAGS
            if (len(clause) in (2, 3) and clause[0][1] == "v" and clause[0][0] not in LIGHT_VERBS
                    and objects[clause[0][0]] >= 2 and all(t in OBJECT_TAGS for _, t in clause[1:]) and len(clause[-1][0]) > 1
                    and not in_noun_list and not _noun_compound(clause[0][0], clause[-1][0]) and _complete(corpus, clause)
                    and not _after_de(corpus, "".join(w for w, _ in clause))):
                collector.add("".join(w for w, _ in clause), "collocation")
            clause = []
    for verb, obj, clause_final in sorted(set(pairs_found)):
        productive = objects[verb] >= 2
        if (len(verb) == 2 and len(verb + obj) <= 6 and (counts[(verb, obj)] >= 2 or (clause_final and productive))
                and not _noun_compound(verb, obj) and _ends_a_phrase(corpus, verb + obj) and not _after_de(corpus, verb + obj)):
            collector.add(verb + obj, "collocation")


def _after_de(corpus: Corpus, phrase: str) -> bool:
    """Half of the phrase's uses or more follow 的 (……的坚强领导核心, ……的改革发展任务, 与……提高相适应): a noun phrase
    or a piece of one, not a verb and its object, which a 公文 puts after a modal, an adverb or a comma."""
    uses = [m.start() for m in re.finditer(re.escape(phrase), corpus.text)]
    return bool(uses) and 2 * sum(1 for start in uses if start > 0 and corpus.text[start - 1] == "的") >= len(uses)


# Generic heads of noun phrases: after any verb but a 公文 verb of doing, they make a noun compound
# (就业方面, 就业工作, 培养机制, 学习动员阶段), not a verb and its object (加强老龄工作, 完善工作机制 stay).
GENERIC_HEADS = ("方面", "工作", "阶段", "体系", "精神", "利益", "问题", "领域", "环节", "中心", "工程", "部门", "机制", "制度",
                 "意识", "项目", "条件", "团队", "方针", "思维", "后盾", "状态")
# Tails that leave the object unfinished whatever the verb: 改进服务态度方面……, 执行决策时…….
OPEN_TAILS = ("方面", "时")


# Heads that, alone after a verb that is not a 公文 verb of doing, name a kind of thing done (执政方式, 实践意义,
# 关爱措施, 恢复范围, 享乐主义, 租赁责任制); with a modifier (采取有力措施) or after a 公文 verb (完善政策) they are objects.
BARE_HEADS = {"方式", "途径", "措施", "意义", "范围", "关系", "活动", "方向", "事项", "政策", "地区", "机构", "主义", "责任制"}


# Plans, bodies and tasks: after a verbal noun (发展, 建设, 研究) they are named by it, not its objects.
PLAN_HEADS = {"战略", "纲要", "规划纲要", "规划", "计划", "行动", "工作", "机构", "机制", "事项", "体系", "关系"}
# Verbs whose object is a doing (给予奖励, 接受监督, 受到影响, 取得进展, 提供服务).
TAKING_VERBS = {"给予", "接受", "受到", "取得", "提供"}


# Heads that say how much of something there is: an object only of a verb that raises or uses it
# (提高……能力, 增强……动力, 加大……力度).
DEGREE_HEADS = ("能力", "动力", "水平", "力度", "活力", "实力")
RAISING_VERBS = {"提高", "提升", "增强", "加强", "加大", "激发", "增加", "形成", "保持", "发挥", "培养", "具备", "释放",
                 "激活", "注入", "强化", "增进", "焕发", "壮大", "降低", "减弱", "锤炼", "磨炼", "汇聚", "凝聚", "集中"}


# What something has, named by a verbal noun before it (发展基础, 发展利益, 发展先机: the basis, interests or chance of
# development; 调整时期: a period of adjustment).
ATTRIBUTE_HEADS = {"基础", "利益", "功能", "源泉", "优势", "空间", "成果", "先机", "良策", "数量", "时期"}
# Verbs that take no object (a verb and its object already): what follows them is a noun they name (就业扶持政策, 创业环境).
INTRANSITIVE_VERBS = {"就业", "创业", "失业"}


def _noun_compound(verb: str, obj: str) -> bool:
    """Not a verb and its object: a generic head after a verb that is not a 公文 verb of doing, or a
    verb as the object of one that is not (收入减少, 开发设计, 快递发展, 得到加强; 抓好落实 stays), or a
    noun as the dictionary lists it."""
    if obj[-2:] in action_words() and verb not in action_words() and not verb.endswith(("好", "实", "紧")):
        return True  # also 预算|制度改革
    if pos_table().get(verb + obj) in NOUN_TAGS or obj.endswith(OPEN_TAILS):
        return True  # 知识分子, 担当意识: a noun of the dictionary; ……方面, ……时: not finished
    if pos_table().get(verb) == "vn" and obj[-2:] in action_words():
        return True  # 改革创新, 研究分析: two verbs side by side, not a verb and its object
    if obj in LIGHT_VERBS or (obj in BARE_HEADS and verb not in action_words()):
        return True  # 抓紧进行: two verbs; 执政方式, 达标活动, 减排关系: a kind of means or doing, not its object
    if pos_table().get(obj) == "vn" and verb not in action_words() | TAKING_VERBS and not verb.endswith(("好", "实", "活")):
        return True  # 警醒教育, 审计监督, 开发设计: two words of doing; 给予奖励, 搞活流通, 做好宣传 stay
    if obj in PLAN_HEADS and pos_table().get(verb) in NOUN_TAGS | {"vn"}:
        return True  # 发展战略, 建设规划, 研究机构: a verbal noun before a plan or a body names it
    if len(verb) == len(obj) == 2 and parallel(verb + obj):
        return True  # 偷税骗税, 强化优化: two words on one frame side by side, not a verb and its object
    if verb in INTRANSITIVE_VERBS or (obj in ATTRIBUTE_HEADS and pos_table().get(verb) == "vn"):
        return True  # 就业工作会议; 发展基础, 发展利益 (not 巩固农业基础, 维护人民利益)
    if obj.endswith(DEGREE_HEADS) and verb not in RAISING_VERBS:
        return True  # 发展动力, 防范风险能力, 支撑保障能力: what something has, not what is done
    return obj.endswith(GENERIC_HEADS) and verb not in action_words() and not verb.endswith(("好", "实"))  # 做好, 抓实


# What follows a verb–object phrase that is complete: punctuation, a particle or a conjunction.
PHRASE_FOLLOWERS = set("，。；、：！？）”’的了和与及并")
# What precedes one: punctuation, a modal or conjunction, or the last character of an adverb of
# manner (不断, 进一步, 大力, 积极, 切实, 全面, 深入, 继续, 加快).
PHRASE_LEADERS = set("，。；、：！？（“‘要将并和与及地以为来能应须断步力极实面入续快速真好先再也都还又就才是在把对")
COMPLETE_SHARE = 0.25


def _complete(corpus: Corpus, clause: list[tuple[str, str]]) -> bool:
    """A clause of a verb and its object that stands on its own: one whose object is a 公文 verb
    (研究解决) does; any other is seen twice (or is a 公文 verb's) and mostly stands alone."""
    text = "".join(word for word, _ in clause)
    if clause[-1][0] in action_words():
        return True
    return (clause[0][0] in action_words() or corpus.count(text) >= 2) and _ends_a_phrase(corpus, text)


def _ends_a_phrase(corpus: Corpus, phrase: str) -> bool:
    """At least a quarter of the phrase's uses end there and a quarter start there (加强重点 is nearly
    always 加强重点领域…, a piece of a longer object; 支撑能力 mostly ……的支撑能力, a noun phrase;
    压实责任 stands on its own)."""
    text = corpus.text
    uses = [m.span() for m in re.finditer(re.escape(phrase), text)]
    ends = [end for _, end in uses if end >= len(text) or text[end] in PHRASE_FOLLOWERS or text[end] == "\n"]
    starts = sum(1 for start, _ in uses if start == 0 or text[start - 1] in PHRASE_LEADERS or text[start - 1] == "\n")
    cut_short = all(end < len(text) and _object_list_goes_on(text, end) for end in ends)
    return not uses or (min(len(ends), starts) >= COMPLETE_SHARE * len(uses) and not cut_short)


def _object_list_goes_on(text: str, end: int) -> bool:
    """Does a list of nouns go on at ``end`` (加大基础设施|、生态建设投入, 加大基础设施|和基础产业)? A phrase
    whose every end is one is the first object of a longer one (加强安全生产 ends alone elsewhere)."""
    if text[end] not in "、和与及":
        return False
    following = cut(text[end + 1:end + 8])
    return bool(following) and following[0] not in action_words() and starts_a_list_item(pos_table().get(following[0], "x"))


def verb_object_pairs(corpus: Corpus) -> list[tuple[str, str, bool]]:
    """Every (verb, object) in the corpus. The object is one or two nouns and must end its noun
    phrase: in 提高干部执行力 the object of 提高 is 干部执行力, not 干部; a noun followed by 的 or by
    another noun is a modifier, not an object."""
    found = []
    for sentence in corpus.sentences:
        words = sentence.words
        verbs = action_words()
        for i, (verb, verb_tag) in enumerate(words):
            if (verb_tag != "v" and verb not in verbs) or verb in LIGHT_VERBS or not HANZI_ONLY.match(verb):
                continue
            if i > 0 and _modifies(words[i - 1]):
                continue  # 实行|公示制度, 的|叠加效应: a noun compound, not a verb and its object
            end = i + 1
            while end < len(words) and end - i <= 2 and (words[end][1] in OBJECT_TAGS or words[end][0] in verbs):
                end += 1  # a noun, or a verb used as one (抓好落实, 加强监管)
            following = words[end][1] if end < len(words) else "x"
            if end < len(words) and words[end][0][:1] in OPENING_MARKS:
                continue
            if end < len(words) and words[end][0] in LIST_MARKS:
                continue  # 统筹双边、多边……: the object is the first of a list
            obj = "".join(word for word, _ in words[i + 1:end])
            if obj in ATTRIBUTIVE_NOUNS:
                continue  # 落实中央和省委的部署: the noun says whose, the object comes later
            if obj and following in PHRASE_END and 2 <= len(obj) <= 4 and HANZI_ONLY.match(obj):
                found.append((verb, obj, following in ("x", "w")))
    return found


@lru_cache(maxsize=1)
def action_words() -> frozenset[str]:
    """The 公文 verbs of the near-synonym groups: verbs whatever jieba's dictionary tags them
    (落实 is an adjective there), and verbs that stand as objects (抓好落实, 推动落实)."""
    with open(resource_path("phrasebank", "synonyms.toml"), "rb") as handle:
        groups = tomllib.load(handle)["group"]
    return frozenset(w for g in groups if g["pos"] == "v" for w in g["words"] if len(w) == 2)


def complements(corpus: Corpus, collector: Collector) -> None:
    """A verb and its result complement used more than once, a 公文 formula: 落实到位, 压实到人."""
    verbs = action_words() | {"压实"}
    pattern = re.compile(f"({'|'.join(sorted(verbs, key=len, reverse=True))})({'|'.join(RESULTS)})")
    for sentence in corpus.sentences:
        for match in pattern.finditer(sentence.text):
            if corpus.count(match.group()) >= 2:
                collector.add(match.group(), "collocation")


def _modifies(previous: tuple[str, str]) -> bool:
    """Does the word before a verb turn verb + noun into a noun compound? 的, numerals, adjectives
    and full verbs do (实行公示制度); modal and light verbs do not (要强化主体责任)."""
    word, tag = previous
    return tag in MODIFIER_TAGS or (tag == "v" and word not in LIGHT_VERBS)


def _known_idioms() -> dict[str, str]:
    """The 公文 dictionary's set phrases (抓落实, 压实责任, 真抓实干) and their tags: all of them are stock
    phrases; the nouns among them are official formulations, 提法 (高质量发展, 主体责任, 重要讲话)."""
    lines = resource_path(*USER_DICTIONARY).read_text(encoding="utf-8").splitlines()
    return {parts[0]: parts[2] for parts in (line.split() for line in lines) if len(parts) == 3 and len(parts[0]) >= 3}


# What a sentence does in a speech or report, by how it opens or what it says (first match wins).
FUNCTIONS = [
    ("结尾语", re.compile(r"^同志们|让我们|而努力奋斗|而团结奋斗|奋力谱写|作出新的更大贡献|新的更大贡献")),
    ("开头语", re.compile(r"^(今天|近年来|今年以来|过去一年|过去五年|根据|按照|为了|为深入|为全面|为进一步)")),
    ("过渡语", re.compile(r"^(下面|总之|总的来看|总的来说|与此同时|同时|此外|另一方面|为此|因此|在此基础上|具体来说|一方面)")),
    ("表态语", re.compile(r"坚决拥护|坚决贯彻|坚决维护|决不辜负|一定要|一定能|全力以赴|坚定不移")),
    ("要求语", re.compile(r"^(各地|各部门|各级|各单位|全体|必须|务必|要|要求|确保)")),
]


def speech_function(sentence: str) -> str:
    """开头语, 过渡语, 结尾语, 表态语 or 要求语 for a sentence, or "" when it is plain statement."""
    return next((name for name, cue in FUNCTIONS if cue.search(sentence)), "")


def load_categories() -> list[tuple[str, list[str]]]:
    with open(resource_path("phrasebank", "categories.toml"), "rb") as handle:
        return [(c["name"], c["seeds"]) for c in tomllib.load(handle)["category"]]


def assign_categories(entries: list[Entry]) -> None:
    """The category whose seeds the entry itself uses most often (加强纪律教育，强化纪律执行 is about 纪律
    twice, 执行 once), on a tie the one whose seed ends last (the head: 推进科技创新 is 改革创新), then
    the first; else 综合: a phrase's category is what it means, not what the sentence around its first
    use is about (荣辱与共 beside 监督 is not 督查问责)."""
    categories = load_categories()
    for entry in entries:
        best, best_score = GENERAL_CATEGORY, (0, 0)
        ends = _word_boundaries(entry.text)
        for name, seeds in categories:
            uses = [(seed, start) for seed in seeds if seed in entry.text for start in seed_uses(entry.text, seed, ends)]
            score = (len(uses), max((start + len(seed) for seed, start in uses), default=0))
            if score > best_score:
                best, best_score = name, score
        entry.category = best


def seed_uses(text: str, seed: str, ends: set[int]) -> list[int]:
    """Where a category seed is used in ``text`` (whose word boundaries are ``ends``): inside one word (惩 in 严惩)
    or as whole words, never the end of one word and the start of the next (丰富|民主 does not say 富民)."""
    starts = [m.start() for m in re.finditer(re.escape(seed), text)]
    return [start for start in starts if not any(start < end < start + len(seed) for end in ends)
            or {start, start + len(seed)} <= ends]
