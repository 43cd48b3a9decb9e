"""A disease named in full, then its abbreviation in brackets, is one disease: "relapsed or
refractory acute myelogenous leukemia (AML) or relapsed or refractory MDS" reads as it does
without the bracket. Read as an item of its own, the bracket stood bare between the disease and
the "or" after it: any AML patient, never relapsed, met "recurrent, persistent, or progressive
acute myelogenous leukemia (AML), or ... (MDS)" (eligible where the text excludes), and the
"or" after the bracket joined the two diseases by "and", so nobody met the second line.

The wordings are the corpus's own (issue #14). Where no status qualifies the disease the bracket
keeps its reading (the HIV exclusions below). Every case is judged by both evaluators.
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

AML_ONLY = adult(condition("aml"))
RELAPSED_AML = adult(condition("aml"), condition("relapsed", 30))
REFRACTORY_AML = adult(condition("aml"), condition("refractory", 30))
MDS_ONLY = adult(condition("mds"))
RELAPSED_MDS = adult(condition("mds"), condition("relapsed", 30))
REFRACTORY_MDS = adult(condition("mds"), condition("refractory", 30))
RELAPSED_ALL = adult(condition("b_all"), condition("relapsed", 30))
APL_ONLY = adult(condition("apl"))
RELAPSED_APL = adult(condition("apl"), condition("relapsed", 30))
HIV = adult(condition("hiv"))
RELAPSED_AML_HIV = adult(condition("aml"), condition("relapsed", 30), condition("hiv"))

RECURRENT_AML_OR_MDS = (
    "A diagnosis of recurrent, persistent, or progressive acute myelogenous leukemia (AML), "
    "or recurrent, persistent, or progressive myelodysplastic syndrome (MDS)"
)

# (line, type, met, not met, unknown)
ROWS: list[tuple[str, CriterionType, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]] = [
    # a newly diagnosed AML may still be persistent disease (unread): left to review, never met
    (RECURRENT_AML_OR_MDS, INC, (RELAPSED_AML, RELAPSED_MDS), (RELAPSED_ALL,), (AML_ONLY, MDS_ONLY)),
    ("relapsed or refractory acute myelogenous leukemia (AML) or relapsed or refractory MDS", INC,
     (RELAPSED_AML, REFRACTORY_MDS), (AML_ONLY, MDS_ONLY, RELAPSED_ALL), ()),
    ("Relapsed or refractory acute myeloid leukemia (AML) or myelodysplastic syndrome (MDS)", INC,
     (REFRACTORY_AML, RELAPSED_MDS), (AML_ONLY, MDS_ONLY, RELAPSED_ALL), ()),
    # NCT02312102's line as registered: the definition of recurrence is unread, never bare AML
    (RECURRENT_AML_OR_MDS.replace("(AML), ", "(AML), defined as >= 5% blasts in a patient with known prior history of AML, ")
     + " according to WHO criteria.", INC, (RELAPSED_AML, RELAPSED_MDS), (RELAPSED_ALL,), (AML_ONLY, MDS_ONLY)),
    # NCT00275080: the statuses qualify each disease of the list (a newly diagnosed ALL met it);
    # "in blast crisis" is the CML's phase (topics/cml_phase), the last alternative's own
    ("Confirmed relapsed or refractory acute myeloid leukemia (AML) or acute lymphoblastic leukemia (ALL) or chronic myelogenous "
     "leukemia in blast crisis (CML-BC)", INC, (RELAPSED_AML, RELAPSED_ALL), (AML_ONLY, adult(condition("b_all")), MDS_ONLY), ()),
    ("Relapsed acute promyelocytic leukemia (APL)", EXC, (RELAPSED_APL,), (APL_ONLY, RELAPSED_ALL), ()),
    # no status before the disease: the restated bracket keeps the reading it had
    ("Seropositive for the human immunodeficiency virus (HIV)", EXC, (HIV, RELAPSED_AML_HIV), (RELAPSED_AML,), ()),
    ("Known human immunodeficiency virus (HIV) infection (pre-study testing not required)", EXC, (HIV,), (RELAPSED_AML,), ()),
]

CASES = outcome_cases(ROWS)




@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_a_bracketed_abbreviation_restates_its_disease(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
