"""The matches answer's lines are rendered through shortcuts (``matcher.results.render``: one
``LineTable`` judging each distinct line once per facts version and date, answers kept by slot
across answers; ``matcher.api.matches_json``: encodings kept by line across answers). They are
shortcuts only: every example patient's lines equal the plain way, each result's lines judged
one by one with a memo of their own, and answering again, in another order, answers the same."""

from __future__ import annotations

import json
from datetime import date

import pytest

from matcher.api import matches_json
from matcher.matching import jobs
from matcher.models import MatchJob, MatchResult
from matcher.results import render
from matcher.results.render import PINNED_FIELDS, Pinned, answer_lines
from rules_engine.assemble import Memo, evaluate_criterion
from rules_engine.semantics import predicate_outcome
from rules_engine.snapshot import snapshot
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 22)


def _plain(pinned: list[Pinned]) -> dict[int, tuple[list[tuple], list[int | None]]]:
    criteria = render._criteria([p.version_pk for p in pinned])
    facts = render._facts(pinned)
    found = {}
    for p in pinned:
        snap = snapshot(facts[(p.facts_version_pk, p.patient_id)], p.evaluated_at)
        trial = criteria[p.version_pk]
        lines = [evaluate_criterion(i, c, snap, lambda q, snap=snap: predicate_outcome(q, snap), Memo()) for i, c in enumerate(trial.criteria)]
        found[p.result_id] = (
            [(c.type, c.text, c.outcome.value, c.review, c.reason) for c in lines],
            [c.parent for c in trial.criteria],
        )
    return found


@pytest.mark.django_db
def test_every_example_patients_lines_equal_the_plain_way_answered_twice(api, seeded, monkeypatch):
    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    patients = []
    for path in sorted((EXAMPLES / "patients").glob("D*.json")):
        response = api.post("/api/v1/patients", path.read_text(), content_type="application/fhir+json")
        assert response.status_code == 201, response.content
        pid = response.json()["id"]
        jobs.run_job(MatchJob.objects.get(patient_id=pid, status=MatchJob.Status.QUEUED).pk, as_of=TODAY)
        patients.append(pid)
    by_patient = {
        pid: [Pinned.of(r) for r in MatchResult.objects.filter(patient_id=pid).values(*PINNED_FIELDS)] for pid in patients
    }
    assert sum(map(len, by_patient.values())) >= 20
    for order in (patients, patients[::-1]):  # the second pass finds what the first kept
        for pid in order:
            assert answer_lines(by_patient[pid]) == _plain(by_patient[pid]), pid
    bodies = [api.get(f"/api/v1/patients/{pid}/matches").content for pid in patients]
    again = [api.get(f"/api/v1/patients/{pid}/matches").content for pid in reversed(patients)]
    assert bodies == again[::-1]
    for pid, body in zip(patients, bodies, strict=True):
        shown = {r["trial"]: [(c["type"], c["text"], c["outcome"], c["review"], c["reason"]) for c in r["criteria"]]
                 for r in json.loads(body)["results"]}
        plain = _plain(by_patient[pid])
        ids = dict(MatchResult.objects.filter(patient_id=pid).values_list("trial__nct_id", "id"))
        assert shown == {nct: plain[ids[nct]][0] for nct in shown}


@pytest.mark.django_db
def test_a_results_lines_joined_by_slot_read_as_its_lines_encoded_one_by_one(api, seeded, monkeypatch):
    """``render.Gathered.joined``: each slot's encoding made once and a result's gathered by
    slot reads exactly as encoding its lines one by one, for results sharing slots, patient
    after patient (the encodings kept across answers) and back to the first."""
    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    patients = []
    for path in sorted((EXAMPLES / "patients").glob("D*.json"))[:3]:
        response = api.post("/api/v1/patients", path.read_text(), content_type="application/fhir+json")
        assert response.status_code == 201, response.content
        pid = response.json()["id"]
        jobs.run_job(MatchJob.objects.get(patient_id=pid, status=MatchJob.Status.QUEUED).pk, as_of=TODAY)
        patients.append(pid)
    gathered = 0
    for pid in [*patients, patients[0]]:
        pinned = [Pinned.of(r) for r in MatchResult.objects.filter(patient_id=pid).values(*PINNED_FIELDS)]
        for lines, _ in answer_lines(pinned).values():
            if isinstance(lines, render.Gathered):
                gathered += 1
                assert lines.joined(matches_json._encode_line) == ",".join(matches_json._encode_line(c) for c in lines)
    assert gathered >= 10
