"""Benchmark: how often the checker speaks on well-edited text (issues 11 and 19).

Runs the default rules over the cleaned seed corpus and over corpus-extra (the 政府工作报告 and
党代会报告; a held-out part that rules are never tuned on is reported on its own), each in the three
shapes drafts arrive in:
- ``lines``: one paragraph per line (as Word gives it);
- ``wrapped``: every paragraph hard-wrapped at 34 characters (copied from a PDF);
- ``pasted``: each text as one huge paragraph (copied from a web page).
Prints what the user sees, with the settings a new user has (the 稳妥 typo level, settings.py: the
statistical 错别字 guesses the model is sure of; bench/typo_precision.py --level thorough measures 全面): all findings (every severity, punctuation included) per 1,000
characters (target ≤ 3 on the held-out part, in every shape), per severity, the non-punctuation
warning rate (warnings and errors outside ``punctuation``; target ≤ 1.5), per-category and per-rule
rates, with ``--files`` the rate of each text, with ``--words`` the most frequently flagged words per
rule, and with ``--sample FAMILY`` (a category, or ``all``) ``--size`` findings of that family
drawn at random with ``--seed`` from the ``lines`` shape of the seeds and the held-out part (or the
sets given), each with its whole sentence, as lines of a table to be judged by hand (bench/samples/).
Run: .venv/bin/python bench/precision.py [--words] [--shape lines] [--set extra-held-out]
     .venv/bin/python bench/precision.py --sample all --seed 25 > bench/samples/seed25.tsv
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.checker.settings import CheckSettings  # noqa: E402
from assistant.core.checker.model import Finding  # noqa: E402
from assistant.core.phrasebank.clean import clean_folder  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.sentences import Span, sentences  # noqa: E402

EXTRA = resource_path("corpus", "extra")
WRAP_WIDTH = 34
LOUD = {"warning", "error"}
ALL_TARGET = 3.0
SAMPLE_SETS = ["seeds", "extra-held-out"]
SENTENCE_SHOWN = 160


def held_out(name: str) -> bool:
    """Every fifth text of corpus-extra (by sorted name) is never used for tuning."""
    names = sorted(p.name for p in EXTRA.glob("*.txt"))
    return names.index(name) % 5 == 4


def corpus_sets() -> dict[str, dict[str, list[str]]]:
    """The cleaned paragraphs per text, titles and headings included (a draft has them, and the
    overuse rules read the title), per set: seeds, extra (tuning) and extra-held-out."""
    sets: dict[str, dict[str, list[str]]] = {"seeds": {}, "extra": {}, "extra-held-out": {}}
    for paragraph in clean_folder(resource_path("corpus")):
        sets["seeds"].setdefault(paragraph.source, []).append(paragraph.text)
    for paragraph in clean_folder(EXTRA):
        key = "extra-held-out" if held_out(paragraph.source) else "extra"
        sets[key].setdefault(paragraph.source, []).append(paragraph.text)
    return sets


def shaped(paragraphs: list[str], shape: str) -> list[str]:
    if shape == "wrapped":
        return [p[i:i + WRAP_WIDTH] for p in paragraphs for i in range(0, len(p), WRAP_WIDTH)]
    if shape == "pasted":
        return ["".join(paragraphs)]
    return paragraphs


def measure(texts: dict[str, list[str]], shape: str, per_file: bool = False
            ) -> tuple[int, list[tuple[str, list[str], Finding]]]:
    """Characters checked, and each finding with the text it is in and that text's paragraphs."""
    checker = Checker(settings=CheckSettings())  # a new user's: the default typo level
    characters, findings = 0, []
    for name, paragraphs in texts.items():
        document = shaped(paragraphs, shape)
        size = sum(len(p) for p in document)
        found = checker.check(document)
        characters += size
        findings += [(name, document, finding) for finding in found]
        if per_file:
            loud = sum(1 for f in found if f.severity in LOUD and f.category != "punctuation")
            print(f"    {name:28} {size:7} characters {loud * 1000 / size:5.2f}/1000")
    return characters, findings


def report(name: str, characters: int, findings: list[Finding], words: bool) -> tuple[float, float]:
    """Prints the rates of one set in one shape; returns (non-punctuation warnings, all) per 1,000."""
    per_k = 1000 / characters
    loud = [f for f in findings if f.severity in LOUD and f.category != "punctuation"]
    by_severity = Counter(f.severity for f in findings)
    print(f"{name}: {characters} characters; ALL findings {len(findings) * per_k:.2f}/1000 ({len(findings)});"
          f" non-punctuation warnings {len(loud) * per_k:.2f}/1000 ({len(loud)}); by severity: "
          + ", ".join(f"{s} {n * per_k:.2f}" for s, n in sorted(by_severity.items())))
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
    return len(loud) * per_k, len(findings) * per_k


