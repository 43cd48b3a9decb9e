"""Clauses that state their own verdict or rule.

"Patients with ... are not eligible", "(NYHA III-IV excluded)", "Patients must not have live
vaccines", "No G-CSF allowed", the older layout's bare "No X", "Patients will be excluded if ...",
"The patient must have ..." under the exclusions, "... that would exclude ..." among the
inclusions: the words say which way the clause counts,
whatever section the registry put it in. Read as a description of the patient, such a clause is
negated twice or asks for what it excludes. They are recognised here, apart from the line assembly
(``line``) that applies them, because they are the grammar of a verdict, not of any topic.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import CriterionType, Expr, Review, iter_predicates
from rules_engine.parser.clauses import parse_clause
from rules_engine.parser.items import I


# A clause that states its own verdict ("Patients with a history of GI perforation within 12
# months are not eligible", "Pregnant women are excluded from this study because ..."): what it
# names excludes, in whichever section the registry put it. Read as a description of the
# patient, an inclusion line required the very thing it excludes. The verdict and its rationale
# ("because ...", "since ...", "due to ...") are blanked; a condition after it ("if ...", "unless ...") stays.
STATED_EXCLUSION = re.compile(
    r"(?:\b(?:is|are|will\s+be|shall\s+be|should\s+be|must\s+be|would\s+be|to\s+be)\s+(?:also\s+)?(?:not\s+eligible|ineligible|excluded)"
    r"|(?:\b(?:is|are|will\s+be|shall\s+be)\s+)?\b(?:not\s+(?:allowed|permitted)|prohibited|forbidden)"
    # "... are not to be registered", "Pregnant or nursing women may not be enrolled", "... should
    # not be enrolled on this protocol": the same verdict said of registration (an inclusion
    # read it as a requirement: every woman not pregnant failed "may not be enrolled"). Not "must
    # not be enrolled", which registries join to a prohibition of its own ("the patient must not
    # receive investigational product and must not be enrolled": its verdict then turned that)
    r"|\b(?:(?:is|are)\s+not\s+to\s+be|(?:will|shall|should|may|can)\s+not\s+be|cannot\s+be)\s+(?:registered|enrolled|entered))"
    r"(?:\s+(?:from|in|for|on|onto)\s+(?:(?:the|this)\s+(?:clinical\s+)?(?:study|trial|protocol)"
    # "are NOT eligible for participation", "ineligible for study entry", "excluded from
    # enrolment": the verdict's own words, blanked with it (left, they were an unread residue
    # that turned the decidable part before them into review)
    r"|(?:(?:the|this)\s+)?(?:study\s+|protocol\s+|trial\s+)?(?:participation|entry|enrol?ment|enrollment|inclusion)"
    r"(?:\s+in\s+(?:the|this)\s+(?:clinical\s+)?(?:study|trial|protocol))?))?(?:\s*,?\s*\b(?:because|since|due\s+to)\b[^;]*)?"
    r"(?=\s*(?:$|[^\w\s(]|(?:,\s*)?(?:if|unless|except|when|other\s+than|with\s+the\s+exception)\b))",
    I,
)


# a bare "excluded" closing a bracket ("(NYHA III-IV excluded)"); in an inclusion only, where it
# names whom the line keeps out (an exclusion's "(alopecia and fatigue excluded)" excepts them)
BARE_EXCLUDED = re.compile(r"(?<=[\w)])\s+excluded(?=\s*\))", I)


def bracketed_exclusion(text: str, stated: re.Match[str]) -> tuple[int, int] | None:
    """Where a stated exclusion closes a bracket of its own after words of the line ("ECOG status
    0-2 (ECOG 3 is excluded)", "... (patients receiving insulin are not eligible)"): the bracket's
    offsets, else None (the verdict is the line's own). A bracket inside it ("(New York Heart
    Association (NYHA) cardiac III-IV excluded)") is its own words."""
    depth, opening = 0, -1
    for k in range(stated.start() - 1, -1, -1):
        if text[k] == ")":
            depth += 1
        elif text[k] == "(":
            if depth == 0:
                opening = k
                break
            depth -= 1
    if opening < 0 or not text[:opening].strip(" ,;:-"):
        return None
    after = re.match(r"[\s.]*\)", text[stated.end():])
    if after is None:
        return None
    return opening, stated.end() + after.end() - 1


def narrows_a_history(excluded: Expr | None, before: str) -> bool:
    """"History of myocardial infarction within 12 months (patients with history of myocardial
    infarction within 6 months are excluded)": the bracket narrows the history the words before it
    name (a risk listed, not asked for), so the line keeps its verdict; split, the infarction within
    12 months became a requirement every patient without one failed."""
    if excluded is None or isinstance(excluded, Review):
        return False
    rest = parse_clause(before, CriterionType.INCLUSION).expr
    if rest is None:
        return False
    shared = {p.concept for p in iter_predicates(excluded)} & {p.concept for p in iter_predicates(rest)}
    return any(c in CONCEPTS and CONCEPTS[c].kind is Kind.EVENT for c in shared)


# A prohibition written into an exclusion list ("Patients must not have live vaccines within 28
# days", "No G-CSF allowed within 1 week"): the line states the rule, and what it forbids is what
# excludes. Read as a description of the patient it would be negated twice and pass exactly the
# patients it excludes. The negator (and the "allowed") are blanked, offsets kept.
_MUST_NOT = re.compile(
    r"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?|women|men|females?|males?)\s+)?(?P<neg>(?:must|should|shall|may|can|will)\s*(?:not|n't)|cannot)\b",
    I,
)
# the exclusion list's own lead-in, restated on a line ("Patients will be excluded if their serum
# creatinine is ...", "Patients are not eligible if they have ..."): says what every exclusion says
EXCLUDED_IF = re.compile(
    r"^(?P<neg>\W*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+)??(?i:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:(?:will|shall|would)\s+be|are|is)\s+"
    r"(?:excluded|not\s+eligible|ineligible)\s+(?:from\s+(?:the\s+)?(?:study|trial)\s+)?(?:if|when|who)\s+(?:they\s+(?:have|has|are|had)\s+|their\s+|he\s+or\s+she\s+(?:has|is)\s+)?))",
)
NO_ALLOWED = re.compile(r"^\W*(?P<neg>no)\b(?=[^.;]*?(?P<allowed>\b(?:is|are)?\s*(?:allowed|permitted)\b))", I)
# ... and the older layout's bare "No X" / "Not pregnant" in an exclusion list, the same rule with
# its verb left out ("No untreated brain metastases", "No history of diabetes"): read as a
# description it would exclude exactly the patients without X. "Not" is taken only before a
# pregnancy word: elsewhere it belongs to the state it negates ("Not recovered from toxicity").
_NO_LEAD = re.compile(
    r"^\W*(?:(?P<neg>no)\b(?!\s+(?:more|less|greater|fewer|later|earlier|sooner|longer|only)\b)"
    # what a patient must have, its lack written into the exclusion list ("No measurable lesion",
    # "No tumor specimen evaluable for PD-L1", "No health insurance"): the old reading stands
    r"(?!\s+(?:measurable|evaluable|biopsy|accessible|tissue|specimen|samples?|tumou?r\s+(?:tissue|specimen|samples?)|candidate|health|insurance|consent|signed|access|indication|response|remission|histolog\w*|cytolog\w*)\b)"
    r"|(?P<not>not)\s+(?=(?:pregnant|breast-?\s?feeding|lactating|nursing)\b))"
    # "No prior cytotoxic therapy for at least 4 weeks": the "no" is the interval's, what the
    # patient must show; stripped, the line excluded every patient without recent chemotherapy
    # (never a disease-free span or one after "unless", "No other malignancy unless disease-free
    # for >= 3 years", "... unless in complete remission and off therapy for >= 3 years": that
    # "for" is the exception's, and kept, the "no" made the exclusion hold for every patient
    # without a cancer; disease_free_leads)
    r"(?!(?:(?!\bunless\b)[^.;]){0,2000}\b(?<!free\s)for\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|≥\s*|more\s+than\s+|>\s*)\d)",
    I,
)


# a sentence stating what the patient must be or have ("The patient must have recovered from ...",
# "Patients must be off treatment for ..."), never its negation
REQUIREMENT = re.compile(
    r"^\W*(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:must|should|shall)\s+(?!not\b)(?:also\s+)?(?:have|be)\b(?!\s+(?:excluded|ineligible|not\b))", I
)


def as_rule(clause: str) -> str:
    lead = EXCLUDED_IF.match(clause)
    if lead:
        clause = " " * lead.end("neg") + clause[lead.end("neg"):]
    m = _MUST_NOT.match(clause)
    if m:
        return clause[: m.start("neg")] + " " * (m.end("neg") - m.start("neg")) + clause[m.end("neg"):]
    m = NO_ALLOWED.match(clause)
    if m:
        a, b = m.start("allowed"), m.end("allowed")
        return clause[: m.start("neg")] + "  " + clause[m.end("neg"): a] + " " * (b - a) + clause[b:]
    m = _NO_LEAD.match(clause)
    if m:
        group = "neg" if m.group("neg") else "not"
        return clause[: m.start(group)] + " " * (m.end(group) - m.start(group)) + clause[m.end(group):]
    return clause


DISQUALIFIER = re.compile(r"\b(?:that|which)\s+(?:would|might|could|may|will)\s+(?:exclude|preclude|prohibit|contraindicate|disqualify)\b", I)
