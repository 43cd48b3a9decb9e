"""A qualifier of "another malignancy" the clause grammar set beside it as an alternative of its
own ("... malignancy that has not been definitively treated or in remission for at least 2 years",
"Cancer treated with curative intent for less than 5 years previously will not be allowed"):
``topics.malignancy_qualifiers`` asks it of a patient with another malignancy on record only.
Read in a blood-cancer trial, by both evaluators: the text, the patient's record, the outcome."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics import malignancy_qualifiers
from tests.fixtures.aml_trial import AML, by_both_evaluators, record

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def outcome(line: str, facts: PatientFacts, kind: CriterionType = E) -> Outcome:
    trial = TrialCriteria("NCT00000098", 1, tuple(parse_lines([(I, AML), (kind, line)])))
    return by_both_evaluators(trial, facts).criteria[-1].outcome


NOT_IN_REMISSION = (
    "History of another primary invasive malignancy that has not been definitively treated or in remission for at least 2 years. "
    "Patients with non-melanoma skin cancers or with carcinomas in situ are eligible regardless of the time from diagnosis."
)
CASE_BY_CASE = (
    "History of prior malignancy (excluding nonmelanoma skin or cervical carcinoma after curative resection) less than 5 years from "
    "enrollment with the following exception. Cancer treated with curative intent less than 5 years will be reviewed on a "
    "case-by-case basis by the Principal Investigator."
)
NOT_ALLOWED = (
    "Patients with prior malignancies except basal cell carcinoma or treated carcinoma in-situ; cancer treated with curative intent "
    "> 5 years will be allowed; cancer treatment with curative intent =< 5 years will not be allowed"
)
PERMISSIBLE = ("Other malignancy requiring treatment; any cancer from which the patient has been disease free for at least 2 years "
               "is permissible")
LESS_THAN = "History of another malignancy that is not in remission, or in remission for less than 3 years"

ONLY_AML = {"aml": (100, True)}
BREAST_NOW = {"aml": (100, True), "breast_cancer": (400, True)}
BREAST_RESOLVED = {"aml": (100, True), "breast_cancer": (3000, False)}
BASAL_CELL = {"aml": (100, True), "basal_cell_skin_cancer": (200, True)}

CASES = [
    # no cancer but the trial's own: words about another cancer's course ask nothing of this patient
    (NOT_IN_REMISSION, ONLY_AML, NOT_MET),
    (CASE_BY_CASE, ONLY_AML, NOT_MET),
    (NOT_ALLOWED, ONLY_AML, NOT_MET),
    # a cancer the line excepts is no other malignancy for its qualifier either
    (NOT_ALLOWED, BASAL_CELL, NOT_MET),
    # another cancer on record: its course is still a person's to weigh (never cleared)
    (NOT_IN_REMISSION, BREAST_RESOLVED, UNKNOWN),
    # a qualifier stating its span: a cancer active today, or on record inside it, has not been in
    # remission that long
    (NOT_IN_REMISSION, BREAST_NOW, MET),
    (NOT_IN_REMISSION, {"aml": (100, True), "breast_cancer": (500, False)}, MET),
    (CASE_BY_CASE, BREAST_RESOLVED, UNKNOWN),
    # ... but a span the line allows in words of its own ("cancer treated with curative intent > 5
    # years will be allowed"; topics.curative_span) clears a cancer resolved beyond it
    (NOT_ALLOWED, BREAST_RESOLVED, NOT_MET),
    (PERMISSIBLE, ONLY_AML, NOT_MET),
    (LESS_THAN, ONLY_AML, NOT_MET),
    # a span said in a sentence with its own verdict (a permission) is not read: it may let in an
    # active cancer the line does not count ("requiring treatment" unread)
    (PERMISSIBLE, BREAST_NOW, UNKNOWN),
    # nor a span that is an upper bound ("less than 3 years"): a cancer resolved a year ago is left
    (LESS_THAN, {"aml": (100, True), "breast_cancer": (400, False)}, UNKNOWN),
]


@pytest.mark.parametrize("line,events,expected", CASES)
def test_a_stranded_qualifier_of_another_malignancy_is_asked_of_a_patient_with_one(line, events, expected):
    assert outcome(line, record(**events)) is expected


# a review beside the malignancy that names no course of it, or something else, stays an
# alternative of its own: a patient without another cancer is still left to it
KEPT = [
    "Other malignancy or any medical condition that in the opinion of the investigator precludes participation, "
    "including leukemia in remission for less than 2 years",
    "Current malignancy or primary brain tumor",
]


@pytest.mark.parametrize("line", KEPT)
def test_a_review_about_something_else_stays_its_own_alternative(line):
    assert outcome(line, record(**ONLY_AML)) is not NOT_MET


def test_an_inclusion_is_not_read_here():
    line = "No other malignancy, or in remission for at least 5 years"
    trial = parse_lines([(I, AML), (I, line)])
    assert trial[-1].expr == malignancy_qualifiers.stranded_qualifiers(trial[-1].expr, I, line, lambda _: None)


def test_a_long_hostile_review_is_judged_fast():
    text = "remission " * 2000 + "disease free " * 2000 + "x" * 5000
    start = time.perf_counter()
    assert malignancy_qualifiers._COURSE.search(text) is not None
    assert malignancy_qualifiers._OTHER.search(text) is None
    assert malignancy_qualifiers._SUBJECT.search(text[: malignancy_qualifiers._SUBJECT_WITHIN]) is None
    assert time.perf_counter() - start < 0.5
