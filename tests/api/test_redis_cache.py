"""The shared cache keeps one Redis client per server (``matcher.config.redis_cache``): its
answers are Django's own Redis cache's, call for call, on a real Redis."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache.backends.redis import RedisCache

from matcher.config.redis_cache import ReusedClientRedisCache

URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"

# (what is done, how) in order: each step's answer is compared between the two caches
STEPS: list[tuple[str, Callable[[Any], Any]]] = [
    ("get of a missing key gives the default", lambda c: c.get("a", "none")),
    ("add of a new key", lambda c: c.add("a", 0, timeout=60)),
    ("add of a held key", lambda c: c.add("a", 5, timeout=60)),
    ("incr", lambda c: c.incr("a")),
    ("incr by 3", lambda c: c.incr("a", 3)),
    ("decr", lambda c: c.decr("a")),
    ("get", lambda c: c.get("a")),
    ("set then get a structure", lambda c: (c.set("b", {"x": [1, 2]}, timeout=60), c.get("b"))),
    ("get_many", lambda c: c.get_many(["a", "b", "missing"])),
    ("has_key", lambda c: (c.has_key("a"), c.has_key("missing"))),
    ("touch", lambda c: (c.touch("a", 60), c.touch("missing", 60))),
    ("delete", lambda c: (c.delete("a"), c.delete("a"), c.get("a"))),
]


@pytest.fixture
def both() -> Iterator[tuple[RedisCache, RedisCache]]:
    run = uuid.uuid4().hex[:12]
    reused = ReusedClientRedisCache(URL, {"KEY_PREFIX": f"reused-{run}"})
    plain = RedisCache(URL, {"KEY_PREFIX": f"plain-{run}"})
    yield reused, plain
    for cache in (reused, plain):
        cache.delete_many(["a", "b"])


@pytest.mark.parametrize("index", range(len(STEPS)), ids=[what for what, _ in STEPS])
def test_each_answer_is_the_one_djangos_redis_cache_gives(both, index: int) -> None:
    reused, plain = both
    for _, step in STEPS[:index]:
        step(reused), step(plain)
    _, step = STEPS[index]
    assert step(reused) == step(plain)


def test_calls_share_one_client_per_server(both) -> None:
    reused, _ = both
    client = reused._cache.get_client("a", write=True)
    reused.set("a", 1, timeout=60)
    assert reused._cache.get_client("a") is client
    assert reused._cache.get_client("b", write=True) is client


def test_incr_of_a_missing_key_raises_as_djangos_does(both) -> None:
    reused, plain = both
    for cache in (reused, plain):
        with pytest.raises(ValueError):
            cache.incr("missing")
