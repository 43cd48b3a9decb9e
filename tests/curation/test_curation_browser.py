"""Curation in a real browser (Debian's Chromium, driven by Playwright): a curator opens a
trial, types a rule that does not parse and sees the error under the box, fixes it and sees
which verdicts it would change, saves; a golden patient holds the next edit, and the curator
publishes it. Screenshots go to test-artifacts/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.curation.conftest import NCT

pytestmark = pytest.mark.django_db(transaction=True)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def page(live_server, monkeypatch):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)")
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
        connections.close_all()


def test_a_curator_edits_a_rule_and_publishes_a_held_version(live_server, curated, page):
    from trials.models import CriteriaVersion, GoldenPatient, Trial

    ARTIFACTS.mkdir(exist_ok=True)
    trial = Trial.objects.get(nct_id=NCT)
    number = trial.current_criteria.number
    page.goto(f"{live_server.url}/admin/login/?next=/admin/curation/trial/{NCT}/")
    page.fill("#id_username", "cora")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    row = page.locator("#line-1")
    assert "met" in row.locator(".counts").inner_text()
    box = row.locator("textarea")

    box.fill("age >=")
    error = row.locator(".rule-error")
    page.wait_for_function("document.querySelector('#line-1 .rule-error').textContent.length > 0")
    assert re.search(r"line 1, column 7: .*a number", error.inner_text())
    assert row.locator("input[type=submit]").is_disabled()
    page.screenshot(path=str(ARTIFACTS / "curation-rule-error.png"), full_page=False)

    box.fill("age between 18 and 70 exclusive years")
    page.wait_for_function("document.querySelector('#line-1 .preview').textContent.includes('current patients')")
    assert error.inner_text() == ""
    assert "of 3 current patients' verdicts would change" in row.locator(".preview").inner_text()
    page.screenshot(path=str(ARTIFACTS / "curation-rule-preview.png"), full_page=False)
    row.locator("input[type=submit]").click()
    page.wait_for_selector(".messagelist")
    assert f"saved as version {number + 1}" in page.locator(".messagelist").inner_text()
    assert "corrected" in page.locator("#line-1").inner_text()

    # a golden patient expecting what the version gives now holds an edit that changes it
    GoldenPatient.objects.create(
        trial=trial, name="D01 example", patient=json.loads((EXAMPLES / "patients" / "D01.json").read_text()),
        expected="possibly_eligible",
    )
    from trials.golden import check_version

    rows = [dict(r) for r in CriteriaVersion.objects.get(trial=trial, number=number + 1).criteria.order_by("position")
            .values("type", "text", "parent_position", "structured")]
    check_version(NCT, number + 1, rows, list(GoldenPatient.objects.filter(trial=trial)))
    golden = GoldenPatient.objects.get(trial=trial)
    golden.expected = golden.last_run["verdict"]
    golden.save()

    page.reload()
    box = page.locator("#line-1 textarea")
    box.fill("age > 200 years")
    page.wait_for_function("document.querySelector('#line-1 .preview').textContent.includes('current patients')")
    page.locator("#line-1 input[type=submit]").click()
    page.wait_for_selector(f"#held-{number + 2}")
    held = page.locator(f"#held-{number + 2}")
    assert "D01 example" in held.inner_text() and "expected" in held.inner_text()
    page.screenshot(path=str(ARTIFACTS / "curation-held-version.png"), full_page=True)
    assert page.locator("#version-in-use").inner_text() == str(number + 1)

    held.locator("input[type=submit]").click()
    page.wait_for_selector(".messagelist")
    assert f"Version {number + 2} published" in page.locator(".messagelist").inner_text()
    assert page.locator("#version-in-use").inner_text() == str(number + 2)
    version = CriteriaVersion.objects.get(trial=trial, number=number + 2)
    assert (version.held, version.published_by.username) == (False, "cora")
