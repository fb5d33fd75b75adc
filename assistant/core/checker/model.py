"""What the checker produces: findings, and the categories (resources/rules/_categories.toml) and
severities they use."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field

from ..resources import resource_path

SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    colour: str
    severity: str
    alternatives: bool
    certain: bool  # fixes safe for 全部修正


def load_categories() -> dict[str, Category]:
    with open(resource_path("rules", "_categories.toml"), "rb") as handle:
        entries = tomllib.load(handle)["category"]
    categories = {entry["id"]: Category(**entry) for entry in entries}
    bad = [c.id for c in categories.values() if c.severity not in SEVERITIES]
    if bad:
        raise ValueError(f"_categories.toml: unknown severity in {bad}")
    return categories


CATEGORY_INFO = load_categories()
# Id → Chinese name, in panel order.
CATEGORIES = {key: category.name for key, category in CATEGORY_INFO.items()}
CATEGORY_COLOURS = {key: category.colour for key, category in CATEGORY_INFO.items()}
# Categories whose findings also get alternatives from the phrase bank.
ALTERNATIVES_FOR = frozenset(key for key, category in CATEGORY_INFO.items() if category.alternatives)


@dataclass(frozen=True)
class Finding:
    """One problem at one place: ``paragraph`` is the model index, [start, end) characters in it."""

    rule: str
    category: str
    severity: str
    paragraph: int
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = field(default=())
    certain: bool = False  # the first suggestion is the fix, safe to apply with 全部修正
    document_level: bool = False  # one of the places of a document-wide finding (全文用了 40 次)

    @property
    def fixable(self) -> bool:
        return self.certain and bool(self.suggestions)

    def to_json(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data
