"""Build the generated part of typo.tsv: pinyin-input slips in well-known 成语. A writer types an
idiom two syllables at a time; where those two syllables also spell a common word, the input
method offers that word first and the slip goes unnoticed: 谈笑风生 → 谈笑风声 (风声), 迫不及待 →
迫不急待 (急待). A development tool, not part of the app: it needs pypinyin (MIT), in
a scratch environment, and the corpora beside the clone.

    python -m venv /tmp/pyv && /tmp/pyv/bin/pip install pypinyin
    PYTHONPATH=. /tmp/pyv/bin/python resources/lexicons/tools/make_idiom_slips.py > /tmp/slips.tsv
(jieba and opencc come from the project's .venv: add its site-packages to PYTHONPATH.)

An idiom is taken when jieba's dictionary tags it ``i`` and it is well known (a frequency of at
least MIN_IDIOM_FREQUENCY there) or stands in the corpora (edited 公文). A slip is kept only when the wrong form is not a word
in jieba's dictionary (so accepted variants such as 惟妙惟肖/唯妙唯肖 never count), does not occur in
the seed corpus or corpus-extra, the typed half is a word of jieba's dictionary at least
MIN_SLIP_FREQUENCY common and twice as common as the idiom's own half, and the two characters are
not simplified/traditional forms of each other. One slip per idiom: the likeliest (the commonest
typed word).
"""

from __future__ import annotations

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
EXTRA = ROOT.parent / "shared" / "corpus-extra"


def level1(ch: str) -> bool:
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xB0 <= code[0] <= 0xD7


def main() -> None:
    freq = tokenizer().FREQ
    tags = pos_table()
    corpus = "".join(p.read_text(encoding="utf-8") for folder in (ROOT / "resources" / "corpus", EXTRA)
                     for p in sorted(folder.glob("*.txt")))
    char_count: dict[str, int] = {}
    for ch in corpus:
        char_count[ch] = char_count.get(ch, 0) + 1
    common = [chr(c) for c in range(0x4E00, 0xA000) if level1(chr(c))]
    by_sound: dict[str, list[str]] = {}
    for ch in common:  # by its usual reading only: 说 is shuo, not the classical yue
        by_sound.setdefault(lazy_pinyin(ch, style=Style.NORMAL)[0], []).append(ch)
    t2s, s2t = opencc_for("t2s"), opencc_for("s2t")
    idioms = sorted(w for w, tag in tags.items()
                    if tag == "i" and len(w) == 4 and all(map(level1, w))
                    and (freq.get(w, 0) >= MIN_IDIOM_FREQUENCY or w in corpus))
    for idiom in idioms:
        readings = lazy_pinyin(idiom, style=Style.NORMAL)
        best = None
        for k, (ch, reading) in enumerate(zip(idiom, readings)):
            half = k // 2 * 2
            for other in by_sound.get(reading, ()):
                if other == ch or t2s.convert(other) == ch or s2t.convert(other) == ch:
                    continue
                wrong = idiom[:k] + other + idiom[k + 1:]
                typed = wrong[half:half + 2]  # the two syllables the writer typed as one word
                score = freq.get(typed, 0)
                if score < MIN_SLIP_FREQUENCY or score < 2 * freq.get(idiom[half:half + 2], 0):
                    continue
                if freq.get(wrong) or wrong in corpus:
                    continue
                if best is None or score > best[0]:
                    best = (score, wrong)
        if best is not None:
            print(f"{best[1]}\t{idiom}\t\t成语同音误写")


if __name__ == "__main__":
    main()
