"""A span free of earlier cancers said of the patient ("Disease free of prior malignancies for >=
5 years with exception of currently treated basal cell, squamous cell carcinoma of the skin, or
carcinoma "insitu" of the cervix or breast", "Patients must be disease-free of prior invasive
cancers for > 5 years ..."; ~10 corpus lines): no other cancer active or on record within the
span (``normalize``: "No prior malignancy within N years"). Read before as the exceptions
alone, the line asked for a basal cell carcinoma. Read at the trial level, where "another
malignancy" learns the trial's own disease."""

from __future__ import annotations

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Relapsed or refractory peripheral T-cell lymphoma")

LENALIDOMIDE = ("Disease free of prior malignancies for >= 5 years with exception of currently treated basal cell, squamous cell "
                "carcinoma of the skin, or carcinoma \"insitu\" of the cervix or breast")
MUST_BE = ("Patients must be disease-free of prior invasive cancers for > 5 years with the exception of basal cell or squamous "
           "cell cancer of the skin or cervical carcinoma in situ")
BARE = "Patients must be disease free of any prior malignancies for >= 3 years"

YEAR, DECADE = 365, 3650

CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("no other cancer on record: free of them", LENALIDOMIDE, adult(), MET),
    ("a breast cancer of 3 years ago, still active: not free for 5 years", LENALIDOMIDE, adult(condition("breast_cancer", 3 * YEAR)), NOT_MET),
    ("a prostate cancer resolved a decade ago: free past the span", LENALIDOMIDE, adult(condition("prostate_cancer", DECADE, active=False)), MET),
    ("the excepted skin cancer keeps its own words ('currently treated'): open, never failed",
     LENALIDOMIDE, adult(condition("nonmelanoma_skin_cancer", 200)), UNKNOWN),
    ("the trial's own lymphoma is no prior malignancy", LENALIDOMIDE, adult(condition("t_cell_lymphoma", 100)), MET),
    ("'Patients must be': the same span", MUST_BE, adult(condition("breast_cancer", YEAR)), NOT_MET),
    ("'Patients must be', nothing on record", MUST_BE, adult(), MET),
    ("no exception: a cancer resolved a decade ago is past 3 years", BARE, adult(condition("breast_cancer", DECADE, active=False)), MET),
    ("no exception: a cancer of last year is inside it", BARE, adult(condition("breast_cancer", YEAR)), NOT_MET),
]


def _line(text: str):
    return parse_lines([OWN, ("inclusion", text)])[1]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_disease_free_of_prior_malignancies_is_no_other_cancer_within_the_span(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(_line(text), facts, AS_OF).outcome is expected
