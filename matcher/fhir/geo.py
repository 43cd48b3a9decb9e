"""Distances from a US ZIP code to trial sites, offline.

The ZIP centroids come from the ``zipcodes`` package, which ships its data set inside the wheel
(no download at run time; ``pgeocode`` and ``uszipcode`` fetch theirs on first use, which this
service may not). Sites are located by the coordinates the registry record gives
(ClinicalTrials.gov ``geoPoint``, stored on ``trials.Site``); a site without them is not guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

EARTH_RADIUS_MILES = 3958.7613
_ZIP = re.compile(r"(\d{5})(?:-\d{4})?")


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def zip_centroid(zip_code: str) -> Point | None:
    """The centroid of a five-digit US ZIP (ZIP+4 reads as its first five), or None."""
    found = _ZIP.fullmatch(zip_code.strip()) if isinstance(zip_code, str) else None
    if found is None:
        return None
    import zipcodes  # the 42,000-row table loads on first use, not at import

    rows = zipcodes.matching(found.group(1))
    for row in rows:
        try:
            return Point(float(row["lat"]), float(row["long"]))
        except (KeyError, TypeError, ValueError):
            continue
    return None


def miles(a: Point, b: Point) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def nearest(origin: Point, sites: list[Point]) -> float | None:
    """Miles to the nearest of ``sites``; None when no site is geocoded."""
    return min((miles(origin, s) for s in sites), default=None)
