"""How a diagnosis was proven, said beside it (issue 14).

* "Histologically proven melanoma", "Histological or cytological confirmation of prostate
  cancer", "Biopsy-proven relapsed or refractory lymphoma" (about 130 corpus lines with the proof
  words, 47 biopsy spans): how the diagnosis was made, as "histologically confirmed" already is.
  Left, the words were a review beside the diagnosis and no record with it met the line.
* "failed to achieve remission after at least one induction treatment", "refractory to at least
  one course of induction chemotherapy": every refractory disease failed a first induction, so a
  refractory disease on record meets it; a count above one, or the first induction named (primary
  refractory), stays a person's.
* "..., but have not been treated with bendamustine", "relapsed AML who have not received
  azacitidine": a clause after "but" / "who" negates the therapy it names, as one after "and"
  does (read bare, the line asked for the therapy it rules out).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

AML = adult(condition("aml", 100))
HODGKIN = adult(condition("hodgkin_lymphoma", 100))
PROSTATE = adult(condition("prostate_cancer", 100))
NSCLC = adult(condition("nsclc", 100))
LYMPHOMA_RELAPSED = adult(condition("lymphoma", 400), condition("relapsed", 30, diagnosis="lymphoma"))
LYMPHOMA_NEW = adult(condition("lymphoma", 30))
DLBCL = adult(condition("dlbcl", 100))

PROOF_ROWS = [
    ("Histologically proven AML", I, [AML], [HODGKIN], []),
    ("Hodgkin's lymphoma (histologically proven)", I, [HODGKIN], [AML], []),
    ("Histological or cytological confirmation of prostate cancer", I, [PROSTATE], [AML], []),
    ("Histologically or cytologically proven NSCLC", I, [NSCLC], [AML], []),
    ("Biopsy-proven relapsed or refractory lymphoma", I, [LYMPHOMA_RELAPSED], [LYMPHOMA_NEW, AML], []),
    ("biopsy confirmed DLBCL", I, [DLBCL], [AML], []),
    # the subject running on into the requirement: both asked, never a condition on the cancer
    ("Patients with histologic proof of adenocarcinoma of the prostate and must have progressed on conventional hormonal therapy.", I,
     [], [AML], [PROSTATE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(PROOF_ROWS))
def test_how_a_diagnosis_was_proven_asks_nothing_more(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


REFRACTORY = adult(condition("aml", 100), condition("refractory", 30, diagnosis="aml"))
RELAPSED = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"))

INDUCTION_ROWS = [
    ("failed to achieve remission after at least one induction treatment", I, [REFRACTORY], [RELAPSED, AML], []),
    ("AML refractory to at least one course of induction chemotherapy", I, [REFRACTORY], [RELAPSED, AML], []),
    # two inductions failed, or the first (primary refractory: a record's refractory may be to a later one): more than the status says
    ("refractory disease after at least 2 induction treatments", I, [], [RELAPSED, AML], [REFRACTORY]),
    ("Failure to achieve remission after first induction chemotherapy", I, [], [RELAPSED, AML], [REFRACTORY]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(INDUCTION_ROWS))
def test_the_one_induction_a_refractory_disease_failed_is_the_status(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


AZA = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"), medication("named_medication", 200, quote="azacitidine", words="azacitidine"))

NEGATED_ROWS = [
    ("Relapsed AML who have not received azacitidine", I, [RELAPSED], [AZA], []),
    ("Relapsed AML and have not been treated with azacitidine", I, [RELAPSED], [AZA], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(NEGATED_ROWS))
def test_a_clause_that_has_not_received_a_therapy_rules_it_out(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_the_therapy_a_relapsed_lymphoma_has_not_had_is_negated() -> None:
    text = ("Histologically and cytologically confirmed B-cell NHL that has relapsed from, or is refractory to, all standard therapies "
            "(including autologous transplantation) known to provide clinical benefit, but have not been treated with bendamustine for their lymphoma")
    assert "not (named-medication is bendamustine" in rule_of(text)
