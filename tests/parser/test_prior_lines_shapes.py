"""Counts of prior lines of therapy (real corpus lines; ~160 read differently over its 1,883
trials): a cap is met by a patient with no anticancer therapy on record and decided by the count
a hospital sends (Eligo code ``prior-lines-of-therapy``), else open for the data, never a person's
review; a minimum of two or more fails the untreated patient and is decided by the count or
open; a minimum of one is any anticancer therapy. A count of one kind of therapy ("1 line of
chemotherapy", "2 prior induction regimens"), a severity ("Grade > 1 prior treatment-related
toxicities"), a unit of something else ("6 treatment cycles") and a count asked of some patients
only ("Patients with small cell carcinoma ... if limited stage disease, must have received at least
one prior systemic therapy") stay with the readings they had."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Predicate, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

NAIVE = adult()
TREATED = adult(medication("chemotherapy", 200))


def lines(n: int) -> PatientFacts:
    return adult(medication("chemotherapy", 200), lab("prior_therapy_lines", n, "1"))


ROWS = [
    ("No more than 2 prior therapies for MDS", I, [NAIVE, lines(1), lines(2)], [lines(3)], [TREATED]),
    ("No more than one prior line of systemic therapy", I, [NAIVE, lines(1)], [lines(2)], [TREATED]),
    ("No more than 3 prior regimens for metastatic disease", I, [NAIVE, lines(3)], [lines(4)], [TREATED]),
    ("Patients may not have received more than 3 prior regimens", I, [NAIVE, lines(3)], [lines(4)], [TREATED]),
    ("Must have received at least one prior therapy.", I, [TREATED], [NAIVE], []),
    ("At least ≥ 2 prior treatment regimens for the underlying malignancy", I, [lines(2), lines(4)], [NAIVE, lines(1)], [TREATED]),
    ("Previously treated with > 3 prior regimens for CLL.", E, [lines(4)], [NAIVE, lines(3)], [TREATED]),
    ("Patients who have received more than 2 previous lines of treatment will be excluded from this study.", E, [lines(3)], [NAIVE, lines(2)], [TREATED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_count_of_prior_lines_is_read_for_what_the_record_can_say(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "≤1 previous line of chemotherapy",
        "Relapsed after receiving up to 2 prior induction regimens (i.e. first or second relapse)",
        "Grade > 1 prior treatment-related toxicities (excluding alopecia) at the time of screening",
        "Platinum-taxane based regimen must have consisted of a minimum of 6 treatment cycles and a maximum of 9.",
        "Measurable or evaluable disease. Patients with small cell carcinoma must have extended stage disease or, if limited stage disease, "
        "must have received at least one prior systemic therapy.",
        "For the Phase II portion of the study, patients may have had no more than 2 prior treatment regimens.",
        "Patients may not have received more than 3 prior regimens, where the regimen intent was to induce remission",
    ],
)
def test_no_count_of_all_lines_is_read_where_the_line_counts_something_else(text: str) -> None:
    found = {p.concept for p in iter_predicates(parse_line(text, I).expr) if isinstance(p, Predicate)}
    assert "prior_therapy_lines" not in found

