"""Cutting a line into clauses and joining what the topics found in each.

The words between two recognised items decide how they join ("or" / "either" -> Any_, else the
type's list default); enumerations and definitions are recognised here so that the line reader
(``line.py``) can make the enumerated items alternatives or skip a definition.

The parts of the grammar are modules of their own: ``extraction`` (running the topics over a
clause), ``roles`` (the part an item plays), ``statuses`` (statuses around the diseases they
qualify), ``examples`` (examples of what a clause names), ``joiners`` (the words between two
items) and ``combining`` (joining a clause's items); this module cuts a line into clauses and
reads each (``parse_clause``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rules_engine.concepts import MALIGNANCIES, ancestors
from rules_engine.criteria import All, CriterionType, Expr, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, Item, NEGATED, all_of, content_words, negation_read_by_item
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.proof_time import blank_proof_time
from rules_engine.parser.remarks import ESTIMATED, blank_either_way, blank_estimator, blank_otherwise, blank_rationale, blank_remarks, blank_stand_in, blank_whichever_shorter
from rules_engine.parser.topics.events import other_than_spans
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS
from rules_engine.parser.extraction import extract
from rules_engine.parser.statuses import bare_status_runs, restatements_blanked, status_over_diseases, status_runs
from rules_engine.parser.joiners import DEGREE_COMMA, DEGREE_JOIN, DEGREE_ONLY
from rules_engine.parser.combining import combine
from rules_engine.parser.lab_exceptions import exception_end
from rules_engine.parser.examples import SEGMENT_CUT, _examples, negated_examples
from rules_engine.parser.example_windows import shared_example_windows
from rules_engine.parser.cause_pairs import caused_pairs


_CLAUSE_SPLIT = re.compile(
    r";|,?\s+and\s+(?=[>≥]\s*\d{1,4}\s*(?:days?|weeks?|months?|years?)\s+since\b)"
    # "must not have received chemotherapy ... within 4 weeks and any toxicity from such therapy
    # must have recovered to grade 1": the recovery is a requirement of its own, never part of
    # what the line forbids (under the negation, an unrecovered grade 3 met the line)
    r"|,?\s+and\s+(?=(?:any|all)\s+(?:\w+\s+){0,2}toxicit(?:y|ies)\b[^;.]{0,80}?\b(?:must|should|shall)\s+have\s+(?:recovered|resolved|reverted|returned)\b)|(?<=[a-z][A-Z])\.\s+(?=[A-Z(])|(?<=[A-Z]{2})\.\s+(?=[A-Z][a-z])|(?<=\s[A-Z])\.\s+(?=[A-Z][a-z]{2,})|(?<=[a-z0-9)%\]])\.\s+(?=[A-Z(])|(?<=/L)\.\s+(?=[A-Z][a-z])|\s(?=(?:NOTE|Note|NB|N\.B\.)\s*:)|\s(?=\(\d{1,2}\)\s*[A-Za-z])|\s(?=\d{1,2}\)\s*[A-Za-z])|\s(?=[a-h]\)\s*[A-Za-z])|\s(?=[a-h]\.\s?[A-Z])"
)


_EXCEPTION = re.compile(
    r"[(\[]\s*exceptions?\s*:[^()\[\]]*(?:\([^()]*\)[^()\[\]]*)*[)\]]"  # "(EXCEPTION: ...)", "[EXCEPTION: ...]"
    r"|\(\s*not\s+[^()]*(?:\([^()]*\)[^()]*)?\)"
    r"|\([^()]*\b(?:is|are)\s+(?:also\s+)?(?:acceptable|allowed|permitted|eligible)\b[^()]*\)"
    # "(may be eligible if the patient currently has a pacemaker)": a permission in brackets
    r"|\([^()]*\b(?:may|can|could|will|would|should|shall)\s+(?:still\s+|also\s+)?be\s+(?:acceptable|allowed|permitted|eligible|enrolled|included)\b[^()]*\)"
    r"|\(\s*(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|but\s+not)\b[^()]*\)"
    # ", other than APL, as defined by WHO, that is relapsed ...": an aside between commas ends at
    # the comma when the main clause goes on after it (else the rest became the exception's)
    # The same for a window after the aside ("major surgery, other than diagnostic surgery (i.e.
    # ... a biopsy ...), within 4 weeks prior to Day 1"; 8 corpus lines): the window is the
    # head's. Taken into the exception, the head lost its window and the exception read "surgery
    # within 4 weeks", so a colectomy two weeks ago cleared the line it is excluded by.
    r"|,\s*(?:other\s+than|except(?:\s+for)?|excluding)\s+[^,;()]+(?:\([^()]*\))?"
    # (so does one before the head's own examples: "acute myeloid leukemia (AML), except acute
    # promyelocytic leukemia (APL), including leukemia secondary to prior therapy": taken into the
    # exception, the examples left an APL patient unknown)
    r"(?=,\s*(?:as\s+defined|that|which|who|according|confirmed|per|with|within|including|in\s+the\s+(?:last|past|previous|preceding))\b)"
    # (a karyotype's own semicolon, "except t(15;17)(q22;q12)", does not end the exception)
    r"|,?\s*\b(?:except(?:\s+for|\s+(?:if|when|in))?|excluding|other\s+than|with\s+the\s+exception\s+of|unless|if\s+not(?=\s+(?:due|related|secondary|attributable|attributed|caused)\b)|but\s+not(?!\s+limited)(?:\s+including)?|not\s+including)\b(?:[^;]|(?<=\(\d);|(?<=\(\d\d);|(?<=\([pq]\d);|(?<=\([pq]\d\d);)*",
    I,
)


_AND = re.compile(r"\b(?:and|plus|with|had|has)\b|\bas\s+well\s+as\b", I)


# a span of time no topic read ("chemotherapy <= 21 days", "Have had chemotherapy (or an EGFR TKI)
# 4 weeks prior to enrollment"): its words are all stop words and its number no word, so it vanished and the
# history stood for ever (a patient treated years ago was excluded); left, it is the line's review
# (only beside a history asked ever, and never the span a measurement was taken in: "obtained
# within 28 days", which the remarks read as when, not what)
_UNREAD_SPAN = re.compile(r"(?<![\w.])(?<!cycle\s)\d+(?:\.\d+)?\s*(?:hours?|days?|weeks?|months?|years?)\b(?!\s*\d)", I)


_OR_NEXT = re.compile(r"\s*,?\s*(?:or|and/or)\b", I)
_MEASURED_WHEN = re.compile(r"\b(?:obtained|performed|assessed|documented|measured|drawn|test)\b", I)


# "diagnosed with another malignancy and have evidence of residual disease": after "and", a verb
# of state says more of the subject before it (one more condition of it), never lists a thing
_AND_BEFORE = re.compile(r"\band\s*$", I)
_STATE_VERB = re.compile(r"\s*(?:have|has|had|is|are|was|were|remains?|still|shows?|showing)\b", I)


# "primary AML or AML secondary to MDS": the disease a leukemia arose from is its history, never
# an alternative to it (read as an item, an MDS patient without AML met the diagnosis line); its
# words stay a qualifier of the disease before it
_ANTECEDENT = re.compile(
    r"\b(?:secondary\s+to|arising\s+(?:from|out\s+of)|evolv(?:ed|ing)\s+from|transformed\s+from|progress(?:ed|ing)\s+from)\s+"
    r"(?:[\w-]+\s+){0,3}(?:\(\s*)?$",
    I,
)


def _without_antecedents(items: list[Item], text: str) -> tuple[list[Item], list[tuple[int, int]], list[tuple[Item, int]]]:
    """The items that are no antecedent, the spans of antecedents that only restate the one
    before them in a bracket ("secondary to myelodysplastic syndrome (MDS)"), and the antecedents
    themselves with where their words ("arising from") start."""
    out: list[Item] = []
    restated: list[tuple[int, int]] = []
    antecedents: list[tuple[Item, int]] = []
    for it in items:
        m = _ANTECEDENT.search(text, max(0, it.start - 40), it.start)
        if m is None:
            out.append(it)
        elif m.group(0).rstrip().endswith("("):
            restated.append((it.start, it.end))
        else:
            antecedents.append((it, m.start()))
    return out, restated, antecedents


# a count or share bound written right after a disease's name, no measure named ("T-ALL
# ≥100×10^9/L", "B-ALL≥30×109/L", "AML ≥ 20%"): the disease with a bound of its own (a white count,
# blasts) unread. Dropped as punctuation, "high white count (B-ALL≥30;T-ALL ≥100)" read every
# T-ALL as high-risk and excluded it; now the disease stays, its bound a person's
_BOUND_AFTER = re.compile(r"\s{0,3}(?:≥|≤|>=|<=|>|<|=)\s{0,3}\d[\d.,]{0,8}\s{0,2}(?:[x×*]\s{0,2}10\s{0,2}\^?\s{0,2}\d{1,2}\s{0,2}(?:/\s{0,2}[a-zµμ]{1,3})?|%)?", I)


def _bounds_after_diagnoses(items: list[Item], text: str) -> None:
    starts = sorted(it.start for it in items)
    for it in items:
        if not _diagnosis(it.expr):
            continue
        m = _BOUND_AFTER.match(text, it.end)
        if m is None or any(it.end <= s < m.end() for s in starts):
            continue
        it.expr = all_of([it.expr, Qualifier(ReviewReason.UNPARSED, " ".join(text[it.start: m.end()].split()))])  # type: ignore[list-item]


def _diagnosis(expr: Expr | None) -> bool:
    return isinstance(expr, Predicate) and expr.op is Op.PRESENT and expr.concept in DIAGNOSIS_CONCEPTS


def _with_antecedent(expr: Expr | None, items: list[Item], antecedents: list[tuple[Item, int]], text: str) -> tuple[Expr | None, tuple[int, int] | None]:
    """"Acute myeloid leukemia arising from MDS", "AML evolved from prior myelodysplasia": one
    disease that arose from another is both on the record (the history is a diagnosis, absent when
    the record lacks it); left a qualifier, a de novo AML met the line beside a review and the
    trial's MDS-only list admitted it. Only a clause whose one disease the antecedent follows
    ("primary AML or AML secondary to MDS" keeps its reading: the primary one needs no MDS)."""
    read = [it for it in items if it.expr is not None]
    if len(antecedents) != 1 or len(read) != 1 or not _diagnosis(expr) or not _diagnosis(antecedents[0][0].expr):
        return expr, None
    antecedent, words = antecedents[0]
    if read[0].end > words or text[read[0].end: words].strip(" ,"):
        return expr, None
    return All((expr, antecedent.expr)), (words, antecedent.start)  # type: ignore[arg-type]


@dataclass
class Residue:
    """Words no topic read, where they stand, and whether they qualify an item beside them."""

    text: str
    start: int
    end: int
    qualifies: bool


@dataclass
class Clause:
    expr: Expr | None  # the structured part as the items join, None when nothing was recognised
    residue: list[Residue]
    exceptions: list[tuple[str, int]]  # (the exception's words, where it starts)
    concepts: frozenset[str]
    items: list[Item] = field(default_factory=list)
    text: str = ""  # the clause with its exceptions blanked: the items' offsets point into it


# (", not responding to adequate antimicrobial therapy", "despite ...": how the thing before fares)
_QUALIFIER = re.compile(r"\s*(?:requiring|which|that|who|needing|needed|treated|under|on|receiving|with\s+(?:grade|active|uncontrolled)|in\s+need|not\s+responding|unresponsive|despite)\b", I)


def _segments(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in SEGMENT_CUT.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


_WINDOW_NEXT = re.compile(r",\s*(?:within|in\s+the\s+(?:last|past|previous|preceding))\b", I)


def _cuts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``text`` cut into consecutive pieces at the (sorted, disjoint) spans' ends."""
    out, at = [], 0
    for s, e in spans:
        if s > at:
            out.append((at, s))
        out.append((s, e))
        at = e
    if at < len(text):
        out.append((at, len(text)))
    return out


