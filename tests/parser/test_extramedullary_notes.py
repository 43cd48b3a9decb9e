"""A note that CNS or testicular involvement does not bar the patient, after a leukaemia's disease
and marrow requirement ("... ALL with a M3 marrow (marrow blasts >25%). Patients with CNS I, II or
III or testicular disease are eligible.", NCT00440726; "CNS 1, 2, or 3 or testicular disease",
NCT00928200): it speaks to the trial's CNS lines and widens nothing in the marrow's (read as an
alternative, a relapsed ALL with 10% blasts was left open for any CNS status). A conditional
permission, and a line that asks about the CNS itself, keep their readings.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.extramedullary_notes import extramedullary_note
from rules_engine.parser.items import predicate
from rules_engine.criteria import Op
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

INC = CriterionType.INCLUSION

M3_CNS = ("Diagnosis Patients must have relapsed or refractory ALL with a M3 marrow (marrow blasts >25%). Patients with CNS I, II or III "
          "or testicular disease are eligible.")  # NCT00440726
M3_ARABIC = ("Patients must have relapsed or refractory ALL with a M3 marrow (marrow blasts >25%). Patients with CNS 1, 2, or 3 or "
             "testicular disease are eligible.")  # NCT00928200's two sentences


def relapsed_all(blasts: float, *more: object) -> object:
    return adult(condition("all"), condition("relapsed"), lab("bm_blasts", blasts, "%"), *more)


ROWS = [
    # (text, type, met, not met, unknown)
    (M3_CNS, INC, (relapsed_all(40), relapsed_all(40, condition("cns_involvement"))),
     (relapsed_all(10), relapsed_all(10, condition("cns_involvement")), adult(condition("aml"), condition("relapsed"))), ()),
    (M3_ARABIC, INC, (relapsed_all(30),), (relapsed_all(20),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_cns_note_leaves_the_marrow_requirement_whole(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


DISEASE = [predicate("all", Op.PRESENT), predicate("bm_blasts", Op.GT, 25, "%")]

NOTES = [
    ("Patients with CNS I, II or III or testicular disease are eligible.", DISEASE, True),
    ("Patients with CNS or other extramedullary site involvement are allowed", DISEASE, True),
    # a condition restricts the patients it names: the line's other readers keep it
    ("Patients with CNS disease are eligible if asymptomatic.", DISEASE, False),
    ("Patients with a history of CNS leukemia are eligible provided the CSF is clear", DISEASE, False),
    # beside a line that asks about the CNS itself it is that line's own permission
    ("Patients with CNS 1 or 2 are eligible.", [predicate("cns_involvement", Op.ABSENT)], False),
    # a permission of something else is no CNS note
    ("Patients with evaluable disease only are eligible.", DISEASE, False),
]


@pytest.mark.parametrize("clause,exprs,expected", NOTES, ids=[n[0][:40] for n in NOTES])
def test_only_a_bare_cns_permission_beside_a_disease_line_is_a_note(clause, exprs, expected):
    assert extramedullary_note(clause, exprs) is expected


def test_a_conditional_cns_permission_still_leaves_the_line_open():
    text = "Patients must have relapsed ALL. Patients with CNS disease are eligible if asymptomatic."
    assert judged(parse_line(text, INC), adult(condition("aml"), condition("relapsed"))) is not Outcome.MET


def test_hostile_input_is_read_in_bounded_time():
    start = time.perf_counter()
    extramedullary_note("Patients with " + "CNS 1, 2 or 3 or testicular " * 800 + " are eligible", DISEASE)
    extramedullary_note("patients with " + "x" * 20000, DISEASE)
    assert time.perf_counter() - start < 1.0
