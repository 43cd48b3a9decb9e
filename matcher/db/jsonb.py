"""Decoding the JSON text of a ``jsonb`` column read outside the ORM, faster than ``json.loads``.

Why: a trial's re-match reads every stored patient's facts (~2.7 KB of JSON each, most of it
measurements the trial never asks about) and decoding them was the largest single step of
reading a chunk. Measured on bench/rematch.py's patients' facts (process time, collector off,
machine under load): ``json.loads`` 33 us a patient, orjson 18 us and the check below 2.4 us;
in-process over whole chunks, the ORM's read with its ``json.loads`` 32-34 ms of worker CPU per
1,000 patients, this read 17-18 ms.

``loads`` gives what ``json.loads`` gives. orjson builds the same dicts, lists, strings, floats
and integers, with two differences, both sent to ``json.loads``: a document it refuses (a
number beyond a double's range, which ``json.loads`` reads as infinity), and one holding a run
of 19 or more digits, since orjson reads an integer beyond 64 bits as a float where
``json.loads`` keeps it whole (every integer of at most 18 digits fits 64 bits; facts hold
dates, UUIDs and lab values, so the plain way is almost never taken). Without orjson installed
it is ``json.loads``. ``tests/api/test_jsonb_decode.py`` pins the two to one answer.
"""

from __future__ import annotations

import json
from typing import Any


def _orjson() -> Any:
    """The orjson module, or None where it is not installed (then every document is decoded the
    plain way: the same answers, slower)."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson


orjson: Any = _orjson()

# every digit as 0, so one search finds a run of 19 digits (a regular expression took 50x longer)
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_LONG_RUN = b"0" * 19


def loads(text: str | bytes) -> Any:
    """``json.loads(text)``, through orjson where it gives the same answer."""
    if orjson is not None:
        data = text.encode() if isinstance(text, str) else text
        if data.translate(_DIGITS_AS_ZERO).find(_LONG_RUN) < 0:
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError:
                pass  # refused: the plain decoder's answer, or its error
    return json.loads(text)


def loads_plain(text: str | bytes) -> Any:
    """The reference ``loads`` is compared with."""
    return json.loads(text)