# adjectives of degree listed with a comma before one noun ("significant, uncontrolled active
# infection", "any active, uncontrolled infection"; 13 corpus lines "significant, uncontrolled"):
# one phrase, the comma no list's (read as one, the lone "Significant" left the line to a person);
# ``DEGREE_COMMA`` is compiled below, beside the degrees it names
def _degree_commas(text: str) -> str:
    """``text`` with a comma between two adjectives of degree made a space (offsets kept)."""
    return DEGREE_COMMA.sub(lambda m: m.group(0).replace(",", " "), text) if "," in text else text


# an exception naming a subtype of the line's disease ("AML other than acute promyelocytic leukemia
# by WHO criteria with relapsed disease ...", "AML, except APL (APL), including leukemia secondary
# to prior therapy ...", "FAB classification other than M3 (APL), documented by bone marrow"):
# what follows the subtype's name qualifies the disease the line asks for, not the subtype. Read
# to the clause's end, those words became the exception's own ("not (APL and review ...)"), so a
# patient with APL on record was left unknown by a line that excludes him, and the relapse the
# line asks for was asked of the APL instead. The exception ends after the name (its brackets, its
# karyotype, "and variants") when a qualifying word follows; "and"/"or" after it (another thing
# excepted: "excluding APL and CML in blast phase") keeps the exception as it was.
_DISEASES = frozenset(MALIGNANCIES)
_EXCEPTION_WORD = re.compile(r"[\s,(\[]*(?:except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|but\s+not)\s+(?:the\s+)?", I)
_AFTER_SUBTYPE = re.compile(
    r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))*"  # "(APL)", "[APL with t(15;17)]"
    r"(?:\s*(?:with\s+)?t\s*\(\s*\d+\s*;\s*\d+\s*\)(?:\s*\(\s*[pq][\d.]+\s*;\s*[pq][\d.]+\s*\))?)?"  # "with t(15;17)(q22;q12)"
    r"(?:\s+(?:and|or|and/or)\s+(?:its\s+)?variants)?"
    r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]))*",
    I,
)
_ABBREVIATION = re.compile(r"\s*\(\s*[A-Za-z][A-Za-z0-9-]{0,7}\s*\)")
_QUALIFIER_NEXT = re.compile(
    r"\s*,?\s*(?:by|according|as|per|documented|confirmed|determined|defined|diagnosed|who|that|which|in\s+(?:an?\s+)?(?:adult|patient|child)|"
    r"with\s+(?:relapsed|refractory|disease|active|a|an|\d)|is|are|will|must|may)\b",
    I,
)


