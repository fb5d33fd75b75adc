"""Build the generated part of typo.tsv: pinyin-input slips in 成语 and 习用语. A writer types an
idiom two syllables at a time; where those two syllables also spell a common word, the input
method offers that word first and the slip goes unnoticed: 谈笑风生 → 谈笑风声 (风声), 迫不及待 →
迫不急待 (急待). A development tool, not part of the app: it needs pypinyin (MIT), in
a scratch environment, and the corpora beside the clone.

    python -m venv /tmp/pyv && /tmp/pyv/bin/pip install pypinyin
    PYTHONPATH=. /tmp/pyv/bin/python resources/lexicons/tools/make_idiom_slips.py [--tier homophone] > /tmp/slips.tsv
(jieba and opencc come from the project's .venv: add its site-packages to PYTHONPATH.)

Two tiers, both keeping a slip only when the wrong form is not a word in jieba's dictionary (so
accepted variants such as 惟妙惟肖/唯妙唯肖 never count) nor part of a longer one, does not occur in the
seed corpus or corpus-extra, and the two characters are not simplified/traditional forms of each other.

- ``ime`` (成语同音误写): idioms jieba tags ``i`` that are well known (a frequency of at least
  MIN_IDIOM_FREQUENCY there) or stand in the corpora; any character of the same toneless reading
  (pypinyin); the typed half is a word of jieba's dictionary at least MIN_SLIP_FREQUENCY common and
  twice as common as the idiom's own half. One slip per idiom: the likeliest (the commonest typed word).
- ``homophone`` (成语同音字误写): every four-character idiom (``i``) and every well-known 习用语 (``l``)
  of jieba's dictionary; one character replaced by one of the same reading and tone
  (resources/confusion/same_pinyin.txt), the typed half a dictionary word at least MIN_TYPED_FREQUENCY
  common; at most one slip per half, the commonest replacement. The wrong form must not read as
  ordinary text (措施不利, 一并不起诉): it is dropped when jieba cuts it into words only (two two-character
  words, or one word and one character), or into pieces every one of which is common
  (COMMON_PIECE). Entries already listed (by either tier or by hand) are left out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from assistant.core.conversion import opencc_for  # noqa: E402
from assistant.core.text.segmenter import pos_table, tokenizer  # noqa: E402

MIN_IDIOM_FREQUENCY = 30
# The half of the idiom the input method turned into a common word (风生 → 风声, 及待 → 急待).
MIN_SLIP_FREQUENCY = 200
MIN_TYPED_FREQUENCY = 20
# A piece this common in jieba's dictionary is ordinary text (一, 不, 之间, 一生 …).
COMMON_PIECE = 2000
# Removed by hand after reading the mechanical checks' output: right text in a sentence
# (一并不起诉, 视时机而定, 以三人为重点, 大部如前所述, 此事一言未定).
READ_AS_TEXT = {"一并不起", "时机而定", "三人为重", "大部如前", "一言未定"}
MIN_PHRASE_FREQUENCY = 30  # 习用语 (tag l) below this are mostly fragments (党的基本)
EXTRA = ROOT.parent / "shared" / "corpus-extra"
LEXICON = ROOT / "resources" / "lexicons" / "typo.tsv"


def level1(ch: str) -> bool:
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


class Sources:
    """jieba's dictionary, the corpora and the conversions both tiers check against."""

    def __init__(self) -> None:
        self.freq = tokenizer().FREQ
        self.tags = pos_table()
        self.corpus = "".join(p.read_text(encoding="utf-8") for folder in (ROOT / "resources" / "corpus", EXTRA)
                              for p in sorted(folder.glob("*.txt")))
        self.grams = {self.corpus[i:i + 4] for i in range(len(self.corpus) - 3)}
        self.char_count: dict[str, int] = {}
        for ch in self.corpus:
            self.char_count[ch] = self.char_count.get(ch, 0) + 1
        self.inside = {w[i:i + 4] for w, f in self.freq.items() if len(w) > 4 and f for i in range(len(w) - 3)}
        self.t2s, self.s2t = opencc_for("t2s"), opencc_for("s2t")
        # Four-character words by pattern with one position open: 含辛茹? → 苦, 若.
        self.neighbours: dict[tuple[int, str], list[str]] = {}
        for word in self.freq:
            if len(word) == 4 and self.freq[word]:
                for k in range(4):
                    self.neighbours.setdefault((k, word[:k] + "?" + word[k + 1:]), []).append(word[k])

    def same_form(self, a: str, b: str) -> bool:
        return a == b or self.t2s.convert(a) == b or self.s2t.convert(a) == b

    def unknown(self, wrong: str) -> bool:
        """Not a word, not inside a longer word, never in the edited corpora."""
        return not self.freq.get(wrong) and wrong not in self.tags and wrong not in self.inside and wrong not in self.grams


