"""An impaired function of the heart or of the digestive tract named bare (issue 14, cond3):
"Patient must not have impaired cardiac functions", "Impaired cardiac function or clinically
significant cardiac disease" (topics.cardiac_impairment), "Impairment of GI function or GI disease
that may significantly alter the absorption of panobinostat" (topics.gi_function).

* a low ejection fraction (< 45 %) or a heart failure on record meets the heart's impairment;
  nothing else on record decides it (a clean record stays a person's);
* the tract's impairment is what the lines list, each coded: a record with none of it does not
  meet the line, one with any is left to a person (whether it alters the drug's absorption, or
  impairs the function as the line means);
* an impairment the line goes on to define or list is what those words say.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language.render import render_rule
from tests.fixtures.holdout import fhir as f
from tests.fixtures.intake_facts import intake_facts
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, healthy, lvef

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

HEART_ROWS = [
    # (line, type, met, not met, unknown)
    ("Patient must not have impaired cardiac functions", E,
     # (no circulatory disease and a normal ejection fraction: none, topics.cardiac_heads)
     [healthy(lvef=lvef(35)), healthy(condition("heart_failure"))], [healthy(), healthy(lvef=lvef(60))], [adult(), healthy(condition("cardiomyopathy"))]),
    ("impaired heart function", E, [healthy(lvef=lvef(40))], [healthy(lvef=lvef(45))], [healthy(condition("coronary_artery_disease"), lvef=lvef(45))]),
    ("Impaired cardiac function or clinically significant cardiac disease", E, [healthy(lvef=lvef(30))], [], []),
    ("No impaired cardiac function", I, [healthy()], [healthy(condition("heart_failure"))], [adult()]),
    # a severity beside it stays a person's
    ("Clinically significant cardiac impairment", E, [], [], [healthy(lvef=lvef(30))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(HEART_ROWS))
def test_a_low_ejection_fraction_or_a_heart_failure_is_an_impaired_cardiac_function(
    line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


_HEART_READING = re.compile(r'review unsupported "[^"]*(?:impaired|impairment)[^"]*"', re.I)


@pytest.mark.parametrize(
    "line",
    [
        "Impaired cardiac function, including any one of the following:",
        "Impaired cardiac function including any of the following:",
        "Impaired cardiac function at baseline, including any of the following:",
        "Impaired cardiac function or clinically significant cardiac diseases, including any one of the following:",
        "No known or suspected history of impaired cardiac function as evidenced by baseline echocardiogram",
        "Impaired cardiac function with NYHA (New York Heart Association) classification ≧ GrII.",
        "Impaired cardiac function was defined in the protocol",
        "Contraindication to any of the required concomitant drugs, or intolerance to hydration due to preexisting pulmonary or cardiac impairment",
    ],
)
def test_an_impairment_the_line_defines_lists_or_names_as_a_cause_is_not_read_bare(line: str) -> None:
    assert not _HEART_READING.search(render_rule(parse_line(line, E).expr))


def coded(code: str, system: str = f.ICD10CM) -> dict[str, Any]:
    return f.condition(code, "condition", system=system, onset=60)


OTHER = coded("E11.9")  # type 2 diabetes: a record with another condition only
GI_LINE = "Impairment of GI function or GI disease that may significantly alter the absorption of panobinostat."
GI_ROWS = [
    # (line, type, record's condition or None, expected)
    (GI_LINE, E, None, NOT_MET),
    (GI_LINE, E, OTHER, NOT_MET),
    (GI_LINE, E, coded("R11.2"), UNKNOWN),  # nausea with vomiting: whether it alters absorption is a person's
    (GI_LINE, E, coded("Z90.3"), UNKNOWN),  # a gastrectomy
    (GI_LINE, E, coded("K50.90"), UNKNOWN),  # Crohn's disease
    (GI_LINE, E, coded("R19.7"), UNKNOWN),
    ("Impaired GI function", E, coded("Z93.3"), UNKNOWN),  # a colostomy: how far it impairs is a person's
    ("Impaired GI function", E, coded("K21.9"), UNKNOWN),  # reflux: whether it is an impairment is a person's
    ("Impaired GI function", E, OTHER, NOT_MET),
    ("No impairment of gastrointestinal (GI) function that may significantly alter the absorption of PTK787.", I, None, MET),
    ("No impairment of gastrointestinal (GI) function that may significantly alter the absorption of PTK787.", I, coded("K90.0"), UNKNOWN),
]


@pytest.mark.parametrize(("line", "ctype", "resource", "expected"), GI_ROWS)
def test_an_impaired_gi_function_is_what_the_lines_list(line: str, ctype: CriterionType, resource: dict[str, Any] | None, expected: Outcome) -> None:
    facts = intake_facts(*([resource] if resource is not None else []))
    assert judged(parse_line(line, ctype), facts) is expected


def test_the_absorption_the_line_weighs_governs_the_impairment_too() -> None:
    """Any GI disease on record is never read as the impairment alone: the line weighs whether it
    alters the drug's absorption."""
    rule = render_rule(parse_line(GI_LINE, E).expr)
    assert "gi-resection" in rule and "whether it may alter the drug's absorption" in rule
