"""错别字 by statistics, in context: every hanzi is looked at; where the character does not fit its
neighbours, the characters a typist puts in its place (same or similar sound, similar shape) are
tried, and a repair is reported when the repaired sentence is clearly more likely.

Likelihood: a character 4-gram model of edited 公文 (typo_model.py, ngram.py: both sides of the
character count, since changing it changes the next three predictions too) plus jieba's word-route
probability (the best segmentation's log probability over a window of nine characters: a repair that
makes a common word, 持旭 → 持续, 营业支招 → 营业执照). Whether a repair is reported is a linear
decision over what is known of it (the two gains, the confusion types, how common the written and
the repaired word and characters are, …: FEATURES), its weights and thresholds (one per typo
level, settings.TYPO_LEVELS) data in typo.toml:
bench/typo_fit.py fits them as a logistic regression, which the hand-set weights shipped still beat
out of fold (resources/typo_model/README.md). Real-word slips
(白鹅疫情 for 白蛾疫情: the slip is a word too) are reachable: nothing requires the written text to be
a non-word.

Detect first, repair second: a character in two or more trigrams edited text uses (seen three times
or more by the model: with its two neighbours, or with the two before, or with the two after) is left
alone; elsewhere only the confusable characters that make such a trigram or a common two-character
word are scored. A character between two known pairs, or in one known trigram, is still tried (国物院,
实施过成中, 制定心要的, 国务完有关: each pair is edited text, the three characters are not), which is
where many real-word slips sit, but only with the characters that make a known trigram there, and
with the whole words of the same syllables that make known trigrams on both sides. So a
100,000-character draft costs some thousands of candidate scorings (one character in about 7 of
unseen legal text is a suspect: bench/typo_precision.py --gates), not millions.

Confusion sets: pycorrector's same_pinyin.txt and same_stroke.txt (Apache-2.0) and ECSpell's sound
and shape sets (MIT), resources/confusion/README.md. Never touched: names (jieba's tags for
people, places, organisations, other proper nouns), numbers, wording inside “” (not a 《title》), a verb's
resultative 到 (干到什么程度 is no 感到), the user's accepted words (the engine drops findings on them).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from ..resources import resource_path
from ..text.hanzi import HANZI, HANZI_RANGES, is_hanzi
from ..text.segmenter import dictionary_total, pos_table, tokenizer
from ..text.structure import quoted_spans
from .ngram import BOS, EOS, SCALE, NgramModel
from .rules import Example, Hit, Rule, RuleError, example_of, number_of
from .settings import STANDARD, THOROUGH, TYPO_LEVELS
from .typo_model import ORDER, shipped_model

# Names (jieba's tags for people, places, organisations, other proper nouns) and numbers: never a
# slip. A single character jieba calls a name is no name: it tags any stray surname character nr
# (药品菅理法: 菅).
NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nsf", "nt", "nz"}
UNTOUCHED_TAGS = NAME_TAGS | {"m", "eng"}
# A word jieba's dictionary tags as a person's name or another proper noun yet counts this often is
# an ordinary word its tagging got wrong (滑雪, 师傅, 桂花, 卫护, 松驰 nr; 抗议, 白鹅 nz): not a name; nor
# is a two-character "place" it counts 100 times or more (保鲜, 金国, 新江 ns: 社会保鲜, 金国机构编制,
# 新江生产建设兵团). Longer places stay untouched whatever their count (沈阳市 is no slip for 信阳市).
# At 100 for nr and nz: odw-dev R 0.550 → 0.553; down to 10 and the common two-character places:
# R 0.581 → 0.586 (threshold 0), P 0.968, no finding more on the seeds or corpus-extra.
MISTAGGED = {"nr": 10, "nz": 10}
MISTAGGED_PLACE = ("ns", 2, 100)  # tag, length, count
# A pronoun standing alone (不准她批文件: 她 is no slip for 大) is never swapped.
LONE_UNTOUCHED_TAGS = {"r"}
# Characters whose slips belong to other rules (的/地/得 by structure) or are no slips at all (他, 她,
# 它: which one is the writer's choice; 关心她们的特殊利益 is no slip for 他们).
LEFT_TO_OTHER_RULES = set("的地得他她它")
# A numeral opening a clause is an ordinal of a list (一要…二要…七要及时完善), never a slip for 只.
ORDINAL = re.compile(f"(?<![{HANZI_RANGES}])[一二三四五六七八九十]")
# A verb character before these is a verb with its resultative complement (干到什么程度, 抓到实处,
# 做到位), never a slip for the first half of a word (感到, 达到).
RESULTATIVE = set("到")
# What names a place or a body after its proper name (尤李社区, 芹泉镇, 一冶集团): the two characters
# before one are a name jieba does not know, never a slip.
NAMED_BY = ("社区", "街道", "镇", "乡", "村", "县", "集团", "公司", "嘎查", "苏木")
# A person is named before the form of address 公文 gives them (请李保国同志发言, 会议由钟扬同志主持):
# the two or three characters of the name, which jieba mostly does not know, are no slip, and neither
# is the character before them that a repair of the whole word would take along (请李 → 清理).
ADDRESS = "同志"
NAME_REACH = 3  # a name's characters before the address
# Wording inside “” is quoted as written (a slogan, a speech), never repaired; a 《title》 is not
# spared: the writer types a law's or a plan's name and slips there as anywhere (传染病防止法, 规划刚要,
# 机构贬值工作条例: 20 wrong characters on odw-dev; odw-dev R 0.569 → 0.581 at threshold 0, P 0.967 →
# 0.968, no finding more on the seeds or corpus-extra).
TITLE = "《"
PARALLEL_REACH = 6  # how far a parallel partner of a flagged word is looked for
ROUTE_REACH = 4  # characters either side of the slip that the word route reads
MAX_WORD = 4  # the longest word the route tries
LOG10 = SCALE / math.log(10)  # natural log → thousandths of log10
# A repair the character model does not find this much likelier than the text as written is not
# scored further (the word route is the dearer half): on odw-dev, 4 of 488 findings above the
# margins had a lower model gain.
MIN_MODEL_GAIN = 1000
_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def confusion_sets() -> tuple[dict[str, str], dict[str, str]]:
    """(sound, shape): character → the characters a typist puts in its place, read from the bundled
    tables (pycorrector's and ECSpell's). Kept as strings: a set of one-character strings costs
    twenty times the memory, and a membership test in a few dozen characters is as quick."""
    sound: dict[str, list[str]] = {}
    shape: dict[str, list[str]] = {}
    for name, table in (("same_pinyin.txt", sound), ("ecspell_sound.tsv", sound), ("ecspell_shape.tsv", shape),
                        ("glyph_shape.tsv", shape)):
        for line in resource_path("confusion", name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                char, _, others = line.partition("\t")
                table.setdefault(char, []).append("".join(HANZI.findall(others)))
    for line in resource_path("confusion", "same_stroke.txt").read_text(encoding="utf-8").splitlines():
        group = "".join(c for c in line.split("\t") if len(c) == 1 and is_hanzi(c))
        for char in group:  # a group of look-alikes: each stands for each
            shape.setdefault(char, []).append(group)
    return _with_same_syllable(_both_ways(sound)), _both_ways(shape)


@lru_cache(maxsize=1)
def same_syllable() -> dict[str, str]:
    """Character → the characters edited 公文 use that have its syllable, tones aside (most common
    readings; same_syllable.tsv, built with pypinyin): what a pinyin input method offers for the
    keys typed, rarer characters than the other tables hold included (菓 for 国, 弘 typed 红)."""
    found: dict[str, str] = {}
    for line in resource_path("confusion", "same_syllable.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _, common, others = line.split("\t")
            for char in common + others:
                found[char] = common.replace(char, "")
    return found


def _with_same_syllable(table: dict[str, str]) -> dict[str, str]:
    """``table`` with each character's same-syllable characters added, one way only: a common
    character is never repaired to a rare one."""
    for char, alike in same_syllable().items():
        table[char] = "".join(sorted(set(table.get(char, "") + alike)))
    return table


def _both_ways(table: dict[str, list[str]]) -> dict[str, str]:
    """Each character with the characters alike, whichever of the two a table lists the other
    under (菅 is listed among 管's look-alikes, 管 not among 菅's)."""
    alike: dict[str, list[str]] = {char: list(others) for char, others in table.items()}
    for char, others in table.items():
        for other in set("".join(others)):
            alike.setdefault(other, []).append(char)
    return {char: "".join(sorted(set("".join(others)) - {char})) for char, others in alike.items()}


@lru_cache(maxsize=1)
def homophones() -> dict[str, str]:
    """Character → the characters of the same syllable, any tone (pycorrector's same_pinyin.txt,
    second and third column): what a pinyin input method offers for the same keys."""
    found: dict[str, str] = {}
    for line in resource_path("confusion", "same_pinyin.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            char, *others = line.split("\t")
            found[char] = "".join(sorted({c for c in "".join(others[:2]) if is_hanzi(c) and c != char}))
    return _with_same_syllable(found)


@lru_cache(maxsize=1)
def confusables() -> dict[str, str]:
    """Character → every character confused with it, by sound or by shape."""
    sound, shape = confusion_sets()
    return {char: "".join(sorted(set(sound.get(char, "") + shape.get(char, "")))) for char in sound.keys() | shape.keys()}


@lru_cache(maxsize=4)
def common_pairs(min_frequency: int, by: int) -> dict[str, frozenset[str]]:
    """The two-character words at least ``min_frequency`` common, indexed by one character
    (``by``: 1, second character → the first characters it follows; 0, first character → the
    seconds that follow it)."""
    index: dict[str, set[str]] = {}
    for word, frequency in tokenizer().FREQ.items():
        if len(word) == 2 and frequency >= min_frequency:
            index.setdefault(word[by], set()).add(word[1 - by])
    return {k: frozenset(v) for k, v in index.items()}


class Context:
    """What the detector reads: the model, the trigram middles it knows (left + right character →
    the characters seen between them), the confusion sets and jieba's frequencies."""

    def __init__(self, model: NgramModel, min_frequency: int, word_min_frequency: int):
        self.model = model
        self.middles = model.middles  # left + right → the characters seen between them
        self.sound, self.shape = confusion_sets()
        self.homophones = homophones()
        # made when first asked (all homophone sets at once: 25 MB)
        self._homophone_sets: dict[str, frozenset[str]] = {}
        self._word_starts: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        self.any = confusables()
        self.firsts, self.seconds = common_pairs(min_frequency, 1), common_pairs(min_frequency, 0)
        self.word_seconds = common_pairs(word_min_frequency, 0)  # for whole words of the same syllables
        self.freq = tokenizer().FREQ
        self.log_total = math.log(dictionary_total())
        self._words_sounding_like = lru_cache(maxsize=4096)(self._sound_alike_words)

    def route(self, text: str) -> tuple[float, list[int]]:
        """jieba's best segmentation of ``text``: its log probability and where its words end."""
        freq, log_total, size = self.freq, self.log_total, len(text)
        best: list[tuple[float, int]] = [(0.0, size)] * (size + 1)
        for k in range(size - 1, -1, -1):
            choice = (math.log(freq.get(text[k], 0) or 1) - log_total + best[k + 1][0], k + 1)
            for end in range(k + 2, min(size, k + MAX_WORD) + 1):
                count = freq.get(text[k:end])
                if count:
                    score = math.log(count) - log_total + best[end][0]
                    if score > choice[0]:
                        choice = (score, end)
            best[k] = choice
        ends, k = [], 0
        while k < size:
            k = best[k][1]
            ends.append(k)
        return best[0][0], ends

    def candidates(self, padded: str, j: int, between_known_pairs: bool = False) -> set[str]:
        """The confusable characters for padded[j] that make a known trigram or a common word; only
        those that make a known trigram when both pairs around it are known or a known trigram holds
        it (制定心要的 → 定必要: there nearly every confusable character makes some common word, and
        trying them all tripled the detector's cost for little more recall)."""
        char, left, right = padded[j], padded[j - 1], padded[j + 1]
        table = self.any.get(char)
        if not table:
            return set()
        found = {c for c in self.middles.get(left + right, "") if c in table}
        if not between_known_pairs:
            firsts, seconds = self.firsts.get(right, frozenset()), self.seconds.get(left, frozenset())
            found.update(c for c in table if c in firsts or c in seconds)
        return found

    def word_candidates(self, padded: str, j: int) -> frozenset[str]:
        """Common two-character words typed with the same keys as padded[j:j + 2] (each character
        of the same syllable, both replaced): a pinyin input method's wrong pick of a whole word
        (支招 for 执照, 神灵 for 申领)."""
        return self._words_sounding_like(padded[j:j + 2])

    def in_known_trigrams(self, padded: str, k: int, words: frozenset[str]) -> frozenset[str]:
        """The two-character ``words`` that, put at padded[k:k + 2], make a trigram of edited text
        both with the character before and with the one after (integer keys: no string built)."""
        trigrams, left, right = self.model.trigrams, ord(padded[k - 1]) << 32, ord(padded[k + 2])
        return frozenset(word for word in words if (key := ord(word[0]) << 16 | ord(word[1])) | left in trigrams
                         and key << 16 | right in trigrams)

    def _sound_alike_words(self, written: str) -> frozenset[str]:
        starts, seconds = self._word_starts.get(written[0]), self._homophone_sets.get(written[1])
        if seconds is None:
            seconds = self._homophone_sets[written[1]] = frozenset(self.homophones.get(written[1], ""))
        if starts is None:  # the homophones that begin a word common enough, each with the seconds that follow it
            pairs = self.word_seconds
            starts = self._word_starts[written[0]] = tuple((first, pairs[first]) for first in self.homophones.get(written[0], "")
                                                         if first in pairs)
        return frozenset(first + second for first, following in starts for second in following & seconds)

    def kinds(self, written: str, replacement: str) -> tuple[str, ...]:
        """The confusion type of each character replaced: sound or shape; a whole word of the same
        syllables is one slip of kind homophone."""
        if len(written) == 2 and all(new in self.homophones.get(old, ()) for old, new in zip(written, replacement)):
            return ("homophone",)
        return tuple("sound" if new in self.sound.get(old, ()) else "shape" for old, new in zip(written, replacement))

    def gains(self, padded: str, j: int, candidates: set[str]) -> Iterator[tuple[str, int, float, float]]:
        """(replacement, the character model's gain, the word route's gain, the written text's
        log probability per character around the slip; thousandths of log10) for each candidate at
        padded[j] that the character model finds at least MIN_MODEL_GAIN likelier than the text as
        written (the word route, the dearer half, is read for those only).
        Only the few characters around the slip are rebuilt per candidate."""
        size = len(next(iter(candidates)))
        first, last = max(0, j - ORDER + 1), min(len(padded), j + size - 1 + ORDER)
        low, high = max(1, j - ROUTE_REACH), min(len(padded) - 1, j + size + ROUTE_REACH)
        model, at, end = self.model, j - first, last - first
        before, after, route_before, route_after = padded[first:j], padded[j + size:last], padded[low:j], padded[j + size:high]
        written_model = model.span_logprob(padded[first:last], at, end)
        floor = written_model + MIN_MODEL_GAIN
        written_route = None
        for replacement in candidates:
            repaired_model = model.span_logprob(before + replacement + after, at, end, floor)
            if repaired_model is None:
                continue
            if written_route is None:
                written_route = self.route(padded[low:high])[0]
            route_gain = self.route(route_before + replacement + route_after)[0] - written_route
            yield replacement, repaired_model - written_model, route_gain * LOG10, written_model / (end - at)


