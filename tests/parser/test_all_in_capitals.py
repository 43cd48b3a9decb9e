""""ALL" is the disease in a list of abbreviations and a word in a line written in capitals.
Capitals were judged over every letter, so "AML, MDS, ALL or MPAL" (mostly capitals) dropped
ALL and read the rest as a conjunction: an AML patient failed the line. They are now judged
over the words of five letters or more, which a list of abbreviations does not have."""

from __future__ import annotations

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
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
