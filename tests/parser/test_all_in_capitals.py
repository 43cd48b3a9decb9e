""""ALL" is the disease in a list of abbreviations and a word in a line written in capitals.
Capitals were judged over every letter, so "AML, MDS, ALL or MPAL" (mostly capitals) dropped
ALL and read the rest as a conjunction: an AML patient failed the line. They are now judged
over the words of five letters or more, which a list of abbreviations does not have. A capital
"ALL" before the words a disease never precedes ("of the following", "sites", "solid tumors") is
the quantifier stressed: read as the disease, a solid-tumour line asked every patient for an ALL."""

from __future__ import annotations

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.parser.line import parse_line

CASES = [
    ("Diagnosis of AML, MDS, ALL or MPAL", "AML or MDS or ALL or ambiguous-lineage-leukemia"),  # MPAL: mixed phenotype, a concept since task "known"
    ("ALL with MRD;", 'ALL and review unsupported "with MRD"'),
    ("Relapsed or refractory ALL", "(relapsed or refractory) and ALL"),
    # a line in capitals uses ALL as a word
    # (the organ function it asks is read by topics.organ_overall now: a line that asks nothing else)
    ("ALL PATIENTS MUST HAVE A LIFE EXPECTANCY OF AT LEAST 12 WEEKS", "life-expectancy >= 12 weeks"),
]


@pytest.mark.parametrize("text,rule", CASES, ids=[c[0] for c in CASES])
def test_all_is_the_disease_unless_the_line_is_written_in_capitals(text, rule):
    assert rule_language.render(parse_line(text, CriterionType.INCLUSION).expr) == rule



def _concepts(text: str) -> set[str]:
    return {p.concept for p in iter_predicates(parse_line(text, CriterionType.INCLUSION).expr)}


QUANTIFIER = [
    "During the dose seeking procedure : ALL solid tumors",
    "Baseline measurements and evaluation of ALL sites of disease must be obtained within 4 weeks",
    "Prior therapy is allowed, provided ALL of the following criteria are met",
    "Recovery of ALL prior toxicities to grade 1",
]
DISEASE = ["ALL participants: have isolated extramedullary disease", "ALL lymphoblasts with CD52 expression", "Patients with ALL must be in second relapse"]


@pytest.mark.parametrize("text", QUANTIFIER)
def test_all_stressed_before_a_quantified_noun_asks_no_leukaemia(text):
    assert "all" not in _concepts(text)


@pytest.mark.parametrize("text", DISEASE)
def test_all_before_other_words_is_the_disease(text):
    assert "all" in _concepts(text)
