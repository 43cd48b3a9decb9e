"""The queue in a real browser (Debian's Chromium, driven by Playwright): a coordinator logs in,
filters the queue, opens a match, changes its status, adds a note and an override, and the page
then shows all of it. Screenshots of both pages go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.admin_queue.conftest import post_patient
from tests.conftest import ROOT

# Transactional: the live server reads what the test wrote.
pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"
NCT = "NCT05744440"
# D01's one undecided line of NCT05744440 that is not for review: the organ-function line, unknown
# for want of an INR and a calcium in the record. Settling it makes the match eligible.
ORGAN_LINE = 6


@pytest.fixture
def queue_data(api, seeded, monkeypatch, make_user):
    """Three example patients matched in-process; no broker (the job is run here, not queued)."""
    monkeypatch.setattr("matcher.worker.dispatch.run_match_job", lambda job_id: None)
    for name in ("D01", "D03", "D06"):
        post_patient(api, name)
    return make_user("carol", clients=[api.eligo_client])


@pytest.fixture
def page(live_server, monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # after starting it are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
        # A query made while the loop runs opens its own connection (Django's connections are
        # per async context): close it here, or it keeps the test database from being dropped.
        connections.close_all()


def test_a_coordinator_works_a_match_from_the_queue(live_server, queue_data, page):
    from matcher.models import MatchResult

    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/matcher/matchresult/")
    page.fill("#id_username", "carol")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    assert page.locator("h1").inner_text() == "Match queue"

    # Filter: one trial.
    page.locator("#changelist-filter a", has_text=NCT).first.click()
    page.wait_for_url(re.compile(r"trial="))
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 2  # D01 and D03 are possibly eligible for it, D06 is not
    assert all(NCT in text for text in rows.all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "admin-queue.png"), full_page=True)

    # Open D01's match.
    rows.filter(has_text="D01").locator("th a, td a").first.click()
    page.wait_for_selector("#criteria")
    assert page.locator("#eligibility").inner_text() == "Possibly eligible"

    # A closing status without a reason is refused on the page, then a status is set.
    page.select_option("#id_status-status", "declined")
    page.click("button[value=status]")
    assert "This status closes the match: give a reason." in page.locator("#status-form").inner_text()
    page.select_option("#id_status-status", "under_review")
    page.click("button[value=status]")
    page.wait_for_selector(".messagelist")
    assert page.locator("#review-status").inner_text() == "Under review"

    # A note.
    page.fill("#id_note-text", "Asked the referring ward for the outside coagulation results.")
    page.click("button[value=note]")
    page.wait_for_selector(".messagelist")
    assert "Asked the referring ward" in page.locator("#notes").inner_text()

    # An override of the organ-function line.
    page.select_option("#id_override-position", str(ORGAN_LINE))
    page.select_option("#id_override-outcome", "met")
    page.fill("#id_override-note", "Outside lab 2026-11-18: INR 1.0, free calcium within range.")
    page.click("button[value=override]")
    page.wait_for_selector(".messagelist")

    assert page.locator("#eligibility").inner_text() == "Eligible"
    line = page.locator(f"#criterion-{ORGAN_LINE}").inner_text()
    assert "overridden by carol (v1): met: Outside lab 2026-11-18" in line
    assert page.locator("#review-status").inner_text() == "Under review"
    history = page.locator("#history").inner_text()
    assert "Eligibility changed: Possibly eligible → Eligible" in history
    assert "Review status: New → Under review" in history
    page.screenshot(path=str(ARTIFACTS / "admin-match.png"), full_page=True)
    page.screenshot(path=str(ARTIFACTS / "admin-match-top.png"))  # the first screen, as a coordinator sees it

    result = MatchResult.objects.get(patient__identifier_value__contains="D01", trial__nct_id=NCT)
    assert (result.eligibility, result.review_status) == ("eligible", "under_review")
