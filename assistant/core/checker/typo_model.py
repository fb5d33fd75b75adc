"""The character language model the 错别字 detector scores sentences with: what it is trained on,
where the built file lives, and the folds that keep its benchmark honest.

Training text: the seed corpus, corpus-extra less its held-out fifth (calibrate.held_out: the
false-alarm figure on that fifth stays honest), public-domain laws and regulations (law_text.py:
LawRefBook/Laws, the folders that do not overlap the dev sets, decontaminated paragraph by paragraph)
and the corrected sentences of shared/typo-dev's odw.dev.tsv (公文 sentences of ECSpell's train split,
MIT; never the sentences as written, never law.dev.tsv, never ECSpell's test splits). The benchmark
measures odw-dev in FOLDS folds: fold k is checked by a model built without fold k's sentences
(``fold_model``).

Build (reproducible from the corpora and a checkout of LawRefBook/Laws; writes
resources/typo_model/chars.lm; resources/typo_model/README.md has the fetch command):
    .venv/bin/python -m assistant.core.checker.typo_model --laws PATH [--typo-dev ../shared/typo-dev]
(``--overlap``: the law folders' overlap with the dev sets instead, law_text.py)
"""

from __future__ import annotations

import argparse
import zlib
from functools import lru_cache
from pathlib import Path

from ..resources import resource_path
from .calibrate import corpus_texts
from .law_text import law_paragraphs, overlap_table
from .ngram import NgramModel, build

ORDER = 4
FOLDS = 2
MODEL_FILE = ("typo_model", "chars.lm")
DEFAULT_TYPO_DEV = Path(__file__).resolve().parents[3].parent / "shared" / "typo-dev"
FALLBACK_TYPO_DEV = Path("/work/shared/typo-dev")


def fold_of(corrected: str) -> int:
    """The fold of an odw-dev sentence, by its corrected text (stable across runs and machines)."""
    return zlib.crc32(corrected.encode("utf-8")) % FOLDS


def typo_dev_folder() -> Path:
    return DEFAULT_TYPO_DEV if DEFAULT_TYPO_DEV.exists() else FALLBACK_TYPO_DEV


def corrected_sentences(folder: Path, without_fold: int | None = None) -> list[str]:
    """odw-dev's corrected sentences (third column), less one fold when asked."""
    found = []
    for line in (folder / "odw.dev.tsv").read_text(encoding="utf-8").splitlines():
        corrected = line.split("\t")[2]
        if without_fold is None or fold_of(corrected) != without_fold:
            found.append(corrected)
    return found


def training_paragraphs(typo_dev: Path, without_fold: int | None = None, laws: Path | None = None) -> list[str]:
    corpora = [corpus_texts(resource_path("corpus"), tuning_only=False),
               corpus_texts(resource_path("corpus", "extra"), tuning_only=True)]
    paragraphs = [p for texts in corpora for name in sorted(texts) for p in texts[name]]
    official = law_paragraphs(laws, typo_dev) if laws is not None else []
    return paragraphs + official + corrected_sentences(typo_dev, without_fold)


@lru_cache(maxsize=1)
def shipped_model() -> NgramModel:
    """The bundled model, read once per process."""
    return NgramModel.from_bytes(resource_path(*MODEL_FILE).read_bytes())


@lru_cache(maxsize=FOLDS)
def fold_model(fold: int, laws: Path | None = None) -> NgramModel:
    """The model built without fold ``fold`` of odw-dev (for the benchmark and the tests), in
    memory: with ``laws`` the shipped recipe (a few minutes), without it the corpora and odw-dev
    only (a few seconds)."""
    return build(training_paragraphs(typo_dev_folder(), without_fold=fold, laws=laws), ORDER)


def main() -> None:
    parser = argparse.ArgumentParser(description="build resources/typo_model/chars.lm")
    parser.add_argument("--laws", type=Path, required=True, help="a checkout of LawRefBook/Laws")
    parser.add_argument("--typo-dev", type=Path, default=typo_dev_folder())
    parser.add_argument("--out", type=Path, default=resource_path(*MODEL_FILE))
    parser.add_argument("--overlap", action="store_true", help="print each law folder's overlap with the dev sets; build nothing")
    arguments = parser.parse_args()
    if arguments.overlap:
        print("\n".join(overlap_table(arguments.laws, arguments.typo_dev)))
        return
    model = build(training_paragraphs(arguments.typo_dev, laws=arguments.laws), ORDER)
    data = model.to_bytes()
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_bytes(data)
    print(f"{arguments.out}: {len(model.probs)} n-grams, {len(data) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
