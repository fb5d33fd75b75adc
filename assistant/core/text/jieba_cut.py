"""jieba's accurate mode (``Tokenizer.lcut(text)``, HMM on): the same words, in about 60 % of its time.

Segmentation is the largest single cost of a check. jieba builds, per block of hanzi, a dict of
every dictionary word starting at each character (``get_DAG``), then the best route through it
with a generator per character (``calc``), then the words (``__cut_DAG``). Here the best route is
found in one backward pass over plain lists, reading each candidate word as it is found; the
scores are the same floating-point sums in the same order, ties go to the longer word as in
jieba's ``max`` over (score, end), and runs of single characters go to jieba's own HMM
(``finalseg``) exactly as jieba sends them. tests/core/test_segmenter.py holds the two to the same
words on the corpora.
"""

from __future__ import annotations

import math

import jieba
from jieba import finalseg

BLOCK = jieba.re_han_default  # hanzi, letters, digits and +#&._%- : what jieba segments
SPACE = jieba.re_skip_default  # outside a block: whitespace stays whole, the rest one by one
# jieba's HMM words of each run of single characters met, kept: drafts leave the same short runs
# again and again (党的, 这是, 新的: 1,524 runs of the bench document, 975 distinct), and the HMM's
# Viterbi pass takes Python steps per character and state (129 → 87 M instructions on the bench
# document). The words depend on the run alone (and on jieba's force-split words, fixed once the
# tokenizer has loaded the user dictionary). Emptied when full, so it stays small.
HMM_WORDS: dict[str, tuple[str, ...]] = {}
HMM_KEPT = 50_000


def lcut(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """``tokenizer.lcut(text)``."""
    tokenizer.check_initialized()  # jieba loads its dictionary on first use
    words: list[str] = []
    freq, log_total = tokenizer.FREQ, math.log(tokenizer.total)
    for index, block in enumerate(BLOCK.split(text)):
        if not block:
            continue
        if index % 2:  # split() puts the blocks it matched at odd places
            _cut_block(block, freq, log_total, words)
        else:
            for piece in SPACE.split(block):
                if SPACE.match(piece):
                    words.append(piece)
                else:
                    words += piece
    return words


def _cut_block(block: str, freq: dict[str, int], log_total: float, words: list[str]) -> None:
    """jieba's words of one block, appended to ``words``. ``freq`` holds every dictionary word and,
    with frequency 0, every prefix of one: so the words starting at k are read by extending
    block[k:i] while it stays in ``freq``."""
    size = len(block)
    score = [0.0] * (size + 1)  # the best route's log probability from each position to the end
    last = list(range(size))  # where the best route's first word from each position ends (inclusive)
    log, count_of = math.log, freq.get  # one lookup per candidate: None ends the words starting at k
    for k in range(size - 1, -1, -1):
        best = None
        i = k
        count = count_of(block[k])
        while count is not None:
            if count:
                candidate = log(count) - log_total + score[i + 1]
                if best is None or candidate >= best:  # a tie: the longer word, as in jieba
                    best = candidate
                    last[k] = i
            i += 1
            if i == size:
                break
            count = count_of(block[k:i + 1])
        score[k] = best if best is not None else 0.0 - log_total + score[k + 1]
    single = ""
    x = 0
    while x < size:
        y = last[x] + 1
        if y - x == 1:
            single += block[x]
        else:
            if single:
                _add_singles(single, freq, words)
                single = ""
            words.append(block[x:y])
        x = y
    if single:
        _add_singles(single, freq, words)


def _add_singles(run: str, freq: dict[str, int], words: list[str]) -> None:
    """A run of characters the route left single: jieba's HMM finds the words in it unless the run
    is itself a dictionary word."""
    if len(run) == 1:
        words.append(run)
    elif not freq.get(run):
        words += _hmm_words(run)
    else:
        words += run


def _hmm_words(run: str) -> tuple[str, ...]:
    """``finalseg.cut(run)``, kept in HMM_WORDS."""
    found = HMM_WORDS.get(run)
    if found is None:
        if len(HMM_WORDS) >= HMM_KEPT:
            HMM_WORDS.clear()
        found = HMM_WORDS[run] = tuple(finalseg.cut(run))
    return found
