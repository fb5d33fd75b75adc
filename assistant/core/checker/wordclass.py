"""Which words the overuse rules may report: weak, replaceable words, never the document's subject.

An official repeats 推进, 进一步, 切实, 积极 out of habit, and a reviewer circles them; the subject's
own words (the industry, the facility, the office, the campaign) come back because the text is
about them, and varying them would blur it. So overuse is reported only on **generic** words, a
class decided by data (resources/dict/generic_words.tsv, made by ``calibrate.generic_words``):
verbs, adjectives and adverbs (jieba's part of speech) that most texts of the bundled corpus use
(the tuning part: corpus-extra's held-out fifth is never read) and that the phrase bank's meaning
groups can replace. Even those are left alone where they are the subject (a word of the title) or
not the writer's own wording: inside a 《title》 or a “quotation”, part of a longer name or term
(推进 in 改革推进办, 检查 in 专项检查办公室) — replacing there would rewrite a name — or of a fixed
formulation (resources/dict/fixed_phrases.tsv: 坚持和发展, 改革发展稳定, 突出重点). And only the
word's verbal or adverbial use counts: the noun or predicate of the same characters (下级组织服从,
矛盾比较突出, 工作落实的责任) is another word for the reader.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress
from operator import attrgetter

from ..resources import resource_path
from ..text.hanzi import HANZI
from ..text.segmenter import word_frequency
from ..text.structure import quoted_spans
from .text import Paragraph, Token

GENERIC_FILE = ("dict", "generic_words.tsv")
FIXED_FILE = ("dict", "fixed_phrases.tsv")
# Parts of speech a weak, replaceable word has (jieba's tags): verbs, adjectives, adverbs, idioms.
GENERIC_TAGS = frozenset({"v", "vd", "a", "ad", "an", "d", "z", "l", "i"})
# A generic word is used by at least this share of the corpus texts: everyday 公文 wording, not a
# field's term (节能, 脱贫 are in half the texts or fewer).
GENERIC_SPREAD = 0.8
# The last character of the name of a body, when jieba cuts it off alone: 推进办, 推进会, 督导组.
BODY_ENDINGS = frozenset("局委办厅室部院会处科所站队组")
# The heads of bodies' names that jieba keeps as words (专项检查办公室, 安全生产委员会); a word it
# tags as an organisation (nt: 安委会, 建设局) is one too.
BODY_HEADS = ("办公室", "委员会", "小组", "工作组", "中心", "指挥部", "管理局", "领导小组", "督查组", "检查组")
HEAD_LAST_CHARACTERS = frozenset(head[-1] for head in BODY_HEADS)
# How many words a body's name may run back from its ending (县安全生产专项检查办公室).
NAME_REACH = 4
# Tags that end a name when walking back from its ending: functions words, pronouns, numbers.
NAME_BREAK_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "m", "d", "ad", "f"})
QUOTE_OPENERS = frozenset("《“「")
# Parts of speech of a key term: nouns, verbs and idioms (抓落实, 执行力, 安全检查), not names.
TERM_TAGS = frozenset({"n", "vn", "v", "l", "i", "j", "nz"})
# How often a document uses a word that is what it is about.
KEY_TERM_USES = 8
# A figure right after a word (到/了/至 between): 增加422亿元, 增加到四百三十二万吨.
FIGURE = re.compile(r"(?=[到了至]?[0-9０-９一二三四五六七八九十百千万亿两半])")  # found at every place it starts
# A measure right after a word, in the same clause: the verb of a measured change, which a report
# on taxes and costs says at each measure (降低存款准备金率, 降低用能成本, 降低涉企收费).
MEASURES = "率|成本|费用|收费|负担|税负|价格|比例|比重|门槛|起付线|收入|工资"
MEASURE = re.compile(rf"[^，。；：！？,;:!?]{{0,12}}?(?:{MEASURES})")
# A sum a report gives figures of right before the word, an adverb of degree between: the change a
# report on figures states (收入增加。, 预算外资金也大幅度增加, 成本明显降低) — not a rate (效率提高
# is the writer's 提高 like any other).
MEASURED_SUMS = "收入|工资|成本|费用|价格|资金|产量|产值|利润|存款|储蓄|支出|赤字"
MEASURED_SUBJECT = re.compile(rf"(?:{MEASURED_SUMS})(?:也|都|均|又|还|已)?(?:大幅度|大幅|较快|较大|明显|显著|有所|成倍|持续|稳步)?$")
# A measure or a sum named anywhere in a paragraph: without one, no word there states the change of a
# measure, and one search of the paragraph spares two regex calls per generic word (most paragraphs
# name none).
MEASURE_NAMED = re.compile(f"{MEASURES}|{MEASURED_SUMS}")
# How far back from the word a measure as its subject may start.
MEASURE_REACH = 8
# The title of a document named without 《》 (关于加强党同人民群众联系的决定, 关于……的若干意见): a
# name, as inside 《》, not the writer's wording.
BARE_TITLE = re.compile(r"关于[^，。；：！？,;:!?“”《》]{2,40}?的(?:若干|实施|指导)?"
                        r"(?:决定|决议|意见|通知|建议|规定|报告|办法|纲要|方案|指示|条例|规划|通报|批复|请示)")
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# A word used as a noun or a predicate, not as the verb of a directive: after a noun, a
# distinguishing word or 的 that it heads or predicates of, followed by 的, 者, 中, a conjunction or
# a verb (下级组织服从, 工作落实的, 矛盾突出的); or after a degree adverb, followed by no object
# (比较突出。).
NOMINAL_BEFORE_TAGS = frozenset({"n", "ng", "nr", "ns", "nt", "nz", "b", "an", "vn", "uj"})
DEGREE_ADVERBS = frozenset({"比较", "较为", "十分", "非常", "很", "尤为", "更为", "最为", "日益", "越来越", "相当", "特别", "更加"})
NOMINAL_AFTER = frozenset({"的", "者", "中", "上", "和", "与", "及", "以及", "或", "、"})
# Demonstratives that take a word up again as a noun (这些转变, 这一转变, 这种支持): a reference back,
# not the verb said again.
DEMONSTRATIVES = frozenset({"这些", "那些", "这种", "那种", "这一", "上述"})
_text_of = attrgetter("text")


@dataclass(frozen=True)
class GenericWords:
    """The generic words with their uses in the corpus, and the corpus size in words."""

    uses: dict[str, int]
    tokens: int

    def share(self, word: str) -> float:
        """How often ``word`` occurs per word in edited 公文 (the tuning corpus)."""
        return self.uses[word] / self.tokens

    def __contains__(self, word: str) -> bool:
        return word in self.uses


@lru_cache(maxsize=1)
def generic_words() -> GenericWords:
    uses, tokens = {}, 0
    for line in resource_path(*GENERIC_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("# tokens\t"):
            tokens = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            word, _tag, count, _documents = line.split("\t")
            uses[word] = int(count)
    return GenericWords(uses, tokens)


def is_generic(word: str, tag: str, document_share: float, replaceable: bool) -> bool:
    """The class, from the data the table is built with (calibrate.generic_words)."""
    return len(word) >= 2 and tag in GENERIC_TAGS and document_share >= GENERIC_SPREAD and replaceable


@lru_cache(maxsize=1)
def fixed_phrases() -> re.Pattern | None:
    """One pattern for all fixed formulations, longest first."""
    phrases = [line.split("\t")[0] for line in resource_path(*FIXED_FILE).read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    return re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True)))) if phrases else None


def generic_uses(paragraph: Paragraph, ignore: set[str]) -> list[Token]:
    """The paragraph's verbal and adverbial uses of generic words that are the writer's own (not
    bound), ``ignore`` left out. The uses are found once per paragraph; each repetition rule
    leaves out its own ``ignore``."""
    uses = paragraph.remember("generic-uses", lambda: _generic_uses(paragraph))
    return [token for token in uses if token.text not in ignore] if ignore else list(uses)


def _generic_uses(paragraph: Paragraph) -> list[Token]:
    tokens, generic = paragraph.tokens, generic_words().uses
    # The generic words' places, found in C: about one token in thirteen (the rest cost nothing more).
    places = list(compress(range(len(tokens)), map(generic.__contains__, map(_text_of, tokens))))
    if not places:
        return []
    bound = _bound(paragraph, places)
    return [tokens[index] for index in places if tokens[index].start not in bound and not _nominal(paragraph, index)]


def _nominal(paragraph: Paragraph, index: int) -> bool:
    """Is the token at ``index`` used as a noun, a predicate or a noun's attribute (下级组织服从,
    工作落实的, 比较突出。, 重大科技项目, 这些转变)?
    Said after a noun and then closing the sentence it stays the verb (推进工作落实。)."""
    if index + 1 >= len(paragraph.tokens):
        return False
    if index == 0:
        return paragraph.tags[0] == "a" and paragraph.tags[1][:1] == "n"
    tags, before, after = paragraph.tags, paragraph.tokens[index - 1].text, paragraph.tokens[index + 1].text
    if tags[index] == "a" and tags[index + 1][:1] == "n":
        return True  # an adjective naming a kind of thing (重大项目, 重要讲话): part of the term
    if before in DEGREE_ADVERBS:
        return after in NOMINAL_AFTER or HANZI.match(after) is None
    if before in DEMONSTRATIVES:
        return True
    return tags[index - 1] in NOMINAL_BEFORE_TAGS and (after in NOMINAL_AFTER or tags[index + 1].startswith("v"))


def _bound(paragraph: Paragraph, places: list[int]) -> set[int]:
    """Starts of the tokens at ``places`` (the generic words) that are not the writer's own to
    vary: inside a 《title》 (or a title named without 《》: 关于……的决定) or a “quotation”, part of
    a body's name (the words running back from 局, 办公室, 会 …), of a longer dictionary word jieba
    cut apart or of an adjective made with 可 (可持续), the verb of a figure or a measure
    (增加422亿元, 降低贷款成本, 收入增加), or part of a fixed formulation. Only the generic words
    are asked about: the other tokens never need an answer."""
    tokens, tags, text = paragraph.tokens, paragraph.tags, paragraph.text
    spans = [(start + 1, end) for start, end in quoted_spans(text)] if _may_quote(text) else []
    spans += [match.span() for match in BARE_TITLE.finditer(text)]
    phrases = fixed_phrases()
    if phrases is not None:
        spans += [match.span() for match in phrases.finditer(text)]
    inside = {position for start, end in spans for position in range(start, end)}  # linear: a long draft has thousands of spans
    last = len(tokens) - 1
    measures = MEASURE_NAMED.search(text) is not None
    bound = set()
    for index in places:
        token = tokens[index]
        if (token.start in inside or _in_name(tokens, tags, index) or _coordinated_verb(tokens, tags, index)
                or (index and (_spelled_apart(tokens[index - 1], token) or tokens[index - 1].text == "可"))
                or (index < last and _spelled_apart(token, tokens[index + 1]))
                or FIGURE.match(text, token.end) is not None or measures and _measured(text, token)):
            bound.add(token.start)
    return bound


def _may_quote(text: str) -> bool:
    """Whether the text opens a quotation or a title: a C search per opener (intersecting the
    openers with the text made and hashed a string per character of it)."""
    return any(opener in text for opener in QUOTE_OPENERS)


def _in_name(tokens: list[Token], tags: list[str], index: int) -> bool:
    """Is the token one of the words running back from a body's ending (县推进办公室, 落实办)?"""
    for ending in range(index + 1, min(len(tokens), index + 1 + NAME_REACH)):
        word = tokens[ending - 1]
        # The tag first, and a content word holds a hanzi (Token.is_word): a regex call only for
        # the other tokens.
        if tags[ending - 1] in NAME_BREAK_TAGS or not word.is_word and HANZI.search(word.text) is None:
            return False
        if _is_body_ending(tokens[ending], tags[ending]):
            return True
    return False


