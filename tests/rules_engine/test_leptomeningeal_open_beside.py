"""A leukaemia's CNS involvement coded without its site (meninges or brain) may be the
leptomeningeal disease a line excludes: open, never absent (``derive.OPEN_BESIDE``). Before, a
patient with CNS leukaemia on record met "Patients with leptomeningeal disease are not eligible"
as though it were absent; a coded leptomeningeal disease decides, and a record of neither is
absent under the contract."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy

EXC = CriterionType.EXCLUSION
LINE = "Patients with leptomeningeal disease are not eligible."

ROWS = [
    (LINE, EXC,
     (healthy(condition("leptomeningeal_disease")),),  # met: excluded
     (healthy(), healthy(condition("aml"))),  # not met: neither on record
     (healthy(condition("cns_involvement")),)),  # unknown: may be meningeal
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_cns_involvement_without_its_site_leaves_leptomeningeal_disease_open(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected

