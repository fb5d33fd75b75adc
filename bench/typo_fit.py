"""Fit the decision of rule typo-confusable: a logistic regression over each candidate repair's
features (confusion.FEATURES), its weights and the 全面 (thorough) threshold written into
resources/rules/typo.toml (the 稳妥 one follows from them: bench/typo_levels.py).

Rows: every candidate the rule weighs (ContextRule.judged: past the guards, whatever its score), on
- odw-dev (shared/typo-dev): right when the repair changes a wrong character, wrong otherwise (on a
  clean sentence always);
- the tuning texts (the seeds and corpus-extra less its held-out fifth, never the fifth): edited text,
  so wrong, except the real slips read in them (REAL_SLIPS); a candidate whose wording the document
  writes in another paragraph too is left out (the engine drops it: engine._without_wording_repeated).
Folds: FOLDS character models, model k built from the shipped recipe (resources/typo_model/README.md,
so ``--laws`` is needed) without odw-dev's fold k and without the tuning texts of half k; it yields
the rows of both. The regression is cross-validated the same way (fit on the rows of the other folds,
score fold k), the threshold chosen on those out-of-fold scores: the highest odw-dev recall at
sentence precision ≥ TARGET_PRECISION. The shipped weights are then fitted on every row.
Plain Python (Newton's method on standardised features, an L2 penalty): no numeric library.

Run (two models of ~1.7 GB built one after the other, a few minutes each; the rows are cached):
    nice -n 10 .venv/bin/python bench/typo_fit.py --laws /tmp/Laws --rows /tmp/typo_rows.jsonl [--write]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.core.checker import confusion, typo_model  # noqa: E402
from assistant.core.checker.calibrate import tuning_texts  # noqa: E402
from assistant.core.checker.confusion import FEATURES  # noqa: E402
from assistant.core.checker.law_text import law_paragraphs  # noqa: E402
from assistant.core.checker.loading import load_rules  # noqa: E402
from assistant.core.checker.settings import THOROUGH  # noqa: E402
from assistant.core.checker.ngram import build  # noqa: E402
from assistant.core.checker.text import Paragraph  # noqa: E402
from assistant.core.resources import resource_path  # noqa: E402

FOLDS = typo_model.FOLDS
TARGET_PRECISION = 0.90
PENALTY = 1.0  # L2 on the standardised weights (the bias free)
NEWTON_STEPS = 30
THRESHOLDS = [t / 4 for t in range(-16, 33)]  # log-odds scanned for the curve
# Real slips read among the candidates on the tuning texts (the wrong word as the text has it): a
# candidate that changes a character of one is labelled right (上一个大台队 for 台阶; 初浅 for 粗浅;
# not 精减会议和文件: the same text writes 精减机关人员, a word of its own).
REAL_SLIPS = {"成缚", "亨受", "乎稳", "抉贫", "具休", "撑握", "始何", "自已", "台队", "睦领", "时侯", "初浅", "末来", "来取",
              "清瘀"}
RULE_FILE = resource_path("rules", "typo.toml")


def half_of(name: str) -> int:
    """The fold of a tuning text, by its name (stable across runs)."""
    return zlib.crc32(name.encode("utf-8")) % FOLDS


def odw_dev() -> list[tuple[str, str]]:
    folder = typo_model.typo_dev_folder()
    return [tuple(line.split("\t")[1:]) for line in (folder / "odw.dev.tsv").read_text(encoding="utf-8").splitlines()]


def the_rule():
    return next(rule for rule in load_rules() if rule.id == "typo-confusable")


def rows_of(rule, text: str, unit: str, fold: int, source: str, gold: frozenset[int] | None,
            document: str) -> list[dict]:
    """The rule's candidates in one paragraph as rows."""
    rows = []
    for position, hit, features in rule.judged(Paragraph(text)):
        written, fixed = text[hit.start:hit.end], hit.suggestions[0]
        changed = [hit.start + k for k, (a, b) in enumerate(zip(written, fixed)) if a != b]
        label = bool(gold & set(changed)) if gold is not None else a_real_slip(written, hit.start, changed)
        rows.append({"source": source, "fold": fold, "unit": unit, "position": position, "start": hit.start,
                     "end": hit.end, "changed": changed, "written": written, "fixed": fixed,
                     "repeated": document.count(written) > 1, "label": label, "features": features})
    return rows


def a_real_slip(written: str, start: int, changed: list[int]) -> bool:
    """Whether a candidate on edited text changes a character of one of REAL_SLIPS."""
    for slip in REAL_SLIPS:
        at = written.find(slip)
        if at != -1 and any(start + at <= c < start + at + len(slip) for c in changed):
            return True
    return False


def collect(laws: Path) -> list[dict]:
    folder = typo_model.typo_dev_folder()
    texts = tuning_texts()
    official = law_paragraphs(laws, folder)
    pairs = odw_dev()
    rows: list[dict] = []
    for fold in range(FOLDS):
        seen = [p for name in sorted(texts) if half_of(name) != fold for p in texts[name]]
        rule = the_rule()
        rule.model = build(seen + official + typo_model.corrected_sentences(folder, without_fold=fold), typo_model.ORDER)
        for index, (wrong, right) in enumerate(pairs):
            if typo_model.fold_of(right) == fold:
                gold = frozenset(i for i, (a, b) in enumerate(zip(wrong, right)) if a != b)
                rows += rows_of(rule, wrong, f"odw{index}", fold, "odw", gold, wrong)
        for name in sorted(texts):
            if half_of(name) == fold:
                document = "\n".join(texts[name])
                for index, paragraph in enumerate(texts[name]):
                    rows += rows_of(rule, paragraph, f"{name}#{index}", fold, "edited", None, document)
        print(f"fold {fold}: {len(rows)} rows so far", flush=True)
        rule.model = None
        confusion._context.cache_clear()
        gc.collect()
    return rows


# The regression.

def standardiser(rows: list[dict]) -> tuple[list[float], list[float]]:
    columns = [[row["features"][name] for row in rows] for name in FEATURES]
    means = [sum(c) / len(c) for c in columns]
    spreads = [math.sqrt(sum((v - m) ** 2 for v in c) / len(c)) or 1.0 for c, m in zip(columns, means)]
    return means, spreads


def fit(rows: list[dict], edited_weight: float) -> dict[str, float]:
    """Weights (bias and one per feature, on the raw features) by Newton's method."""
    means, spreads = standardiser(rows)
    xs = [[1.0] + [(row["features"][n] - m) / s for n, m, s in zip(FEATURES, means, spreads)] for row in rows]
    ys = [1.0 if row["label"] else 0.0 for row in rows]
    ws = [edited_weight if row["source"] == "edited" else 1.0 for row in rows]
    size = len(FEATURES) + 1
    beta = [0.0] * size
    for _ in range(NEWTON_STEPS):
        gradient = [PENALTY * b if i else 0.0 for i, b in enumerate(beta)]
        hessian = [[PENALTY if i == j and i else 0.0 for j in range(size)] for i in range(size)]
        for x, y, w in zip(xs, ys, ws):
            z = sum(b * v for b, v in zip(beta, x))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = w * (p - y), w * p * (1 - p)
            for i in range(size):
                gradient[i] += g * x[i]
                if h:
                    hi = h * x[i]
                    row = hessian[i]
                    for j in range(i + 1):
                        row[j] += hi * x[j]
        for i in range(size):
            for j in range(i):
                hessian[j][i] = hessian[i][j]
        step = solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    weights = {name: beta[i + 1] / spreads[i] for i, name in enumerate(FEATURES)}
    weights["bias"] = beta[0] - sum(beta[i + 1] * means[i] / spreads[i] for i in range(len(FEATURES)))
    return weights


def solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """matrix⁻¹ · vector by Gaussian elimination with partial pivoting."""
    size = len(vector)
    a = [list(row) + [v] for row, v in zip(matrix, vector)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            for c in range(col, size + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * size
    for r in range(size - 1, -1, -1):
        x[r] = (a[r][size] - sum(a[r][c] * x[c] for c in range(r + 1, size))) / a[r][r]
    return x


def score(weights: dict[str, float], row: dict) -> float:
    return weights["bias"] + sum(weights[name] * value for name, value in row["features"].items())


# What the rule reports at a threshold, measured as bench/typo_precision.py does.

def reported(rows: list[dict], scores: list[float], threshold: float) -> list[dict]:
    """The rows the rule reports: per paragraph, the best candidate per position above the
    threshold, then of overlapping ones the likelier, likeliest first (ContextRule.paragraph_hits);
    the document's repeated wording dropped (the engine)."""
    best: dict[tuple[str, int], tuple[float, dict]] = {}
    for row, s in zip(rows, scores):
        key = (row["unit"], row["position"])
        if s > threshold and s > best.get(key, (-math.inf, None))[0]:
            best[key] = (s, row)
    taken: dict[str, list[dict]] = {}
    for _, row in sorted((best[key] for key in sorted(best)), key=lambda pair: -pair[0]):
        others = taken.setdefault(row["unit"], [])
        if all(row["end"] <= other["start"] or row["start"] >= other["end"] for other in others):
            others.append(row)
    return [row for unit in sorted(taken) for row in sorted(taken[unit], key=lambda row: row["start"])
            if not row["repeated"]]


def figures(rows: list[dict], scores: list[float], threshold: float, pairs, characters: int) -> dict[str, float]:
    kept = reported(rows, scores, threshold)
    odw = [row for row in kept if row["source"] == "odw"]
    flagged = {row["unit"] for row in odw}
    right = {row["unit"] for row in odw if row["label"]}
    wrong_units = {f"odw{i}" for i, (w, r) in enumerate(pairs) if w != r}
    clean = len(pairs) - len(wrong_units)
    gold = {f"odw{i}": {k for k, (a, b) in enumerate(zip(w, r)) if a != b} for i, (w, r) in enumerate(pairs)}
    predicted = sum(len(row["changed"]) for row in odw)
    right_chars = sum(len(gold[row["unit"]] & set(row["changed"])) for row in odw)
    edited = [row for row in kept if row["source"] == "edited"]
    p = len(right) / len(flagged) if flagged else 1.0
    r = len(right) / len(wrong_units)
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
            "char P": right_chars / predicted if predicted else 1.0,
            "char R": right_chars / sum(len(g) for g in gold.values()),
            "clean": len(flagged - wrong_units), "clean of": clean,
            "edited": len(edited), "edited right": sum(1 for row in edited if row["label"]),
            "edited per 1,000": 1000 * len(edited) / characters}


def line(threshold: float, f: dict[str, float]) -> str:
    return (f"  t {threshold:+6.2f}: P {f['P']:.3f} R {f['R']:.3f} F1 {f['F1']:.3f}  char P {f['char P']:.3f} "
            f"R {f['char R']:.3f}  clean {f['clean']}/{f['clean of']}  edited {f['edited']} "
            f"({f['edited right']} right, {f['edited per 1,000']:.3f} per 1,000)")


def cross_validated(rows: list[dict], edited_weight: float) -> list[float]:
    """Each row's score from the weights fitted on the other folds."""
    scores = [0.0] * len(rows)
    for fold in range(FOLDS):
        weights = fit([row for row in rows if row["fold"] != fold], edited_weight)
        for i, row in enumerate(rows):
            if row["fold"] == fold:
                scores[i] = score(weights, row)
    return scores


def chosen(curve: list[tuple[float, dict]]) -> tuple[float, dict]:
    """The threshold of the highest recall at precision ≥ TARGET_PRECISION (the highest threshold
    if none reaches it)."""
    good = [(t, f) for t, f in curve if f["P"] >= TARGET_PRECISION]
    return max(good, key=lambda tf: (tf[1]["R"], tf[0])) if good else curve[-1]


def write(weights: dict[str, float], threshold: float) -> None:
    text = RULE_FILE.read_text(encoding="utf-8")
    table = ", ".join(f"{name} = {weights[name]:.4g}" for name in ("bias", *FEATURES))
    text, n = re.subn(r"(?m)^weights = \{.*\}$", lambda _: f"weights = {{ {table} }}", text)
    text, m = re.subn(r"(?m)^(thresholds = \{.*\bthorough = )[-+0-9.e]+", lambda found: f"{found[1]}{threshold:g}", text)
    assert n == m == 1, "typo.toml: one weights line and one thresholds line expected"
    RULE_FILE.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laws", type=Path, help="the LawRefBook/Laws checkout (to collect rows)")
    parser.add_argument("--rows", type=Path, required=True, help="the rows' cache (JSON lines): read when it exists")
    parser.add_argument("--edited-weight", type=float, default=1.0, help="each edited-text row's weight in the fit")
    parser.add_argument("--write", action="store_true", help="write the weights and threshold into typo.toml")
    arguments = parser.parse_args()
    if arguments.rows.exists():
        rows = [json.loads(line) for line in arguments.rows.read_text(encoding="utf-8").splitlines()]
        for row in rows:  # the labels of edited text follow REAL_SLIPS as it stands
            if row["source"] == "edited":
                row["label"] = a_real_slip(row["written"], row["start"], row["changed"])
    else:
        if arguments.laws is None:
            parser.error("--laws is needed to collect the rows")
        rows = collect(arguments.laws)
        arguments.rows.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    pairs = odw_dev()
    characters = sum(len(p) for ps in tuning_texts().values() for p in ps)
    print(f"{len(rows)} rows: odw-dev {sum(r['source'] == 'odw' for r in rows)} ({sum(r['label'] for r in rows if r['source'] == 'odw')} right), "
          f"tuning texts {sum(r['source'] == 'edited' for r in rows)} ({sum(r['label'] for r in rows if r['source'] == 'edited')} right) "
          f"in {characters} characters")
    hand = the_rule()
    hand_scores = [score(hand.weights, row) for row in rows]
    print("the weights in typo.toml now, on the same rows:")
    threshold = hand.thresholds[THOROUGH]
    print(line(threshold, figures(rows, hand_scores, threshold, pairs, characters)))
    scores = cross_validated(rows, arguments.edited_weight)
    curve = [(t, figures(rows, scores, t, pairs, characters)) for t in THRESHOLDS]
    print(f"cross-validated ({FOLDS} folds), edited-text weight {arguments.edited_weight}:")
    for t, f in curve:
        print(line(t, f))
    threshold, best = chosen(curve)
    print(f"chosen: {line(threshold, best)}")
    weights = fit(rows, arguments.edited_weight)
    print("weights fitted on every row: " + ", ".join(f"{name} {weights[name]:+.3f}" for name in ("bias", *FEATURES)))
    if arguments.write:
        write(weights, threshold)
        print(f"written to {RULE_FILE}")


if __name__ == "__main__":
    main()
