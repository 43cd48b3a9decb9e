"""Criteria versions as the engine reads them: stored rows -> ``TrialCriteria``. Used by the
match engine's compile (``matcher.matching.engine_cache``) and by rendering reasons on read
(``matcher.results.render``), so both judge a version from the same structure."""

from __future__ import annotations

from matcher.results.store import TrialRef
from rules_engine.criteria import Criterion as EngineCriterion
from rules_engine.criteria import TrialCriteria, criterion_from_json
from trials.models import Criterion


def load_criteria(trials: list[TrialRef]) -> list[TrialCriteria]:
    by_version: dict[int, list[Criterion]] = {}
    rows = Criterion.objects.filter(version_id__in=[t.version_pk for t in trials]).order_by("version_id", "position")
    for row in rows.only("version_id", "position", "type", "text", "parent_position", "structured"):
        by_version.setdefault(row.version_id, []).append(row)
    return [
        TrialCriteria(
            trial_id=t.nct_id,
            version=t.version,
            criteria=tuple(_criterion(row) for row in by_version.get(t.version_pk, [])),
        )
        for t in trials
    ]


def _criterion(row: Criterion) -> EngineCriterion:
    data = row.structured or {"type": row.type, "text": row.text, "expr": {"node": "review", "reason": "unparsed"}}
    return criterion_from_json({**data, "type": row.type, "text": row.text, "parent": row.parent_position})


