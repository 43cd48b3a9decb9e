"""Exceptions to "another malignancy" written as sentences of their own (issue 14): the line's
own words point at them ("... are ineligible except for the following circumstances. Individuals
with ... are eligible if they have been disease-free for at least 3 years and are deemed by the
investigator to be at low risk for recurrence ..."), or they name the excepted skin cancer in a
shape of its own ("skin cancer (excluding melanoma)", "basal or squamous cell skin carcinoma").

An exception widens the line only for its own subject: the structured part (a coded other cancer
inside the span the exception leaves out) still decides, and an exception's unread words keep a
review for the patients it may concern. Read at the trial level, where "another malignancy"
learns the trial's own disease (``topics.coded``)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, procedure

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Relapsed or refractory acute myeloid leukemia")

# seed NCT02255162 (and NCT01222572, NCT01878708: the same sentences with 5 years)
POINTED = (
    "Individuals with a history of a different malignancy are ineligible except for the following circumstances. Individuals with a "
    "history of other malignancies are eligible if they have been disease-free for at least 3 years and are deemed by the investigator "
    "to be at low risk for recurrence of that malignancy. Individuals with the following cancers are eligible if diagnosed and treated "
    "within the past 3 years: cervical cancer in situ, and basal cell or squamous cell carcinoma of the skin."
)
# the same exception, plain: nothing but the span after it
SPAN_ONLY = "History of another malignancy. Patients with other malignancies are eligible if they have been disease-free for at least 5 years."
# seed NCT00246662
PROTOCOL = "Has active cancer (other than that which is defined by the inclusion criteria for this protocol), except for skin cancer (excluding melanoma)"
# seed NCT02296242
SKIN = "Concomitant malignancies except carcinoma in situ, basal or squamous cell skin carcinoma; low grade prostate cancer treated with prostatectomy more than 10 years ago"

# seed NCT01065467: the span and a judgement in the line's own exception
JUDGED = (
    "Individuals with a history of a different malignancy are ineligible except for the following circumstances: disease-free for at "
    "least 5 years and are deemed by the investigator to be at low risk for recurrence of that malignancy; individuals with the "
    "following cancers are eligible if diagnosed and treated within the past 5 years: cervical cancer in situ, and basal cell or "
    "squamous cell carcinoma of the skin."
)
# seed NCT02292173: the span one exception of several, the others unread
SEVERAL = (
    "History of another active malignancy in last 3 years. Exception: Potential participants who have been disease-free for 3 years, "
    "or have a history of completely resected nonmelanoma skin cancer and/or potential participants with indolent second malignancies are eligible."
)
# seed NCT00637832: an inclusion's own "No ... except ... disease-free" (its negation is no exception)
NONE_EXCEPT = "No other prior malignancy, except for adequately treated skin cancer, cervical cancer in situ, or other cancer for which the patient has been disease-free for 5 years"

YEAR, TWO_YEARS, FOUR_YEARS, SIX_YEARS = 365, 2 * 365, 4 * 365, 6 * 365

# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("no other cancer on record: the exclusion does not apply", POINTED, adult(), NOT_MET),
    ("a breast cancer 2 years ago is inside the exception's 3-year span: excluded", POINTED, adult(condition("breast_cancer", TWO_YEARS)), MET),
    ("... and resolved, still inside the span: excluded", POINTED, adult(condition("breast_cancer", TWO_YEARS, active=False)), MET),
    ("a relapsed AML with a breast cancer 2 years ago: 'low risk for recurrence' is no relapse that excepts it",
     POINTED, adult(condition("aml", 30), condition("relapsed", 30), condition("breast_cancer", TWO_YEARS)), MET),
    ("a breast cancer resolved 4 years ago: past the span, the investigator's judgement of its risk is a person's",
     POINTED, adult(condition("breast_cancer", FOUR_YEARS, active=False)), UNKNOWN),
    ("a basal cell carcinoma a year ago: the excepted cancer's own words ('diagnosed and treated') stay its review",
     POINTED, adult(condition("nonmelanoma_skin_cancer", YEAR)), UNKNOWN),
    ("a basal cell carcinoma beside a breast cancer 2 years ago: the breast cancer excludes",
     POINTED, adult(condition("nonmelanoma_skin_cancer", YEAR), condition("breast_cancer", TWO_YEARS)), MET),
    ("the trial's own leukaemia is never 'another malignancy'", POINTED, adult(condition("aml", 30)), NOT_MET),
    ("a span-only exception: a cancer resolved 6 years ago is excepted", SPAN_ONLY, adult(condition("breast_cancer", SIX_YEARS, active=False)), NOT_MET),
    ("... one resolved 4 years ago is not", SPAN_ONLY, adult(condition("breast_cancer", FOUR_YEARS, active=False)), MET),
    ("... nor one active now", SPAN_ONLY, adult(condition("breast_cancer", SIX_YEARS)), MET),
    ("a span with a judgement: a cancer resolved 7 years ago waits on the investigator's judgement",
     JUDGED, adult(condition("breast_cancer", 7 * YEAR, active=False)), UNKNOWN),
    ("... one resolved 2 years ago is inside the span: excluded", JUDGED, adult(condition("breast_cancer", TWO_YEARS, active=False)), MET),
    ("the span one exception of several: a recent cancer may be an excepted 'indolent' one (a person's)",
     SEVERAL, adult(condition("breast_cancer", TWO_YEARS)), UNKNOWN),
    ("... no cancer on record: not excluded", SEVERAL, adult(), NOT_MET),
    ("an inclusion's own 'No other malignancy, except ... disease-free for 5 years': an active cancer fails it",
     NONE_EXCEPT, adult(condition("breast_cancer", YEAR)), NOT_MET),
    ("... as does one resolved 2 years ago", NONE_EXCEPT, adult(condition("breast_cancer", TWO_YEARS, active=False)), NOT_MET),
    ("... no cancer meets it", NONE_EXCEPT, adult(), MET),
    ("'skin cancer (excluding melanoma)' excepts a basal cell carcinoma", PROTOCOL, adult(condition("nonmelanoma_skin_cancer", YEAR)), NOT_MET),
    ("... never a melanoma", PROTOCOL, adult(condition("melanoma", YEAR)), MET),
    ("... nor a breast cancer", PROTOCOL, adult(condition("breast_cancer", YEAR)), MET),
    ("'basal or squamous cell skin carcinoma' excepted: a basal cell carcinoma is not excluded", SKIN, adult(condition("nonmelanoma_skin_cancer", YEAR)), NOT_MET),
    ("... a breast cancer is", SKIN, adult(condition("breast_cancer", YEAR)), MET),
]


def _line(text: str):
    return parse_lines([OWN, ("inclusion" if text is NONE_EXCEPT else "exclusion", text)])[1]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_an_exception_sentence_decides_as_the_text_means(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(_line(text), facts, AS_OF).outcome is expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("low risk for recurrence of that malignancy", id="low-risk-for-recurrence"),
        pytest.param("considered to be at less than 30% risk of relapse", id="percent-risk-of-relapse"),
    ],
)
def test_a_risk_of_relapse_is_no_relapse(text: str) -> None:
    """A forecast of a relapse names no status a record holds (read as one, the exception "eligible
    if ... at low risk for recurrence" excepted every relapsed patient)."""
    concepts = {p.concept for p in iter_predicates(parse_line(text, CriterionType.INCLUSION).expr)}
    assert "relapsed" not in concepts


def test_the_pointer_to_following_exceptions_is_no_review_of_its_own() -> None:
    """"except for the following circumstances" points at the sentences after it, which are read;
    kept as an unread exception of the whole line, no malignancy decided it."""
    texts = [r.text or "" for r in _reviews(_line(POINTED).expr)]
    assert not any("following circumstances" in t for t in texts)


def test_a_sentence_stating_an_exclusion_is_none_of_the_circumstances() -> None:
    """After the pointer, a sentence that excludes by its own words stays an exclusion: read as
    one of the circumstances, a patient on chemotherapy with a recent cancer would be excepted."""
    text = (
        "Individuals with a history of a different malignancy are ineligible except for the following circumstances. "
        "Patients receiving chemotherapy are not eligible."
    )
    facts = adult(condition("breast_cancer", YEAR), procedure("chemotherapy", 5))
    assert evaluate(_line(text), facts, AS_OF).outcome is not NOT_MET


def _reviews(expr):
    from rules_engine.criteria import All, Any_, Not, Review

    if isinstance(expr, Review):
        return [expr]
    if isinstance(expr, Not):
        return _reviews(expr.part)
    if isinstance(expr, (All, Any_)):
        return [r for p in expr.parts for r in _reviews(p)]
    return []
