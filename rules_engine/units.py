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

__all__ = ["UnitError", "convert", "to_canonical", "same_dimension"]


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
        except pint.errors.DimensionalityError as exc:
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
