"""An exclusion of a new, untreated cancer ("Previously untreated NHL", "Untreated AML", "Newly
diagnosed AML"): the newness written against its cancer is one unit, as "relapsed AML" is
(``roles.newness_of``). Joined by an exclusion's default "or", the line excluded every patient with
that cancer, relapsed ones too, and every untreated patient whatever their disease.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.one_line import decide, facts

EXC = CriterionType.EXCLUSION


@pytest.mark.parametrize("line, read", [
    ("Untreated AML", "not anticancer-therapy and not relapsed and not refractory and AML"),
    ("Patients with untreated acute myeloid leukemia", "not anticancer-therapy and not relapsed and not refractory and AML"),
    ("Previously untreated NHL.", "not anticancer-therapy and (NHL or NHL within 100 years)"),
    ("Newly diagnosed AML",
     'not relapsed and not refractory and (not remission or (not anticancer-therapy and review ambiguous "a disease in remission may have been treated already")) and AML'),
])
def test_the_newness_and_its_cancer_are_one_exclusion(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


@pytest.mark.parametrize("line, record, outcome", [
    # a relapsed AML is no untreated one, and a patient without AML is not excluded for being untreated
    ("Untreated AML", facts(aml=400, relapsed=30, chemotherapy=300), Outcome.NOT_MET),
    ("Untreated AML", facts(mds=100), Outcome.NOT_MET),
    ("Newly diagnosed AML", facts(aml=400, relapsed=30, chemotherapy=300), Outcome.NOT_MET),
    ("Newly diagnosed AML", facts(all=200), Outcome.NOT_MET),
    ("Previously untreated NHL.", facts(nhl=300, chemotherapy=200), Outcome.NOT_MET),
    # the untreated cancer itself is excluded
    ("Untreated AML", facts(aml=10), Outcome.MET),
    ("Previously untreated NHL.", facts(nhl=10), Outcome.MET),
])
def test_who_the_exclusion_excludes(line: str, record: object, outcome: Outcome) -> None:
    assert decide(EXC, line, record) is outcome  # type: ignore[arg-type]


@pytest.mark.parametrize("line, read", [
    ("Relapsed AML", "relapsed and AML"),
    ("Untreated hypothyroidism", "hypothyroidism and not thyroid-hormone-therapy within 14 days"),
])
def test_other_statuses_are_read_as_before(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


def test_a_hostile_line_is_read_in_bounded_time() -> None:
    start = time.process_time()
    parse_line("untreated AML " * 1500, EXC)
    assert time.process_time() - start < 1.0
