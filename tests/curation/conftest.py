"""Curation fixtures: the queue's example patients matched in-process, and a curator."""

from __future__ import annotations

import pytest

from tests.admin_queue.conftest import make_user, post_patient  # noqa: F401 - fixtures shared with the queue

NCT = "NCT06559644"


@pytest.fixture
def curated(api, seeded, make_user, monkeypatch):  # noqa: F811
    """Three example patients matched against the seeds, no golden patients, and a curator
    allowed to change criteria."""
    from django.contrib.auth.models import Permission

    from trials.models import GoldenPatient

    monkeypatch.setattr("matcher.worker.dispatch.run_match_job", lambda job_id: None)
    GoldenPatient.objects.all().delete()
    patients = {name: post_patient(api, name) for name in ("D01", "D03", "D06")}
    user = make_user("cora", group=False)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="trials", codename__in=["change_criteriaversion", "view_trial"])
    )
    return patients
