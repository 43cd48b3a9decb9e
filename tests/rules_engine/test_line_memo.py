"""The line memo (``assemble.Memo.lines``) is a shortcut only: a catalogue whose trials repeat
lines, interned and judged with one memo for the patient, gives every trial exactly the
outcome it gets judged alone with a memo of its own, line for line."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.assemble import Memo, assemble, evaluate_criterion, intern_criterion
from rules_engine.criteria import Criterion, CriterionType, TrialCriteria, intern_expr
from rules_engine.semantics import predicate_outcome
from rules_engine.snapshot import snapshot
from tests.rules_engine.conftest import AS_OF, patient
from tests.rules_engine.test_agreement import POOL, REVIEW, exprs, patients


# few distinct lines, so trials repeat them, at the same position and at others
def line_pools(max_size: int) -> st.SearchStrategy[list[Criterion]]:
    """A few distinct lines for trials to repeat (``test_line_table`` draws its pools here too)."""
    return st.lists(
        st.builds(
            Criterion,
            type=st.sampled_from(list(CriterionType)),
            text=st.sampled_from(["a", "b"]),
            expr=st.one_of(exprs, st.just(REVIEW)),
            applies_if=st.one_of(st.none(), st.sampled_from(POOL[:6])),
        ),
        min_size=2,
        max_size=max_size,
        unique=True,
    )


lines = line_pools(5)


@st.composite
def catalogues(draw: Any) -> list[TrialCriteria]:
    pool = draw(lines)
    trials = []
    for n in range(draw(st.integers(2, 6))):
        picked = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
        trials.append(TrialCriteria(f"T{n}", 1, tuple(picked)))
    return trials


def _interned(trials: list[TrialCriteria]) -> list[TrialCriteria]:
    nodes: dict[Any, Any] = {}
    table: dict[Any, Any] = {}
    return [
        replace(t, criteria=tuple(
            intern_criterion(replace(c, expr=intern_expr(c.expr, nodes), applies_if=intern_expr(c.applies_if, nodes)), table)
            for c in t.criteria
        ))
        for t in trials
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues(), patients())
def test_one_memo_over_interned_repeated_lines_equals_each_trial_judged_alone(trials, facts):
    snap = snapshot(facts, AS_OF)

    def decide(p: Any) -> Any:
        return predicate_outcome(p, snap)

    shared = Memo()
    together = [assemble(t, snap, decide, shared) for t in _interned(trials)]
    alone = [assemble(t, snap, decide, Memo()) for t in trials]
    assert together == alone


def test_a_line_met_again_at_another_position_carries_its_own_position():
    line = Criterion(CriterionType.INCLUSION, "age", POOL[0])
    snap = snapshot(patient(), AS_OF)
    memo = Memo()
    first = evaluate_criterion(0, line, snap, lambda p: predicate_outcome(p, snap), memo)
    again = evaluate_criterion(3, line, snap, lambda p: predicate_outcome(p, snap), memo)
    assert (first.index, again.index) == (0, 3)
    assert again is evaluate_criterion(3, line, snap, lambda p: predicate_outcome(p, snap), memo)
