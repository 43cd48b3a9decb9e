"""The curators' admin pages: a trial's lines with source, rule and counts; the live check of a
rule; saving; held versions and publishing; the worklist."""

from __future__ import annotations

import json

import pytest

from matcher.models import MatchResult
from matcher.results.render import lines_of
from tests.curation.conftest import NCT
from trials.models import CriteriaVersion, GoldenPatient, Trial

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, curated):
    client.login(username="cora", password="pw")
    return client


def _validate(browser, position, rule):
    response = browser.post(
        f"/admin/curation/trial/{NCT}/validate", json.dumps({"position": position, "rule": rule}), content_type="application/json"
    )
    assert response.status_code == 200
    return response.json()


def test_the_trial_page_shows_source_rule_and_counts_per_line(browser):
    trial = Trial.objects.get(nct_id=NCT)
    page = browser.get(f"/admin/curation/trial/{NCT}/").content.decode()
    first = trial.current_criteria.criteria.get(position=0)
    from django.utils.html import escape

    assert escape(first.text[:30]) in page
    stored = [line for r in MatchResult.objects.filter(trial=trial, state="active") for line in lines_of(r)[:1]]
    met = sum(1 for line in stored if line.outcome == "met")
    assert len(stored) == 3 and f"met {met}</span>" in page
    assert 'name="rule"' in page


def test_a_rule_that_does_not_parse_answers_line_column_and_expectation(browser):
    answer = _validate(browser, 1, "age >=")
    assert answer["ok"] is False
    assert (answer["error"]["line"], answer["error"]["column"]) == (1, 7)
    assert "a number" in answer["error"]["message"]


def test_a_rule_that_parses_previews_the_verdicts_it_would_change(browser):
    before = dict(MatchResult.objects.filter(trial__nct_id=NCT).values_list("patient_id", "eligibility"))
    answer = _validate(browser, 1, "age > 200 years")  # an inclusion no patient meets
    assert answer["ok"] is True
    preview = answer["preview"]
    should_change = sum(1 for v in before.values() if v != "ineligible")
    assert (preview["patients"], preview["changed"]) == (3, should_change)
    assert {e["to"] for e in preview["examples"]} == {"ineligible"}
    assert len(preview["examples"]) == min(should_change, 5)


def test_an_unchanged_rule_previews_no_change(browser):
    trial = Trial.objects.get(nct_id=NCT)
    from trials.curation_api import rule_of

    rule = rule_of(trial.current_criteria.criteria.get(position=0))
    assert _validate(browser, 1, rule)["preview"]["changed"] == 0


def test_saving_a_rule_makes_a_version_and_a_held_one_can_be_published(browser):
    trial = Trial.objects.get(nct_id=NCT)
    number = trial.current_criteria.number
    response = browser.post(f"/admin/curation/trial/{NCT}/save", {"position": 1, "rule": "age >= 18 years", "version": number})
    assert response.status_code == 302
    trial.refresh_from_db()
    assert trial.current_criteria.number == number + 1
    assert trial.current_criteria.criteria.get(position=0).corrected

    GoldenPatient.objects.create(trial=trial, name="nobody is eligible", patient=json.loads(
        (__import__("tests.conftest", fromlist=["EXAMPLES"]).EXAMPLES / "patients" / "D01.json").read_text()), expected="eligible")
    browser.post(f"/admin/curation/trial/{NCT}/save", {"position": 1, "rule": "age > 200 years", "version": number + 1})
    held = CriteriaVersion.objects.get(trial=trial, number=number + 2)
    assert held.held and held.disagreements
    page = browser.get(f"/admin/curation/trial/{NCT}/").content.decode()
    assert f"Version {number + 2} is held" in page and "nobody is eligible" in page
    browser.post(f"/admin/curation/trial/{NCT}/versions/{number + 2}/publish")
    held.refresh_from_db()
    assert (held.held, held.published_by.username) == (False, "cora")


def test_the_worklist_ranks_lines_by_undecided_verdicts(browser):
    page = browser.get("/admin/curation/worklist/")
    assert page.status_code == 200
    from matcher.curation.lines import worklist

    rows = worklist()
    assert rows == sorted(rows, key=lambda r: -r["undecided"])
    for row in rows:
        counted = sum(
            1
            for r in MatchResult.objects.filter(trial__nct_id=row["trial"], eligibility="possibly_eligible", state="active")
            if lines_of(r)[row["position"] - 1].outcome == "unknown"
        )
        assert counted == row["undecided"]
    assert not any(r["trial"] in {"NCT05563545", "NCT04094766"} for r in rows)  # closed trials


def test_the_trials_admin_page_links_to_its_curation_page(admin_client, seeded):
    trial = Trial.objects.get(nct_id=NCT)
    page = admin_client.get(f"/admin/trials/trial/{trial.pk}/change/").content.decode()
    assert f'href="/admin/curation/trial/{NCT}/"' in page


def test_only_curators_reach_the_pages(client, curated, make_user):
    make_user("plain", group=False)
    client.login(username="plain", password="pw")
    assert client.get(f"/admin/curation/trial/{NCT}/").status_code == 403
    assert client.post(f"/admin/curation/trial/{NCT}/validate", "{}", content_type="application/json").status_code == 403
