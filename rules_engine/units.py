"""UCUM unit conversion on top of pint.

FHIR records and trial texts write units in UCUM (``10*9/L``, ``mL/min/{1.73_m2}``, ``a``),
which pint does not read directly: a small translator turns a UCUM spelling into a pint
expression (powers of ten become scale factors, ``{annotations}`` are dimensionless, ``a`` is
a year, ``mo`` an average month). The physics is pint's, including mass <-> amount-of-substance
for the analytes that have a molar mass in the concept catalogue (bilirubin, creatinine),
through pint's ``chemistry`` context.

Conversion sits on the hot path of every evaluation, so each (from, to, concept) triple is
solved once and kept as an affine factor pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pint

from .concepts import CONCEPTS

__all__ = ["UnitError", "convert", "to_canonical", "same_dimension", "registry_unit"]


class UnitError(ValueError):
    """A unit that cannot be read, or two units that do not measure the same thing."""


_REGISTRY = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)

# UCUM atoms whose pint spelling differs (or whose UCUM meaning differs from pint's default:
# UCUM ``a`` is a Julian year, pint's ``a`` would be an are).
_ATOMS = {
    "a": "year",
    "mo": "month",
    "wk": "week",
    "d": "day",
    "h": "hour",
    "min": "minute",
    "s": "second",
    "%": "percent",
    "U": "enzyme_unit",
    "[iU]": "enzyme_unit",
    "[IU]": "enzyme_unit",
    "IU": "enzyme_unit",
    "l": "liter",
    "L": "liter",
    "mm[Hg]": "mmHg",
    "[pH]": "dimensionless",
    "[lb_av]": "pound",  # a body weight in pounds
    "[ppm]": "ppm",
    "1": "dimensionless",
}

_ANNOTATION = re.compile(r"\{[^}]*\}")
_POWER_OF_TEN = re.compile(r"^10[*^]([+-]?\d+)$")
_EXPONENT = re.compile(r"^(.*?[A-Za-z\]%])([+-]?\d+)$")


def _atom_to_pint(atom: str) -> str:
    """One UCUM factor (``10*9``, ``uL``, ``m2``, ``%``) as a pint expression."""
    if atom in ("", "1"):
        return "1"
    match = _POWER_OF_TEN.match(atom)
    if match:
        return f"(1e{int(match.group(1))})"
    if atom in _ATOMS:
        return _ATOMS[atom]
    if atom.isdigit():
        return atom
    match = _EXPONENT.match(atom)
    if match:
        base, power = match.group(1), match.group(2)
        return f"({_ATOMS.get(base, base)})**{int(power)}"
    return atom


def ucum_to_pint(unit: str) -> str:
    """A UCUM unit string as an expression pint can parse.

    UCUM multiplies with ``.`` and divides with ``/`` strictly left to right, so
    ``mL/min/{1.73_m2}`` is (mL / min) / 1.
    """
    text = _ANNOTATION.sub("1", unit.strip())
    if not text:
        return "1"
    tokens = re.split(r"([./])", text)
    out: list[str] = []
    for token in tokens:
        if token == ".":
            out.append("*")
        elif token == "/":
            out.append("/")
        else:
            out.append(_atom_to_pint(token))
    if out and out[0] == "/":
        out.insert(0, "1")
    return "".join(out)


@lru_cache(maxsize=512)
def _parse(unit: str | None) -> pint.Quantity:
    """The unit as a pint quantity of magnitude = its scale factor (``10*9/L`` -> 1e9 / L)."""
    if unit is None or unit.strip() in ("", "1"):
        return _REGISTRY.Quantity(1, "dimensionless")
    try:
        quantity = _REGISTRY.parse_expression(ucum_to_pint(unit))
    except Exception as exc:  # pint raises several unrelated types for bad input
        raise UnitError(f"unknown unit {unit!r}") from exc
    if not isinstance(quantity, pint.Quantity):  # a bare number, e.g. "10*3"
        quantity = _REGISTRY.Quantity(float(quantity), "dimensionless")
    return quantity


def _molar_mass(concept: str | None) -> pint.Quantity | None:
    if concept is None or concept not in CONCEPTS:
        return None
    grams_per_mole = getattr(CONCEPTS[concept], "molar_mass", None)
    return None if grams_per_mole is None else _REGISTRY.Quantity(grams_per_mole, "g/mol")


@lru_cache(maxsize=4096)
def _affine(from_unit: str | None, to_unit: str | None, concept: str | None) -> tuple[float, float]:
    """``(scale, offset)`` such that converted = value * scale + offset."""
    source, target = _parse(from_unit), _parse(to_unit)
    molar_mass = _molar_mass(concept)

    def one(value: float) -> float:
        quantity = _REGISTRY.Quantity(value * source.magnitude, source.units)
        try:
            if molar_mass is not None and quantity.dimensionality != target.dimensionality:
                converted = quantity.to(target.units, "chemistry", mw=molar_mass)
            else:
                converted = quantity.to(target.units)
        except (pint.errors.DimensionalityError, ZeroDivisionError, ArithmeticError) as exc:
            # a context transformation (mass <-> moles) can divide by a zero magnitude for a
            # unit of the wrong kind ("mg" where a concentration is meant): not convertible
            raise UnitError(
                f"cannot convert {from_unit or 'no unit'} to {to_unit or 'no unit'}"
                + (f" for {concept}" if concept else "")
            ) from exc
        return float(converted.magnitude) / float(target.magnitude)

    offset = one(0.0)
    return one(1.0) - offset, offset


def convert(value: float, from_unit: str | None, to_unit: str | None, concept: str | None = None) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit``; ``concept`` supplies a molar mass.

    ``None`` and ``"1"`` both mean a pure number. Raises ``UnitError`` when either unit is
    unreadable or the two do not measure the same thing (even with the concept's molar mass).
    """
    if from_unit == to_unit:
        return float(value)
    scale, offset = _affine(from_unit, to_unit, concept)
    return float(value) * scale + offset


