"""The oral-drug exclusions of the kinase-inhibitor template: "Unable to swallow capsules, or disease
significantly affecting gastrointestinal function, or resection of the stomach or small bowel,
symptomatic inflammatory bowel disease or ulcerative colitis, or partial or complete bowel
obstruction" (about 25 corpus lines; ``topics/gut_resection.py``, ``topics/gi_function.py``).

Each part names what a hospital records: an operated gut (``gi_resection``; a gastrectomy is the
resection of the stomach), a disease of the tract, a bowel obstruction, a swallowing disorder.
None on record is none (contract section 4), so a clean record is not excluded; a gastrectomy is
the resection the line names; another operated gut (a colectomy or a stoma) may not be of the
stomach or small bowel, and a GI disease may or may not "significantly affect" the function:
both stay a person's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.gut_resection import gut_resection_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
GASTRECTOMY = adult(condition("gastrectomy", 2000))
OPERATED_GUT = adult(condition("gi_resection", 2000))  # Z90.49, a stoma: the colon's as well
CROHN = adult(condition("crohn_disease"))
OBSTRUCTION = adult(condition("bowel_obstruction", 20))
DYSPHAGIA = adult(condition("dysphagia"))

TEMPLATE = ("Unable to swallow capsules, or disease significantly affecting gastrointestinal function, or resection of the stomach or "
            "small bowel, symptomatic inflammatory bowel disease or ulcerative colitis, or partial or complete bowel obstruction")

# (line, kind, met, not met, unknown) -- an exclusion is met when it excludes the patient
ROWS = [
    ("Resection of the stomach or small bowel", EXC, [GASTRECTOMY], [CLEAN, CROHN], [OPERATED_GUT]),
    ("Major resection of the stomach or small bowel.", EXC, [GASTRECTOMY], [CLEAN], [OPERATED_GUT]),
    ("Malabsorption, total gastric resection", EXC, [GASTRECTOMY], [CLEAN], [OPERATED_GUT]),
    ("No prior small bowel resection", INC, [CLEAN], [], [OPERATED_GUT]),
    # a list joined by "and" is one resection, never the diseases before it and-ed with it
    ("Gastrointestinal disorder(s) which, in the opinion of the Principal Investigator, would significantly impede the absorption of an oral "
     "agent (e.g. active Crohn's disease, ulcerative colitis, extensive gastric and small intestine resection).", EXC, [CROHN, GASTRECTOMY], [], [CLEAN]),
    ("Known Disease significantly affecting gastrointestinal function", EXC, [], [CLEAN], [CROHN, OPERATED_GUT]),
    ("Patients with malabsorption syndrome, or any other disease significantly affecting gastrointestinal function.", EXC, [], [CLEAN], [CROHN]),
    ("Bowel obstruction, partial or complete", EXC, [OBSTRUCTION], [CLEAN], []),
    ("Partial or complete bowel obstruction", EXC, [OBSTRUCTION], [CLEAN], []),
    (TEMPLATE, EXC, [GASTRECTOMY, OBSTRUCTION, DYSPHAGIA], [CLEAN], [CROHN, OPERATED_GUT]),
    ("Not able to swallow the lenalidomide capsule as a whole;", EXC, [DYSPHAGIA], [CLEAN], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_the_operated_gut_and_the_gut_function_are_read_from_the_record(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_an_inclusion_that_names_a_resection_among_what_it_lacks_never_fails_a_clean_record() -> None:
    """Read as a requirement, "... does not have any ... abnormalities ... such as major resection of
    the stomach" would turn away every patient without a resection."""
    text = ("Able to swallow and retain orally administered medication and does not have any clinically significant gastrointestinal "
            "abnormalities that may alter absorption such as malabsorption syndrome or major resection of the stomach or bowels.")
    assert judged(parse_line(text, INC), CLEAN) is not Outcome.NOT_MET


@pytest.mark.parametrize(
    "text",
    [
        "resection of the " + "stomach or " * 2000,
        "small bowel " * 2000 + "resection",
        "major " * 3000 + "resection of the stomach",
        "gastric and " * 2000 + "small bowel resection",
    ],
    ids=["repeated-organs", "repeated-prefix", "repeated-major", "repeated-joined"],
)
def test_the_resection_pattern_reads_hostile_text_quickly(text: str) -> None:
    text = text[:20_000]
    started = time.perf_counter()
    gut_resection_items(text, EXC)
    assert time.perf_counter() - started < 1.0
