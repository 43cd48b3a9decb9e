"""The match page: every criterion (failing, then unknown, then the rest), the facts the
reasons used, the merged history, and the workflow forms."""

from __future__ import annotations

import re

import pytest
from django.utils.html import escape

from matcher.models import MatchEvent, MatchResult
from matcher.queue import actions
from matcher.queue.filters import ELIGIBILITY_LABELS
from matcher.results.render import lines_of
from tests.admin_queue.conftest import post_patient

pytestmark = pytest.mark.django_db

NCT = "NCT06559644"


@pytest.fixture
def d07(api, seeded) -> MatchResult:
    return MatchResult.objects.get(patient_id=post_patient(api, "D07"), trial__nct_id=NCT)


def _url(result) -> str:
    return f"/admin/matcher/matchresult/{result.pk}/change/"


def _order(content: str) -> list[int]:
    return [int(p) for p in re.findall(r'<tr id="criterion-(\d+)"', content)]


def test_every_criterion_is_shown_with_its_reason_and_source_text(logged_in, d07):
    content = logged_in.get(_url(d07)).content.decode()
    rows = lines_of(d07)
    assert sorted(_order(content)) == sorted(r.position for r in rows) == list(range(len(d07.outcomes)))
    for r in rows:
        assert escape(r.reason) in content
        assert escape(r.text) in content


def test_failing_lines_come_first_then_unknown_then_the_rest(logged_in, d07):
    order = _order(logged_in.get(_url(d07)).content.decode())
    rows = {r.position: r for r in lines_of(d07)}

    def group(p):
        r = rows[p]
        fails = (r.type == "inclusion" and r.outcome == "not_met") or (r.type == "exclusion" and r.outcome == "met")
        return 0 if fails else 1 if r.outcome == "unknown" else 2

    groups = [group(p) for p in order]
    assert groups == sorted(groups) and groups[0] == 0 and 2 in groups
    assert order[0] == 6  # the LVEF line D07 fails


def test_an_exclusion_that_is_met_counts_as_failing(logged_in, api, make_results):
    first = make_results(api.eligo_client, 1)[0]
    exclusion = first.trial.current_criteria.criteria.filter(type="exclusion").order_by("position").first()
    row = make_results(
        api.eligo_client, 1, criteria=[(1, "met", False), (2, "unknown", False), (exclusion.position, "met", False)]
    )[0]
    assert _order(logged_in.get(_url(row)).content.decode())[0] == exclusion.position


def test_the_facts_used_are_shown_with_value_unit_and_date(logged_in, d07):
    content = logged_in.get(_url(d07)).content.decode()
    facts = content[content.index('id="facts"'):]
    assert "left ventricular ejection fraction" in facts
    assert "48 % on 2026-11-12" in facts


def test_a_concept_missing_from_the_record_is_listed_as_not_on_record(logged_in, d07):
    content = logged_in.get(_url(d07)).content.decode()
    missing = content[content.index('id="facts-missing"'):content.index('id="history"')]
    assert "NYHA class" in missing and "left ventricular ejection fraction" not in missing


def test_history_merges_people_and_matching_newest_first(logged_in, d07, coordinator):
    actions.set_status(d07, "under_review", coordinator)
    actions.add_note(d07, "asked the ward for a new echo", coordinator)
    history = [h.what for h in logged_in.get(_url(d07)).context["history"]]
    assert history == ["Note", "Review status: New → Under review", "Match appeared: Ineligible"]


def test_the_status_form_sets_the_status_and_the_page_shows_it(logged_in, d07, coordinator):
    response = logged_in.post(_url(d07), {"workflow": "status", "status-status": "contact_pending", "status-reason": ""},
                              follow=True)
    assert '<strong id="review-status">Contact pending</strong>' in response.content.decode()
    assert MatchEvent.objects.get(result=d07).actor == coordinator


def test_a_closing_status_without_a_reason_shows_the_error_and_changes_nothing(logged_in, d07):
    response = logged_in.post(_url(d07), {"workflow": "status", "status-status": "declined", "status-reason": ""})
    assert response.status_code == 200
    assert "This status closes the match: give a reason." in response.content.decode()
    d07.refresh_from_db()
    assert d07.review_status == "new"


def test_the_note_form_adds_a_note_shown_on_the_page(logged_in, d07):
    response = logged_in.post(_url(d07), {"workflow": "note", "note-text": "called the ward"}, follow=True)
    notes = response.content.decode()
    assert "called the ward" in notes[notes.index('id="notes"'):]


def test_the_assign_form_assigns_a_coordinator_of_the_client(logged_in, d07, coordinator):
    logged_in.post(_url(d07), {"workflow": "assign", "assign-assignee": str(coordinator.pk)})
    d07.refresh_from_db()
    assert d07.assigned_to == coordinator


def test_the_assign_form_refuses_someone_outside_the_client(logged_in, d07, make_user, other_client):
    outsider = make_user("olga", clients=[other_client.eligo_client])
    response = logged_in.post(_url(d07), {"workflow": "assign", "assign-assignee": str(outsider.pk)})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    d07.refresh_from_db()
    assert d07.assigned_to is None


def test_the_override_form_changes_the_line_and_the_eligibility_shown(logged_in, d07):
    response = logged_in.post(
        _url(d07),
        {"workflow": "override", "override-position": "6", "override-outcome": "met", "override-note": "echo 55% on paper"},
        follow=True,
    )
    content = response.content.decode()
    # the LVEF line was D07's only decided failure: the verdict shown is no longer ineligible,
    # and it is the one stored (what the other lines leave, as the parser reads them)
    d07.refresh_from_db()
    label = ELIGIBILITY_LABELS[d07.eligibility]
    assert d07.eligibility != "ineligible"
    assert f'<span class="badge b-{d07.eligibility}" id="eligibility">{label}</span>' in content
    assert "overridden by carol (v1): met: echo 55% on paper" in content


def test_ending_an_override_from_the_page_restores_the_line(logged_in, d07, coordinator):
    o = actions.override_criterion(d07, 6, "met", "echo 55% on paper", coordinator)
    response = logged_in.post(_url(d07), {"workflow": "end_override", "override_id": str(o.pk)}, follow=True)
    assert "Override v1 ended." in response.content.decode()
    d07.refresh_from_db()
    assert d07.eligibility == "ineligible"
