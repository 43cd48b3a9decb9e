"""The coverage report parses a corpus in several processes; what it reports is what one process
finds, in the same order (a performance trick pinned against the plain way)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rules_engine.parser.coverage import Coverage, measure

V2 = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ctgov-v2-nsclc-phase3.json.gz"

pytestmark = pytest.mark.skipif(not V2.exists(), reason="corpus not present")

_TIMINGS = {"seconds", "cpu_seconds", "processes"}


def _findings(report: Coverage) -> dict[str, object]:
    return {f.name: getattr(report, f.name) for f in dataclasses.fields(report) if f.name not in _TIMINGS}


def test_processes_report_exactly_what_one_process_finds() -> None:
    alone = measure([str(V2)], workers=1)
    shared = measure([str(V2)], workers=2)
    assert shared.processes == 2 and alone.processes == 1
    assert _findings(shared) == _findings(alone)
    assert alone.top > 1000  # the 100 studies' lines, so several chunks were merged


def test_merge_keeps_the_earlier_first_example_and_adds_counts() -> None:
    first, second = Coverage(trials=1, top=3), Coverage(trials=2, top=4)
    first.review_examples["unparsed"] = "earlier"
    second.review_examples.update(unparsed="later", consent="only later")
    first.text_only.append(("NCT1", [80.0]))
    second.text_only.append(("NCT2", [65.0]))
    first.merge(second)
    assert (first.trials, first.top) == (3, 7)
    assert first.review_examples == {"unparsed": "earlier", "consent": "only later"}
    assert first.text_only == [("NCT1", [80.0]), ("NCT2", [65.0])]


def test_a_small_read_stays_in_one_process() -> None:
    assert measure([str(V2)]).processes == 1  # 100 studies: starting processes would cost more


def test_the_heap_set_aside_from_the_collector_changes_no_finding_and_is_handed_back(monkeypatch) -> None:
    """``coverage.frozen_heap`` (the objects alive before the parse are left out of garbage
    collections while it runs): the report is the plain way's, and the heap is as it was after."""
    import gc

    before = gc.get_freeze_count()
    frozen = measure([str(V2)], workers=1)
    assert gc.get_freeze_count() == before
    monkeypatch.setenv("ELIGO_NO_FROZEN_HEAP", "1")
    plain = measure([str(V2)], workers=1)
    assert _findings(frozen) == _findings(plain)
