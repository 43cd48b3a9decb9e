"""A trial's inclusions that list the diseases it takes, one bullet each, are alternatives even when
a bullet states the status before the disease ("Relapsed or refractory acute myelogenous or lymphoid
leukemia" / "Chronic myelogenous leukemia in accelerated phase or blast-crisis" / "Recurrent or
refractory malignant lymphoma ..." / "Multiple myeloma at high risk ...", holdout T295): the status
is about the disease, so the line still opens with it and the run of categories is not cut there.
Cut, every patient failed the categories of the other diseases.

A sentence letting another disease in ("Previously untreated AML (>/= 20% blasts) or AML M6. Patients
with high-risk (...) MDS will also be eligible", holdout T251) is an alternative to the disease the
line asks for, whatever requirement the line read last (there the AML's unread blast count, after
which the MDS stood as asked of everyone and every AML patient failed).

Words a line asks after diseases joined by "or" ("Acute myeloid or lymphocytic leukemia in first
remission at high-risk for recurrence", "AML or ALL with poor prognostic features") qualify each
of them, as a status read there does ("AML or ALL in second remission"): left to the last alone, a
newly diagnosed AML met the line (holdout T295). In an exclusion the reading is left as it was.

An exclusion's list item qualified before its comma ("Angina pectoris, clinically significant
cardiac arrhythmia and requiring therapy, uncontrolled hypertension, ..., or congestive heart
failure", holdout T251) ends at the comma: the next item is one more alternative. Read by
"requiring" as a condition of the next item, the list broke into two halves asked together, and
angina alone excluded no one.

And "acute myeloid or lymphoid leukemia" (one "leukemia" shared by both lineages; 4 corpus lines)
names both diseases, as "AML or ALL" does: the first adjective was an unread word beside ALL, and
an AML patient failed the line.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria, parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication

E = CriterionType.EXCLUSION

I = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

RELAPSED_AML = adult(condition("aml", 400), condition("relapsed", 40), medication("chemotherapy", 200))
RELAPSED_ALL = adult(condition("all", 400), condition("relapsed", 40), medication("chemotherapy", 200))
NEW_AML = adult(condition("aml", 10))
MYELOMA = adult(condition("multiple_myeloma", 400))
BREAST = adult(condition("breast_cancer", 400))


@pytest.mark.parametrize(
    "text,read",
    [
        ("Acute myelogenous or lymphoid leukemia", "AML or ALL"),
        ("Acute myeloid or lymphoblastic leukemia", "AML or ALL"),
        ("Acute lymphoblastic or myeloid leukemia", "ALL or AML"),
        ("Relapsed or refractory acute myelogenous or lymphoid leukemia.", "(relapsed or refractory) and (AML or ALL)"),
        # a lineage with no shared noun after it is left as written
        ("Acute myeloid leukemia or lymphoma", "AML or lymphoma"),
    ],
)
def test_one_leukemia_shared_by_two_lineages_names_both(text: str, read: str) -> None:
    parsed = parse_line(text, I)
    assert render_rule(parsed.expr, parsed.applies_if) == read


@pytest.mark.parametrize(
    "text,kind,facts,expected",
    outcome_cases([
        ("Relapsed or refractory acute myelogenous or lymphoid leukemia.", I, [RELAPSED_AML, RELAPSED_ALL], [NEW_AML, MYELOMA], []),
    ]),
)
def test_a_shared_leukemia_line_is_judged_for_both_lineages(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


CATEGORIES = """Inclusion Criteria:

  -  Relapsed or refractory acute myelogenous or lymphoid leukemia.

  -  Chronic myelogenous leukemia in accelerated phase or blast-crisis.

  -  Recurrent or refractory malignant lymphoma or Hodgkin's disease

  -  Multiple myeloma at high risk for disease recurrence.

Exclusion Criteria:

  -  Clinical progression.
"""


@pytest.mark.parametrize(
    "facts,expected",
    [
        pytest.param(RELAPSED_AML, {MET}, id="relapsed-aml-meets-every-category-line"),
        pytest.param(MYELOMA, {MET, UNKNOWN}, id="myeloma-meets-or-leaves-open"),
        pytest.param(BREAST, {NOT_MET}, id="breast-cancer-fails-them"),
    ],
)
def test_categories_opened_by_a_status_are_one_run_of_alternatives(facts: PatientFacts, expected: set[Outcome]) -> None:
    lines = [c for c in parse_criteria(CATEGORIES) if c.type is I and c.parent is None]
    assert len(lines) == 4
    assert {judged(line, facts) for line in lines} <= expected


UNTREATED_AML = adult(condition("aml", 10))
TREATED_AML = adult(condition("aml", 300), medication("chemotherapy", 200))
HIGH_RISK_MDS = adult(condition("mds", 100))


@pytest.mark.parametrize(
    "text,kind,facts,expected",
    outcome_cases([
        ("Previously untreated AML (>/= 20% blasts) or AML M6. Patients with high-risk (intermediate-2 or high by IPSS or >/= 10% blasts) "
         "MDS will also be eligible.", I, [], [TREATED_AML, BREAST], [UNTREATED_AML, HIGH_RISK_MDS]),
        ("Previously untreated AML. Patients with high-risk MDS will also be eligible.", I, [UNTREATED_AML], [TREATED_AML, BREAST], [HIGH_RISK_MDS]),
    ]),
)
def test_another_disease_also_eligible_widens_the_line_s_disease(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


NEW_ALL = adult(condition("all", 10))
ANGINA = adult(condition("angina", 100))
HEART_FAILURE = adult(condition("heart_failure", 100))


@pytest.mark.parametrize(
    "text,kind,facts,expected",
    outcome_cases([
        # (a disease in no remission fails it: the remission is read, the risk left to a person)
        ("Acute myeloid or lymphocytic leukemia in first remission at high-risk for recurrence.", I, [], [BREAST, MYELOMA, NEW_AML, NEW_ALL],
         [adult(condition("aml", 300), condition("remission", 300, diagnosis="aml"))]),
        ("AML or ALL with poor prognostic features", I, [], [BREAST], [NEW_AML, NEW_ALL]),
        ("AML or high-risk MDS", I, [NEW_AML], [BREAST], [HIGH_RISK_MDS]),  # the words before MDS are its own
        # an exclusion keeps the reading it had: the first disease excludes
        ("AML or MDS with excess blasts", E, [NEW_AML], [BREAST], [HIGH_RISK_MDS]),
        ("Angina, arrhythmia requiring therapy, hypertension, diabetes, or heart failure.", E, [ANGINA, HEART_FAILURE], [BREAST], []),
        ("Angina pectoris, clinically significant cardiac arrhythmia and requiring therapy, uncontrolled hypertension (blood pressure >/= 160 "
         "systolic and >/= 110 diastolic not responsive to antihypertensive medication), uncontrolled diabetes mellitus, or congestive heart "
         "failure.", E, [ANGINA], [], [BREAST, HEART_FAILURE]),
        # words explaining the item, or a condition after the comma, still ask both together
        ("Patients who have received an organ allograft ie, requiring immunosuppressive therapy", E,
         [adult(condition("organ_transplant", 900), medication("immunosuppressant_therapy", 5))],
         [adult(medication("immunosuppressant_therapy", 5)), adult(condition("organ_transplant", 900))], []),
        ("The participant received prior immunotherapy and at the time of study enrollment, requires steroids", E,
         [adult(medication("immunotherapy", 100), medication("steroid_therapy", 5))], [adult(medication("steroid_therapy", 5))], []),
    ]),
)
def test_what_follows_or_ed_diseases_and_a_qualified_list_item(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected

