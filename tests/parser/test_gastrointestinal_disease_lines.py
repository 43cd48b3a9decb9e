"""Gastrointestinal-disease lines: "Have currently active gastrointestinal disease, or prior surgery
that may affect the ability of the patient to absorb oral clofarabine" (holdout T95) and the ~200
corpus lines (193 trials) that name a gastrointestinal, GI or digestive disease, disorder or
condition, most of them "that may significantly alter the absorption of" the study drug.

Two tiers (rules_engine.concepts, matcher/intake/codes.toml): ``gastrointestinal_disease`` is the
organic disease of the digestive tract such a line means (oesophagitis, ulcers, inflammatory bowel
disease and colitis, obstruction and ileus, diverticulitis, perforation and fistula, malabsorption,
bleeding, the operated gut's complications), and inflammatory bowel disease, peptic ulcer, bowel
obstruction and perforation are kinds of it; ``digestive_tract_disease`` is the whole tract. A
record with only the wider kind (reflux, gastritis, irritable bowel, diverticulosis, haemorrhoids,
a polyp) leaves the line to a person (unknown), never excluded by Eligo and never cleared. A
patient with no digestive disease on record has none (contract section 4); what only a person can
weigh ("clinically significant", "that may alter absorption") stays a review beside the disease.

The inclusion heading that forbids what it lists ("No impaired gastrointestinal function or
gastrointestinal disease that may alter the absorption of everolimus, including any of the
following:"; 89 corpus inclusion headings open "No ..." and end in "any of the following:") is
read as the absence of its lead: read as asked for, a Crohn's disease met the line that forbids
it, and "No arterial thromboembolic event within the past 6 months, including any of the
following:" failed every patient who never had one.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
CROHN = adult(condition("crohn_disease"))
COLITIS = adult(condition("ulcerative_colitis"))
ULCER = adult(condition("peptic_ulcer"))
GI_BLEED = adult(condition("gastrointestinal_disease"))
REFLUX = adult(condition("digestive_tract_disease"))  # K21 reflux, K29 gastritis, K58 IBS, K64 haemorrhoids ...
OLD_CROHN = adult(condition("crohn_disease", 3000, active=False))
THYROID = adult(condition("thyroid_disease"))
STROKE = adult(condition("stroke", 60))
CLOT = adult(condition("thromboembolism", 60))
OLD_CLOT = adult(condition("thromboembolism", 2000))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown) -- exclusions: met means the patient is excluded
EXCLUSIONS: list[Row] = [
    # the holdout's line (NCT00839982, NCT01003678): an organic GI disease excludes, none clears
    ("Have currently active gastrointestinal disease, or prior surgery that may affect the ability of the patient to absorb oral clofarabine",
     (CROHN, COLITIS, ULCER, GI_BLEED), (NONE, OLD_CROHN), (REFLUX,)),
    ("Have currently active gastrointestinal disease, or prior surgery that may affect the ability of the patient to absorb oral clofarabine.",
     (CROHN,), (NONE,), (REFLUX,)),
    # the examples after it are kinds of it, or other alternatives
    ("Currently active gastrointestinal disease (e.g., ulcerative diseases, uncontrolled nausea, vomiting, diarrhoea, malabsorption syndrome, "
     "or small bowel resection), or other disease, that prevents the patient from absorbing or taking oral medication", (CROHN, ULCER), (), (REFLUX,)),
    ("Active gastrointestinal disease or other condition (e.g., gastrectomy, bariatric surgery, small bowel or large bowel resection, or cholecystectomy).",
     (CROHN,), (), (REFLUX,)),
    ("Presence of active gastrointestinal disease or other condition that will interfere significantly with the absorption, distribution, "
     "metabolism, or excretion of drugs.", (CROHN,), (), (REFLUX,)),
    # the qualifier a person weighs: any GI disease leaves it to review (the named example still excludes)
    ("Known clinically significant gastrointestinal disease including, but not limited to, inflammatory bowel disease", (CROHN, COLITIS), (), (ULCER, REFLUX)),
    ("Severe GI disease that may cause drug absorption problem of study drug", (), (NONE,), (CROHN, ULCER, REFLUX)),
    ("Inflammatory bowel disease (e.g. ulcerative colitis, Crohn's disease), or other gastrointestinal conditions with increased risk of perforation",
     (CROHN, COLITIS), (NONE,), (ULCER, REFLUX)),
    ("Recent or ongoing clinically significant GI disorder, e.g. Crohn's Disease, Ulcerative Colitis, or prior total or partial gastrectomy.",
     (CROHN,), (), (ULCER, REFLUX)),
]

INCLUSIONS: list[Row] = [
    # (line, met, not met, unknown)
    ("No gastrointestinal (GI) disorder that negatively affects absorption", (NONE,), (), (CROHN, REFLUX)),
    ("No uncontrolled inflammatory GI disease (e.g., Crohn's disease or ulcerative colitis)", (NONE,), (), (CROHN, REFLUX)),
    # the heading that forbids its list (its cases are the lines under it)
    ("No impaired gastrointestinal function or gastrointestinal disease that may alter the absorption of everolimus, including any of the following:",
     (NONE,), (CROHN, ULCER), (REFLUX,)),
    ("No thyroid disease, including any of the following:", (NONE,), (THYROID,), ()),
    ("No arterial thromboembolic event within the past 6 months, including any of the following:", (NONE, OLD_CLOT), (CLOT,), ()),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(EXCLUSIONS))
def test_a_gastrointestinal_exclusion_is_decided_by_the_coded_disease(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(INCLUSIONS))
def test_an_inclusion_forbidding_gastrointestinal_disease_fails_a_patient_with_it(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


def _heading_outcome(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> str:
    criteria = parse_lines(rows)
    trial = TrialCriteria(trial_id="T", version=1, criteria=criteria)
    return str(evaluate_reference(trial, facts, AS_OF).criteria[0].outcome)


@pytest.mark.parametrize("facts, expected", [(NONE, "met"), (STROKE, "not_met"), (adult(condition("myocardial_infarction", 30)), "not_met")])
def test_a_negated_heading_over_its_cases_holds_when_none_does(facts, expected):
    """NCT00126542 as the registry nests it: the heading and its cases under it."""
    rows = [
        (INC, "No arterial thromboembolic event within the past 6 months, including any of the following:", None),
        (INC, "Transient ischemic attack", 0),
        (INC, "Cerebrovascular accident", 0),
        (INC, "Unstable angina", 0),
        (INC, "Myocardial infarction", 0),
    ]
    assert _heading_outcome(rows, facts) == expected


# ("Ulcerative disease" under it is unread, so a clean record is a person's; a Crohn's disease fails it)
@pytest.mark.parametrize("facts, expected", [(NONE, "unknown"), (CROHN, "not_met"), (REFLUX, "unknown")])
def test_the_everolimus_heading_over_its_cases(facts, expected):
    """NCT00423865: 'No impaired GI function or GI disease ..., including any of the following:'."""
    rows = [
        (INC, "No impaired gastrointestinal function or gastrointestinal disease that may alter the absorption of everolimus, including any of the following:", None),
        (INC, "Ulcerative disease", 0),
        (INC, "Diarrhea", 0),
        (INC, "Malabsorption syndrome", 0),
    ]
    assert _heading_outcome(rows, facts) == expected
