"""An exception to what a line asks ("X except Y", "X other than Y", "X (Y allowed)", "X unless
Y"), read so that it never clears a patient the rest of the line excludes.

Read as ``All(X, Not(Y))``, a patient whose record holds Y and another X event was cleared by Y:
"No concurrent chemotherapy except taxanes" let a patient on a taxane and a platinum through,
the worst error Eligo can make (eligible where the text excludes). Two readings replace it:

* Y names kinds of X the catalogue holds (a taxane is a chemotherapy): X is asked with Y
  excepted, ``Predicate(X, value=(Y, ...))`` (``derive.excepted``), met by an X event no
  exception covers, whichever evaluator decides it;
* anything else (Y a condition of use, a dose, an event the catalogue does not hold under X): a
  record holding Y does not show that the X it holds is the excepted one, so in an exclusion Y
  leaves the line open, ``All(X, Any_(Not(Y), review))``: the patient with X and Y is a
  person's to clear, never cleared by the record.

In an inclusion ``All(X, Not(Y))`` already errs on the safe side (the patient with Y fails); the
event reading, where it applies, is only more exact there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.concepts import CONCEPTS, IN_SITU, MALIGNANCIES, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.derive import AMONG, GRADED_EVENTS, QUALIFIED_EVENTS, excepted, kinds_of
from rules_engine.parser.items import all_of, any_of, map_leaves
from rules_engine.parser.permitted_drugs import narrowed_by_permitted
from rules_engine.parser.remarks import HYDROXYUREA_EXCEPTED
from rules_engine.parser.safety import Qualifier

_ASKED_OPS = frozenset({Op.PRESENT, Op.WITHIN})
# what ``topics.coded`` folds into another malignancy's value (its ``_EXCEPTABLE``)
_FOLDED = frozenset(MALIGNANCIES) | frozenset(IN_SITU)
# measurements of one record of an event (the latest): a steroid's daily dose, a graded or
# qualified event (``derive.GRADED_EVENTS``, ``derive.QUALIFIED_EVENTS``)
_OF_ONE_RECORD = frozenset({"steroid_dose", *GRADED_EVENTS, *QUALIFIED_EVENTS})


def _event(p: Predicate) -> bool:
    spec = CONCEPTS.get(p.concept)
    return spec is not None and spec.kind is Kind.EVENT and p.concept not in AMONG


def _excepted_kinds(exc: Expr) -> tuple[str, ...] | None:
    """The events an exception names when it names nothing else (a plain record of each)."""
    options = exc.parts if isinstance(exc, Any_) else (exc,)
    if not all(isinstance(o, Predicate) and o.op is Op.PRESENT and o.value is None and o.window is None and _event(o) for o in options):
        return None
    return tuple(dict.fromkeys(o.concept for o in options if isinstance(o, Predicate)))


def _narrow(expr: Expr, kinds: tuple[str, ...], used: set[str]) -> Expr | None:
    """``expr`` with each event it asks for (outside any negation) narrowed to the ``kinds`` of
    it not excepted; None where a narrowed predicate would except nothing valid."""
    if isinstance(expr, Predicate):
        if expr.op not in _ASKED_OPS or expr.value is not None or not _event(expr):
            return expr
        mine = tuple(k for k in kinds if k != expr.concept and k in kinds_of(expr.concept))
        if not mine:
            return expr
        if excepted(expr.concept, mine) is None:
            return None
        used.update(mine)
        return replace(expr, value=mine)
    if isinstance(expr, (All, Any_)):
        parts = [_narrow(p, kinds, used) for p in expr.parts]
        if any(p is None for p in parts):
            return None
        return type(expr)(tuple(p for p in parts if p is not None))
    return expr  # under a negation, a review: nothing asked to narrow


def narrowed_by_kinds(expr: Expr, exc: Expr) -> Expr | None:
    """``expr`` asking its events with the exception's kinds excepted, when every event the
    exception names is a kind of an event ``expr`` asks for; else None."""
    kinds = _excepted_kinds(exc)
    if not kinds:
        return None
    used: set[str] = set()
    narrowed = _narrow(expr, kinds, used)
    if narrowed is None or used != set(kinds):
        return None
    return narrowed


def _may_be(expr: Expr, met: bool) -> bool:
    """Whether a record can decide ``expr`` met (``met``) or not met: a review never decides."""
    if isinstance(expr, Predicate):
        return True
    if isinstance(expr, Not):
        return _may_be(expr.part, not met)
    if isinstance(expr, (All, Any_)):
        every = isinstance(expr, All) is met  # All met / Any_ not met: every part so
        found = [_may_be(p, met) for p in expr.parts]
        return all(found) if every else any(found)
    return isinstance(expr, NoRequirement) and met


def _asked_events(expr: Expr) -> list[Predicate]:
    """The events ``expr`` asks for, outside any negation."""
    if isinstance(expr, Predicate):
        return [expr] if expr.op in _ASKED_OPS and CONCEPTS.get(expr.concept) is not None and CONCEPTS[expr.concept].kind is Kind.EVENT else []
    if isinstance(expr, (All, Any_)):
        return [p for part in expr.parts for p in _asked_events(part)]
    return []


def _malignancies_folded(asked: list[Predicate], exc: Expr) -> bool:
    """Another malignancy with malignancies excepted: ``topics.coded`` folds ``Not`` of them into
    the predicate's value (``derive.among``), the event reading for that concept."""
    named = [p for p in iter_predicates(exc)]
    return (all(p.concept in AMONG for p in asked) and bool(named)
            and all(p.concept in _FOLDED and p.op in _ASKED_OPS for p in named))