def _subtype_end(text: str, start: int, end: int, ctype: CriterionType) -> tuple[int, int]:
    """Where an exception found at ``start`` ends, as (its words' end, its span's end): at ``end``
    as matched, or after the name of a subtype of a disease named before it when the words after
    the name qualify that disease. The subtype's own karyotype and variants end the span but are
    no words of the exception (they define the subtype; read, they were a review of it)."""
    lead = _EXCEPTION_WORD.match(text, start, end)
    if lead is None or lead.end() >= end or text.startswith(("(", "["), start):
        return end, end  # a bracketed exception ends with its bracket
    body = extract(text[lead.end(): end], ctype)
    first = next((it for it in body if it.expr is not None), None)
    comma = text.find(",", lead.end(), end)
    if first is not None and comma >= 0 and first.end > comma - lead.end():
        # ("other than APL, documented by bone marrow ... within 14 days prior to ..."): the
        # window after the comma was taken into the name's item; the name is what precedes it
        head = next((it for it in extract(text[lead.end(): comma], ctype) if it.expr is not None), None)
        if head is not None and head.start == 0 and head.concepts == first.concepts:
            first = head
    if first is None or first.start > 0 or not first.concepts:
        return end, end
    before = {c for it in extract(text[:start], ctype) if it.expr is not None for c in it.concepts}
    if not before or not all(c in _DISEASES and set(ancestors(c)) & before for c in first.concepts):
        return end, end
    name = lead.end() + first.end
    if text.count("(", lead.end(), name) > text.count(")", lead.end(), name) and text.startswith(")", name):
        name += 1  # "t(15;17)": the name's own bracket
    abbreviation = _ABBREVIATION.match(text, name, end)
    tail = _AFTER_SUBTYPE.match(text, name, end)
    cut = tail.end() if tail is not None else name
    if cut >= end or not _QUALIFIER_NEXT.match(text, cut, end):
        return end, end
    return (abbreviation.end() if abbreviation is not None else name), cut


