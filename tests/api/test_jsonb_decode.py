"""``matcher.db.jsonb.loads`` (orjson where installed) decodes every document as ``json.loads``
does: the same values of the same types, integers beyond 64 bits and numbers beyond a double's
range included (decoded the plain way)."""

from __future__ import annotations

import json

import pytest

from matcher.db import jsonb

DOCUMENTS = [
    '{"birth_date": "2001-05-24", "sex": "female", "measurements": {"anc": [{"value": 1.5, "unit": "10*9/L"}]}}',
    '{"a": 30.0, "b": 30, "c": -0.0, "d": 1e-7, "e": 123456789.123456789, "f": 0.1, "g": 2.5e300}',
    '{"text": "≥ 12 years, naïve, 中文, \\u00e9, \\ud83d\\ude00, tab\\there", "empty": "", "none": null}',
    '{"flags": [true, false, null], "nested": {"list": [[], {}, [1, [2, [3]]]]}}',
    '{"big": 123456789012345678901234567890, "neg": -98765432109876543210}',  # beyond 64 bits
    '{"huge": 1500000000000000000000000000000000000000000000000000000000000000000000000000000000'
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.5}",
    "[" * 200 + "]" * 200,
    '{"a": 1, "a": 2, "b": {"c": 3, "c": [4]}}',  # a key twice: the last one counts
    '{"limit": 9223372036854775807, "low": -9223372036854775808, "u": 18446744073709551615}',
    '{"over": 18446744073709551616, "under": -9223372036854775809, "x": 12345678901234567890.5}',
    '{"inf": 1e400, "ninf": -1e400, "tiny": 1e-400, "max": 1.7976931348623157e308, "sub": 4.9e-324}',
    '{"floats": [0.30000000000000004, 2.2250738585072011e-308, 1E5, -0, -0.0, 3.141592653589793238]}',
    '"just a string"',
    "42",
]


def _typed(value: object) -> object:
    """The value with every number's type kept, so 30 and 30.0 differ."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, repr(value))


@pytest.mark.parametrize("text", DOCUMENTS)
def test_loads_answers_as_json_loads(text):
    assert _typed(jsonb.loads(text)) == _typed(json.loads(text)) == _typed(jsonb.loads_plain(text))
    assert _typed(jsonb.loads(text.encode())) == _typed(json.loads(text))


@pytest.mark.parametrize("text", ["{", '{"a": }', "", "[1, 2", '{"a": NaN}x'])
def test_loads_refuses_what_json_loads_refuses(text):
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        jsonb.loads(text)


def test_orjson_decodes_an_ordinary_document_and_never_a_long_number(monkeypatch):
    if jsonb.orjson is None:
        pytest.skip("orjson is not installed")
    real, seen = jsonb.orjson, []

    class Spy:
        JSONDecodeError = real.JSONDecodeError

        @staticmethod
        def loads(data: bytes) -> object:
            seen.append(data)
            return real.loads(data)

    monkeypatch.setattr(jsonb, "orjson", Spy)
    assert jsonb.loads(DOCUMENTS[0]) == json.loads(DOCUMENTS[0]) and len(seen) == 1
    assert jsonb.loads('{"big": 1234567890123456789}') == {"big": 1234567890123456789} and len(seen) == 1
