"""Build resources/confusion/same_syllable.tsv: characters of the same syllable, tones aside.

Why: a pinyin input method offers every character of the syllable typed, and the writer picks the
wrong one (菓家 for 国家, 弘扬 typed 红阳). The bundled sound tables (pycorrector's same_pinyin.txt,
ECSpell's) hold some 3,500 characters and miss rarer ones that a typist is offered (菓, 珵, 烨, 弘):
a pronunciation table is a general fact, not a list learnt from the dev set.

How: each character of jieba's dictionary (what a writer may type, 12,010 hanzi) with its most
common reading by pypinyin (toneless); each syllable line lists the characters edited 公文 use (the
seed corpus and corpus-extra: lookalikes.vocabulary, 2,633), which are what a slip is repaired to,
and then the other characters of that syllable, which are only ever repaired from. Only the most
common reading: pypinyin's other readings include rare ones (厂 ān) that would pair 厂 with 广.

pypinyin (MIT, © 2016 mozillazg, 闲耘; resources/confusion/LICENSE.pypinyin) is needed here only,
never at run time. Run (seconds):
    pip install pypinyin==0.55.0 && .venv/bin/python -m assistant.tools.same_syllable
"""

from __future__ import annotations

from collections import defaultdict

from assistant.core.resources import resource_path
from assistant.core.text.hanzi import is_hanzi
from assistant.core.text.segmenter import tokenizer
from assistant.tools.lookalikes import vocabulary

OUT = ("confusion", "same_syllable.tsv")


def table() -> list[str]:
    """The file's lines: a header, then per syllable: the syllable, the common characters, the others."""
    import pypinyin  # build time only

    common = set(vocabulary())
    typed = sorted({char for word in tokenizer().FREQ for char in word if is_hanzi(char)} | common)
    groups: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for char in typed:
        syllable = pypinyin.lazy_pinyin(char, style=pypinyin.Style.NORMAL)[0]
        if syllable != char:  # pypinyin knows it
            groups[syllable][char not in common].append(char)
    header = (f"# the same syllable, tones aside: pypinyin {pypinyin.__version__} (MIT, LICENSE.pypinyin), each "
              "character's most common reading; assistant/tools/same_syllable.py\n"
              "# syllable<TAB>characters edited 公文 use<TAB>other characters of jieba's dictionary")
    return [header] + [f"{syllable}\t{''.join(common_chars)}\t{''.join(others)}"
                       for syllable, (common_chars, others) in sorted(groups.items())]


def main() -> None:
    lines = table()
    resource_path(*OUT).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{resource_path(*OUT)}: {len(lines) - 1} syllables")


if __name__ == "__main__":
    main()
