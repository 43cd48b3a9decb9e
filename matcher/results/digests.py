"""Digests that let a re-evaluation that changes nothing write nothing: of a patient's facts
(was the record different?) and of a verdict as it would be shown (is the result different?)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from operator import attrgetter

from matcher.models import CriterionOverride
from rules_engine.outcome import TrialOutcome


def digest_of(data: object) -> str:
    return hashlib.md5(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def facts_digest(facts_json: dict) -> str:
    return digest_of(facts_json)


# A verdict digest as this code writes it starts with this mark, which neither URL-safe base64
# (the older format, ``legacy_verdict_digest``) nor an override's ``o:`` starts with.
LINE_DIGESTS = "."


def verdict_digest(
    outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride], plain: bool = False
) -> str:
    """The MD5 of the verdict's head (version, eligibility, score, error, change date, overrides)
    and of each line's own digest (``CriterionOutcome.verdict_md5``: 8 bytes of the MD5 of its
    outcome, review bit and reason, kept on the line object; joined in ``TrialOutcome.lines_md5``),
    stored as ``.`` and 60 of its bits in 10 URL-safe base64 characters: 11 characters, as the
    older format.

    Measured in-process on bench/e2e.py's 1,000 trials (a new patient's job, ~700 results of
    ~28 lines, ~2.5 MB of verdict text): hashing every line's text for each result
    (``legacy_verdict_digest``) was ~20 of the job's ~145 ms of worker CPU; each line object is
    hashed once (the engine hands one object for a line repeated across trials and patients
    judged alike) and a result hashes ~220 bytes. A line whose text changes changes its 8 bytes
    but for a chance of 2^-64, the digest but for 2^-60. ``plain`` hashes each line from its
    fields, the reference a test compares with."""
    if not plain and not overrides:
        return _digest_unoverridden(outcome, version_pk)
    head = _head(outcome, version_pk, overrides).encode()
    if plain:
        lines = [
            hashlib.md5("\0".join((c.outcome.value, "1" if c.review else "0", c.reason)).encode()).digest()[:8]
            for c in outcome.criteria
        ]
        data = head + b"\0" + b"".join(lines)
    else:
        data = head + b"\0" + outcome.lines_md5
    return LINE_DIGESTS + short_digest(hashlib.md5(data).digest())[:10]


# The heads of verdicts without overrides, by (version, eligibility, score, error, change
# date): a trial's verdicts take a few of them, patient after patient. Bounded: cleared when full.
_HEADS: dict[tuple[object, ...], bytes] = {}
_HEADS_MAX = 50_000
_URL_SAFE = bytes.maketrans(b"+/", b"-_")


def _digest_unoverridden(outcome: TrialOutcome, version_pk: int) -> str:
    """``verdict_digest(outcome, version_pk, {})``, each head made once and the 60 bits written
    in C (``short_digest(...)[:10]``, without its padding and the slice of the text).

    Measured in-process (bench/job_cpu.py, bench/e2e.py's database, machine under load): a new
    patient's ~690 digests were ~7 ms of its job's ~120 ms of worker CPU, two thirds of it the
    head's ``repr`` (a float's and a date's) and the base64 module's Python layers. A head is
    kept only for a float score that is not zero: ``-0.0`` and ``0.0``, or ``1`` and ``1.0``,
    are equal keys with different ``repr``. ``tests/api/test_store_shortcuts.py`` pins the
    digests to the plain way's."""
    score = outcome.score
    if score.__class__ is not float or not score:
        head = _head(outcome, version_pk, {}).encode() + b"\0"
    else:
        key = (version_pk, outcome.eligibility, score, outcome.error, outcome.changes_on)
        head = _HEADS.get(key)  # type: ignore[assignment]
        if head is None:
            if len(_HEADS) >= _HEADS_MAX:
                _HEADS.clear()
            head = _HEADS[key] = _head(outcome, version_pk, {}).encode() + b"\0"
    md5 = hashlib.md5(head + outcome.lines_md5).digest()
    return LINE_DIGESTS + binascii.b2a_base64(md5[:8], newline=False)[:10].translate(_URL_SAFE).decode()


def legacy_verdict_digest(
    outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride], plain: bool = False
) -> str:
    """The verdict digest as rows stored before the ``.`` format hold it: the MD5 of the head and
    every line's text joined with NUL, which no stored text can hold (PostgreSQL refuses it,
    intake rejects it). Read only to compare with such a row (``same_verdict``), so a verdict
    that did not change is still recognised, and its row keeps its ``last_changed``.

    Each line's part is its ``CriterionOutcome.verdict_bytes``, kept on the outcome object, and the
    parts are joined in C. ``plain`` joins them field by field, the reference a test compares
    with: the text joined, and so the digest, is the same either way."""
    head = _head(outcome, version_pk, overrides)
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


def same_verdict(
    stored: str, digest: str, outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride]
) -> bool:
    """Whether the ``stored`` digest is the one of this verdict (``digest``, its ``verdict_digest``).
    A digest in the older format (no ``.``) is compared with the verdict's ``legacy_verdict_digest``:
    rows written before keep being recognised while their verdict stands, and take the new format
    when it changes. An override's mark (``o:``) equals neither, so its row is rewritten."""
    if stored == digest:
        return True
    if stored.startswith(LINE_DIGESTS) or stored.startswith("o:"):
        return False
    return stored == legacy_verdict_digest(outcome, version_pk, overrides)


def _head(outcome: TrialOutcome, version_pk: int, overrides: dict[int, CriterionOverride]) -> str:
    marks = sorted((i, o.pk) for i, o in overrides.items())
    return repr((version_pk, str(outcome.eligibility), outcome.score, outcome.error or "", outcome.changes_on, marks))


_VERDICT_BYTES = attrgetter("verdict_bytes")


def short_digest(md5: bytes) -> str:
    """A verdict digest as stored: the first 64 bits of its MD5 in URL-safe base64, 11 characters.

    A result row is written ~1,000 times per new patient; the 32 hex characters were 33 of its
    ~240 bytes. The digest only tells whether one (patient, trial)'s new verdict differs from
    the one stored, so 64 bits leave a chance of 2^-64 per comparison of a change going
    unwritten. Its alphabet has no ':', so no engine digest equals an override's mark
    (``matcher.results.overrides``). Migration 0018 shortened the stored ones the same way."""
    return base64.urlsafe_b64encode(md5[:8]).decode().rstrip("=")
