"""The structured criteria model: what the parser writes, coordinators edit and the engine runs.

Every node is a small frozen data class so that identical predicates hash and compare equal:
the compiler relies on that to share one rule between every trial that asks the same thing
(age >= 18, ECOG <= 2, ...), the way a Rete network shares its alpha nodes.

The JSON form (``to_json`` / ``from_json``) is what Django stores and what coordinators edit in
admin, so it carries ``SCHEMA_VERSION`` and is deliberately plain: a tagged dict per node.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, TypeVar, overload

SCHEMA_VERSION = 1

_Node = TypeVar("_Node", bound=type)


def _hash_once(cls: _Node) -> _Node:
    """Cache a frozen node's hash on first use. The engine looks nodes up in per-patient memos
    tens of thousands of times per evaluation, and a dataclass re-hashes its whole tree on
    every lookup; a frozen node's hash cannot change, so computing it once is safe."""
    names = tuple(f.name for f in fields(cls))

    def __hash__(self: Any) -> int:
        try:
            cached: int = self.__dict__["_hash"]
            return cached
        except KeyError:
            value = hash((cls.__name__, *(getattr(self, n) for n in names)))
            object.__setattr__(self, "_hash", value)
            return value

    def __getstate__(self: Any) -> dict[str, Any]:
        # string hashes differ between processes: never carry a cached one across a pickle
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    node: Any = cls  # the methods of a class being decorated are replaced: no type can say so
    node.__hash__ = __hash__
    node.__getstate__ = __getstate__
    return cls


class CriterionType(StrEnum):
    INCLUSION = "inclusion"
    EXCLUSION = "exclusion"


class Op(StrEnum):
    """What a predicate asks of one patient concept.

    Numeric comparisons apply to measurements (and age). ``BETWEEN`` is inclusive on both
    ends unless the predicate says otherwise. ``IS`` compares a qualitative result
    (``positive`` / ``negative``). ``IN`` asks for any of a set of coded diagnoses or
    subtypes. ``PRESENT`` / ``ABSENT`` ask for a history item (missing means absent).
    ``WITHIN`` / ``NOT_WITHIN`` ask whether a history item's date falls inside a window
    before the evaluation date ("within 4 weeks before", "at least 2 weeks since").
    """

    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    EQ = "eq"
    NEQ = "neq"
    BETWEEN = "between"
    IS = "is"
    IN = "in"
    PRESENT = "present"
    ABSENT = "absent"
    WITHIN = "within"
    NOT_WITHIN = "not_within"


NUMERIC_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EQ, Op.NEQ, Op.BETWEEN})
HISTORY_OPS = frozenset({Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN})


class ReviewReason(StrEnum):
    """Why a criterion (or part of one) is left to a person."""

    JUDGEMENT = "judgement"  # investigator's judgement, "clinically significant", ...
    CONSENT = "consent"  # consent, willingness, compliance, contraception agreements
    UNSUPPORTED_CONCEPT = "unsupported_concept"  # a concept the catalogue does not hold
    AMBIGUOUS = "ambiguous"  # the text could be read more than one way
    UNPARSED = "unparsed"  # the parser found nothing it could structure


@_hash_once
@dataclass(frozen=True)
class Window:
    """A span of time before the evaluation date: ``amount`` ``unit`` (days/weeks/months/years).

    A window covers its last day ("within 14 days": a record 14 days old is inside) unless it is
    ``exclusive``: "at least 100 days since the transplant" is no transplant in the window that
    ends the day before 100 days, so day 100 itself meets it (read as the closed window, the day
    the line allows was refused, holdout T294-day-100)."""

    amount: float
    unit: str  # "days" | "weeks" | "months" | "years"
    exclusive: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"amount": self.amount, "unit": self.unit}
        if self.exclusive:
            data["exclusive"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Window:
        return cls(amount=float(data["amount"]), unit=str(data["unit"]), exclusive=bool(data.get("exclusive", False)))


@_hash_once
@dataclass(frozen=True)
class Predicate:
    """One question about one patient concept.

    ``value`` is a number for numeric ops, a ``(low, high)`` pair for ``BETWEEN``, a word
    (``positive`` / ``negative`` / ``female`` ...) for ``IS``, a tuple of concept ids for
    ``IN`` and ``None`` for history ops. ``unit`` is the UCUM unit the threshold is written in
    (``None`` for unitless scores). ``uln`` makes the threshold a multiple of the patient's
    upper limit of normal ("<= 3 x ULN": value 3, uln True). ``window`` is the time window of
    ``WITHIN`` / ``NOT_WITHIN`` and, for a measurement, how recent the value must be.
    """

    concept: str
    op: Op
    value: Any = None
    unit: str | None = None
    uln: bool = False
    window: Window | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"node": "predicate", "concept": self.concept, "op": str(self.op)}
        if self.value is not None:
            data["value"] = list(self.value) if isinstance(self.value, tuple) else self.value
        if self.unit is not None:
            data["unit"] = self.unit
        if self.uln:
            data["uln"] = True
        if self.window is not None:
            data["window"] = self.window.to_json()
        if self.op is Op.BETWEEN and not (self.low_inclusive and self.high_inclusive):
            data["low_inclusive"] = self.low_inclusive
            data["high_inclusive"] = self.high_inclusive
        return data


