"""HTML entities in text copied from web pages, decoded — also the damaged ones pages often carry
(``&ldqu`` for “, ``&nbs`` for a space)."""

from __future__ import annotations

import html
import re

# Broken entity names seen on web pages, by their damaged spelling.
BROKEN_ENTITIES = {"ldqu": "“", "rdqu": "”", "lsqu": "‘", "rsqu": "’", "mdas": "—", "hell": "…", "nbs": " "}
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);?")


def fix_entities(text: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        for broken, char in BROKEN_ENTITIES.items():
            if name.lower().startswith(broken):
                return char
        decoded = html.unescape(f"&{name};")
        return decoded if decoded != f"&{name};" else match.group(0)

    return ENTITY.sub(replace, text)
