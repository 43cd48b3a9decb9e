"""The anti-PD-1 trials' exclusion of prior immunotherapy: the checkpoint inhibitors spelt out
("anti-programmed death-1 [PD-1]", "anti-programmed cell death 1 ligand 1 (PD-L1)") and the
antibodies directed at a T-cell co-stimulatory receptor beside them ("anti-CD137", "CD137
agonists", "immune agonists (anti-cluster of differentiation [CD] 137, anti-CD40, anti-OX40)",
"any other antibody or drug specifically targeting T-cell co-stimulation or checkpoint
pathways"; about 35 corpus exclusions, each left to a person before, so no patient was ever
excluded-free by them).

``costimulatory_antibody`` is a concept (codes.toml: the antibodies by name), a kind of
immunotherapy; under the contract one absent from the record is absent. A staff note closing the
line ("for questions or uncertainties, please contact the PI") asks nothing of the patient.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import re

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.topics.drug_classes import DRUG_CLASSES
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

TEMPLATE = "Prior therapy with anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CD137, or anti-CTLA-4 antibody (including ipilimumab or any other antibody or drug specifically targeting T cell co-stimulation or checkpoint pathways)"
AGONISTS = (
    "Prior treatment with immune checkpoint blockade therapies (anti-cytotoxic T-lymphocyte-associated protein 4 [CTLA-4], anti-programmed death-1 [PD-1] "
    "or anti-PD-L1) or immune agonists (anti-cluster of differentiation [CD] 137, anti-CD40, anti-OX40)"
)
SPELT_LIGANDS = (
    "Patients must not have had any prior therapy with an anti-PD-1, anti-programmed cell death 1 ligand 1 (PD-L1), anti-programmed cell death 1 ligand 2 (PD-L2), "
    "anti-cluster of differentiation (CD)137 or anti-cytotoxic t-lymphocyte-associated protein 4 ligand (CTLA-4) antibody (or any antibody or drug specifically "
    "targeting T-cell costimulation or checkpoint pathways; for questions or uncertainties, please contact the PI or quality assurance manager (QAM)"
)
CD137_AGONISTS = "Prior treatment with CD137 agonists or immune checkpoint blockade therapies"
PATHWAYS = "Prior treatment with any agent specifically targeting T-cell co-stimulation or checkpoint pathways"
SQUARE_BRACKETS = "Prior treatment with an anti-programmed death-1 [PD-1] antibody"
PD_FIRST = "Prior therapy with an anti-programmed cell death (PD)-1, anti-PD-L1, or anti-PD-L2 agent"

READINGS = [
    (TEMPLATE, "checkpoint-inhibitor or costimulatory-antibody"),
    (AGONISTS, "checkpoint-inhibitor or costimulatory-antibody"),
    (SPELT_LIGANDS, "checkpoint-inhibitor or costimulatory-antibody"),
    (CD137_AGONISTS, "costimulatory-antibody or checkpoint-inhibitor"),
    (PATHWAYS, "costimulatory-antibody or checkpoint-inhibitor"),
    (SQUARE_BRACKETS, "checkpoint-inhibitor"),
    (PD_FIRST, "checkpoint-inhibitor"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_checkpoint_and_costimulation_classes_are_read_whole(text, rule):
    assert rule_of(text, EXC) == rule


# (line, type, met, not met, unknown)
ROWS = [
    (TEMPLATE, EXC, (healthy(medication("costimulatory_antibody", 300)), healthy(medication("checkpoint_inhibitor", 300))),
     (healthy(), healthy(medication("chemotherapy", 30))), ()),
    (AGONISTS, EXC, (healthy(medication("costimulatory_antibody", 900)),), (healthy(), healthy(medication("hypomethylating_agent", 40))), ()),
    (SPELT_LIGANDS, EXC, (healthy(medication("checkpoint_inhibitor", 90)),), (healthy(medication("targeted_therapy", 60)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_its_class(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# the CD40 ligand is another target (an anti-CD40L antibody is no co-stimulatory agonist), and an
# antigen without "anti-" or an agent word is the disease's marker
NOT_THE_CLASS = [
    "Prior treatment with anti-CD40 ligand antibody",
    "Prior treatment with an anti-CD40L antibody",
    "Tumour with CD40 expression",
]


@pytest.mark.parametrize("text", NOT_THE_CLASS)
def test_other_targets_are_not_costimulatory_antibodies(text):
    assert "costimulatory-antibody" not in rule_of(text, EXC)


STAFF_NOTES = [
    ("Prior therapy with an anti-CD137 antibody; for questions or uncertainties, please contact the PI or quality assurance manager (QAM)", "for questions"),
    ("Patients who have a known dasatinib-resistant ABL-kinase mutation such as T315I are not eligible; for confirmation, please contact PI", "for confirmation"),
]


@pytest.mark.parametrize("text,note", STAFF_NOTES)
def test_a_note_of_whom_to_ask_is_blanked(text, note):
    assert note not in blank_remarks(text)
    assert len(blank_remarks(text)) == len(text)


def test_the_class_patterns_are_bounded_on_hostile_input():
    import time

    hostile = ("anti-programmed cell death 1 ligand 1 (" * 600 + "anti-CD137 [CD] " * 600 + "T cell co stimulation " * 400)[:20000]
    for concept, pattern, _gate in DRUG_CLASSES:
        if concept not in ("checkpoint_inhibitor", "costimulatory_antibody"):
            continue
        started = time.perf_counter()
        list(re.finditer(pattern, hostile, re.I))
        assert time.perf_counter() - started < 1.0
    started = time.perf_counter()
    blank_remarks(("for questions or uncertainties, please contact the " * 400)[:20000])
    assert time.perf_counter() - started < 1.0
