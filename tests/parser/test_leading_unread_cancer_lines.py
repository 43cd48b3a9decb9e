"""An unread cancer named first in a list of diagnoses ("Diagnosis of Wilms tumor or ALL",
"Patients with neuroblastoma or AML", "received treatment for brain tumor or ALL"): one more
alternative, as it is when named after the read one ("ALL or Wilms tumor"). Before, an inclusion
asked for both ("ALL and review 'brain tumor'") and a patient with the other cancer failed a line
that lets either in (holdout T223). ``parser.leading_cancers`` says which unread phrases are a
cancer's name; ``residue._unread_alternatives`` joins them."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.leading_cancers import leading_cancer
from rules_engine.rule_language import render_rule
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

WILMS_FIRST = "Diagnosis of Wilms tumor or ALL"
WILMS_AFTER = "Diagnosis of ALL or Wilms tumor"
FRAMED = "Patients with neuroblastoma or AML"
TREATED = "If a subject, received treatment for brain tumor or ALL"

# (why, line, type, rendering)
RENDERED = [
    ("the unread name first is an alternative", WILMS_FIRST, INC, 'review unsupported "Diagnosis of Wilms tumor" or ALL'),
    ("as it already was when it came after", WILMS_AFTER, INC, 'ALL or review unsupported "Wilms tumor"'),
    ("in its frame 'Patients with'", FRAMED, INC, 'review unparsed "Patients with neuroblastoma" or AML'),
    ("in its frame 'received treatment for'", TREATED, INC, 'review unsupported "received treatment for brain tumor" or ALL'),
]


@pytest.mark.parametrize(("text", "ctype", "expected"), [pytest.param(t, c, r, id=w) for w, t, c, r in RENDERED])
def test_an_unread_cancer_first_is_an_alternative(text: str, ctype: CriterionType, expected: str) -> None:
    assert render_rule(parse_line(text, ctype).expr) == expected


# (why, line, type, record, outcome)
CASES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    ("the read cancer meets the line", WILMS_FIRST, INC, adult(condition("all", 100)), MET),
    ("another cancer: whether it is the unread one is a person's, never a failure", TREATED, INC, adult(condition("aml", 100)), UNKNOWN),
    ("as an exclusion the read cancer still excludes", WILMS_FIRST, EXC, adult(condition("all", 100)), MET),
    ("negated, the read cancer still fails the line", "No history of brain tumor or ALL", INC, adult(condition("all", 100)), NOT_MET),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=w) for w, t, c, f, o in CASES])
def test_the_alternatives_decide_as_the_text_means(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, ctype), facts, AS_OF).outcome is expected


# (phrase, whether it is only a cancer's name once its frame is set aside)
PHRASES = [
    ("Patients with brain tumor", True),
    ("Diagnosis of Wilms tumor", True),
    ("Histologically proven metastatic/unresectable adrenocortical carcinoma", True),  # "... carcinoma or melanoma": either
    ("other malignancy", False),
    ("no prior lymphoma", False),
    ("treated with chemotherapy", False),
    ("carcinoma with bone metastases", False),
    ("prior therapy for lymphoma", False),
]


@pytest.mark.parametrize(("phrase", "expected"), PHRASES)
def test_which_phrases_are_a_cancer_name(phrase: str, expected: bool) -> None:
    assert leading_cancer(phrase) is expected
