"""Public-domain official text for the character model: the laws, regulations, judicial
interpretations and local regulations of the LawRefBook/Laws repository (Markdown, one text a file).

Why these: the PRC Copyright Law (Art. 5) leaves laws, regulations, resolutions, decisions, orders
and other documents of a legislative, administrative or judicial nature outside copyright, and they
are edited official wording, tens of times more of it than the corpora hold. The repository's
other folders (案例: commentary on cases; 其他: a lawyer's guide beside a standard) are not such
documents and are never read.

Contamination: the benchmark's sentences (shared/typo-dev) may come from the same kind of text, so
each folder is measured before it is used (``python -m assistant.core.checker.typo_model --laws
SOURCE --overlap``):
the share of the dev sets' corrected sentences found in it, exactly and loosely (≥ 80 % of a
sentence's 8-character shingles). ``FOLDERS`` lists the folders read; what the model reads of them
holds no sentence of either dev set or of the corpora (``decontaminated``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..resources import resource_path
from ..text.sentences import sentences
from .calibrate import corpus_texts

# Folders of LawRefBook/Laws (commit 2f4c5c2) read, each with both overlap shares ≤ 1 %
# (resources/typo_model/README.md has the figures). Left out for their overlap: 行政法规 (12 % of
# odw-dev's sentences), 司法解释 (2.7 % of law-dev's), 民法商法 (1.1 % of law-dev's, loosely); read
# decontaminated, the last two gained law-dev recall (+0.03) but cost odw-dev's (u25edited).
FOLDERS = (
    "宪法", "宪法相关法", "民法典", "行政法", "经济法", "社会法", "刑法", "诉讼与非诉讼程序法", "部门规章",
    "DLC/上海地方法规", "DLC/北京地方法规", "DLC/山东地方法规", "DLC/广东地方法规",
    "DLC/河南地方法规", "DLC/浙江地方法规", "DLC/重庆地方法规",
)
SHINGLE = 8
LOOSE_SHARE = 0.8  # a sentence counts as found loosely when this share of its shingles is
DROP_SHARE = 0.5  # a paragraph holding this share of a protected sentence's shingles is never trained on


def paragraphs(folder: Path) -> Iterator[str]:
    """The text lines of every law under ``folder`` (sorted by path, so a build is repeatable):
    the title without its Markdown mark, the adoption notes, the articles; the index pages (only
    front matter) and HTML comments left out."""
    for path in sorted(folder.rglob("*.md")):
        if path.name == "_index.md":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.strip().lstrip("#").strip()
            if text and not text.startswith("<!--"):
                yield text


def source_paragraphs(source: Path, folders: Iterable[str] = FOLDERS) -> list[str]:
    return [text for name in folders for text in paragraphs(source / name)]


def decontaminated(texts: list[str], sentences: list[str]) -> list[str]:
    """``texts`` less every paragraph that holds half or more of the shingles of one of
    ``sentences`` (protected_sentences; those shorter than a shingle say too little): what is left
    reads none of them whole."""
    owners: dict[str, list[int]] = {}
    sizes = []
    for number, sentence in enumerate(s for s in sentences if len(s) >= SHINGLE):
        own = shingles(sentence)
        sizes.append(len(own))
        for shingle in own:
            owners.setdefault(shingle, []).append(number)
    kept = []
    for text in texts:
        held: Counter[int] = Counter()
        for shingle in windows(text) & owners.keys():
            held.update(owners[shingle])
        if not any(count >= DROP_SHARE * sizes[number] for number, count in held.items()):
            kept.append(text)
    return kept


def windows(text: str) -> set[str]:
    return {text[i:i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def shingles(sentence: str) -> set[str]:
    if len(sentence) <= SHINGLE:
        return {sentence}
    return {sentence[i:i + SHINGLE] for i in range(len(sentence) - SHINGLE + 1)}


def overlap(texts: Iterable[str], sentences: list[str]) -> tuple[float, float]:
    """(exact, loose): the share of ``sentences`` found whole in ``texts``, and the share with at
    least LOOSE_SHARE of their shingles in them. One pass over the text, looking each window up
    in the sentences' shingles (the source is far larger than the dev sets)."""
    wanted = set().union(*(shingles(s) for s in sentences))
    short = {s for s in wanted if len(s) < SHINGLE}
    found: set[str] = set()
    kept: list[str] = []
    for text in texts:
        hits = windows(text) & wanted
        hits |= {s for s in short if s in text}
        if hits:
            found |= hits
            kept.append(text)
    joined = "\n".join(kept)
    loose = [s for s in sentences if len(shingles(s) & found) >= LOOSE_SHARE * len(shingles(s))]
    exact = [s for s in loose if shingles(s) <= found and s in joined]
    return len(exact) / len(sentences), len(loose) / len(sentences)


def law_paragraphs(source: Path, typo_dev: Path) -> list[str]:
    """The text the character model reads from the source: the used folders, decontaminated
    against both dev sets (odw-dev is measured fold by fold, law-dev never trained on) and against
    the corpora (corpus-extra's held-out fifth is read by no model)."""
    return decontaminated(source_paragraphs(source), protected_sentences(typo_dev))


def protected_sentences(typo_dev: Path) -> list[str]:
    """What no paragraph of the source may carry into training: both dev sets' corrected
    sentences and every sentence of the seeds and corpus-extra (held-out fifth included; the
    tuning part is read by the model anyway, but its unseen folds must stay unseen)."""
    corpora = [corpus_texts(resource_path("corpus")), corpus_texts(resource_path("corpus", "extra"))]
    written = [paragraph[span.start:span.end] for texts in corpora for name in sorted(texts)
               for paragraph in texts[name] for span in sentences(paragraph)]
    return dev_sentences(typo_dev, "odw.dev.tsv") + dev_sentences(typo_dev, "law.dev.tsv") + written


def dev_sentences(typo_dev: Path, name: str) -> list[str]:
    """The corrected sentences (third column) of a shared/typo-dev file."""
    lines = (typo_dev / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[2].strip() for line in lines]


def all_folders(source: Path) -> list[str]:
    """Every top folder of the repository, DLC's provinces each as a folder of its own."""
    tops = sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name != "scripts")
    provinces = [f"DLC/{p.name}" for p in sorted((source / "DLC").iterdir()) if p.is_dir()] if "DLC" in tops else []
    return provinces + [top for top in tops if top != "DLC"]


def overlap_table(source: Path, typo_dev: Path) -> Iterator[str]:
    """The lines of the overlap table: each folder (and the used ones together, before and after
    decontamination) against both dev sets."""
    dev = {name: dev_sentences(typo_dev, f"{name}.dev.tsv") for name in ("odw", "law")}
    yield f"{'folder':24s} {'chars':>10s}  odw exact  odw loose  law exact  law loose  used"
    for folder in [*all_folders(source), "all used", "all used, decontaminated"]:
        texts = (law_paragraphs(source, typo_dev) if folder.endswith("decontaminated")
                 else source_paragraphs(source) if folder == "all used" else list(paragraphs(source / folder)))
        shares = [share for name in ("odw", "law") for share in overlap(texts, dev[name])]
        yield (f"{folder:24s} {sum(map(len, texts)):10d}  " + "  ".join(f"{100 * s:8.2f}%" for s in shares)
               + f"  {'yes' if folder in FOLDERS or folder.startswith('all used') else 'no'}")
