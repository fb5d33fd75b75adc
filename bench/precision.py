"""Benchmark: how often the checker speaks on well-edited text (issues 11 and 19).

Runs the default rules over the cleaned seed corpus and over corpus-extra (the 政府工作报告 and
党代会报告; a held-out part that rules are never tuned on is reported on its own), each in the three
shapes drafts arrive in:
- ``lines``: one paragraph per line (as Word gives it);
- ``wrapped``: every paragraph hard-wrapped at 34 characters (copied from a PDF);
- ``pasted``: each text as one huge paragraph (copied from a web page).
Prints findings per 1,000 characters per severity, the non-punctuation warning rate (warnings and
errors outside ``punctuation``; target ≤ 1.5), per-category and per-rule rates, with ``--files``
the rate of each text, and with ``--words`` the most frequently flagged words per rule.
Run: .venv/bin/python bench/precision.py [--words] [--shape lines] [--set extra-held-out]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.checker.model import Finding  # noqa: E402
from assistant.core.phrasebank.clean import clean_folder  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

EXTRA = resource_path("corpus", "extra")
WRAP_WIDTH = 34
LOUD = {"warning", "error"}


def held_out(name: str) -> bool:
    """Every fifth text of corpus-extra (by sorted name) is never used for tuning."""
    names = sorted(p.name for p in EXTRA.glob("*.txt"))
    return names.index(name) % 5 == 4


def corpus_sets() -> dict[str, dict[str, list[str]]]:
    """Body paragraphs per text, per set: seeds, extra (tuning) and extra-held-out."""
    sets: dict[str, dict[str, list[str]]] = {"seeds": {}, "extra": {}, "extra-held-out": {}}
    for paragraph in clean_folder(resource_path("corpus")):
        if not paragraph.title:
            sets["seeds"].setdefault(paragraph.source, []).append(paragraph.text)
    for paragraph in clean_folder(EXTRA):
        if not paragraph.title:
            key = "extra-held-out" if held_out(paragraph.source) else "extra"
            sets[key].setdefault(paragraph.source, []).append(paragraph.text)
    return sets


def shaped(paragraphs: list[str], shape: str) -> list[str]:
    if shape == "wrapped":
        return [p[i:i + WRAP_WIDTH] for p in paragraphs for i in range(0, len(p), WRAP_WIDTH)]
    if shape == "pasted":
        return ["".join(paragraphs)]
    return paragraphs


def measure(texts: dict[str, list[str]], shape: str, per_file: bool = False) -> tuple[int, list[Finding]]:
    checker = Checker()
    characters, findings = 0, []
    for name, paragraphs in texts.items():
        document = shaped(paragraphs, shape)
        size = sum(len(p) for p in document)
        found = checker.check(document)
        characters += size
        findings += found
        if per_file:
            loud = sum(1 for f in found if f.severity in LOUD and f.category != "punctuation")
            print(f"    {name:28} {size:7} characters {loud * 1000 / size:5.2f}/1000")
    return characters, findings


def report(name: str, characters: int, findings: list[Finding], words: bool) -> float:
    per_k = 1000 / characters
    loud = [f for f in findings if f.severity in LOUD and f.category != "punctuation"]
    by_severity = Counter(f.severity for f in findings)
    print(f"{name}: {characters} characters; non-punctuation warnings {len(loud) * per_k:.2f}/1000"
          f" ({len(loud)}); all: " + ", ".join(f"{s} {n * per_k:.2f}" for s, n in sorted(by_severity.items())))
    by_category = Counter(f.category for f in findings)
    print("    by category: " + ", ".join(f"{c} {n}" for c, n in by_category.most_common()))
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_rule[finding.rule].append(finding)
    for rule, found in sorted(by_rule.items(), key=lambda item: -len(item[1])):
        line = f"    {rule:28} {found[0].severity:8} {len(found) * per_k:6.3f}/1000 ({len(found)})"
        if words:
            common = Counter(f.text[:12] for f in found).most_common(20)
            line += "  " + " ".join(f"{w}×{n}" for w, n in common)
        print(line)
    return len(loud) * per_k


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", action="store_true", help="list the 20 most flagged words per rule")
    parser.add_argument("--shape", choices=["lines", "wrapped", "pasted"], action="append")
    parser.add_argument("--set", choices=["seeds", "extra", "extra-held-out"], action="append")
    parser.add_argument("--files", action="store_true", help="the non-punctuation warning rate of each text")
    args = parser.parse_args()
    sets = corpus_sets()
    worst = 0.0
    for set_name in args.set or list(sets):
        for shape in args.shape or ["lines", "wrapped", "pasted"]:
            characters, findings = measure(sets[set_name], shape, args.files)
            worst = max(worst, report(f"{set_name}/{shape}", characters, findings, args.words))
    print(f"worst non-punctuation warning rate: {worst:.2f}/1000 (target ≤ 1.5)")


if __name__ == "__main__":
    main()