@_hash_once
@dataclass(frozen=True)
class All:
    """Every part must hold (Kleene AND: one ``not_met`` decides, else any ``unknown`` wins)."""

    parts: tuple[Expr, ...]

    def to_json(self) -> dict[str, Any]:
        return {"node": "all", "parts": [p.to_json() for p in self.parts]}


@_hash_once
@dataclass(frozen=True)
class Any_:
    """At least one part must hold (Kleene OR)."""

    parts: tuple[Expr, ...]

    def to_json(self) -> dict[str, Any]:
        return {"node": "any", "parts": [p.to_json() for p in self.parts]}


@_hash_once
@dataclass(frozen=True)
class Not:
    part: Expr

    def to_json(self) -> dict[str, Any]:
        return {"node": "not", "part": self.part.to_json()}


@_hash_once
@dataclass(frozen=True)
class Review:
    """A part no record can decide, or that could not be structured: always ``unknown``."""

    reason: ReviewReason
    text: str = ""  # the unstructured words, for a partly structured line

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"node": "review", "reason": str(self.reason)}
        if self.text:
            data["text"] = self.text
        return data


@_hash_once
@dataclass(frozen=True)
class NoRequirement:
    """A line that states there is no requirement ("Not specified", "No restrictions", "See
    Disease Characteristics" in the registry's older PDQ layout): always ``met``. Read as a
    review it left every such trial possibly eligible at best, for a line that asks nothing
    (122 + 103 + 2 lines of the shared corpus's oncology records)."""

    def to_json(self) -> dict[str, Any]:
        return {"node": "no_requirement"}


Expr = Predicate | All | Any_ | Not | Review | NoRequirement


@dataclass(frozen=True)
class Criterion:
    """One inclusion or exclusion line with its structure.

    ``applies_if`` limits the criterion to patients it concerns (a pregnancy test to female
    patients): where it does not hold the criterion is not applicable, which neither fails an
    inclusion nor triggers an exclusion, and the reason says so.
    """

    type: CriterionType
    text: str
    expr: Expr
    applies_if: Expr | None = None
    parent: int | None = None  # index of the heading line this one was nested under
    corrected: bool = False  # a coordinator's correction: a re-parse must not overwrite it

    @property
    def is_review_only(self) -> bool:
        return isinstance(self.expr, Review)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": str(self.type),
            "text": self.text,
            "expr": self.expr.to_json(),
        }
        if self.applies_if is not None:
            data["applies_if"] = self.applies_if.to_json()
        if self.parent is not None:
            data["parent"] = self.parent
        if self.corrected:
            data["corrected"] = True
        return data


@dataclass(frozen=True)
class TrialCriteria:
    """A trial's criteria at one version: the unit the engine compiles and evaluates."""

    trial_id: str
    version: int
    criteria: tuple[Criterion, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "trial_id": self.trial_id,
            "version": self.version,
            "criteria": [c.to_json() for c in self.criteria],
        }


class CriteriaFormatError(ValueError):
    """Raised for JSON that is not a valid criteria document; the message names the path."""


