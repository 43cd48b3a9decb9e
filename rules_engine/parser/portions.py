"""The portions of a study a line is written for, and the subgroups of patients a sentence names.

A trial with a phase I and a phase II portion, two cohorts, arms or parts, or a dose-escalation and
a dose-expansion period writes some lines for one portion only ("Phase II FLT3-ITD ... patients:
...", "For Part B, patients must have recurrent leukemia", "Arm B only: delayed elimination of
MTX", "Participants in the dose expansion part must have tumor amenable for biopsy"). Which portion
a patient enters is the study team's choice (and a portion may be closed), so such a line never
decides against a patient who could enter another portion (``criteria._portion_lines``). This module
finds the portion a line opens with (``portion_lead``), the portions a trial names anywhere
(``trial_portions``), a line that lists each cohort's requirements inline ("Patients must be
eligible for one of two cohorts: Cohort 1 ... Cohort 2 ..."; ``inline_cohorts``), and a sentence
asking something of an age band only ("Subjects 16 and 17 years old must also ...", "Pediatric
Population (age < 18): ..."; ``age_subgroup``).

Found in the shared corpus (1,883 records): 351 lines open with a portion's label in 167 trials
(both types, top level and nested); 4 sentences name an age band as the patients they ask of, and
3 lines (2 trials) open with a label naming one ("Adult Population (age >= 18): ...").
"""

from __future__ import annotations

import re
from typing import Callable

from rules_engine.criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    Expr,
    Not,
    Op,
    Predicate,
    Review,
    ReviewReason,
    iter_predicates,
)

from rules_engine.parser.portion_tails import portion_tail

# How one line is read (``criteria.LineParser``)
LineParser = Callable[..., Criterion]

