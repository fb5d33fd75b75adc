"""Segmentation: our one-pass reading of jieba's accurate mode gives jieba's own words, and the
checker's ``cut`` splits only compounds of two dictionary words."""

from __future__ import annotations

import jieba
import pytest

from assistant.core.checker.text import TOKEN_SLICE, Paragraph, Token, sliced
from assistant.core.text import jieba_cut
from assistant.core.text.jieba_cut import lcut
from assistant.core.text.segmenter import cut, pos_table, tokenizer
from tests.conftest import CORPUS

# What jieba treats specially: whitespace runs and \r\n, letters and digits with +#&._%-, marks
# outside a block, names and unknown runs its HMM joins, user-dictionary words, the empty text.
AWKWARD = ["", " ", "\r\n", "a  b\t\tc\r\n\r\nd", "GB/T 9704-2012《党政机关公文格式》", "C++ & C# 50% 3.14-2.0",
           "王晓明同志主持会议，李建华、赵丽颖出席。", "真抓实干，压实责任", "龘龘龘龘", "……——！？", "ａｂｃ１２３",
           "我们要再接再厉，争取更大成绩。\n\n深入基层，深入群众。", "😀表情\u3000全角空格"]
SAMPLE = 12_000


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    """The opening of every text of the seed corpus and corpus-extra as collected (entities, pinyin,
    mojibake …): some 600,000 characters."""
    return [path.read_text(encoding="utf-8")[:SAMPLE] for folder in (CORPUS, CORPUS / "extra")
            for path in sorted(folder.glob("*.txt"))]


def test_the_corpora_get_jiebas_own_words(corpus_texts):
    jieba = tokenizer()
    assert len(corpus_texts) > 50
    different = [text[:30] for text in corpus_texts if lcut(jieba, text) != jieba.lcut(text)]
    assert not different


@pytest.mark.parametrize("kept", [jieba_cut.HMM_KEPT, 3])
def test_the_hmm_words_kept_are_those_of_each_run(corpus_texts, monkeypatch, kept):
    """The HMM's words of each run are kept (emptied when ``kept`` are): segmented again, and with
    a small store emptied again and again, the corpora still get jieba's own words."""
    monkeypatch.setattr(jieba_cut, "HMM_WORDS", {})
    monkeypatch.setattr(jieba_cut, "HMM_KEPT", kept)
    jieba = tokenizer()
    texts = [text[:3000] for text in corpus_texts]
    expected = [jieba.lcut(text) for text in texts]
    assert [lcut(jieba, text) for text in texts] == expected
    assert 0 < len(jieba_cut.HMM_WORDS) <= kept
    assert [lcut(jieba, text) for text in texts] == expected


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_gets_jiebas_own_words(text):
    assert lcut(tokenizer(), text) == tokenizer().lcut(text)


def test_cut_splits_compounds_of_two_dictionary_words_only():
    assert cut("深入基层") == ["深入", "基层"]
    assert cut("真抓实干") == ["真抓实干"]  # the 公文 dictionary's word
    assert cut("社会主义") == ["社会主义"]  # lexicalised: common in jieba's dictionary
    assert "".join(cut("我们要深入基层，社会主义建设。")) == "我们要深入基层，社会主义建设。"


def test_a_tie_between_routes_goes_to_the_longer_word_as_in_jieba(tmp_path):
    """甲乙 (1 in 100) is exactly as likely as 甲 then 乙 (10 in 100 each): jieba keeps 甲乙."""
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("甲 10 n\n乙 10 n\n甲乙 1 n\n丙 79 n\n", encoding="utf-8")
    tied = jieba.Tokenizer(str(dictionary))
    tied.tmp_dir = str(tmp_path)
    assert lcut(tied, "丙甲乙丙") == ["丙", "甲乙", "丙"]  # its dictionary loaded on first use, as jieba does
    assert tied.lcut("丙甲乙丙") == ["丙", "甲乙", "丙"]


@pytest.mark.parametrize("text, is_word", [
    ("推进", True), ("一", False), ("ab", False), ("2023年", True), ("①②", False), ("，，", False), ("\u4dff\u4dff", False),
    ("\u3400a", True), ("豈a", True), ("a\u9fff", True), ("  ", False)])
def test_a_token_is_a_word_with_two_characters_or_more_one_a_hanzi(text, is_word):
    """``is_word`` (what repetition rules watch) reads the common hanzi block first, the regex only
    after: the same answer on both sides of each block's edge."""
    assert Token(text, 0).is_word is is_word


MIXED = "认真 的 学习，深入  基层。ab 2023年①② 推进\t改革 X光"


@pytest.mark.parametrize("text", [MIXED, MIXED * 1000], ids=["one line", "pasted: slices of tokens"])
def test_a_paragraphs_tags_and_words_are_read_off_each_token(text):
    """Tags, the tokens other than spaces (what sequence rules walk) and the content words (what
    repetition rules watch) are read off the tokens in C loops, a slice at a time in a long paragraph:
    the same lists as asking each token."""
    paragraph = Paragraph(text)
    tokens, table = paragraph.tokens, pos_table()
    assert paragraph.tags == [table.get(token.text, "x") for token in tokens]
    assert paragraph.tagged == [(t, tag) for t, tag in zip(tokens, paragraph.tags) if not t.text.isspace()]
    assert paragraph.words == [(t, tag) for t, tag in zip(tokens, paragraph.tags) if t.is_word]
    assert 0 < len(paragraph.words) < len(paragraph.tagged) < len(tokens)
    assert len(tokens) > 2 * TOKEN_SLICE or len(text) == len(MIXED)


def test_a_long_list_is_made_in_bounded_slices_that_cover_it_once():
    """No C loop over more than TOKEN_SLICE tokens: between two, the window's thread may take the
    interpreter lock (one loop over a pasted paragraph's 150,000 tokens held it 25–80 ms)."""
    count, asked = 3 * TOKEN_SLICE + 5, []
    made = sliced(count, lambda start, end: asked.append((start, end)) or range(start, min(end, count)))
    assert made == list(range(count))
    assert len(asked) == 4 and all(end - start <= TOKEN_SLICE for start, end in asked)


@pytest.mark.parametrize("text", AWKWARD + ["认真 的 学习的的，的确 的 目的。的", "深入深入 深入。深入基层"])
def test_a_words_places_and_counts_are_those_of_walking_the_tokens(text):
    """Paragraph.places_of finds a word's places among the tokens other than spaces by C scans,
    and counts counts them in C: the same as walking every token."""
    paragraph = Paragraph(text)
    texts = [token.text for token, _ in paragraph.tagged]
    for word in set(texts) | {"的", "深入", "不在其中", " "}:
        assert paragraph.places_of(word) == [index for index, found in enumerate(texts) if found == word]
        assert paragraph.counts[word] == texts.count(word)


def test_the_corpora_words_places_are_those_of_walking_the_tokens(corpus_texts):
    for text in corpus_texts[::10]:
        paragraph = Paragraph(text)
        texts = [token.text for token, _ in paragraph.tagged]
        for word in ("的", "认真", "深入", "。"):
            assert paragraph.places_of(word) == [index for index, found in enumerate(texts) if found == word]
