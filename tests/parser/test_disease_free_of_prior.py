"""The Celgene template's inclusion "Disease free of prior malignancies for >= 5 years with
exception of currently treated basal cell, squamous cell carcinoma of the skin, or carcinoma
"insitu" of the cervix or breast" (issue 14; 7 corpus lines): no prior malignancy within the span
and none active now, the excepted cancers left to a person (whether "currently treated"). Read
as a review whole before, a patient with a cancer 2 years ago was never failed and a clean one
never passed.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria
from rules_engine.parser.malignancy_rewrites import DISEASE_FREE_OF_PRIOR_RE
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition

_LINES = (
    'Disease free of prior malignancies for >= 5 years with exception of currently treated basal cell, squamous cell carcinoma of the skin, or carcinoma "insitu" of the cervix or breast',
    'Disease-free of prior malignancies for ≥ 5 years with exception of currently treated basal cell, squamous cell carcinoma of the skin, or carcinoma "in-situ" of the cervix or breast',
    '9. Disease free of prior malignancies for >/= 5 years with exception of currently treated basal cell, squamous cell carcinoma of the skin, or carcinoma "insitu" of the cervix or breast.',
)


def _line(text: str):
    criteria = parse_criteria(
        f"Inclusion Criteria:\n- Diagnosis of myelodysplastic syndrome\n- {text}\nExclusion Criteria:\n- Pregnant women\n"
    )
    return next(c for c in criteria if "prior malignancies" in c.text)


def _mds(*more: object) -> PatientFacts:
    return adult(condition("mds", 100), *more)  # type: ignore[arg-type]


CASES = [
    ("clean", _mds(), Outcome.MET),
    ("cancer-2-years-ago", _mds(condition("breast_cancer", 700)), Outcome.NOT_MET),
    ("cancer-8-years-ago-active", _mds(condition("breast_cancer", 3000)), Outcome.NOT_MET),
    ("cancer-8-years-ago-resolved", _mds(condition("breast_cancer", 3000, active=False)), Outcome.MET),
    ("in-situ-of-the-breast", _mds(condition("breast_carcinoma_in_situ", 100)), Outcome.MET),
    ("skin-cancer-treated-now", _mds(condition("nonmelanoma_skin_cancer", 100)), Outcome.UNKNOWN),
]


@pytest.mark.parametrize("text", _LINES, ids=["ge", "unicode", "numbered"])
@pytest.mark.parametrize("facts, expected", [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_disease_free_of_prior_malignancies_is_none_within_the_span_nor_now(
    text: str, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(_line(text), facts) is expected


def test_hostile_input_parses_quickly() -> None:
    text = "disease free of prior malignancies for " * 400 + ">= 5 years with exception of " * 200
    start = time.perf_counter()
    DISEASE_FREE_OF_PRIOR_RE.search(text)
    _line(text[:4000])
    assert time.perf_counter() - start < 1.0
