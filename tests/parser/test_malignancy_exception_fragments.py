"""The Celgene template's "Prior history of malignancies, other than myelodysplastic syndromes, ...,
unless the subject has been free of the disease for >= 3 years. Exceptions include the following:"
(topics.exception_fragments, coded._own_beside_other): the words of one excepted cancer split off
at its bracket or its "or" ("prostate cancer (TNM stage of T1a N0M0 or T1b N0M0)") are that
cancer's, not an exception of their own that any cancer might be; and the trial's own disease, the
first kind the line sets apart, is never an alternative of the exclusion ("MDS within 3 years"
excluded every patient of an MDS trial once the exception stopped hiding it).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import All, Any_, Not, Op, Predicate, Review, ReviewReason
from rules_engine.criteria import Criterion
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria
from rules_engine.parser.topics.exception_fragments import fragments_joined
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition

_TRIAL = """Inclusion Criteria:
- Diagnosis of myelodysplastic syndrome
Exclusion Criteria:
- Pregnant women
- Prior history of malignancies, other than myelodysplastic syndromes, chronic myelomonocytic leukemia, acute myeloid leukemia, multiple myeloma, non-hodgkin lymphoma, or hodgkin lymphoma, unless the subject has been free of the disease for >= 3 years. Exceptions include the following:
  - Basal or squamous cell carcinoma of the skin
  - Carcinoma in situ of the cervix or breast
  - Incidental histological finding of prostate cancer (Tumor nodes metastasis [TNM] stage of T1a N0M0 or T1b N0M0)
  - Early-stage gastric cancer suitable for endoscopic mucosal resection or endoscopic submucosal dissection
"""


def _line() -> Criterion:
    return next(c for c in parse_criteria(_TRIAL) if c.text.startswith("Prior history of malignancies"))


def _mds(*more: object) -> PatientFacts:
    return adult(condition("mds", 200), *more)  # type: ignore[arg-type]


CASES = [
    # the trial's own disease alone: not excluded (the MDS itself is no other malignancy)
    ("mds-only", _mds(), Outcome.NOT_MET),
    # an active breast cancer: none of the exceptions, whatever stage a prostate cancer is at
    ("breast-active", _mds(condition("breast_cancer", 240)), Outcome.MET),
    # a breast cancer cured 5 years ago: beyond the span
    ("breast-5y-resolved", _mds(condition("breast_cancer", 1900, active=False)), Outcome.NOT_MET),
    # a prostate cancer: whether it is the incidental T1a/T1b finding is a person's
    ("prostate-active", _mds(condition("prostate_cancer", 240)), Outcome.UNKNOWN),
]


@pytest.mark.parametrize("facts, expected", [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_the_template_counts_other_cancers_past_the_split_exceptions(facts: PatientFacts, expected: Outcome) -> None:
    assert judged(_line(), facts) is expected


def _counted(expr: object) -> bool:
    return isinstance(expr, Predicate) and expr.concept == "other_malignancy"


OTHER = Predicate("other_malignancy", Op.PRESENT)
PROSTATE = Predicate("prostate_cancer", Op.PRESENT)


def test_a_fragment_naming_a_cancer_stays_an_exception_of_its_own() -> None:
    """"or other cancers cured for 5 years": a cancer named, so no qualifier of the one before."""
    exception = Not(Any_((PROSTATE, Review(ReviewReason.UNPARSED, "other cancers cured for 5 years"))))
    expr = All((OTHER, exception))
    assert fragments_joined(expr, {"prostate_cancer"}, _counted) == expr


def test_a_negation_beside_nothing_counted_is_left_alone() -> None:
    """A line's own "not (...)" (a misread "13-cis" beside words of its own) is no exception."""
    expr = Not(Any_((Predicate("carcinoma_in_situ", Op.PRESENT), Review(ReviewReason.UNPARSED, "There is no available information"))))
    assert fragments_joined(expr, {"carcinoma_in_situ"}, _counted) == expr


def test_hostile_input_parses_quickly() -> None:
    words = "Tumor nodes metastasis [TNM] stage of T1a " * 500
    exception = Not(Any_((PROSTATE, Review(ReviewReason.UNPARSED, words))))
    start = time.perf_counter()
    fragments_joined(All((OTHER, exception)), {"prostate_cancer"}, _counted)
    parse_criteria(_TRIAL.replace("T1b N0M0)", "T1b N0M0 " + "or T1b " * 250 + ")"))
    assert time.perf_counter() - start < 1.0
