"""Django's Redis cache with one Redis client per server, not one per call.

Measured in-process (a FHIR patient posted through the Django test client, bench/e2e.py's
database): Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache
call, ~62 us each (its response-callback tables), and a throttled call makes ~9 of them (two
throttles, each an add, an incr and a get): ~0.6 ms of a POST's ~13 ms of web CPU. A client only
wraps the server's connection pool and is safe to share between threads, so one per server
serves every call. ``tests/api/test_redis_cache.py`` pins the answers to Django's own client's.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        django: Any = self  # the pools are Django's own attributes, absent from its type stubs
        index = django._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = django._pools.get(index)
            if pool is None:  # made as Django's ``_get_connection_pool`` makes it
                pool = django._pools[index] = django._pool_class.from_url(django._servers[index], **django._pool_options)
            client = self._clients[index] = django._client(connection_pool=pool)
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


def count_in_window(cache: Any, key: str, previous_key: str, timeout: int) -> tuple[int, int]:
    """A throttle's window count, this call counted, and the previous window's count: the
    window's counter made at 0 if new (``add``), incremented (``incr``), and the previous one
    read (``get``, 0 when missing), as ``matcher.api.throttling`` counts.

    Through Django's Redis cache that is four round trips (its ``incr`` asks ``EXISTS`` first),
    twelve for a patient post's three throttles; on ``ReusedClientRedisCache`` with one server
    it is one pipeline of the same three commands (``SET NX EX``, ``INCRBY``, ``GET``): the
    counter exists when ``INCRBY`` runs, just made or kept by the ``SET`` before it, so the
    check ``incr`` makes cannot fail there. ``tests/api/test_redis_cache.py`` pins the counts
    to the plain calls'."""
    if not isinstance(cache, ReusedClientRedisCache) or len(cache._servers) != 1:  # type: ignore[attr-defined]
        return count_in_window_plain(cache, key, previous_key, timeout)
    keys: Any = cache  # Django's key making and client, absent from its type stubs
    made, before = keys.make_and_validate_key(key), keys.make_and_validate_key(previous_key)
    inner: Any = keys._cache
    pipe = inner.get_client(made, write=True).pipeline(transaction=False)
    pipe.set(made, inner._serializer.dumps(0), ex=timeout, nx=True)
    pipe.incr(made, 1)
    pipe.get(before)
    _, current, previous = pipe.execute()
    return current, 0 if previous is None else inner._serializer.loads(previous)


def count_in_window_plain(cache: Any, key: str, previous_key: str, timeout: int) -> tuple[int, int]:
    """``count_in_window`` through the cache's own calls (any backend)."""
    cache.add(key, 0, timeout=timeout)
    current = cache.incr(key)
    return current, cache.get(previous_key, 0)
