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
