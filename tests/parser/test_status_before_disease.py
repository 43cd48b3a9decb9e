"""Statuses listed before a disease qualify it: "Recurrent or metastatic breast cancer" asks for
breast cancer that is one of them, never "relapsed" as an alternative to the disease (read that
way, any relapsed patient met it: a relapsed AML with no breast cancer). A status no concept reads
(metastatic, advanced, unresectable) stays an unread alternative, so a patient with the disease
and no status on record is left to review, never met outright.

The wordings are the csv corpus's own (about 120 of its lines list statuses this way before a
cancer named by a concept). Every case is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

RELAPSED_AML = adult(condition("aml"), condition("relapsed", 30))
RELAPSED_BREAST = adult(condition("breast_cancer"), condition("relapsed", 30))
BREAST_ONLY = adult(condition("breast_cancer"))
RELAPSED_NSCLC = adult(condition("nsclc"), condition("relapsed", 30))
NSCLC_ONLY = adult(condition("nsclc"))
REFRACTORY_TUMOUR = adult(condition("melanoma"), condition("refractory", 30))
RELAPSED_LYMPHOMA = adult(condition("lymphoma"), condition("relapsed", 30))
REFRACTORY_ALL = adult(condition("b_all"), condition("refractory", 30))
ALL_ONLY = adult(condition("b_all"))

# (line, type, met, not met, unknown)
ROWS: list[tuple[str, CriterionType, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]] = [
    ("Recurrent or metastatic breast cancer", INC, (RELAPSED_BREAST,), (RELAPSED_AML,), (BREAST_ONLY,)),
    ("Metastatic or recurrent breast cancer", INC, (RELAPSED_BREAST,), (RELAPSED_AML,), (BREAST_ONLY,)),
    ("Histologically proven triple-receptor-negative metastatic or relapsed breast cancer", INC, (), (RELAPSED_AML,), (RELAPSED_BREAST, BREAST_ONLY)),
    ("Recurrent or metastatic gastric cancer that has progressed following first line-therapy", INC, (), (RELAPSED_AML, RELAPSED_BREAST), ()),
    ("Locally advanced, recurrent or metastatic NSCLC", INC, (RELAPSED_NSCLC,), (RELAPSED_AML,), (NSCLC_ONLY,)),
    ("A histologically or cytologically confirmed advanced/recurrent non-small-cell lung cancer", INC, (RELAPSED_NSCLC,), (RELAPSED_AML,), (NSCLC_ONLY,)),
    ("Recurrent or persistent NSCLC following one previous line of cytotoxic chemotherapy.", INC, (), (RELAPSED_AML, NSCLC_ONLY), ()),
    ("Relapsed or metastatic solid tumor", INC, (adult(condition("melanoma"), condition("relapsed", 30)),), (RELAPSED_AML,), ()),
    ("Advanced or refractory solid tumours not amenable to standard therapy", INC, (), (RELAPSED_AML, adult(condition("aml"), condition("refractory", 30))),
     (REFRACTORY_TUMOUR,)),
    # an exclusion of the same shape excludes the disease with one of its statuses, not every relapse
    ("Recurrent or metastatic breast cancer", EXC, (RELAPSED_BREAST,), (RELAPSED_AML,), (BREAST_ONLY,)),
    # statuses every one of which a concept reads keep their reading ("relapsed or refractory AML")
    # statuses before a list of diseases qualify each of them: the later ones did not stand bare
    ("Refractory AML or ALL.", EXC, (REFRACTORY_ALL,), (ALL_ONLY, RELAPSED_AML), ()),
    ("Relapsed AML or ALL", INC, (RELAPSED_AML,), (ALL_ONLY, BREAST_ONLY), ()),
    ("Relapsed or refractory AML or ALL", INC, (RELAPSED_AML, REFRACTORY_ALL), (ALL_ONLY,), ()),
    ("Recurrent or refractory lymphoma", INC, (RELAPSED_LYMPHOMA,), (RELAPSED_AML, adult(condition("lymphoma"))), ()),
]

CASES = outcome_cases(ROWS)




@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_statuses_before_a_disease_qualify_it(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