_PHASE_ID = r"(?:IV|I{1,3}|[1-4])[ab]?"
# a cohort's, arm's or part's name: capitals or digits, matched as written ("Arm A", never "arm and")
_LABEL_ID = r"(?-i:[A-Z]{1,2}|IV|I{1,3}|[1-9][0-9]?[ab]?)"
_PERIOD = r"(?:cohorts?|phase|part|portion|stage|period|component|segment)"
# "the first stratum", "the second cohort" (NCT02253277: "Patients of the second stratum must have
# CML in AP/BC or relapsed/refractory Ph+ ALL ...", asked of every patient, failed all of the first's)
_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4"}
_PORTION = (
    rf"phase\s*{_PHASE_ID}\b|(?:cohort|arm|part|group|stratum)\s+{_LABEL_ID}\b|{_ORDINAL}\s+(?:cohort|arm|part|stratum)\b"
    rf"|(?:dose[\s-]+)?(?:escalation|expansion)\b(?:\s+{_PERIOD}\b)?"
)
_OF_STUDY = r"(?:\s+of\s+(?:the|this)\s+(?:clinical\s+)?(?:study|trial|protocol))?"
# "Phase II: ...", "For Part B, ...", "Part 2 (expansion): ...", "Arm B only: ...", "During the
# phase II portion of the trial, ...", "Dose escalation phase only: ...": the whole lead is cut
_LEAD_LABEL = re.compile(
    rf"^\W*(?:(?:for|in|during)\s+(?:the\s+)?)?(?P<label>{_PORTION})(?:\s+{_PERIOD}\b)?{_OF_STUDY}(?:\s+only\b)?"
    r"(?:\s*\([^()]{0,60}\))?(?:\s+only\b)?\s*(?:[:,]|-\s)\s*"
    # "ENTO monotherapy (Group A): ...", "For Dose Confirmation portion (Part 2): ...": the portion's
    # treatment or name, its label in brackets
    rf"|^\W*(?:(?:for|in|during)\s+(?:the\s+)?)?[^\W\d][^():;.]{{0,60}}?\(\s*(?P<bracketed>{_PORTION})\s*\)\s*:\s*",
    re.I,
)
# "Phase II subjects must ...", "Phase II FLT3-ITD ... mutated relapsed/refractory patients: ...":
# the label alone is cut, the words naming the patients stay requirements
_LEAD_PATIENTS = re.compile(
    rf"^\W*(?P<label>{_PORTION})(?:\s+only\b)?(?=\s+[^:;.]{{0,80}}?\b(?:patients?|subjects?|participants?)\b"
    r"(?:[^:;.]{0,80}?:|(?:\s+only)?\s*(?:must|should|shall|will|may|are|need)\b))\s*",
    re.I,
)
# "Patients in the Phase 1a portion of the clinical trial must ...", "Participants in the dose
# expansion part must ...": the words placing the patients are cut
_LEAD_PLACED = re.compile(
    rf"^\W*(?:patients?|subjects?|participants?)\s+(?P<cut>(?:in|of|enrolled\s+(?:in|on|to|into)|entering|treated\s+(?:in|on))\s+(?:the\s+)?"
    rf"(?P<label>{_PORTION})(?:\s+{_PERIOD}\b)?{_OF_STUDY}(?:\s+only\b)?)",
    re.I,
)
# a portion named anywhere in a trial's text ("... will be eligible for the phase I portion of this
# study", "Cohort 2 (FLT3 inhibitor naive cohort)", "dose expansion")
_MENTION = re.compile(
    rf"\bphase\s*{_PHASE_ID}\s+{_PERIOD}\b|\b(?:cohort|arm|part|stratum)\s+{_LABEL_ID}\b(?!\s*(?:of|and)\b)|\b{_ORDINAL}\s+(?:cohort|arm|part|stratum)\b"
    rf"|\bdose[\s-]+(?:escalation|expansion)\b|\b(?:escalation|expansion)\s+{_PERIOD}\b",
    re.I,
)
# ... or the patients of one ("participants in phase 2 should have anemia ...", "Subject in Phase 2
# only", "patients enrolled in phase II"): with "For phase 3, participants should have ..." beside
# it, the trial has two portions (read as one, the phase 3 line decided against a patient who
# could enter phase 2, holdout T245)
_PEOPLE_IN_PHASE = re.compile(
    rf"\b(?:patients?|participants?|subjects?|enrolled)\s+(?:in|into)\s+(?:the\s+)?(?P<label>phase\s*{_PHASE_ID})\b(?!\s+(?:stud(?:y|ies)|trials?)\b)",
    re.I,
)
_WORDS = re.compile(r"[A-Za-z]{2}")  # something to read (bare punctuation or a number alone is not)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def portion_key(label: str) -> str:
    """One name for each portion however it is written: "Phase II" and "phase 2" are one, "Dose
    escalation phase" and "escalation cohort" are one, "Cohort A" and "cohort a" are one."""
    words = label.lower().replace("-", " ").split()
    if len(words) == 2 and words[0] in _ORDINALS:  # "second stratum" is "stratum 2"
        words = [words[1], _ORDINALS[words[0]]]
    if "escalation" in words:
        return "escalation"
    if "expansion" in words:
        return "expansion"
    joined = "".join(words)
    m = re.fullmatch(r"(phase|cohort|arm|part|group|stratum)(\w+)", joined)
    if m is None:
        return joined
    kind, ident = m.groups()
    suffix = ""
    if kind == "phase" and ident[-1:] in "ab" and len(ident) > 1:
        ident, suffix = ident[:-1], ident[-1]
    return f"{kind} {_ROMAN.get(ident, ident)}{suffix}"


