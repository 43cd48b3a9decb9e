"""A corticosteroid permitted up to a dose, among a trial's inclusions: "Prednisone (≤ 10 mg per
day) allowed provided there has been no dose increase within the past 2 weeks", "Concurrent
low-dose steroid replacement regimens (≤ 5 mg/day of prednisone) allowed", "If applicable, ongoing
therapy with a stable or decreasing dose of prednisone ≤ 60 mg/d ...", and the same permission in
a bracket: "At least 30 days since prior immunosuppressive therapy (concurrent prednisone allowed
provided dose is ≤ 10 mg daily)", "No concurrent corticosteroids (≤ 10 mg prednisone/day or
equivalent allowed)" (issue 14, rx21; about a dozen corpus lines).

A permission asks nothing of a patient who takes no corticosteroid. Read as a clause, the steroid
and its dose joined into one requirement ("steroid-therapy and steroid-dose <= 10"), every patient
without prednisone failed the line, and under the bracketed prohibition the permitted dose was the
one excluded. What the cap decides is the patient who takes a corticosteroid now (within two
weeks, as purpose_dose reads "on prednisone"): under the cap met, over it not met, a dose the
record does not state unknown (``steroid_dose`` is the daily dose in prednisone equivalents).
Conditions the permission adds ("stable", "no dose increase within 2 weeks", "if prescribed for
disorders other than lymphoma") are a person's, and only for the patient on a steroid under the
cap: never met on their strength, never a failure for the patient who takes none.

Read only where the cap names prednisone (or prednisolone, or "prednisone equivalent"): a cap of
"10 mg" of an unnamed or another steroid is no prednisone-equivalent dose (10 mg of dexamethasone
is about 67 mg of prednisone); another steroid's own cap beside it ("or hydrocortisone no more than
40 mg/day") is a second way to meet it, left to a person. The words before the permission must name
only the steroid (a clause read as anything else, "Patients with brain metastases ... are
eligible", keeps the line to its other readers).

Every pattern is bounded: literals, bounded classes and {0,N} repetitions; none nests one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rules_engine.criteria import CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.items import I, NOW, all_of, any_of, map_leaves
from rules_engine.parser.prednisone_dose import OTHER_STEROID, PREDNISONE, blank_caps, caps, dose_op
from rules_engine.parser.safety import Alternative

_NOW = NOW
_STEROID_CONCEPTS = frozenset({"steroid_therapy", "steroid_dose"})

_PREDNISONE = PREDNISONE
_OTHER_STEROID = OTHER_STEROID
_ANY_STEROID = re.compile(r"\b(?:(?:cortico|gluco)?steroid(?:al|s)?|glucocorticoids?|corticoids?|" + _PREDNISONE + "|" + _OTHER_STEROID + r")\b", I)
# a cap: "≤ 10 mg", "no more than 10 mg/day", "maximum dose of 20 mg", with the steroid it names
# after it ("≤ 10 mg prednisone/day", "≤ 5 mg/day of prednisone", "20 mg of prednisone per day"):
# parser.prednisone_dose's caps
# the steroid the cap names before it: "prednisone ≤ 60 mg/d", "prednisone (≤ 10 mg", "prednisone is no more than 10 mg"
_BEFORE_CAP = re.compile(r"\b(?P<drug>" + _PREDNISONE + "|" + _OTHER_STEROID + r")\s{0,3}(?:\(\s{0,2}|(?:is|at|of|dose)\s+){0,2}$", I)
_PREDNISONE_EQUIVALENT = re.compile(r"\s{0,3}(?:/\s*day\s+)?(?:of\s+)?(?:" + _PREDNISONE + r")?\s{0,3}(?:or\s+(?:its\s+)?)?equivalents?\b", I)
_PERMIT = re.compile(r"\b(?:(?:is|are|will\s+be|be)\s+)?(?:allowed|permitted|acceptable)\b", I)
_IF_APPLICABLE = re.compile(r"^\W{0,3}if\s+applicable\s{0,3}[,:]\s{0,3}", I)
# what follows a permission and conditions it ("provided ...", "if prescribed for ...", ", for which ...")
_CONDITION = re.compile(r"^[\s,]{0,4}(?:provided|providing|if|as\s+long\s+as|so\s+long\s+as|only\s+if|when|for\s+which|that|with)\b", I)
# words that restate the permitted steroid, its time or its dose and ask nothing more
_FILLER = re.compile(
    r"\b(?:concurrent(?:ly)?|concomitant(?:ly)?|ongoing|current(?:ly)?|prior\s+and|use|using|of|with|on|the|a|an|at|in|is|are|be|dose[sd]?|dosage|dosing|daily|per|day|"
    r"or|and|its|other|equivalents?|systemic|oral|low|low-dose|physiologic(?:al)?|replacement|regimens?|therapy|treatment|steroid|therapy|patients?|subjects?|"
    r"may|receive|receiving|taking|maximum|mg|level|for|provided|providing|as\s+long\s+as|so\s+long\s+as|only\s+if|if|when)\b|[\W\d_]",
    I,
)
# the course of the steroid taken, which a person judges: "stable", "not increased within the past month"
_QUALIFIER = re.compile(
    r"\b(?:stable|stabili[sz]ed|decreasing|tapering|taper|chronic|maintenance|long[\s-]term|unchanged|not|no|increased?|increases|change[ds]?|within|past|last|"
    r"weeks?|months?|days?|prior|to|study|entry|enrol+ment|registration|i\.?\s?e|e\.?\s?g)\b",
    I,
)
# what the steroid is taken for ("for indications other than multiple myeloma", "if prescribed for
# disorders other than lymphoma"): a condition of the permission, and an example bracket
_PURPOSE = re.compile(r"\bfor\s+(?:indications?|disorders?|conditions?|reasons?|diseases?|treatment|management)\b[^,;()]{0,80}", I)
_REMARK = re.compile(r"\(\s{0,2}(?:i\.?\s?e|e\.?\s?g)\.?,?[^()]{0,120}\)", I)
_MAXIMUM_LEAD = re.compile(r"\W{0,3}(?:the\s+)?maximum\s+(?:daily\s+)?(?:dose|dosage)\s{0,3}", I)
_BRACKET = re.compile(r"\((?P<inner>[^()]{4,300})\)")
_SENTENCE = re.compile(r";|\.\s+[A-Z]")


def steroid_dose_permit(text: str, ctype: CriterionType, read_rest: Callable[[str], Expr]) -> Expr | None:
    """A line that permits a corticosteroid up to a prednisone dose, as what it asks: an
    inclusion's whole or bracketed permission, an exclusion's whole one (what it excludes is the
    steroid over the cap); None for any other line."""
    low = text.lower()
    if "mg" not in low or "predniso" not in low or not any(w in low for w in ("allow", "permit", "acceptab", "applicable")):
        return None
    whole = _permission(text)
    if whole is not None:
        if ctype is CriterionType.INCLUSION:
            return _permitted(*whole)
        # an exclusion that only permits (or a permission under "No other concurrent therapy:",
        # whose items are read as exclusions): what it excludes is the steroid over the cap
        return _forbidden(*whole)
    if ctype is not CriterionType.INCLUSION:
        return None
    for m in _BRACKET.finditer(text):
        read = _permission(m.group("inner"))
        if read is None:
            continue
        permitted = _permitted(*read)
        rest_text = text[: m.start()] + " " + text[m.end():]
        if not rest_text.strip(" ,.;:-"):
            return permitted
        rest = read_rest(rest_text)
        if isinstance(rest, Review):
            return None
        concepts = {p.concept for p in iter_predicates(rest)}
        if not concepts & _STEROID_CONCEPTS:
            return all_of([rest, permitted])
        within_cap, others = read
        if "steroid_dose" in concepts:
            return None
        # "No concurrent corticosteroids (≤ 10 mg prednisone/day ... allowed)": the prohibition
        # is of the steroid over the cap
        over = _over(within_cap, others)
        return map_leaves(rest, lambda leaf: all_of([leaf, over]) if isinstance(leaf, Predicate) and leaf.concept == "steroid_therapy" else leaf)
    return None


def _permitted(within_cap: Expr, others: list[str]) -> Expr:
    """An inclusion's reading: no corticosteroid now, or one within the cap."""
    alternatives = [Alternative(ReviewReason.AMBIGUOUS, "the cap of another corticosteroid: " + other) for other in others]
    return any_of([Not(Predicate("steroid_therapy", Op.WITHIN, window=_NOW)), within_cap, *alternatives])


