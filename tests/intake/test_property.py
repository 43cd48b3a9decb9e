"""Whatever is posted, the intake answers with a record or an IntakeError -- nothing else."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from intake_helpers import example, examples_dir

from matcher.intake import IntakeError, NormalisedRecord, normalise, normalise_native, validate_bundle

pytestmark = pytest.mark.skipif(examples_dir() is None, reason="example patients not found")

NAMES = [f"D{n:02d}" for n in range(1, 11)]
_CACHE: dict[str, dict[str, Any]] = {}


def original(name: str) -> dict[str, Any]:
    if name not in _CACHE:
        _CACHE[name] = example(name)
    return copy.deepcopy(_CACHE[name])


JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", "2026-13-45", "2026-11", "abc", "10*3/uL", "mg", "Patient/x", "#x", "C92.02", "Positive", "I"])
)
JSON = st.recursive(JSON_LEAF, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += paths(value, prefix + (i,))
    return found


def parent_of(doc: Any, path: tuple) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@st.composite
def mutated_bundles(draw) -> Any:
    doc = original(draw(st.sampled_from(NAMES)))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["drop", "retype", "junk", "swap", "duplicate_patient", "break_reference", "drop_patient", "drop_entry"]))
        every = [p for p in paths(doc) if p]
        if kind in ("drop", "retype", "swap") and every:
            path = draw(st.sampled_from(every))
            parent = parent_of(doc, path)
            if kind == "drop":
                del parent[path[-1]]
            elif kind == "retype":
                parent[path[-1]] = draw(JSON)
            else:
                other = draw(st.sampled_from(every))
                try:
                    parent[path[-1]] = copy.deepcopy(parent_of(doc, other)[other[-1]])
                except (KeyError, IndexError, TypeError):
                    pass
        elif kind == "junk":
            containers = [p for p in paths(doc) if isinstance(parent_of(doc, p + ("x",)), dict)]
            where = parent_of(doc, draw(st.sampled_from(containers)) + ("x",)) if containers else doc
            where[draw(st.sampled_from(["junk", "value", "code", "valueQuantity", "subject", "resourceType", "_value", "entry"]))] = draw(JSON)
        elif isinstance(doc, dict) and isinstance(doc.get("entry"), list) and doc["entry"]:
            entries = doc["entry"]
            if kind == "duplicate_patient":
                entries.append(copy.deepcopy(entries[0]))
            elif kind == "drop_patient":
                entries.pop(0)
            elif kind == "drop_entry":
                entries.pop(draw(st.integers(min_value=0, max_value=len(entries) - 1)))
            else:
                target = entries[draw(st.integers(min_value=0, max_value=len(entries) - 1))]
                if isinstance(target, dict) and isinstance(target.get("resource"), dict):
                    target["resource"]["subject"] = {"reference": draw(st.sampled_from(["urn:uuid:missing", "Patient/none", "#c", "Observation/x"]) | st.text(max_size=8))}
    return doc


def check(raw: Any) -> None:
    try:
        record = normalise(validate_bundle(raw))
    except IntakeError as error:
        assert isinstance(error.path, str) and error.path
        assert isinstance(error.message, str) and error.message
        return
    assert isinstance(record, NormalisedRecord)
    json.dumps(record.to_json())  # what the API stores must be JSON


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_bundles())
def test_a_mutated_bundle_gives_a_record_or_an_intake_error(doc):
    check(doc)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_bundles())
def test_a_mutated_bundle_as_json_text_gives_a_record_or_an_intake_error(doc):
    check(json.dumps(doc))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=64))
def test_arbitrary_bytes_give_a_record_or_an_intake_error(raw):
    check(raw)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["identifier", "birth_date", "sex", "diagnoses", "measurements", "events", "x"]), JSON, max_size=6))
def test_arbitrary_native_json_gives_a_record_or_an_intake_error(data):
    try:
        record = normalise_native(data)
    except IntakeError:
        return
    json.dumps(record.to_json())
