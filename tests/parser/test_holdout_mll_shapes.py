"""Shapes the T61-T65 holdout trials (relapsed/refractory ALL, T-PLL and MLL-rearranged acute
leukaemia in ``test_holdout_trials``) misread at first sight, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus``; counts are regular-expression floors
over the criteria texts):

* A diagnosis named in "(including ...)" after the line's own ("relapsed or refractory ALL
  (including lymphoblastic lymphoma and Burkitt's subtypes)", "Advanced solid tumors (including
  lymphoma without bone marrow involvement)"; 25 lines name a disease before "(including"): one
  more kind of patient the line admits. Joined by "and", every patient with the line's own
  disease failed it. The included kind stands with the bracket's words as a review beside it.
* Two washouts in one sentence ("At least 21 days must have elapsed from prior chemotherapy, at
  least 7 days must have elapsed since receiving biological therapy"): the second window went
  nowhere (the event before had its own), so the therapy stood bare, a requirement to have had
  one, failing every patient never given it. A bare number opening the item ("14 days must have
  elapsed since the completion of cytotoxic therapy"; 5 item-opening lines) is the least that
  must have passed.
* A bare slash between bounds of two labs in an inclusion ("Bilirubin: <2.0 x ULN/ ALT: <3.0 x
  ULN"): both asked, as a comma lists them. Read as "or", a failed bilirubin passed beside a
  normal ALT.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, alt, bilirubin, condition, medication, record

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

ROWS = [
    # -- a diagnosis the bracket includes beside the line's own
    ("Previously treated, relapsed or refractory ALL (including lymphoblastic lymphoma and Burkitt's subtypes).", I,
     [record(condition("all"), condition("relapsed"))], [record(condition("aml"), condition("relapsed"))],
     [record(condition("lymphoma"), condition("relapsed"))]),
    ("Part A: Advanced solid tumors (including lymphoma without bone marrow involvement) for which no standard therapy exists", I,
     [], [record(condition("aml"))], [record(condition("lymphoma"))]),
    ("AML (including secondary AML) diagnosed as per WHO criteria", I, [record(condition("aml"))], [record(condition("all"))], []),
    # -- two washouts in one sentence; a bare number opening the item
    ("At least 21 days must have elapsed from prior chemotherapy, at least 7 days must have elapsed since receiving biological therapy.", I,
     [adult(), adult(medication("chemotherapy", 60), medication("immunotherapy", 30))],
     [adult(medication("chemotherapy", 5)), adult(medication("immunotherapy", 3))], []),
    ("14 days must have elapsed since the completion of cytotoxic therapy", I,
     [adult(), adult(medication("chemotherapy", 60))], [adult(medication("chemotherapy", 7))], []),
    # -- a slash between two labs' bounds
    ("Bilirubin: <2.0 x Upper limit of normal (ULN)/ Alanine Transaminase (ALT): <3.0 x ULN (<5x ULN if hepatic compromise is present).", I,
     [record(bilirubin(0.7), alt(30))], [record(bilirubin(3.0), alt(30))], [record(bilirubin(0.7), alt(150)), record()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
