"""A line that mixes what concerns women only (pregnancy, breastfeeding, a pregnancy test) with what
concerns everyone scopes the women's parts to women, never the whole line: scoped whole ("if sex is
female: ..."), a man was "not concerned" by the rest too, so a man with an active infection passed
the exclusion and one with 500 neutrophils met the inclusion (corpus lines; found by mining the
holdout patients' exclusions answered not met, session 15)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.reference import evaluate_reference
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.items import predicates
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
INFECTION_OR_PREGNANCY = "Patient is a women who is pregnant or breastfeeding. Patient has an active infection that requires antibiotics"
NEUTROPHILS_AND_TEST = "ANC >= 1500/uL; negative pregnancy test"
# the women's part asks whether she can bear a child too, and sits beside the age (corpus shapes)
AGE_AND_WOCBP_TEST = "18 years of age or greater. Female patients with child-bearing potential must have a negative pregnancy test at screening."
LIST_WITH_PREGNANCY = "Pregnant or breast-feeding women Uncontrolled intercurrent illness including, but not limited to, ongoing or active infection"


@pytest.mark.parametrize(
    ("text", "kind", "record", "outcome"),
    [
        # a man with an active infection: the infection is his too (the antibiotics a person's)
        (INFECTION_OR_PREGNANCY, E, adult(condition("active_infection", 3)), Outcome.UNKNOWN),
        (INFECTION_OR_PREGNANCY, E, adult(), Outcome.NOT_MET),
        (INFECTION_OR_PREGNANCY, E, adult(condition("pregnancy", 30), word="female"), Outcome.MET),
        (INFECTION_OR_PREGNANCY, E, adult(condition("pregnancy", 30)), Outcome.NOT_MET),  # a man's record cannot make him pregnant
        # a man's neutrophils are asked; the test only of a woman
        (NEUTROPHILS_AND_TEST, I, adult(lab("anc", 0.5, "10*9/L")), Outcome.NOT_MET),
        (NEUTROPHILS_AND_TEST, I, adult(lab("anc", 2.0, "10*9/L")), Outcome.MET),
        (NEUTROPHILS_AND_TEST, I, adult(lab("anc", 2.0, "10*9/L"), word="female"), Outcome.UNKNOWN),
        (NEUTROPHILS_AND_TEST, I, adult(lab("anc", 2.0, "10*9/L"), result("pregnancy_test", "negative", 3), word="female"), Outcome.MET),
        (NEUTROPHILS_AND_TEST, I, adult(lab("anc", 2.0, "10*9/L"), result("pregnancy_test", "positive", 3), word="female"), Outcome.NOT_MET),
        # the women's part found below the top (it held "childbearing potential", or sat in a nested list)
        (AGE_AND_WOCBP_TEST, I, adult(years=15), Outcome.NOT_MET),
        (AGE_AND_WOCBP_TEST, I, adult(), Outcome.MET),
        (AGE_AND_WOCBP_TEST, I, adult(word="female"), Outcome.UNKNOWN),
        (AGE_AND_WOCBP_TEST, I, adult(result("pregnancy_test", "negative", 3), word="female"), Outcome.MET),
        (LIST_WITH_PREGNANCY, E, adult(condition("active_infection", 3)), Outcome.MET),
    ],
)
def test_the_parts_for_everyone_are_asked_of_men_too(text: str, kind: CriterionType, record, outcome: Outcome) -> None:
    assert evaluate(parse_line(text, kind), record, AS_OF).outcome is outcome


@pytest.mark.parametrize("text", ["Pregnant or breastfeeding women", "Negative pregnancy test"])
def test_a_line_of_women_only_stays_scoped_to_women(text: str) -> None:
    kind = E if text.startswith("Pregnant") else I
    assert evaluate(parse_line(text, kind), adult(), AS_OF).outcome is (Outcome.NOT_MET if kind is E else Outcome.MET)
    assert parse_line(text, kind).applies_if is not None


@pytest.mark.parametrize(
    "text",
    [
        "All WOCBP MUST have a negative pregnancy test within 7 days prior to first receiving investigational product.",
        "ANC >= 1000 within 7 days prior to first receiving investigational product",
    ],
)
def test_the_study_product_a_window_counts_back_from_is_no_product_the_patient_must_have_had(text: str) -> None:
    """Read as a requirement, every patient without an investigational agent in the last 7 days
    failed the line (3 corpus lines)."""
    assert "investigational_agent" not in {p.concept for p in predicates(parse_line(text, I).expr)}


# A PDQ heading over lines of which some concern women only (every "Other:" of that layout)
OTHER = [
    (I, "Other:", None),
    (I, "Not pregnant or nursing", 0),
    (I, "Negative pregnancy test", 0),
    (I, "No active infection", 0),
]


@pytest.mark.parametrize(
    ("record", "outcome"),
    [
        (adult(), Outcome.MET),  # a man is asked no pregnancy test
        (adult(condition("active_infection", 3)), Outcome.NOT_MET),
        (adult(word="female"), Outcome.UNKNOWN),  # her test is missing
        (adult(result("pregnancy_test", "negative", 3), word="female"), Outcome.MET),
        (adult(result("pregnancy_test", "positive", 3), word="female"), Outcome.NOT_MET),
    ],
)
def test_a_heading_asks_its_womens_lines_of_women_only(record, outcome: Outcome) -> None:
    trial = TrialCriteria("NCT00000020", 1, parse_lines(OTHER))
    assert evaluate_reference(trial, record, AS_OF).criteria[0].outcome is outcome
