"""How far an exception beside laboratory limits reaches (issue 14, criteria read right).

Registry lab lines list limits with commas and put a cause after one of them or on the lead-in of
the whole list. Three shapes were misread:

- "Bilirubin <= 1.5 x ULN unless considered due to Gilbert's syndrome, AST <= 3.0 x ULN, ALT <=
  3.0 x ULN": the exception ran on to the end of the line, so the AST and ALT limits became
  alternatives of the bilirubin and a patient with an AST ten times the limit met the line;
- "(creatinine < 2 x ULN, bilirubin < 2 x ULN, and AST and ALT <= 2 x ULN) unless proven to be
  related to disease infiltration" and "the following laboratory values, unless ... related to
  leukemia: Creatinine ...": tied to the nearest limit alone, a creatinine the disease raised
  failed the line, which the trial leaves to a person;
- "Serum biochemical values with the following limits unless considered due to leukemia:" over its
  list: the heading's exception was lost, so the same creatinine failed the line.

A cause no record holds is a person's call: it turns a failed limit into unknown, never into met.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import alt, ast, bilirubin, condition, creatinine, healthy

INC = CriterionType.INCLUSION

RUN_ON = (
    "Patients must have the following clinical laboratory values: Creatinine (Cr) less than or equal to 2.0 mg/dL, "
    "Bilirubin less than or equal to 1.5 * Upper Limit of Normal (ULN) unless considered due to Gilbert's syndrome, "
    "Aspartate aminotransferase (AST) less than or equal to 3.0 * ULN, Alanine aminotransferase (ALT) less than or equal to 3.0 * ULN"
)
ON_LEAD = (
    "Patients must have the following clinical laboratory values, unless abnormal parameter level is considered related to leukemia: "
    "Creatinine (Cr) less than or equal to 2.0 mg/dL, Aspartate aminotransferase (AST) less than or equal to 3.0 * ULN"
)
BRACKET = (
    "Adequate renal and hepatic function (creatinine < 2 times upper limit of normal, total bilirubin of < 2 times upper limit of "
    "normal, and AST and ALT ≤ 2 times upper limit of normal) unless proven to be related to disease infiltration."
)

# (line, met, not met, unknown)
ROWS = [
    # the AST limit after the Gilbert exception is the line's own: past it, the line fails
    (RUN_ON, INC, (healthy(), healthy(condition("gilbert_syndrome"), bilirubin=bilirubin(2.5))),
     (healthy(ast=ast(400)), healthy(alt=alt(400))), ()),
    # a lead-in's cause concerns every limit of its list
    (ON_LEAD, INC, (healthy(),), (), (healthy(creatinine=creatinine(2.5)), healthy(ast=ast(400)))),
    # a cause after a bracket of limits concerns every limit in it
    (BRACKET, INC, (healthy(),), (), (healthy(creatinine=creatinine(3.0)), healthy(bilirubin=bilirubin(3.0)), healthy(alt=alt(100)))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_an_exception_reaches_the_limits_it_concerns_and_no_further(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


HEADING = "Serum biochemical values with the following limits unless considered due to leukemia:"
ITEM = "creatinine less than or equal to 2 mg/dl, 2) total bilirubin less than or equal to 2 mg/dL, and 3) transaminases (SGPT) less than or equal to 2.5 times upper limit of normal (ULN)"


@pytest.mark.parametrize("facts,expected", [
    (healthy(), Outcome.MET),
    (healthy(creatinine=creatinine(2.5)), Outcome.UNKNOWN),
    (healthy(alt=alt(200)), Outcome.UNKNOWN),
])
def test_a_headings_cause_concerns_every_limit_under_it(facts, expected):
    """The heading's "unless considered due to leukemia" leaves a failed limit to a person."""
    heading = parse_lines([(INC, HEADING, None), (INC, ITEM, 0)])[0]
    assert judged(heading, facts) is expected


@pytest.mark.parametrize("heading", [
    "Laboratory values as follows:",
    "Serum biochemical values with the following limits:",
])
def test_a_heading_without_a_cause_still_decides(heading):
    """Only a heading that writes a cause widens its list: without one, a failed limit fails."""
    criterion = parse_lines([(INC, heading, None), (INC, ITEM, 0)])[0]
    assert judged(criterion, healthy(creatinine=creatinine(2.5))) is Outcome.NOT_MET


@pytest.mark.parametrize("note,facts,expected", [
    ("Renal dysfunction due to organ infiltration by disease allowed", healthy(), Outcome.MET),
    ("Renal dysfunction due to organ infiltration by disease allowed", healthy(creatinine=creatinine(2.4)), Outcome.UNKNOWN),
    # a note that permits nothing for a cause is no widening: the limit decides
    ("Not specified", healthy(creatinine=creatinine(2.4)), Outcome.NOT_MET),
])
def test_a_note_permitting_a_cause_widens_the_limit_above_it(note, facts, expected):
    """"Creatinine <= 2.0 mg/dL" over "Renal dysfunction due to organ infiltration by disease
    allowed": the cause is a person's to weigh, so a creatinine past the limit is unknown."""
    limit = parse_lines([(INC, "Creatinine ≤ 2.0 mg/dL", None), (INC, note, 0)])[0]
    assert judged(limit, facts) is expected
