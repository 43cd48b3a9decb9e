"""An exception said "exclusive of" ("Patients with evidence of another malignancy, exclusive of a
skin cancer that requires only local treatment, should not be enrolled on this protocol"): read
as "except for", so the skin cancers it names are not another malignancy while every other cancer
still is. The exception's own condition ("requires only local treatment") stays unread, so a
patient whose only other cancer is a skin cancer is left to a person, never cleared outright; the
line's verdict said after the exception ("should not be enrolled") is no word of the exception."""

from __future__ import annotations

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.normalize import normalize
from rules_engine.reference import evaluate_reference
from tests.parser.test_malignancy_exception_lines import AML, AS_OF, OWN, E, I, outcome, record

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

VERDICT = ("Patients with evidence of another malignancy, exclusive of a skin cancer that requires only local treatment, "
           "should not be enrolled on this protocol")
BRACKET = "Patients with evidence of another malignancy (exclusive of a skin cancer that requires only local treatment)"


@pytest.mark.parametrize(
    ("line", "events", "expected"),
    [
        # the excepted skin cancer: whether it "requires only local treatment" is a person's
        (VERDICT, OWN | {"nonmelanoma_skin_cancer": (300, True)}, UNKNOWN),
        (BRACKET, OWN | {"nonmelanoma_skin_cancer": (300, True)}, UNKNOWN),
        # a cancer the exception does not name: excluded, as before
        (VERDICT, OWN | {"breast_cancer": (200, True)}, MET),
        (BRACKET, OWN | {"lung_cancer": (200, True)}, MET),
        # the skin cancer beside another cancer never clears the patient
        (VERDICT, OWN | {"nonmelanoma_skin_cancer": (300, True), "breast_cancer": (200, True)}, MET),
        # no other cancer: the line is not met (the exception was an unread alternative before)
        (VERDICT, OWN, NOT_MET),
    ],
)
def test_exclusive_of_excepts_the_named_cancer(line: str, events: dict[str, tuple[int, bool]], expected: Outcome) -> None:
    """Each case fails if "exclusive of" stops being an exception or starts clearing other cancers."""
    assert outcome(line, record(events)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("another malignancy, exclusive of a skin cancer", "another malignancy, except for a skin cancer"),
        ("another malignancy (exclusive of a skin cancer)", "another malignancy (except for a skin cancer)"),
        # not after a malignancy: left as written (read as an exception, the inclusion's own
        # NSCLC became an alternative to a review)
        ("Histologically confirmed NSCLC (stage IB), exclusive of patients with MPE", "Histologically confirmed NSCLC (stage IB), exclusive of patients with MPE"),
        ("mutually exclusive options", "mutually exclusive options"),
    ],
)
def test_exclusive_of_normalized(text: str, expected: str) -> None:
    """Only "exclusive of" right after a malignancy becomes "except for"."""
    assert normalize(text) == expected


HEADING = ("Diagnosis of another malignancy, unless the patient is disease-free for at least 3 years following the completion "
           "of curative intent therapy, with the following exceptions:")
CHILDREN = (
    "Myelodysplastic syndrome (MDS) in patients with AML after MDS according to the WHO classification",
    "Patients with treated non-melanoma skin cancer, in situ carcinoma, or cervical intraepithelial neoplasia, regardless of "
    "the disease-free duration, are eligible for this study if definitive treatment for the condition has been completed",
)


def listed_outcome(facts: PatientFacts) -> Outcome:
    """The heading's outcome, its listed exceptions as children."""
    lines = [(I, AML, None), (E, HEADING, None)] + [(E, child, 1) for child in CHILDREN]
    trial = TrialCriteria("t", 1, tuple(parse_lines(lines)))
    return evaluate_reference(trial, facts, AS_OF).criteria[1].outcome


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # a resolved basal cell carcinoma inside the span: the listed exception, whose own condition
        # ("definitive treatment ... completed") a resolved record meets, as "adequately treated"
        # (topics.skin_exception); never counted outright
        (OWN | {"nonmelanoma_skin_cancer": (300, False)}, NOT_MET),
        # a cancer the list does not name, inside the span: excluded, as before
        (OWN | {"breast_cancer": (300, False)}, MET),
        (OWN | {"nonmelanoma_skin_cancer": (300, False), "breast_cancer": (300, False)}, MET),
        # the trial's own AML, named in a listed exception, is no other cancer and asks no review
        (OWN, NOT_MET),
    ],
)
def test_listed_exceptions_beside_a_span(events: dict[str, tuple[int, bool]], expected: Outcome) -> None:
    """The heading's span and its children's exceptions are read together: a listed cancer is
    excepted from the count (resolved or active), keeping its own condition as a review."""
    assert listed_outcome(record(events)) is expected


INCLUDE = "History of another malignancy. Exceptions include the following:"
INCLUDE_KIDS = ("Basal or squamous cell carcinoma of the skin;", "Carcinoma in situ of the cervix or breast;")


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # the listed skin cancer, named with no condition of its own: excepted
        (OWN | {"nonmelanoma_skin_cancer": (300, True)}, NOT_MET),
        # a cancer the list does not name: counted (read as a list the line asked for, the
        # heading's cancer had to be one of its exceptions and a breast cancer went uncounted)
        (OWN | {"breast_cancer": (300, True)}, MET),
        (OWN | {"breast_cancer": (300, True), "nonmelanoma_skin_cancer": (300, True)}, MET),
        (OWN, NOT_MET),
    ],
)
def test_exceptions_include_the_following(events: dict[str, tuple[int, bool]], expected: Outcome) -> None:
    """"Exceptions include the following:" announces exceptions, as "with the following exceptions:" does."""
    lines = [(I, AML, None), (E, INCLUDE, None)] + [(E, kid, 1) for kid in INCLUDE_KIDS]
    trial = TrialCriteria("t", 1, tuple(parse_lines(lines)))
    assert evaluate_reference(trial, record(events), AS_OF).criteria[1].outcome is expected
