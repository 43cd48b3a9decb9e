"""Issue 14, a lab's wider bound written as an alternative with the lab named again, its scope
after it (``topics.lab_scopes._scoped_alternatives``).

"Total bilirubin <= ULN; or total bilirubin <= 3.0 x ULN or direct bilirubin <= 1.5 x ULN in
patients with well documented Gilbert's Syndrome": the scope is asked with every alternative
after the tighter bound (the bare "total bilirubin <= 3.0 x ULN" admitted every patient), and
read as the bracketed scope is read (a coded Gilbert's syndrome, liver metastases, marrow
involvement); a scope no record codes stays a person's beside them, never dropped.

Each row is a paraphrased corpus line and the rule it reads as, or the outcomes it gives on
small records."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, alt, ast, bilirubin, condition, lab, platelets

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def rule(text: str, ctype: CriterionType = INC) -> str:
    criterion = parse_line(text, ctype)
    return render_rule(criterion.expr, criterion.applies_if)


GILBERT_BOTH = "Total serum bilirubin ≤ ULN; or total bilirubin ≤ 3.0 x ULN or direct bilirubin ≤1.5 x ULN in patients with well documented Gilbert's Syndrome."
GILBERT_ONE = "Total bilirubin ≤ 1.5 x ULN, or total bilirubin ≤ 3 x ULN in patients with well documented Gilbert's syndrome"
LIVER_AGAIN = "AST (SGOT) and ALT (SGPT) <= 2.5 x ULN, OR AST (SGOT) and ALT (SGPT) <= 5 x ULN if liver metastasis"
BILIRUBIN_HELD = (
    "Adequate liver function defined as bilirubin <=2 x the upper limit of institutional normal and SGOT and SGPT <=2.5 x the upper limit"
    " of institutional normal, or SGOT and SGPT <=5 x the upper limit of institutional normal if liver function abnormalities are due to underlying malignancy"
)

RULES = [
    (GILBERT_BOTH, "bilirubin <= 1 x ULN or ((bilirubin <= 3 x ULN or direct-bilirubin <= 1.5 x ULN) and Gilbert-syndrome)"),
    ("Total bilirubin < ULN; or total bilirubin ≤3.0 x ULN or direct bilirubin ≤1.5 x ULN in patients with well-documented Gilbert's Syndrome.",
     "bilirubin < 1 x ULN or ((bilirubin <= 3 x ULN or direct-bilirubin <= 1.5 x ULN) and Gilbert-syndrome)"),
    (GILBERT_ONE, "bilirubin <= 1.5 x ULN or (bilirubin <= 3 x ULN and Gilbert-syndrome)"),
    ("Bilirubin ≤ 1.5 x ULN or bilirubin ≤ 3 x ULN for subjects with Gilbert's disease", "bilirubin <= 1.5 x ULN or (bilirubin <= 3 x ULN and Gilbert-syndrome)"),
    (LIVER_AGAIN, "(AST <= 2.5 x ULN and ALT <= 2.5 x ULN) or (AST <= 5 x ULN and ALT <= 5 x ULN and liver-metastases)"),
    ("AST ≤ 2.5 x ULN, or AST ≤ 5 x ULN in case of liver metastases", "AST <= 2.5 x ULN or (AST <= 5 x ULN and liver-metastases)"),
    ("AST ≤ 2.5 x ULN, or AST ≤ 5 x ULN for subjects with hereditary hemolytic anemia", "AST <= 2.5 x ULN or (AST <= 5 x ULN and hereditary-hemolytic-anemia)"),
    (BILIRUBIN_HELD, "bilirubin <= 2 x ULN and ((AST <= 2.5 x ULN and ALT <= 2.5 x ULN) or (AST <= 5 x ULN and ALT <= 5 x ULN and liver-metastases))"),
    # a scope no record codes: a person's, still asked with the wider bound it is said after
    ("Total bilirubin ≤ ULN; or total bilirubin ≤ 3 x ULN or direct bilirubin ≤ 1.5 x ULN in patients with prior cholecystectomy",
     "bilirubin <= 1 x ULN or ((bilirubin <= 3 x ULN or direct-bilirubin <= 1.5 x ULN) and review unparsed \"in patients with prior cholecystectomy\")"),
]


@pytest.mark.parametrize("text, expected", RULES)
def test_the_lab_named_again_asks_its_scope(text: str, expected: str) -> None:
    assert rule(text) == expected


# not the shape: a different lab's own bound after "or"; an exclusion's scope no record codes
UNCHANGED = [
    ("Creatinine ≤ 1.5 x ULN or creatinine clearance ≥ 50 mL/min in patients with creatinine > 1.5 x ULN", INC),
    ("AST > 2.5 x ULN or AST > 5 x ULN for subjects with prior cholecystectomy", EXC),
]


@pytest.mark.parametrize("text, ctype", UNCHANGED)
def test_what_is_not_a_wider_bound_for_some_is_left_as_read(text: str, ctype: CriterionType) -> None:
    assert "Gilbert" not in rule(text, ctype)
    assert "liver-metastases" not in rule(text, ctype)
    assert "bone-marrow-involvement" not in rule(text, ctype)


MARROW_EXCLUSION = "Platelet count < 100 x 10^9 cells/L or platelet count < 75 x 10^9 cells/L if bone marrow disease involvement is documented"
EXCLUSION_RULES = [
    ("ALT > 2.5 x ULN, or ALT > 5 x ULN in patients with liver metastases", "ALT > 5 x ULN or (ALT > 2.5 x ULN and not liver-metastases)"),
    ("AST > 2.5 x ULN or AST > 5 x ULN for subjects with prior cholecystectomy",
     "AST > 2.5 x ULN or (AST > 5 x ULN and review unparsed \"for subjects with prior cholecystectomy\")"),
]


@pytest.mark.parametrize("text, expected", EXCLUSION_RULES)
def test_an_exclusions_threshold_for_some_patients_is_theirs(text: str, expected: str) -> None:
    assert rule(text, EXC) == expected


def direct_bilirubin(value: float) -> object:
    return lab("direct_bilirubin", value, "mg/dL", uln=0.3)


GILBERT = condition("gilbert_syndrome", 900)
LIVER = condition("liver_metastases", 60)
MARROW = condition("bone_marrow_involvement", 30)

ROWS = [
    # (text, met, not_met, unknown)
    (GILBERT_BOTH, [adult(bilirubin(1.0)), adult(bilirubin(3.0), GILBERT)], [adult(bilirubin(3.0)), adult(bilirubin(5.0), direct_bilirubin(1.0), GILBERT)], []),
    (GILBERT_ONE, [adult(bilirubin(1.5)), adult(bilirubin(3.0), GILBERT)], [adult(bilirubin(3.0)), adult(bilirubin(4.0), GILBERT)], []),
    (LIVER_AGAIN, [adult(alt(60), ast(60)), adult(alt(150), ast(150), LIVER)], [adult(alt(150), ast(150))], []),
    (BILIRUBIN_HELD, [adult(bilirubin(1.0), alt(150), ast(150), LIVER)], [adult(bilirubin(6.0), alt(150), ast(150), LIVER), adult(bilirubin(1.0), alt(150), ast(150))], []),
]


# an exclusion: (text, excluded, not excluded, unknown)
EXCLUSION_ROWS = [
    (MARROW_EXCLUSION, [adult(platelets(80)), adult(platelets(50), condition("cll", 300)), adult(platelets(50), MARROW)],
     [adult(platelets(120)), adult(platelets(80), MARROW)], [adult(platelets(80), condition("cll", 300))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(EXCLUSION_ROWS))
def test_an_exclusion_holds_each_patient_to_his_own_threshold(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(ROWS))
def test_the_wider_bound_holds_only_for_the_scopes_patients(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


def test_a_hostile_alternative_list_is_read_quickly() -> None:
    text = "Total bilirubin ≤ 1.5 x ULN, or total bilirubin ≤ 3 x ULN " * 300 + "in patients with Gilbert's syndrome"
    parse_line(text[:20000], INC)
