"""Trial writes record their actor (issue 16): the API's trial manager (its client's user) or the
staff user in admin, on the trial, on each criteria version and on each recorded change; an
import command or the seeds have none."""

from __future__ import annotations

import gzip
import json

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from tests.conftest import CORPUS
from trials.models import CriteriaVersion, Trial, TrialChange

pytestmark = pytest.mark.django_db

NCT = "NCT05563545"


def _user_of(api) -> User:
    return api.eligo_client.user


def test_a_study_posted_by_a_trial_manager_names_it_on_the_trial_and_its_version(manager):
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    assert manager.post("/api/v1/trials", study, format="json").status_code == 201
    trial = Trial.objects.get(nct_id=nct)
    assert trial.updated_by == _user_of(manager)
    assert trial.current_criteria.created_by == _user_of(manager)


def test_a_status_patch_names_the_manager_on_the_change_and_the_trial(manager, seeded):
    assert manager.patch(f"/api/v1/trials/{NCT}", {"status": "RECRUITING"}, format="json").status_code == 200
    change = TrialChange.objects.get(trial__nct_id=NCT)
    assert change.actor == _user_of(manager)
    assert Trial.objects.get(nct_id=NCT).updated_by == _user_of(manager)


def test_a_criteria_patch_names_the_manager_on_the_new_version_and_the_change(manager, make_client):
    """On a registry study without golden patients, so the new version is used at once."""
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        study = json.load(fh)[0]
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    make_client("trial-office-2", manage_trials=True).post("/api/v1/trials", study, format="json")
    lines = [{"type": "inclusion", "text": "Age 18 years or older"}]
    assert manager.patch(f"/api/v1/trials/{nct}", {"criteria": lines}, format="json").status_code == 200
    trial = Trial.objects.get(nct_id=nct)
    assert trial.current_criteria.number == 2
    assert trial.current_criteria.created_by == _user_of(manager)
    assert TrialChange.objects.get(trial=trial, kind="criteria").actor == _user_of(manager)


def test_seeds_and_import_commands_have_no_actor(seeded):
    assert not Trial.objects.filter(updated_by__isnull=False).exists()
    assert not CriteriaVersion.objects.filter(created_by__isnull=False).exists()


def _staff(client, *codenames: str) -> User:
    user = User.objects.create_user("tina", password="pw", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="trials", codename__in=codenames))
    client.force_login(user)
    return user


def test_a_status_changed_in_admin_names_the_staff_user(client, seeded):
    user = _staff(client, "change_trial", "view_trial")
    trial = Trial.objects.get(nct_id=NCT)
    url = reverse("admin:trials_trial_change", args=[trial.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(overall_status="RECRUITING")
    for prefix in ("condition_rows", "sites"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert TrialChange.objects.get(trial=trial).actor == user
    assert Trial.objects.get(pk=trial.pk).updated_by == user


def test_a_criterion_corrected_in_admin_names_the_staff_user_on_the_new_version(client, seeded):
    user = _staff(client, "change_criterion", "view_criteriaversion", "view_trial")
    trial = Trial.objects.get(nct_id="NCT05744440")
    line = trial.current_criteria.criteria.get(position=1)
    expr = {"node": "predicate", "concept": "life_expectancy", "op": "gt", "value": 13, "unit": "wk"}
    url = reverse("admin:trials_criteriaversion_correct_criterion", args=[line.pk])
    client.post(url, {"structured": json.dumps({"type": line.type, "text": line.text, "expr": expr})})
    trial.refresh_from_db()
    assert trial.current_criteria.number == line.version.number + 1
    assert trial.current_criteria.created_by == user
    assert TrialChange.objects.get(trial=trial, kind="criteria").actor == user
