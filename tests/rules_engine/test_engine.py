"""The durable path's own behaviour: forward chaining, isolation, cleanup, failures."""

import contextlib
import threading
from datetime import date

import pytest

from rules_engine import assemble as assemble_module
from rules_engine import engine as engine_module
from rules_engine.compiler import DERIVATION_RULESET, MAX_PROBES_PER_RULESET, plan
from rules_engine.criteria import Op, Predicate, Window
from rules_engine.engine import MatchingEngine
from rules_engine.outcome import Eligibility, Outcome
from tests.rules_engine.conftest import AS_OF, patient, trial_of

P = Predicate


def test_derived_facts_come_from_rules_that_assert_facts():
    e = MatchingEngine()
    e.add_trials([trial_of(P("acute_leukemia", Op.PRESENT))])
    facts = patient(events={"apl": date(2026, 10, 1), "refractory": date(2026, 10, 1)}, measurements={"karnofsky": (80, "%")})
    from rules_engine.compiler import patient_facts
    from rules_engine.snapshot import snapshot

    base = patient_facts(snapshot(facts, AS_OF))
    derived = e.network.run({DERIVATION_RULESET: [f for f in base if f["t"] in e._compiler.derivation_tags]}).derived
    chains = {f["k"] for f in derived}
    assert {"apl>aml", "apl>aml>acute_leukemia", "refractory>relapsed_or_refractory", "karnofsky>ecog"} <= chains


def test_identical_predicates_across_trials_share_one_rule():
    e = MatchingEngine()
    before = e.network.rule_count()
    e.add_trials([trial_of(P("ecog", Op.LTE, 2), trial_id=f"T{i}") for i in range(50)])
    assert e.network.rule_count() - before == 1


def test_a_between_shares_its_bounds_with_single_comparisons():
    between = {p.key for p in plan(P("ecog", Op.BETWEEN, (0, 2))).probes}
    assert {p.key for p in plan(P("ecog", Op.LTE, 2)).probes} <= between


def test_rulesets_stay_under_the_sibling_limit():
    e = MatchingEngine()
    e.add_trials([trial_of(P("platelets", Op.GTE, float(i), "10*9/L"), trial_id=f"T{i}") for i in range(200)])
    sizes = {}
    for ruleset in e._compiler.ruleset_of.values():
        sizes[ruleset] = sizes.get(ruleset, 0) + 1
    assert max(sizes.values()) <= MAX_PROBES_PER_RULESET < 64
    outcome = e.evaluate(patient({"platelets": (500, "10*9/L")}), AS_OF, ["T199"])[0]
    assert outcome.error is None and outcome.eligibility is Eligibility.ELIGIBLE


def test_adding_a_trial_only_adds_rulesets():
    e = MatchingEngine()
    e.add_trials([trial_of(P("lvef", Op.GTE, 50, "%"), trial_id="A")])
    names = set(e._compiler.ruleset_of.values())
    e.add_trials([trial_of(P("lvef", Op.GTE, 45, "%"), trial_id="B")])
    assert names < set(e._compiler.ruleset_of.values())


def test_no_state_leaks_between_two_patients(engine):
    trial = trial_of(P("hiv", Op.PRESENT), trial_id="leak")
    engine.add_trials([trial])
    first = engine.evaluate(patient(events={"hiv": date(2020, 1, 1)}), AS_OF, ["leak"])[0]
    second = engine.evaluate(patient(), AS_OF, ["leak"])[0]
    assert (first.criteria[0].outcome, second.criteria[0].outcome) == (Outcome.MET, Outcome.NOT_MET)


def test_sessions_are_deleted_after_every_evaluation():
    e = MatchingEngine()
    e.add_trials([trial_of(P("ecog", Op.LTE, 2), trial_id="S"), trial_of(P("aml", Op.PRESENT), trial_id="S2")])
    start = e.network.last_session()
    for i in range(300):
        e.evaluate(patient({"ecog": (i % 4,)}, {"aml": AS_OF}), AS_OF)
    used = [str(s) for s in range(start + 1, e.network.last_session() + 1)]
    assert len(used) >= 600
    names = set(e._compiler.ruleset_of.values()) | {DERIVATION_RULESET}
    assert e.network.live_sessions(names, used) == 0


