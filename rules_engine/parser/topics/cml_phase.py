"""The phase of a chronic myeloid leukaemia a line names beside the disease (hold31): "Chronic phase
CML", "chronic-phase chronic myelogenous leukemia", "CML in chronic or accelerated phase", "CML in
either CP or AP", "CML in AP/BC", "CML-CP", "CML, blast crisis". The line asks for a CML whose
phase is one of those named: ``cml`` and ``cml_<phase>_phase is positive`` for any of them, the
phase read from the latest CML record (derive.QUALIFIED_EVENTS), unknown when the record names
none. Left unread, the phase words were a review beside the CML, and a CML in accelerated phase
or blast crisis passed a trial for chronic phase only (holdout T311).

Left as they were: an ordinal phase ("first chronic phase", "second or subsequent chronic
phase": which chronic phase the disease is in is no record's word), a blast crisis of one lineage
("lymphoid blast crisis": the lineage is not read) and a phase named apart from the disease
("Chronic phase: ...").

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import CML_PHASE_REVIEWS, Alternative, Qualifier
from rules_engine.parser.topics.diagnosis_age import GATE as DIAGNOSIS_AGE_GATE
from rules_engine.parser.topics.diagnosis_age import diagnosed_within, since_diagnosis

GATE = re.compile(r"phase|crisis|\b(?-i:CP|AP|BC|BP)\b", I)

# which chronic phase: an ordinal ("second or subsequent chronic phase"), a stage of it ("late
# chronic phase") or past one ("beyond first chronic phase")
_ORD = r"(?:first|1st|second|2nd|third|3rd)"
_WHICH = (
    rf"(?:beyond\s+(?:the\s+)?{_ORD}|{_ORD}(?:\s*(?:,|or|and/or|/)\s*(?:{_ORD}|subsequent|later|greater|higher))?"
    r"|(?:late|early))\s+"
)
# one phase: a word (its "phase" / "crisis" may come once after the list) or its capitals
_WORD = rf"(?:(?:{_WHICH})?chronic|accelerated|blast(?:ic)?|(?-i:CP|AP|BC|BP))"
# (the list may repeat its "in": "in late chronic or accelerated phase or in blast crisis")
_JOIN = r"(?:\s*,\s*(?:or\s+|and\s+)?(?:in\s+)?|\s+or\s+(?:in\s+)?|\s+and/or\s+|\s+and\s+|\s*/\s*)"
# (a short bracket after a phase, "CML in CP (cohort 1), AP (cohort 2) or BP (cohort 2)", is the
# portion it belongs to: the list goes on after it)
_ASIDE = r"(?:\s*\([^()]{1,20}\))?"
_LIST = rf"(?P<list>{_WORD}(?:[\s-]+(?:phase|crises|crisis))?(?:{_ASIDE}{_JOIN}{_WORD}(?:[\s-]+(?:phase|crises|crisis))?){{0,2}})"
_CML = r"(?:chronic\s+myel(?:oid|ogenous)\s+leuka?emia(?:\s*\(\s*CML\s*\))?|\bCML\b)"

# "chronic phase CML", "CP-CML", "accelerated or blast phase chronic myeloid leukemia"
_BEFORE = re.compile(rf"(?<![\w-]){_LIST}\s*-?\s*(?P<cml>{_CML})", I)
# "CML in chronic phase", "CML in either CP or AP", "CML, chronic phase", "CML-CP", "CML (CP)",
# "Ph+ CML patients in chronic or accelerated phase" (the patients' word between: unread, the
# "or" cut the phases apart and the line's imatinib failure was left to a person)
_AFTER = re.compile(
    rf"(?P<cml>{_CML})(?:\s*,\s*|\s*-\s*|\s*\(\s*|\s+(?:(?:patients?|subjects?|participants?)\s+)?(?:in|with)\s+(?:the\s+)?(?:either\s+)?|\s+(?=beyond\b)){_LIST}(?P<close>\s*\))?(?![\w-])",
    I,
)

# a lineage or an ordinal before the phase: another reading's, or none
_QUALIFIED = re.compile(
    r"(?:myeloid|myeloblastic|lymphoid|lymphoblastic|megakaryoblastic|first|second|third|subsequent|later|1st|2nd|3rd)\s*$",
    I,
)
# the patients a value is for ("CHR must be sustained ... at least 8 weeks for chronic phase CML")
# or the disease as it was at diagnosis ("not present in the initial specimen at the time of
# diagnosis of chronic phase CML"): no phase asked of the patient now
_NOT_ASKED = re.compile(
    r"(?:\bfor|\btime\s+of\s+(?:initial\s+)?diagnosis\s+of)\s+(?:(?:patients?|subjects?)\s+(?:with|in)\s+)?$", I
)
# a diagnosis dated later in the sentence ("CP-CML, ... diagnosed less than 3 months prior to study
# entry"): the events topic dates the disease it names, which an item of the phase and the disease
# together would hide (the date's words left unread and the date lost)
# (or a time counted from the diagnosis, "Chronic phase CML, > 2 years from diagnosis"; an upper
# bound right after the disease is read here, topics.diagnosis_age)
_DATED_LATER = re.compile(r"\bdiagnos\w*\b[^.;]{0,40}?\d+\s*(?:days?|weeks?|months?|years?)\b", I)
_DIAGNOS = re.compile(r"diagnos", I)
_COUNTED_FROM_DIAGNOSIS = re.compile(
    r"\d+\s*(?:days?|weeks?|months?|years?)\s*\)?\s*(?:from|of|since|after)\s+(?:the\s+)?(?:(?:initial|original|first)\s+)?diagnos", I
)
_BREAK = re.compile(r"[.;](?:\s|$)")
# a phase the line goes on to define ("CML-AP is defined by the presence of one of the following"):
# a definition, no phase asked
_DEFINED = re.compile(r"\s*(?:\([^()]{1,10}\)\s*)?(?:will\s+be|is|are)\s+defined\b", I)

_PHASES = (
    ("chronic", "chronic"),
    ("cp", "chronic"),
    ("accelerated", "accelerated"),
    ("ap", "accelerated"),
    ("blast", "blast"),
    ("blastic", "blast"),
    ("bc", "blast"),
    ("bp", "blast"),
)


_WHICH_CHRONIC = re.compile(rf"{_WHICH}chronic", I)
_BEYOND_FIRST = re.compile(r"beyond\s+(?:the\s+)?(?:first|1st)\b", I)
_BEYOND = re.compile(r"beyond\b", I)


def _phase(name: str) -> Expr:
    return predicate(f"cml_{name}_phase", Op.IS, "positive")


def _which_chronic(words: str) -> Expr:
    """Which chronic phase: no record numbers them, so a chronic phase leaves the ordinal (or the
    stage) to a person and any other phase fails an ordinal or a stage of the chronic phase. "Beyond
    first chronic phase" is met by an accelerated phase or blast crisis (the first chronic phase is
    behind them); beyond a later one, any phase may be (an accelerated phase after the first), so
    only a person reads it."""
    which = " ".join(words.split()) + " phase"
    if _BEYOND_FIRST.match(which):
        return any_of([_phase("accelerated"), _phase("blast"), all_of([_phase("chronic"), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, CML_PHASE_REVIEWS[0] + which)])])
    if _BEYOND.match(which):
        return Alternative(ReviewReason.UNSUPPORTED_CONCEPT, CML_PHASE_REVIEWS[1] + which)
    return all_of([_phase("chronic"), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, CML_PHASE_REVIEWS[0] + which)])


def _phases(words: str) -> list[Expr] | None:
    """What the phases a list names ask, in order; None when a bare word has no "phase" / "crisis"
    after the list ("chronic" alone is the disease's own word) or a word names no phase."""
    bare = re.sub(r"\([^()]*\)", " ", words)
    named: list[str | Expr] = []
    at = 0
    for which in _WHICH_CHRONIC.finditer(bare):
        named += [t for t in re.findall(r"[A-Za-z]+", bare[at:which.start()])]
        named.append(_which_chronic(which.group(0)))
        at = which.end()
    named += re.findall(r"[A-Za-z]+", bare[at:])
    named = [t for t in named if not isinstance(t, str) or t.lower() not in ("phase", "phases", "crisis", "crises", "or", "and", "in")]
    if not named:
        return None
    spelled = [t for t in named if not isinstance(t, str) or not t.isupper() or t.lower() not in ("cp", "ap", "bc", "bp")]
    if spelled and not re.search(r"(?:phases?|crisis|crises)\s*$", words, I):
        return None
    found: list[Expr] = []
    table = dict(_PHASES)
    for t in named:
        if not isinstance(t, str):
            found.append(t)
            continue
        phase = table.get(t.lower())
        if phase is None:
            return None
        if _phase(phase) not in found:
            found.append(_phase(phase))
    return found


def _expr(phases: list[Expr], dated: Window | None = None) -> Expr:
    """A CML in one of ``phases``; diagnosed inside ``dated`` when the line bounds its age."""
    return all_of([predicate("cml", Op.PRESENT) if dated is None else diagnosed_within("cml", dated), any_of(phases)])


_CONCEPTS = frozenset({"cml", "cml_chronic_phase", "cml_accelerated_phase", "cml_blast_phase"})


def cml_phase_items(text: str, ctype: object = None) -> list[Item]:
    """Items for a CML named with its phase (see the module)."""
    items: list[Item] = []
    diagnosis_named = DIAGNOSIS_AGE_GATE.search(text) is not None
    # where a dated diagnosis begins (found once: searched again from every phase named, a long
    # line was read in quadratic time); a match never crosses a clause's stop
    dated_at = [d.start() for d in _DIAGNOS.finditer(text) if _DATED_LATER.match(text, d.start())] if diagnosis_named else []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            if pattern is _BEFORE and _QUALIFIED.search(text, max(0, m.start() - 20), m.start()):
                continue
            if _NOT_ASKED.search(text, max(0, m.start() - 60), m.start()):
                continue
            if _DEFINED.match(text, m.end()):
                continue
            dated = since_diagnosis(text, m.end()) if diagnosis_named else None
            stop = _BREAK.search(text, dated[1] if dated else m.end())
            at = dated[1] if dated else m.end()
            if any(at <= d < (stop.start() if stop else len(text)) for d in dated_at):
                continue
            if diagnosis_named and _COUNTED_FROM_DIAGNOSIS.search(text, at, min(at + 60, stop.start() if stop else len(text))):
                continue
            if (
                pattern is _AFTER
                and m.group(0)[len(m.group("cml")) :].lstrip().startswith("(")
                and not m.group("close")
            ):
                continue  # "CML (chronic phase, accelerated ..." cut inside its bracket
            phases = _phases(m.group("list"))
            if phases is None:
                continue
            end = dated[1] if dated else m.end()
            if any(not (end <= it.start or m.start() >= it.end) for it in items):
                continue
            items.append(Item(m.start(), end, _expr(phases, dated[0] if dated else None), _CONCEPTS | ({"relapsed"} if dated else set())))
    return sorted(items, key=lambda it: it.start)
