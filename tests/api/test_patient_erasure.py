"""A deleted patient leaves no trace (issue 16, data hygiene): after ``DELETE /patients/{id}``
no row of any table of any app holds the patient's id, in any column or JSON payload, webhook
deliveries included. Every table is read from the database's own catalogue, so a table added
later is checked too."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection

from matcher.models import MatchResult, WebhookDelivery
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)  # the examples' verdicts hold on this day


def _post_and_match(api, name: str) -> str:
    from matcher.matching.jobs import run_job

    body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
    posted = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()
    assert run_job(posted["match_job"]["id"], as_of=TODAY) == "succeeded"
    return posted["id"]


def tables_holding(value: str) -> dict[str, int]:
    """Table -> rows whose text (every column, JSON included) contains the value, dashed or not."""
    hex_form = value.replace("-", "")
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*) FROM {quoted} AS t WHERE t::text ILIKE %s OR t::text ILIKE %s",
                [f"%{value}%", f"%{hex_form}%"],
            )
            count = cursor.fetchone()[0]
            if count:
                found[table] = count
    return found


@pytest.fixture
def patient_with_history(api, seeded):
    """A patient matched (results, criterion rows, changes), with webhook deliveries of its new
    eligible matches, a coordinator's note, status and override, and reads in the access trail;
    and a second patient of the same client, which must keep all of its own."""
    from matcher.models import MatchChange, Webhook
    from matcher.queue import actions
    from matcher.results.lines import version_lines

    Webhook.objects.create(client=api.eligo_client, url="https://hooks.example.org/eligo", secret="s" * 32)
    gone = _post_and_match(api, "D01")
    kept = _post_and_match(api, "D03")
    coordinator = User.objects.create_user("carol", is_staff=True)
    result = MatchResult.objects.filter(patient_id=gone).order_by("eligibility_rank").first()
    actions.add_note(result, "called the ward", coordinator)
    actions.set_status(result, MatchResult.ReviewStatus.UNDER_REVIEW, coordinator)
    actions.override_criterion(result, 0, "met", "seen on paper", coordinator)
    # A first match's appearances are implied by the results (no change rows): a verdict the
    # override changes stores one, so the scan meets the patient in the changes table too.
    decided = MatchResult.objects.filter(patient_id=gone).exclude(eligibility="ineligible").first()
    assert decided is not None
    inclusion = next(
        i for i, line in enumerate(version_lines([decided.criteria_version_id])[decided.criteria_version_id])
        if line.type == "inclusion" and line.parent is None
    )
    actions.override_criterion(decided, inclusion, "not_met", "seen on paper", coordinator)
    assert MatchChange.objects.filter(patient_id=gone, cause="override").exists()
    for path in ("", "/matches", "/matches/changes"):
        assert api.get(f"/api/v1/patients/{gone}{path}").status_code == 200
    return gone, kept


def test_the_scan_finds_a_stored_patient_everywhere_it_is(patient_with_history):
    """The premise: before deletion the scan sees the patient in the tables that hold it."""
    gone, kept = patient_with_history
    before = tables_holding(gone)
    for table in ("matcher_patient", "matcher_matchjob", "matcher_matchresult", "matcher_matchchange",
                  "matcher_webhookdelivery", "matcher_accessevent"):
        assert table in before, table


def test_after_deletion_no_table_holds_the_patients_id(api, patient_with_history):
    gone, kept = patient_with_history
    kept_before = tables_holding(kept)
    assert api.delete(f"/api/v1/patients/{gone}").status_code == 204
    assert tables_holding(gone) == {}
    assert tables_holding(kept) == kept_before  # the client's other patient lost nothing


def test_a_deleted_patients_pending_deliveries_are_not_sent(api, patient_with_history):
    gone, _ = patient_with_history
    pending = list(WebhookDelivery.objects.filter(payload__patient=gone).values_list("pk", flat=True))
    assert pending
    api.delete(f"/api/v1/patients/{gone}")
    assert not WebhookDelivery.objects.filter(pk__in=pending).exists()