# the words that open a list of examples right before its first item ("abnormalities including")
_HEAD_OF_EXAMPLES = re.compile(r"\b(?:including|such\s+as|e\.\s?g\.?|for\s+example)\s*[:,]?\s*$", I)
_CLASS_NOUN = re.compile(r"\b(?:abnormalit(?:y|ies)|diseases?|disorders?|conditions?|events?|illness(?:es)?|tumou?rs?|problems?|infections?)\b", I)
_NARROWING_HEAD = re.compile(
    r"\b(?:uncontrolled|active|symptomatic|unstable|untreated|current(?:ly)?|recent|ongoing|poorly|severe|for|to|within|requir\w*|contraindicat\w*"
    r"|treatments?|therap(?:y|ies)|medications?|drugs?|agents?|use|usage|risk)\b",
    I,
)
_CAUSE_HEAD = re.compile(r"\b(?:due|caus\w*|secondary\s+to|related\s+to|attributable|because|from|resulting)\b", I)
_PERMITS = re.compile(r"\b(?:may|can|will)\s+be\s+(?:enrolled|eligible|included|allowed|permitted)\b|\b(?:are|is)\s+(?:eligible|allowed|permitted|acceptable)\b|\bunless\b|\bexcept\b", I)


def parse_clause(text: str, ctype: CriterionType) -> Clause:
    text = _degree_commas(blank_whichever_shorter(blank_rationale(blank_stand_in(blank_otherwise(text)))))
    exceptions: list[tuple[str, int]] = []
    main = text
    named = other_than_spans(text)  # "malignancy other than ALL" names a concept, it excepts nothing
    pos, spans = 0, []
    while (m := _EXCEPTION.search(text, pos)) is not None:
        inside = next((e for s, e in named if s <= m.start() < e), None)
        if inside is not None:
            pos = max(inside, m.start() + 1)
            continue
        named_end, end = _subtype_end(text, m.start(), m.end(), ctype)
        if end == m.end() == named_end and not m.group(0).lstrip(" ,").startswith(("(", "[")):
            end = named_end = exception_end(text, m.start(), end, ctype)  # "unless ... Gilbert's, AST <= 3 x ULN": the AST limit is the line's
        words = text[m.start(): named_end]  # a subtype's name keeps its own closing bracket ("t(15;17)")
        exceptions.append((words.strip(" ,()") if end == m.end() else words.lstrip(" ,([").rstrip(" ,"), m.start()))
        spans.append((m.start(), end))
        pos = max(end, m.start() + 1)
    if exceptions:
        # an aside before the head's window ("major surgery, other than diagnostic surgery (i.e.
        # ... a biopsy ...), within 4 weeks") leaves one blank, not its length: a long one kept
        # the window too far from the head to be its (exception starts after it move with it)
        short = {(s, e) for s, e in spans if _WINDOW_NEXT.match(text, e)}
        shift = 0
        for k, (exc, start) in enumerate(exceptions):
            exceptions[k] = (exc, start - shift)
            s, e = spans[k]
            if (s, e) in short:
                shift += e - s - 1
        main = "".join((" " if (s, e) in short else " " * (e - s)) if (s, e) in spans else text[s:e] for s, e in _cuts(text, spans))
    main = blank_proof_time(blank_either_way(main))  # "histologic verification ... at original diagnosis or relapse"
    items, restated, antecedents = _without_antecedents(extract(main, ctype), main)
    items = shared_example_windows(items, main)  # "events such as a stroke ... within 6 months": one window
    items = caused_pairs(items, main)  # "hypertension due to pheochromocytoma": one condition, with its cause
    items = negated_examples(items, main, ctype)
    items, examples = _examples(items, main, ctype)
    items, main = restatements_blanked(items, main)
    items = status_over_diseases(bare_status_runs(status_runs(items, main), main), main, ctype)
    _bounds_after_diagnoses(items, main)
    negated = NEGATED.match(main) if ctype is CriterionType.INCLUSION else None
    if negated is not None and negation_read_by_item(negated, items):
        negated = None
    expr = combine(items, main, ctype, negated is not None)
    # (an exclusion's list joins its items as alternatives: "AML arising from MDS" kept its review)
    expr, origin = _with_antecedent(expr, items, antecedents, main) if ctype is CriterionType.INCLUSION else (expr, None)
    if origin is not None:
        items = [*items, antecedents[0][0]]
        restated = [*restated, origin]
    # remarks are found both in the clause as written ("within 3 weeks prior to treatment": the
    # topic read the window, and the anchor left behind is still an anchor) and with the items
    # blanked (a reference that runs on past a disease name); a character either pass blanked
    # is not residue
    masked = list(main)
    for it in items:
        masked[it.start: it.end] = " " * (it.end - it.start)
    after_items = blank_remarks("".join(masked))
    as_written = blank_remarks(main)
    masked_text = after_items
    if as_written != main:  # most clauses hold no remark: nothing to merge
        chars = list(after_items)
        for m in _BLANK_RUN.finditer(as_written):
            chars[m.start(): m.end()] = " " * (m.end() - m.start())
        masked_text = "".join(chars)
    if any(it.concepts & ESTIMATED for it in items if it.expr is not None):
        masked_text = blank_estimator(masked_text)  # "life expectancy >= 12 weeks in the opinion of the investigator"
    lead = [(0, _NOT_YET.match(main, negated.end()).end())] if negated is not None else []  # "Has never", "Have not yet": the negation read
    for a, b in examples + restated + _restated_initials(main, items) + lead:
        masked_text = masked_text[:a] + " " * (b - a) + masked_text[b:]
    residue: list[Residue] = []
    ever_asked = (any(isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT and it.expr.window is None for it in items)
                  and _UNREAD_SPAN.search(masked_text) and not _MEASURED_WHEN.search(main))
    for a, b in _segments(main):
        words = content_words(masked_text[a:b]) or (_UNREAD_SPAN.findall(masked_text, a, b) if ever_asked else [])
        if words:  # "hepatitis B virus hepatitis": a word of the item beside it, said again, adds nothing
            named = {w.lower() for it in items if not (it.end <= a or it.start >= b) for w in _WORD_RE.findall(main[it.start: it.end])}
            words = [w for w in words if w.lower() not in named]
        if not words:
            continue
        # (an item of consumed words, "Kidney function:" before a list, qualifies nothing the text
        # goes on to join by "or": it made the unread alternative a conjunct, "creatinine outside
        # the normal range, or clearance < 50" read as both at once, and a patient with the
        # creatinine alone passed; other consumed words still scope what they stand in)
        overlapping = [it for it in items if not (it.end <= a or it.start >= b)]
        if overlapping and all(it.expr is None for it in overlapping) and _OR_NEXT.match(main, b):
            overlapping = []
        qualifies = bool(overlapping) or bool(
            (_QUALIFIER.match(masked_text[a:b]) or (_AND_BEFORE.search(main, 0, a) and _STATE_VERB.match(masked_text[a:b]))
             or not content_words(masked_text[a:b]))  # a span of time alone is when the history before it was
            and any(it.end <= a for it in items)
        )
        if qualifies and ctype is CriterionType.EXCLUSION and overlapping:
            # "Significant ECG abnormalities including left bundle branch block, ...": the words
            # before "including" name the class the examples are of, never a condition of the first
            # example (read as one, a block on record left the line to a person). The class is one
            # more alternative, a person's
            # (never a cause's examples, "renal failure due solely to reversible causes such as
            # hypercalcemia", nor where the line permits some of them: "... such as ascites.
            # Patients in whom the fluid can be drained may be enrolled")
            # Only a class the line judges ("significant ECG abnormalities", "serious intercurrent
            # illness", "known CNS tumors"): a state of the patient's ("uncontrolled medical problems
            # such as diabetes"), a purpose, a time frame or a treatment ("treatment for breast cancer
            # such as chemotherapy") narrows each example, and stays its condition
            first = min(it.start for it in overlapping)
            head = main[a:first]
            if (a < first and _HEAD_OF_EXAMPLES.search(main, a, first) and not content_words(masked_text[first:b])
                    and _CLASS_NOUN.search(head) and not _NARROWING_HEAD.search(head)
                    and not _CAUSE_HEAD.search(main, 0, first) and not _PERMITS.search(main, first)):
                qualifies = False
        residue.append(Residue(masked_text[a:b].strip(" ,.:"), a, b, qualifies))
    residue = _adjectives_joined(residue, items, main)
    residue = _imaging_qualifies(residue)
    concepts = frozenset().union(*(it.concepts for it in items)) if items else frozenset()
    return Clause(expr, residue, exceptions, concepts, items, main)


