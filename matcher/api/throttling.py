"""Per-client throttles: one client looping a call must not fill the shared queue or starve the
other hospitals (issue 16). Too many calls answer 429 with ``Retry-After`` (contract section 6).

Rates are ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` scopes, read at each call so settings
overrides apply: ``burst`` and ``sustained`` for every call, ``match`` for the calls that queue
match jobs. A request is counted against the calling API client (all its tokens together), an
admin session against its user, anything else against its address.

DRF's own rate throttle keeps a list of every request time per key and rewrites it on every
call (10,000 floats at a sustained rate of 10,000/hour); here each window is one atomic
counter in the cache, and the previous window's count weighs in by how much of it still
overlaps (the usual sliding-window estimate), so a client cannot double its rate at a window
boundary. If the cache is unreachable the call is let through and the failure logged: Redis
down already stops the queue, and refusing every call on top would only widen the outage.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from api_common.permissions import calling_client

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"120/min"`` -> (120, 60)."""
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()]


class ClientRateThrottle(BaseThrottle):
    scope = ""
    methods: frozenset[str] | None = None  # None: every method

    def __init__(self) -> None:
        self._wait: float | None = None

    def rate(self) -> str | None:
        # DRF reloads api_settings when REST_FRAMEWORK changes, so overrides apply at once.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def ident(self, request: Request) -> str:
        client = calling_client(request)
        if client is not None:
            return f"client:{client.pk}"
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return f"user:{user.pk}"
        return f"addr:{self.get_ident(request)}"

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.methods is not None and request.method not in self.methods:
            return True
        rate = self.rate()
        if not rate:
            return True
        limit, window = parse_rate(rate)
        try:
            return self._count(self.ident(request), limit, window)
        except Exception:  # the cache is down: let the call through, say so (no identifiers)
            logger.warning("throttle %s: cache unavailable, call let through", self.scope, exc_info=True)
            return True

    def _count(self, ident: str, limit: int, window: int) -> bool:
        now = time.time()
        index, elapsed = divmod(now, window)
        key = f"throttle:{self.scope}:{ident}:{int(index)}"
        cache.add(key, 0, timeout=2 * window + 1)
        current = cache.incr(key)
        previous = cache.get(f"throttle:{self.scope}:{ident}:{int(index) - 1}", 0)
        remaining = (window - elapsed) / window  # the part of the previous window still in view
        if previous * remaining + current <= limit:
            return True
        cache.decr(key)  # a refused call does not use up the budget
        self._wait = self._retry_after(previous, current - 1, limit, window, elapsed)
        return False

    @staticmethod
    def _retry_after(previous: int, current: int, limit: int, window: int, elapsed: float) -> float:
        """Seconds until one more call fits: while the previous window's weight fades, or
        else in the next window once this one's weight has faded enough."""
        room = limit - 1 - current
        if previous > 0 and room >= 0:
            # previous * (window - elapsed - t) / window <= room
            return max(0.0, (window - elapsed) - room * window / previous)
        # in the next window at offset s: current * (window - s) / window <= limit - 1
        offset = max(0.0, window * (1 - (limit - 1) / current)) if current else 0.0
        return (window - elapsed) + offset

    def wait(self) -> float | None:
        return None if self._wait is None else max(1, math.ceil(self._wait))


class ClientBurstThrottle(ClientRateThrottle):
    scope = "burst"


class ClientSustainedThrottle(ClientRateThrottle):
    scope = "sustained"


class MatchQueueThrottle(ClientRateThrottle):
    """The calls that queue match jobs (patient posts, POST /patients/{id}/match)."""

    scope = "match"
    methods = frozenset({"POST"})


# For the views that queue match jobs: the defaults and the tighter scope.
MATCH_QUEUE_THROTTLES = [ClientBurstThrottle, ClientSustainedThrottle, MatchQueueThrottle]
