"""Shapes of registry lines the coverage work reads (issue 14), each mined from ``../shared/corpus``
and counted in its commit: the line as registries write it (paraphrased), its reading, and how a
record decides it.

A reading that names a coded concept is decided by the record (contract section 4: a diagnosis
or therapy absent from the record is absent); words a person must judge stay a review beside it,
so they can make the outcome unknown but never flip it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, Not, Op, Predicate, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def facts(**events: int | None) -> PatientFacts:
    """Active events by concept, each dated that many days ago (None: undated)."""
    evs = {c: (Event(c, None if d is None else AS_OF - timedelta(days=d), True, {}),) for c, d in events.items()}
    return PatientFacts(date(1970, 1, 1), "female", {}, evs)


def decide(ctype: CriterionType, text: str, record: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(ctype, text)]))
    return evaluate_reference(trial, record, AS_OF).criteria[-1].outcome


DYSPHAGIA = Predicate("dysphagia", Op.PRESENT)

# -- swallowing: a swallowing disorder is coded as dysphagia ------------------------------------

SWALLOWING_READINGS = [
    (E, "Inability to swallow oral medication.", DYSPHAGIA),
    (E, "Patient is unable to swallow the HKI-272 capsules", DYSPHAGIA),
    (E, "Difficulty swallowing capsules", DYSPHAGIA),
    (E, "Any condition that impairs the patient's ability to swallow whole pills.", DYSPHAGIA),
    (E, "Dysphagia", DYSPHAGIA),
    (I, "Ability to swallow oral medication", Not(DYSPHAGIA)),
    (I, "Patients must be able to swallow and retain oral medications.", Not(DYSPHAGIA)),
    (I, "Capable of swallowing tablets", Not(DYSPHAGIA)),
    # the ability a condition takes away is the disorder, which the line's "No" rules out
    (I, "No condition that would impair the ability to swallow pills", Not(DYSPHAGIA)),
]


@pytest.mark.parametrize("ctype, text, expected", SWALLOWING_READINGS, ids=[t for _c, t, _e in SWALLOWING_READINGS])
def test_a_swallowing_line_reads_as_dysphagia(ctype: CriterionType, text: str, expected: object) -> None:
    assert parse_line(text, ctype).expr == expected


SWALLOWING_DECISIONS = [
    (E, "Inability to swallow tablets", facts(dysphagia=30), MET),
    (E, "Inability to swallow tablets", facts(), NOT_MET),
    (I, "Ability to swallow capsules or tablets.", facts(dysphagia=30), NOT_MET),
    (I, "Ability to swallow capsules or tablets.", facts(), MET),
    # unwillingness is a person's to judge: it never hides the disorder, never clears the patient
    (E, "Inability or unwillingness to swallow pills", facts(dysphagia=30), MET),
    (E, "Inability or unwillingness to swallow pills", facts(), UNKNOWN),
    # an alternative the line names beside it still counts
    (E, "Unable to swallow or absorb oral tablets normally", facts(), UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, record, expected", SWALLOWING_DECISIONS)
def test_a_swallowing_line_is_decided_by_the_record(ctype: CriterionType, text: str, record: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, record) is expected


@pytest.mark.parametrize("text", [
    "Patients with swallowing dysfunction who are unable to swallow the tablets can participate in arm B",
    "Patients unable to swallow capsules are eligible if a feeding tube is in place",
])
def test_an_inclusion_that_permits_a_swallowing_disorder_asks_for_none(text: str) -> None:
    """Read as a requirement, a permission would turn away every patient who swallows normally."""
    assert decide(I, text, facts()) is not NOT_MET


# -- life expectancy and comparators as registries word them --------------------------------------

def life(op: Op, value: int, unit: str) -> Predicate:
    return Predicate("life_expectancy", op, value, unit)


LIFE_READINGS = [
    (I, "Life expectancy of 12 weeks or longer", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy of 6 months or more.", life(Op.GTE, 6, "mo")),
    (I, "Life expectancy of greater than or equal to (>=) 3 months", life(Op.GTE, 3, "mo")),
    (I, "Life expectancy greater than (>) 6 months", life(Op.GT, 6, "mo")),
    (I, "Must have life-expectancy of ≥ 12 weeks;", life(Op.GTE, 12, "wk")),
    (I, "Predicted survival ≥ 12 weeks;", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy at least 12 wks", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy superior to 6 months.", life(Op.GT, 6, "mo")),
    (I, "Life expectancy of greater then 6 months", life(Op.GT, 6, "mo")),
    (I, "Patients should have life expectancy greater than/equal to 10 weeks.", life(Op.GTE, 10, "wk")),
    (E, "Life expectance less than 6 months;", life(Op.LT, 6, "mo")),
    # the number before the name, or no operator at all: an inclusion asks for at least that
    (I, "Greater than 12 weeks life expectancy.", life(Op.GT, 12, "wk")),
    (I, "At least 3 month life expectancy", life(Op.GTE, 3, "mo")),
    (I, "Life expectancy 3 months", life(Op.GTE, 3, "mo")),
    (I, "A minimum life expectancy of 12 weeks", life(Op.GTE, 12, "wk")),
    (I, "Corrected QTc interval less then 500 msec", Predicate("qtc", Op.LT, 500, "ms")),
]


@pytest.mark.parametrize("ctype, text, expected", LIFE_READINGS, ids=[t for _c, t, _e in LIFE_READINGS])
def test_a_life_expectancy_reads_as_its_bound(ctype: CriterionType, text: str, expected: object) -> None:
    assert parse_line(text, ctype).expr == expected


@pytest.mark.parametrize("ctype, text", [
    (I, "Life expectancy of 3 to 6 months"),  # a range, not a minimum
    (E, "Life expectancy 3 months"),  # an exclusion's bare number says neither way
    (I, "Grade 2 or higher neuropathy"),  # a grade's "or higher" is no duration's
])
def test_a_number_without_a_direction_is_no_life_expectancy_bound(ctype: CriterionType, text: str) -> None:
    assert not any(isinstance(p, Predicate) and p.concept == "life_expectancy" for p in _nodes(parse_line(text, ctype).expr))


def _nodes(expr: object) -> list[object]:
    parts = getattr(expr, "parts", None)
    if parts is not None:
        return [n for p in parts for n in _nodes(p)]
    inner = getattr(expr, "part", None)
    return [expr] + ([] if inner is None else _nodes(inner))