# an imaging test the condition before it is seen on ("evidence of active pneumonitis on screening
# chest computed tomography (CT) scan", "... disease on screening CT scan or MRI", "per bone scan or
# CT scan of the abdomen and pelvis"; ~25 corpus lines): how the condition is shown, a remark on
# the item, never one more condition of the line (as one more alternative of an
# exclusion, it left the line unknown for every patient)
_IMAGING_ONLY = re.compile(
    r"(?:[\s,/…()-]*+(?:CT|MRI|PET|MUGA|x-?rays?|scans?|imaging|computed|tomograph(?:y|ic)?|magnetic|resonance|chest|brain|head|spine|"
    r"spinal|abdomen|pelvis|bone|of|the|and|or|on|per|screening|baseline|upright|contrast(?:-enhanced)?)\b)++[\s.…)]*+",
    I,
)
_IMAGING_WORD = re.compile(r"\b(?:CT|MRI|PET|MUGA|x-?rays?|scans?|imaging|tomograph\w*)\b", I)


def _imaging_qualifies(residue: list[Residue]) -> list[Residue]:
    """The residue without the unread words naming only an imaging test (``_IMAGING_ONLY``), or
    only the rest of one ("CT scan of the abdomen" ... "pelvis"): a method annotates, it never
    decides (kept as a qualifier, "LVEF < 50% by ECHO or MUGA" was a review for LVEF 40%)."""
    out: list[Residue] = []
    imaging = False
    for r in residue:
        if not r.qualifies and r.text and _IMAGING_ONLY.fullmatch(r.text) and (imaging or _IMAGING_WORD.search(r.text)):
            imaging = True
            continue
        else:
            imaging = bool(r.text) and _IMAGING_WORD.search(r.text) is not None and _IMAGING_ONLY.fullmatch(r.text) is not None
        out.append(r)
    return out


