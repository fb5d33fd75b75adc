"""New drafts from 文种 templates (文件 → 新建): the skeletons in resources/templates/templates.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, new_document
from .resources import resource_path


@dataclass(frozen=True)
class Template:
    name: str  # the 文种
    lines: tuple[str, ...]


@lru_cache(maxsize=1)
def templates() -> tuple[Template, ...]:
    """Every template, in the file's (and the menu's) order."""
    data = tomllib.loads(resource_path("templates", "templates.toml").read_text(encoding="utf-8"))
    return tuple(Template(entry["name"], tuple(line for line in entry["text"].strip().splitlines()))
                 for entry in data["template"])


def new_from_template(name: str) -> Document:
    """An unsaved draft holding the template's lines, every one editable."""
    template = next(t for t in templates() if t.name == name)
    return new_document(template.lines)
