"""A coordinator's criterion overrides applied to the engine's verdict: when storing a
re-evaluation (each override re-applied, or ended by newer data), at once when a person adds
or lifts one, and to the lines shown (``matcher.results.render``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from django.utils import timezone

from matcher.db.arrays import AnyOf
from matcher.models import (
    CriterionOverride,
    MatchChange,
    MatchEvent,
    MatchResult,
)
from matcher.results import compact
from matcher.results.digests import digest_of
from matcher.results.lines import version_lines
from rules_engine.assemble import verdict
from rules_engine.facts import PatientFacts
from rules_engine.outcome import (
    ELIGIBILITY_RANK,
    CriterionOutcome,
    Outcome,
    TrialOutcome,
)


def _lapsed(override: CriterionOverride, facts: PatientFacts) -> bool:
    """Newer data for one of the criterion's concepts ends a person's override of it."""
    since = override.created.date()
    for concept in override.concepts:
        dated = [m.date for m in facts.measurements.get(concept, ())] + [e.date for e in facts.events.get(concept, ())]
        if any(d is not None and d > since for d in dated):
            return True
    return False


def apply_overrides(
    outcome: TrialOutcome, overrides: dict[int, CriterionOverride], parents: Sequence[int | None]
) -> TrialOutcome:
    """The outcome with each overridden criterion set as the coordinator said, the reason
    saying so, and eligibility and score decided again from the top-level criteria."""
    if not overrides:
        return outcome
    return decided(outcome, overridden(outcome.criteria, overrides), parents)


def overridden(criteria: Sequence[CriterionOutcome], overrides: dict[int, CriterionOverride]) -> tuple[CriterionOutcome, ...]:
    found = list(criteria)
    for index, o in overrides.items():
        if index >= len(found):
            continue
        c = found[index]
        who = o.author.get_username() if o.author_id and o.author else "a coordinator"
        found[index] = replace(
            c,
            outcome=Outcome(o.outcome),
            review=False,
            reason=f"overridden by {who} (v{o.version}): {o.outcome.replace('_', ' ')}: {o.note} [engine: {c.outcome}: {c.reason}]",
        )
    return tuple(found)


def decided(outcome: TrialOutcome, criteria: tuple[CriterionOutcome, ...], parents: Sequence[int | None]) -> TrialOutcome:
    eligible, points = verdict(criteria, parents)
    return replace(outcome, criteria=criteria, eligibility=eligible, score=points)


def active_overrides(result_ids: Iterable[int]) -> dict[int, list[CriterionOverride]]:
    found: dict[int, list[CriterionOverride]] = {}
    ids = list(result_ids)
    if not ids:  # a new patient's job holds no result yet: no statement (~1 ms of its CPU)
        return found
    rows = CriterionOverride.objects.filter(AnyOf("result_id", ids), active=True).select_related("author")
    for o in rows:
        found.setdefault(o.result_id, []).append(o)
    return found


def overrides_by_index(
    found: list[CriterionOverride], outcome: TrialOutcome, facts: PatientFacts, lapsed: list[CriterionOverride]
) -> dict[int, CriterionOverride]:
    if not found:
        return {}
    index_of = {(c.type, c.text): c.index for c in outcome.criteria}
    by_index: dict[int, CriterionOverride] = {}
    for o in found:
        index = index_of.get((o.criterion_type, o.criterion_text))
        if index is None:
            continue  # the line left the criteria; the override waits in case it returns
        if _lapsed(o, facts):
            lapsed.append(o)
            continue
        by_index[index] = o
    return by_index


def end_lapsed(lapsed: list[CriterionOverride]) -> None:
    """Newer data ended these overrides: say so where the coordinator reads the history."""
    reason = "the patient's record brought newer data for this criterion"
    CriterionOverride.objects.filter(pk__in=[o.pk for o in lapsed]).update(active=False, ended_reason=reason)
    MatchEvent.objects.bulk_create(
        MatchEvent(
            result_id=o.result_id, actor=None, kind=MatchEvent.Kind.OVERRIDE,
            old_value=f"{o.outcome} (v{o.version})", new_value="override ended", text=reason,
        )
        for o in lapsed
    )


class Worded(Protocol):
    """A line's type and text: a version's ``Line`` or an evaluated ``CriterionOutcome``."""

    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str: ...


def placed(lines: Sequence[Worded], overrides: Iterable[CriterionOverride]) -> dict[int, CriterionOverride]:
    """Where each override lands among a version's lines (0-based position), matched by type
    and text as re-matching matches it; an override whose line left the criteria lands nowhere.
    The newest override of a line wins; a text that repeats lands on its last line, as the store
    path maps it."""
    index_of = {(line.type, line.text): i for i, line in enumerate(lines)}
    found: dict[int, CriterionOverride] = {}
    for o in sorted(overrides, key=lambda o: (o.created, o.pk)):
        index = index_of.get((o.criterion_type, o.criterion_text))
        if index is not None:
            found[index] = o
    return found


def recompute_result(result: MatchResult) -> MatchChange | None:
    """After a person added or lifted an override: the result's eligibility, score and unknown
    count reflect it at once, without waiting for a re-match, decided from the stored engine
    outcomes with the overrides now active (no reasons are needed for that). Returns the
    change of eligibility, unsaved, for the caller to record with its webhook deliveries (None
    when eligibility stayed)."""
    lines = version_lines([result.criteria_version_id])[result.criteria_version_id]
    by_index = placed(lines, CriterionOverride.objects.filter(result=result, active=True))
    codes = compact.effective(result.outcomes, {i: o.outcome for i, o in by_index.items()})
    criteria = tuple(
        CriterionOutcome(i, line.type, line.text, outcome, review, "")
        for i, (line, (outcome, review)) in enumerate(zip(lines, compact.decode(codes), strict=False))
    )
    old = result.eligibility
    if criteria:  # a trial whose evaluation raised has no lines, and keeps its verdict
        eligible, points = verdict(criteria, [line.parent for line in lines])
        result.eligibility = str(eligible)
        result.eligibility_rank = ELIGIBILITY_RANK[eligible]
        result.score = round(points, 4)
    result.unknown_count = sum(1 for c in criteria if c.outcome is Outcome.UNKNOWN)
    # Not the digest of any engine verdict: the next re-match rewrites the row, re-applying
    # whichever overrides are then active.
    result.digest = "o:" + digest_of(sorted(o.pk for o in by_index.values()))[:9]
    result.last_changed = timezone.now()
    result.save(update_fields=["eligibility", "eligibility_rank", "score", "unknown_count", "digest", "last_changed"])
    if old == result.eligibility:
        return None
    return MatchChange(
        patient_id=result.patient_id, result=result, trial_id=result.trial_id, kind=MatchChange.Kind.CHANGED,
        cause=MatchChange.Cause.OVERRIDE, old_eligibility=old, new_eligibility=result.eligibility,
    )
