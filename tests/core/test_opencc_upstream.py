"""OpenCC's own test cases pass through our ``convert`` (overrides included) for every config.

The cases are OpenCC's repository at a fixed commit (see tests/_files/README.md): a subset vendored in
tests/_files/peer/opencc always runs; the full set is read from shared/peer/opencc, and the suite
fails when that folder is missing.
"""

from __future__ import annotations

import json
import re

import pytest

from assistant.core.conversion import convert
from tests.conftest import PEER, VENDORED_PEER, require_peer

SOURCES = {"vendored": VENDORED_PEER / "opencc", "shared": PEER / "opencc"}


def _json_cases(path, prefix="") -> list:
    if not path.exists():
        return []
    raw = re.sub(r",(\s*[}\]])", r"\1", path.read_text(encoding="utf-8"))  # upstream has trailing commas
    return [(f"{prefix}{case['id']}:{config}", config, case["input"], expected)
            for case in json.loads(raw)["cases"] for config, expected in case["expected"].items()]


def _legacy_cases(folder) -> list:
    cases = []
    for source in sorted((folder / "legacy_in_ans").glob("*.in")):
        answers = source.with_suffix(".ans").read_text(encoding="utf-8").splitlines()
        lines = source.read_text(encoding="utf-8").splitlines()
        cases += [(f"legacy/{source.stem}:{number + 1}", source.stem, line, answer)
                  for number, (line, answer) in enumerate(zip(lines, answers))]
    return cases


def _cases(source: str) -> list:
    """(case id, config, input, expected) for every case found in one source."""
    folder = SOURCES[source]
    return (_json_cases(folder / "testcases.json") + _json_cases(folder / "ver.1.4.1" / "testcases.json", "1.4.1/")
            + _legacy_cases(folder))


def _golden_files(source: str) -> list:
    return [pytest.param(source, p.name.split(".")[1], p.name, id=f"{source}/{p.name.split('.')[1]}")
            for p in sorted((SOURCES[source] / "golden" / "output").glob("us_constitution_zhs.*.txt"))
            if not p.name.split(".")[1].endswith("_jieba")]  # *_jieba needs a plugin PyPI opencc lacks


CASES = {source: _cases(source) for source in SOURCES}


def test_vendored_cases_are_present():
    configs = {case[1] for case in CASES["vendored"]}
    assert len(CASES["vendored"]) >= 500 and _golden_files("vendored")
    assert {"s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk"} <= configs


def test_shared_cases_are_present():
    require_peer()
    assert len(CASES["shared"]) >= 1000, f"too few cases read from {SOURCES['shared']}: the folder layout changed"
    assert len(_golden_files("shared")) >= 5


@pytest.mark.parametrize("config, text, expected", [
    pytest.param(*case[1:], id=f"{source}/{case[0]}") for source, cases in CASES.items() for case in cases])
def test_upstream_case(config, text, expected):
    assert convert(text, config) == expected


@pytest.mark.parametrize("source, config, name", _golden_files("vendored") + _golden_files("shared"))
def test_upstream_golden_file(source, config, name):
    folder = SOURCES[source] / "golden"
    text = (folder / "input" / "us_constitution_zhs.txt").read_text(encoding="utf-8")
    assert convert(text, config) == (folder / "output" / name).read_text(encoding="utf-8")
