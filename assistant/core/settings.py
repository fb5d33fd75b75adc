"""All of the user's settings in one file, ``settings.json`` in the per-user data folder.

One place, written atomically: the checker's choices, protected terms for conversion, recent
files, the window's layout, the comment author, the autosave interval, the editor's font size
and the 公文要素 defaults of the export (export/remember.py). A damaged file is set aside with a note (see ``load_json``).
The separate files of earlier versions (checker.json, protected_terms.txt, recent.json) are
read once, when settings.json does not exist yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import APP_NAME
from .checker.settings import SHAPE as CHECK_SHAPE
from .checker.settings import CheckSettings
from .userdata import Record, data_dir, load_json, read_word_list, save_json

RECENT_LIMIT = 8
# What each key of settings.json must hold; a file that says otherwise is set aside.
SHAPE = Record(optional={"checker": CHECK_SHAPE, "protected_terms": list[str], "recent_files": list[str],
                         "window": dict[str, str], "author": str, "autosave_minutes": int, "font_size": int,
                         "review_with_health": bool, "group_punctuation": bool,
                         "gongwen": dict})  # the 公文要素: each read with a type check (export/remember.py)


@dataclass
class Settings:
    checker: CheckSettings = field(default_factory=CheckSettings)
    protected_terms: list[str] = field(default_factory=list)
    recent_files: list[str] = field(default_factory=list)
    window: dict[str, str] = field(default_factory=dict)  # Qt's saved geometry and state, base64
    author: str = ""  # the user's name on a 修订稿's revisions and a reviewed copy's comments; "" until asked
    autosave_minutes: int = 1
    font_size: int = 14  # the editor's, in points
    review_with_health: bool = False  # the reviewed copy opens with a 文稿体检 page
    group_punctuation: bool = True  # a 修订稿 groups neighbouring punctuation fixes into one revision
    gongwen: dict = field(default_factory=dict)  # the 公文要素 remembered for the next export
    note: str = ""

    @staticmethod
    def path() -> Path:
        return data_dir() / "settings.json"

    @classmethod
    def load(cls) -> "Settings":
        if not cls.path().exists():
            return _from_earlier_files()
        data, note = load_json(cls.path(), SHAPE)
        return cls(CheckSettings.from_json(data.get("checker", {})), list(data.get("protected_terms", [])),
                   list(data.get("recent_files", [])), dict(data.get("window", {})),
                   _chosen_author(data.get("author", "")), int(data.get("autosave_minutes", 1)),
                   int(data.get("font_size", 14)), bool(data.get("review_with_health", False)),
                   bool(data.get("group_punctuation", True)), dict(data.get("gongwen", {})), note)

    def save(self) -> None:
        save_json(self.path(), {
            "checker": self.checker.to_json(),
            "protected_terms": list(dict.fromkeys(t.strip() for t in self.protected_terms if t.strip())),
            "recent_files": self.recent_files[:RECENT_LIMIT],
            "window": self.window,
            "author": self.author,
            "autosave_minutes": self.autosave_minutes,
            "font_size": self.font_size,
            "review_with_health": self.review_with_health,
            "group_punctuation": self.group_punctuation,
            "gongwen": self.gongwen,
        })

    @property
    def comment_author(self) -> str:
        """The author of a reviewed copy's comments: the user once named, else the app that made them."""
        return self.author or APP_NAME

    def remember_recent(self, path: Path) -> None:
        self.recent_files = [str(path)] + [p for p in self.recent_files if p != str(path)][:RECENT_LIMIT - 1]


def _chosen_author(stored: str) -> str:
    """Earlier versions saved the app's name as the author when none was chosen: that is no one's name."""
    return "" if stored == APP_NAME else str(stored)


def _from_earlier_files() -> Settings:
    folder = data_dir()
    checker, note = load_json(folder / "checker.json", CHECK_SHAPE)
    return Settings(CheckSettings.from_json(checker), read_word_list(folder / "protected_terms.txt"),
                    _earlier_recent(folder / "recent.json"), note=note)


def _earlier_recent(path: Path) -> list[str]:
    import json

    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [entry for entry in entries if isinstance(entry, str)] if isinstance(entries, list) else []