def portion_lead(text: str) -> tuple[str, str, str] | None:
    """(key, label as written, the line without the words placing it in its portion) for a line
    that opens with the portion it is written for, else None."""
    for pattern in (_LEAD_LABEL, _LEAD_PATIENTS, _LEAD_PLACED):
        m = pattern.match(text)
        if m is None:
            continue
        cut = m.span("cut") if "cut" in pattern.groupindex else m.span()
        rest = (
            " ".join((text[: cut[0]] + " " + text[cut[1] :]).split())
            if pattern is _LEAD_PLACED
            else text[cut[1] :].strip()
        )
        label = " ".join((m.group("label") or m.group("bracketed")).split()) if pattern is _LEAD_LABEL else " ".join(m.group("label").split())
        return portion_key(label), label, rest
    tail = portion_tail(text)  # "No prior EGFR inhibitor therapy (phase II)": its closing bracket
    return (portion_key(tail[0]), tail[0], tail[1]) if tail is not None else None


def trial_portions(texts: list[str]) -> set[str]:
    """The portions a trial names: those its lines open with, and those named anywhere."""
    keys = {portion_key(m.group(0)) for text in texts for m in _MENTION.finditer(text)}
    keys |= {portion_key(m.group("label")) for text in texts for m in _PEOPLE_IN_PHASE.finditer(text)}
    leads = (portion_lead(text) for text in texts)
    keys |= {lead[0] for lead in leads if lead is not None}
    return keys | {implied for key in keys if (implied := _first_sibling(key)) is not None}


# a later part, cohort, arm, group or stratum ("Part II", "Cohort B") is one of two or more: the
# first exists though no line names it ("Use of any proton pump inhibitor ... (only applicable to
# Part II of the PK phase)", a trial naming no other part; read for everyone, the line excluded
# patients of the first part). Not a phase: "Phase II" alone may be the trial's own phase
_LATER = re.compile(r"(?P<kind>part|cohort|arm|group|stratum) (?:[2-9]|1[0-9]|[b-h])", re.I)


def _first_sibling(key: str) -> str | None:
    """The first portion of the kind ``key`` names, when ``key`` is a later one."""
    m = _LATER.fullmatch(key)
    if m is None:
        return None
    return f"{m.group('kind')} {'a' if key[-1].isalpha() else '1'}"


SCOPE_REVIEW = (
    "applies only to the patients of {label}: which portion of the study a patient enters is the study team's choice"
)


def scope_review(label: str) -> Review:
    """The open question a portion's line leaves for a patient who does not meet it."""
    return Review(ReviewReason.AMBIGUOUS, SCOPE_REVIEW.format(label=label))


# --- cohorts listed inside one line ------------------------------------------------------------

# "... one of two cohorts: Cohort 1 (...) in ...", "...; Cohort A patients must be < 60 ...": a
# cohort's name opening the line or a clause (after a colon, semicolon or full stop)
_INLINE_COHORT = re.compile(
    rf"(?:^|(?<=[:;.]))\s*(?:for\s+(?:the\s+)?)?(?P<label>(?:cohort|arm|part|group)\s+{_LABEL_ID}|phase\s*{_PHASE_ID})\b"
    r"(?:\s+(?:portion|part|component|cohort)\b)?(?:\s+only\b)?(?:\s*\([^()]{0,80}\))?(?:\s+(?:patients?|subjects?|participants?))?\s*[:,]?\s*",
    re.I,
)
# the lead announcing the cohorts ("Patients must be eligible for one of two cohorts:")
_COHORT_CHOICE = re.compile(
    r"\b(?:must|should|will|shall|may)\s+(?:be\s+)?(?:eligible\s+for|enrolled\s+(?:in|into|to|on)|assigned\s+to|enter|meet\s+the\s+criteria\s+(?:of|for))"
    r"\s+(?:one|either|any)\s+of\s+(?:the\s+)?(?:(?:two|three|four|2|3|4)\s+)?(?:following\s+)?(?:cohorts|arms|parts|groups)\s*:?\s*$",
    re.I,
)
# a sentence after the last cohort's that speaks of them all ("The maximum number of prior lines
# of induction for both cohorts is 3"): asked of every patient
_ALL_COHORTS = re.compile(r"\b(?:both|all|each|either)\s+(?:of\s+the\s+)?(?:cohorts|arms|parts|groups)\b", re.I)


