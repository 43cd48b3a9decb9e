"""Results store verdicts, not prose (issue 18): each line's outcome is a code in the result row,
its reason is rendered on read from the facts version and criteria version the verdict was
judged on. These tests hold the two promises that makes: rendering gives what was stored, and
a changed record does not change the words of a verdict judged before it."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from matcher.matching import jobs
from matcher.models import MatchJob, MatchResult, Patient, PatientFactsVersion
from matcher.results import compact
from matcher.results.render import PINNED_FIELDS, Pinned, reevaluate
from rules_engine.outcome import CriterionOutcome, Outcome
from tests.conftest import EXAMPLES

TODAY = date(2026, 11, 22)
LVEF_LOINC = "10230-1"


def _bundle(name: str, lvef: float | None = None) -> dict:
    bundle = json.loads((EXAMPLES / "patients" / f"{name}.json").read_text())
    if lvef is not None:
        for entry in bundle["entry"]:
            resource = entry["resource"]
            codes = [c.get("code") for c in resource.get("code", {}).get("coding", [])]
            if resource["resourceType"] == "Observation" and LVEF_LOINC in codes:
                resource["valueQuantity"]["value"] = lvef
    return bundle


def _post(api, bundle: dict) -> str:
    response = api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json")
    assert response.status_code in (200, 201), response.content
    return response.json()["id"]


def _run_queued(pid: str) -> None:
    jobs.run_job(MatchJob.objects.get(patient_id=pid, status=MatchJob.Status.QUEUED).pk, as_of=TODAY)


def _reasons(api, pid: str) -> dict[str, list[str]]:
    return {r["trial"]: [c["reason"] for c in r["criteria"]] for r in api.get(f"/api/v1/patients/{pid}/matches").json()["results"]}


@pytest.mark.parametrize(
    ("outcome", "review", "code"),
    [(Outcome.MET, False, "m"), (Outcome.NOT_MET, False, "n"), (Outcome.UNKNOWN, False, "u"), (Outcome.UNKNOWN, True, "U"),
     (Outcome.MET, True, "M")],
)
def test_a_lines_code_says_its_outcome_and_review_flag(outcome, review, code):
    """One character must carry both, or the queue could not tell review lines from missing data."""
    line = CriterionOutcome(0, "inclusion", "x", outcome, review, "")
    assert compact.encode([line]) == code and compact.decode(code) == [(outcome, review)]


def test_a_verdicts_codes_are_the_lines_codes_in_order():
    """``encode`` looks the codes up in C; every combination, in a mixed order, reads as the
    plain per-line encoding does."""
    lines = [
        CriterionOutcome(i, "inclusion", "x", outcome, review, "")
        for i, (outcome, review) in enumerate(
            [(o, r) for o in (Outcome.UNKNOWN, Outcome.MET, Outcome.NOT_MET) for r in (True, False)] * 2
        )
    ]
    assert compact.encode(lines) == compact.encode_plain(lines) == "UuMmNn" * 2
    assert compact.encode(()) == compact.encode_plain(()) == ""


@pytest.mark.parametrize(("overridden", "codes"), [({}, "mUn"), ({1: "met"}, "mmn"), ({2: "met", 0: "not_met"}, "nUm")])
def test_an_override_sets_its_lines_code_and_ends_review(overridden, codes):
    """Readers counting outcomes see what the coordinator said, as the stored eligibility does."""
    assert compact.effective("mUn", overridden) == codes


@pytest.mark.django_db
def test_rendered_outcomes_equal_the_stored_codes_for_every_example_patient(api, seeded, monkeypatch):
    """Evaluation is deterministic: judging the pinned versions again at the stored date gives
    each line the outcome and review flag the job stored, for every example and seed trial, so
    the reasons rendered beside them are the ones the job judged with."""
    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    for path in sorted((EXAMPLES / "patients").glob("D*.json")):
        _run_queued(_post(api, json.loads(path.read_text())))
    rows = list(MatchResult.objects.values(*PINNED_FIELDS))
    assert len(rows) >= 20 and all(r["outcomes"] for r in rows)
    again = reevaluate([Pinned.of(r) for r in rows])
    for row in rows:
        assert compact.encode(again[row["id"]]) == row["outcomes"], row["id"]


@pytest.mark.django_db
def test_reasons_render_from_the_version_judged_until_the_new_versions_job_replaces_them(api, seeded, monkeypatch):
    """A record posted twice after its verdicts were judged: until a job judges the newest
    facts, the verdicts' reasons are still those of the facts they were judged on (quoting the
    old LVEF); the job's verdicts then quote the new value, and the versions nobody pins any
    more are gone."""
    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    pid = _post(api, _bundle("D01", lvef=60))
    _run_queued(pid)
    judged = _reasons(api, pid)
    assert any("60" in reason for reasons in judged.values() for reason in reasons)

    _post(api, _bundle("D01", lvef=41))
    _post(api, _bundle("D01", lvef=42))
    patient = Patient.objects.get(pk=pid)
    numbers = list(PatientFactsVersion.objects.filter(patient=patient).order_by("number").values_list("number", flat=True))
    assert numbers == [1, 2, 3] and patient.facts_version is not None and patient.facts_version.number == 3
    assert _reasons(api, pid) == judged  # the stored verdicts still speak of the facts they judged

    _run_queued(pid)
    rejudged = _reasons(api, pid)
    assert rejudged != judged
    assert any("42" in reason for reasons in rejudged.values() for reason in reasons)
    assert not any("60 %" in reason for reasons in rejudged.values() for reason in reasons)
    assert list(PatientFactsVersion.objects.filter(patient=patient).values_list("number", flat=True)) == [3]
    assert set(MatchResult.objects.filter(patient=patient).values_list("facts_version__number", flat=True)) == {3}


@pytest.mark.django_db
def test_a_repost_with_the_same_facts_makes_no_new_version(api, seeded):
    """Versions follow changes of the facts, not posts: a client re-sending its record daily
    must not grow a version a day."""
    bundle = _bundle("D02")
    pid = _post(api, bundle)
    _post(api, copy.deepcopy(bundle))
    assert list(PatientFactsVersion.objects.filter(patient_id=pid).values_list("number", flat=True)) == [1]


@pytest.mark.django_db
def test_the_answer_shows_an_override_as_the_match_page_does(api, seeded, monkeypatch, django_user_model):
    """The answer takes a short cut for lines without overrides; an overridden line must read
    in it exactly as on the coordinators' page, and its verdict as the row stores it."""
    from matcher.queue import actions
    from matcher.results.render import lines_of

    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    pid = _post(api, _bundle("D07"))
    _run_queued(pid)
    result = MatchResult.objects.get(patient_id=pid, trial__nct_id="NCT06559644")
    user = django_user_model.objects.create_user("carol")
    actions.override_criterion(result, 6, "met", "echo on paper chart: LVEF 55%", user)
    answer = api.get(f"/api/v1/patients/{pid}/matches/NCT06559644").json()
    page = lines_of(MatchResult.objects.get(pk=result.pk))
    assert [(c["outcome"], c["review"], c["reason"]) for c in answer["criteria"]] == [
        (line.outcome, line.review, line.reason) for line in page
    ]
    assert answer["criteria"][6]["reason"].startswith("overridden by carol (v1): met")
    stored = MatchResult.objects.get(pk=result.pk).eligibility
    assert answer["eligibility"] == stored != "ineligible"  # the LVEF line was D07's one failing line


@pytest.mark.django_db
def test_the_curation_counts_read_an_overridden_line_as_the_coordinator_set_it(api, seeded, monkeypatch, django_user_model):
    """Codes are stored as the engine said; the counts a curator reads apply the overrides, as
    the criterion rows' outcomes did."""
    from matcher.curation.lines import outcome_counts
    from matcher.queue import actions
    from trials.models import Trial

    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    pid = _post(api, _bundle("D07"))
    _run_queued(pid)
    trial = Trial.objects.get(nct_id="NCT06559644")
    assert outcome_counts(trial)[6] == {"not_met": 1}
    result = MatchResult.objects.get(patient_id=pid, trial=trial)
    actions.override_criterion(result, 6, "met", "echo on paper chart: LVEF 55%", django_user_model.objects.create_user("carol"))
    assert outcome_counts(trial)[6] == {"met": 1}
