"""Bounded work per trial (issue 16): limits on criteria lines for trial PATCH and import (a 400
naming the field; an import reports and skips the study), and a time budget per parsed line
(a line over it is a review line that says so, the others parsed as usual)."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from django.core.management import call_command

from tests.conftest import CORPUS
from trials import limits
from trials.models import Trial
from trials.structuring import over_budget_reason, structure_lines

CORPUS_FILE = CORPUS / "ctgov-v2-nsclc-phase3.json.gz"
TRIAL = "/api/v1/trials/NCT06585345"
LONG = "x" * (limits.MAX_LINE_CHARS + 1)


def _lines(texts: list[str]) -> dict:
    return {"criteria": [{"type": "inclusion", "text": t} for t in texts]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "texts,field",
    [
        (["Age >= 18 years", LONG], "criteria[1].text"),
        (["Age >= 18 years"] * (limits.MAX_LINES + 1), "criteria"),
    ],
    ids=["line too long", "too many lines"],
)
def test_a_patch_over_the_criteria_limits_is_a_400_naming_the_field(manager, seeded, texts, field):
    before = Trial.objects.get(nct_id="NCT06585345").current_criteria_id
    answer = manager.patch(TRIAL, _lines(texts), format="json")
    assert (answer.status_code, answer.json()["field"]) == (400, field)
    assert Trial.objects.get(nct_id="NCT06585345").current_criteria_id == before


@pytest.mark.django_db
def test_a_patch_at_the_limits_is_accepted(manager, seeded):
    texts = ["Age >= 18 years"] * (limits.MAX_LINES - 1) + ["y" * limits.MAX_LINE_CHARS]
    assert manager.patch(TRIAL, _lines(texts), format="json").status_code == 200


def _studies(count: int) -> list[dict]:
    with gzip.open(CORPUS_FILE, "rt", encoding="utf-8") as fh:
        return json.load(fh)[:count]


@pytest.mark.django_db
def test_an_import_reports_and_skips_a_study_over_the_limits_and_imports_the_others(tmp_path):
    studies = _studies(2)
    module = studies[1]["protocolSection"]["eligibilityModule"]
    module["eligibilityCriteria"] = "Inclusion Criteria:\n* Age >= 18\n* " + LONG
    path = tmp_path / "studies.json"
    path.write_text(json.dumps(studies))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_ctgov", str(path), stdout=out, stderr=err)
    skipped = studies[1]["protocolSection"]["identificationModule"]["nctId"]
    assert "studies=1 created=1 updated=0 skipped=1" in out.getvalue()
    assert f"skipped {skipped}: {limits.ELIGIBILITY_PATH}: line " in err.getvalue()
    assert list(Trial.objects.values_list("nct_id", flat=True)) == [
        studies[0]["protocolSection"]["identificationModule"]["nctId"]
    ]


@pytest.mark.django_db
def test_posting_a_study_over_the_limits_is_a_400_naming_the_eligibility_field(manager):
    (study,) = _studies(1)
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = "Inclusion Criteria:\n* " + LONG
    answer = manager.post("/api/v1/trials", study, format="json")
    assert (answer.status_code, answer.json()["field"]) == (400, limits.ELIGIBILITY_PATH)
    assert not Trial.objects.exists()


# A real line's length of organ-function thresholds: tens of milliseconds to parse here.
SLOW = ("Adequate organ function defined as total bilirubin <= 1.5 x ULN, AST and ALT <= 3 x ULN, "
        "creatinine clearance >= 60 mL/min, ") * 16
QUICK = [("inclusion", "Age >= 18 years", None), ("inclusion", SLOW, None), ("exclusion", "Known HIV infection", None)]


@pytest.fixture
def quick_thread_switches():
    """The line now parses in ~9 ms, under the interpreter's 5 ms thread switch interval twice at
    most: the watchdog needs two looks at the running line, so let threads switch more often."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0002)
    yield
    sys.setswitchinterval(before)


def test_a_line_that_runs_past_its_time_budget_is_a_review_line_saying_so(quick_thread_switches):
    parsed = structure_lines(QUICK, line_budget=0.002)
    assert parsed[1].expr.to_json() == {"node": "review", "reason": "unparsed", "text": over_budget_reason(0.002)}


def test_the_other_lines_are_parsed_as_without_a_budget():
    assert [c.to_json() for i, c in enumerate(structure_lines(QUICK, line_budget=0.002)) if i != 1] == [
        c.to_json() for i, c in enumerate(structure_lines(QUICK)) if i != 1
    ]


def test_within_the_default_budget_the_same_line_is_read():
    assert structure_lines(QUICK)[1].expr.to_json().get("text") != over_budget_reason(0.5)


def test_an_interrupted_parse_never_goes_off_later_in_the_callers_code():
    import time

    for _ in range(20):
        structure_lines(QUICK, line_budget=0.002)
    deadline = time.monotonic() + 0.05
    while time.monotonic() < deadline:  # a pending interruption would be raised in this loop
        pass


WAITS = "Known HIV infection while the machine is busy"


@pytest.fixture
def a_line_that_waits(monkeypatch):
    """Parsing ``WAITS`` takes ``wait`` seconds of wall time and almost no CPU: as a line does on a
    machine whose cores are busy with other work."""
    import time

    from rules_engine.parser import line

    plain = line._parse_line
    wait = {"seconds": 0.0}

    def waiting(text, *args, **kwargs):
        if text == WAITS:
            deadline = time.monotonic() + wait["seconds"]
            while time.monotonic() < deadline:
                time.sleep(0.002)
        return plain(text, *args, **kwargs)

    monkeypatch.setattr(line, "_parse_line", waiting)
    return wait


def test_a_line_waiting_for_a_core_is_read_the_budget_counts_its_own_cpu_time(a_line_that_waits):
    at_once = structure_lines([("exclusion", WAITS, None)])[0].expr.to_json()
    a_line_that_waits["seconds"] = 0.1  # 10 budgets of wall time, well under WALL_FACTOR of them
    parsed = structure_lines([("exclusion", WAITS, None)], line_budget=0.01)
    assert parsed[0].expr.to_json() == at_once != {"node": "review", "reason": "unparsed", "text": over_budget_reason(0.01)}


def test_a_line_held_past_the_wall_backstop_is_unread_however_little_cpu_it_used(a_line_that_waits):
    from trials.structuring import WALL_FACTOR

    a_line_that_waits["seconds"] = 0.01 * WALL_FACTOR * 3
    parsed = structure_lines([("exclusion", WAITS, None)], line_budget=0.01)
    assert parsed[0].expr.to_json() == {"node": "review", "reason": "unparsed", "text": over_budget_reason(0.01)}
