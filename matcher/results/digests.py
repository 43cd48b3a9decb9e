"""Digests that let a re-evaluation that changes nothing write nothing: of a patient's facts
(was the record different?) and of a verdict as it would be shown (is the result different?)."""

from __future__ import annotations

import hashlib
import json

from matcher.models import CriterionOverride
from rules_engine.outcome import TrialOutcome


def digest_of(data: object) -> str:
    return hashlib.md5(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def facts_digest(facts_json: dict) -> str:
    return digest_of(facts_json)


def verdict_digest(outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride]) -> str:
    """A job digests 1,000 trials' ~28,000 criterion outcomes: joined with NUL, which no stored
    text can hold (PostgreSQL refuses it, intake rejects it), they take 14 ms, as JSON 29 ms."""
    marks = sorted((i, o.pk) for i, o in overrides.items())
    head = repr((version_pk, str(outcome.eligibility), outcome.score, outcome.error or "", outcome.changes_on, marks))
    parts = [head]
    for c in outcome.criteria:
        parts += (c.outcome, "1" if c.review else "0", c.reason)
    return hashlib.md5("\0".join(parts).encode()).hexdigest()