def lists_portions(text: str) -> bool:
    """Whether a line lists two or more portions' clauses inside it (``inline_cohorts``)."""
    return len({portion_key(m.group("label")) for m in _INLINE_COHORT.finditer(text)}) >= 2


def inline_cohorts(text: str, ctype: CriterionType, line_parser: LineParser, parent: int | None = None) -> Expr | None:
    """A line that lists two or more cohorts' or phases' requirements inside it ("... one of two
    cohorts: Cohort 1 ... Cohort 2 ...", "For Phase 1: must have measurable or non-measurable
    disease. For Phase 2: must have measurable disease"). An inclusion: what comes before the first
    portion is asked of every patient, each portion's clause is one alternative (a patient enters
    one portion), and a closing sentence about all of them is asked of every patient; read as one
    list of requirements, the younger cohort's age and the older cohort's failed every patient. An
    exclusion: each portion's clause excludes that portion's patients only, at most an open
    question (``scope_review``), never cleared; the words before and after exclude everyone. None
    when the line lists fewer than two portions."""
    found = list(_INLINE_COHORT.finditer(text))
    if len(found) < 2 or len({portion_key(m.group("label")) for m in found}) != len(found):
        return None
    head = text[: found[0].start()].strip(" ,;.:")
    clauses = [text[m.end() : nxt.start()].strip(" ,;.") for m, nxt in zip(found, found[1:])] + [
        text[found[-1].end() :].strip(" ,;.")
    ]
    tail = ""
    last = clauses[-1]
    for sentence in re.finditer(r"(?<=\.)\s+(?=[A-Z])", last):
        if _ALL_COHORTS.search(last, sentence.end()):
            clauses[-1], tail = last[: sentence.start()].strip(" ,;."), last[sentence.end() :]
            break
    if not all(_WORDS.search(c) for c in clauses):
        return None
    before = (
        [line_parser(head, ctype, parent=parent).expr]
        if head and not _COHORT_CHOICE.search(head + ":") and _WORDS.search(head)
        else []
    )
    after = (
        [line_parser(_ALL_COHORTS.sub("patients", tail), ctype, parent=parent).expr]
        if tail and _WORDS.search(tail)
        else []
    )
    portions = [line_parser(c, ctype, parent=parent).expr for c in clauses]
    if ctype is CriterionType.EXCLUSION:
        labels = [" ".join(m.group("label").split()) for m in found]
        scoped = [All((expr, scope_review(label))) for expr, label in zip(portions, labels, strict=True)]
        return Any_((*before, *scoped, *after))
    parts = [*before, Any_(tuple(portions)), *after]
    return parts[0] if len(parts) == 1 else All(tuple(parts))


# --- a sentence asking something of one age band -----------------------------------------------