def _adjectives_joined(residue: list[Residue], items: list[Item], text: str) -> list[Residue]:
    out: list[Residue] = []
    for k, r in enumerate(residue):
        if r.qualifies or not DEGREE_ONLY.fullmatch(r.text):
            out.append(r)
            continue
        head = next((it for it in items if it.expr is not None and it.start >= r.end), None)
        if head is None or not DEGREE_JOIN.fullmatch(text, r.end, head.start):
            out.append(r)
            continue
        nxt = residue[k + 1] if k + 1 < len(residue) and residue[k + 1].start < head.end else None
        words = " ".join(text[r.start: head.start].split()).strip(" ,")
        merged = Residue(words, r.start, max(head.end, nxt.end if nxt else head.end), True)
        if nxt is not None:
            residue[k + 1] = replace(nxt, text="", qualifies=True)
        out.append(merged)
    return [r for r in out if r.text]


_NOT_YET = re.compile(r"(?:\s+yet\b)?", I)
_BRACKETED_ABBREVIATION = re.compile(r"\s*\(\s*([A-Za-z]{2,8})\s*\)")


def _restated_initials(text: str, items: list[Item]) -> list[tuple[int, int]]:
    """A bracketed abbreviation made of the initials of the item before it ("double umbilical
    cord blood transplantation (dUCBT)") restates that item: it is no word of its own."""
    out = []
    for it in items:
        m = _BRACKETED_ABBREVIATION.match(text, it.end)
        if m is None:
            continue
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", text[it.start: it.end])).lower()
        letters = iter(initials)
        if all(ch in letters for ch in m.group(1).lower()):  # a subsequence of the initials
            out.append(m.span())
    return out


