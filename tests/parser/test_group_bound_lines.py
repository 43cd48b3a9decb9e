"""One score or lab with a bound for each group of patients, each bound followed by its group
(``parser.scoped_bounds``; issue 14, holdout T315):

- "ECOG performance status of <= 1 for patients in CP, <= 2 for patients in AP/BC or with
  relapsed/refractory Ph+ ALL": a score's bounds have no unit; a group may be "in" a phase;
- "AST/ALT <= 3 x ULN for patients without liver metastasis; <= 5 x ULN for patients with liver
  metastasis": a group may be "without" (or "with no") a finding, read as the lab readings read it;
- a group in words no record decides: within every bound is met, beyond every bound is not met,
  between them it is the group's question (never failed on the tighter bound alone) unless the
  patient is in the other group, which a record decides;
- an exclusion with a threshold per group ("Platelet count < 75,000/mm3 for patients in whom < 50%
  of bone marrow nucleated cells are plasma cells; or a platelet count < 30,000/mm3 for patients in
  whom >= 50% ..."): past both thresholds excludes whatever the group (it was left unknown), between
  them it is the group's question.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, alt, ast, condition, ecog, platelets, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

ECOG_BY_PHASE = (
    "Patient has an Eastern Cooperative Oncology Group (ECOG) performance status of ≤ 1 for patients in CP, ≤ 2 for patients in AP/BC "
    "or with relapsed/refractory Ph+ ALL or with Ph+ ALL with MRD;"
)
LIVER_BY_METASTASES = "AST/ALT ≤ 3 x ULN for patients without liver metastasis; ≤ 5 x ULN for patients with liver metastasis"
PLATELETS_BY_PLASMA_CELLS = (
    "Platelet count < 75,000/mm3 for patients in whom < 50% of bone marrow nucleated cells are plasma cells; or a platelet count "
    "< 30,000/mm3 for patients in whom ≥ 50% of bone marrow nucleated cells are plasma cells"
)
LIVER_WITH_NO = (
    "Alanine transaminase (ALT), aspartate transaminase (AST), and alkaline phosphatase <= to 2.5 x ULN in subjects with no liver "
    "metastasis and <= to 5.0 x ULN in participants with liver metastasis."
)


@pytest.mark.parametrize(
    "text, rendered",
    [
        (
            ECOG_BY_PHASE,
            'ECOG <= 1 or (ECOG <= 2 and not (CML and CML-chronic-phase is positive) and review ambiguous "applies only for patients in '
            'AP/BC or with relapsed/refractory Ph+ ALL or with Ph+ ALL with MRD")',
        ),
        (
            "ECOG ≤ 2 for patients in chronic phase, ≤ 3 for patients in blast crisis",
            "(not (CML and CML-chronic-phase is positive) or ECOG <= 2) and (not (CML and CML-blast-phase is positive) or ECOG <= 3)",
        ),
        (
            LIVER_BY_METASTASES,
            "(liver-metastases or (AST <= 3 x ULN and ALT <= 3 x ULN)) and (not liver-metastases or (AST <= 5 x ULN and ALT <= 5 x ULN))",
        ),
        (
            LIVER_WITH_NO,
            "(liver-metastases or (ALT <= 2.5 x ULN and AST <= 2.5 x ULN and alp <= 2.5 x ULN)) and "
            "(not liver-metastases or (ALT <= 5 x ULN and AST <= 5 x ULN and alp <= 5 x ULN))",
        ),
    ],
    ids=["score-phase-and-unread-group", "score-phases", "without-and-with", "with-no-and-with"],
)
def test_bound_per_group_rendered(text: str, rendered: str) -> None:
    c = parse_line(text, INC)
    assert render_rule(c.expr, c.applies_if) == rendered


def test_threshold_per_group_of_an_exclusion_rendered() -> None:
    c = parse_line(PLATELETS_BY_PLASMA_CELLS, EXC)
    assert render_rule(c.expr, c.applies_if) == (
        'platelets < 30 10*9/L or (platelets < 75 10*9/L and review ambiguous "applies only for patients in whom < 50% of bone marrow '
        'nucleated cells are plasma cells")'
    )


def _judged(text: str, facts: PatientFacts, ctype: CriterionType = INC) -> Outcome:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines([(ctype, text, None)])), facts, AS_OF)
    return outcome.criteria[0].outcome


CML_CP = (condition("cml"), result("cml_chronic_phase", "positive"))
CML_AP = (condition("cml"), result("cml_accelerated_phase", "positive"))


@pytest.mark.parametrize(
    "text, facts, expected",
    [
        (ECOG_BY_PHASE, adult(*CML_CP, ecog(1)), MET),
        (ECOG_BY_PHASE, adult(*CML_CP, ecog(2)), NOT_MET),
        # the accelerated phase's group is in words a person reads: between the bounds, a question
        (ECOG_BY_PHASE, adult(*CML_AP, ecog(2)), UNKNOWN),
        (ECOG_BY_PHASE, adult(*CML_AP, ecog(3)), NOT_MET),
        (LIVER_BY_METASTASES, adult(condition("aml"), ast(160), alt(30)), NOT_MET),
        (LIVER_BY_METASTASES, adult(condition("aml"), condition("liver_metastases"), ast(160), alt(30)), MET),
        (LIVER_BY_METASTASES, adult(condition("aml"), condition("liver_metastases"), ast(240), alt(30)), NOT_MET),
    ],
    ids=["cp-within", "cp-between", "ap-between", "beyond-both", "no-metastases-4x", "metastases-4x", "metastases-6x"],
)
def test_bound_per_group_judged(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert _judged(text, facts) is expected


@pytest.mark.parametrize(
    "facts, expected",
    [(adult(platelets(20)), MET), (adult(platelets(50)), UNKNOWN), (adult(platelets(100)), NOT_MET)],
    ids=["past-both", "between", "within-both"],
)
def test_threshold_per_group_of_an_exclusion_judged(facts: PatientFacts, expected: Outcome) -> None:
    assert _judged(PLATELETS_BY_PLASMA_CELLS, facts, EXC) is expected
