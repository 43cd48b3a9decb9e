"""Per-client throttles: too many calls answer 429 with Retry-After (contract section 6), counted
per API client in the shared cache, with a tighter rate for the calls that queue match jobs."""

from __future__ import annotations

import json

import pytest
from django.conf import settings as django_settings

from matcher.api.throttling import ClientRateThrottle, parse_rate
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    """Set throttle rates for one test (the suite runs unthrottled otherwise)."""

    def set_rates(**scopes: str) -> None:
        current = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {**current, **scopes},
        }

    return set_rates


def post_patient(api, identifier: str = "p-1"):
    bundle = json.loads((EXAMPLES / "patients" / "D01.json").read_text())
    bundle["entry"][0]["resource"]["identifier"] = [{"system": "urn:test", "value": identifier}]
    return api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json")


def test_the_throttles_count_in_a_cache_every_web_process_shares():
    assert django_settings.CACHES["default"]["BACKEND"] == "matcher.config.redis_cache.ReusedClientRedisCache"


def test_calls_past_the_burst_rate_answer_429_with_retry_after(api, rates):
    rates(burst="3/min")
    assert [api.get("/api/v1/trials").status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get("/api/v1/trials")
    assert refused.status_code == 429
    # Within two windows: the sliding estimate still weighs this window's calls in the next one.
    assert 1 <= int(refused["Retry-After"]) <= 120
    assert "throttled" in refused.json()["error"]


def test_the_sustained_rate_applies_too(api, rates):
    rates(sustained="2/hour")
    assert [api.get("/api/v1/trials").status_code for _ in range(3)] == [200, 200, 429]
    assert 1 <= int(api.get("/api/v1/trials")["Retry-After"]) <= 2 * 3600


def test_one_client_being_throttled_leaves_another_alone(make_client, rates):
    rates(burst="2/min")
    noisy, quiet = make_client(), make_client()
    assert [noisy.get("/api/v1/trials").status_code for _ in range(3)] == [200, 200, 429]
    assert quiet.get("/api/v1/trials").status_code == 200


def test_patient_posts_and_match_requests_share_a_tighter_rate(api, rates):
    rates(match="3/min")
    first = post_patient(api, "p-1")
    assert first.status_code == 201
    assert post_patient(api, "p-2").status_code == 201
    patient = first.json()["id"]
    assert api.post(f"/api/v1/patients/{patient}/match").status_code == 202
    refused = api.post(f"/api/v1/patients/{patient}/match")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert post_patient(api, "p-3").status_code == 429
    # Reads are not counted against the match rate.
    assert api.get(f"/api/v1/patients/{patient}").status_code == 200


def test_a_refused_call_does_not_use_up_the_budget_of_the_next_window(api, rates):
    """Hammering while refused must not push the client's recovery further out."""
    rates(burst="2/day")  # a day's window: no window boundary falls inside the test
    for _ in range(2):
        api.get("/api/v1/trials")
    waits = [int(api.get("/api/v1/trials")["Retry-After"]) for _ in range(5)]
    # Counted, each refusal would push the wait hours further out.
    assert max(waits) - min(waits) <= 2


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("120/min", (120, 60)), ("5/s", (5, 1)), ("20000/hour", (20000, 3600)), ("10/day", (10, 86400))],
)
def test_rates_are_read_as_calls_per_period(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize(
    ("previous", "current", "limit", "elapsed", "expected"),
    [
        # the previous window's weight fades: one more call fits once 3 of its 10 calls have faded
        (10, 0, 8, 0.0, 18.0),
        # the current window alone is full: the next window, once this one's weight has faded
        (0, 8, 8, 30.0, 30.0 + 60 * (1 - 7 / 8)),
    ],
)
def test_retry_after_is_when_the_next_call_would_fit(previous, current, limit, elapsed, expected):
    assert ClientRateThrottle._retry_after(previous, current, limit, 60, elapsed) == pytest.approx(expected)


def test_the_fhir_match_operation_counts_against_the_match_rate(api, rates):
    rates(match="1/min")
    bundle = (EXAMPLES / "patients" / "D01.json").read_text()
    assert post_patient(api, "p-1").status_code == 201
    refused = api.post("/api/v1/fhir/match", bundle, content_type="application/fhir+json")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