def test_an_exception_in_an_action_becomes_that_trials_error(monkeypatch):
    e = MatchingEngine()
    e.add_trials([trial_of(P("lvef", Op.GTE, 50, "%"), trial_id="bad"), trial_of(P("hiv", Op.PRESENT), trial_id="good")])
    bad_key = plan(P("lvef", Op.GTE, 50, "%")).probes[0].key
    original = e.network._record

    def record(key, fact_key):
        if key == bad_key:
            raise RuntimeError("action failed")
        original(key, fact_key)

    monkeypatch.setattr(e.network, "_record", record)
    outcomes = {o.trial_id: o for o in e.evaluate(patient({"lvef": (60, "%")}), AS_OF)}
    assert "RuntimeError: action failed" in outcomes["bad"].error
    assert outcomes["good"].error is None


def test_a_trial_that_fails_to_assemble_does_not_sink_the_batch(monkeypatch):
    e = MatchingEngine()
    e.add_trials([trial_of(P("lvef", Op.GTE, 50, "%"), trial_id="x"), trial_of(P("hiv", Op.PRESENT), trial_id="y")])
    real = assemble_module.predicate_reason

    def flaky(pred, outcome, snap):  # a line of trial x cannot be worded
        if pred.concept == "lvef":
            raise ValueError("broken trial")
        return real(pred, outcome, snap)

    monkeypatch.setattr(assemble_module, "predicate_reason", flaky)
    outcomes = {o.trial_id: o for o in e.evaluate(patient(), AS_OF)}
    assert outcomes["x"].error == "ValueError: broken trial" and outcomes["y"].error is None


def test_removed_trials_are_no_longer_evaluated():
    e = MatchingEngine()
    e.add_trials([trial_of(P("hiv", Op.PRESENT), trial_id="gone")])
    e.remove_trial("gone")
    assert e.evaluate(patient(), AS_OF) == []


def test_module_level_evaluate_runs_one_compiled_trial():
    compiled = engine_module.compile_trial(trial_of(P("ecog", Op.LTE, 1), trial_id="mod"))
    assert engine_module.evaluate(compiled, patient({"ecog": (1,)}), AS_OF).eligibility is Eligibility.ELIGIBLE


def test_concurrent_threads_get_their_own_answers(engine):
    engine.add_trials([trial_of(P("ecog", Op.LTE, 1), trial_id="threads")])
    results, errors = {}, []

    def run(i):
        try:
            out = engine.evaluate(patient({"ecog": (i % 3,)}), AS_OF, ["threads"])[0]
            results[i] = out.criteria[0].outcome
        except Exception as exc:  # pragma: no cover - a failure is reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[i] is (Outcome.MET if i % 3 <= 1 else Outcome.NOT_MET) for i in range(24))


@pytest.mark.parametrize("as_of", [date(2026, 11, 22), date(2027, 6, 1)])
def test_the_evaluation_date_moves_windows_without_recompiling(as_of):
    e = MatchingEngine()
    e.add_trials([trial_of(P("car_t", Op.NOT_WITHIN, window=Window(3, "months")), trial_id="w")])
    out = e.evaluate(patient(events={"car_t": date(2026, 11, 1)}), as_of)[0]
    assert out.criteria[0].outcome is (Outcome.NOT_MET if as_of.year == 2026 else Outcome.MET)


@contextlib.contextmanager
def _fired(e: MatchingEngine):
    """The (probe key, fact key) pairs that fire inside the block."""
    fired: list[tuple[str, str]] = []
    original = e.network._record
    e.network._record = lambda key, fact_key: (fired.append((key, fact_key)), original(key, fact_key))
    try:
        yield fired
    finally:
        e.network._record = original


