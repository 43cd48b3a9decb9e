"""The lines of criteria versions, read once per process.

A criteria version never changes once stored, so its lines (criterion pk, parent, type and
text, in position order) can be kept for the life of the process: overrides are placed on
lines, and the curation counts read lines, for many results at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from trials.models import Criterion


class Line(NamedTuple):
    pk: int
    parent: int | None
    type: str
    text: str


_CACHE: dict[int, tuple[Line, ...]] = {}
_MAX_VERSIONS = 20000  # ~28 lines each; cleared, not evicted one by one, when full


def version_lines(version_pks: Iterable[int]) -> dict[int, tuple[Line, ...]]:
    wanted = set(version_pks)
    missing = wanted - _CACHE.keys()
    if missing:
        if len(_CACHE) + len(missing) > _MAX_VERSIONS:
            _CACHE.clear()
        found: dict[int, list[Line]] = {pk: [] for pk in missing}
        rows = Criterion.objects.filter(version_id__in=missing).order_by("version_id", "position")
        for version_id, pk, parent, type_, text in rows.values_list("version_id", "pk", "parent_position", "type", "text"):
            found[version_id].append(Line(pk, parent, type_, text))
        _CACHE.update({pk: tuple(lines) for pk, lines in found.items()})
    return {pk: _CACHE[pk] for pk in wanted}