def suspicious(padded: str, known) -> dict[int, bool]:
    """Positions in ``padded`` (BOS + text + EOS) of hanzi in no trigram the model knows (with the two
    characters before, around or after), or in one only, with the two before or the two after: the
    only places worth trying a repair, each with whether one known trigram holds it (then only the
    characters that make a known trigram are tried, as between two known pairs). A known trigram
    around the character (its two neighbours) clears it: trying those too cost 12 % more of the
    character model's lookups and found nothing more on odw-dev or law-dev. Both pairs around a
    character may be known (制定心要的: 定心 and 心要 are words): asking for an unknown pair as well left 100 of odw-dev's 763 wrong
    characters that the confusion sets hold untried (without that condition, and with
    Context.candidates' narrower choice there, sentence recall went 0.471 → 0.508 on odw-dev, 0.576
    → 0.615 on law-dev, precision 0.97 on both). One known trigram is weak evidence too (水务总局
    for 税务总局: 水务总 is edited text): of odw-dev's wrong characters no gate tried, 83 of 96 sit in
    one known trigram (bench/typo_precision.py --gates). ``known``: a model's probs;
    its trigram lookups are the cost every character pays."""
    return {j: one for j, one in known.thinly_seen(padded).items()
            if padded[j] not in LEFT_TO_OTHER_RULES and is_hanzi(padded[j])}


