"""A corticosteroid permitted up to a prednisone dose (parser.steroid_dose_permits, issue 14):
"Prednisone (≤ 10 mg per day) allowed provided ...", "(concurrent prednisone allowed provided dose
is ≤ 10 mg daily)", "No concurrent corticosteroids (≤ 10 mg prednisone/day or equivalent allowed)".
A permission never asks for the steroid it permits: a patient taking none meets it; one taking more
than the cap now fails it; one under the cap meets it unless the permission adds a condition (then
a person's); one whose dose the record does not state is unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.steroid_dose_permits import steroid_dose_permit
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, steroid

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

BRACKETED = "At least 30 days since prior immunosuppressive therapy (concurrent prednisone allowed provided dose is ≤ 10 mg daily)"
PROHIBITED_OVER = "No concurrent corticosteroids (≤ 10 mg prednisone/day or equivalent allowed)"
LOW_DOSE = "Concurrent low-dose steroid replacement regimens (≤ 5 mg/day of prednisone) allowed"
CONDITIONED = "Prednisone (≤ 10 mg per day) allowed provided there has been no dose increase within the past 2 weeks"
IF_APPLICABLE = "If applicable, ongoing therapy with a stable or decreasing dose of prednisone ≤ 60 mg/d or corticosteroid equivalent"
OTHER_CAP = "Maximum dose allowed for prednisone is no more than 10 mg/day or hydrocortisone no more than 40 mg/day"


# (line, type, met, not met, unknown)
ROWS = [
    (BRACKETED, INC, (healthy(), healthy(*steroid(1, 5)), healthy(*steroid(200, 40))),
     (healthy(*steroid(1, 20)), healthy(medication("immunosuppressant_therapy", 10))), (healthy(*steroid(1, None)),)),
    (PROHIBITED_OVER, INC, (healthy(), healthy(*steroid(1, 10))), (healthy(*steroid(1, 15)),), (healthy(*steroid(1, None)),)),
    (LOW_DOSE, INC, (healthy(), healthy(*steroid(1, 5))), (healthy(*steroid(1, 7.5)),), ()),
    (CONDITIONED, INC, (healthy(),), (healthy(*steroid(1, 20)),), (healthy(*steroid(1, 5)),)),
    (IF_APPLICABLE, INC, (healthy(),), (healthy(*steroid(1, 80)),), (healthy(*steroid(1, 10)),)),
    (OTHER_CAP, INC, (healthy(), healthy(*steroid(1, 10))), (), (healthy(*steroid(1, 20)),)),
    # among a list a heading forbids ("No other concurrent anticancer therapy:"), read as an exclusion
    (CONDITIONED, EXC, (healthy(*steroid(1, 20)),), (healthy(), healthy(*steroid(60, 20))), (healthy(*steroid(1, 5)),)),
    (LOW_DOSE, EXC, (healthy(*steroid(1, 10)),), (healthy(), healthy(*steroid(1, 5))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_cap_decides_only_for_whom_takes_a_steroid_now(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,rule", [
    (LOW_DOSE, "not steroid-therapy within 14 days or steroid-dose <= 5.0 mg/d"),
    (PROHIBITED_OVER, "not (steroid-therapy within 14 days and steroid-dose > 10.0 mg/d)"),
    (BRACKETED, "no immunosuppressant-therapy within 30 days exclusive and (not steroid-therapy within 14 days or steroid-dose <= 10.0 mg/d)"),
])
def test_the_reading_is_no_steroid_now_or_one_within_the_cap(text, rule):
    assert rule_of(text, INC) == rule


@pytest.mark.parametrize("text", [
    "Corticosteroids allowed provided dose ≤ 10 mg/day",  # the cap names no steroid: mg of which?
    "Dexamethasone allowed up to 4 mg daily",  # no prednisone cap
    "Prednisone allowed up to 1 mg/kg daily",  # per kilogram: no daily dose a record holds
    "Prior radiotherapy and prednisone ≤ 10 mg/day are allowed",  # more than the steroid permitted
    "Patients with brain metastases on prednisone ≤ 10 mg/day are eligible",
    # the permission inside a bracket of another requirement, read whole as an exclusion
    "Immunocompromise or chronic use of immunosuppressant medications (prednisone ≤ 10 mg daily or the equivalent is allowed)",
    # the cap one way of two ("..., or that the daily dose ... <= 10 mg")
    "Previous systemic steroids are acceptable as long as they will be completed in 14 days, or that the daily dose will be <=10 mg per day of prednisone",
])
def test_a_line_that_is_not_only_a_prednisone_capped_permission_is_left_to_its_other_readers(text):
    assert steroid_dose_permit(text, EXC, lambda rest: pytest.fail("no rest to read")) is None


def test_an_adversarial_line_reads_in_well_under_a_second():
    lines = [
        "prednisone " * 1500 + "≤ 10 mg allowed",
        "Concurrent stable (i.e., " + "not increased " * 1400 + ") prednisone ≤ 10 mg allowed",
        "(" * 2000 + "prednisone ≤ 10 mg allowed" + ")" * 2000 + " no more than " * 800,
        "If applicable, " + "prednisone no more than 10 mg or " * 600 + "allowed",
    ]
    for line in lines:  # each about 20,000 characters
        assert len(line) > 15_000
        start = time.perf_counter()
        steroid_dose_permit(line, INC, lambda rest: parse_line(rest[:200], INC).expr)
        assert time.perf_counter() - start < 1.0