def split_clauses(text: str) -> list[str]:
    """Cut at ";", sentence ends and inline enumerations, never inside parentheses. Items numbered
    in roman numerals are lettered first (``roman_items``) and a marker the cuts left alone goes
    with its item (``_markers_kept``)."""
    return _markers_kept(_split(roman_items(text)))


# Inline items numbered in roman numerals ("based on one of the following: I. Age >= 75 years, or
# II. Age < 75 years with ...", "Blood cell counts: i. ANC >= 2.0 x 10^9/L ii. Platelets ...";
# 11 corpus lines in 8 trials): only a run that counts on from one ("i", "ii", ...) is a list,
# so "Stage I. Patients ..." or "graft v. host" stay words. Each marker of a run is written as the
# letter the grammar already cuts at ("a)", "b)"): uncut, "II" was a word of the item before it
# and the second item was asked together with the first ("age >= 75 and age < 75").
_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_ROMAN_MARK = re.compile(r"(?<![^\s:;,])(?P<n>viii|vii|vi|iv|v|iii|ii|i|VIII|VII|VI|IV|V|III|II|I)[.)](?=\s{0,3}[A-Za-z(])")


# a word the numeral numbers ("phase I) or 3 months (phase II)", "stage I. ... stage II"): no item
_NUMBERED_BEFORE = re.compile(r"\b(?:phase|stage|grade|type|class|part|arm|cohort|level|step|group|tier|category|FIGO|NYHA)\s*$", I)