AGE_BAND = (
    r"\d{1,2}\s*(?:and|to|-|–)\s*\d{1,2}|(?:older|younger)\s+than\s+\d{1,2}|(?:over|under|above|below)\s+(?:the\s+age\s+of\s+)?\d{1,2}"
    r"|[<>≤≥]=?\s*\d{1,2}|\d{1,2}\s+years?\s+(?:of\s+age\s+|old\s+)?(?:or|and)\s+(?:older|younger|over|under|above|below)"
)
# "Subjects 16 and 17 years old must also adhere to ...", "Subjects older than 80 years should be
# entered on study only if ...": the age names whom the sentence asks, never an age every patient
# must be
_AGE_SUBGROUP = re.compile(
    rf"(?:^|(?<=[.;]\s))\W*(?P<who>(?:subjects?|patients?|participants?|individuals?|those)\s+(?:(?:who\s+are|aged?)\s+)?(?:{AGE_BAND})"
    r"(?:\s+years?)?(?:\s+(?:old|of\s+age))?)\s+(?=(?:must|should|shall|need\s+to|are\s+required\s+to|have\s+to)\b)",
    re.I,
)
# "For participants less than 18 years old, willing and able to take oral medications": the band
# led by "for", its requirement after the comma
_AGE_SUBGROUP_FOR = re.compile(
    rf"(?:^|(?<=[.;]\s))\W*for\s+(?P<who>(?:subjects?|patients?|participants?|individuals?|those|children)\s+(?:(?:who\s+are|aged?)\s+)?"
    rf"(?:{AGE_BAND}|(?:less|more|greater)\s+than\s+\d{{1,2}})(?:\s+years?)?(?:\s+(?:old|of\s+age))?)\s*,\s*",
    re.I,
)
# "Adult Population (age >= 18): Serum creatinine <= 1.0 mg/dL; ...", "Patients 18 years and older
# (Adult population): ...": a label naming an age band, the whole line after its colon asked of that
# band only (read as a conjunct, "age >= 18" failed every adolescent the trial's next line is for)
_AGE_LABEL = re.compile(
    r"^\W*(?:(?:adults?|p(?:a)?ediatrics?|adolescents?|children)\s+(?:population|patients?|subjects?|participants?|cohort)?\s*"
    rf"\(\s*(?P<who>(?:age[sd]?\s*)?(?:{AGE_BAND})(?:\s*(?:years?|yrs?))?(?:\s+(?:old|of\s+age))?)\s*\)"
    rf"|(?P<who2>(?:subjects?|patients?|participants?)\s+(?:aged?\s+)?(?:{AGE_BAND})(?:\s+years?)?(?:\s+(?:old|of\s+age))?)"
    r"(?:\s*\((?:adults?|p(?:a)?ediatrics?|adolescents?|children)(?:\s+(?:population|patients?|cohort))?\))?)\s*:\s*",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def age_subgroup(
    text: str, ctype: CriterionType, line_parser: LineParser, parent: int | None = None
) -> tuple[Expr | None, Expr, Expr] | None:
    """(the rest of the line's reading or None, the age band, what the band's patients are asked)
    for a line with a sentence asking something of one age band only, else None."""
    label = _AGE_LABEL.match(text)
    m = label or _AGE_SUBGROUP.search(text) or _AGE_SUBGROUP_FOR.search(text)
    if m is None:
        return None
    band = line_parser(m.groupdict().get("who") or m.groupdict()["who2"], CriterionType.INCLUSION, parent=parent).expr
    preds = list(iter_predicates(band))
    if (
        not preds
        or any(p.concept != "age" for p in preds)
        or not isinstance(band, (Predicate, All))
        or (isinstance(band, All) and not all(isinstance(p, Predicate) for p in band.parts))
    ):
        return None
    if any(p.op not in (Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN) for p in preds):
        return None
    end = None if label else _SENTENCE_END.search(text, m.end())
    stop = end.start() if end else len(text)
    asked = text[m.end() : stop].strip(" ;.")
    rest = (text[: m.start()] + " " + text[stop:]).strip(" ;.")
    if not _WORDS.search(asked):
        return None
    other = line_parser(rest, ctype, parent=parent).expr if _WORDS.search(rest) else None
    return other, band, line_parser(asked, ctype, parent=parent).expr


def age_band_heading(criterion: Criterion, band: Expr, asked: Expr, other: Expr | None) -> Criterion:
    """A heading line opening with an age band's label, its own words asked of that band only. Its
    scope is no ``applies_if`` (that would scope the lines under it too, which the label may not
    cover): the band's part is met for a patient outside it. Read as a conjunct, the band's age
    failed every patient outside it, the other band the trial's next line is for."""
    ctype = criterion.type
    scoped_part = Any_((Not(band), asked)) if ctype is CriterionType.INCLUSION else All((band, asked))
    if other is None:
        return Criterion(type=ctype, text=criterion.text, expr=scoped_part, parent=criterion.parent)
    expr = All((other, scoped_part)) if ctype is CriterionType.INCLUSION else Any_((other, scoped_part))
    return Criterion(type=ctype, text=criterion.text, expr=expr, parent=criterion.parent)
