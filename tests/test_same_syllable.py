"""The same-syllable table (resources/confusion/same_syllable.tsv) and its builder
(assistant/tools/same_syllable.py, pypinyin at build time only)."""

from assistant.core.resources import resource_path

TABLE = resource_path("confusion", "same_syllable.tsv")


def test_each_character_has_one_syllable_and_common_characters_come_first():
    """Most common readings only: a character under two syllables would pair characters through a
    rare reading (厂 ān with 广)."""
    seen: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        syllable, common, others = line.split("\t")
        assert syllable.isascii() and syllable.isalpha() and common + others
        for char in common + others:
            assert seen.setdefault(char, syllable) == syllable
    assert seen["国"] == seen["菓"] == "guo" and seen["厂"] != seen["广"]


def test_the_bundled_table_is_what_the_builder_makes():
    """Rebuilt from pypinyin's data (a build-time tool, in the test extras), the corpora and jieba's
    dictionary, byte for byte."""
    from assistant.tools.same_syllable import table

    assert "\n".join(table()) + "\n" == TABLE.read_text(encoding="utf-8")
