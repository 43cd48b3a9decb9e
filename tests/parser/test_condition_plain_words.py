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
* "history of clinically significant heart problems": heart failure of NYHA class III or IV is
  significant heart disease whenever recorded, as it is for the disease asked now; any other
  heart disease in the history stays a person's.
* "Hepatic cirrhosis, or other moderate to severe hepatic disease": "hepatic cirrhosis" is the
  cirrhosis, whole; its adjective left unread was a review beside the named part, so a cirrhosis
  on record was only unknown under the catch-all after it.
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
    ("Known hepatic cirrhosis", EXC, "liver-disease"),
    ("Hepatic cirrhosis, or other moderate to severe hepatic disease;", EXC, 'liver-disease or (liver-disease and review "other moderate to severe")'),
    # the readings that held stay as they were
    ("No known liver or kidney disease", INC, "not (liver-disease or kidney-disease)"),
    ("Participant has no history of a prior malignancy", INC, "not (other-malignancy or other-malignancy within 100 years)"),
]


@pytest.mark.parametrize("text,kind,rule", PLAIN, ids=[p[0] for p in PLAIN])
def test_a_plain_word_for_an_organ_disease_and_a_patient_who_has_none_are_read(text: str, kind: CriterionType, rule: str) -> None:
    assert rendered(text, kind) == rule


@pytest.mark.parametrize("text", [
    "Participant has no history of a prior malignancy with the exception of gliomas (as secondary GBM is allowed), basal cell carcinoma "
    "of the skin, or adequately treated localized prostate carcinoma with Prostate-Specific Antigen (PSA) < 1.0",
    "Participant has no history of a prior malignancy",
])
def test_a_patient_who_has_no_history_of_another_cancer_is_asked_its_absence(text: str) -> None:
    assert rendered(text, INC).startswith("not (")


def test_a_patient_who_has_no_impairment_defined_by_bounds_keeps_the_bounds_as_asked() -> None:
    rule = rendered("Subject has no major impairment of hematological function, as defined by the following laboratory parameters: "
                    "WBC > 3.0x109/L; ANC > 1.5x109/L", INC)
    assert rule.startswith("WBC > 3 10*9/L and ")


EXAMPLES = [
    # the example on record decides, as every later example of such a head does (topics.head_examples);
    # the head stays a person's for another heart disease
    ("any other uncontrolled cardiac condition such as angina pectoris", EXC,
     'unstable-angina or angina or (cardiac-disease and review unsupported "any other uncontrolled cardiac condition such as")'),
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
], ids=["negated-long-lead", "negated-no-definition", "examples-lead-adjectives", "examples-lead-no-such-as"])
def test_the_patterns_read_adversarial_text_fast(pattern, text: str) -> None:
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


SIGNIFICANT = [
    ("Current severe, uncontrolled systemic disease including an ongoing, active infection or history of clinically significant heart problems", EXC,
     "((heart-failure or heart-failure within 100 years) and NYHA >= 3) or ((cardiac-disease or cardiac-disease within 100 years) and review"),
    ("History of serious cardiac disease", EXC, "((heart-failure or heart-failure within 100 years) and NYHA >= 3) or "),
]


@pytest.mark.parametrize("text,kind,part", SIGNIFICANT, ids=[s[0][:50] for s in SIGNIFICANT])
def test_marked_heart_failure_in_the_history_is_significant_heart_disease(text: str, kind: CriterionType, part: str) -> None:
    assert part in rendered(text, kind)


@pytest.mark.parametrize("text", ["History of serious arrhythmia", "history of severe coronary artery disease"])
def test_a_significant_history_of_another_heart_disease_is_not_decided_by_heart_failure(text: str) -> None:
    assert "NYHA" not in rendered(text, EXC)
