"""The suite runs in two xdist processes (``make test``); each must have its own Redis database,
or one process's Celery worker takes the other's match jobs and runs them against the wrong
test database."""

import pytest

from tests.environment import redis_url_for_process


@pytest.mark.parametrize(
    "url,worker,expected",
    [
        ("redis://127.0.0.1:6379/15", None, "redis://127.0.0.1:6379/15"),
        ("redis://127.0.0.1:6379/15", "gw0", "redis://127.0.0.1:6379/15"),
        ("redis://127.0.0.1:6379/15", "gw1", "redis://127.0.0.1:6379/14"),
        ("redis://127.0.0.1:6379/15", "gw3", "redis://127.0.0.1:6379/12"),
        ("redis://127.0.0.1:6379/0", "gw1", "redis://127.0.0.1:6379/15"),
        ("redis://127.0.0.1:6379", "gw1", "redis://127.0.0.1:6379/15"),
        ("redis://:pw@cache.internal:6380/4", "gw2", "redis://:pw@cache.internal:6380/2"),
        ("redis://127.0.0.1:6379/15", "master", "redis://127.0.0.1:6379/15"),
    ],
)
def test_each_xdist_process_but_the_first_counts_down_its_redis_database(url, worker, expected):
    assert redis_url_for_process(url, worker) == expected


def test_two_processes_never_share_a_database_whatever_the_first():
    for base in range(16):
        url = f"redis://127.0.0.1:6379/{base}"
        assert redis_url_for_process(url, "gw0") != redis_url_for_process(url, "gw1")
