"""Small readers of FHIR values shared by the resource readers: dates, numbers, codings, units,
medication names and strengths. Pure functions; no reader state."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from rules_engine.units import registry_unit, to_canonical

from .codes import Rule, tables

# ------------------------------------------------------------------------------------------
# small readers
# ------------------------------------------------------------------------------------------

SORT_MIN = datetime.min.replace(tzinfo=timezone.utc)


def fhir_date(value: Any) -> tuple[date | None, datetime | None]:
    """A FHIR date / dateTime / instant as (the date as written, a sort key).

    A partial date (``2026`` or ``2026-11``) reads as its first day.
    """
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, datetime):
        key = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.date(), key
    if isinstance(value, date):
        return value, datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?.*", value.strip())
        if match:
            try:
                day = date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
            except ValueError:
                return None, None
            return day, datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return None, None


def value_number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, Decimal)):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return None
        return number if math.isfinite(number) else None
    return None


def coding_list(concept: Any) -> list[Any]:
    if concept is None:
        return []
    return [c for c in (getattr(concept, "coding", None) or []) if c is not None]


def first_code(concept: Any) -> str | None:
    for coding in coding_list(concept):
        if isinstance(coding.code, str):
            return coding.code
    return None


def quantity_unit(quantity: Any) -> str | None:
    """UCUM ``code`` when given, else the human ``unit`` (which is usually UCUM too)."""
    for candidate in (getattr(quantity, "code", None), getattr(quantity, "unit", None)):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


def convert_value(concept: str, value: float, unit: str | None) -> float | None:
    """``value`` in the concept's unit, or None. The unit as sent, the table's spelling of it, then
    as registry text reads it (``mEq/L`` of potassium is mmol/L: US labs report it so); the last
    is tried only when the others fail, since nearly every lab value converts as sent."""
    for candidate in _unit_readings(concept, unit):
        try:
            result = to_canonical(concept, value, candidate)
        except Exception:  # UnitError; pint also raises ZeroDivisionError & co. on odd units
            continue
        if math.isfinite(result):
            return result
    return None


def _unit_readings(concept: str, unit: str | None) -> Iterator[str | None]:
    """The readings of a unit, lazily: a missing unit is only itself (the concept's own unit)."""
    yield unit
    spelled = tables().unit_spelling(unit)
    if spelled is not None:
        yield spelled
    read = registry_unit(unit, concept) if unit is not None and len(unit) <= 40 else None
    if read is not None:
        yield read


# A number as hospitals write it in valueString: an optional comparator, a plain decimal, and
# nothing else (anchored, no nested repetition: linear time, bounded by the slice below).
_STRING_NUMBER = re.compile(r"\s*(<=|>=|<|>|≤|≥)?\s*(\d{1,12}(?:\.\d{1,12})?|\.\d{1,12})\s*")
_COMPARATOR_SPELLING = {"≤": "<=", "≥": ">="}


def string_number(text: Any) -> tuple[str | None, float] | None:
    """``"<0.2"`` -> ``("<", 0.2)``; ``"185"`` -> ``(None, 185.0)``; anything else None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    found = _STRING_NUMBER.fullmatch(text)
    if found is None:
        return None
    comparator = found.group(1)
    return _COMPARATOR_SPELLING.get(comparator or "", comparator), float(found.group(2))


def tidy_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value




COUNT_UNITS = frozenset({"tbl", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "1", "each", "ea"})
STRENGTH = re.compile(r"(?<![\d.])(\d{1,6}(?:\.\d{1,4})?) ?mg(?![a-z/])")


def concept_parts(concept: dict[str, Any]) -> tuple[list[tuple[Any, Any]], list[str]]:
    """A CodeableConcept in JSON: its (system, code) pairs and every text that names it."""
    codings: list[tuple[Any, Any]] = []
    texts: list[str] = []
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict):
            codings.append((coding.get("system"), coding.get("code")))
            if isinstance(coding.get("display"), str):
                texts.append(coding["display"])
    if isinstance(concept.get("text"), str):
        texts.insert(0, concept["text"])
    return codings, texts


def display_name(texts: list[str], rules: list[Rule], codings: list[tuple[Any, Any]] | None = None) -> str:
    """What a reason calls the record: its own words, else the row's label, else its code."""
    for text in texts:
        if text.strip():
            return " ".join(text.split())[:120]
    if rules:
        return rules[0].label
    for _, code in codings or []:
        if isinstance(code, str) and code.strip():
            return f"code {code.strip()[:40]}"
    return "an unnamed substance"


def strength_mg(texts: list[str]) -> float | None:
    """The one strength in mg a product name states ("prednisone 5 MG Oral Tablet"), if one."""
    found = {float(m) for t in texts for m in STRENGTH.findall(t[:1000].lower())}
    return found.pop() if len(found) == 1 else None


def since_text(day: date | None) -> str:
    return f"since {day.isoformat()} " if day else ""


def status_code(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            return coding["code"]
    return None