def _forbidden(within_cap: Expr, others: list[str]) -> Expr:
    """An exclusion's reading: a corticosteroid now, not within the cap."""
    return all_of([Predicate("steroid_therapy", Op.WITHIN, window=_NOW), _over(within_cap, others)])


def _over(within_cap: Expr, others: list[str]) -> Expr:
    """A dose over the cap (or the cap's conditions unmet), none of the other steroids' caps met."""
    if isinstance(within_cap, Predicate) and not others:
        return replace(within_cap, op=Op.GT if within_cap.op is Op.LTE else Op.GTE)
    alternatives = [Alternative(ReviewReason.AMBIGUOUS, "the cap of another corticosteroid: " + other) for other in others]
    return Not(any_of([within_cap, *alternatives]))


def _permission(text: str) -> tuple[Expr, list[str]] | None:
    """``text`` read whole as a permission of a corticosteroid up to a prednisone cap: the dose
    within the cap (with the conditions the permission adds), and the other steroids' caps."""
    lead = _IF_APPLICABLE.match(text)
    if lead is not None:
        body = text[lead.end():]
        tail_at = re.search(r",\s{0,3}(?:for\s+which|provided|providing|if|as\s+long\s+as|when)\b", body, I)
        subject, tail = (body[: tail_at.start()], body[tail_at.start():]) if tail_at else (body, "")
        if _PERMIT.search(subject):
            return None
    else:
        permit = _PERMIT.search(text)
        if permit is None:
            return None
        subject, tail = text[: permit.start()], text[permit.end():]
        if _MAXIMUM_LEAD.fullmatch(subject) and re.match(r"\s{0,3}for\s", tail, I):
            subject, tail = tail, ""  # "Maximum dose allowed for prednisone is no more than 10 mg/day"
        if tail.strip(" .") and not _CONDITION.match(tail):
            return None
    if _SENTENCE.search(subject) or not _ANY_STEROID.search(subject):
        return None
    found = caps(subject + " " + tail if lead is None else body)
    joined = subject + " " + tail if lead is None else body
    prednisone: list[re.Match[str]] = []
    others: list[str] = []
    for cap in found:
        drug = _drug_of(joined, cap)
        if drug is None:
            return None
        if drug == "prednisone":
            prednisone.append(cap)
        else:
            others.append(drug + " " + " ".join(cap.group(0).split()))
    if not prednisone or len({(_op(c), float(c.group("n"))) for c in prednisone}) != 1:
        return None
    named = {_name(w.group(0)) for w in _ANY_STEROID.finditer(joined)} - {"steroid"}
    if named - {"prednisone"} and not others:
        return None  # another steroid named without a cap of its own: whose is the cap?
    if subject.count("(") != subject.count(")"):
        return None  # a bracket the permission sits in: the words before it are another requirement's
    rest_words = _REMARK.sub(" ", _ANY_STEROID.sub(" ", blank_caps(subject)))
    if _QUALIFIER.sub(" ", _FILLER.sub(" ", _PURPOSE.sub(" ", rest_words))).strip():
        return None  # the words before the permission name more than the steroid, its dose and its course
    first_cap = min(c.start() for c in prednisone)
    if lead is None and first_cap > len(subject) and re.search(r"\bor\b(?!\s+(?:its\s+)?equivalent)", joined[len(subject): first_cap], I):
        return None  # "acceptable as long as ... completed in 14 days, or the dose ... <= 10 mg": the cap one way of two
    cap = prednisone[0]
    dose = Predicate("steroid_dose", _op(cap), float(cap.group("n")), "mg/d")
    conditions: list[Expr] = []
    if _FILLER.sub(" ", rest_words).strip():
        conditions.append(Review(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(subject.split())))
    condition = blank_caps(tail)
    if " ".join(_FILLER.sub(" ", _ANY_STEROID.sub(" ", condition)).split()).strip(" ,"):
        conditions.append(Review(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(tail.split()).strip(" ,.")))
    return all_of([dose, *conditions]), others


def _op(cap: re.Match[str]) -> Op:
    return dose_op(cap)


def _name(word: str) -> str:
    low = word.lower()
    if re.fullmatch(_PREDNISONE, low, I):
        return "prednisone"
    if re.fullmatch(_OTHER_STEROID, low, I):
        return low
    return "steroid"


def _drug_of(text: str, cap: re.Match[str]) -> str | None:
    """The steroid a cap names: after its number, just before it, else the one steroid the text
    names (None where that is not one, or the cap is not a prednisone equivalent)."""
    if cap.group("after"):
        return _name(cap.group("after"))
    if re.search(r"\bpredniso(?:lo)?ne\b", cap.group(0), I):
        return "prednisone"
    before = _BEFORE_CAP.search(text, max(0, cap.start() - 30), cap.start())
    if before is not None:
        return _name(before.group("drug"))
    if _PREDNISONE_EQUIVALENT.match(text, cap.end()):
        return "prednisone"
    named = {_name(w.group(0)) for w in _ANY_STEROID.finditer(text)} - {"steroid"}
    return "prednisone" if named == {"prednisone"} else None
