"""A line's permissions and the exceptions it points at.

Registries write permissions among the requirements ("Patients may have received any induction
regimen (except transplant)", "No prior chemotherapy is allowed except ...", "the hematologic
requirements are waived for patients with ...", "... eligible only if ...", "EXCEPTIONS: ..."). A
permission asks nothing and widens what it permits; read as a requirement it fails every patient
without the history it allows. These readings of a line's clauses are kept apart from the line
assembly (``line``) because they are one question, whether a clause permits or excepts, asked of
every clause; the assembly decides where the answer goes.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Review, ReviewReason, iter_nodes, iter_predicates
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I, any_of, predicate
from rules_engine.parser.line_reader import read_line
from rules_engine.parser.residue import clause_expr
from rules_engine.parser.widening import WIDENING_CLAUSE
from rules_engine.parser.safety import Alternative
from rules_engine.parser.stated_verdicts import STATED_EXCLUSION


# A whole inclusion line that only permits a history: "<who> may have had / received / undergone
# <it>" (43 corpus lines open so; the plain ones, with nothing but the permitted history, are read
# here: a count, a window, a condition or a second sentence keeps the line to its other readers)
MAY_HAVE_HAD = re.compile(
    # (the subject may go unwritten: "May have had prior surgery & external beam radiation")
    r"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)?(?:may|can|could)\s+have\s+(?:had|received|undergone|been\s+(?:treated\s+with|on))\s+"
    r"(?P<what>[^;:.]+?)(?:\s+previously)?[\s.]*$",
    I,
)
# ... and a clause of a longer line that permits one, its subject scoped or a pronoun ("Patients in
# first CR (or CRp) may have received any induction chemotherapy regimen", "they may have received")
_PERMITTED_HISTORY = re.compile(
    # (or unwritten: "May have received prior systemic and/or radiation therapy. All adverse events ...")
    r"^\W*(?:(?:they|(?:the\s+)?(?:patients?|subjects?|participants?)(?P<scope>\s+(?:in|with)\s+[^;:,]{1,60}?)?)\s+)?(?:may|can|could)\s+(?:also\s+)?have\s+"
    # ("may have previously received", "may have been treated with Lapatinib previously": read as
    # asked, every patient without the drug failed the line)
    r"(?:(?:previously|already|also)\s+)?(?:had|received|undergone|been\s+(?:treated|given|exposed)\b)",
    I,
)
# (what makes such a clause more than a permission: a whole line's blockers, less the study's
# anchors and "any ... regimen" a clause among others writes, plus an exclusion said in words)
_MORE_THAN_PERMITTED = re.compile(
    r"\b(?:but|must|provided|providing|if|as\s+long|however|not|no|up\s+to|number|lines?|courses?|only|within|since|greater|less|more|fewer|maximum|minimum"
    r"|one|two|three|single|except|excluding|other\s+than|exclude[ds]?|ineligible|prohibited|forbidden|unless)\b|\d|[<>≤≥]", I
)
_BARE_TRANSPLANT = re.compile(r"\s*(?:a\s+|any\s+)?transplant(?:ation)?s?\s*", I)
_EXCEPT_BRACKET = re.compile(r"\(\s*(?:except|excluding|other\s+than)\s+(?:for\s+)?(?P<what>[^()]{1,60})\)", I)


def permitted_history(clause: str, scope_before: str | None) -> tuple[Expr | None, str | None] | None:
    """A clause that only permits a history, as (what it forbids, the patients it names), None for
    any other clause.

    "Patients in first CR may have received any induction chemotherapy regimen; they may have
    received post-remission consolidation therapy (except for transplant)": a permission asks
    nothing (read as asked, every patient without chemotherapy failed the line); what it excepts is
    forbidden, to the patients its subject (or the subject before its "they") names (read as
    nothing, a patient transplanted in first remission was eligible)."""
    permitted = _PERMITTED_HISTORY.match(clause)
    if permitted is None or _MORE_THAN_PERMITTED.search(_EXCEPT_BRACKET.sub(" ", clause[permitted.end():])):
        return None
    scope = permitted.group("scope") or (scope_before if permitted.group(0).lstrip(" -•*").lower().startswith("they") else None)
    exception = _EXCEPT_BRACKET.search(clause, permitted.end())
    if exception is None:
        return None, scope
    what = exception.group("what")
    # (a bare "transplant" among the therapies a leukaemia's patient received is any transplant)
    forbidden = (any_of([predicate("hsct", Op.PRESENT), predicate("organ_transplant", Op.PRESENT)]) if _BARE_TRANSPLANT.fullmatch(what)
                 else clause_expr(parse_clause(what, CriterionType.EXCLUSION), CriterionType.EXCLUSION, False))
    if forbidden is None or isinstance(forbidden, Review):
        return Review(ReviewReason.UNSUPPORTED_CONCEPT, clause.strip()), scope
    if scope:
        named = _scope_read(scope)
        if named is not None:
            return any_of([Not(named), Not(forbidden)]), scope
        return any_of([Alternative(ReviewReason.AMBIGUOUS, f"the exception concerns only patients {scope.strip()}"), Not(forbidden)]), scope
    return Not(forbidden), scope


# the patients a permission's subject names by a disease status or a disease ("in first CR (or
# CRp)", "with AML"), nothing else
_SCOPE_WORDS = re.compile(r"^\s*(?:in|with)\s+", I)


def _scope_read(scope: str) -> Expr | None:
    """Whom the exception concerns, read as the record shows them ("Patients in first CR (or CRp)
    may have received ... (except for transplant)": a remission that is the first), or None where
    the words are not read whole. Left to a person, a transplanted patient in first remission was
    never failed (holdout NCT00398983); the reading's own open questions stay unknown."""
    lead = _SCOPE_WORDS.match(scope)
    if lead is None or not scope[lead.end():].strip():
        return None
    # ("in" stays: "in first CR" is a remission, "first CR" alone no reading's)
    words = scope.strip() if lead.group(0).strip().lower() == "in" else scope[lead.end():]
    named = read_line(words, CriterionType.INCLUSION).expr
    if isinstance(named, Review) or not any(True for _ in iter_predicates(named)) or _unread_words(named):
        return None
    return named


def _unread_words(expr: Expr) -> bool:
    """A reading that left some of its words unread ("review unparsed ..."): the scope is then
    not named whole."""
    return any(isinstance(n, Review) and n.reason is ReviewReason.UNPARSED for n in iter_nodes(expr))


def permission_as_allowance(clause: str) -> str | None:
    """An exclusion's sentence that only permits a history ("Prior chemotherapy. Patients may have
    received prior hydroxyurea"), said as the allowance it is ("prior hydroxyurea is allowed"),
    for the line to read as an exception to what it excludes. Read as a clause of its own, it was
    one more thing the line excluded: the hydroxyurea it permits excluded the patient."""
    permitted = _PERMITTED_HISTORY.match(clause)
    if permitted is None or permitted.group("scope") or _MORE_THAN_PERMITTED.search(clause[permitted.end():]):
        return None
    what = clause[permitted.end():].strip(" .")
    return f"{what} is allowed" if what else None


# a clause that denies what it names is allowed ("No prior chemotherapy is allowed except for ...",
# "No other investigational agents are permitted"): a prohibition, never a widening
DENIED_PERMISSION = re.compile(r"^\W*no\s+(?!longer\b|more\s+than\b|less\s+than\b|fewer\s+than\b)[^.;:]{1,80}?\b(?:is|are)\s+(?:allowed|permitted|acceptable)\b", I)


MORE_THAN_A_PERMISSION = re.compile(
    r"\b(?:but|must|provided|providing|if|as\s+long|however|except|other\s+than|not|no|up\s+to|number|lines?|regimens?|courses?|only|"
    r"setting|within|since|before|after|prior\s+to|greater|less|more|fewer|maximum|minimum)\b|\d|[<>≤≥]",
    I,
)


# a permission that lifts the line's blood counts together ("the hematologic requirements are
# waived for patients with ...", "patients with inadequate counts due to marrow involvement are
# eligible")
COUNTS_WAIVED = re.compile(
    r"\b(?:ha?ematolog(?:ic|ical|y)\s+(?:requirements?|criteria|parameters|values)|(?:inadequate|low|insufficient)\s+(?:blood\s+)?counts)\b", I
)
_COUNT_CONCEPTS = frozenset({"anc", "platelets", "hemoglobin", "wbc"})


def asks_counts(expr: Expr) -> bool:
    return any(p.concept in _COUNT_CONCEPTS for p in iter_predicates(expr))


# a clause that lets the patients it names in only on a condition ("APL ... would be eligible only
# after failure of ...", "are eligible only if ..."; 27 corpus lines say "eligible/allowed only if")
ONLY_IF = re.compile(
    r"\b(?:is|are|(?:would|will|may|can|could)\s+be)\s+(?:considered\s+)?(?:eligible|allowed|permitted|included)\s+only\s+(?:if|after|when|provided)\b", I
)


# A clause that opens by naming itself an exception ("EXCEPTIONS: non-melanotic skin cancer or
# carcinoma-in-situ", "Exception: patients who are 13 years old or older and ...", "An exception is
# made for ..."): it excepts from the requirement before it, as an "except ..." phrase does; read
# as a clause of its own it became one more thing that excludes.
EXCEPTION_LEAD = re.compile(
    r"^\W*(?:(?:an?|the)\s+)?exceptions?\b\s*(?::\s*|(?:to\s+this\s+)?(?:(?:is|are|will\s+be|may\s+be|can\s+be)\s+(?:made\s+)?)?(?:for\b|include\w*\b|:)?)",
    I,
)


# a clause that ends by pointing at the exceptions the line's next sentences write ("Individuals
# with a history of a different malignancy are ineligible except for the following circumstances.
# Individuals with ... are eligible if ..."; 6 corpus lines)
_POINTED_EXCEPTION = re.compile(
    r"[\s,;]*\b(?:except(?:\s+(?:for|in|under))?|with\s+the\s+exceptions?\s+of)\s+(?:the\s+following|these)"
    r"(?:\s+(?:circumstances|situations|cases|conditions|exceptions))?\s*:?\s*$",
    I,
)


def pointed_exceptions(clauses: list[str]) -> list[str]:
    """The pointer taken off its clause and the next sentence read as the exception it points at
    (the sentences after it that permit a group are exceptions by their own words). Left on, the
    pointer was an unread exception of the whole line, and no malignancy the exceptions leave out
    decided it."""
    out = list(clauses)
    for k in range(len(out) - 1):
        pointer = _POINTED_EXCEPTION.search(out[k])
        if pointer is None or not out[k][: pointer.start()].strip():
            continue
        out[k] = out[k][: pointer.start()]
        # (a sentence that states an exclusion of its own is none of the circumstances: read as
        # one, what it excludes would clear the line)
        if not EXCEPTION_LEAD.match(out[k + 1]) and not WIDENING_CLAUSE.search(out[k + 1]) and not STATED_EXCLUSION.search(out[k + 1]):
            out[k + 1] = "Exceptions: " + out[k + 1]
    return out


# a later clause that lets a finding stand beside what the line asks ("... must have > 25% blasts in
# bone marrow; active extramedullary disease may also be present"): a permission, asking nothing.
# Read as a clause of the line, the finding it allows was asked of every patient (a marrow relapse
# without extramedullary disease failed). Only a whole clause ending so; bounded, one pass.
MAY_BE_PRESENT = re.compile(r"^[^;:]{1,160}?\b(?:may|can|could)\s+(?:also\s+)?(?:be\s+present|coexist|co-exist)\s*\.?\s*$", I)