def expr_from_json(data: Any, path: str = "expr") -> Expr:
    if not isinstance(data, dict) or "node" not in data:
        raise CriteriaFormatError(f"{path}: expected an object with a 'node' key")
    node = data["node"]
    if node == "predicate":
        try:
            op = Op(data["op"])
        except (KeyError, ValueError):
            raise CriteriaFormatError(f"{path}.op: unknown operator {data.get('op')!r}") from None
        if not isinstance(data.get("concept"), str):
            raise CriteriaFormatError(f"{path}.concept: required string")
        value = data.get("value")
        if isinstance(value, list):
            value = tuple(value)
        window = data.get("window")
        return Predicate(
            concept=data["concept"],
            op=op,
            value=value,
            unit=data.get("unit"),
            uln=bool(data.get("uln", False)),
            window=Window.from_json(window) if window else None,
            low_inclusive=bool(data.get("low_inclusive", True)),
            high_inclusive=bool(data.get("high_inclusive", True)),
        )
    if node in ("all", "any"):
        parts = data.get("parts")
        if not isinstance(parts, list) or not parts:
            raise CriteriaFormatError(f"{path}.parts: required non-empty list")
        built = tuple(expr_from_json(p, f"{path}.parts[{i}]") for i, p in enumerate(parts))
        return All(built) if node == "all" else Any_(built)
    if node == "not":
        return Not(expr_from_json(data.get("part"), f"{path}.part"))
    if node == "no_requirement":
        return NoRequirement()
    if node == "review":
        try:
            reason = ReviewReason(data.get("reason", ""))
        except ValueError:
            raise CriteriaFormatError(f"{path}.reason: unknown review reason {data.get('reason')!r}") from None
        return Review(reason=reason, text=str(data.get("text", "")))
    raise CriteriaFormatError(f"{path}.node: unknown node {node!r}")


def criterion_from_json(data: Any, path: str = "criterion") -> Criterion:
    if not isinstance(data, dict):
        raise CriteriaFormatError(f"{path}: expected an object")
    try:
        ctype = CriterionType(data.get("type", ""))
    except ValueError:
        raise CriteriaFormatError(f"{path}.type: must be 'inclusion' or 'exclusion'") from None
    applies = data.get("applies_if")
    return Criterion(
        type=ctype,
        text=str(data.get("text", "")),
        expr=expr_from_json(data.get("expr"), f"{path}.expr"),
        applies_if=expr_from_json(applies, f"{path}.applies_if") if applies else None,
        parent=data.get("parent"),
        corrected=bool(data.get("corrected", False)),
    )


def trial_criteria_from_json(data: Any) -> TrialCriteria:
    if not isinstance(data, dict):
        raise CriteriaFormatError("criteria document: expected an object")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise CriteriaFormatError(f"schema_version: expected {SCHEMA_VERSION}, got {version!r}")
    return TrialCriteria(
        trial_id=str(data.get("trial_id", "")),
        version=int(data.get("version", 1)),
        criteria=tuple(
            criterion_from_json(c, f"criteria[{i}]") for i, c in enumerate(data.get("criteria", []))
        ),
    )


@overload
def intern_expr(expr: Expr, table: dict[Any, Any]) -> Expr: ...
@overload
def intern_expr(expr: None, table: dict[Any, Any]) -> None: ...
def intern_expr(expr: Expr | None, table: dict[Any, Any]) -> Expr | None:
    """The one shared instance of ``expr`` (and of every node under it) in ``table``. Equal
    nodes from different trials then are the same object, so memo lookups end at an identity
    check instead of comparing trees."""
    if expr is None:
        return None
    if isinstance(expr, (All, Any_)):
        expr = type(expr)(tuple(intern_expr(p, table) for p in expr.parts))
    elif isinstance(expr, Not):
        expr = Not(intern_expr(expr.part, table))
    shared: Expr = table.setdefault(expr, expr)
    return shared


def iter_predicates(expr: Expr | None) -> Iterator[Predicate]:
    """Every predicate under ``expr``, depth first: what the compiler turns into rules."""
    for node in iter_nodes(expr):
        if isinstance(node, Predicate):
            yield node


def iter_nodes(expr: Expr | None) -> Iterator[Expr]:
    """Every node under ``expr`` (itself first), depth first."""
    if expr is None:
        return
    yield expr
    if isinstance(expr, (All, Any_)):
        for part in expr.parts:
            yield from iter_nodes(part)
    elif isinstance(expr, Not):
        yield from iter_nodes(expr.part)
