"""A predicate's answer for records holding none of what it reads (``rules_engine.absent``, which a
trial's plan starts each patient with) is the plain answer for every such record: outcome, reason
and change date as ``predicate_outcome``, ``predicate_reason`` and ``changes_on`` give them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.absent import absent_answer, on_record
from rules_engine.criteria import Op, Predicate, Window
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.focused import focused_snapshot
from rules_engine.outcome import Outcome
from rules_engine.reasons import predicate_reason
from rules_engine.semantics import changes_on, predicate_outcome
from rules_engine.snapshot import Snapshot, snapshot
from tests.rules_engine.conftest import AS_OF
from tests.rules_engine.test_agreement import POOL
from tests.rules_engine.test_focused_snapshot import DAYS, records


def _plain(pred: Predicate, snap: Snapshot) -> tuple[Outcome, str, date | None]:
    outcome = predicate_outcome(pred, snap)
    return outcome, predicate_reason(pred, outcome, snap), changes_on(pred, snap, outcome)


def _check(pred: Predicate, facts: PatientFacts, day: date) -> bool:
    """The answer where it applies equals the plain one; whether it applied."""
    answer = absent_answer(pred, day)
    applied = False
    for snap in (snapshot(facts, day), focused_snapshot(facts, day, frozenset())):
        if answer is not None and answer.reads.isdisjoint(on_record(snap)):
            assert (answer.outcome, answer.reason, answer.changes_on) == _plain(pred, snap), pred
            applied = True
    return applied


@pytest.mark.parametrize("day", DAYS)
def test_every_seed_predicate_for_every_example_patient(day):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    from rules_engine.criteria import iter_predicates

    predicates = {
        p for trial in SEED_TRIALS.values() for c in trial.criteria for e in (c.applies_if, c.expr) for p in iter_predicates(e)
    }
    applied = sum(_check(p, facts, day) for p in predicates for facts in EXAMPLES.values())
    assert applied > len(predicates)  # most predicates read nothing a given example holds


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(POOL), records(), st.sampled_from(DAYS))
def test_generated_predicates_and_records(pred, facts, day):
    _check(pred, facts, day)


@pytest.mark.parametrize(
    "pred",
    [Predicate("age", Op.GTE, 18, "a"), Predicate("sex", Op.IS, "female")],
    ids=["age", "sex"],
)
def test_a_predicate_reading_a_demographic_is_not_answered(pred):
    assert absent_answer(pred, AS_OF) is None


def test_a_record_holding_a_concept_read_even_by_a_test_that_implies_it_is_judged_the_plain_way():
    pred = Predicate("hiv", Op.PRESENT)
    answer = absent_answer(pred, AS_OF)
    assert answer is not None and answer.outcome is Outcome.NOT_MET and answer.reason == "no record of HIV infection"
    tested = PatientFacts(None, None, {"hiv_test": (Measurement("hiv_test", "positive", None, AS_OF),)}, {})
    assert "hiv" in on_record(snapshot(tested, AS_OF))
    assert _plain(pred, snapshot(tested, AS_OF))[0] is Outcome.MET


def test_an_ancestor_on_record_keeps_a_window_open_so_it_is_read():
    """'allogeneic transplant within 100 days' reads the transplant it is a kind of."""
    pred = Predicate("allo_hsct", Op.WITHIN, None, window=Window(100, "days"))
    answer = absent_answer(pred, AS_OF)
    assert answer is not None and "hsct" in answer.reads
    facts = PatientFacts(None, None, {}, {"hsct": (Event("hsct", AS_OF),)})
    assert _plain(pred, snapshot(facts, AS_OF))[0] is Outcome.UNKNOWN
