"""The evaluation date. The one seam for the clock: tests (and a re-run of a past evaluation)
pin it with ``ELIGO_TODAY=YYYY-MM-DD``; otherwise it is today in the server's time zone."""

from __future__ import annotations

import os
from datetime import date

from django.utils import timezone


def today() -> date:
    pinned = os.environ.get("ELIGO_TODAY")
    return date.fromisoformat(pinned) if pinned else timezone.localdate()