def _coordinated_verb(tokens: list[Token], tags: list[str], index: int) -> bool:
    """A verb joined by 和 to another (建立和完善, 改革和完善): one act."""
    if tags[index] != "v":
        return False
    before = index >= 2 and tokens[index - 1].text == "和" and tags[index - 2] == "v"
    return before or (index + 2 < len(tokens) and tokens[index + 1].text == "和" and tags[index + 2] == "v")


def _spelled_apart(first: Token, second: Token) -> bool:
    """Two tokens that spell one dictionary word of three characters or more (信访 + 局 in 信访局)
    — but not a four-character compound of two words, which segmenter.cut splits on purpose
    (深入 调研)."""
    lengths = len(first.text), len(second.text)
    return sum(lengths) >= 3 and lengths != (2, 2) and bool(word_frequency(first.text + second.text))


def _measured(text: str, token: Token) -> bool:
    """Does the word state the change of a measure: its object (降低贷款成本) or its subject
    (收入增加, 资金也大幅度增加)?"""
    return (MEASURE.match(text, token.end) is not None
            or MEASURED_SUBJECT.search(text, max(0, token.start - MEASURE_REACH), token.start) is not None)


def _is_body_ending(token: Token, tag: str) -> bool:
    """局, 办公室, 安委会 — or an ending jieba glued to the next word it did not know (推进办要)."""
    text = token.text
    if tag == "nt" or text[-1:] in HEAD_LAST_CHARACTERS and text.endswith(BODY_HEADS):
        return True
    # Each ending is one character: the token is one, or opens with one (one set lookup: this is
    # asked of each token after a generic word, up to NAME_REACH of them).
    return text[:1] in BODY_ENDINGS and (len(text) == 1 or word_frequency(text) == 0 and HANZI.match(text) is not None)


def key_terms(paragraphs: list[Paragraph]) -> set[str]:
    """The document's key terms: words that are not generic and that it uses ``KEY_TERM_USES``
    times or more (抓落实, 执行力). A generic word inside one (落实, 执行) is the subject's word."""
    generic = generic_words().uses  # the dict itself: a C lookup per word, not GenericWords.__contains__
    # Each paragraph's candidate words are listed once per text, so a re-check only counts them (in C).
    counts = Counter(chain.from_iterable(paragraph.remember("term-words", lambda p=paragraph: [
        token.text for token, tag in p.words if tag in TERM_TAGS and token.text not in generic]) for paragraph in paragraphs))
    return {word for word, count in counts.items() if count >= KEY_TERM_USES}


def title_of(paragraphs: list[Paragraph]) -> str:
    """The document's title: its first non-empty paragraph, when that is a heading (a line
    without a sentence in it). A word of the title is found in it as text: 落实 in 狠抓落实."""
    first = next((p for p in paragraphs if p.text.strip()), None)
    return first.text if first is not None and first.role == "heading" else ""
