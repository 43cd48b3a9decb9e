"""Digests that let a re-evaluation that changes nothing write nothing: of a patient's facts
(was the record different?) and of a verdict as it would be shown (is the result different?)."""

from __future__ import annotations

import base64
import hashlib
import json
from operator import attrgetter

from matcher.models import CriterionOverride
from rules_engine.outcome import TrialOutcome


def digest_of(data: object) -> str:
    return hashlib.md5(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def facts_digest(facts_json: dict) -> str:
    return digest_of(facts_json)


def verdict_digest(
    outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride], plain: bool = False
) -> str:
    """A job digests 1,000 trials' ~28,000 criterion outcomes: joined with NUL, which no stored
    text can hold (PostgreSQL refuses it, intake rejects it), they take 14 ms, as JSON 29 ms.

    Each line's part is its ``CriterionOutcome.verdict_bytes``, kept on the outcome object, and the
    parts are joined in C: measured over 6 patients x 1,000 trials (28,005 lines, ~8,000 distinct
    line objects a patient), digests and compact codes took 34-40 ms a patient when the parts
    were looked up by object id in a per-store dict, and ~15 ms this way (loaded machine).
    ``plain`` joins them field by field, the reference a test compares with: the text joined,
    and so the digest, is the same either way."""
    marks = sorted((i, o.pk) for i, o in overrides.items())
    head = repr((version_pk, str(outcome.eligibility), outcome.score, outcome.error or "", outcome.changes_on, marks))
    if plain:
        parts = [head]
        for c in outcome.criteria:
            parts += (c.outcome, "1" if c.review else "0", c.reason)
        data = "\0".join(parts).encode()
    elif outcome.criteria:
        data = head.encode() + b"\0" + b"\0".join(map(_VERDICT_BYTES, outcome.criteria))
    else:
        data = head.encode()
    return short_digest(hashlib.md5(data).digest())


_VERDICT_BYTES = attrgetter("verdict_bytes")


def short_digest(md5: bytes) -> str:
    """A verdict digest as stored: the first 64 bits of its MD5 in URL-safe base64, 11 characters.

    A result row is written ~1,000 times per new patient; the 32 hex characters were 33 of its
    ~240 bytes. The digest only tells whether one (patient, trial)'s new verdict differs from
    the one stored, so 64 bits leave a chance of 2^-64 per comparison of a change going
    unwritten. Its alphabet has no ':', so no engine digest equals an override's mark
    (``matcher.results.overrides``). Migration 0018 shortened the stored ones the same way."""
    return base64.urlsafe_b64encode(md5[:8]).decode().rstrip("=")
