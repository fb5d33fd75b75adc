"""Benchmark: the 错别字 rules (category typo) on real and planted slips, and their rate on edited text.

Sets (``--set``):
- ``odw-dev``: 1,191 公文 sentences, 575 with 870 real wrong characters (shared/typo-dev, from ECSpell's
  train split, MIT). The context model is trained on odw-dev's corrected sentences, so the figures here
  come from two folds: the model built without fold k measures fold k (``typo_model.FOLDS``); no
  sentence is measured by a model that read it.
- ``law-dev``: 877 legal sentences; never trained or tuned on: a check.
- ``synthetic``: sentences of corpus-extra's held-out fifth, half with one common word given one
  confusable character (the issue 18 set).

Figures, as the spelling-check literature prints them:
- sentence-level detection: a sentence is flagged when any typo finding falls in it; it is a true
  positive when it holds a wrong character and a finding changes one. Precision = true positives /
  flagged sentences, recall = true positives / sentences with errors. Also the strict SIGHAN figure
  (the characters the findings change are exactly the wrong ones);
- character-level detection: the characters the findings change against the wrong characters;
- false alarms: the share of clean sentences with a finding;
- typo findings per 1,000 characters on the seeds, corpus-extra and corpus-extra's held-out fifth
  (target ≤ 0.2), each finding on the seeds and the held-out fifth listed.
``--unseen`` lists the findings on the seeds and corpus-extra's tuning part (what tuning may read) as
they would be on text the model never saw: the texts in UNSEEN_FOLDS folds, each checked by a model
built without it (the shipped model read them all, so it finds next to nothing there); with
``--laws`` these models read the law text too, as the shipped one does.
``--thresholds`` prints the P/R curve over the context rule's threshold; ``--misses`` (odw-dev) sorts
the wrong characters no finding changes by shape (the slip leaves a real word behind or breaks the
word into single characters; sound or shape or neither, by the confusion sets) and by where the
context model lost them (not in the confusion sets, never a suspect, left alone as a name or a
quotation, the right character never proposed, proposed but below the threshold), with examples; the
never proposed by the candidate path that would have to reach them (both characters of a word
wrong; the suspect in one known trigram, between known pairs or in none, and what word the right
character makes; tried but under the character model's floor).
``--gates`` (odw-dev, with ``--laws``) prints how many wrong characters, and how many characters of unseen
legal text, the detector tries when a character held by at most 0, 1 or 2 known trigrams is a suspect.
``--cost`` (odw-dev, with ``--laws``) prints what the detector scores per 1,000 characters (candidate repairs,
word routes, candidates past the model's floor) on check_speed's document and on unseen legal text.
``--level standard|thorough``: the user's typo level (稳妥 / 全面, settings.TYPO_LEVELS: the context
rule's threshold of that level); default both, one report each. ``--shift -0.5 0 0.5`` adds to the
context rule's thresholds (log-odds), one report per value (the fold models are built once); ``--laws PATH``: the LawRefBook/Laws checkout the shipped model was
built from (resources/typo_model/README.md), so that odw-dev's fold models follow its recipe.
Run: .venv/bin/python bench/typo_precision.py --set odw-dev --laws PATH
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # check_speed's document, for --cost

from assistant.core.checker.calibrate import corpus_texts, held_out  # noqa: E402
from assistant.core.checker.engine import Checker  # noqa: E402
from assistant.core.checker.loading import load_rules  # noqa: E402
from assistant.core.checker.settings import TYPO_LEVELS, CheckSettings  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402
from assistant.core.text.sentences import sentences  # noqa: E402

try:  # the context model (issue 33); absent on the code before it
    from assistant.core.checker import typo_model
    from assistant.core.checker.confusion import confusables
except ImportError:  # pragma: no cover - only when measuring the code before issue 33
    typo_model = None
    from assistant.core.checker.confusion import confusables

from assistant.core.text.hanzi import HANZI_ONLY  # noqa: E402
from assistant.core.text.segmenter import cut, word_frequency  # noqa: E402

TYPO_DEV = Path(__file__).resolve().parents[2] / "shared" / "typo-dev"
SHARED = Path("/work/shared/typo-dev")
THRESHOLD_GRID = [-2, -1, -0.5, 0, 0.5, 1, 2, 3]  # log-odds added to the context rule's threshold
UNSEEN_FOLDS = 4  # folds of the tuning texts for --unseen
COMMON_WORD = 500  # how common a word must be for a typist to be typing it (synthetic set)

Case = tuple[str, frozenset[int]]  # the sentence as written, positions of its wrong characters


def typo_dev(name: str) -> list[tuple[str, str]]:
    """(as written, corrected) pairs of a shared/typo-dev file."""
    folder = TYPO_DEV if TYPO_DEV.exists() else SHARED
    pairs = []
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        _, wrong, right = line.split("\t")
        pairs.append((wrong, right))
    return pairs


def case_of(wrong: str, right: str) -> Case:
    return wrong, frozenset(i for i, (a, b) in enumerate(zip(wrong, right)) if a != b)


THRESHOLD_SHIFT = 0.0  # --shift: added to the context rule's thresholds
LEVEL = TYPO_LEVELS[0]  # --level: the typo level the checker runs at
LAWS = None  # --laws: the law text the shipped model read, for the fold models


def typo_rules(fold: int | None = None):
    """The rules of category typo, the context rule's thresholds moved by THRESHOLD_SHIFT; with
    ``fold``, the context model built without that fold."""
    rules = [rule for rule in load_rules() if rule.category == "typo"]
    shift_threshold(rules, THRESHOLD_SHIFT)
    if fold is not None and typo_model is not None:
        model = typo_model.fold_model(fold, LAWS)
        for rule in rules:
            if hasattr(rule, "model"):
                rule.model = model
    return rules


def changed_positions(findings) -> dict[int, set[int]]:
    """Per sentence, the characters the first suggestions change (the whole span when the
    suggestion has another length)."""
    changed: dict[int, set[int]] = {}
    for finding in findings:
        fix = finding.suggestions[0] if finding.suggestions else ""
        span = range(finding.start, finding.end)
        where = changed.setdefault(finding.paragraph, set())
        if len(fix) == len(span):
            where.update(i for i, c in zip(span, fix) if c != finding.text[i - finding.start])
        else:
            where.update(span)
    return changed


def measure(cases: list[Case], findings) -> dict[str, float]:
    changed = changed_positions(findings)
    flagged = set(changed) | {f.paragraph for f in findings}
    wrong_sentences = [i for i, (_, gold) in enumerate(cases) if gold]
    clean = [i for i, (_, gold) in enumerate(cases) if not gold]
    hit = [i for i in flagged if cases[i][1] & changed.get(i, set())]
    exact = [i for i in flagged if cases[i][1] and cases[i][1] == changed.get(i, set())]
    predicted = sum(len(changed.get(i, ())) for i in flagged)
    right_chars = sum(len(cases[i][1] & changed.get(i, set())) for i in flagged)
    gold_chars = sum(len(gold) for _, gold in cases)
    p = len(hit) / len(flagged) if flagged else 1.0
    r = len(hit) / len(wrong_sentences) if wrong_sentences else 0.0
    sp = len(exact) / len(flagged) if flagged else 1.0
    sr = len(exact) / len(wrong_sentences) if wrong_sentences else 0.0
    return {
        "sentences": len(cases), "with errors": len(wrong_sentences), "flagged": len(flagged),
        "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "strict P": sp, "strict R": sr, "strict F1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
        "char P": right_chars / predicted if predicted else 1.0, "char R": right_chars / gold_chars if gold_chars else 0.0,
        "false alarms": sum(1 for i in clean if i in flagged) / len(clean) if clean else 0.0,
        "clean": len(clean), "clean flagged": sum(1 for i in clean if i in flagged),
    }


def run(cases: list[Case], rules) -> list:
    """Findings on each sentence checked as a document of its own (the sentences are unrelated: a
    word written in two of them is no document's own wording, engine.py)."""
    checker = Checker(rules, CheckSettings(typo_level=LEVEL))
    return [_moved(finding, index) for index, (text, _) in enumerate(cases) for finding in checker.check([text])]


def folded_findings(pairs: list[tuple[str, str]], shift: float | None = None) -> list:
    """Findings on odw-dev, each fold (by its corrected sentence) checked by the model built without it."""
    cases = [case_of(*pair) for pair in pairs]
    findings = []
    folds = typo_model.FOLDS if typo_model is not None else 1
    for fold in range(folds):
        members = [i for i, (_, right) in enumerate(pairs) if typo_model is None or typo_model.fold_of(right) == fold]
        rules = typo_rules(fold if typo_model is not None else None)
        if shift is not None:
            shift_threshold(rules, shift)
        for finding in run([cases[i] for i in members], rules):
            findings.append(_moved(finding, members[finding.paragraph]))
    return findings


def miss_buckets(pairs: list[tuple[str, str]], findings) -> tuple[Counter, dict[tuple[str, str, str], list[str]]]:
    """The wrong characters of odw-dev that no finding changes, counted by (shape, confusion type,
    where they were lost), each fold read by the model built without it; with examples."""
    from assistant.core.checker.confusion import suspicious, untouched_positions
    from assistant.core.checker.ngram import BOS, EOS
    from assistant.core.checker.text import Paragraph
    changed = changed_positions(findings)
    buckets: Counter = Counter()
    examples: dict[tuple[str, str, str], list[str]] = {}
    rules = {fold: next(r for r in typo_rules(fold) if hasattr(r, "thresholds")) for fold in range(typo_model.FOLDS)}
    for index, (wrong, right) in enumerate(pairs):
        gold = case_of(wrong, right)[1] - changed.get(index, set())
        if not gold:
            continue
        rule = rules[typo_model.fold_of(right)]
        context, paragraph, padded = rule.context, Paragraph(wrong), BOS + wrong + EOS
        suspects = suspicious(padded, context.model.probs)
        blocked = untouched_positions(paragraph)
        proposed = {(at + k, new) for at, replacement, *_ in rule.scored(paragraph)
                    for k, new in enumerate(replacement)}
        words = [(token.start, token.end) for token in paragraph.tokens if token.text in context.freq]
        for at in sorted(gold):
            old, new = wrong[at], right[at]
            shape = "real word" if any(a <= at < b and b - a > 1 for a, b in words) else "broken word"
            kind = "+".join(k for k, table in (("sound", context.sound), ("shape", context.shape))
                            if new in table.get(old, ())) or "neither"
            if kind == "neither":
                lost = "not in the confusion sets"
            elif at in blocked:
                lost = "left alone (name, number, quotation)"
            elif at + 1 not in suspects:
                lost = "never a suspect"
            elif (at, new) not in proposed:
                lost = "never proposed: " + never_proposed(rule, padded, at + 1, right, suspects, case_of(wrong, right)[1])
            else:
                lost = "proposed, below the threshold"
            key = (shape, kind, lost)
            buckets[key] += 1
            examples.setdefault(key, []).append(f"{wrong[max(0, at - 6):at + 7]}  {old}→{new}")
    return buckets, examples


def never_proposed(rule, padded: str, j: int, right: str, suspects: dict[int, bool], wrong: frozenset[int]) -> str:
    """Why the right character for padded[j] (a suspect, in a confusion set) was never scored: the
    class of the candidate path that would have had to reach it (``wrong``: the sentence's wrong
    characters; a word is common at the rule's min_frequency)."""
    context, common_count = rule.context, rule.min_frequency
    new, left, after = right[j - 1], padded[j - 1], padded[j + 1]
    if {j - 2, j} & wrong:  # a neighbour is wrong too: a slip of a whole word
        start = j - 2 if j - 2 in wrong else j - 1
        word = right[start:start + 2]
        same = all(r in context.homophones.get(w, "") for w, r in zip(padded[start + 1:start + 3], word))
        common = context.freq.get(word, 0) >= common_count
        return f"both characters of a word ({'same syllables' if same else 'not same syllables'}, " \
               f"repaired word {'common' if common else 'rarer'})"
    between = padded[j - 1:j + 1] in context.model.probs and padded[j:j + 2] in context.model.probs
    if new in context.candidates(padded, j, suspects[j] or between):
        return "tried, the character model's gain under its floor"
    word = max(context.freq.get(left + new, 0), context.freq.get(new + after, 0))
    where = "in one known trigram" if suspects[j] else "between known pairs" if between else "in no known trigram"
    makes = ("a common word" if word >= common_count else "a word of 10-99" if word >= 10
             else "a word of 1-9" if word else "no word")
    return f"{where}, makes {makes}"


def print_misses(pairs: list[tuple[str, str]], findings) -> None:
    buckets, examples = miss_buckets(pairs, findings)
    print(f"missed wrong characters: {sum(buckets.values())}")
    for (shape, kind, lost), count in buckets.most_common():
        print(f"  {count:4d}  {shape:11s}  {kind:11s}  {lost}")
        for example in examples[(shape, kind, lost)][:3]:
            print(f"            {example}")


GATE_SAMPLE = 150_000  # characters of unseen legal text the gate table's cost is measured on


def print_gates(pairs: list[tuple[str, str]]) -> None:
    """--gates: which characters the detector tries, by how many known trigrams hold them (none: the
    gate before; one, with the two characters before or after it: the shipped one; wider ones). For odw-dev's wrong
    characters that a confusion set holds and no guard blocks: how many each gate tries, and how many
    of those have the right character among the candidates tried there (a known trigram's middle
    that the character model finds MIN_MODEL_GAIN likelier); the cost: characters tried per 1,000 of
    legal text no model read (LawRefBook's 行政法规, left out of training), and candidates scored."""
    from assistant.core.checker.confusion import MIN_MODEL_GAIN, untouched_positions
    from assistant.core.checker.law_text import paragraphs as law_lines
    from assistant.core.checker.ngram import BOS, EOS
    from assistant.core.checker.text import Paragraph
    from assistant.core.text.hanzi import is_hanzi
    table = confusables()

    def held(model, padded: str, j: int) -> float:
        """How many known trigrams hold padded[j]; 0.5 for one only, with the two before or after."""
        count = sum(padded[a:a + 3] in model.probs for a in range(max(0, j - 2), min(j, len(padded) - 3) + 1))
        return 0.5 if count == 1 and padded[j - 1:j + 2] not in model.probs else count

    def reachable(model, padded: str, j: int) -> list[str]:
        first, last = max(0, j - 3), min(len(padded), j + 4)
        written = model.span_logprob(padded[first:last], j - first, last - first)
        return [c for c in model.middles.get(padded[j - 1] + padded[j + 1]) if c in table.get(padded[j], "")
                and model.span_logprob(padded[first:j] + c + padded[j + 1:last], j - first, last - first) - written >= MIN_MODEL_GAIN]

    tried: Counter = Counter()
    reached: Counter = Counter()
    for wrong, right in pairs:
        model, padded = typo_model.fold_model(typo_model.fold_of(right), LAWS), BOS + wrong + EOS
        blocked = untouched_positions(Paragraph(wrong))
        for at, (old, new) in enumerate(zip(wrong, right)):
            if old != new and new in table.get(old, "") and at not in blocked:
                count = held(model, padded, at + 1)
                tried[count] += 1
                reached[count] += new in reachable(model, padded, at + 1)
    model, characters, suspects, scored = typo_model.fold_model(0, LAWS), 0, Counter(), Counter()
    for line in law_lines(LAWS / "行政法规"):
        if characters >= GATE_SAMPLE:
            break
        characters += len(line)
        padded = BOS + line + EOS
        for j in range(1, len(padded) - 1):
            if is_hanzi(padded[j]):
                count = held(model, padded, j)
                suspects[count] += 1
                if count:
                    scored[count] += len(reachable(model, padded, j))
    print(f"wrong characters in a confusion set, unguarded: {sum(tried.values())}; cost on {characters:,} characters of 行政法规")
    for most, label in ((0, "no known trigram"), (0.5, "one, the two before or after (shipped)"), (1, "at most one"), (2, "at most two")):
        kinds = [k for k in (0, 0.5, 1, 2) if k <= most]
        print(f"    {label:40s}: {sum(tried[k] for k in kinds):4d} tried "
              f"({sum(reached[k] for k in kinds if k):3d} more with the right character scored in a known trigram's middle); "
              f"{1000 * sum(suspects[k] for k in kinds) / characters:5.1f} suspects per 1,000, "
              f"{1000 * sum(scored[k] for k in kinds if k) / characters:4.1f} more candidates past the model's floor")


def print_cost() -> None:
    """--cost: what the context rule's detector asks per 1,000 characters: candidate repairs scored by
    the character model, word routes read, candidates past the model's floor, sets of whole words of
    the same syllables built (the first check's; later ones are cached); on check_speed's
    100,000-character document (the shipped model, which read it) and on GATE_SAMPLE characters of
    LawRefBook's 行政法规 (the fold-0 model: no model reads it). Counts, not times: the machine is shared."""
    from assistant.core.checker.law_text import paragraphs as law_lines
    from assistant.core.checker.text import Paragraph
    from check_speed import build_document
    rule = next(r for r in typo_rules() if hasattr(r, "thresholds"))
    law, characters = [], 0
    for line in law_lines(LAWS / "行政法规"):
        if characters >= GATE_SAMPLE:
            break
        law.append(line)
        characters += len(line)
    for label, paragraphs, model in (("check_speed's 100k document, shipped model", build_document(), None),
                                     (f"{characters:,} characters of 行政法规, fold-0 model", law, typo_model.fold_model(0, LAWS))):
        rule.model = model
        context, asked = rule.context, Counter()
        scoring, routing = context.model.span_logprob, context.route

        def scored_once(*arguments, **keywords):
            asked["scored"] += 1
            return scoring(*arguments, **keywords)

        def routed_once(text):
            asked["routes"] += 1
            return routing(text)

        context.model.span_logprob, context.route = scored_once, routed_once
        built = context._words_sounding_like.cache_info().misses
        try:
            asked["past the floor"] = sum(1 for paragraph in paragraphs for _ in rule.scored(Paragraph(paragraph)))
        finally:
            del context.model.span_logprob, context.route
        asked["homophone word sets built"] = context._words_sounding_like.cache_info().misses - built
        size = sum(map(len, paragraphs)) / 1000
        print(f"cost on {label}: " + ", ".join(f"{name} {count / size:.1f}" for name, count in asked.items()) + " per 1,000 characters")


def _moved(finding, paragraph: int):
    from dataclasses import replace
    return replace(finding, paragraph=paragraph)


def shift_threshold(rules, shift: float) -> None:
    """Both levels' thresholds moved alike (稳妥's stays the higher)."""
    for rule in rules:
        if hasattr(rule, "thresholds"):
            rule.thresholds = {level: threshold + shift for level, threshold in rule.thresholds.items()}


def print_figures(label: str, figures: dict[str, float]) -> None:
    print(f"{label}: {figures['sentences']} sentences, {figures['with errors']} with errors, "
          f"{figures['flagged']} flagged")
    print(f"    sentence detection  P {figures['P']:.3f}  R {figures['R']:.3f}  F1 {figures['F1']:.3f}"
          f"   (strict, exact characters: P {figures['strict P']:.3f}  R {figures['strict R']:.3f}  F1 {figures['strict F1']:.3f})")
    print(f"    character detection P {figures['char P']:.3f}  R {figures['char R']:.3f}")
    print(f"    false alarms on clean sentences: {figures['clean flagged']} of {figures['clean']} = {figures['false alarms']:.3f}")


# The synthetic set: corpus-extra's held-out fifth with planted slips.

def sentences_of(paragraphs: list[str]) -> list[str]:
    found = []
    for paragraph in paragraphs:
        for span in sentences(paragraph):
            text = paragraph[span.start:span.end]
            if 8 <= len(text) <= 150:
                found.append(text)
    return found


def corrupt(sentence: str, rng: random.Random) -> Case | None:
    """The sentence with one confusable character in a common word."""
    table, position, choices = confusables(), 0, []
    for word in cut(sentence):
        if len(word) == 2 and HANZI_ONLY.match(word) and word_frequency(word) >= COMMON_WORD:
            choices += [(position + k, word, k) for k in range(2) if table.get(word[k])]
        position += len(word)
    if not choices:
        return None
    at, word, k = rng.choice(choices)
    replacement = rng.choice(sorted(table[word[k]]))
    return sentence[:at] + replacement + sentence[at + 1:], frozenset({at})


def synthetic_set() -> list[Case]:
    texts = corpus_texts(resource_path("corpus", "extra"))
    held = [p for name in sorted(texts) if held_out(name, list(texts)) for p in texts[name]]
    rng = random.Random(2)
    cases = []
    for sentence in sentences_of(held):
        corrupted = corrupt(sentence, rng) if rng.random() < 0.5 else None
        cases.append(corrupted or (sentence, frozenset()))
    return cases


def corpus_rates(rules) -> None:
    extra = corpus_texts(resource_path("corpus", "extra"))
    held = {name: ps for name, ps in extra.items() if held_out(name, list(extra))}
    corpora = (("seeds", corpus_texts(resource_path("corpus")), True),
               ("corpus-extra", extra, False), ("corpus-extra held-out fifth", held, True))
    for name, texts, listed in corpora:
        found = by_document(rules, texts)
        characters = sum(len(p) for ps in texts.values() for p in ps)
        print(f"{name}: {len(found)} typo findings in {characters} characters = "
              f"{1000 * len(found) / characters:.3f} per 1,000 (target ≤ 0.2)")
        for text, finding in found if listed else found[:20]:
            print(f"    {listed_finding(text, finding)} {finding.message}")


def by_document(rules, texts: dict[str, list[str]]) -> list[tuple[str, object]]:
    """(paragraph, finding) for every typo finding, each text checked as one document (a word a
    document writes twice is meant: engine.py)."""
    checker = Checker(rules, CheckSettings(typo_level=LEVEL))
    return [(paragraphs[f.paragraph], f) for name in sorted(texts) for paragraphs in [texts[name]]
            for f in checker.check(paragraphs)]


def listed_finding(text: str, finding) -> str:
    fix = finding.suggestions[0] if finding.suggestions else ""
    return f"[{finding.rule}] {text[max(0, finding.start - 12):finding.end + 12]}  「{finding.text}」→「{fix}」"


def unseen_folds(laws: Path | None):
    """(the texts of one of UNSEEN_FOLDS folds of the seeds and corpus-extra's tuning part, the
    model built without them: the shipped recipe otherwise, the law text in with ``laws``), one
    fold at a time (a model is ~1 GB while it is built)."""
    import zlib

    from assistant.core.checker.law_text import law_paragraphs
    from assistant.core.checker.ngram import build
    texts = {**corpus_texts(resource_path("corpus")), **corpus_texts(resource_path("corpus", "extra"), tuning_only=True)}
    corrected = typo_model.corrected_sentences(typo_model.typo_dev_folder())
    official = law_paragraphs(laws, typo_model.typo_dev_folder()) if laws is not None else []
    folds = {name: zlib.crc32(name.encode("utf-8")) % UNSEEN_FOLDS for name in texts}
    for fold in range(UNSEEN_FOLDS):
        seen = [p for name in sorted(texts) if folds[name] != fold for p in texts[name]]
        yield {name: texts[name] for name in sorted(texts) if folds[name] == fold}, build(seen + official + corrected, typo_model.ORDER)


def unseen_rates() -> None:
    """Typo findings on the seeds and corpus-extra's tuning part, each text checked by a model
    built without it (the same recipe as the shipped one otherwise), every finding listed."""
    total = characters = 0
    for unseen, model in unseen_folds(LAWS):
        rules = typo_rules()
        for rule in rules:
            if hasattr(rule, "model"):
                rule.model = model
        found = by_document(rules, unseen)
        total, characters = total + len(found), characters + sum(len(p) for ps in unseen.values() for p in ps)
        for text, finding in found:
            print(f"    {listed_finding(text, finding)}")
    print(f"seeds and corpus-extra's tuning part, each text unseen by its model ({'with' if LAWS else 'without'} "
          f"the law text): {total} typo findings in "
          f"{characters} characters = {1000 * total / characters:.3f} per 1,000")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("odw-dev", "law-dev", "synthetic"), default="odw-dev")
    parser.add_argument("--thresholds", action="store_true", help="the P/R curve over the context rule's threshold")
    parser.add_argument("--misses", action="store_true", help="odw-dev: the missed wrong characters by shape and cause")
    parser.add_argument("--gates", action="store_true", help="odw-dev, with --laws: wrong characters tried and the cost, "
                        "by how many known trigrams hold a character")
    parser.add_argument("--cost", action="store_true", help="odw-dev, with --laws: the detector's candidate scorings "
                        "per 1,000 characters of edited and of unseen legal text")
    parser.add_argument("--unseen", action="store_true", help="findings on the tuning texts, each read by a model without it")
    parser.add_argument("--no-corpora", action="store_true", help="skip the rates on the corpora")
    parser.add_argument("--level", choices=TYPO_LEVELS, help="the typo level (default: both, one report each)")
    parser.add_argument("--shift", type=float, nargs="+", default=[0.0],
                        help="add this to the context rule's thresholds (log-odds); several: one report each")
    parser.add_argument("--laws", type=Path, help="the checkout of LawRefBook/Laws the shipped model was built from "
                        "(odw-dev's fold models then follow the shipped recipe; without it they read the corpora only)")
    arguments = parser.parse_args()
    global THRESHOLD_SHIFT, LAWS, LEVEL
    LAWS = arguments.laws
    if LAWS is None and arguments.set == "odw-dev":
        print("odw-dev fold models WITHOUT the law text (no --laws): not the shipped model's recipe")
    thresholds = next(rule.thresholds for rule in load_rules() if hasattr(rule, "thresholds"))
    for LEVEL in [arguments.level] if arguments.level else TYPO_LEVELS:
        for shift in arguments.shift:
            THRESHOLD_SHIFT = shift
            print(f"\n== typo level {LEVEL} (threshold {thresholds[LEVEL]:g}), shift {shift:+g}")
            report(arguments)


