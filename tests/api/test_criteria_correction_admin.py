"""Correcting one criterion line's structure in admin: checked like the engine reads it, stored as
a new version, allowed only on the current version and only with ``change_criterion``."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils.html import escape

from trials import services
from trials.models import CriteriaVersion, Trial

pytestmark = pytest.mark.django_db

NCT = "NCT05744440"
EXPR = {"node": "predicate", "concept": "life_expectancy", "op": "gt", "value": 13, "unit": "wk"}


@pytest.fixture
def trial(seeded) -> Trial:
    return Trial.objects.get(nct_id=NCT)


@pytest.fixture
def coordinator(client):
    return _staff(client, "change_criterion", "view_criteriaversion", "view_trial")


def _staff(client, *codenames: str):
    user = User.objects.create_user("coordinator", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="trials", codename__in=codenames))
    client.force_login(user)
    return client


def _line(trial: Trial, position: int = 1):
    trial.refresh_from_db()
    return trial.current_criteria.criteria.get(position=position)


def _url(line) -> str:
    return reverse("admin:trials_criteriaversion_correct_criterion", args=[line.pk])


def _post(client, line, structured) -> object:
    body = structured if isinstance(structured, str) else json.dumps(structured)
    return client.post(_url(line), {"structured": body}, follow=True)


def test_the_form_shows_the_line_and_its_current_structure_pretty_printed(coordinator, trial):
    line = _line(trial)
    response = coordinator.get(_url(line))
    assert response.status_code == 200
    assert escape(line.text) in response.content.decode()
    assert escape(json.dumps(line.structured, indent=2)) in response.content.decode()


def test_a_valid_correction_makes_the_next_version_with_the_line_corrected_and_its_structure_stored(
    coordinator, trial
):
    line = _line(trial)
    number = trial.current_criteria.number
    _post(coordinator, line, {"expr": EXPR})
    corrected = _line(trial)
    assert trial.current_criteria.number == number + 1
    assert (corrected.corrected, corrected.review) == (True, False)
    assert corrected.structured == {"type": line.type, "text": line.text, "expr": EXPR, "corrected": True}


def test_a_valid_correction_redirects_to_the_new_version_and_names_its_number(coordinator, trial):
    number = trial.current_criteria.number
    response = _post(coordinator, _line(trial), {"expr": EXPR})
    new = CriteriaVersion.objects.get(trial=trial, number=number + 1)
    assert response.redirect_chain[-1][0] == reverse("admin:trials_criteriaversion_change", args=[new.pk])
    assert f"criteria are now v{number + 1}" in response.content.decode()


def test_a_correction_cannot_change_the_type_or_text_of_the_line(coordinator, trial):
    line = _line(trial)
    _post(coordinator, line, {"type": "exclusion", "text": "something else", "expr": EXPR})
    corrected = _line(trial)
    assert (corrected.structured["type"], corrected.structured["text"]) == (line.type, line.text)


def test_invalid_json_stores_nothing_and_names_the_problem(coordinator, trial):
    before = trial.current_criteria_id
    response = _post(coordinator, _line(trial), '{"expr": ')
    assert "Not valid JSON" in response.content.decode()
    assert _line(trial).version_id == before


def test_json_that_is_not_an_object_stores_nothing_and_says_so(coordinator, trial):
    before = trial.current_criteria_id
    response = _post(coordinator, _line(trial), [EXPR])
    assert "must be a JSON object" in response.content.decode()
    assert "not an array" in response.content.decode()
    assert _line(trial).version_id == before


def test_a_structure_the_engine_rejects_stores_nothing_and_names_the_path(coordinator, trial):
    before = trial.current_criteria_id
    response = _post(coordinator, _line(trial), {"expr": {**EXPR, "op": "bigger"}})
    assert escape("criterion.expr.op: unknown operator 'bigger'") in response.content.decode()
    assert _line(trial).version_id == before


def test_a_structure_missing_a_key_the_engine_needs_stores_nothing_and_names_the_key(coordinator, trial):
    before = trial.current_criteria_id
    expr = {"node": "predicate", "concept": "chemotherapy", "op": "within", "window": {"unit": "weeks"}}
    response = _post(coordinator, _line(trial), {"expr": expr})
    assert escape("missing key 'amount'") in response.content.decode()
    assert _line(trial).version_id == before


def test_staff_without_change_criterion_get_403_and_nothing_is_stored(client, trial):
    viewer = _staff(client, "view_criterion", "view_criteriaversion", "view_trial")
    before = trial.current_criteria_id
    line = _line(trial)
    assert viewer.get(_url(line)).status_code == 403
    assert viewer.post(_url(line), {"structured": json.dumps({"expr": EXPR})}).status_code == 403
    assert _line(trial).version_id == before


def test_a_line_of_an_old_version_cannot_be_corrected(coordinator, trial):
    old = _line(trial)
    services.correct_criterion(old, {"type": old.type, "text": old.text, "expr": EXPR, "corrected": True})
    current = _line(trial).version_id
    response = _post(coordinator, old, {"expr": {"node": "review", "reason": "judgement"}})
    assert "cannot be corrected" in response.content.decode()
    assert _line(trial).version_id == current


def test_only_lines_of_the_current_version_link_to_the_correction_form(coordinator, trial):
    old = _line(trial)
    services.correct_criterion(old, {"type": old.type, "text": old.text, "expr": EXPR, "corrected": True})
    new = _line(trial)
    page = reverse("admin:trials_criteriaversion_change", args=[new.version_id])
    assert _url(new) in coordinator.get(page).content.decode()
    old_page = coordinator.get(reverse("admin:trials_criteriaversion_change", args=[old.version_id])).content.decode()
    assert "/correct/" not in old_page


def test_the_trial_page_links_each_current_line_to_the_correction_form(coordinator, trial):
    content = coordinator.get(reverse("admin:trials_trial_change", args=[trial.pk])).content.decode()
    for line in trial.current_criteria.criteria.all():
        assert _url(line) in content