def _fired_probe_keys(e: MatchingEngine, compiled, facts) -> set[str]:
    with _fired(e) as fired:
        e.evaluate_compiled([compiled], facts, AS_OF)
    return {key for key, _ in fired}


def test_a_focused_trial_fires_only_its_own_probes():
    e = MatchingEngine()
    others = [trial_of(P("platelets", Op.GTE, float(i), "10*9/L"), trial_id=f"O{i}") for i in range(20)]
    mine = trial_of(P("platelets", Op.GTE, 50.0, "10*9/L"), trial_id="mine")
    e.add_trials([*others, mine])
    facts = patient({"platelets": (500, "10*9/L")})
    shared = _fired_probe_keys(e, e._trials["mine"], facts)
    focused = _fired_probe_keys(e, e.focused("mine"), facts)
    assert focused == set(e.focused("mine").probes) and len(shared) > len(focused)


@pytest.mark.parametrize("trial_id", ["NCT06559644", "NCT06585345", "NCT05744440"])
def test_a_focused_trial_gives_the_same_outcomes_as_the_shared_network(trial_id):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    for facts in EXAMPLES.values():
        assert e.evaluate_compiled([e.focused(trial_id)], facts, AS_OF) == e.evaluate(facts, AS_OF, [trial_id])


@pytest.mark.parametrize("trial_id", ["NCT06559644", "NCT06585345", "NCT05744440", "NCT05563545"])
def test_a_trial_evaluated_alone_in_python_gives_the_durable_outcome(trial_id):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    compiled = e.compiled(trial_id)
    assert compiled is not None
    for facts in EXAMPLES.values():
        assert [e.evaluate_alone(compiled, facts, AS_OF)] == e.evaluate(facts, AS_OF, [trial_id])


@pytest.mark.parametrize("trial_id", ["NCT06559644", "NCT06585345", "NCT05744440", "NCT05563545"])
def test_a_trial_evaluated_alone_after_its_gates_on_their_snapshot_and_memo_gives_the_same_outcome(trial_id):
    """A trial's re-match judges the gates and then the trial on one snapshot and memo."""
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    from rules_engine.assemble import Memo
    from rules_engine.gates import GateIndex

    e = MatchingEngine()
    e.add_trials(SEED_TRIALS.values())
    gates = GateIndex(SEED_TRIALS.values())
    compiled = e.compiled(trial_id)
    assert compiled is not None
    for facts in EXAMPLES.values():
        snap, memo = e.snapshot_for(compiled, facts, AS_OF), Memo()
        gated = gates.closed(facts, AS_OF, [trial_id], snap, memo)
        assert gated == gates.closed(facts, AS_OF, [trial_id])
        assert e.evaluate_alone(compiled, facts, AS_OF, snap, memo) == e.evaluate_alone(compiled, facts, AS_OF)


def test_a_trial_that_fails_alone_is_an_error_outcome_not_a_raise(monkeypatch):
    e = MatchingEngine()
    e.add_trials([trial_of(P("ecog", Op.LTE, 2), trial_id="T")])
    monkeypatch.setattr(engine_module, "assemble", lambda *a: 1 / 0)
    compiled = e.compiled("T")
    assert compiled is not None
    outcome = e.evaluate_alone(compiled, patient({"ecog": (1, None)}), AS_OF)
    assert outcome.error.startswith("ZeroDivisionError") and outcome.eligibility is Eligibility.POSSIBLY_ELIGIBLE


def test_a_new_version_of_a_trial_is_focused_again():
    e = MatchingEngine()
    e.add_trials([trial_of(P("ecog", Op.LTE, 2), trial_id="T")])
    first = e.focused("T")
    e.add_trials([trial_of(P("ecog", Op.LTE, 1), trial_id="T")])
    outcome = e.evaluate_compiled([e.focused("T")], patient({"ecog": (2, None)}), AS_OF)[0]
    assert e.focused("T") is not first and outcome.eligibility is Eligibility.INELIGIBLE