def _about_the_patient(asked: list[Predicate], exc: Expr) -> bool:
    """Whether the exception asks only the patient's own tests ("HIV unless CD4 > 350", "HCV
    antibody positive ... can be enrolled if HCV RNA is negative"), restating at most the events
    the line asks: one value for the patient, not one of several records. A measurement of one
    record of an event (a steroid's dose, a GVHD grade) is no such test: it is the latest
    record's, and another record may be the one excluded."""
    own = {p.concept for p in asked}
    named = list(iter_predicates(exc))
    return bool(named) and all(
        p.concept in own or (p.concept in CONCEPTS and CONCEPTS[p.concept].kind is not Kind.EVENT and p.concept not in _OF_ONE_RECORD)
        for p in named
    )


# events a concept's own definition leaves out, so an exception naming them excepts nothing the
# concept holds: "Previous or next organ transplant (except for HCT)" (a seed line) asks a solid
# organ's transplant, whose codes (Z94.0-Z94.4, Z94.82, Z94.83) never hold a stem cell's (Z94.81,
# Z94.84). Read as an exception that may cover the record, a kidney transplant beside a past HSCT
# was a person's to clear; the HSCT never made the kidney's transplant any less the line's.
_OUTSIDE: dict[str, frozenset[str]] = {"organ_transplant": frozenset(kinds_of("hsct"))}


def _outside_of_asked(asked: list[Predicate], exc: Expr) -> bool:
    """Whether every event the exception names is one every event the line asks leaves out by
    its definition (``_OUTSIDE``)."""
    kinds = _excepted_kinds(exc)
    return bool(kinds) and all(p.concept in _OUTSIDE and set(kinds) <= _OUTSIDE[p.concept] for p in asked)


def except_from(expr: Expr, exc: Expr, effective: CriterionType, words: str, marked: bool = True) -> Expr:
    """What ``expr`` asks once ``exc`` is excepted from it (module docstring). The exception of a
    line asking no event (a QTc "unless a pacemaker is present"), or one asking only the
    patient's own tests, is about the patient, whose one value it concerns: it stays
    ``Not(exc)``. ``marked``: the review is a ``Qualifier`` for the line's safety pass
    (``safety.enforce``) still to come; a caller past that pass (a heading joined with the lines
    under it) stores a plain review."""
    narrowed = narrowed_by_kinds(expr, exc)
    if narrowed is None:
        narrowed = narrowed_by_permitted(expr, exc)  # "anticoagulants except aspirin <= 150 mg per day or LMWH"
    if narrowed is not None:
        return narrowed
    asked = _asked_events(expr)
    if asked and _outside_of_asked(asked, exc):
        return expr
    if not asked or _malignancies_folded(asked, exc) or _about_the_patient(asked, exc):
        return all_of([expr, Not(exc)])
    if isinstance(exc, Any_) and all(p.concept in AMONG for p in asked):
        # "other malignancies except non-melanoma skin cancer or cervical dysplasia": the cancers
        # fold into the predicate's value, the rest is read as below
        # (only a plain one: a condition beside it, "prostate cancer if a prostatectomy has been
        # performed", would be dropped by the fold)
        folded = [o for o in exc.parts if _excepted_kinds(o) is not None and _malignancies_folded(asked, o)]
        if folded and len(folded) < len(exc.parts):
            rest = any_of([o for o in exc.parts if o not in folded])
            return all_of([expr, Not(any_of(folded)), except_from(expr, rest, effective, words, marked)])
    if effective is CriterionType.EXCLUSION and _may_be(exc, True):  # an exception no record meets clears nobody
        said = " ".join(words.split()) or "an exception"
        why = (Qualifier if marked else Review)(ReviewReason.AMBIGUOUS, "whether the exception covers every record the line excludes: " + said)
        return all_of([expr, any_of([Not(exc), why])])
    return all_of([expr, Not(exc)])


_HYDROXYUREA_EXCEPTED = re.compile(HYDROXYUREA_EXCEPTED, re.I)


def hydroxyurea_excepted(text: str, expr: Expr) -> Expr:
    """``expr`` with its chemotherapy and anticancer therapy asked with hydroxyurea excepted when
    ``text`` excepts it from them (remarks blanks the words)."""
    if "hydr" not in text.lower() or not _HYDROXYUREA_EXCEPTED.search(text):
        return expr

    def leaf(e: Expr) -> Expr:
        if isinstance(e, Predicate) and e.concept in ("chemotherapy", "anticancer_therapy") and e.value is None and e.op in (Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN):
            return replace(e, value=("hydroxyurea",))
        return e

    return map_leaves(expr, leaf)
