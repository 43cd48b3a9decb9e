"""A seizure disorder asked out of control, a condition named with its cause, a gastrectomy, and
a formula in brackets inside a list (real corpus wordings, each decided on records).

- "Recent history of uncontrolled seizures", "No uncontrolled seizure disorder": an epilepsy
  coded intractable (ICD-10-CM G40.x1-) is out of control by definition (met); any other seizure
  disorder stays a person's; none on record, none uncontrolled (``topics/qualified_conditions``).
- "hypertension due to pheochromocytoma": both conditions and a person's review of the link,
  never either one alone (read as alternatives, every hypertension excluded; ``cause_pairs``).
- "prior total or partial gastrectomy": the stomach's resection, its own concept (a kind of the
  operated gut); "Recent or ongoing clinically significant GI disorder": both qualifiers ask the
  disorder (``topics/qualified_kinds``), "Recent" no bare alternative of its own.
- "creatinine clearance <= 50mL/min (estimated creatinine clearance = [weight (Kg) x (140-age) x
  ...]/[72 x (stable creatinine)], Parkinson's disease, ...": the bracketed Cockcroft-Gault
  equation asks nothing, the list runs on after it (``formulas.strip_bracketed_formula``).
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.cause_pairs import caused_pairs
from rules_engine.parser.formulas import strip_bracketed_formula
from rules_engine.parser.items import Item, predicate
from rules_engine.criteria import Op
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()


def has(*concepts: str, days_ago: int = 150, active: bool = True) -> Any:
    return adult(*(condition(c, days_ago, active=active) for c in concepts))


# an intractable epilepsy is coded as both (codes.toml: G40 is a seizure disorder, G40.x1- intractable too)
INTRACTABLE = has("seizure_disorder", "intractable_epilepsy")
EPILEPSY = has("seizure_disorder")

SEIZURES: list[tuple[Any, ...]] = [
    ("Recent history of uncontrolled seizures", E, [INTRACTABLE], [CLEAN], [EPILEPSY]),
    ("Patients with uncontrolled seizures are ineligible.", E, [INTRACTABLE], [CLEAN], [EPILEPSY]),
    ("Uncontrolled epilepsy", E, [INTRACTABLE], [CLEAN], [EPILEPSY]),
    ("No uncontrolled seizure disorder", I, [CLEAN], [INTRACTABLE], [EPILEPSY]),
    ("No history of uncontrolled seizures, CNS disorders, or psychiatric disability that would preclude study compliance", I,
     [], [INTRACTABLE], [CLEAN, EPILEPSY]),
    # the window the line sets is the intractable epilepsy's too
    ("Uncontrolled seizure disorder, or focal or generalized seizure within the last 12 months;", E,
     [INTRACTABLE], [], [has("seizure_disorder", "intractable_epilepsy", days_ago=800), EPILEPSY]),
    # more than the control ("with standard medical therapy") stays a person's beside it
    ("Patients with seizures not controlled with standard medical therapy.", E, [], [CLEAN], [INTRACTABLE, EPILEPSY]),
]

PHEO_LIST = ("History of GI obstruction/perforation, pheochromocytoma, seizure disorders, creatinine clearance less than or equal to "
             "50mL/min (estimated creatinine clearance = [weight (Kg) x (140-age) x (0.85 if female)]/[72 x (stable creatinine)], "
             "Parkinson's disease, breast cancer, clinically active depression, or hypertension due to pheochromocytoma")
KIDNEYS_55 = lab("creatinine_clearance", 55, "mL/min")

CAUSED: list[tuple[Any, ...]] = [
    ("hypertension due to pheochromocytoma", E, [], [CLEAN, has("hypertension"), has("pheochromocytoma")],
     [has("hypertension", "pheochromocytoma")]),
    ("Stroke due to hypertension", E, [], [CLEAN, has("hypertension"), has("stroke")], [has("stroke", "hypertension")]),
    # in a list: the cause pairs with the last name only, the others stand as they were
    (PHEO_LIST, E, [has("pheochromocytoma"), has("depression"), adult(lab("creatinine_clearance", 45, "mL/min"))],
     [adult(KIDNEYS_55), adult(KIDNEYS_55, condition("hypertension", 900)), adult(KIDNEYS_55, condition("depression", 3000, active=False))], []),
]


GASTRECTOMY: list[tuple[Any, ...]] = [
    # the stomach's resection by its name (a Z90.3 status, a gastrectomy procedure); any other
    # operated gut is no gastrectomy
    ("Has had either partial or total gastrectomy", E, [has("gastrectomy", days_ago=1500)], [CLEAN, has("gi_resection", days_ago=1500)], []),
    # two qualifiers joined by "or" ask the same condition: "Recent" is no alternative of its own
    ("Recent or ongoing clinically significant GI disorder, e.g. Crohn's Disease, Ulcerative Colitis, or prior total or partial gastrectomy.", E,
     [has("gastrectomy", days_ago=1500), has("crohn_disease")], [CLEAN], [has("gastrointestinal_disease")]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(GASTRECTOMY))
def test_a_gastrectomy_is_read_and_recent_or_ongoing_qualify_one_condition(text: str, kind: CriterionType, facts: Any, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(SEIZURES))
def test_an_intractable_epilepsy_is_an_uncontrolled_seizure_disorder(text: str, kind: CriterionType, facts: Any, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(CAUSED))
def test_a_condition_due_to_another_asks_both(text: str, kind: CriterionType, facts: Any, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, kept",
    [
        # a bracket left unclosed by the registry ends at the comma once its own brackets close
        ("clearance <= 50mL/min (estimated creatinine clearance = [weight (Kg) x (140-age) x (0.85 if female)]/[72 x (stable creatinine)], "
         "Parkinson's disease", "clearance <= 50mL/min , Parkinson's disease"),
        ("CrCl >= 60 (CrCl = (140 - age) x weight / (72 x creatinine)) and bilirubin normal", "CrCl >= 60 and bilirubin normal"),
        # no "140 - age": no formula read; a bound inside: left whole
        ("CrCl >= 60 (CrCl = measured) and bilirubin normal", "CrCl >= 60 (CrCl = measured) and bilirubin normal"),
        ("CrCl >= 60 (CrCl = (140 - age) x weight must be > 50), more", "CrCl >= 60 (CrCl = (140 - age) x weight must be > 50), more"),
        # (a bound after the comma that ends an unclosed bracket is the line's own, kept)
        ("CrCl >= 60 (CrCl = (140 - age) x weight, must be > 50), more", "CrCl >= 60 , must be > 50), more"),
    ],
)
def test_a_bracketed_formula_is_taken_out_and_the_line_runs_on(text: str, kept: str) -> None:
    assert strip_bracketed_formula(text) == kept


def test_hostile_lines_parse_in_linear_time() -> None:
    hostile = ("hypertension due to pheochromocytoma due to (CrCl = [140 - age (x) " * 400)[:20000]
    start = time.perf_counter()
    strip_bracketed_formula(hostile)
    items = [Item(k * 10, k * 10 + 5, predicate("hypertension", Op.PRESENT)) for k in range(2000)]
    caused_pairs(items, hostile)
    parse_line(hostile, E)
    parse_line(("uncontrolled seizures, history of uncontrolled epilepsy " * 400)[:20000], E)
    assert len(hostile) == 20000 and time.perf_counter() - start < 1.0
