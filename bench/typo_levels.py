"""Benchmark: where the 稳妥 (standard) typo level's threshold stands, from text no model read.

The 稳妥 level shows the statistical 错别字 guesses (typo-confusable) past a higher threshold than
全面 (settings.TYPO_LEVELS, typo.toml's ``thresholds``). Edited text has almost no slips left, so
there every guess the model is unsure of is a false alarm; the 稳妥 threshold is the lowest at which
≥ RIGHT_SHARE of the findings on the tuning texts (the seeds and corpus-extra less its held-out
fifth) are real slips (bench/typo_fit.REAL_SLIPS), each text read by a model built without it:
- typo_fit's two fold models (the shipped recipe, law text in): odw-dev and the tuning texts;
- bench/typo_precision.py --unseen's four corpus-only models: the tuning texts.
From that threshold up every higher one must hold it too (a lone right finding is no trend). The
rule's decision is replayed on the candidates (every one with its features, whatever its score):
the rule alone, as typo_fit replays it. Per threshold: odw-dev sentence detection P/R and clean
sentences flagged, and each tuning column's findings with the right ones in brackets.
corpus-extra's held-out fifth is never read here: bench/typo_precision.py --level standard prints it.
Run (two models of ~1.7 GB built one after the other, then four small ones; the rows are cached):
    nice -n 10 .venv/bin/python bench/typo_levels.py --laws PATH --rows /tmp/typo_rows.jsonl --unseen-rows /tmp/unseen_rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from typo_fit import THRESHOLDS, a_real_slip, collect, figures, odw_dev, reported, rows_of, score, the_rule  # noqa: E402
from typo_precision import unseen_folds  # noqa: E402

from assistant.core.checker.calibrate import tuning_texts  # noqa: E402
from assistant.core.checker.settings import STANDARD, THOROUGH  # noqa: E402

RIGHT_SHARE = 0.80  # issue 25: ≥ 80 % of the typo findings on edited text judged right


def cached(path: Path, make) -> list[dict]:
    """The rows in ``path`` (JSON lines), made and written there first when it does not exist; the
    labels of edited text follow REAL_SLIPS as it stands."""
    if path.exists():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    else:
        rows = make()
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    for row in rows:
        if row["source"] == "edited":
            row["label"] = a_real_slip(row["written"], row["start"], row["changed"])
    return rows


def unseen_rows() -> list[dict]:
    """The rule's candidates on the tuning texts, each text read by a corpus-only model without it."""
    rows: list[dict] = []
    for fold, (texts, model) in enumerate(unseen_folds(None)):
        rule = the_rule()
        rule.model = model
        for name, paragraphs in texts.items():
            document = "\n".join(paragraphs)
            for index, paragraph in enumerate(paragraphs):
                rows += rows_of(rule, paragraph, f"{name}#{index}", fold, "edited", None, document)
        print(f"unseen fold {fold}: {len(rows)} rows so far", flush=True)
    return rows


def edited(rows: list[dict], scores: list[float], threshold: float) -> tuple[int, int]:
    """(findings, right ones) on edited text at ``threshold``."""
    kept = [row for row in reported(rows, scores, threshold) if row["source"] == "edited"]
    return len(kept), sum(1 for row in kept if row["label"])


def holds(found: int, right: int) -> bool:
    return right >= RIGHT_SHARE * found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, help="the LawRefBook/Laws checkout (to collect typo_fit's rows)")
    parser.add_argument("--rows", type=Path, required=True, help="typo_fit's rows' cache (JSON lines)")
    parser.add_argument("--unseen-rows", type=Path, required=True, help="the corpus-only models' rows' cache")
    arguments = parser.parse_args()
    if not arguments.rows.exists() and arguments.laws is None:
        parser.error("--laws is needed to collect the rows")
    law_rows = cached(arguments.rows, lambda: collect(arguments.laws))
    corpus_rows = cached(arguments.unseen_rows, unseen_rows)
    rule, pairs = the_rule(), odw_dev()
    law_scores = [score(rule.weights, row) for row in law_rows]
    corpus_scores = [score(rule.weights, row) for row in corpus_rows]
    characters = sum(len(p) for ps in tuning_texts().values() for p in ps)
    print(f"typo.toml now: thresholds {rule.thresholds}; tuning texts {characters} characters; "
          f"a threshold holds when ≥ {RIGHT_SHARE:.0%} of the findings in both tuning columns are real slips")
    print("threshold | odw-dev P / R (clean flagged) | tuning texts, law fold models | tuning texts, corpus-only models")
    table = []
    for threshold in THRESHOLDS:
        f = figures(law_rows, law_scores, threshold, pairs, characters)
        columns = (f["edited"], f["edited right"]), edited(corpus_rows, corpus_scores, threshold)
        table.append((threshold, all(holds(*column) for column in columns)))
        marks = " ".join(f"<- {level}" for level in (STANDARD, THOROUGH) if rule.thresholds[level] == threshold)
        print(f"  {threshold:+6.2f} | {f['P']:.3f} / {f['R']:.3f} ({f['clean']}) | "
              + " | ".join(f"{found} ({right})" for found, right in columns) + f" {marks}")
    lowest = next((t for k, (t, _) in enumerate(table) if all(ok for _, ok in table[k:])), None)
    print(f"the lowest threshold from which every one holds: {lowest if lowest is None else f'{lowest:+g}'}")


if __name__ == "__main__":
    main()
