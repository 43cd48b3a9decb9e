"""A trial's plan (``rules_engine.plan``, what a trial's re-match judges with) is a shortcut
only: every outcome, reason, score and date equals ``MatchingEngine.evaluate_alone`` (assemble
with the reference's predicates), and a gate it finds closed is the one ``GateIndex`` finds."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine import plan as plan_module
from rules_engine import reasons as reasons_module
from rules_engine.assemble import Memo, assemble
from rules_engine.criteria import Criterion, CriterionType, NoRequirement, Op, Predicate, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.gates import Closed, GateIndex, gates_of
from rules_engine.plan import TrialPlan
from rules_engine.semantics import predicate_outcome
from rules_engine.snapshot import snapshot
from tests.fixtures.expressions import expression_trees
from tests.rules_engine.conftest import AS_OF, patient, trial_of
from tests.rules_engine.test_agreement import POOL, REVIEW, patients

# the evaluation day, a year back and two years on (ages, windows and washouts move), and the
# examples' birthdays' neighbourhood is covered by the generated patients' dates
# test_agreement's criteria, with every node assemble judges: a line stating no requirement too
_leaves = st.one_of(st.sampled_from(POOL), st.just(REVIEW), st.just(NoRequirement()))
criteria = st.builds(
    Criterion,
    type=st.sampled_from(list(CriterionType)),
    text=st.just("c"),
    expr=expression_trees(_leaves, max_leaves=6),
    applies_if=st.one_of(st.none(), st.sampled_from(POOL)),
)
DAYS = [AS_OF, AS_OF - timedelta(days=365), AS_OF + timedelta(days=730), date(2027, 2, 28)]


def _planned(plan: TrialPlan, facts, day):
    snap = snapshot(facts, day, None)
    judged = plan.start(snap)
    closed = plan.closed(judged, facts)
    outcome = MatchingEngine.evaluate_planned(plan, judged)
    # the re-match's way (``TrialPlan.shut``): the same answer, and the outcome after it the same
    _same_shut(plan, closed, facts, snap, outcome)
    return closed, outcome


def _same_shut(plan: TrialPlan, closed: Closed | None, facts, snap, outcome) -> None:
    shut_first = plan.start(snap)
    assert plan.shut(shut_first, facts) == (closed is not None, closed.gate.changes_on if closed else None)
    assert MatchingEngine.evaluate_planned(plan, shut_first) == outcome


def _plain(trial: TrialCriteria, facts, day):
    snap = snapshot(facts, day, None)
    return assemble(trial, snap, lambda p: predicate_outcome(p, snap), Memo())


def _same_gate(trial: TrialCriteria, found: Closed | None, facts, day) -> None:
    expected = GateIndex([trial]).closed(facts, day).get(trial.trial_id)
    assert (found is None) == (expected is None)
    if found is None or expected is None:
        return
    # GateIndex keeps one of two equal gate lines of a trial (the later); the plan names the
    # first. Either way the line's outcome, reason and date are the same words.
    keys = [(g.criterion.expr, g.kinds) for g in gates_of(trial)]
    if len(set(keys)) == len(keys):
        assert found == expected
    else:
        assert (found.gate.outcome, found.gate.reason, found.gate.changes_on) == (
            expected.gate.outcome, expected.gate.reason, expected.gate.changes_on,
        )


@pytest.mark.parametrize("day", DAYS)
def test_every_seed_trial_and_example_patient_judge_as_evaluate_alone(day):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    for trial_id in SEED_TRIALS:
        compiled = e.compiled(trial_id)
        assert compiled is not None
        plan = e.plan(compiled)
        for facts in EXAMPLES.values():
            snap = e.snapshot_for(compiled, facts, day)
            judged = plan.start(snap)
            closed = plan.closed(judged, facts)
            assert e.evaluate_planned(plan, judged) == e.evaluate_alone(compiled, facts, day)
            _same_gate(compiled.trial, closed, facts, day)
            _same_shut(plan, closed, facts, snap, e.evaluate_alone(compiled, facts, day))
            # the outcome without a gate check first is the same
            assert e.evaluate_planned(plan, plan.start(snap)) == e.evaluate_alone(compiled, facts, day)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(criteria, min_size=1, max_size=5), patients(), st.sampled_from(DAYS))
def test_generated_trials_and_patients_judge_as_assemble(items, facts, day):
    trial = TrialCriteria("random", 1, tuple(items))
    closed, outcome = _planned(TrialPlan(trial), facts, day)
    assert outcome == _plain(trial, facts, day)
    _same_gate(trial, closed, facts, day)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(criteria, min_size=1, max_size=5), st.lists(st.tuples(patients(), st.sampled_from(DAYS)), min_size=2, max_size=5))
def test_one_plan_judges_patient_after_patient_as_assemble_judges_each_alone(items, judged):
    """A plan keeps the lines it judged (``TrialPlan._kept``) for later patients reading them
    alike: each patient still gets exactly its own outcome, reasons, dates and gate."""
    trial = TrialCriteria("random", 1, tuple(items))
    plan = TrialPlan(trial)
    for facts, day in [*judged, *judged]:  # and again, every line then read as before
        closed, outcome = _planned(plan, facts, day)
        assert outcome == _plain(trial, facts, day)
        assert outcome.changes_on == _plain(trial, facts, day).changes_on
        _same_gate(trial, closed, facts, day)


def test_a_line_read_alike_by_two_patients_is_one_outcome_object_and_read_otherwise_its_own():
    """Read alike means every predicate's outcome and reason and the line's change date."""
    line = Criterion(CriterionType.INCLUSION, "aged 56 or younger", Predicate("age", Op.LTE, 56, "years"))
    plan = TrialPlan(TrialCriteria("AGE", 1, (line,)))
    # the same age read alike by the first two; the third reads it alike too but turns 57 on
    # another day; the fourth is younger
    born = [date(1970, 6, 1), date(1970, 6, 1), date(1970, 3, 1), date(1980, 1, 1)]
    found = [_planned(plan, patient(birth=b), AS_OF)[1].criteria[0] for b in born]
    assert found == [_plain(plan.trial, patient(birth=b), AS_OF).criteria[0] for b in born]
    assert found[0] is found[1]
    assert found[2].reason == found[0].reason and found[2].changes_on != found[0].changes_on
    assert len({id(f) for f in found}) == 3


def test_a_node_the_plan_does_not_know_fails_the_plan_rather_than_being_judged_another_way():
    class Unknown:
        pass

    trial = TrialCriteria("T", 1, (Criterion(CriterionType.INCLUSION, "a", Unknown()),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Unknown"):
        TrialPlan(trial)


def test_a_gate_shut_by_age_carries_the_next_birthday_and_a_missing_birth_date_keeps_it_open():
    trial = trial_of(Predicate("age", Op.GTE, 18, "a"))
    child = patient(birth=date(2010, 3, 1))
    closed, _ = _planned(TrialPlan(trial), child, AS_OF)
    assert closed is not None and closed.gate.changes_on == date(2027, 3, 1)
    assert _planned(TrialPlan(trial), patient(birth=None), AS_OF)[0] is None


def test_a_line_left_to_review_is_judged_once_per_plan_with_assembles_words():
    from fixtures.seed_criteria import SEED_TRIALS

    trial = next(iter(SEED_TRIALS.values()))
    facts = patient()
    _, outcome = _planned(TrialPlan(trial), facts, AS_OF)
    assert outcome == _plain(trial, facts, AS_OF)
    assert any(c.review for c in outcome.criteria), "the seed trial has lines left to review"


def test_a_reason_that_raises_is_the_error_outcome_evaluate_alone_gives(monkeypatch):
    trial = TrialCriteria("T", 1, (
        Criterion(CriterionType.INCLUSION, "a", Predicate("ecog", Op.LTE, 2)),
        Criterion(CriterionType.EXCLUSION, "b", Predicate("hiv", Op.PRESENT)),
    ))
    e = MatchingEngine()
    e.add_trials([trial])
    compiled = e.compiled("T")
    assert compiled is not None
    real = reasons_module.predicate_reason

    def failing(pred, outcome, snap):
        if pred.concept == "hiv":
            raise ValueError("no words")
        return real(pred, outcome, snap)

    monkeypatch.setattr(plan_module, "predicate_reason", failing)
    monkeypatch.setattr("rules_engine.assemble.predicate_reason", failing)
    monkeypatch.setattr("rules_engine.absent.predicate_reason", failing)  # the words of absent records too
    facts = patient({"ecog": (1, None)})
    planned = e.evaluate_planned(e.plan(compiled), e.plan(compiled).start(e.snapshot_for(compiled, facts, AS_OF)))
    assert planned == e.evaluate_alone(compiled, facts, AS_OF)
    assert planned.error == "ValueError: no words"


def test_a_new_criteria_version_gets_a_new_plan():
    e = MatchingEngine()
    e.add_trials([trial_of(Predicate("ecog", Op.LTE, 2))])
    first = e.compiled("T")
    assert first is not None and e.plan(first) is e.plan(first)
    e.add_trials([trial_of(Predicate("ecog", Op.LTE, 1))])
    second = e.compiled("T")
    assert second is not None and e.plan(second) is not e.plan(first)
    assert e.plan(second).trial is second.trial
