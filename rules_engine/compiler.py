"""Criteria -> durable rules, shared the way a Rete network shares its alpha nodes.

Each predicate is broken into *probes*: one tag (the concept's fact) plus one condition
(``bilirubin ratio <= 3``, ``ECOG v <= 2``, ``AML active``). Identical probes across every
trial are one rule; a BETWEEN is two bound probes, an IN one presence probe per member, so
even different predicates share. Probes are sharded into rulesets by tag, at most
``MAX_PROBES_PER_RULESET`` each: a fact can satisfy every probe of its tag in a ruleset at
once, and more than 64 siblings satisfied by one fact is the engine's error 303; it also keeps
far below the 512-condition hang, the 256-rules-per-node and 4,096-rules-per-ruleset limits.

A ruleset is named by a hash of its probes and never changes: compiling new trials only
adds rulesets for probes not seen before (durable-rules can neither update nor delete one).
Call ``add`` with batches rather than one trial at a time: each call adds at most one small
ruleset per new tag.

How a predicate is decided from what fired (the "Python pass") is ``Plan``; the patient facts
asserted are ``patient_facts``: one small flat fact per concept, so no fact comes near the
~250-property limit (error 302) however many concepts the catalogue grows to.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from .concepts import CONCEPTS, Kind
from .criteria import Op, Predicate, Window
from .derive import (
    EVENT_IMPLIES,
    MEASURE_SOURCES,
    PERFORMANCE_SOURCES,
    POSITIVE_TEST_IMPLIES,
    among,
    among_wider,
    convert_performance,
    encode_quote_times,
    excepted,
    measure_source,
    performance_source,
)
from .durable_backend import DerivationRule, ProbeNetwork, ProbeRule
from .semantics import supported
from .snapshot import Snapshot, number, threshold, window_limit
from .units import UnitError

MAX_PROBES_PER_RULESET = 60

_DURABLE_OP = {Op.GT: "$gt", Op.GTE: "$gte", Op.LT: "$lt", Op.LTE: "$lte", Op.EQ: "$eq", Op.NEQ: "$neq"}


def tag_of(concept: str) -> str:
    if concept in ("age", "sex"):
        return f"d:{concept}"
    kind = CONCEPTS[concept].kind
    return f"e:{concept}" if kind is Kind.EVENT else f"m:{concept}"


@dataclass(frozen=True)
class Probe:
    tag: str
    field: str
    op: str  # durable operator
    value: float | str | int

    @cached_property
    def key(self) -> str:
        text = f"{self.tag}|{self.field}|{self.op}|{self.value!r}"
        return "p" + hashlib.sha1(text.encode()).hexdigest()[:16]

    def condition(self) -> dict[str, Any]:
        if self.op == "$eq":
            return {self.field: self.value}
        return {self.op: {self.field: self.value}}

    def rule(self) -> ProbeRule:
        return ProbeRule(self.key, self.tag, self.condition())


@dataclass(frozen=True)
class Plan:
    """How one predicate is decided from fired probes and the facts present.

    ``kind``: ``unknown`` (undecidable: unsupported operator or threshold unit), ``present``
    (``members`` any active), ``within`` (a dated event inside a window), ``among`` (a concept
    asked of a set of members, present or inside a window: ``derive.among``), ``except`` (an
    event with kinds of it excepted: ``derive.excepted``; the members after the first
    ``decided`` count by their own record only), ``recorded`` (a measurement's own fact, ``k``
    "rec", asserted: no probe; ``derive.ON_RECORD_MEASURES``), ``value`` (every
    probe fired for a fact, which must carry ``field`` and, with a window, be ``fresh``).
    ``negate`` flips met / not met (ABSENT, NOT_WITHIN, NEQ on sex).
    """

    kind: str
    tag: str = ""
    probes: tuple[Probe, ...] = ()
    fresh: Probe | None = None
    field: str = ""
    members: tuple[str, ...] = ()
    negate: bool = False
    decided: int = 0  # ``among``: the first ``decided`` members decide; the rest leave it unknown
    windowed: bool = False  # ``among``: probes ask for a window, so an undated record is unknown
    product: str = ""  # ``product``: the product a record's own words must name (derive.names_product)
    limit: float | None = None  # ``product`` with a window: the bound on ``field`` its records must be inside
    excepting: tuple[str, ...] = ()  # ``except``: the excepted values (what they open stops opening: derive.open_beside)
    wider: int = 0  # ``among``: the last ``wider`` members count by their own record only (derive.among_wider)

    def all_probes(self) -> tuple[Probe, ...]:
        return self.probes + ((self.fresh,) if self.fresh else ())


def _active(concept: str) -> Probe:
    return Probe(tag_of(concept), "act", "$eq", 1)


def _window_probe(tag: str, window: Window) -> Probe:
    field, limit = window_limit(window)
    return Probe(tag, field, "$lte", limit)


@lru_cache(maxsize=65536)
def plan(pred: Predicate) -> Plan:
    if not supported(pred):
        return Plan("unknown")
    if pred.op is Op.IN:
        return Plan("present", probes=tuple(_active(c) for c in pred.value), members=tuple(pred.value))
    group = among(pred.concept, pred.value)
    if group is not None:
        wider = among_wider(pred.concept, pred.value)
        members = group[0] + group[1] + wider
        window = pred.window if pred.op in (Op.WITHIN, Op.NOT_WITHIN) else None
        members_probes = tuple(_window_probe(tag_of(c), window) if window is not None else _active(c) for c in members)
        negate = pred.op in (Op.ABSENT, Op.NOT_WITHIN)
        return Plan(
            "among", probes=members_probes, members=members, negate=negate, decided=len(group[0]),
            windowed=window is not None, wider=len(wider),
        )
    narrowed = excepted(pred.concept, pred.value)
    if narrowed is not None:
        members = narrowed[0] + narrowed[1]
        window = pred.window if pred.op in (Op.WITHIN, Op.NOT_WITHIN) else None
        members_probes = tuple(_window_probe(tag_of(c), window) if window is not None else _active(c) for c in members)
        return Plan(
            "except", tag_of(pred.concept), members_probes, members=members, negate=pred.op in (Op.ABSENT, Op.NOT_WITHIN),
            decided=len(narrowed[0]), windowed=window is not None, excepting=tuple(pred.value),
        )
    tag = tag_of(pred.concept)
    if pred.concept == "sex":
        probe = Probe(tag, "q", "$eq", str(pred.value).strip().lower())
        return Plan("value", tag, (probe,), field="q", negate=pred.op is Op.NEQ)
    spec = CONCEPTS[pred.concept]
    if spec.kind is Kind.EVENT and pred.op is Op.IS:
        field, limit = window_limit(pred.window) if pred.window is not None else ("", None)
        return Plan("product", tag, (_active(pred.concept),), members=(pred.concept,), product=str(pred.value), field=field, limit=limit)
    if spec.kind is Kind.EVENT:
        if pred.op in (Op.PRESENT, Op.ABSENT):
            return Plan("present", tag, (_active(pred.concept),), members=(pred.concept,), negate=pred.op is Op.ABSENT)
        assert pred.window is not None, "supported() lets an event through with a window or none needed"
        return Plan(
            "within", tag, (_window_probe(tag, pred.window),), members=(pred.concept,), negate=pred.op is Op.NOT_WITHIN
        )
    if pred.op in (Op.PRESENT, Op.ABSENT):
        # a scale's own value on record (derive.ON_RECORD_MEASURES): read off the recorded facts
        return Plan("recorded", tag, members=(pred.concept,), negate=pred.op is Op.ABSENT)
    fresh = _window_probe(tag, pred.window) if pred.window is not None else None
    if pred.op is Op.IS:
        return Plan("value", tag, (Probe(tag, "q", "$eq", str(pred.value).strip().lower()),), fresh, "q")
    try:
        bound = threshold(pred)
    except UnitError:
        return Plan("unknown")
    field = "r" if pred.uln else "v"
    if pred.op is Op.BETWEEN:
        low, high = bound
        probes: tuple[Probe, ...] = (
            Probe(tag, field, "$gte" if pred.low_inclusive else "$gt", low),
            Probe(tag, field, "$lte" if pred.high_inclusive else "$lt", high),
        )
    else:
        probes = (Probe(tag, field, _DURABLE_OP[pred.op], bound[0]),)
    return Plan("value", tag, probes, fresh, field)


# -- the derivation ruleset: forward chaining over the catalogue ---------------------------------

PERFORMANCE = tuple(PERFORMANCE_SOURCES)
Produce = Callable[[dict[str, Any]], list[dict[str, Any]]]
_EVENT_FIELDS = ("act", "dd", "mo", "nd", "d", "nq")


def _chain(fact: dict[str, Any], source: str, target: str) -> str:
    origin = source if fact.get("k") == "rec" else fact["k"]
    return f"{origin}>{target}"


def _implied_event(source: str, parent: str) -> Produce:
    def produce(fact: dict[str, Any]) -> list[dict[str, Any]]:
        derived = {k: fact[k] for k in _EVENT_FIELDS if k in fact}
        derived.update(t=f"e:{parent}", k=_chain(fact, source, parent))
        return [derived]

    return produce


def _positive_test(test: str, target: str) -> Produce:
    def produce(fact: dict[str, Any]) -> list[dict[str, Any]]:
        derived: dict[str, Any] = {k: fact[k] for k in ("dd", "mo") if k in fact}
        if "dd" not in fact:
            derived["nd"] = 1
        derived.update(t=f"e:{target}", k=f"{test}>{target}", act=1)
        return [derived]

    return produce


def _converted_score(source: str, target: str) -> Produce:
    def produce(fact: dict[str, Any]) -> list[dict[str, Any]]:
        values = convert_performance(source, fact["v"], target)
        ends = ("",) if len(values) == 1 else (":lo", ":hi")
        extra: dict[str, Any] = {k: fact[k] for k in ("dd", "mo") if k in fact}
        return [
            dict(extra, t=f"m:{target}", k=f"{source}>{target}{end}", v=number(v)) for v, end in zip(values, ends, strict=True)
        ]

    return produce


def _measured_by(source: str, target: str) -> Produce:
    def produce(fact: dict[str, Any]) -> list[dict[str, Any]]:
        extra: dict[str, Any] = {k: fact[k] for k in ("dd", "mo") if k in fact}
        return [dict(extra, t=f"m:{target}", k=f"{source}>{target}", v=fact["v"])]

    return produce


def derivation_rules() -> tuple[tuple[DerivationRule, ...], tuple[str, ...]]:
    rules: list[DerivationRule] = []
    for child, parents in sorted(EVENT_IMPLIES.items()):
        for parent in parents:
            rules.append(DerivationRule(f"d:{child}>{parent}", f"e:{child}", None, _implied_event(child, parent)))
    for test, target in sorted(POSITIVE_TEST_IMPLIES.items()):
        rules.append(DerivationRule(f"d:{test}+>{target}", f"m:{test}", {"q": "positive"}, _positive_test(test, target)))
    for target, sources in PERFORMANCE_SOURCES.items():
        for source in sources:
            rules.append(
                DerivationRule(
                    f"d:{source}>{target}", f"m:{source}", {f"need_{target}": 1}, _converted_score(source, target)
                )
            )
    for target, sources in MEASURE_SOURCES.items():
        for source in sources:
            rules.append(DerivationRule(f"d:{source}>{target}", f"m:{source}", {f"need_{target}": 1}, _measured_by(source, target)))
    sinks = tuple(
        sorted(
            {f"e:{c.id}" for c in CONCEPTS.values() if c.kind is Kind.EVENT}
            | {f"m:{p}" for p in PERFORMANCE}
            | {f"m:{t}" for t in MEASURE_SOURCES}
            | {f"m:{s}" for sources in MEASURE_SOURCES.values() for s in sources}  # (only facts of a sink's tag are derived from)
            | {f"m:{t}" for t in POSITIVE_TEST_IMPLIES}
        )
    )
    return tuple(rules), sinks


DERIVATION_RULESET = "eligo-derive-" + hashlib.sha1(
    "\n".join(r.key for r in derivation_rules()[0]).encode()
).hexdigest()[:12]


def patient_facts(snap: Snapshot) -> list[dict[str, Any]]:
    """The recorded part of a snapshot as flat facts, one per concept: real numbers, no
    ``None``, words only where a rule compares words. Derived facts come from the rules."""
    facts: list[dict[str, Any]] = []
    if snap.age is not None:
        facts.append({"t": "d:age", "k": "rec", "v": float(snap.age)})
    if snap.sex is not None:
        facts.append({"t": "d:sex", "k": "rec", "q": snap.sex})
    recorded = {c: m for c, m in snap.measurements.items() if m.via is None and c in CONCEPTS}
    numeric = frozenset(c for c, m in recorded.items() if m.values)
    for concept, m in recorded.items():
        fact: dict[str, Any] = {"t": f"m:{concept}", "k": "rec"}
        if m.values:
            fact["v"] = m.values[0]
        if m.ratio is not None:
            fact["r"] = m.ratio
        if m.word is not None:
            fact["q"] = m.word
        if m.dd is not None:
            fact["dd"], fact["mo"] = m.dd, m.mo
        for target in PERFORMANCE:
            if target not in recorded and performance_source(target, numeric) == concept:
                fact[f"need_{target}"] = 1
        for target in MEASURE_SOURCES:
            if target not in recorded and measure_source(target, numeric) == concept:
                fact[f"need_{target}"] = 1
        facts.append(fact)
    for concept, view in snap.recorded_events.items():
        if concept not in CONCEPTS:
            continue
        fact = {"t": f"e:{concept}", "k": "rec", "act": int(view.active)}
        if view.dd is not None:
            fact["dd"], fact["mo"] = view.dd, view.mo
        if view.undated:
            fact["nd"] = 1
        if view.quotes:  # a record's own words, for a line naming a product
            fact["d"] = "\n".join(view.quotes)
        if view.unquoted:
            fact["nq"] = 1
        if view.quote_times:  # each quote with its own elapsed days and months, for a product asked within a window
            fact["dq"] = encode_quote_times(view.quote_times)
        facts.append(fact)
    return facts


class Compiler:
    """Assigns probes to content-named rulesets in a ``ProbeNetwork``, adding only new ones."""

    def __init__(self, network: ProbeNetwork) -> None:
        self.network = network
        self.ruleset_of: dict[str, str] = {}  # probe key -> ruleset name
        self.tags_of_ruleset: dict[str, tuple[str, ...]] = {}
        rules, sinks = derivation_rules()
        network.define(DERIVATION_RULESET, derivations=rules, sinks=sinks)
        self.derivation_tags = frozenset(sinks)

    def add(self, probes: Iterable[Probe]) -> None:
        by_tag: dict[str, dict[str, Probe]] = {}
        for probe in probes:
            if probe.key not in self.ruleset_of:
                by_tag.setdefault(probe.tag, {})[probe.key] = probe
        for name, chunk in self._define(list(found.values()) for _, found in sorted(by_tag.items())):
            for p in chunk:
                self.ruleset_of[p.key] = name

    def focus(self, probes: Iterable[Probe]) -> frozenset[str]:
        """Rulesets holding only these probes (one trial's), beside the shared shards.

        Asserting a patient into the shared shards fires every trial's probes that hold for
        it, about ten times one trial's share; re-matching one trial against thousands of
        patients pays that per patient. The same probe keys fire, so deciding is unchanged.
        All of the trial's tags share its rulesets (each tag keeps its catch-all rule): one
        assert and one delete per patient instead of one per tag.
        """
        return frozenset(name for name, _ in self._define([list({p.key: p for p in probes}.values())]))

    def _define(self, groups: Iterable[list[Probe]]) -> list[tuple[str, list[Probe]]]:
        """Each group's probes, in key order, as rulesets of at most ``MAX_PROBES_PER_RULESET``
        named by their content (so an identical chunk is one ruleset, however reached)."""
        defined = []
        for group in groups:
            ordered = sorted(group, key=lambda p: p.key)
            for start in range(0, len(ordered), MAX_PROBES_PER_RULESET):
                chunk = ordered[start : start + MAX_PROBES_PER_RULESET]
                name = "eligo-" + hashlib.sha1("\n".join(p.key for p in chunk).encode()).hexdigest()[:16]
                self.network.define(name, probes=[p.rule() for p in chunk])
                self.tags_of_ruleset[name] = tuple(sorted({p.tag for p in chunk}))
                defined.append((name, chunk))
        return defined
