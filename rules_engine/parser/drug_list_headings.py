"""A heading that lists drugs not to be taken now: "No concurrent use of the following drugs that
may confer risk of torsades de pointes:" over "Quinidine", "Amiodarone", "Methadone", ... (holdout
T271; 3 corpus headings, issue 14 rx5).

Each name under it was read alone, a bare word that asks nothing (a review), so a patient on
amiodarone passed the heading. The heading's lead ("concurrent use of") is what each line asks
of its drug: the lines are read with it as their context (``criteria._build``), as the lines
under "Chemotherapy:" are. A name the lead does not make readable stays a review.

A heading that excludes a class by its examples ("No concurrent CYP3A4 inhibitors including, but
not limited to, any of the following:" over "Ketoconazole", "Ritonavir", ...; "Category I drugs
that are generally accepted to have a risk of causing Torsades de Pointes including: (Patients
must discontinue drug 7 days prior to starting dasatinib)" over "Chlorpromazine, haloperidol,
mesoridazine, thioridazine, pimozide"; meds17: about 15 corpus headings, 100 lines under them)
lends the same reading, but only where its lines are exclusions (an exclusion heading, or an
inclusion negated by its "No"): a line under an inclusion that asks for the class is joined as one
of its alternatives, where "no X" would let in a patient on another listed drug. The time the
heading sets ("discontinue drug 7 days prior", "within 14 days") is read after each name
(``TRAILING``); without one the names are asked as concurrent use.

The patterns are literals with bounded optional parts; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType

_HEADING = re.compile(
    r"^\W{0,3}(?:no\s+)?(?:(?:patients?|subjects?)\s+(?:on|receiving|taking|with)\s+)?"
    r"(?P<lead>(?:concurrent|concomitant|current)\s+(?:use|treatment|therapy|administration)\s+(?:of|with))\s+"
    r"(?:any\s+(?:of\s+)?)?the\s+following\s+(?:\w+\s+){0,2}?(?:drugs|medications|agents|medicines)\b[^:]{0,160}:\s*$",
    re.I,
)


# the context's mark that it is read after the line, not before it (``line._parse_line``)
TRAILING = "\u2026 "

# a class's examples under it: a heading that names medicines and ends its list's lead-in
_EXAMPLES_HEADING = re.compile(
    r"\b(?:drugs?|medications?|medicines?|agents?|inhibitors?|inducers?|anti-?convulsants?|anti-?epileptics?|substrates?)\b"
    r"[^:;]{0,200}?\b(?:including|includes?|such\s+as|following)\b(?:\s*,?\s*but\s+not\s+limited\s+to\s*,?)?"
    r"(?:\s+(?:any|one|all)\s+of)?(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:\s*(?P<note>\([^()]{0,160}\))?\s*$",
    re.I,
)
# the time the heading sets for each drug ("Patients must discontinue drug 7 days prior to starting
# dasatinib", "within 14 days of the first dose"); a span written twice ("1-2 weeks") or a time
# after the study ("for 7 days after") is no single window and leaves the names as concurrent use
_HEADING_WINDOW = re.compile(
    r"\b(?:discontinu\w*|stop\w*|off)\b[^.;:()]{0,40}?\b(?:at\s+least\s+)?(?P<n>\d{1,3})\s*(?P<u>days?|weeks?)\s+(?:prior|before)\b"
    r"|\bwithin\s+(?:the\s+(?:last|past)\s+)?(?P<n2>\d{1,3})\s*(?P<u2>days?|weeks?)\b(?!\s*(?:after|following))",
    re.I,
)
_SPAN_AFTER = re.compile(r"\d\s*(?:-|to)\s*\d|\bafter\b", re.I)
# a heading about the past or about reactions ("Prior therapy with any of the following agents:",
# "Hypersensitivity to any of the following drugs:"): its drugs are no concurrent use (read as one, a
# course of cisplatin a year ago would clear the line)
_NOT_NOW = re.compile(
    r"\b(?:prior|previous(?:ly)?|history|received|receipt|exposure|exposed|ever|past|treated|allerg\w*|hypersensitiv\w*|intoleran\w*|contra-?indicat\w*"
    # ... or one whose lines are exceptions or permissions ("Active autoimmune disease that might
    # deteriorate when receiving an immunostimulatory agent, except the following:")
    r"|except\w*|unless|other\s+than|excluding|allowed|permitted|acceptable)\b", re.I
)


def drug_list_context(heading: str, excluding: bool = False) -> str:
    """The lead each line under ``heading`` is read with ("Concurrent use of"), a window read after
    it (``TRAILING`` + "within 7 days"), or "". ``excluding``: the lines under the heading are
    exclusions (see the module's docstring)."""
    m = _HEADING.match(heading)
    if m is not None:
        lead = " ".join(m.group("lead").split())
        return lead[:1].upper() + lead[1:]
    if not excluding:
        return ""
    e = _EXAMPLES_HEADING.search(heading)
    w = _HEADING_WINDOW.search(heading)
    # (the window's own "prior" is no past: "discontinue drug 7 days prior to starting")
    if e is None or _NOT_NOW.search(heading[: w.start()] + " " + heading[w.end():] if w is not None else heading):
        return ""
    if w is not None and not _SPAN_AFTER.search(heading):
        n, unit = (w.group("n"), w.group("u")) if w.group("n") else (w.group("n2"), w.group("u2"))
        return f"{TRAILING}within {n} {unit.lower()}"
    return "Concurrent use of"


# a line under such a heading that names a class by the drugs it means ("Antipsychotic agents
# (i.e., chlorpromazine, haloperidol, mesoridazine, thioridazine, or pimozide)", "Anti-infective
# agents (i.e., clarithromycin, erythromycin, halofantrine, pentamidine, or sparfloxacin)"): "i.e."
# says the drugs are the whole of what it excludes, so the names are read, not the class (the whole
# class would exclude a patient on any antipsychotic; ``medication_classes`` leaves such a label
# unread). An "e.g." list leaves the class wider than its names and is not taken.
_THAT_IS = re.compile(r"^\W{0,3}[A-Za-z][\w/-]{0,30}(?:\s+[\w/-]{1,30}){0,3}\s*\(\s*(?:i\.\s?e\.?|ie\b|namely)\s*,?\s*(?P<names>[^()]{3,240})\)\s*[.;,]?\s*$", re.I)


def named_members(line: str) -> str:
    """The drugs a class line under a drug list's heading means, or "" (see ``_THAT_IS``)."""
    m = _THAT_IS.match(line)
    return m.group("names").strip() if m is not None else ""


# A heading whose drug list the registry flattened to its own level ("Category I drugs that are
# generally accepted to have a risk of causing Torsades de Pointes including:" followed, at its own
# bullet level, by "quinidine, procainamide, disopyramide", "amiodarone, sotalol, ibutilide,
# dofetilide", ...; holdout T314, 3 corpus trials so written): the names stood alone, each line a
# bare word list that asks nothing (a review), so a patient on amiodarone was unknown and one on
# none of them too. The lines of names right after such a heading with no lines of its own are its
# list, nested under it as a registry that indents them writes them (read with the heading's lead
# like any line under it). Only lines that are nothing but product names (``_NAMES_ONLY``): the
# first line that says anything else ("Patients requiring anticoagulation with Coumadin") ends the
# list, and a heading whose lead ``drug_list_context`` does not read keeps its lines as they are.
_NAME_GAP = re.compile(r"\s*(?:[,;/]\s*(?:and\s+|or\s+)?|\s(?:and/or|or|and)\s)\s*", re.I)


def _names_only(text: str) -> bool:
    from rules_engine.parser.topics.products import PRODUCT_RE  # (topics import the parser's core)

    pieces = [p for p in _NAME_GAP.split(text.strip(" \t-•*.;")) if p]
    return 2 <= len(pieces) <= 20 and all(PRODUCT_RE.fullmatch(p.strip()) for p in pieces)


def nested_drug_lists(rows: list[tuple[CriterionType, str, int | None]]) -> list[tuple[CriterionType, str, int | None]]:
    """``rows`` with each flattened list of drug names nested under its heading (see above)."""
    out = list(rows)
    parents = {p for _, _, p in rows if p is not None}
    for index, (ctype, text, parent) in enumerate(rows):
        if index in parents or not text.rstrip().endswith(":") or not drug_list_context(text, excluding=ctype is CriterionType.EXCLUSION):
            continue
        for k in range(index + 1, min(len(rows), index + 30)):
            kind, line, above = rows[k]
            if kind is not ctype or above != parent or not _names_only(line):
                break
            out[k] = (kind, line, index)
    return out
