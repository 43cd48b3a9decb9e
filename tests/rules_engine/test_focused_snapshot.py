"""A focused snapshot (``rules_engine.focused``: what a trial's re-match judges on) is a shortcut
only: its event views, the concepts on record and present, and every trial outcome equal the
plain ``snapshot``'s; it holds the trial's measurements and leaves out other test results."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.assemble import Memo, assemble
from rules_engine.derive import POSITIVE_TEST_IMPLIES
from rules_engine.engine import MatchingEngine
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.focused import focused_snapshot
from rules_engine.semantics import predicate_outcome
from rules_engine.snapshot import Snapshot, snapshot
from tests.rules_engine.conftest import AS_OF
from tests.rules_engine.test_agreement import patients

DAYS = [AS_OF, AS_OF - timedelta(days=365), AS_OF + timedelta(days=730), date(2027, 2, 28)]


def assert_same(focused: Snapshot, plain: Snapshot, measured: frozenset[str]) -> None:
    assert list(focused.events) == list(plain.events)  # keys, in the plain order
    assert {c: focused.events[c] for c in plain.events} == plain.events  # every view, field by field
    assert dict(focused.recorded_events) == plain.recorded_events
    assert focused.present == plain.present
    expected = {c: m for c, m in plain.measurements.items() if c in measured or c not in POSITIVE_TEST_IMPLIES}
    assert list(focused.measurements) == list(expected)
    assert {c: focused.measurements[c] for c in expected} == expected
    assert (focused.as_of, focused.birth_date, focused.age, focused.sex) == (
        plain.as_of, plain.birth_date, plain.age, plain.sex,
    )
    assert "not_a_concept" not in focused.events and focused.events.get("not_a_concept") is None
    with pytest.raises(KeyError):
        focused.events["not_a_concept"]


@pytest.mark.parametrize("day", DAYS)
def test_every_example_patient_for_every_seed_trials_measurements(day):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    for trial_id in SEED_TRIALS:
        compiled = e.compiled(trial_id)
        assert compiled is not None
        for facts in EXAMPLES.values():
            assert_same(focused_snapshot(facts, day, compiled.measured), snapshot(facts, day, compiled.measured), compiled.measured)


@pytest.mark.parametrize("day", DAYS)
def test_every_seed_trial_judges_every_example_patient_as_on_the_plain_snapshot(day):
    """The re-match's way (the trial's plan on the focused snapshot) against the plain one
    (assemble on the whole record's snapshot), outcome, reasons, score and dates."""
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    for trial_id in SEED_TRIALS:
        compiled = e.compiled(trial_id)
        assert compiled is not None
        plan = e.plan(compiled)
        for facts in EXAMPLES.values():
            plain = snapshot(facts, day)
            expected = assemble(compiled.trial, plain, lambda p, s=plain: predicate_outcome(p, s), Memo())
            judged = plan.start(e.snapshot_for(compiled, facts, day))
            plan.closed(judged, facts)
            assert e.evaluate_planned(plan, judged) == expected
            assert e.evaluate_alone(compiled, facts, day) == expected


# records that imply the same concepts by several routes, on shared dates (the merge order
# decides ties) and undated, active or not, with tests that imply events
_day = st.sampled_from([AS_OF, AS_OF - timedelta(days=20), AS_OF - timedelta(days=400), None])
_EVENTS = ["aml", "apl", "all", "b_all", "t_all", "hiv", "hbv", "hcv", "pregnancy", "relapsed", "refractory", "hsct",
           "allo_hsct", "donor_cell_infusion", "breast_cancer", "nonmelanoma_skin_cancer", "hematologic_malignancy"]
_TESTS = {
    "hiv_test": ["positive", "negative", 1, 0], "hiv_antibody": ["reactive", "non-reactive"],
    "hbsag": ["positive", "negative", "equivocal"], "hbv_dna": [0, 200], "hcv_rna": ["positive", 1500, 0],
    "hcv_antibody": ["positive", "negative"], "pregnancy_test": ["positive", "negative", ""],
}


@st.composite
def records(draw):
    base = draw(patients())
    events = dict(base.events)
    for concept in draw(st.sets(st.sampled_from(_EVENTS))):
        quote = st.sampled_from([{}, {"quote": "as recorded"}, {"quote": "As Recorded"}])
        events[concept] = tuple(draw(st.lists(st.builds(Event, st.just(concept), _day, st.booleans(), quote), min_size=1, max_size=3)))
    measurements = dict(base.measurements)
    for test in draw(st.sets(st.sampled_from(sorted(_TESTS)))):
        measurements[test] = tuple(
            draw(st.lists(st.builds(Measurement, st.just(test), st.sampled_from(_TESTS[test]), st.none(), _day), min_size=1, max_size=2))
        )
    return PatientFacts(base.birth_date, base.sex, measurements, events)


_measured = st.frozensets(st.sampled_from(sorted({*_TESTS, "ecog", "karnofsky", "bilirubin", "cd19", "toxicity_grade", "age"})))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records(), _measured, st.sampled_from(DAYS))
def test_generated_records_give_the_plain_snapshots_views(facts, measured, day):
    assert_same(focused_snapshot(facts, day, measured), snapshot(facts, day, measured), measured)


def test_a_view_read_twice_is_built_once():
    facts = PatientFacts(date(1970, 1, 1), "female", {}, {"b_all": (Event("b_all", AS_OF),)})
    snap = focused_snapshot(facts, AS_OF, frozenset())
    assert snap.events["all"] is snap.events["all"]
    assert snap.events["all"].chain == "b_all>all" and "all" in snap.present


@pytest.mark.parametrize("measured", [frozenset({"relapse_count"}), frozenset({"age_at_diagnosis"}), frozenset({"age_at_diagnosis", "relapse_count", "ecog"})])
def test_the_measurements_derived_from_events_are_the_plain_snapshots(measured):
    """The relapse count and the age at diagnosis are derived from the events, not recorded: the
    re-match's snapshot builds them as the plain one does (without them, a trial asking "in second
    remission" or "diagnosed before 21" was unknown for every patient on a re-match)."""
    facts = PatientFacts(date(1990, 5, 1), "female", {}, {
        "aml": (Event("aml", date(2023, 3, 1)),),
        "remission": (Event("remission", date(2023, 3, 1), True, {"diagnosis": "aml"}),),
        "relapsed": (Event("relapsed", date(2024, 9, 1), False, {"diagnosis": "aml"}),),
    })
    plain = snapshot(facts, AS_OF, measured)
    assert set(plain.measurements) >= measured - {"ecog"}
    assert_same(focused_snapshot(facts, AS_OF, measured), plain, measured)


def test_present_is_remembered_by_the_names_and_their_active_flags():
    """``focused._present_of`` keeps each answer by the concepts on record and their active flags:
    records of the same concepts, active or not, asked in turn, each give the plain snapshot's."""

    def facts(b_all: bool, hcv: bool) -> PatientFacts:
        return PatientFacts(
            events={"b_all": (Event("b_all", AS_OF, b_all),), "hcv": (Event("hcv", AS_OF - timedelta(days=40), hcv),)}
        )

    found = {}
    for _ in range(2):
        for flags in ((True, True), (True, False), (False, True), (False, False)):
            record = facts(*flags)
            focused, plain = focused_snapshot(record, AS_OF, frozenset()), snapshot(record, AS_OF, frozenset())
            assert focused.present == plain.present
            found.setdefault(flags, focused.present)
            assert found[flags] == focused.present
    assert len(set(found.values())) == 4
