"""The only module that imports durable-rules: a small network of "probe" rules.

The rest of Eligo sees ``ProbeNetwork``: register rulesets of probes (a tag plus one
condition), assert a batch of facts, get back which probes fired for which fact. Keeping the
library behind this seam matters because it is unmaintained (last release 2020, C extension):
it could be replaced without touching the compiler or the engine.

What this module guards against (see /work/shared/notes/durable-rules.md):

* the stock ``Host`` starts two timer threads that walk every ruleset: ``_QuietHost`` does not;
* an exception inside an action is swallowed by the library: actions here catch it and
  record it, so the engine can report it as that trial's error;
* two threads on one session segfault: every call into the library holds one lock;
* ``create_ruleset`` fails at random with error 102: it is retried once;
* after ``fork`` the C state is shared copy-on-write and the lock may be held by a thread that
  no longer exists: the network notices the new process id and rebuilds itself lazily from
  the definitions it keeps (so build before or after forking; both are safe);
* sessions are deleted after every evaluation, so memory stays flat;
* the library's Python loop around each fired rule (a closure, a lease clock, the session
  state encoded to JSON again) cost ~20 µs a rule, most of a trial's re-match: ``_drive`` makes
  the same C calls in the same order without it (a test compares the two on every example);
* a fact no rule matches raises ``MessageNotHandledException`` and the following
  ``delete_state`` segfaults: every tag gets a catch-all rule, and callers assert only facts
  whose tag the ruleset knows;
* the C engine's JSON reader stops a number at an exponent unless a fraction comes first, so
  Python's ``1e-05`` or ``1e+16`` (how ``repr`` writes a float below 0.0001 or from 10^16 up)
  fails ``create_ruleset`` with error 204 (ERR_PARSE_OBJECT) in a condition, and in a fact is
  silently misread (no rule fires, the session is left broken): every ruleset and fact goes to
  the engine through ``engine_json``, which writes such a number as ``1.0e-05``.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as _rules_c
from durable import engine as _durable

MessageNotHandled = _durable.MessageNotHandledException


def engine_json(value: Any) -> str:
    """``value`` as JSON the C engine reads back exactly.

    ``json.dumps`` is the fast path; only when its text holds an exponent (or a non-finite
    number) is the value written again by ``_careful_json``. The check may also hit a string
    that merely contains ``e-``; the careful writer is right for those too, only slower.
    """
    text = json.dumps(value, ensure_ascii=False)
    if "e-" in text or "e+" in text or "NaN" in text or "Infinity" in text:
        return _careful_json(value)
    return text


def _careful_json(value: Any) -> str:
    if value is None or isinstance(value, (bool, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return _engine_float(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)}: {_careful_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_careful_json(v) for v in value) + "]"
    raise TypeError(f"not JSON for the rules engine: {type(value).__name__}")


def _engine_float(value: float) -> str:
    """``repr`` (the shortest text that reads back as the same double), with ``.0`` before a
    bare exponent: ``atof`` reads ``1.0e-05`` as the same double as ``1e-05``."""
    if not math.isfinite(value):
        # The engine reads NaN as null and cannot read Infinity (error 202): neither compares.
        raise ValueError(f"the rules engine cannot compare {value!r}")
    text = repr(value)
    mantissa, exponent, power = text.partition("e")
    if exponent and "." not in mantissa:
        return f"{mantissa}.0e{power}"
    return text


class _Ruleset(_durable.Ruleset):
    """The library's ruleset, given its definition and facts through ``engine_json``.

    Unlike the library's, it leaves the caller's definition as it was (the library deletes
    each rule's ``run``), so a registration can be retried with the same definition.
    """

    def __init__(self, name: str, host: Any, definition: Mapping[str, Mapping[str, Any]]) -> None:
        self._name = name
        self._host = host
        self._actions = {rule_name: _durable.Promise(rule["run"]) for rule_name, rule in definition.items()}
        plain = {rule_name: {k: v for k, v in rule.items() if k != "run"} for rule_name, rule in definition.items()}
        self._handle = _rules_c.create_ruleset(name, engine_json(plain))
        self._definition = plain

    def assert_fact(self, fact: dict[str, Any]) -> Any:
        return self._handle_result(_rules_c.assert_fact(self._handle, engine_json(fact)), fact)

    def assert_facts(self, facts: list[dict[str, Any]]) -> Any:
        return self._handle_result(_rules_c.assert_facts(self._handle, engine_json(facts)), facts)


class _QuietHost(_durable.Host):
    """A host without the timer threads (Eligo uses no timers and no event queues), whose
    rulesets are ``_Ruleset``."""

    def _run(self) -> None:
        return None

    def register_rulesets(self, ruleset_definitions: Mapping[str, Any]) -> None:
        for name, definition in ruleset_definitions.items():
            if name in self._ruleset_directory:
                raise ValueError(f"ruleset {name} already registered")
            ruleset = _Ruleset(name, self, definition)
            self._ruleset_directory[name] = ruleset
            self._ruleset_list.append(ruleset)


@dataclass(frozen=True)
class ProbeRule:
    """One rule: the fact's tag, and one condition in durable's JSON (``{"$lte": {"v": 3}}``)."""

    key: str
    tag: str
    condition: Mapping[str, Any]


@dataclass(frozen=True)
class DerivationRule:
    """A forward-chaining rule: facts tagged ``tag`` meeting ``condition`` produce the facts
    ``produce(fact)`` returns; each is asserted into the same session and so chains on."""

    key: str
    tag: str
    condition: Mapping[str, Any] | None
    produce: Any  # Callable[[dict], list[dict]]


class ProbeNetwork:
    """Rulesets of probes and derivations, with one lock and lazily built per process."""

    def __init__(self) -> None:
        self._definitions: dict[str, tuple[tuple[ProbeRule, ...], tuple[DerivationRule, ...], tuple[str, ...]]] = {}
        self._host: _QuietHost | None = None
        self._pid: int | None = None
        self._lock = threading.RLock()
        self._session = itertools.count(1)
        self._fired: list[tuple[str, str]] = []
        self._derived: list[dict[str, Any]] = []
        self._errors: list[tuple[str, str]] = []

    # -- definition ------------------------------------------------------------------------

    def define(
        self,
        name: str,
        probes: Iterable[ProbeRule] = (),
        derivations: Iterable[DerivationRule] = (),
        sinks: Iterable[str] = (),
    ) -> None:
        """Add a ruleset (named by its content, so a name is never defined twice).

        ``sinks`` are tags whose facts are collected as derived (every derived fact needs a
        consumer, or the library silently aborts the action that asserted it).
        """
        if name in self._definitions:
            return
        definition = (tuple(probes), tuple(derivations), tuple(sinks))
        with self._lock:
            self._definitions[name] = definition
            if self._host is not None and self._pid == os.getpid():
                self._register(name, definition)

    def ruleset_count(self) -> int:
        return len(self._definitions)

    def rule_count(self) -> int:
        return sum(len(p) + len(d) + len(s) for p, d, s in self._definitions.values())

    # -- the library -------------------------------------------------------------------------

    def _ensure_host(self) -> _QuietHost:
        pid = os.getpid()
        if self._host is None or self._pid != pid:
            if self._pid is not None and self._pid != pid:
                self._lock = threading.RLock()  # a lock copied mid-use by fork would never open
            self._host, self._pid = _QuietHost(), pid
            for name, definition in self._definitions.items():
                self._register(name, definition)
        return self._host

    def _record(self, key: str, fact_key: str) -> None:
        self._fired.append((key, fact_key))

    def _probe_action(self, key: str) -> Callable[[Any], None]:
        def action(c: Any) -> None:
            try:
                self._record(key, c.m["k"])
            except Exception as exc:  # the library would swallow it: keep it for the engine
                self._errors.append((key, f"{type(exc).__name__}: {exc}"))

        return action

    def _derivation_action(self, rule: DerivationRule) -> Callable[[Any], None]:
        def action(c: Any) -> None:
            try:
                for fact in rule.produce(dict(c.m._d)):
                    c.assert_fact(fact)
            except MessageNotHandled:
                pass
            except Exception as exc:
                self._errors.append((rule.key, f"{type(exc).__name__}: {exc}"))

        return action

    def _sink_action(self, c: Any) -> None:
        fact = {k: v for k, v in c.m._d.items() if k not in ("sid", "id", "$s")}
        if fact.get("k") != "rec":
            self._derived.append(fact)

    def _register(self, name: str, definition: Any) -> None:
        probes, derivations, sinks = definition
        rules: dict[str, Any] = {}
        for probe in probes:
            rules[probe.key] = {
                "all": [{"m": {"$and": [{"t": probe.tag}, dict(probe.condition)]}}],
                "run": self._probe_action(probe.key),
            }
        for rule in derivations:
            pattern: list[Any] = [{"t": rule.tag}]
            if rule.condition is not None:
                pattern.append(dict(rule.condition))
            rules[rule.key] = {
                "all": [{"m": {"$and": pattern} if len(pattern) > 1 else pattern[0]}],
                "run": self._derivation_action(rule),
            }
        for tag in sinks:
            rules[f"sink:{tag}"] = {"all": [{"m": {"t": tag}}], "run": self._sink_action}
        # A fact that no rule matches makes the next delete_state segfault (measured): give
        # every tag a rule that always matches.
        for tag in sorted({p.tag for p in probes} - set(sinks)):
            rules[f"any:{tag}"] = {"all": [{"m": {"t": tag}}], "run": _ignore}
        assert self._host is not None
        try:
            self._host.register_rulesets({name: rules})
        except Exception as exc:
            if "102" not in str(exc):
                raise
            self._host.register_rulesets({name: rules})  # error 102 is spurious: retry once

    # -- evaluation ----------------------------------------------------------------------------

    def run(self, batches: Mapping[str, list[dict[str, Any]]]) -> RunResult:
        """Assert each ruleset's facts as facts (not events: every matching rule fires) in a
        fresh session, then delete the session. Returns what fired, what was derived and
        any error raised inside an action."""
        with self._lock:
            host = self._ensure_host()
            self._fired, self._derived, self._errors = [], [], []
            for name, facts in batches.items():
                if not facts:
                    continue
                sid = str(next(self._session))
                try:
                    self._drive(host.get_ruleset(name), sid, [dict(f, sid=sid) for f in facts])
                except (MessageNotHandled, _durable.MessageObservedException):
                    pass
                finally:
                    host.delete_state(name, sid)
            return RunResult(self._fired, self._derived, self._errors)

    def _drive(self, ruleset: Any, sid: str, facts: list[dict[str, Any]]) -> None:
        """Assert the facts and run every rule that fires, in the library's own order.

        This is the loop of ``Ruleset.do_actions`` / ``_flush_actions`` without its per-rule
        machinery (a closure, a lease clock, the session state encoded to JSON again after
        every rule): about 20 µs per fired rule, most of a trial's re-match. The C calls are
        the same, in the same order; the state goes back unchanged because no action here
        changes it, and an action's exception is recorded instead of written into the state.
        """
        handle = ruleset._handle
        state_handle = ruleset.assert_facts(facts)  # raises MessageNotHandled / Observed
        started = _rules_c.start_action_for_state(handle, state_handle)
        if not started:
            return
        state, message = started[0], json.loads(started[1])
        actions = ruleset._actions
        while message:
            rule_name, matched = next(iter(message.items()))  # one rule's match per step
            try:
                actions[rule_name]._func(_Session(ruleset, sid, matched["m"]))
            except Exception as exc:
                self._errors.append((rule_name, f"{type(exc).__name__}: {exc}"))
            _rules_c.update_state(handle, state)
            following = _rules_c.complete_and_start_action(handle, state_handle)
            message = json.loads(following) if following else None

    def live_sessions(self, names: Iterable[str], sids: Iterable[str]) -> int:
        """How many of these session ids still hold state (for the no-leak tests)."""
        count = 0
        with self._lock:
            host = self._ensure_host()
            for name in names:
                for sid in sids:
                    try:
                        host.get_state(name, sid)
                    except Exception:
                        continue
                    count += 1
        return count

    def last_session(self) -> int:
        """The highest session id handed out so far."""
        probe = next(self._session)
        self._session = itertools.count(probe + 1)
        return probe - 1


def _ignore(c: Any) -> None:
    return None


class _Session:
    """What an action sees: the fact that fired it (as the library's ``c.m``) and a way to
    assert a derived fact into the same session (as ``c.assert_fact``)."""

    __slots__ = ("m", "_ruleset", "_sid")

    def __init__(self, ruleset: Any, sid: str, fact: dict[str, Any]) -> None:
        self.m = _durable.Content(fact)
        self._ruleset = ruleset
        self._sid = sid

    def assert_fact(self, fact: dict[str, Any]) -> None:
        fact.setdefault("sid", self._sid)
        self._ruleset.assert_fact(fact)


@dataclass(frozen=True)
class RunResult:
    fired: list[tuple[str, str]]  # (probe key, fact key)
    derived: list[dict[str, Any]]
    errors: list[tuple[str, str]]  # (rule key, message)
