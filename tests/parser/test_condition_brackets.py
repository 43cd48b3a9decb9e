"""An exclusion's bracket that states on what condition its patients may enter ("(patients may be
considered adequately controlled if on a stable steroid dose ...)", "(patients must be treated and
stable off steroids ...)") is the line's exception (``condition_brackets``). Read as written, its
therapy was one more condition of the exclusion: a patient with brain metastases and no steroids
was not excluded."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.condition_brackets import eligible_conditions
from rules_engine.rule_language import render_rule

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize("line, read", [
    ("Uncontrolled or symptomatic brain metastases (patients may be considered adequately controlled if on a stable steroid dose for at least 30 days).",
     'brain-metastases and review "Uncontrolled or symptomatic" and not (steroid-therapy within 14 days and review unparsed '
     '"except patients on a stable steroid dose for ≥ 30 days")'),
    ("Known brain metastases (patients with a history of brain metastases must be clinically stable off steroids for at least 4 weeks)",
     "brain-metastases and not ((brain-metastases or brain-metastases within 100 years) and no steroid-therapy within 4 weeks exclusive "
     'and review unparsed "except patients with a history of brain metastases who are clinically stable off steroids for ≥ 4 weeks")'),
])
def test_an_exclusions_condition_bracket_is_its_exception(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


@pytest.mark.parametrize("ctype, text", [
    # a requirement among the inclusions stays one
    (INC, "Brain metastases allowed (patients must be off steroids for at least 4 weeks)"),
    # a bound after "must be" is a scoped limit
    (EXC, "Bilirubin > 1.5 x ULN (Subjects with Gilbert's syndrome total bilirubin must be ≤ 4 x ULN)"),
    # a condition naming no treatment is left to its readers
    (EXC, "Active infection or sepsis (patients must be afebrile for > 48 hours off antibiotics)"),
])
def test_other_brackets_are_left_as_written(ctype: CriterionType, text: str) -> None:
    assert eligible_conditions(text, ctype) == text


def test_a_hostile_condition_bracket_is_read_quickly() -> None:
    text = "Brain metastases (patients with " + "a " * 5000 + "must be " + "stable " * 4000 + ")"
    start = time.perf_counter()
    eligible_conditions(text[:20000], EXC)
    parse_line(text[:20000], EXC)
    assert time.perf_counter() - start < 5.0