def to_canonical(concept: str, value: float, unit: str | None) -> float:
    """``value`` in the catalogue's canonical unit for ``concept`` (``CONCEPTS[concept].unit``)."""
    return convert(value, unit, CONCEPTS[concept].unit, concept)


def same_dimension(a: str | None, b: str | None, concept: str | None = None) -> bool:
    """True when ``a`` converts to ``b``: lets a caller validate a unit without a value."""
    try:
        _affine(a, b, concept)
    except UnitError:
        return False
    return True


# ------------------------------------------------------------------ units as registries write them
# Trial texts do not write UCUM: "x10^9/L", "× 10⁹/L", "109/L" (a superscript lost in copying),
# "/mm³", "cells/µL", "K/uL", "G/L" (giga per litre), "gm/dL", "mg%", "µmol/L", "ml/min/1.73 m²",
# "mg/kg/day". ``registry_unit`` reads such a spelling into UCUM with a small grammar (an
# optional power of ten, a numerator, denominators joined by "/" or "per"), every step a
# dictionary look-up or an anchored pattern without nested repetition, so any input is linear.

_SPELLING = str.maketrans(
    {"µ": "u", "μ": "u", "×": "x", "⁹": "9", "³": "3", "²": "2", "⁶": "6", "¹": "1", "⁰": "0", "\u2009": " ", "\u00a0": " "}
)
# "x 10^9", "10*9", "10e9", "10(9)", "x 10 9", and the lost superscript "109" / "103" / "106"
# (only directly before the unit's "/" or "cells", where a plain number cannot stand)
_POWER_PREFIX = re.compile(
    r"^(?:[x*]\s*)?10\s*(?:\^|\*\*|\*|e|\s)?\s*\(?\s*(?P<exp>[1-9]\d?)\s*\)?(?=\s*(?:cells?\b|/|per\b|$))"
    r"|^(?:[x*]\s*)?10(?P<lost>[369]|12)(?=\s*(?:cells?\b|/|per\b))"
)
_NUMERATORS = {
    "": "", "cells": "{cells}", "cell": "{cells}", "g": "g", "gm": "g", "gms": "g", "gr": "g", "gram": "g", "grams": "g",
    "mg": "mg", "milligram": "mg", "milligrams": "mg", "ug": "ug", "mcg": "ug", "microgram": "ug", "micrograms": "ug",
    "ng": "ng", "nanogram": "ng", "nanograms": "ng", "pg": "pg", "umol": "umol", "mcmol": "umol", "micromol": "umol",
    "micromole": "umol", "micromoles": "umol", "mmol": "mmol", "millimol": "mmol", "millimole": "mmol", "millimoles": "mmol",
    "nmol": "nmol", "pmol": "pmol", "mol": "mol", "u": "U", "iu": "U", "ui": "U", "units": "U", "unit": "U",
    "international units": "U", "miu": "mU", "mu": "mU", "ml": "mL", "milliliter": "mL", "milliliters": "mL",
    "millilitre": "mL", "millilitres": "mL", "cc": "mL", "l": "L", "k": "10*3", "thou": "10*3", "thousand": "10*3",
    "k cells": "10*3", "beats": "{beats}", "meq": "meq", "bil": "10*9", "billion": "10*9",
    # spellings registries write (1-3 corpus lines each, each bound a review "a threshold without
    # a unit"): "25 micro-mol/l", "< 4.0 mEg/L" (the q mistyped), "3.4 molar equivalent per liter
    # (mEq/L)", "< 200 I.U/L". ("milliequivalents/liter" is held back: its one corpus line is a
    # permission, "may be entered ... if any electrolyte disorders, including potassium less than
    # 3.4 ..., may be managed", which read as a bound would fail every normal potassium)
    "micro-mol": "umol", "micro mol": "umol", "meg": "meq", "molar equivalent": "meq",
    "i.u": "U", "i.u.": "U",
}
_DENOMINATORS = {
    "l": "L", "liter": "L", "litre": "L", "dl": "dL", "deciliter": "dL", "decilitre": "dL", "100 ml": "dL", "100ml": "dL",
    "ml": "mL", "milliliter": "mL", "millilitre": "mL", "cc": "mL", "ul": "uL", "mcl": "uL", "microl": "uL",
    "microliter": "uL", "microlitre": "uL", "mm3": "mm3", "mm^3": "mm3", "mm 3": "mm3", "cmm": "mm3", "cu mm": "mm3",
    "cu. mm": "mm3", "cu.mm": "mm3", "cubic mm": "mm3", "cubic millimeter": "mm3", "cubic millimetre": "mm3",
    "min": "min", "minute": "min", "mn": "min", "kg": "kg", "kilogram": "kg", "m2": "m2", "m^2": "m2", "sq m": "m2",
    "square meter": "m2", "square metre": "m2", "day": "d", "d": "d", "24 h": "d", "24h": "d", "24 hours": "d",
    "hour": "h", "h": "h", "hr": "h", "week": "wk", "wk": "wk", "1.73 m2": "{1.73_m2}", "1.73m2": "{1.73_m2}",
    "1.73 m^2": "{1.73_m2}", "1.73m^2": "{1.73_m2}", "1.73 sq m": "{1.73_m2}", "1.73 square meters": "{1.73_m2}",
    "1,73 m2": "{1.73_m2}", "1.73 m 2": "{1.73_m2}", "mm(3)": "mm3", "mm^(3)": "mm3",
    # the power in brackets, as the cooperative groups' lines write it ("60 mL/min/1.73 m(2)"):
    # unread, the clearance lost its body surface and the scope after it became an alternative
    "1.73 m(2)": "{1.73_m2}", "1.73m(2)": "{1.73_m2}", "1.73 m^(2)": "{1.73_m2}", "m(2)": "m2",
}
# a count written with only the volume it is per ("ANC >= 1,500 mm3", "Platelet (PLT) >= 100,000
# uL", "ANC >= 1500 µL"; about 20 corpus lines): no volume is a count's unit, so the volume is the
# count's denominator
_BARE_VOLUME = {"mm3": "/mm3", "mm^3": "/mm3", "mm(3)": "/mm3", "cmm": "/mm3", "ul": "/uL", "mcl": "/uL", "microliter": "/uL", "microlitre": "/uL"}
_WHOLE = {
    "%": "%", "percent": "%", "per cent": "%", "pct": "%", "mg%": "mg/dL", "g%": "g/dL", "gm%": "g/dL",
    "ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms", "s": "s", "sec": "s",
    "secs": "s", "second": "s", "seconds": "s", "mmhg": "mm[Hg]", "mm hg": "mm[Hg]", "kpa": "kPa", "bpm": "/min",
    "beats per minute": "/min", "day": "d", "days": "d", "week": "wk", "weeks": "wk", "month": "mo", "months": "mo",
    "year": "a", "years": "a", "hours": "h", "hour": "h", "kg": "kg", "cm": "cm", "mm": "mm", "g": "g", "mg": "mg",
    "gy": "Gy", "kg/m2": "kg/m2", "kg/m^2": "kg/m2", "iu": "U", "u": "U",
    # a body surface area as registries write its unit ("0.3 m2", "1.17 m^2", "1.37 meters squared (m^2)")
    "m2": "m2", "m^2": "m2", "m(2)": "m2", "sq m": "m2", "meters squared": "m2", "metres squared": "m2",
    "square meters": "m2", "square metres": "m2",
    # a molar concentration ("serum bilirubin > 25 μM (1.5 mg/dL)"; 2 corpus lines): micromoles per
    # litre (a concept converts it by its molar mass, or refuses it); and a body weight in pounds
    # ("Body weight < 110 pounds", "weighing > 400 lbs"; 3 corpus lines)
    "um": "umol/L", "pounds": "[lb_av]", "pound": "[lb_av]", "lbs": "[lb_av]", "lb": "[lb_av]",
}
_SEPARATOR = re.compile(r"\s*(?:/|\bper\b)\s*")
_PLURAL = re.compile(r"(?<=[a-z]{3})s$")
# registry spellings of one equivalent per mole: UCUM's eq is a mole of charge, right only for
# an ion of valence one
_MONOVALENT = frozenset({"potassium", "sodium", "chloride", "bicarbonate"})


