"""A CML named by "advanced" or "blastic" (topics/cml_advanced.py): the accelerated phase or blast
crisis, or the blast crisis alone, read from the record as the other CML phases are. Real corpus
lines (NCT00003005, NCT02225574, NCT01218477); before, the phase word was a review beside the CML
and a CML in chronic phase was never failed.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.cml_advanced import cml_advanced_items
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CML_CP = adult(condition("cml"), result("cml_chronic_phase", "positive"), result("cml_accelerated_phase", "negative"), result("cml_blast_phase", "negative"))
CML_AP = adult(condition("cml"), result("cml_accelerated_phase", "positive"), result("cml_chronic_phase", "negative"), result("cml_blast_phase", "negative"))
CML_BP = adult(condition("cml"), result("cml_blast_phase", "positive"), result("cml_chronic_phase", "negative"), result("cml_accelerated_phase", "negative"))
CML_NO_PHASE = adult(condition("cml"))
AML = adult(condition("aml"))

ADVANCED = "Patients with advanced phase CML"  # NCT02225574 (its subject)
BLASTIC = "TdT positive acute lymphocytic leukemia or blastic chronic myelogenous leukemia"  # NCT00003005

READINGS = [
    ("Patients 18 years of age or older with advanced CML", "age >= 18 years and CML and (CML-accelerated-phase is positive or CML-blast-phase is positive)"),
    (ADVANCED, "CML and (CML-accelerated-phase is positive or CML-blast-phase is positive)"),
    ("CML in advanced phase", "CML and (CML-accelerated-phase is positive or CML-blast-phase is positive)"),
    ("Blastic chronic myelogenous leukemia", "CML and CML-blast-phase is positive"),
    # (a lineage before the word is another reading's)
    ("Lymphoid blastic CML", "CML and review unparsed \"Lymphoid blastic\""),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:40] for r in READINGS])
def test_the_phase_word_is_read_as_the_phases_it_names(text, rule):
    assert rule_of(text) == rule


ROWS = [
    (ADVANCED, INC, (CML_AP, CML_BP), (CML_CP, AML), (CML_NO_PHASE,)),
    ("Blastic chronic myelogenous leukemia", INC, (CML_BP,), (CML_CP, CML_AP, AML), (CML_NO_PHASE,)),
    ("Advanced phase CML", EXC, (CML_AP, CML_BP), (CML_CP, AML), (CML_NO_PHASE,)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_hostile_input_is_read_in_bounded_time():
    text = ("advanced blastic - phase CML in advanced " * 500)[:20000]
    start = time.perf_counter()
    cml_advanced_items(text)
    cml_advanced_items("advanced " * 2500)
    assert time.perf_counter() - start < 1.0