def test_equal_criteria_of_different_trials_are_compiled_to_one_shared_node():
    e = MatchingEngine()
    e.add_trials([trial_of(P("ecog", Op.LTE, 2), trial_id="A"), trial_of(P("ecog", Op.LTE, 2), trial_id="B")])
    assert e._trials["A"].trial.criteria[0].expr is e._trials["B"].trial.criteria[0].expr


def _library_loop(network, ruleset, sid, facts):
    network._host.assert_facts(ruleset._name, facts)  # durable's own action loop


def test_driving_the_rules_directly_fires_what_the_librarys_own_loop_fires(monkeypatch):
    from fixtures.example_facts import EXAMPLES
    from fixtures.seed_criteria import SEED_TRIALS

    from rules_engine.durable_backend import ProbeNetwork

    def evaluate_all(e):
        with _fired(e) as fired:
            outcomes = [e.evaluate(facts, AS_OF) for facts in EXAMPLES.values()]
        return outcomes, sorted(fired)

    direct = MatchingEngine()
    direct.add_trials(SEED_TRIALS.values())
    expected = evaluate_all(direct)
    monkeypatch.setattr(ProbeNetwork, "_drive", _library_loop)
    library = MatchingEngine()
    library.add_trials(SEED_TRIALS.values())
    assert evaluate_all(library) == expected and expected[1]


def test_an_action_that_raises_is_reported_and_the_other_rules_still_fire(monkeypatch):
    from rules_engine import durable_backend
    from rules_engine.durable_backend import ProbeNetwork, ProbeRule

    def broken(c):
        raise ValueError("catch-all broke")

    monkeypatch.setattr(durable_backend, "_ignore", broken)
    network = ProbeNetwork()
    network.define("raising", probes=[ProbeRule("p-ecog-le-2", "m:ecog", {"$lte": {"v": 2}})])
    result = network.run({"raising": [{"t": "m:ecog", "k": "rec", "v": 1}]})
    assert result.fired == [("p-ecog-le-2", "rec")]
    assert result.errors == [("any:m:ecog", "ValueError: catch-all broke")]


def test_a_trial_that_reads_one_score_still_converts_it_from_another_recorded_scale():
    from tests.rules_engine.conftest import both

    facts = patient({"karnofsky": (90, "%"), "bilirubin": (0.8, "mg/dL")})
    _, durable = both(trial_of(P("ecog", Op.LTE, 1), trial_id="ecog-only"), facts)
    assert durable.criteria[0].outcome is Outcome.MET and "Karnofsky" in durable.criteria[0].reason


def test_a_trial_is_told_only_about_the_measurements_its_criteria_read():
    e = MatchingEngine()
    e.add_trials([trial_of(P("ecog", Op.LTE, 1), trial_id="T")])
    assert e._trials["T"].measured == {"ecog", "karnofsky", "lansky"}


@pytest.mark.parametrize(
    "measurements,concept,expected",
    [
        ({"hcv_rna": ("positive", None)}, "hcv", Outcome.MET),
        ({"hbsag": ("positive", None)}, "hbv", Outcome.MET),
        ({"hbv_dna": ("positive", None)}, "hbv", Outcome.MET),
        ({"hiv_test": ("positive", None)}, "hiv", Outcome.MET),
        ({"pregnancy_test": ("positive", None)}, "pregnancy", Outcome.MET),
        ({"hcv_rna": ("negative", None)}, "hcv", Outcome.NOT_MET),
        # the antibody outlives a cured infection: exposure leaves hepatitis C open (test_serology)
        ({"hcv_antibody": ("positive", None)}, "hcv", Outcome.UNKNOWN),
        ({}, "hcv", Outcome.NOT_MET),  # absent from the record: absent
    ],
)
def test_a_positive_test_counts_as_its_infection_in_both_paths(measurements, concept, expected):
    """Contract section 4: an infection (or pregnancy) is decided by either source, the
    diagnosis or the test that shows it; a trial asking only the diagnosis still sees the test."""
    from tests.rules_engine.conftest import both

    facts = patient(measurements)
    reference, _ = both(trial_of(P(concept, Op.PRESENT), trial_id=f"test-implies-{concept}"), facts)
    assert reference.criteria[0].outcome is expected