def report(arguments) -> None:
    if arguments.set == "odw-dev":
        pairs = typo_dev("odw.dev.tsv")
        cases = [case_of(*pair) for pair in pairs]
        how = (f"{typo_model.FOLDS}-fold: each fold checked by the model built without it"
               if typo_model is not None else "no model")
        print(f"odw-dev ({how}; the shipped model reads all of odw-dev's corrected sentences)")
        findings = folded_findings(pairs)
        print_figures("odw-dev", measure(cases, findings))
        if arguments.misses and typo_model is not None:
            print_misses(pairs, findings)
        if arguments.gates and LAWS is not None:
            print_gates(pairs)
        if arguments.cost and LAWS is not None:
            print_cost()
    else:
        cases = ([case_of(*pair) for pair in typo_dev("law.dev.tsv")] if arguments.set == "law-dev"
                 else synthetic_set())
        print(f"{arguments.set} (never trained or tuned on)")
        print_figures(arguments.set, measure(cases, run(cases, typo_rules())))
    if arguments.thresholds and typo_model is not None:
        print("threshold curve (log-odds added to the context rule's threshold):")
        for shift in THRESHOLD_GRID:
            findings = (folded_findings(pairs, shift) if arguments.set == "odw-dev"
                        else run(cases, _with_shift(shift)))
            figures = measure(cases, findings)
            print(f"    shift {shift:+5.1f}: P {figures['P']:.3f}  R {figures['R']:.3f}  F1 {figures['F1']:.3f}  "
                  f"char P {figures['char P']:.3f} R {figures['char R']:.3f}  false alarms {figures['false alarms']:.3f}")
    if not arguments.no_corpora:
        corpus_rates(typo_rules())
    if arguments.unseen:
        unseen_rates()


def _with_shift(shift: float):
    rules = typo_rules()
    shift_threshold(rules, shift)
    return rules


if __name__ == "__main__":
    main()
