"""The criteria model survives its JSON form unchanged (what Django stores and admins edit)."""

import json

import pytest
from fixtures.seed_criteria import SEED_TRIALS

from rules_engine.criteria import CriteriaFormatError, trial_criteria_from_json


@pytest.mark.parametrize("trial_id", sorted(SEED_TRIALS))
def test_seed_criteria_round_trip_through_json(trial_id):
    trial = SEED_TRIALS[trial_id]
    assert trial_criteria_from_json(json.loads(json.dumps(trial.to_json()))) == trial


@pytest.mark.parametrize(
    "document,path",
    [
        ({"schema_version": 99}, "schema_version"),
        ({"schema_version": 1, "criteria": [{"type": "maybe"}]}, "criteria[0].type"),
        ({"schema_version": 1, "criteria": [{"type": "inclusion", "expr": {"node": "predicate", "op": "??", "concept": "x"}}]}, "criteria[0].expr.op"),
    ],
)
def test_invalid_documents_name_the_offending_path(document, path):
    with pytest.raises(CriteriaFormatError, match=path.replace("[", r"\[").replace("]", r"\]")):
        trial_criteria_from_json(document)


def test_a_pickled_node_does_not_carry_its_cached_hash():
    import pickle

    from rules_engine.criteria import All, Op, Predicate, Window

    node = All((Predicate("ecog", Op.LTE, 2, window=Window(4, "weeks")),))
    hash(node)  # caches it
    copy = pickle.loads(pickle.dumps(node))
    assert "_hash" not in copy.__dict__ and copy == node and hash(copy) == hash(node)


@pytest.mark.parametrize(
    "data",
    [
        {"birth_date": "1960-05-24", "sex": "female", "measurements": {
            "alt": [{"concept": "alt", "value": 30.0, "unit": "U/L", "date": "2026-11-20", "uln": 40.0, "uln_default": True, "source": "a"}],
            "cd33": [{"concept": "cd33", "value": "positive"}, {"concept": "cd33", "value": "negative", "date": "2026-01-02T10:00:00"}],
        }, "events": {
            "aml": [{"concept": "aml", "date": "2026-10-23", "active": False, "attributes": {"quote": "x"}, "source": "b"}],
            "relapsed": [{"concept": "relapsed"}],
        }},
        {"birth_date": None, "sex": None},
        {},
    ],
)
def test_facts_read_from_json_are_the_objects_the_constructors_make(data):
    """``facts._built`` skips the frozen constructors: every field is set, to the same value."""
    from dataclasses import fields

    from rules_engine.facts import Event, Measurement, PatientFacts, _date_or_none

    facts = PatientFacts.from_json(data)
    plain = PatientFacts(
        birth_date=_date_or_none(data.get("birth_date")),
        sex=data.get("sex"),
        measurements={k: tuple(Measurement(
            concept=m["concept"], value=m["value"], unit=m.get("unit"), date=_date_or_none(m.get("date")),
            uln=m.get("uln"), uln_default=bool(m.get("uln_default", False)), source=m.get("source"),
        ) for m in v) for k, v in data.get("measurements", {}).items()},
        events={k: tuple(Event(
            concept=e["concept"], date=_date_or_none(e.get("date")), active=bool(e.get("active", True)),
            attributes=dict(e.get("attributes", {})), source=e.get("source"),
        ) for e in v) for k, v in data.get("events", {}).items()},
    )
    assert facts == plain and hash(facts.birth_date) == hash(plain.birth_date)
    objects = [facts, *(m for ms in facts.measurements.values() for m in ms), *(e for es in facts.events.values() for e in es)]
    for obj in objects:
        assert set(vars(obj)) == {f.name for f in fields(obj)}, "a field from_json does not set"
    assert PatientFacts.from_json(facts.to_json()) == facts
    with pytest.raises(AttributeError):
        facts.sex = "male"  # still frozen


def _example_facts() -> list[dict]:
    from pathlib import Path

    from matcher import intake

    examples = Path(__file__).resolve().parents[3] / "shared" / "examples" / "patients"
    return [intake.normalise(intake.validate_bundle(p.read_bytes())).facts.to_json() for p in sorted(examples.glob("D*.json"))]


def test_facts_read_lazily_equal_the_facts_read_at_once():
    """``from_json_lazily`` (a trial's re-match) builds a concept's measurements when read: the
    facts, every concept's tuple, their JSON and every trial's snapshot equal ``from_json``'s."""
    from datetime import date

    from fixtures.seed_criteria import SEED_TRIALS

    from rules_engine.engine import _measured
    from rules_engine.facts import PatientFacts
    from rules_engine.snapshot import snapshot

    datas = _example_facts()
    assert datas and any(d.get("measurements") for d in datas)
    measured_sets = [None, frozenset(), *(_measured(_predicates_of(t)) for t in SEED_TRIALS.values())]
    for data in datas:
        eager = PatientFacts.from_json(data)
        for measured in measured_sets:
            lazy = PatientFacts.from_json_lazily(data)
            assert snapshot(lazy, date(2026, 11, 22), measured) == snapshot(eager, date(2026, 11, 22), measured)
        lazy = PatientFacts.from_json_lazily(data)
        assert list(lazy.measurements) == list(eager.measurements) and len(lazy.measurements) == len(eager.measurements)
        assert lazy.measurements.get("no such concept") is None and "no such concept" not in lazy.measurements
        for concept, values in eager.measurements.items():
            assert concept in lazy.measurements and lazy.measurements.get(concept) == values
            assert lazy.measurements[concept] is lazy.measurements[concept], "built once"
        assert lazy == eager and eager == lazy and lazy.to_json() == eager.to_json()
        assert lazy.events == eager.events and lazy.latest("wbc") == eager.latest("wbc")


def _predicates_of(trial):
    from rules_engine.criteria import iter_predicates

    return [p for c in trial.criteria for expr in (c.applies_if, c.expr) for p in iter_predicates(expr)]