@pytest.mark.parametrize(
    "bound,value,expected",
    [
        # Python writes a float below 0.0001, or from 10^16 up, as 1e-05 / 1e+16; the engine's
        # JSON reader stopped at the exponent: the ruleset failed with error 204, the fact
        # was misread. Registry thresholds in a concept's unit reach these (a count per litre
        # in 10^9/L, a dose in grams).
        (0.00001, 0.000005, Outcome.MET),
        (0.00001, 0.00002, Outcome.NOT_MET),
        (0.00001, 0.00001, Outcome.MET),
        (0.5, 0.000005, Outcome.MET),
        (2e16, 1e16, Outcome.MET),
        (2e16, 3e16, Outcome.NOT_MET),
    ],
)
def test_a_number_python_writes_with_an_exponent_compiles_and_compares_exactly(bound, value, expected):
    from tests.rules_engine.conftest import both

    trial = trial_of(P("wbc", Op.LTE, bound, "10*9/L"), trial_id=f"exponent-{bound!r}-{value!r}")
    reference, _ = both(trial, patient({"wbc": (value, "10*9/L")}))
    assert reference.criteria[0].outcome is expected


@pytest.mark.parametrize(
    "value",
    [1e-05, -2.5e-07, 1e16, -1.5e17, 0.0001, 123.25, 7, "de-escalated 1e-05", True, None],
)
def test_the_engine_reads_back_every_number_as_written(value):
    """What the engine is sent equals what Python holds (JSON reading is exact for these)."""
    import json

    from rules_engine.durable_backend import engine_json

    assert json.loads(engine_json({"t": "m:x", "v": [value]})) == {"t": "m:x", "v": [value]}


@pytest.mark.parametrize("value", [1e-05, 3e-09, 1e16, 2.5e17])
def test_a_probe_on_an_exponent_number_fires_for_a_fact_at_that_number(value):
    from rules_engine.durable_backend import ProbeNetwork, ProbeRule

    network = ProbeNetwork()
    network.define("exponent", probes=[ProbeRule("p-eq", "m:x", {"$lte": {"v": value}})])
    fired = [network.run({"exponent": [{"t": "m:x", "k": f"at-{n}", "v": v}]}).fired for n, v in enumerate((value, value * 2))]
    assert fired == [[("p-eq", "at-0")], []]


@pytest.mark.parametrize("value", [float("inf"), float("nan")])
def test_a_number_the_engine_cannot_compare_is_refused_when_compiled(value):
    from rules_engine.durable_backend import engine_json

    with pytest.raises(ValueError, match="cannot compare"):
        engine_json({"$lte": {"v": value}})


def test_a_registry_line_whose_threshold_reads_below_one_ten_thousandth_compiles():
    """A threshold Python writes with a bare exponent (1e-05) stopped a catalogue compiling
    (error 204); next-generation sequencing MRD is written that small ('10^-7' is 1e-05 %). The
    corpus line that found it ('platelet count > 30,000/L', 3e-05 x 10^9/L as written) is now
    left to review as a mistyped unit, so it no longer reaches the engine as a number."""
    from rules_engine.criteria import TrialCriteria
    from rules_engine.parser.criteria import parse_criteria
    from tests.rules_engine.conftest import both

    text = "Inclusion Criteria:\n* MRD < 10^-7 by next-generation sequencing"
    trial = TrialCriteria("registry-ngs-mrd", 1, parse_criteria(text))
    reference, _ = both(trial, patient({"mrd": (0.000001, "%")}))
    assert reference.criteria[0].outcome is Outcome.MET
    reference, _ = both(trial, patient({"mrd": (0.001, "%")}))
    assert reference.criteria[0].outcome is Outcome.NOT_MET
