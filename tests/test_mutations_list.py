"""tests/mutations.py stays runnable: every sabotage still finds the one line it breaks, and every test
it names still exists (a renamed module or test otherwise turns a sabotage into a silent no-op)."""

import pytest

from tests.conftest import ROOT
from tests.mutations import SABOTAGES


@pytest.mark.parametrize("sabotage", SABOTAGES, ids=lambda s: s.name)
def test_each_sabotage_finds_its_line_once(sabotage):
    assert (ROOT / sabotage.path).read_text(encoding="utf-8").count(sabotage.old) == 1


def test_each_sabotage_names_test_files_that_exist():
    named = {test.split("::")[0] for s in SABOTAGES for test in s.tests if test.startswith("tests/")}
    missing = {path for path in named if not (ROOT / path).exists()}
    assert not missing
