"""The precomputed word table stands in for jieba's own dictionary load: same prefix dictionary,
same total, same tags, so segmentation and tagging are exactly stock jieba's."""

from __future__ import annotations

import subprocess
import sys

import jieba
import jieba.posseg
import pytest

from assistant.core.resources import resource_path
from assistant.core.text import segmenter, word_table

USER_DICTIONARY = str(resource_path(*segmenter.USER_DICTIONARY))


@pytest.fixture(scope="module")
def stock(tmp_path_factory) -> jieba.Tokenizer:
    """jieba as it loads itself: its dictionary file (through its cache), then the 公文 dictionary."""
    instance = jieba.Tokenizer()
    instance.tmp_dir = str(tmp_path_factory.mktemp("jieba-cache"))
    instance.initialize()
    instance.load_userdict(USER_DICTIONARY)
    return instance


@pytest.fixture(scope="module")
def ours() -> jieba.Tokenizer:
    """The app's tokenizer, loaded afresh: jieba's tagger empties a tokenizer's user tags when it
    first tags with it, which another test may have done to the cached one."""
    for cached in (segmenter._table, segmenter.tokenizer, segmenter.pos_table):
        cached.cache_clear()
    return segmenter.tokenizer()


@pytest.fixture(scope="module")
def sample() -> list[str]:
    """Paragraphs of the corpus and two lines of words only the 公文 dictionary knows."""
    paragraphs = [line for path in sorted(resource_path("corpus").rglob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    user_lines = resource_path(*segmenter.USER_DICTIONARY).read_text(encoding="utf-8").splitlines()
    return paragraphs[::40] + ["要" + "，".join(line.split()[0] for line in user_lines if line.strip()) + "。"]


def test_the_shipped_table_is_what_the_installed_jieba_gives():
    """resources/dict/jieba-words.bin is written by `python -m assistant.core.text.word_table`;
    rebuilt from the installed jieba's dict.txt, it is the same."""
    assert word_table.build() == resource_path(*word_table.TABLE_FILE).read_bytes()


def test_the_tokenizer_holds_stock_jiebas_dictionary_in_its_order(stock, ours):
    assert list(ours.FREQ.items()) == list(stock.FREQ.items())
    assert ours.total == stock.total
    assert ours.user_word_tag_tab == stock.user_word_tag_tab


def test_words_and_tags_are_stock_jiebas_on_the_corpus(stock, ours, sample):
    our_tagger, stock_tagger = jieba.posseg.POSTokenizer(ours), jieba.posseg.POSTokenizer(stock)
    assert len(sample) > 100
    for paragraph in sample:
        assert ours.lcut(paragraph) == stock.lcut(paragraph)
        assert [tuple(pair) for pair in our_tagger.cut(paragraph)] == [tuple(pair) for pair in stock_tagger.cut(paragraph)]


def test_the_tag_table_is_the_dictionary_files_tags(stock, ours):
    """What reading jieba's dict.txt and the 公文 dictionary line by line gives."""
    expected: dict[str, str] = {}
    with stock.get_dict_file() as raw:
        lines = raw.read().decode("utf-8").splitlines()
    for line in lines + resource_path(*segmenter.USER_DICTIONARY).read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) == 3:
            expected[fields[0]] = fields[2]
    assert segmenter.pos_table() == expected


def test_a_start_imports_no_jieba_until_it_segments():
    """Importing the segmenter (as every start does) loads neither jieba nor pkg_resources."""
    code = ("import sys; import assistant.core.text.segmenter as s; assert 'jieba' not in sys.modules; "
            "s.cut('推进工作'); assert 'jieba' in sys.modules and 'pkg_resources' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
