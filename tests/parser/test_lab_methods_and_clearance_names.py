"""Issue 14, organ-function lines as registries write them: a MUGA named by the registries' other
words ("gated radionuclide study", "radionucleotide angiogram", "radioisotope Multiple Gated
Acquisition Scan", "nuclear scan") annotates an ejection fraction's bound; a clearance over a day's
urine is the creatinine clearance, named or not ("24-hour clearance"); "hepatic enzymes" are the
transaminases; the permission to transfuse, with the level it is for written out, is how the
count may be reached, never an exception to it; a count's unit may be a volume alone; and a bound
for the patients "if liver metastases present" (or in their "absence") is scoped by the coded
metastases.

Each row is a corpus or holdout line and the rule it reads as (``tools/pl.py`` shows the same)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.lab_scopes import scope_condition
from rules_engine.rule_language import render_rule
from rules_engine.units import registry_unit
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, hemoglobin, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

# how the ejection fraction is measured, after its bound: the bound alone decides
METHODS = [
    ("Ejection fraction ≥ 45% by either radioisotope Multiple Gated Acquisition Scan (MUGA) scan or Echocardiogram (ECHO)", "LVEF >= 45 %"),
    ("Ejection fraction >40% by radionucleotide angiogram or echocardiogram.", "LVEF > 40 %"),
    ("Ejection fraction >= 50% by gated radionuclide study", "LVEF >= 50 %"),
    ("LVEF ≥ 50% by multigated radionuclide angiography", "LVEF >= 50 %"),
    ("Shortening fraction ≥ 27% by echocardiogram OR ejection fraction ≥ 45% by gated radionuclide study", "shortening-fraction >= 27 % or LVEF >= 45 %"),
    ("Adequate cardiac function defined as:Shortening fraction of >25% by echocardiogram, or Ejection fraction >40% by radionucleotide angiogram or "
     "echocardiogram.", "shortening-fraction > 25 % or LVEF > 40 %"),
    ("LVEF normal by nuclear scan or echocardiogram",
     "LVEF >= 55 % or (LVEF >= 45 % and review ambiguous \"the lab's lower limit of normal for the ejection fraction (45-55 %)\")"),
]


@pytest.mark.parametrize("text,expected", METHODS, ids=[t[:50] for t, _ in METHODS])
def test_a_muga_named_in_other_words_annotates_the_ejection_fraction(text: str, expected: str) -> None:
    assert rule_of(text) == expected


# a day's urine clearance is the creatinine clearance, an alternative to the creatinine
CLEARANCES = [
    ("Serum creatinine =< 1.5 x ULN or 24 hour clearance >= 50 mL/min", "creatinine <= 1.5 x ULN or creatinine-clearance >= 50 mL/min"),
    ("Renal function: Creatinine less than or equal to 1.5 x institutional upper limit of normal (ULN) or 24-hour clearance greater than or equal "
     "to 50 mL/min", "creatinine <= 1.5 x ULN or creatinine-clearance >= 50 mL/min"),
    ("Serum creatinine ≤ 1.5 x ULN or 24-hour creatinine clearance ≥ 50 ml/min", "creatinine <= 1.5 x ULN or creatinine-clearance >= 50 mL/min"),
    ("24-hour urine creatinine clearance ≥ 50 ml/min", "creatinine-clearance >= 50 mL/min"),
    ("24 h creatinine clearance ≤ 50 mL/min", "creatinine-clearance <= 50 mL/min"),
]


@pytest.mark.parametrize("text,expected", CLEARANCES, ids=[t[:50] for t, _ in CLEARANCES])
def test_a_clearance_over_a_days_urine_is_the_creatinine_clearance(text: str, expected: str) -> None:
    assert rule_of(text) == expected


@pytest.mark.parametrize(
    "text,facts,expected",
    outcome_cases([
        ("Serum creatinine =< 1.5 x ULN or 24 hour clearance >= 50 mL/min",
         [adult(lab("creatinine", 1.0, "mg/dL", uln=1.2)), adult(lab("creatinine", 2.5, "mg/dL", uln=1.2), lab("creatinine_clearance", 70, "mL/min"))],
         [adult(lab("creatinine", 2.5, "mg/dL", uln=1.2), lab("creatinine_clearance", 30, "mL/min"))],
         [adult(lab("creatinine", 2.5, "mg/dL", uln=1.2))]),
    ]),
)
def test_either_renal_test_shows_the_function(text: str, facts: object, expected: Outcome) -> None:
    assert judged(parse_line(text, "inclusion"), facts) is expected  # type: ignore[arg-type]


# the liver's enzymes by another name are the transaminases
ENZYMES = [
    ("Hepatic enzymes (AST, ALT) ≤2.5x ULN", "ALT <= 2.5 x ULN and AST <= 2.5 x ULN"),
    ("Hepatic enzymes (aspartate aminotransferase [AST], alanine aminotransferase [ALT] ) =< 2.5 times the institutional ULN",
     "ALT <= 2.5 x ULN and AST <= 2.5 x ULN"),
    ("Hepatic enzymes ≤ 3 x ULN", "ALT <= 3 x ULN and AST <= 3 x ULN"),
]


@pytest.mark.parametrize("text,expected", ENZYMES, ids=[t[:50] for t, _ in ENZYMES])
def test_hepatic_enzymes_are_the_transaminases(text: str, expected: str) -> None:
    assert rule_of(text) == expected


# the permission to transfuse, with what it is for written out, leaves the count to decide
TRANSFUSED = [
    ("Hemoglobin >= 10.0 g/dl (Note: The use of transfusion or other intervention to achieve Hgb >= 10.0 g/dl is acceptable)", "hemoglobin >= 10 g/dL"),
    ("Hemoglobin: >= 8.0 g/dL (note: the use of transfusion or other intervention to achieve hemoglobin [Hgb] >= 8.0 g/dl is acceptable)",
     "hemoglobin >= 8 g/dL"),
    ("Hemoglobin ≥10 g/dL [Transfusion to meet the hemoglobin requirement is acceptable]", "hemoglobin >= 10 g/dL"),
    ("Platelet count ≥20,000/µL (Transfusions to achieve this level are allowed).", "platelets >= 20 10*9/L"),
    ("Platelets >= 100,000/ul; low platelet counts may be corrected with transfusion to achieve eligibility for study", "platelets >= 100 10*9/L"),
    # a condition on the transfusion stays a person's
    ("Hgb ≥ 8.5 g/dL (subjects may receive transfusions to achieve this, in the absence of overt bleeding)",
     'hemoglobin >= 8.5 g/dL and review unsupported "to achieve this … in the absence of overt bleeding"'),
]


@pytest.mark.parametrize("text,expected", TRANSFUSED, ids=[t[:50] for t, _ in TRANSFUSED])
def test_a_transfusion_permitted_to_reach_the_level_leaves_the_count_deciding(text: str, expected: str) -> None:
    assert rule_of(text) == expected


@pytest.mark.parametrize(
    "text,facts,expected",
    outcome_cases([
        ("Hemoglobin >= 10.0 g/dl (Note: The use of transfusion or other intervention to achieve Hgb >= 10.0 g/dl is acceptable)",
         [adult(hemoglobin(11))], [adult(hemoglobin(8))], [adult()]),
    ]),
)
def test_the_transfusion_note_is_no_exception_to_the_count(text: str, facts: object, expected: Outcome) -> None:
    assert judged(parse_line(text, "inclusion"), facts) is expected  # type: ignore[arg-type]


# a count's unit as registries write it: the volume alone, a bracketed power, "billion", glued to
# the next test's name, and the white count named "white blood count"
COUNT_UNITS = [
    ("Neutrophils > 1,500 mm3, platelets > 100,000 mm3, and hemoglobin > 9 g/dL", "ANC > 1.5 10*9/L and platelets > 100 10*9/L and hemoglobin > 9 g/dL"),
    ("Absolute neutrophil count (ANC) >= 1,500 uL", "ANC >= 1.5 10*9/L"),
    ("Absolute Neutrophil Count ≥ 2,000 mm3 and ≤ 7,500 mm3", "ANC >= 2 10*9/L and ANC <= 7.5 10*9/L"),
    ("absolute neutrophil count greater than or equal to 1000/mm(3)", "ANC >= 1 10*9/L"),
    ("White blood cell (WBC) >= 3500 cells/mm^3 or >= 3.5 bil/L", "WBC >= 3.5 10*9/L"),
    ("Platelet count >= 100,000 cells/mm^3 or >= 100 bil/L", "platelets >= 100 10*9/L"),
    ("Required Laboratory Values:ANC ≥1500 cells/mm3,platelet count ≥100,000 cells/mm3,hemoglobin ≥9 gm/L; Glucose >3.3 mmol/L",
     "ANC >= 1.5 10*9/L and platelets >= 100 10*9/L and hemoglobin >= 9.0 g/dL and glucose > 3.3 mmol/L"),
    ("White Blood Count (WBC) ≥ 3,000/mm3;", "WBC >= 3 10*9/L"),
    ("White blood count (WBC) ≥ 15 G/L at screening", "WBC >= 15 10*9/L"),
    # the decimal comma of a body surface is no end of the unit
    ("Creatinine clearance ≥ 60 ml/min/1,73 m2", "creatinine-clearance >= 60 mL/min/{1.73_m2}"),
]


@pytest.mark.parametrize("text,expected", COUNT_UNITS, ids=[t[:50] for t, _ in COUNT_UNITS])
def test_a_counts_unit_as_registries_write_it(text: str, expected: str) -> None:
    assert rule_of(text) == expected


@pytest.mark.parametrize(
    "spelling,concept,unit",
    [("mm3", "anc", "/mm3"), ("uL", "platelets", "/uL"), ("/mm(3)", "wbc", "/mm3"), ("bil/L", "anc", "10*9/L"),
     # a volume alone is no unit of a concentration or an enzyme
     ("uL", "alt", None), ("mm3", "hemoglobin", None)],
)
def test_a_volume_alone_is_a_counts_denominator(spelling: str, concept: str, unit: str | None) -> None:
    assert registry_unit(spelling, concept) == unit


# a second bound for the patients with liver metastases, the scope said with "present" alone or
# "demonstrable": the coded metastases decide which bound holds
SCOPED = [
    ("Alkaline phosphatase ≤ 2.5 times ULN (≤ 5 times ULN if liver metastases present)", "alp <= 2.5 x ULN or (alp <= 5 x ULN and liver-metastases)"),
    ("AST and ALT ≤ 2.5 times ULN (< 5 times ULN if liver metastases present)",
     "(AST <= 2.5 x ULN or (AST < 5 x ULN and liver-metastases)) and (ALT <= 2.5 x ULN or (ALT < 5 x ULN and liver-metastases))"),
]


@pytest.mark.parametrize("text,expected", SCOPED, ids=[t[:50] for t, _ in SCOPED])
def test_a_bound_for_patients_with_liver_metastases_present(text: str, expected: str) -> None:
    assert rule_of(text) == expected


@pytest.mark.parametrize(
    "who,expected",
    [("if liver metastases present", "liver-metastases"), ("in the absence of demonstrable liver metastases", "not liver-metastases"),
     # "absence" without its article is still an absence, never the metastases themselves
     ("in absence of liver metastasis", "not liver-metastases"), ("for patients with liver metastases", "liver-metastases")],
)
def test_the_scope_of_a_bound_names_the_metastases_or_their_absence(who: str, expected: str) -> None:
    condition = scope_condition(who)
    assert condition is not None and render_rule(condition, None) == expected


# a multiple of the limit as registries write it: the limit called the "institutional norm", the
# multiple "times above" it, a roman-numeral ten for the times sign, a power of ten after "times"
MULTIPLES = [
    ("Transaminases =< 2.5 times above the upper limits of the institutional norm)", INC, "ALT <= 2.5 x ULN and AST <= 2.5 x ULN"),
    ("Aspartate amino transferase (AST) or alanine amino transferase (ALT) more than 3 x upper limit of institutional norm.", EXC,
     "AST > 3 x ULN or ALT > 3 x ULN"),
    ("Bilirubin more than 1.5 x upper limit of institutional norm.", EXC, "bilirubin > 1.5 x ULN"),
    ("AST, ALT > 2.5 ⅹupper limit of normal", EXC, "AST > 2.5 x ULN or ALT > 2.5 x ULN"),
    ("Adequate bone marrow function as shown by: Absolute neutrophil count (ANC) > or = 1.5 times 10(9)/L, Platelets > or = 100 times 10(9)/L, "
     "Hgb > or = 10g/dL.", INC, "ANC >= 1.5 10*9/L and platelets >= 100 10*9/L and hemoglobin >= 10 g/dL"),
]


@pytest.mark.parametrize("text,ctype,expected", MULTIPLES, ids=[t[:50] for t, _, _ in MULTIPLES])
def test_a_multiple_of_the_limit_as_registries_write_it(text: str, ctype: CriterionType, expected: str) -> None:
    assert rule_of(text, ctype) == expected
