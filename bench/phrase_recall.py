"""Phrase-bank recall on the held-out list (tests/_files/phrasebank_heldout.toml, read from the seeds
before tuning), the bank's entries counted by kind, and seeded samples of 100 entries to judge by
hand (issue 31): the 100 smallest sha1(seed + text), so that a sample stays the same for the entries
two versions of the bank share.

Run: .venv/bin/python bench/phrase_recall.py [bank.json] [--sample SEED ...]   (default: the bundled bank)
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "_files" / "phrasebank_heldout.toml"


def main() -> None:
    arguments = sys.argv[1:]
    seeds = arguments[arguments.index("--sample") + 1:] if "--sample" in arguments else []
    paths = arguments[:arguments.index("--sample")] if "--sample" in arguments else arguments
    path = Path(paths[0]) if paths else ROOT / "resources" / "phrasebank" / "bank.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    for seed in seeds:
        picked = sorted(entries, key=lambda e: hashlib.sha1((seed + e["text"]).encode()).hexdigest())[:100]
        print(f"sample {seed}:")
        for number, entry in enumerate(picked, 1):
            print(f"{number}. {entry['text']} | {entry['kind']} | {entry['category']}")
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
