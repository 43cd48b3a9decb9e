"""An antecedent hematologic disorder (AHD) an AML arose from (``topics.antecedent_disorder``): the
MDS, MPN, CMML or JMML on record, active or resolved. Never an origin an "including" list names
beside de novo AML (every AML is eligible there), nor the disorder a therapy was given for. And
"2nd malignancy" is another malignancy as "second malignancy" is. Rows are corpus wordings."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.items import predicates
from rules_engine.reference import evaluate_reference
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.topics.antecedent_disorder import ANTECEDENT
from tests.fixtures.judging import outcome_cases
from tests.fixtures.records import AS_OF, adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

DE_NOVO = adult(condition("aml", 30))
AFTER_MDS = adult(condition("aml", 30), condition("mds", 400, active=False))
AFTER_MPN = adult(condition("aml", 30), condition("mpn", 900))
AFTER_CMML = adult(condition("aml", 30), condition("cmml", 500, active=False))
MDS_ONLY = adult(condition("mds", 30))
BREAST = adult(condition("aml", 30), condition("breast_cancer", 30))

ROWS = [
    # the disorder preceding the AML: both asked
    ("Antecedent hematologic disorder preceding initial presentation of AML", E, [AFTER_MDS, AFTER_MPN, AFTER_CMML], [DE_NOVO, MDS_ONLY, adult()], []),
    # one risk factor among others, beside the AML the line asks
    ("Have a diagnosis of high-risk AML as established by a poor-risk karyotype, adverse risk by ELN criteria, a therapy-related AML, "
     "age >= 60 or with antecedent hematologic disorder", I, [AFTER_MDS, AFTER_MPN], [MDS_ONLY], [adult(condition("aml", 30), years=40)]),
    ("AHD", E, [AFTER_MDS, MDS_ONLY], [DE_NOVO, adult()], []),
    # the second cancer in digits (in an AML trial: the AML is no other malignancy)
    ("Untreated or uncontrolled 2nd malignancy.", E, [], [DE_NOVO], [BREAST]),
    ("2nd primary malignancy", E, [BREAST], [DE_NOVO], []),
]
AML_TRIAL = "Diagnosis of relapsed or refractory acute myeloid leukemia"


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_antecedent_disorder_line_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, AML_TRIAL), (kind, text)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected


LEFT = [
    # an origin of any AML: the disorder is no further requirement
    ("Diagnosis of AML including de novo, secondary, or with an antecedent hematologic disorder (AHD) according to the WHO criteria", I, DE_NOVO),
    # what a transplant or a therapy was for, no disorder asked of the record
    ("Bone marrow transplant for any prior hematological disorder antecedent to AML", E, AFTER_MDS),
    ("Prior treatment for AML or an AHD", E, AFTER_MDS),
]


@pytest.mark.parametrize("text, kind, facts", LEFT)
def test_an_antecedent_disorder_named_as_an_origin_or_an_indication_is_not_asked(text: str, kind: CriterionType, facts: PatientFacts) -> None:
    c = parse_line(text, kind)
    assert not {"mds", "mpn", "cmml", "jmml"} & {p.concept for p in predicates(c.expr)}


def test_the_antecedent_pattern_is_fast_on_adversarial_input() -> None:
    text = "antecedent hematologic disorder " * 200 + "preceding the initial " * 200 + "x"
    start = time.perf_counter()
    list(ANTECEDENT.finditer(text))
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