def _tagged_wrong(word: str, tag: str, count: int) -> bool:
    """A word jieba tags as a name or a place but counts as a common word (MISTAGGED, MISTAGGED_PLACE)."""
    if tag in MISTAGGED:
        return count >= MISTAGGED[tag]
    place_tag, place_length, place_count = MISTAGGED_PLACE
    return tag == place_tag and len(word) == place_length and count >= place_count


def untouched_positions(paragraph) -> set[int]:
    """Characters never repaired: names (and the two characters before 社区, 镇, 集团…), numbers,
    a list's ordinals, a lone pronoun, wording inside “”, a verb's resultative 到."""
    text, blocked = paragraph.text, set()
    tags = pos_table()
    freq = tokenizer().FREQ
    for token, tag in paragraph.tagged:
        if _tagged_wrong(token.text, tag, freq.get(token.text, 0)):
            continue
        if (tag in UNTOUCHED_TAGS and (len(token.text) > 1 or tag not in NAME_TAGS)
                or tag in LONE_UNTOUCHED_TAGS and len(token.text) == 1):
            blocked.update(range(token.start, token.end))
        if token.text in NAMED_BY:
            blocked.update(range(max(0, token.start - 2), token.start))
    for mark in RESULTATIVE:
        at = text.find(mark, 1)
        while at != -1:
            if tags.get(text[at - 1], "").startswith("v"):
                blocked.add(at - 1)
            at = text.find(mark, at + 1)
    blocked.update(match.start() for match in ORDINAL.finditer(text))
    for left, right in quoted_spans(text):
        if text[left] != TITLE:
            blocked.update(range(left, right))
    return blocked


# What the decision weighs for each candidate repair (ContextRule.judged), each with a weight in
# typo.toml (bench/typo_fit.py fits them; resources/typo_model/README.md).
FEATURES = ("model", "route", "written_fit", "sound", "shape", "homophone", "written_word", "broken", "repaired_word",
            "phrase", "written_char", "repaired_char", "name")


class ContextRule(Rule):
    """A character that does not fit its context, one confusable character away from a clearly
    likelier sentence, the repaired word two characters or more (a lone character for another,
    或 for 和, is left to the lists). Whether a candidate repair is reported is a linear decision:
    ``weights`` (one per name in FEATURES, and ``bias``; hand-set, in log10 units, which beat a
    fitted logistic regression out of fold) times the candidate's features must exceed
    the threshold of the user's typo level (``thresholds``: 稳妥 the higher, 全面 the lower; a hit
    past the lower only is marked ``thorough_only``); ``min_frequency``: how common (jieba's
    count) a two-character word must be to propose it for one character replaced;
    ``word_min_frequency``: for both, a whole word of the same syllables (拐卖 for 乖买).
    ``thorough_bad``: examples only 全面 finds."""

    once_in_document = True  # a word the document writes twice is meant (engine.py)

    def __init__(self, spec: dict, category: str):
        super().__init__(spec, category)
        weights = spec.get("weights", {})
        if set(weights) != {"bias", *FEATURES} or not all(
                isinstance(w, (int, float)) and math.isfinite(w) for w in weights.values()):
            raise RuleError(f"rule {self.id}: weights needs a number for bias, {', '.join(FEATURES)}")
        self.weights = dict(weights)
        thresholds = spec.get("thresholds")
        if not isinstance(thresholds, dict) or set(thresholds) != set(TYPO_LEVELS) or not all(
                isinstance(t, (int, float)) and math.isfinite(t) for t in thresholds.values()):
            raise RuleError(f"rule {self.id}: thresholds needs a number for {', '.join(TYPO_LEVELS)}")
        if thresholds[STANDARD] < thresholds[THOROUGH]:
            raise RuleError(f"rule {self.id}: the {STANDARD} threshold must be at least the {THOROUGH} one")
        self.thresholds: dict[str, float] = dict(thresholds)
        self.thorough_bad: list[Example] = [example_of(e) for e in spec.get("examples", {}).get(THOROUGH, [])]
        self.min_frequency = number_of(spec, "min_frequency", self.id)
        self.word_min_frequency = number_of(spec, "word_min_frequency", self.id)
        self.model: NgramModel | None = None  # the shipped one unless set (the benchmark's folds)

    @property
    def context(self) -> Context:
        model = self.model or shipped_model()
        return _context(model, self.min_frequency, self.word_min_frequency)

    def scored(self, paragraph) -> Iterator[tuple[int, str, tuple[str, ...], int, float, float]]:
        """(position, replacement, confusion type of each character replaced, the character model's
        gain, the word route's gain, how well the written text fits: Context.gains) of every candidate worth scoring: one character at a suspect,
        or a whole word of the same syllables over a suspect and a neighbour."""
        context = self.context
        padded = BOS + paragraph.text + EOS
        suspects = suspicious(padded, context.model.probs)
        if not suspects:
            return
        blocked = {j + 1 for j in untouched_positions(paragraph)}
        suspects = {j: one for j, one in suspects.items() if j not in blocked}
        # Where a whole word was tried → whether only its candidates in known trigrams were (narrow).
        # A word two suspects share is tried once with all its candidates; tried narrow first, it is
        # tried again from a wide suspect with the rest of them; never again after a wide try.
        words_tried: dict[int, bool] = {}
        known = context.model.probs
        for j in suspects:
            char = padded[j]
            narrow = suspects[j] or padded[j - 1:j + 1] in known and padded[j:j + 2] in known
            candidates = context.candidates(padded, j, narrow) - LEFT_TO_OTHER_RULES
            if candidates:
                for replacement, *figures in context.gains(padded, j, candidates):
                    yield j - 1, replacement, context.kinds(char, replacement), *figures
            if suspects[j]:  # held by one known trigram: no whole word (twice the word sets built for R +0.001)
                continue
            for k in (j - 1, j):
                if narrow and padded[k:k + 2] not in context.freq:
                    # between two known pairs a written word may be a whole word's slip (征服 for
                    # 政府, 只许 for 秩序): only words making edited text's trigrams on both sides
                    # are tried there (odw-dev R +0.014 at threshold 0)
                    continue
                if (words_tried.get(k, True) is False or k in words_tried and narrow or k in blocked or k + 1 in blocked
                        or not is_hanzi(padded[k]) or not is_hanzi(padded[k + 1]) or padded[k] in LEFT_TO_OTHER_RULES or padded[k + 1] in LEFT_TO_OTHER_RULES):
                    continue
                candidates = context.word_candidates(padded, k)
                if narrow and candidates:
                    candidates = context.in_known_trigrams(padded, k, candidates)
                elif words_tried.get(k) and candidates:
                    candidates = candidates - context.in_known_trigrams(padded, k, candidates)
                words_tried[k] = narrow
                if candidates:
                    for replacement, *figures in context.gains(padded, k, candidates):
                        yield k - 1, replacement, context.kinds(padded[k:k + 2], replacement), *figures

    def judged(self, paragraph, floor: float = -math.inf) -> Iterator[tuple[int, Hit, dict[str, float]]]:
        """(position, the finding it would make, its features) of every candidate repair past the
        guards: the repaired word two characters or more, written once in the paragraph (寒凉 …
        寒凉 is meant), in no parallel series (一靠教育，二靠制度). A candidate whose score cannot
        exceed ``floor`` whatever its words is dropped before they are looked up (the dearer part)."""
        text, freq, weights = paragraph.text, self.context.freq, self.weights
        top = math.log10(1 + dictionary_total())  # no word's count is larger
        reach = sum(max(0.0, weights[name]) * cap for name, cap in (("written_word", top), ("broken", 1.0), ("repaired_word", top)))
        for position, replacement, kinds, model_gain, route_gain, written_fit in self.scored(paragraph):
            swapped = [position + k for k, new in enumerate(replacement) if text[position + k] != new]
            features = {
                "model": model_gain / 1000, "route": route_gain / 1000, "written_fit": written_fit / 1000,
                "sound": kinds.count("sound"), "shape": kinds.count("shape"), "homophone": kinds.count("homophone"),
                "phrase": float(in_four_character_phrase(text, position)),  # a 四字格 is chosen with care
                "written_char": min(math.log10(1 + freq.get(text[at], 0)) for at in swapped),
                "repaired_char": min(math.log10(1 + freq.get(replacement[at - position], 0)) for at in swapped),
            }
            if self.score(features) + reach <= floor:
                continue
            hit, written_frequency = self._hit(text, position, replacement)
            if (hit.end - hit.start < 2 or text.count(text[hit.start:hit.end]) > 1
                    or any(in_parallel(text, at, hit.start, hit.end, hit.suggestions[0]) for at in swapped)):
                continue
            # a slip that is a common word too is more often written on purpose (国籍, 异议); a repaired
            # word over the name before 同志 is a name jieba does not know (请张富清同志: 请张 → 紧张)
            features.update(written_word=math.log10(1 + written_frequency), broken=float(written_frequency == 0),
                            repaired_word=math.log10(1 + freq.get(hit.suggestions[0], 0)),
                            name=float(any(in_name_before_address(text, at) for at in range(hit.start, hit.end))))
            yield position, hit, features

    def score(self, features: dict[str, float]) -> float:
        """The decision's log-odds that the candidate is a real slip (the weights · the features)."""
        weights = self.weights
        return weights["bias"] + sum(weights[name] * value for name, value in features.items())

    def paragraph_hits(self, paragraph) -> Iterator[Hit]:
        """The hits of the 全面 level; those under the 稳妥 threshold marked thorough_only. Of
        repairs that overlap the likelier is taken, likeliest first, so the hits past the higher
        threshold are the same as if it were the only one."""
        lowest, standard = self.thresholds[THOROUGH], self.thresholds[STANDARD]
        best: dict[int, tuple[float, Hit]] = {}
        for position, hit, features in self.judged(paragraph, lowest):
            score = self.score(features)
            if score > lowest and score > best.get(position, (-math.inf, None))[0]:
                best[position] = (score, hit)
        # of repairs that overlap, the likelier one (建笠健全: 建立健全 for the one character, not 简历 for both)
        taken: list[Hit] = []
        for score, hit in sorted((best[position] for position in sorted(best)), key=lambda pair: -pair[0]):
            if all(hit.end <= other.start or hit.start >= other.end for other in taken):
                taken.append(hit if score > standard else replace(hit, thorough_only=True))
        yield from sorted(taken, key=lambda hit: hit.start)

    def _hit(self, text: str, position: int, replacement: str) -> tuple[Hit, int]:
        """The repaired word around ``position`` and why, in plain words; and how common the slip
        is as a word (jieba's count of the word as written that holds the characters replaced; 0
        when they are single characters)."""
        low, high = max(0, position - ROUTE_REACH), min(len(text), position + ROUTE_REACH + 1)
        repaired = text[:position] + replacement + text[position + len(replacement):]
        context = self.context
        start, end = _word_around(context.route(repaired[low:high])[1], low, position)
        written, fixed = text[start:end], repaired[start:end]
        ends = context.route(text[low:high])[1]
        changed = [i for i in range(position, position + len(replacement)) if text[i] != repaired[i]]
        written_words = {_word_around(ends, low, i) for i in changed}
        if all(b - a == 1 for a, b in written_words):  # the slip left single characters
            why = f"“{written}”不成词，前后文更像“{fixed}”。"
            return Hit(start, end, (fixed,), values=(("fix", fixed), ("why", why))), 0
        first, last = _word_around(ends, low, start)[0], _word_around(ends, low, end - 1)[1]
        if last - first < 4:  # a word more, for the reader to see the context
            if first > low:
                first = _word_around(ends, low, first - 1)[0]
            elif last < high:
                last = _word_around(ends, low, last)[1]
        why = f"“{text[first:last]}”在此处不通，前后文更像“{repaired[first:last]}”。"
        frequency = max(context.freq.get(text[a:b], 0) for a, b in written_words if b - a > 1)
        return Hit(start, end, (fixed,), values=(("fix", fixed), ("why", why))), frequency


