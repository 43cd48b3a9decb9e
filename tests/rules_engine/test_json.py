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
