"""A line that mixes what concerns women only (pregnancy, breastfeeding, a pregnancy test) with what
concerns everyone scopes the women's parts to women, never the whole line: scoped whole ("if sex is
female: ..."), a man was "not concerned" by the rest too, so a man with an active infection passed
the exclusion and one with 500 neutrophils met the inclusion (corpus lines; found by mining the
holdout patients' exclusions answered not met, session 15)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
INFECTION_OR_PREGNANCY = "Patient is a women who is pregnant or breastfeeding. Patient has an active infection that requires antibiotics"
NEUTROPHILS_AND_TEST = "ANC >= 1500/uL; negative pregnancy test"


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
    ],
)
def test_the_parts_for_everyone_are_asked_of_men_too(text: str, kind: CriterionType, record, outcome: Outcome) -> None:
    assert evaluate(parse_line(text, kind), record, AS_OF).outcome is outcome


@pytest.mark.parametrize("text", ["Pregnant or breastfeeding women", "Negative pregnancy test"])
def test_a_line_of_women_only_stays_scoped_to_women(text: str) -> None:
    kind = E if text.startswith("Pregnant") else I
    assert evaluate(parse_line(text, kind), adult(), AS_OF).outcome is (Outcome.NOT_MET if kind is E else Outcome.MET)
    assert parse_line(text, kind).applies_if is not None
