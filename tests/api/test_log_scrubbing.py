"""Database error detail never reaches the logs (issue 16, data hygiene): PostgreSQL's DETAIL
quotes the row (a unique violation names the patient's identifier) and Django's SQL log
interpolates every parameter. Checked through the handlers the settings configure, on a real
unique violation."""

from __future__ import annotations

import io
import logging
import sys

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction

from matcher.models import ApiClient, Patient

pytestmark = pytest.mark.django_db

SECRET = "MRN-7731-SCRUB-ME"


@pytest.fixture
def log_output():
    """What the configured console handler writes, swapped into a buffer."""
    buffer = io.StringIO()
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
    assert handlers, "the settings configure a console handler"
    old = [h.setStream(buffer) for h in handlers]
    yield buffer
    for handler, stream in zip(handlers, old, strict=True):
        handler.setStream(stream)


def _unique_violation() -> tuple:
    client = ApiClient.objects.create(name="scrub", user=get_user_model().objects.create(username="scrub"))
    fields = {"client": client, "identifier_system": "urn:test", "identifier_value": SECRET, "format": "fhir", "record": {}, "facts": {}}
    Patient.objects.create(**fields)
    try:
        with transaction.atomic():
            Patient.objects.create(**fields)
    except IntegrityError:
        return sys.exc_info()
    raise AssertionError("no unique violation")


def test_the_violation_itself_quotes_the_identifier():
    """The premise: without the filter, the identifier would be in the log line."""
    _, exc, _ = _unique_violation()
    assert SECRET in str(exc)


@pytest.mark.parametrize("logger", ["django.request", "django.db.backends", "celery.app.trace", "matcher"])
def test_a_logged_unique_violation_keeps_its_kind_and_loses_its_detail(log_output, logger):
    exc_info = _unique_violation()
    logging.getLogger(logger).error("Internal Server Error: /api/v1/patients", exc_info=exc_info)
    text = log_output.getvalue()
    assert "Internal Server Error" in text
    assert "IntegrityError" in text and "sqlstate 23505" in text
    assert "patient_unique_identifier_per_client" in text  # the constraint's name is schema, not data
    assert SECRET not in text
    assert "DETAIL" not in text


def test_a_violation_passed_as_an_argument_loses_its_detail(log_output):
    _, exc, _ = _unique_violation()
    logging.getLogger("matcher").warning("store failed: %s (%r)", exc, str(exc))
    text = log_output.getvalue()
    assert "store failed" in text
    assert SECRET not in text


def test_celery_style_failure_records_lose_the_detail(log_output):
    """Celery logs a task's failure with a dict of arguments holding the exception's repr."""
    _, exc, _ = _unique_violation()
    logging.getLogger("celery.app.trace").error(
        "Task %(name)s[%(id)s] raised unexpected: %(exc)s", {"name": "matcher.tasks.run_match_job", "id": "x", "exc": repr(exc)}
    )
    text = log_output.getvalue()
    assert "raised unexpected" in text
    assert SECRET not in text


def test_the_sql_log_masks_literals_and_drops_parameters(log_output):
    logger, root = logging.getLogger("django.db.backends"), logging.getLogger()
    levels = logger.level, root.level
    logger.setLevel(logging.DEBUG)
    root.setLevel(logging.DEBUG)
    connection.force_debug_cursor = True
    try:
        assert Patient.objects.filter(identifier_value=SECRET).count() == 0
    finally:
        connection.force_debug_cursor = False
        logger.setLevel(levels[0])
        root.setLevel(levels[1])
    text = log_output.getvalue()
    assert "matcher_patient" in text  # the query is still logged
    assert SECRET not in text