def sample(findings: list[tuple[str, list[str], Finding]], spare: list[tuple[str, list[str], Finding]],
           families: list[str], size: int, seed: int) -> None:
    """``size`` findings of each family (category) drawn at random with ``seed``, topped up from
    ``spare`` (the tuning part) where the family has fewer; one table row each: family, number,
    rule, where, the flagged text, the suggestions, the message and the sentence with the flagged
    text in 【】, and an empty verdict column to fill in."""
    by_family: dict[str, list[tuple[str, list[str], Finding]]] = defaultdict(list)
    spare_by_family: dict[str, list[tuple[str, list[str], Finding]]] = defaultdict(list)
    for entry in findings:
        by_family[entry[2].category].append(entry)
    for name, document, finding in spare:
        spare_by_family[finding.category].append((f"(tuning) {name}", document, finding))
    names = sorted(set(by_family) | set(spare_by_family)) if "all" in families else families
    print("family\tn\trule\twhere\tflagged\tsuggestions\tmessage\tsentence\tverdict")
    for family in names:
        entries, extra = by_family.get(family, []), spare_by_family.get(family, [])
        draw = random.Random(f"{seed}:{family}")
        chosen = draw.sample(entries, min(size, len(entries)))
        topped = draw.sample(extra, min(size - len(chosen), len(extra)))
        print(f"# {family}: {len(chosen)} drawn of {len(entries)}, {len(topped)} more from the tuning part")
        chosen += topped
        for number, (name, document, f) in enumerate(chosen, start=1):
            print("\t".join([family, str(number), f.rule, f"{name}:{f.paragraph}", f.text,
                             "/".join(f.suggestions[:3]), f.message, _marked_sentence(document[f.paragraph], f), ""]))


def _marked_sentence(text: str, finding: Finding) -> str:
    """The sentence(s) holding the finding, the finding in 【】, cut to about SENTENCE_SHOWN characters."""
    spans = sentences(text) or [Span(0, len(text))]
    start = next((s.start for s in spans if s.start <= finding.start < s.end), 0)
    end = next((s.end for s in spans if s.start < finding.end <= s.end), len(text))
    before, after = text[start:finding.start], text[finding.end:end]
    room = max(20, (SENTENCE_SHOWN - len(finding.text)) // 2)
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    flagged = finding.text if len(finding.text) <= SENTENCE_SHOWN else finding.text[:room] + "……" + finding.text[-room:]
    return (before + "【" + flagged + "】" + after).replace("\t", " ").replace("\n", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", action="store_true", help="list the 20 most flagged words per rule")
    parser.add_argument("--shape", choices=["lines", "wrapped", "pasted"], action="append")
    parser.add_argument("--set", choices=["seeds", "extra", "extra-held-out"], action="append")
    parser.add_argument("--files", action="store_true", help="the non-punctuation warning rate of each text")
    parser.add_argument("--sample", action="append", metavar="FAMILY",
                        help="print a random draw of this family's findings (a category id, or all) to judge")
    parser.add_argument("--seed", type=int, default=25, help="the draw's seed (a new seed, a fresh sample)")
    parser.add_argument("--size", type=int, default=30, help="findings drawn per family")
    parser.add_argument("--no-top-up", action="store_true",
                        help="do not top a short family up with findings from corpus-extra's tuning part")
    args = parser.parse_args()
    sets = corpus_sets()
    if args.sample:
        drawn = []
        for set_name in args.set or SAMPLE_SETS:
            drawn += measure(sets[set_name], "lines")[1]
        spare = [] if args.no_top_up else measure(sets["extra"], "lines")[1]
        sample(drawn, spare, args.sample, args.size, args.seed)
        return
    print(f"typo level: {CheckSettings().typo_level} (the default, what a new user sees)")
    worst, worst_held_out = 0.0, 0.0
    for set_name in args.set or list(sets):
        for shape in args.shape or ["lines", "wrapped", "pasted"]:
            characters, findings = measure(sets[set_name], shape, args.files)
            loud, everything = report(f"{set_name}/{shape}", characters, [f for *_, f in findings], args.words)
            worst = max(worst, loud)
            if set_name == "extra-held-out":
                worst_held_out = max(worst_held_out, everything)
    print(f"worst non-punctuation warning rate: {worst:.2f}/1000 (target ≤ 1.5)")
    print(f"worst rate of all findings on the held-out part: {worst_held_out:.2f}/1000 (target ≤ {ALL_TARGET:g})")


if __name__ == "__main__":
    main()