def roman_items(text: str) -> str:
    """``text`` with each marker of a roman-numbered run of items written "a)", "b)", ... (one
    case a run: "i."/"ii." and "I."/"II." count apart)."""
    if "i." not in text.lower() and "i)" not in text.lower():
        return text
    marks = [m for m in _ROMAN_MARK.finditer(text) if not _NUMBERED_BEFORE.search(text, max(0, m.start() - 12), m.start())]
    keep: list[tuple[int, int, int]] = []
    for upper in (False, True):
        run: list[tuple[int, int, int]] = []
        for m in marks:
            if m.group("n").isupper() is not upper:
                continue
            value = _ROMAN_VALUES[m.group("n").lower()]
            if run and value == run[-1][2] + 1:
                run.append((m.start(), m.end(), value))
                continue
            if len(run) >= 2:
                keep.extend(run)
            run = [(m.start(), m.end(), value)] if value == 1 else []
        if len(run) >= 2:
            keep.extend(run)
    if not keep:
        return text
    out, at = [], 0
    for start, end, value in sorted(keep):
        out.append(text[at:start] + "abcdefgh"[value - 1] + ")")
        at = end
    return "".join(out) + text[at:]


# a marker standing alone between two cuts ("... following: a. Age >= 75 years, or b. Age < 75
# ...": cut before the letter and again after its full stop, as a sentence's end)
_LONE_MARKER = re.compile(r"\s*(?:\(?\d{1,2}\)|[a-h][.)]?)\s*")


def _markers_kept(pieces: list[str]) -> list[str]:
    """A lone item marker joined to the item after it: cut from it, the item was no longer
    enumerated, and a choice of items ("a. ... or b. ...") was read as all of them at once."""
    out: list[str] = []
    marker = ""
    for piece in pieces:
        if _LONE_MARKER.fullmatch(piece):
            marker = piece.strip().rstrip(".")
            marker += "" if marker.endswith(")") else ")"
            continue
        out.append(f"{marker} {piece.lstrip()}" if marker else piece)
        marker = ""
    if marker:
        out.append(marker)
    return out


def _split(text: str) -> list[str]:
    cuts = []
    parens = [(m.start(), m.group(0)) for m in _PAREN.finditer(text)]  # depth walks only these
    k, depth = 0, 0
    for m in _CLAUSE_SPLIT.finditer(text):
        while k < len(parens) and parens[k][0] < m.start():
            depth = depth + 1 if parens[k][1] == "(" else max(depth - 1, 0)
            k += 1
        if depth == 0:
            cuts.append((m.start(), m.end()))
    out, start = [], 0
    for a, b in cuts:
        out.append(text[start:a])
        start = b
    out.append(text[start:])
    return out


_PAREN = re.compile(r"[()]")


_BLANK_RUN = re.compile(r" {2,}")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*")


PARENS = re.compile(r"\([^()]*\)")


LEAD_IN = re.compile(r":\s*$")


ONE_OF = re.compile(r"\b(?:at\s+least|any)\s+(?:one\s+)?of\s+the\s+following\b|\b(?:one|1)\s+(?:or\s+more\s+)?of\s+the\s+following\b", I)


DEFINED_BY_LIST = re.compile(r"\b(?:meets?|meeting|satisf\w+|fulfil\w*|defined\s+(?:as|by))\b", I)  # "Measurable lesions meets at least one of"


ENUMERATED = re.compile(r"^\W*(?:\(?\d{1,2}\)|[a-h]\)|[a-h]\.)")


DEFINITIONAL = re.compile(
    r"\bdefined\s+as\b|\bfollowing\s+situations\b|\bany\s+of\s+the\s+following\b|^\W*(?:[a-h]\)\s*)?(?:relapsed?|refractory)\s*:|^\W*(?:for|or\s+meet\s+the\s+diagnosis\s+of)\s+relapsed",
    I,
)


DEFINITION_LINE = re.compile(
    r"^\W*(?P<what>relapsed?|refractory|recurrence)(?:\s+disease)?(?:\s*:\s*|\s+)(?:(?:was|is|are|will\s+be)\s+)?defined\s+as\b", I
)
