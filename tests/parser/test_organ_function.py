"""Hepatic or renal function called adequate with no limits written (topics.organ_function).

"Adequate hepatic function", "Adequate liver and renal function", "Inadequate renal function"
(about 55 corpus lines) were each a review; two, "Adequate hepatic function" and "Adequate renal
function" among a trial's exclusions (holdout T311), meant their lack and passed a patient with
ALT at five times the limit. Every protocol's limits lie between two bands: values within the
normal range are adequate by any, values at CTCAE grade 3 or worse by none, and between them the
protocol decides (a review). An exclusion so written excludes by the lack; a line that writes or
defines its limits is the limits' reading.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import alt, bilirubin, creatinine, healthy, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

HEPATIC = "Adequate hepatic function"
RENAL = "Adequate renal function"
BOTH = "Adequate liver and kidney functions"


def clearance(value: float):
    return lab("creatinine_clearance", value, "mL/min")


# (line, type, met, not met, unknown)
ROWS = [
    # normal values: adequate; past grade 2 (ALT > 5 x ULN, bilirubin > 3 x ULN): not
    (HEPATIC, INC, (healthy(),), (healthy(alt=alt(210)), healthy(bilirubin=bilirubin(4.0))), (healthy(alt=None), healthy(alt=alt(100)))),
    # the exclusion the registry wrote as "Adequate ...": its lack excludes
    (HEPATIC, EXC, (healthy(alt=alt(210), bilirubin=bilirubin(3.0)),), (healthy(),), (healthy(alt=alt(100)),)),
    ("Inadequate hepatic function", EXC, (healthy(bilirubin=bilirubin(4.0)),), (healthy(),), ()),
    # either test shows the renal function; both past grade 2 show its lack
    (RENAL, INC, (healthy(), healthy(creatinine=creatinine(2.0), creatinine_clearance=clearance(70))),
     (healthy(creatinine=creatinine(3.1), creatinine_clearance=clearance(24)), healthy(creatinine=creatinine(4.0), creatinine_clearance=clearance(40))),
     (healthy(creatinine=creatinine(2.0), creatinine_clearance=clearance(45)), healthy(creatinine=None, creatinine_clearance=None))),
    (RENAL, EXC, (healthy(creatinine=creatinine(3.1), creatinine_clearance=clearance(24)),), (healthy(),), ()),
    (BOTH, INC, (healthy(),), (healthy(alt=alt(210)),), ()),
    # an organ with no band beside them ("Adequate bone marrow, liver and renal function"; about 80
    # corpus lines, each a review whole before): a person's, but a patient past a band is decided
    ("Adequate bone marrow, liver and renal function", INC, (), (healthy(alt=alt(210)), healthy(creatinine=creatinine(3.1), creatinine_clearance=clearance(24))),
     (healthy(),)),
    ("Adequate hepatic, renal and pancreatic function.", INC, (), (healthy(bilirubin=bilirubin(4.0)),), (healthy(),)),
    ("Adequate hematologic, hepatic, and renal function", INC, (), (healthy(alt=alt(210)),), (healthy(),)),
    ("Inadequate bone marrow, hepatic or renal function", EXC, (healthy(alt=alt(210)),), (), (healthy(),)),
    # "normal" function is the normal range: a value past the lab's limit is not normal, a creatinine
    # past it whatever clearance is beside it (holdout T195)
    ("Normal renal and hepatic function", INC, (healthy(),),
     (healthy(bilirubin=bilirubin(1.8)), healthy(alt=alt(60)), healthy(creatinine=creatinine(1.6), creatinine_clearance=clearance(50)),
      healthy(creatinine=creatinine(1.6), creatinine_clearance=clearance(96))),
     (healthy(alt=None), healthy(creatinine=None))),
    # a list word before the words is what they name, not a list under the line
    ("Patients must have the following laboratory values With normal liver and renal function", INC, (),
     (healthy(alt=alt(100)), healthy(creatinine=creatinine(2.0))), (healthy(),)),
    ("Abnormal liver function", EXC, (healthy(alt=alt(60)),), (healthy(),), (healthy(alt=None),)),
    # "impaired" and "poor" function is inadequate function: the bands' lack
    ("Impaired renal function", EXC, (healthy(creatinine=creatinine(4.0), creatinine_clearance=clearance(24)),), (healthy(),),
     (healthy(creatinine=creatinine(2.0), creatinine_clearance=clearance(45)),)),
    ("Poor liver or kidney function", EXC, (healthy(alt=alt(210)), healthy(creatinine=creatinine(4.0), creatinine_clearance=clearance(24))),
     (healthy(),), (healthy(alt=alt(100)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_adequate_function_is_judged_by_the_bands(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_between_the_bands_the_protocol_decides():
    """An ALT at 2.5 x ULN is within some protocols' limits and past others': left to a person."""
    criterion = parse_line(HEPATIC, INC)
    assert judged(criterion, healthy(alt=alt(100))) is Outcome.UNKNOWN
    assert "review ambiguous" in render_rule(criterion.expr, criterion.applies_if)


@pytest.mark.parametrize("text", [
    "Adequate bone marrow function",
    "Adequate hepatic or renal function",
    "Not adequate hematologic, renal and hepatic function",
    "Patients with adequate hepatic function defined as",
    "Patients must have adequate liver function with a bilirubin within normal laboratory values",
    "Adequate renal function: creatinine <= 1.5 x ULN",
    "Adequate hepatic function as defined below:",
])
def test_a_line_with_its_own_limits_is_not_read_by_the_bands(text):
    """(nor one naming no organ with a band, nor one asking either organ)"""
    criterion = parse_line(text, INC)
    rule = render_rule(criterion.expr, criterion.applies_if)
    assert "CTCAE grade 2" not in rule and "bilirubin" not in rule


def test_a_heading_over_its_own_limits_is_read_by_them_not_by_the_bands():
    """"Adequate bone marrow, renal and hepatic function" over the protocol's limits: the limits
    decide (the bands' review beside them left every patient unknown)."""
    from rules_engine.parser import parse_lines

    rows = [(INC, "Adequate bone marrow, renal and hepatic function", None), (INC, "hemoglobin ≥ 9.0 g/dl", 0),
            (INC, "total bilirubin ≤ 1.5 times the upper limit of normal", 0), (INC, "serum creatinine ≤ 1.5 mg/dL", 0)]
    heading = parse_lines(rows)[0]
    assert render_rule(heading.expr, heading.applies_if) == "hemoglobin >= 9 g/dL and bilirubin <= 1.5 x ULN and creatinine <= 1.5 mg/dL"