def in_four_character_phrase(text: str, position: int) -> bool:
    """Whether text[position] is one of a run of exactly four hanzi between marks or the paragraph's
    ends (，倡俭治奢，, 、偷逃骗税、, 存于匠心。): a 四字格, wording chosen with care, set phrases and
    idioms the model of 公文 does not all know."""
    start = end = position
    while start > 0 and is_hanzi(text[start - 1]):
        start -= 1
    while end < len(text) and is_hanzi(text[end]):
        end += 1
    return end - start == 4


def in_name_before_address(text: str, position: int) -> bool:
    """Whether text[position] is one of the NAME_REACH characters before 同志 (李保国同志, 钟扬同志):
    part of a person's name."""
    return any(text.startswith(ADDRESS, position + k) for k in range(1, NAME_REACH + 1))


def in_parallel(text: str, position: int, start: int, end: int, fixed: str) -> bool:
    """Whether the two characters text[start:end], the one at ``position`` to be swapped, are one
    of a parallel series: nearby, the same character frames another one in that place (一靠教育，
    二靠制度; 优生、优育、优教; 不廉不勤): wording chosen on purpose, not a slip. The repaired word
    itself nearby (推近…推进) is no such series."""
    if end - start != 2:
        return False
    kept, slot = (text[start + 1], 0) if position == start else (text[start], 1)
    for other in range(max(0, start - PARALLEL_REACH), min(len(text) - 1, end + PARALLEL_REACH)):
        if ((other + 2 <= start or other >= end) and text[other + 1 - slot] == kept
                and text[other + slot] != text[position] and text[other:other + 2] != fixed):
            return True
    return False


def _word_around(ends: list[int], offset: int, position: int) -> tuple[int, int]:
    """The word of a route (its word ends, relative to ``offset``) that holds ``position``."""
    start = offset
    for end in ends:
        if offset + end > position:
            return start, offset + end
        start = offset + end
    return position, position + 1


@lru_cache(maxsize=4)
def _context(model: NgramModel, min_frequency: int, word_min_frequency: int) -> Context:
    return Context(model, min_frequency, word_min_frequency)


KINDS = {"context": ContextRule}
