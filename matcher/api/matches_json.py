"""The matches answer as JSON bytes, its criterion outcomes encoded by hand.

At 1,000 open trials one patient's answer holds ~28,000 criterion outcomes (8 MB). Building a
dict for each and handing the lot to the JSON encoder was half of serving it; here each
outcome is one string template around the C string encoder, and a line's type and text,
which repeat across patients, are encoded once. Everything else (dates, datetimes, numbers)
goes through DRF's encoder, so the answer reads exactly as DRF would have written it.
"""

from __future__ import annotations

from functools import lru_cache
from json.encoder import encode_basestring  # the C encoder, non-ASCII kept
from typing import Any

from rest_framework.utils.encoders import JSONEncoder

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
    fields = _encode({k: v for k, v in result.items() if k != "criteria"})
    texts = []
    for c in result["criteria"]:
        text = encoded.get(id(c))
        if text is None:
            kept = _KEPT.get(id(c))
            text = encoded[id(c)] = kept[1] if kept is not None and kept[0] is c else _keep(c)
        texts.append(text)
    return f'{fields[:-1]},"criteria":[{",".join(texts)}]}}'


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


def _criterion(type_: str, text: str, outcome: str, review: bool, reason: str) -> str:
    review_word = "true" if review else "false"
    return f'{_line(type_, text)}"outcome":{encode_basestring(outcome)},"review":{review_word},"reason":{encode_basestring(reason)}}}'


@lru_cache(maxsize=65536)
def _line(type_: str, text: str) -> str:
    return f'{{"type":{encode_basestring(type_)},"text":{encode_basestring(text)},'
