"""README.md opens with a short Chinese section for the people who use the app (what it is, 安装,
使用, where their data is kept), then the English developer part; the data files it names are the
ones the app writes."""

from __future__ import annotations

import re

from assistant.core.userdata import APP_FOLDER
from tests.conftest import ROOT

README = ROOT / "README.md"


def test_the_readme_starts_in_chinese_for_users_and_names_the_real_data_files(user_data_folder):
    from assistant.core.checker_setup import user_lexicon_folder
    from assistant.core.phrasebank.bank import PhraseBank
    from assistant.core.settings import Settings
    from assistant.gui import autosave

    chinese, marker, english = README.read_text(encoding="utf-8").partition("# Developer guide (English)")
    assert marker and "## Command line" in english
    assert re.findall(r"^## (.+)$", chinese, re.MULTILINE) == ["简介", "安装", "使用", "数据保存在哪里"]
    assert not re.search(r"^## [A-Za-z]", chinese, re.MULTILINE)
    assert f"~/.local/share/{APP_FOLDER}" in chinese and f"%LOCALAPPDATA%\\{APP_FOLDER}" in chinese
    for written in (Settings.path(), PhraseBank.user_path(), user_lexicon_folder(), autosave.folder()):
        assert written.parent == user_data_folder and written.name in chinese, written
