"""Condition lines in the plain words registries write (issue 14, cond5).

* "Patient has no known liver or kidney problems": "problems" is the plain word for a disease of
  the organ (as "cardiac problems" already was), and "Patient has no ..." negates the whole
  inclusion as "No ..." does. Read before as a review, and with "disease" as "(not liver
  disease) or kidney disease", which a patient with kidney disease met. Not where a bound
  follows: "Subject has no major impairment ..., as defined by ... WBC > 3.0" states its bounds
  as the good state, which a negation would turn round.
* "any other uncontrolled cardiac condition such as angina pectoris": the words leading into the
  examples ask nothing beside the qualifier, so an unstable angina on record (uncontrolled by
  definition) meets the line; a stable angina stays a person's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
from rules_engine.parser.items import NEGATED
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.qualified_conditions import _EXAMPLES_LEAD

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def rendered(text: str, kind: CriterionType) -> str:
    return rule_language.render(parse_line(text, kind).expr)


PLAIN = [
    ("Patient has no known liver or kidney problems", INC, "not (liver-disease or kidney-disease)"),
    ("Patient has no known kidney or liver problems", INC, "not (kidney-disease or liver-disease)"),
    ("Patient has no known liver or kidney disease", INC, "not (liver-disease or kidney-disease)"),
    ("Known liver problems", EXC, "liver-disease"),
    ("Known kidney problems", EXC, "kidney-disease"),
    # the readings that held stay as they were
    ("No known liver or kidney disease", INC, "not (liver-disease or kidney-disease)"),
    ("Participant has no history of a prior malignancy", INC, "not (other-malignancy or other-malignancy within 100 years)"),
]


@pytest.mark.parametrize("text,kind,rule", PLAIN, ids=[p[0] for p in PLAIN])
def test_a_plain_word_for_an_organ_disease_and_a_patient_who_has_none_are_read(text: str, kind: CriterionType, rule: str) -> None:
    assert rendered(text, kind) == rule


def test_a_patient_who_has_no_impairment_defined_by_bounds_keeps_the_bounds_as_asked() -> None:
    rule = rendered("Subject has no major impairment of hematological function, as defined by the following laboratory parameters: "
                    "WBC > 3.0x109/L; ANC > 1.5x109/L", INC)
    assert rule.startswith("WBC > 3 10*9/L and ")


EXAMPLES = [
    ("any other uncontrolled cardiac condition such as angina pectoris", EXC,
     'unstable-angina or (angina and review unsupported "any other uncontrolled cardiac condition such as")'),
    # other words beside the qualifier stay a person's
    ("uncontrolled angina requiring nitrates", EXC, None),
]


@pytest.mark.parametrize("text,kind,rule", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_lead_into_examples_asks_nothing_beside_the_qualifier(text: str, kind: CriterionType, rule: str | None) -> None:
    got = rendered(text, kind)
    if rule is None:
        assert not got.startswith("unstable-angina or")
    else:
        assert got == rule


@pytest.mark.parametrize("pattern,text", [
    (NEGATED, "Patient has no " + "known liver " * 3000 + "problems"),
    (NEGATED, "Patient has no " + "a " * 5000 + "x"),
    (_EXAMPLES_LEAD, "any other " + "cardiac " * 3000 + "conditions such as"),
    (_EXAMPLES_LEAD, "conditions " * 3000 + "such"),
])
def test_the_patterns_read_adversarial_text_fast(pattern, text: str) -> None:
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 0.05
