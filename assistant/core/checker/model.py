"""What the checker produces: findings, and the categories and severities they use."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CATEGORIES = {
    "colloquial": "口语化",
    "vague": "空泛",
    "redundant": "冗余",
    "intensifier": "程度副词",
    "de-di-de": "的地得",
    "punctuation": "标点",
    "repetition": "重复",
    "long-sentence": "长句",
    "mixed-script": "繁简混用",
}
SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}


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

    def to_json(self) -> dict:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        return data
