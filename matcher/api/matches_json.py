"""The matches answer as JSON bytes, its criterion outcomes encoded by hand.

At 1,000 open trials one patient's answer holds ~28,000 criterion outcomes (8 MB). Building a
dict for each and handing the lot to the JSON encoder was half of serving it; here each
outcome is one string template around the C string encoder, and a line's type and text,
which repeat across patients, are encoded once. A result's other fields are written as DRF's
encoder writes them (``_fields``: text, numbers, null, dates and times by hand, anything else
through that encoder), so the answer reads exactly as DRF would have written it.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import lru_cache
from json.encoder import encode_basestring  # the C encoder, non-ASCII kept
from typing import Any

from rest_framework.utils.encoders import JSONEncoder

from matcher.results.render import Gathered

_encode = JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def render(head: dict[str, Any], results: list[dict[str, Any]]) -> bytes:
    """``head`` (patient, job, evaluated_at) with ``results`` as ``selectors.current_results``
    gives them: each result's ``criteria`` as (type, text, outcome, review, reason) tuples.

    A line repeated across trials reaches here as the same tuple object
    (``matcher.results.render.answer_lines``): it is encoded once, found again by the tuple's
    id (every tuple stays alive in ``results`` meanwhile). bench/e2e.py's answers hold 28,005
    lines of which ~8,000 distinct objects."""
    encoded: dict[int, str] = {}
    parts = [_render_one(result, encoded) for result in results]
    return f'{_encode(head)[:-1]},"results":[{",".join(parts)}]}}'.encode()


def render_one(result: dict[str, Any]) -> bytes:
    """One result (``GET /patients/{id}/matches/{nct_id}``), encoded as ``render`` encodes each."""
    return _render_one(result, {}).encode()


def _render_one(result: dict[str, Any], encoded: dict[int, str]) -> str:
    fields = _fields(result)
    criteria = result["criteria"]
    if isinstance(criteria, Gathered):
        # each slot's line encoded once, the result's gathered and joined in C (``Gathered``)
        return f'{fields},"criteria":[{criteria.joined(_encode_line)}]}}'
    texts = []
    for c in criteria:
        text = encoded.get(id(c))
        if text is None:
            kept = _KEPT.get(id(c))
            text = encoded[id(c)] = kept[1] if kept is not None and kept[0] is c else _keep(c)
        texts.append(text)
    return f'{fields},"criteria":[{",".join(texts)}]}}'


def _fields(result: dict[str, Any]) -> str:
    """The result's fields but ``criteria`` as DRF's encoder writes them, without the closing
    brace. The values a result holds (text, whole numbers, finite scores, null, booleans, dates
    and aware datetimes) are written here as that encoder writes them, anything else by it:
    per result, its generic walk was ~5% of a 1,000-trial answer's CPU (``bench/get_cpu.py``).
    ``tests/api/test_matches_json.py`` compares the two on every kind of value."""
    parts = []
    for key, value in result.items():
        if key == "criteria":
            continue
        kind = type(value)
        if kind is str:
            text = encode_basestring(value)
        elif value is None:
            text = "null"
        elif kind is int:
            text = int.__repr__(value)
        elif kind is float and math.isfinite(value):
            text = float.__repr__(value)
        elif kind is bool:
            text = "true" if value else "false"
        elif kind is datetime:
            text = _datetime(value)
        elif kind is date:
            text = f'"{value.isoformat()}"'
        else:
            text = _encode(value)
        parts.append(f"{_key(key)}:{text}")
    return "{" + ",".join(parts)


@lru_cache(maxsize=256)
def _key(key: str) -> str:
    return encode_basestring(key)


@lru_cache(maxsize=4096)
def _datetime(value: datetime) -> str:
    """As DRF's encoder: ISO 8601, UTC as ``Z``. Kept: a job stamps its ~700 results alike."""
    iso = value.isoformat()
    return encode_basestring(iso[:-6] + "Z" if iso.endswith("+00:00") else iso)


# Across answers, a line's encoding by its tuple, held with the tuple so that an id is only
# trusted for the object it was taken from: ``matcher.results.render`` hands the same tuple
# again while a line is judged as for the patient before (measured on bench/e2e.py's answers:
# most lines). Emptied when it outgrows a catalogue's worth.
_KEPT: dict[int, tuple[tuple[str, str, str, bool, str], str]] = {}
_KEPT_MAX = 100_000


def _keep(c: tuple[str, str, str, bool, str]) -> str:
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    text = _criterion(*c)
    _KEPT[id(c)] = (c, text)
    return text


def _encode_line(c: tuple[str, str, str, bool, str]) -> str:
    return _criterion(*c)


def _criterion(type_: str, text: str, outcome: str, review: bool, reason: str) -> str:
    review_word = "true" if review else "false"
    return f'{_line(type_, text)}"outcome":{encode_basestring(outcome)},"review":{review_word},"reason":{encode_basestring(reason)}}}'


@lru_cache(maxsize=65536)
def _line(type_: str, text: str) -> str:
    return f'{{"type":{encode_basestring(type_)},"text":{encode_basestring(text)},'
