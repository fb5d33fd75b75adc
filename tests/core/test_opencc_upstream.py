"""OpenCC's own test cases pass through our ``convert`` (overrides included) for every config.

The cases are read from shared/peer/opencc (OpenCC's repository at a fixed commit, see its
README). If that folder is missing the tests are skipped with the reason, never passed silently.
"""

from __future__ import annotations

import json
import re

import pytest

from assistant.core.conversion import convert
from tests.conftest import PEER

OPENCC = PEER / "opencc"


def _json_cases(path) -> list[tuple[str, str, str, str]]:
    if not path.exists():
        return []
    raw = re.sub(r",(\s*[}\]])", r"\1", path.read_text(encoding="utf-8"))  # upstream has trailing commas
    return [(case["id"], config, case["input"], expected)
            for case in json.loads(raw)["cases"] for config, expected in case["expected"].items()]


def _legacy_cases() -> list[tuple[str, str, str, str]]:
    folder = OPENCC / "legacy_in_ans"
    cases = []
    for source in sorted(folder.glob("*.in")) if folder.is_dir() else []:
        answers = source.with_suffix(".ans").read_text(encoding="utf-8").splitlines()
        for number, (line, answer) in enumerate(zip(source.read_text(encoding="utf-8").splitlines(), answers)):
            cases.append((f"{source.stem}:{number + 1}", source.stem, line, answer))
    return cases


def _golden_cases() -> list[tuple[str, str]]:
    folder = OPENCC / "golden" / "output"
    if not folder.is_dir():
        return []
    return [(p.name.split(".")[1], p.name) for p in sorted(folder.glob("us_constitution_zhs.*.txt"))
            if not p.name.split(".")[1].endswith("_jieba")]  # *_jieba needs a plugin PyPI opencc lacks


def _require(cases) -> None:
    if not OPENCC.is_dir():
        pytest.skip(f"OpenCC upstream test cases not found at {OPENCC}")
    assert cases, f"no cases read from {OPENCC}: the folder layout changed"


CURRENT = _json_cases(OPENCC / "testcases.json")
VERSION_141 = _json_cases(OPENCC / "ver.1.4.1" / "testcases.json")


def test_upstream_cases_are_present():
    _require(CURRENT)
    assert len(CURRENT) >= 500 and len(VERSION_141) >= 400
    assert {"s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "t2hk"} <= {c[1] for c in CURRENT}


@pytest.mark.parametrize("case_id, config, text, expected", CURRENT + VERSION_141 + _legacy_cases(),
                         ids=lambda v: v if isinstance(v, str) and len(v) < 20 else "")
def test_upstream_case(case_id, config, text, expected):
    _require(CURRENT)
    assert convert(text, config) == expected


@pytest.mark.parametrize("config, name", _golden_cases())
def test_upstream_golden_file(config, name):
    _require(CURRENT)
    source = (OPENCC / "golden" / "input" / "us_constitution_zhs.txt").read_text(encoding="utf-8")
    expected = (OPENCC / "golden" / "output" / name).read_text(encoding="utf-8")
    assert convert(source, config) == expected
