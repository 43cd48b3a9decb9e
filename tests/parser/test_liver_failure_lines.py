"""Liver (hepatic) failure named by a line ("Hepatic: no clinical evidence of hepatic failure (e.g.
coagulopathy, ascites)", "No hepatic failure", "clinically significant liver failure"; about 20
corpus lines; issue 14, organ18, holdout T174): the liver failing, which a hospital codes (K72) and
the intake reads as ``liver_failure``, a liver disease. Read as nothing, the line was a review and
a patient with chronic hepatic failure on record was only unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.concepts import CONCEPTS
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language.render import render_rule
from tests.fixtures.records import AS_OF, condition, healthy

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION


@pytest.mark.parametrize("line,ctype,reads", [
    ("Hepatic: no clinical evidence of hepatic failure (e.g. coagulopathy, ascites)", INC, "not liver-failure"),
    ("No hepatic failure", INC, "not liver-failure"),
    ("Liver failure", EXC, "liver-failure"),
])
def test_the_failing_liver_is_read(line, ctype, reads):
    assert render_rule(parse_line(line, ctype).expr) == reads


@pytest.mark.parametrize("parts,expected", [
    ((), Outcome.MET),  # absent means absent
    ((condition("liver_failure"),), Outcome.NOT_MET),
    # another liver disease is no failure of the liver
    ((condition("liver_disease"),), Outcome.MET),
])
def test_a_record_of_hepatic_failure_decides(parts, expected):
    line = parse_line("Hepatic: no clinical evidence of hepatic failure (e.g. coagulopathy, ascites)", INC)
    assert evaluate_reference(TrialCriteria("NCT00000099", 1, (line,)), healthy(*parts), AS_OF).criteria[0].outcome is expected


def test_liver_failure_is_a_liver_disease():
    assert CONCEPTS["liver_failure"].parent == "liver_disease"


def test_an_adversarial_line_reads_in_under_a_second():
    start = time.perf_counter()
    parse_line("hepatic " * 5000 + "failure", EXC)
    assert time.perf_counter() - start < 1.0
