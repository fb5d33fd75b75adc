"""Phrase-bank recall on the held-out list (tests/_files/phrasebank_heldout.toml, read from the seeds
before tuning), and the bank's entries counted by kind (issue 31).

Run: .venv/bin/python bench/phrase_recall.py [bank.json]   (default: the bundled bank)
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "_files" / "phrasebank_heldout.toml"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "phrasebank" / "bank.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    texts = {e["text"] for e in entries}
    print(f"{path}: {len(entries)} entries; by kind: {dict(sorted(Counter(e['kind'] for e in entries).items()))}")
    with open(HELD_OUT, "rb") as handle:
        held_out = tomllib.load(handle)
    found_all = total = 0
    for kind, phrases in held_out.items():
        found = [p for p in phrases if p in texts]
        found_all, total = found_all + len(found), total + len(phrases)
        print(f"held-out {kind}: {len(found)}/{len(phrases)}; missing: {'、'.join(p for p in phrases if p not in texts)}")
    print(f"held-out recall: {found_all}/{total} = {found_all / total:.0%}")


if __name__ == "__main__":
    main()
