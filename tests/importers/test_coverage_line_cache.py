"""The coverage report read through a line cache (as ``manage.py criteria_coverage`` reads, and as the
importers parse) reports exactly what the plain parse reports: a performance trick pinned against
the plain way, in one process and in several (each worker keeps its own cache)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from rules_engine.parser.coverage import Coverage, measure
from trials.parse_cache import LineCache

V2 = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ctgov-v2-nsclc-phase3.json.gz"

pytestmark = pytest.mark.skipif(not V2.exists(), reason="corpus not present")

_TIMINGS = {"seconds", "cpu_seconds", "processes"}


def _findings(report: Coverage) -> dict[str, object]:
    return {f.name: getattr(report, f.name) for f in dataclasses.fields(report) if f.name not in _TIMINGS}


@pytest.fixture(scope="module")
def plain() -> Coverage:
    return measure([str(V2)], workers=1)


def test_one_process_through_the_cache_reports_what_the_plain_parse_does(plain):
    cache = LineCache()
    assert _findings(measure([str(V2)], workers=1, line_parser=cache)) == _findings(plain)
    assert cache.hits > 0  # headings read twice and repeated lines: the comparison covered cached answers


def test_processes_through_the_cache_report_what_the_plain_parse_does(plain):
    assert _findings(measure([str(V2)], workers=2, line_parser=LineCache())) == _findings(plain)
