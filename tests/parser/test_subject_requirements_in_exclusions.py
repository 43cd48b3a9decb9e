""""Patients with X must have Y" among the exclusions: what excludes is X with Y unmet. The subject
patterns take the modal themselves, so the words after the condition ("have a CD4 count > 350")
held none and the line was read "X and Y": it excluded exactly the patients who meet what it asks
and let in those who do not. A prohibition ("must not") and the verdict ("should be excluded")
keep their readings."""

from __future__ import annotations

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line

CASES = [
    ("Patients with HIV must have CD4 count > 350", "HIV and not CD4-count > 350.0 10*6/L"),
    ("Subjects with hepatitis B must have undetectable HBV DNA", "HBV and not HBV-DNA is negative"),
    ("Patients with a creatinine > 1.5 mg/dL must have a creatinine clearance >= 50 mL/min", "creatinine > 1.5 mg/dL and not creatinine-clearance >= 50 mL/min"),
    # the verdict itself: the condition is what excludes
    ("Patients with known brain metastases should be excluded from this clinical trial", "brain-metastases"),
    ("Patients with HIV must be excluded", "HIV"),
]


@pytest.mark.parametrize("text,rule", CASES, ids=[c[0][:50] for c in CASES])
def test_an_exclusions_subject_requirement_excludes_when_unmet(text, rule):
    assert rule_language.render(parse_line(text, CriterionType.EXCLUSION).expr) == rule


def test_a_subject_requirement_in_an_inclusion_is_asked_of_its_patients_only():
    assert rule_language.render(parse_line("Patients with HIV must have CD4 count > 350", CriterionType.INCLUSION).expr) == "not HIV or CD4-count > 350.0 10*6/L"


def test_a_later_sentences_subject_requirement_concerns_its_patients_only():
    """The sentence after an exclusion's own ("Active HTN (...). Subjects with a history of
    hypertension must have been on stable doses ... for >= 4 weeks"): read as a clause, "no
    hypertension within 4 weeks" was an alternative every patient without hypertension met."""
    text = ("Active HTN (diastolic blood pressure > 100 mmHg). Subjects with a history of hypertension must have been on stable doses "
            "of anti-hypertensive drugs for ≥ 4 weeks prior to start of Cycle 1")
    rule = rule_language.render(parse_line(text, CriterionType.EXCLUSION).expr)
    assert "no hypertension" not in rule
    assert '(hypertension and review unsupported "have been on stable doses' in rule