def by_sound() -> dict[str, list[str]]:
    """Level-1 characters by their usual toneless reading (说 is shuo, not the classical yue):
    what a pinyin input method offers for a syllable."""
    sounds: dict[str, list[str]] = {}
    for ch in (chr(c) for c in range(0x4E00, 0xA000)):
        if level1(ch):
            sounds.setdefault(lazy_pinyin(ch, style=Style.NORMAL)[0], []).append(ch)
    return sounds


def ime_slips(src: Sources) -> list[str]:
    sounds = by_sound()
    freq = src.freq
    idioms = sorted(w for w, tag in src.tags.items()
                    if tag == "i" and len(w) == 4 and all(map(level1, w))
                    and (freq.get(w, 0) >= MIN_IDIOM_FREQUENCY or w in src.corpus))
    rows = []
    for idiom in idioms:
        readings = lazy_pinyin(idiom, style=Style.NORMAL)
        best = None
        for k, (ch, reading) in enumerate(zip(idiom, readings)):
            half = k // 2 * 2
            for other in sounds.get(reading, ()):
                if src.same_form(other, ch):
                    continue
                wrong = idiom[:k] + other + idiom[k + 1:]
                typed = wrong[half:half + 2]  # the two syllables the writer typed as one word
                score = freq.get(typed, 0)
                if score < MIN_SLIP_FREQUENCY or score < 2 * freq.get(idiom[half:half + 2], 0):
                    continue
                if freq.get(wrong) or wrong in src.corpus:
                    continue
                if best is None or score > best[0]:
                    best = (score, wrong)
        if best is not None:
            rows.append(f"{best[1]}\t{idiom}\t\t成语同音误写")
    return rows


def reads_as_text(wrong: str, src: Sources) -> bool:
    pieces = tokenizer().lcut(wrong, HMM=False)
    return (len(pieces) <= 2 or all(len(p) >= 2 for p in pieces)
            or all(src.freq.get(p, 0) >= COMMON_PIECE for p in pieces))


def better_form(idiom: str, src: Sources) -> bool:
    """jieba's dictionary also holds misspelt idioms (含辛茹若 beside 含辛茹苦): one whose form a
    commoner dictionary word differs from by one character is never offered as a fix."""
    own = src.freq.get(idiom, 0)
    return any(src.freq.get(idiom[:k] + ch + idiom[k + 1:], 0) > own
               for k in range(len(idiom)) for ch in src.neighbours.get((k, idiom[:k] + "?" + idiom[k + 1:]), ()))


def homophone_slips(src: Sources, listed: set[str]) -> list[str]:
    sounds = by_sound()
    freq = src.freq
    idioms = sorted(w for w, tag in src.tags.items()
                    if len(w) == 4 and all(map(level1, w)) and w not in src.inside
                    and (tag == "i" or (tag == "l" and freq.get(w, 0) >= MIN_PHRASE_FREQUENCY)))
    rows = []
    for idiom in idioms:
        if better_form(idiom, src):
            continue
        candidates = []
        for k, (ch, reading) in enumerate(zip(idiom, lazy_pinyin(idiom, style=Style.NORMAL))):
            half = k // 2 * 2
            if freq.get(idiom[half:half + 2]):
                continue  # 处世 → 处事, 报道 → 报导: a word for a word reads as text (处事之道)
            for other in sounds.get(reading, ()):
                wrong = idiom[:k] + other + idiom[k + 1:]
                typed = freq.get(wrong[half:half + 2], 0)
                if (src.same_form(other, ch) or wrong in listed or wrong in READ_AS_TEXT or typed < MIN_TYPED_FREQUENCY
                        or not src.unknown(wrong) or reads_as_text(wrong, src)):
                    continue
                candidates.append((typed, half, wrong))
        taken = set()
        for _, half, wrong in sorted(candidates, reverse=True):
            if half not in taken:
                taken.add(half)
                rows.append(f"{wrong}\t{idiom}\t\t成语同音字误写")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tier", choices=["ime", "homophone"], default="ime")
    parser.add_argument("--listed", type=Path, default=LEXICON,
                        help="entries to leave out (typo.tsv without the rows being remade)")
    arguments = parser.parse_args()
    tier = arguments.tier
    src = Sources()
    if tier == "ime":
        rows = ime_slips(src)
    else:
        listed = {line.split("\t")[0] for line in arguments.listed.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}
        rows = homophone_slips(src, listed)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
