"""The imaging test a condition is seen on ("evidence of active pneumonitis on screening chest
computed tomography (CT) scan", "... on screening CT scan or MRI", "per bone scan or CT scan of
the abdomen and pelvis"): how the condition is shown, a qualifier of it, never one more condition
of the line. As one more alternative of an exclusion, the unread test left the line unknown for a
patient without the condition."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION

CLEAN = adult()
ILD = adult(condition("interstitial_lung_disease", 300))
BRAIN_METS = adult(condition("brain_metastases", 100))
METASTATIC = adult(condition("metastatic_disease", 100))

ROWS = [
    ("History of idiopathic pneumonitis or evidence of active pneumonitis on screening chest computed tomography (CT) scan", E, [], [CLEAN], [ILD]),
    ("History of interstitial pneumonitis or pulmonary fibrosis or evidence of pulmonary fibrosis on baseline chest X-ray or CT-scan", E, [ILD], [CLEAN], []),
    ("No new evidence of brain or leptomeningeal disease on screening CT scan or MRI", E, [], [CLEAN], [BRAIN_METS]),
    ("Evidence of metastatic disease per bone scan or CT scan of the abdomen and pelvis", E, [], [CLEAN], [METASTATIC]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_the_imaging_test_qualifies_the_condition(text, kind, facts, expected):
    assert judged(parse_line(text, kind), facts) is expected


def test_imaging_words_are_read_in_bounded_time_on_hostile_text():
    from rules_engine.parser.clauses import _IMAGING_ONLY

    started = time.perf_counter()
    _IMAGING_ONLY.fullmatch("CT scan of the " * 1500 + "liver")
    parse_line(("Pneumonitis on " + "chest CT or MRI scan (CT) " * 900)[:20000], E)
    assert time.perf_counter() - started < 10.0
