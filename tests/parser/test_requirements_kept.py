"""Lines a newer reading turned from not met to met, found by comparing every leukemia corpus
line's outcome before and after this session's parser changes: a permission at a line's end read
as the whole line, labs named with "or" under one limit of an inclusion read as either, and an
exclusion's "No X for at least N weeks" read as "X excludes"."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab, medication

INC = CriterionType.INCLUSION
TREATED_AML = "Treated with one to three induction/reinduction AML regimens, prior induction or consolidation therapy with cytarabine allowed"
AST_OR_ALT = "Aspartate aminotransferase or alanine aminotransferase ≤ 2.5 x ULN (≤ 5.0 x ULN if due to leukemic involvement)"


@pytest.mark.parametrize(
    ("line", "record", "outcome"),
    [
        (TREATED_AML, adult(condition("all", 300)), Outcome.NOT_MET),  # the permission is not the line
        ("Prior chemotherapy allowed", adult(), Outcome.MET),  # the short form alone permits
        # ALT 4 x ULN: only the excepted cause passes it, a leukaemia on record (whether it raised the value is a person's call) ...
        (AST_OR_ALT, adult(lab("ast", 30, "U/L", 40), lab("alt", 160, "U/L", 40), condition("aml", 300)), Outcome.UNKNOWN),
        # ... and with no blood cancer on record the excepted cause is absent: the first bound holds
        (AST_OR_ALT, adult(lab("ast", 30, "U/L", 40), lab("alt", 160, "U/L", 40)), Outcome.NOT_MET),
        (AST_OR_ALT, adult(lab("ast", 30, "U/L", 40), lab("alt", 300, "U/L", 40)), Outcome.NOT_MET),
        (AST_OR_ALT, adult(lab("ast", 30, "U/L", 40), lab("alt", 50, "U/L", 40)), Outcome.MET),
    ],
)
def test_a_requirement_is_not_met_by_a_patient_it_excludes(line, record, outcome):
    assert evaluate(parse_line(line, INC), record, AS_OF).outcome is outcome


def test_labs_named_with_or_in_an_exclusion_exclude_when_either_is_past_the_limit():
    expr = parse_line("AST or ALT > 2.5 x ULN", CriterionType.EXCLUSION)
    assert evaluate(expr, adult(lab("ast", 30, "U/L", 40), lab("alt", 160, "U/L", 40)), AS_OF).outcome is Outcome.MET


@pytest.mark.parametrize(
    ("record", "outcome"),
    [
        (adult(), Outcome.NOT_MET),  # no chemotherapy at all: not excluded
        (adult(medication("chemotherapy", 10)), Outcome.MET),  # chemotherapy 10 days ago
        (adult(medication("chemotherapy", 60)), Outcome.NOT_MET),
    ],
)
def test_an_exclusion_asking_an_interval_without_therapy_excludes_recent_therapy(record, outcome):
    """'No X for at least N weeks' in an exclusion list: the "no" belongs to the interval. Read as
    the older layout's bare 'No X' (X excludes), it excluded every patient without recent X."""
    line = parse_line("No prior cytotoxic therapy for at least 4 weeks before enrollment.", CriterionType.EXCLUSION)
    assert evaluate(line, record, AS_OF).outcome is outcome