def _readings(text: str) -> list[str]:
    """Every UCUM reading of a registry spelling, most likely first (``G/L`` is giga per litre,
    ``g/L`` grams per litre; a concept picks among them by dimension)."""
    raw = " ".join(text.translate(_SPELLING).split()).strip(" .,;:")
    if not raw or len(raw) > 40:
        return []
    low = raw.lower()
    if low in _WHOLE:
        return [_WHOLE[low]]
    if low in _BARE_VOLUME:
        return [_BARE_VOLUME[low]]
    prefix = ""
    m = _POWER_PREFIX.match(low)
    if m:
        prefix = "10*" + (m.group("exp") or m.group("lost"))
        low = low[m.end():].strip()
        if not low:
            return [prefix]
    parts = _SEPARATOR.split(low)
    numerator = parts[0].strip()
    if numerator not in _NUMERATORS:
        numerator = _PLURAL.sub("", numerator)
        if numerator not in _NUMERATORS:
            return []
    num = _NUMERATORS[numerator]
    if prefix:
        if num not in ("", "{cells}"):
            return []
        num = prefix
    dens: list[str] = []
    for part in parts[1:]:
        part = part.strip(" .")
        den = _DENOMINATORS.get(part) or _DENOMINATORS.get(_PLURAL.sub("", part))
        if den is None:
            return []
        dens.append(den)
    if not dens:
        return [num] if num and num not in ("{cells}", "{beats}") else []
    unit = num + "".join("/" + d for d in dens)
    if re.fullmatch(r"G\s*/\s*L", raw):  # SI giga per litre, as French and Swiss registries write counts
        return ["10*9/L", "g/L"]
    if low in ("g/l", "gm/l"):
        return ["g/L", "10*9/L"]
    return [unit]


@lru_cache(maxsize=4096)
def registry_unit(text: str, concept: str | None = None) -> str | None:
    """The UCUM unit a registry's spelling means, or ``None`` when it is not one Eligo reads.

    With ``concept``, only a reading that converts to the concept's canonical unit is returned:
    a haemoglobin in g/L stays grams, a platelet count in "G/L" is giga per litre, and a spelling
    that fits no reading for the concept (a mass for a cell count) is ``None``, never a guess.
    """
    readings = _readings(text)
    if concept is None:
        return readings[0] if readings else None
    target = CONCEPTS[concept].unit if concept in CONCEPTS else None
    for reading in readings:
        if reading.startswith("meq"):
            if concept not in _MONOVALENT:
                continue
            reading = "mmol" + reading[3:]
        if target is None or same_dimension(reading, target, concept):
            return reading
    return None
