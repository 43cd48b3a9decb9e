"""Three shapes registries write that were read as something else (session 16): the exclusion
heading wrapped into the last inclusion's bullet, a list of tests after one "positive test results
in", and adjectives of degree listed with commas before "systemic infection"."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, split_criteria
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

WRAPPED = """Inclusion Criteria:

  -  Diagnosed as Ph+ ALL who are either relapsed after or refractory to standard therapy

  -  Performance status is normal or ambulatory and capable of all self-care Exclusion
     Criteria

  -  A history of significant or serious uncontrolled cardiovascular disease

  -  Patients who are pregnant or breast feeding

Exclusion Criteria:

  -  Use of a cardiac pacemaker
"""


def test_the_lines_after_a_wrapped_exclusion_heading_are_exclusions() -> None:
    lines = split_criteria(WRAPPED)
    assert [(line.type, line.text[:30]) for line in lines] == [
        (I, "Diagnosed as Ph+ ALL who are e"),
        (I, "Performance status is normal o"),
        (E, "A history of significant or se"),
        (E, "Patients who are pregnant or b"),
        (E, "Use of a cardiac pacemaker"),
    ]
    assert lines[1].text.endswith("self-care")


def test_a_sentence_naming_the_exclusion_criteria_is_no_heading() -> None:
    lines = split_criteria("Inclusion Criteria:\n\n  -  Patient does not meet any of the exclusion criteria\n\n  -  ECOG 0-2\n")
    assert [line.type for line in lines] == [I, I]


# the corpus's writings of one result before a list of tests (16 exclusions read the first only)
TEST_LISTS = [
    "Have known positive test results in human immunodeficiency virus (HIV), hepatitis B surface antigen (HBSAg), or hepatitis C antibodies (HCAb) (screening not required).",
    "Positive screening test for Hepatitis B surface antigen, Hepatitis C antibody, or HIV antibody as disclosed at screening visit.",
    "Positive finding for human immunodeficiency virus antibody, hepatitis B surface antigen, or hepatitis C virus antibody.",
    "Have known positive results of human immunodeficiency virus (HIV), hepatitis B surface antigen (HBSAg) or hepatitis C antibodies (HCAb).",
]


@pytest.mark.parametrize("text", TEST_LISTS)
def test_every_test_after_one_positive_result_excludes(text: str) -> None:
    assert evaluate(parse_line(text, E), adult(condition("hbv", 400)), AS_OF).outcome is Outcome.MET


@pytest.mark.parametrize("text", [t for t in TEST_LISTS if "as disclosed" not in t])
def test_a_record_with_none_of_the_tests_positive_is_not_excluded(text: str) -> None:
    """The HCV antibody is a test result: a record without one leaves it open, a negative one decides."""
    assert evaluate(parse_line(text, E), adult(result("hcv_antibody", "negative", 10)), AS_OF).outcome is Outcome.NOT_MET
    assert evaluate(parse_line(text, E), adult(condition("hiv", 400)), AS_OF).outcome is Outcome.MET


def test_a_test_list_after_another_history_is_one_more_exclusion() -> None:
    """Joined with AND ("tuberculosis, and positive test results in HBsAg"), a patient with
    tuberculosis alone was not excluded."""
    text = "Prior history of tuberculosis, and positive test results in hepatitis B surface antigen (HBSAg)"
    assert evaluate(parse_line(text, E), adult(condition("tuberculosis", 400)), AS_OF).outcome is Outcome.MET


@pytest.mark.parametrize(
    "text",
    ["Active, uncontrolled, systemic infection", "Patients with active, uncontrolled, systemic infection", "Serious or systemic infection"],
)
def test_adjectives_of_degree_before_systemic_infection_qualify_it(text: str) -> None:
    """The lone comma-split adjectives were an unread alternative: a record with no infection was
    left unknown."""
    assert evaluate(parse_line(text, E), adult(), AS_OF).outcome is Outcome.NOT_MET
    assert evaluate(parse_line(text, E), adult(condition("active_infection", 3)), AS_OF).outcome is Outcome.UNKNOWN


@pytest.mark.parametrize(
    ("text", "kind", "sepsis", "clean"),
    [
        ("Active, uncontrolled infection", E, Outcome.MET, Outcome.NOT_MET),
        ("Serious or systemic infection", E, Outcome.MET, Outcome.NOT_MET),
        ("No active uncontrolled infection", I, Outcome.NOT_MET, Outcome.MET),
    ],
)
def test_a_recorded_sepsis_is_the_uncontrolled_infection_a_line_means(text: str, kind: CriterionType, sepsis: Outcome, clean: Outcome) -> None:
    """Sepsis is life-threatening and systemic by definition; left unknown beside the line's
    qualifier, and that marked for review, a patient in septic shock was eligible (T104-sepsis)."""
    assert evaluate(parse_line(text, kind), adult(condition("sepsis", 3)), AS_OF).outcome is sepsis
    assert evaluate(parse_line(text, kind), adult(), AS_OF).outcome is clean
