"""A radiotherapy washout written for the patients a trailing "if" names ("At least 3 months must
have elapsed if prior total body irradiation, craniospinal XRT or if >= 50% radiation of pelvis",
the paediatric consortia's wording): met by a patient never irradiated, a person's for one who was
(which kind and when no record says). Read as a plain clause, the radiotherapy was asked of every
patient (holdout T155). A condition naming anything but radiation is left as it was.

The lines are the corpus's own wordings; each record is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

TBI = "At least 3 months must have elapsed if prior total body irradiation, craniospinal XRT or if ≥ 50% radiation of pelvis"  # NCT01184274
MARROW = "At least 6 weeks must have elapsed if other substantial bone marrow irradiation"  # NCT01184274
DLI = "At least 6 months must have elapsed if prior allogeneic transplant or donor lymphocyte infusion"  # another treatment named


READINGS = [
    (TBI, INC, 'no radiotherapy within 3 months exclusive or review unsupported "which kind it was: ≥ 3 months must have elapsed if prior total body irradiation, '
               'craniospinal XRT or if ≥ 50% radiation of pelvis"'),
    (MARROW, INC, 'no radiotherapy within 6 weeks exclusive or review unsupported "which kind it was: ≥ 6 weeks must have elapsed if other substantial bone marrow irradiation"'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_a_radiotherapy_washout_concerns_only_the_patients_its_if_names(text, ctype, rule):
    assert rule_of(text, ctype) == rule


@pytest.mark.parametrize("text,ctype", [(DLI, INC), (TBI, EXC)], ids=["another-treatment", "exclusion"])
def test_other_conditions_and_exclusions_are_left_as_they_were(text, ctype):
    """A transplant or a cell infusion is no radiation, and an exclusion is not this shape."""
    assert "which kind it was" not in rule_of(text, ctype)


# (line, type, met, not met, unknown)
ROWS = [
    # never irradiated, or irradiated before the span: met whatever the kind; inside it: a person's
    (TBI, INC, (healthy(), healthy(medication("chemotherapy", 30)), healthy(procedure("radiotherapy", 400))), (), (healthy(procedure("radiotherapy", 30)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("words, read", [("1" * 60 + " x", False), ("1" * 60 + "% of pelvis", True), ("1% " * 40 + "x", False)])
def test_the_radiation_words_are_matched_without_backtracking_through_digit_runs(words, read):
    """A run of digits splits into 1-3-digit numbers in many ways; a repetition that could give
    them back tried every split before a word outside the list (0.9 s for 24 digits, doubling
    every few more: 60 would not finish). The repetition is possessive, so this returns at once."""
    from rules_engine.parser.elapsed_if import _RADIATION_WORDS

    assert (_RADIATION_WORDS.match(words) is not None) is read
