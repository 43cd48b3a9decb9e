"""Whole texts and pre-split lines -> Criterion tuples.

A heading (a line other lines name as ``parent``) stands for its children: its expression is
``All`` of theirs (``Any_`` for an inclusion heading that asks for "one of the following" /
"any of the following" / "either", and for an exclusion heading unless it asks for "all of the
following"), together with whatever its own words structure. So evaluating only the top-level
criteria (``parent is None``) gives the line-by-line meaning, and the children keep their own
expressions for per-line reasons.

An inclusion heading that asks for the absence of what it lists ("No uncontrolled illness
including any of the following:"), or states that what it lists excludes ("patients who have any
of the following are NOT eligible:"), makes its children exclusions and holds when none of them
does. A donor's lines (under a donor heading, or written "DONOR: ...") are review lines that
say so: a donor's criteria are never evaluated against the patient. A line under a context heading is read with it: "Under 80" under "Age:" (colon optional),
"At least 4 weeks since prior" under "Chemotherapy:".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, iter_predicates
from rules_engine.parser.advisory import ADVISORY_REVIEW, advisory_rows
from rules_engine.parser.status_children import status_under_disease
from rules_engine.parser.dated_children import dated_transplant
from rules_engine.parser.drug_list_headings import drug_list_context, named_members, nested_drug_lists
from rules_engine.parser.flat_lead_ins import is_flat_lead_in
from rules_engine.parser.topics.fab_groups import fab_mds, names_cmml_as_fab_mds
from rules_engine.parser.heading_windows import dated_by_heading
from rules_engine.parser.interval_courses import with_intervals
from rules_engine.parser.salt_headings import read_under_heading
from rules_engine.parser.counted import count_asked, counted
from rules_engine.parser.topics.organ_function import GATE as _ORGAN_FUNCTION_GATE
from rules_engine.parser.topics.organ_overall import organ_items
from rules_engine.parser.disease_headings import COHORT_HEADING, descendants, disease_headings, scoped_heading, scoped_line, unnested_cohorts
from rules_engine.parser.event_exceptions import except_from
from rules_engine.parser.listed_remissions import counted_remissions
from rules_engine.parser.group_alternatives import pair_alternatives
from rules_engine.concepts import DISEASE_STATUSES, HEMATOLOGIC_DISEASES, related
from rules_engine.parser.items import asks_nothing, content_words
from rules_engine.parser.line import parse_line
from rules_engine.parser.lab_exceptions import heading_exception, lab_list, permits_cause, widened
from rules_engine.parser.definitions import STATUS_DEFINED, names_status
from rules_engine.parser.band_tail import trailing_band
from rules_engine.parser.portions import age_band_heading, age_subgroup, inline_cohorts, lists_portions, portion_key, portion_lead, scope_review, trial_portions
from rules_engine.parser.residue import widen_status
from rules_engine.parser.permitted_groups import PERMISSION
from rules_engine.parser.scoped_lists import list_scope
from rules_engine.parser.sibling_exceptions import widen_siblings
from rules_engine.parser.sections import ParsedLine, is_donor_heading, is_donor_item, split_criteria
from rules_engine.parser.safety import normal_limits_upright
from rules_engine.parser.topics import age_table
from rules_engine.parser.topics.coded import resolve

# A donor's criteria concern another person: never evaluated against the patient's record, and
# never dropped (the trial does need the donor), so each is a review line that says whose it is.
DONOR_REVIEW = "a donor's criterion, not the patient's: check it with the donor"

_ANY_OF = re.compile(
    r"\b(?:(?:one|1|any|either)\s+(?:or\s+(?:more|both)\s+)?of\s+the\s+following|at\s+least\s+(?:one|1)\b|either\b"
    # "Subjects accrue to one of two phases:", "renal function fitting one of three categories:" (a
    # patient is in one of the groups listed; joined with AND, "severe renal impairment" and "end-
    # stage renal disease" and "normal renal function" failed everyone)
    r"|(?:one|1)\s+of\s+(?:two|three|four|five|[2-5])\s+(?:[a-z-]{1,20}\s+){0,2}?"
    r"(?:categories|phases|groups|cohorts|strata|arms|parts|options|populations|subgroups)\b"
    # "The following are considered adverse cytogenetic abnormalities for AML:", "Each of the
    # following is considered 1 relapse:": the kinds of what the heading defines, any one of them
    # (joined with AND, a t(6;11) AML failed for want of every other abnormality listed; dx18)
    r"|\bfollowing\s+(?:are|is)\s+considered\b)",
    re.I,
)
_ALL_OF = re.compile(r"\ball\s+(?:of\s+)?the\s+following\b", re.I)
# an inclusion heading that asks for the absence of what it lists ("No uncontrolled illness
# including any of the following:", "None of the following within the past 6 months:"): its
# children are read as exclusions and the heading holds when none of them does
_NEGATED_HEADING = re.compile(r"^\W*(?:no|none\s+of|not|without|absence\s+of|free\s+of|must\s+not\s+have)\b(?!\s+(?:more|less|greater|fewer)\b)", re.I)
# ... unless what it lists are the grounds of the unfitness it asks ("Not considered candidates
# for intensive remission induction chemotherapy ... based on EITHER:", "Not a candidate for
# fludarabine therapy based on either:"; 2 corpus trials): each ground is what the patient must
# have. Negated, the list turned away every patient it describes (and, with ">= 75 OR < 75", every
# patient at all). A list that defines what the heading forbids ("No active infection as defined
# by:") is still forbidden.
_GROUNDS_LEAD = re.compile(
    r"\b(?:candidates?|eligible|suitable|fit|appropriate)\b[^:;]{0,120}?\b(?:based\s+on|due\s+to|because\s+of)"
    r"(?:\s+(?:either|any|one|at\s+least\s+one)(?:\s+of)?)?(?:\s+the\s+following(?:\s+(?:criteria|reasons?))?)?\s*(?::\s*)?$",
    re.I,
)
# a heading whose last "or" alternative announces the list below it (3 corpus lines of the
# unfit-for-intensive-chemotherapy trials: "Age >= 75 years, or Age < 75 years with at least 1 of the
# following co-morbidities:")
_LAST_ALTERNATIVE_LEADS = re.compile(
    r"\bor\b[^:;]{0,120}?\b(?:at\s+least\s+(?:one|1)|any|one\s+or\s+more)\s+(?:of\s+)?(?:the\s+)?following\b[^:;]{0,40}:\s*$", re.I
)
# an inclusion heading that states its list excludes ("patients who have any of the following are
# NOT eligible:", "Patients will be excluded if they have:"): read as the absence of each, likewise
_EXCLUDING_HEADING = re.compile(r"\b(?:is|are|will\s+be|shall\s+be|should\s+be|must\s+be)\s+(?:not\s+eligible|ineligible|excluded)\b", re.I)
# ... or says so after naming the patients ("Patients must not have any of the following
# conditions:", "Patient must be able to swallow capsules and not have the following
# conditions:"): read as a requirement, a list of diagnoses would be asked for all at once
_NEGATED_LEAD = re.compile(
    r"\b(?:(?:must|should|shall|may|can|will|do|does)\s+(?:not|never)|and\s+not)\s+(?:have|had|suffer\s+from|show|present\s+with)\s+"
    r"(?:any\s+of\s+|either\s+of\s+|one\s+of\s+)?(?:the\s+)?following\b",
    re.I,
)
# a lead-in or a label ("RECIPIENT", "Cardiovascular") over the lines it introduces
_LEAD_IN_HEADING = re.compile(
    r":\s*$|\bfollowing\b|\bas\s+follows\b|\b(?:listed|as|see|criteria)\s+below\b|\bdefined\s+(?:as|by)\b|\binclud\w*\s*$"
    r"|^\W*[A-Za-z][\w'&/-]*(?:\s+[A-Za-z][\w'&/-]*){0,3}\W*$",
    re.I,
)
# what makes a heading a requirement of its own: a number, a comparator or a verb of asking
# ("Fasting serum glucose < 120 mg/dL", "Patients must have ..."); a title without them ("Medical
# History and Concurrent Diseases") is a label however many words it has, and kept as a review
# conjunct it hid the HIV its children exclude
# a heading that asks something of its own and then one of its list ("Normal 12-lead EKG with
# corrected QTc < 450 msec AND meets 1 of the following criteria:", "Bone metastases and one of
# the following:"): the words before "and" are a requirement beside the list's alternatives
# a heading whose own requirement has the list as its alternative ("subjects must have no
# history of hepatitis B or C, or must meet the following criteria in order to be eligible:"):
# either holds. Read as one line, the list became a further condition of the heading's negation
_OR_LIST_LEAD = re.compile(
    r",?\s*\b(?:or|otherwise)\s+(?:(?:they|patients?|subjects?|participants?)\s+)?(?:must\s+|should\s+|shall\s+)?(?:meet|satisfy|fulfil+)\s+(?:all\s+)?(?:of\s+)?"
    r"the\s+following\b[^:;]{0,60}:\s*$",
    re.I,
)
# ... and an exclusion's: "Long QT syndrome or family history of idiopathic sudden death, or any of
# the following:" (joined with AND, the syndrome excluded only beside a listed line, and a listed
# line only beside the syndrome)
_OR_ANY_LEAD = re.compile(r",?\s*\bor\s+(?:any|one)\s+(?:or\s+more\s+)?of\s+the\s+following\b[^:;]{0,40}:\s*$", re.I)
_AND_LIST_LEAD = re.compile(
    r",?\s+and\s+(?:(?:must\s+)?(?:meets?|meeting|has|have|having|with|shows?|showing|falls?\s+(?:under|into|within)|falling\s+(?:under|into|within))\s+)?(?:at\s+least\s+)?"
    r"(?:1|one|any|either)\s+(?:or\s+more\s+)?of\s+the\s+following\b",
    re.I,
)
_REQUIREMENT_WORDS = re.compile(r"[\d<>≤≥=]|\b(?:must|should|shall|will|may|can|have|has|had|is|are|be|been|no|not|without)\b", re.I)
_CONTEXT_HEADING = re.compile(
    r"^(?:Age|Sex|Performance status|Life expectancy|Menopausal status|Chemotherapy|Radiotherapy|Radiation therapy|Surgery|"
    r"Endocrine therapy|Hormonal therapy|Biologic therapy|Immunotherapy)\s*:?$",
    re.I,
)


# a heading that ends by announcing exceptions ("..., except for:", "with the exception of:", "with
# the following exceptions:", "unless:", "Exceptions include the following:"; 3 corpus lines for
# the last): the lines under it are what it excepts
_EXCEPTING_LEAD = re.compile(
    r"[\s,;]*\b(?:except(?:\s+for)?(?:\s+(?:the\s+)?following)?|with\s+the\s+exceptions?\s+of(?:\s+the\s+following)?|"
    r"with\s+the\s+following\s+exceptions?|(?:the\s+following\s+)?exceptions?(?:\s+(?:are|is|includes?(?:\s+the\s+following)?))?|unless|excluding(?:\s+the\s+following)?)\s*:?\s*$",
    re.I,
)


# a line under an exclusion that opens by saying it is an exception ("The exception to this is
# squamous cell carcinoma ...", "Exception: patients with ... are eligible"; 9 corpus lines)
_EXCEPTION_KID = re.compile(r"^\W*(?:the\s+)?exceptions?\b(?:\s+to\s+this)?(?:\s+(?:is|are|would\s+be|will\s+be))?\s*:?\s*", re.I)


def _stated_exception(kid: Criterion, line_parser: "LineParser") -> Criterion:
    """The kid read without the words that say it is an exception (read with them, "The exception
    to this is" was a condition of what it excepts)."""
    lead = _EXCEPTION_KID.match(kid.text)
    if lead is None or not kid.text[lead.end():].strip():
        return kid
    return line_parser(kid.text[lead.end():], kid.type, parent=kid.parent)


def _excepted(kid: Criterion, named: set[str]) -> Expr:
    """What one line under an excepting heading excepts. A reading no narrower than the heading's
    own subject ("local (topical, nasal, or inhaled) steroid use" read as any steroid) would except
    everything the heading asks, so it is left to a person."""
    expr = kid.expr if kid.type is CriterionType.EXCLUSION else _flip(kid)
    # a bare permission ("Prior adjuvant chemotherapy allowed") asks nothing, so it names nothing
    # it excepts: read as an exception it would except everyone
    bare = any(isinstance(n, NoRequirement) for n in _nodes(expr))
    return Review(ReviewReason.AMBIGUOUS, kid.text) if bare or _as_wide(expr, named) else expr


# corticosteroids given where the body hardly absorbs them ("topical or inhaled steroids", "steroid
# with little to no systemic absorption"): the record's corticosteroid therapy is systemic only
# (the intake reads systemic routes), so no record of it is one of these
_NONSYSTEMIC_STEROID = re.compile(
    r"\b(?:topical|inhaled|inhalational|intranasal|nasal|ophthalmic|intra-?articular|intraocular|cutaneous|non-?systemic)\b"
    r"|\b(?:little|minimal|no|negligible|limited)\s+(?:(?:or|to)\s+no\s+)?systemic\s+(?:absorption|exposure)\b",
    re.I,
)


def _outside_concept(kid: Criterion, named: set[str]) -> bool:
    """Whether an excepted line names only non-systemic corticosteroids under a heading about
    corticosteroid therapy (its reading, any steroid, is no narrower than the heading's)."""
    concepts = {p.concept for p in iter_predicates(kid.expr)}
    return named == {"steroid_therapy"} and concepts <= {"steroid_therapy"} and bool(_NONSYSTEMIC_STEROID.search(kid.text)) and not re.search(r"\d", kid.text)


def _as_wide(expr: Expr, named: set[str]) -> bool:
    if isinstance(expr, Predicate):
        return expr.concept in named
    if isinstance(expr, Any_):
        return any(_as_wide(p, named) for p in expr.parts)
    if isinstance(expr, All):
        return any(_as_wide(p, named) for p in expr.parts) and all(_as_wide(p, named) or isinstance(p, Review) for p in expr.parts)
    return False


# a heading listing the products an allergy to which excludes ("Patients will be excluded if they
# have allergies to the following drugs:"): each line under it names one of them
_ALLERGY_HEADING = re.compile(r"\b(?:allerg\w*|hypersensitiv\w*)\s+(?:reactions?\s+)?to\s+(?:any\s+(?:of\s+)?)?the\s+following(?:\s+\w+){0,2}\s*:\s*$", re.I)


# a heading that ends by introducing examples of its own subject ("..., including:", "these
# include but are not limited to patients with a history of:", "such as:")
# A heading that is a sentence of its own, closed by its full stop (at least five words before
# it) and announcing no list (no colon, "following", "defined", "including", "such as", "below",
# "listed"): the lines under it stand beside it (``_closed_exclusion``).
_CLOSED_SENTENCE = re.compile(
    r"^(?![^\n]*(?::|\bfollow|\bdefined\b|\bincluding\b|\bsuch as\b|\bbelow\b|\blisted\b))(?:\S+\s+){4,60}\S+\.\s*$",
    re.I,
)
_EXCEPTION_WORDS = re.compile(r"\b(?:except|unless|other than|with the exception)", re.I)


def _closed_exclusion(text: str, kids: list[Criterion]) -> bool:
    """An exclusion heading closed as a sentence whose lines are exclusions beside it: neither it
    nor a line under it excepts or permits (then the lines may be what it excepts)."""
    return bool(_CLOSED_SENTENCE.search(text)) and not any(
        PERMISSION.search(t) or _EXCEPTION_WORDS.search(t) for t in (text, *(k.text for k in kids))
    )


_EXAMPLES_LEAD = re.compile(
    r"(?:\binclud\w*(?:\s*,?\s*but\s+(?:are\s+|is\s+)?not\s+limited\s+to)?|\bsuch\s+as|\be\.?\s?g\.?|\bfor\s+example|\bnot\s+limited\s+to)"
    r"(?:\s+(?:patients?|subjects?|participants?)\s+with(?:\s+(?:a\s+)?history\s+of)?)?\s*:\s*$",
    re.I,
)


# an exclusion heading whose list says which of what it names excludes ("Patient has active cardiac
# disease or a history of cardiac dysfunction including any of the following:", 3 corpus lines):
# each line under it excludes of its own. Joined with AND, an ejection fraction of 40% excluded no
# one without a coded heart disease beside it; made an exclusion of its own, the heading would
# exclude every heart disease the list leaves out (a bundle branch block). What it names beyond the
# list is a person's question.
_DEFINING_LIST_LEAD = re.compile(r"\binclud\w*\s+(?:any|one|each)\s+(?:or\s+more\s+)?of\s+the\s+following(?:\s+[\w-]+){0,2}\s*:\s*$", re.I)


# a top-level inclusion that defines a term another line asks ("Intolerance to TKI therapy will be
# defined as 1 of the following:" beside "has either failed, demonstrated intolerance, or a
# combination of prior failure and intolerance, to prior treatments"): the term is one way into the
# line that names it, never a requirement of its own (as one, every patient who had failed the
# treatments without a toxicity failed it). Its list meets it; otherwise the line that uses the
# term decides.
_TERM_DEFINED_LEAD = re.compile(
    r"^\s*(?!(?:the\s+)?(?:patients?|subjects?|participants?|individuals?)\b)[^:;]{3,80}?\s(?:will\s+be|is|are|shall\s+be)\s+defined\s+as\s+"
    r"(?:(?:any|one|1)\s+(?:or\s+more\s+)?of\s+)?the\s+following(?:\s+[\w-]+){0,2}\s*:\s*$",
    re.I,
)
_TERM_DEFINED = "a term another line asks, defined here: that line decides whether the patient needs it"


# a line under a heading that defines one disease status the heading offers ("Refractory to
# first-line AML therapy is defined as:", "Untreated first hematologic relapse is defined as:"):
# sibling definitions are the heading's alternatives, never requirements all at once (a relapsed
# patient failed the definition of refractory disease)
_STATUS_DEFINITION = re.compile(
    r"\W*[^:]{0,80}?\b(?:refractor\w*|relaps\w*|remissions?|progress\w*|recurren\w*|persistent)\b[^:]{0,80}?\b(?:is|are)\s+defined\s+(?:as|by)\s*:\s*",
    re.I,
)


# a heading that defines high risk by the lines under it ("high risk AML defined as:", "High risk is
# defined as:"; 2 corpus headings, each over a list of risks): each line is one way of being high
# risk (joined as requirements, "Secondary AML, or WBC > 50" failed every de novo AML that met
# the age line)
_RISK_DEFINED = re.compile(r"\bhigh[\s-]+risk\b[^:]{0,80}?\bdefined\s+(?:as|by)\s*:\s*$", re.I)


_QUALIFICATIONS = re.compile(r"\bqualifications?\b", re.I)
# a line under an exclusion naming patients who may enrol ("Patients with treated non-melanoma skin
# cancer ... are eligible for this study if ...", "... are also eligible"): an exception to it
_ELIGIBLE_GROUP = re.compile(r"^\W*(?:patients?|subjects?|participants?|those)\b.{0,300}?\b(?:are|is|will\s+be|remain)\s+(?:also\s+)?eligible\b", re.I)


def _bands_alone(expr: Expr, text: str, ctype: CriterionType) -> bool:
    """Whether a line's reading is nothing but topics.organ_function's bands (no limit written)."""
    if not _ORGAN_FUNCTION_GATE.search(text):
        return False
    # (sentence by sentence: "Patients must have adequate hematologic, hepatic, and renal function.
    # All tests must be obtained less than 21 days from day 1 ... This includes:")
    return any(it.expr == expr for sentence in _SENTENCES.split(text) for it in organ_items(sentence, ctype is CriterionType.EXCLUSION))


_SENTENCES = re.compile(r"(?<=[a-z])\.\s+(?=[A-Z])")


def _dangling_lead_in(kid: Criterion, has_children: bool) -> bool:
    """A short label over a list it does not hold ("Female patients who:", "Hepatic function:");
    one that asks something ("Patients must not have received:", "Histologically confirmed
    ovarian ... carcinoma:") stays, or its ask would be lost."""
    return (
        not has_children and isinstance(kid.expr, Review) and not kid.expr.text and kid.text.rstrip().endswith(":")
        and not _REQUIREMENT_WORDS.search(kid.text) and len(kid.text.split()) <= 4
    )


def any_of_parts(own: Expr, excepted: Expr) -> Expr:
    """An inclusion's "No X except:" holds without X or with what it excepts."""
    return Any_((own, excepted))


def _defines_status(heading: str, own: Expr) -> bool:
    """A heading whose list defines the disease status it asks for ("... as defined by one of the
    following criteria:"), read from its own words (a lead-in left unread defines nothing)."""
    lead = _ANY_OF.split(heading, maxsplit=1)
    if len(lead) < 2 or not re.fullmatch(r"(?:\s+criteria)?\s*:\s*", lead[1], re.I) or not STATUS_DEFINED.search(lead[0].rstrip(" ,")):
        return False
    # read whole and as a requirement ("Relapsed or refractory AML"): a reading with words left
    # over, or one that offers the status as an alternative, is no status the list defines
    return not isinstance(own, Any_) and not any(isinstance(e, Review) for e in _nodes(own)) and names_status(own)


def _nodes(expr: Expr) -> list[Expr]:
    if isinstance(expr, (All, Any_)):
        return [expr, *(n for part in expr.parts for n in _nodes(part))]
    return [expr, *_nodes(expr.part)] if isinstance(expr, Not) else [expr]


def _group(heading: str, ctype: CriterionType) -> type[All] | type[Any_]:
    if _ANY_OF.search(heading):
        return Any_
    if ctype is CriterionType.EXCLUSION and not _ALL_OF.search(heading):
        return Any_
    return All


# How one line is read: ``parse_line`` itself, or something that answers as it does (a cache of
# its answers: ``trials.parse_cache``).
LineParser = Callable[..., Criterion]


def _build(rows: list[tuple[CriterionType, str, int | None]], line_parser: LineParser = parse_line) -> tuple[Criterion, ...]:
    rows = nested_drug_lists(unnested_cohorts(rows))  # (a drug list flattened below its heading: drug_list_headings)
    children: dict[int, list[int]] = {}
    for index, (_, _, parent) in enumerate(rows):
        if parent is not None and 0 <= parent < index:
            children.setdefault(parent, []).append(index)
    out: list[Criterion | None] = [None] * len(rows)
    donor = _donor_rows(rows)
    advisory = advisory_rows(rows)
    negated = {
        i for i in children
        if rows[i][0] is CriterionType.INCLUSION
        and (_NEGATED_HEADING.match(rows[i][1]) or _EXCLUDING_HEADING.search(rows[i][1]) or _NEGATED_LEAD.search(rows[i][1]))
        and not _GROUNDS_LEAD.search(rows[i][1])
    }
    # the portions of the study the trial names (phase I and II, cohorts, arms, parts, escalation
    # and expansion), the lines written for one of them (line -> (portion, its label as written)),
    # and each portion's own inclusion lines as read (``_cohort_exclusions`` asks them)
    portions = trial_portions([text for _, text, _ in rows])
    scoped: dict[int, tuple[str, str]] = {}
    members: dict[str, list[Expr]] = {}
    labels = disease_headings(rows, children, donor | negated, line_parser)
    # (a trial that names CMML among the kinds of MDS it takes by FAB counts a CMML as an MDS in
    # each of its inclusions: topics.fab_groups)
    fab_cmml = any(ctype is CriterionType.INCLUSION and names_cmml_as_fab_mds(text) for ctype, text, _ in rows)
    for index in range(len(rows) - 1, -1, -1):  # children before their headings
        ctype, text, parent = rows[index]
        parent = parent if parent is not None and 0 <= parent < index else None
        if parent in negated and ctype is CriterionType.INCLUSION:
            ctype = CriterionType.EXCLUSION
        if index in donor:
            out[index] = Criterion(type=ctype, text=text, expr=Review(ReviewReason.UNSUPPORTED_CONCEPT, DONOR_REVIEW), parent=parent)
            continue
        if index in advisory:
            out[index] = Criterion(type=ctype, text=text, expr=Review(ReviewReason.JUDGEMENT, ADVISORY_REVIEW), parent=parent)
            continue
        context = rows[parent][1] if parent is not None and _CONTEXT_HEADING.match(rows[parent][1]) else ""
        if parent is not None and not context:
            # "No concurrent use of the following drugs ...:" over "Amiodarone"; "No concurrent CYP3A4
            # inhibitors including ... the following:" over "Ketoconazole" (its lines exclusions only)
            context = drug_list_context(rows[parent][1], excluding=ctype is CriterionType.EXCLUSION)
        if parent is not None and _ALLERGY_HEADING.search(rows[parent][1]):
            context = "Allergy to"  # "... allergies to the following:" / "Asparaginase products": the products
        try:
            drugs_meant = named_members(text) if context and parent is not None and drug_list_context(rows[parent][1], excluding=ctype is CriterionType.EXCLUSION) else ""
            if drugs_meant:  # "Antipsychotic agents (i.e., chlorpromazine, haloperidol, ...)": the drugs named
                criterion = replace(line_parser(drugs_meant, ctype, parent=parent, context=context), text=text)
            else:
                criterion = line_parser(text, ctype, parent=parent, context=context)
        except Exception:  # noqa: BLE001 - a line the parser cannot read must not sink the trial
            criterion = Criterion(type=ctype, text=text, expr=Review(ReviewReason.UNPARSED, ""), parent=parent)
        else:
            criterion = _scoped_reading(index, criterion, context, index in children, portions, scoped, line_parser)
            if parent is not None:
                criterion = read_under_heading(criterion, rows[parent][1])  # "Potassium" under "... electrolyte values within normal limits ...:"
                criterion = status_under_disease(criterion, rows[parent][1], lambda t, kind: line_parser(t, kind, parent=parent, context=context))  # "In remission" under "AML meeting 1 of the following:"
            if fab_cmml and ctype is CriterionType.INCLUSION and parent not in negated:
                criterion = replace(criterion, expr=fab_mds(criterion.expr))
        # a lead-in nested under a line with nothing under it ("Female patients who:" indented
        # below a lab line, its list at the outer level): its list is read where it stands, and
        # the lead-in alone, a review, made the line above it undecidable
        kids = [out[k] for k in children.get(index, ()) if out[k] is not None and not _dangling_lead_in(out[k], k in children)]  # type: ignore[arg-type]
        excepting = _EXCEPTING_LEAD.search(text) if kids and (ctype is CriterionType.EXCLUSION or index in negated) else None
        own_expr = line_parser(text[: excepting.start()], ctype, parent=parent, context=context).expr if excepting is not None and excepting.start() > 0 else None
        if own_expr is None and kids and ctype is CriterionType.EXCLUSION and index not in negated and all(_ELIGIBLE_GROUP.search(k.text) or _EXCEPTION_KID.match(k.text) for k in kids):  # type: ignore[union-attr]
            # "Have had a diagnosis of another malignancy, unless ... including the following:" over
            # "Patients with treated non-melanoma skin cancer ... are eligible for this study if ...",
            # or over "The exception to this is squamous cell carcinoma or basal cell carcinoma of
            # the skin": every line under the exclusion names patients it lets in, so each is an
            # exception (joined as the heading's further conditions, a breast cancer two years ago
            # was not excluded because it was no skin cancer)
            own_expr = criterion.expr
            kids = [_stated_exception(k, line_parser) for k in kids]  # type: ignore[arg-type]
        rows_text = [rows[k][1] for k in children.get(index, ())]
        if kids and age_table.applies(ctype, text, rows_text):
            # "... serum creatinine based on age/gender as follows:" and one band per line: the
            # patient's own band decides (each band alone concerns only patients of its age)
            for k in children.get(index, ()):
                age, limit = age_table.band(rows[k][1])
                out[k] = Criterion(type=rows[k][0], text=rows[k][1], expr=limit, applies_if=age, parent=index)
            expr = age_table.with_table(text, criterion.expr, age_table.table(rows_text))
            criterion = Criterion(type=ctype, text=text, expr=expr, parent=parent)
        # only a heading that asks something of its own has something to except ("Target Disease
        # Exceptions:" is a title over exclusions, "qualifications and exceptions" a mixed list)
        elif own_expr is not None and any(True for _ in iter_predicates(own_expr)) and not _QUALIFICATIONS.search(text):
            # "History of another primary malignancy, except for:" / "No concurrent systemic steroids
            # except for the following:": the lines under it are what the heading excepts. Joined
            # as its alternatives, they were asked for with it, and a patient with another cancer
            # and none of the excepted ones was not excluded.
            named = {p.concept for p in iter_predicates(own_expr)}
            # a line excepting what the heading's concept never holds (non-systemic steroids, which
            # the record's corticosteroid therapy leaves out) excepts nobody
            excepted_kids = [k for k in kids if not _outside_concept(k, named)]  # type: ignore[arg-type]
            excepted = Any_(tuple(_excepted(k, named) for k in excepted_kids)) if excepted_kids else None
            if excepted is None:
                joined_exc: Expr = own_expr
            else:
                said = "; ".join(k.text for k in excepted_kids)  # type: ignore[union-attr]
                if index not in negated and named <= {"other_malignancy"}:
                    # another malignancy's heading exceptions: topics.coded rebuilds them into the
                    # predicate's value (derive.among), the event reading for that concept
                    joined_exc = All((own_expr, Not(excepted)))
                elif index not in negated:
                    joined_exc = except_from(own_expr, excepted, CriterionType.EXCLUSION, said, marked=False)
                elif isinstance(own_expr, Not):  # "No X except:" among the inclusions: no X but the excepted
                    joined_exc = Not(except_from(own_expr.part, excepted, CriterionType.EXCLUSION, said, marked=False))
                else:
                    joined_exc = any_of_parts(own_expr, excepted)
            criterion = Criterion(type=ctype, text=text, expr=normal_limits_upright(joined_exc, ctype), parent=parent)
        elif kids and _defines_status(text, criterion.expr):
            # "Relapsed or refractory AML as defined by one of the following criteria:": the lines
            # under it say how the trial judges the status it asks for; they add no requirement
            definition = " ".join(k.text for k in kids if k is not None)
            expr = normal_limits_upright(widen_status(criterion.expr, definition), ctype)
            criterion = Criterion(type=ctype, text=text, expr=expr, parent=parent)
        elif kids:
            # a lead-in left unread ("... any of the following:") asks nothing of its own; a heading
            # that is itself a requirement ("Fasting serum glucose < 120 mg/dL", a note under it)
            # keeps its unread words, or the note alone would decide the line
            unread = isinstance(criterion.expr, Review) and not criterion.expr.text
            own = [] if unread and (_LEAD_IN_HEADING.search(text) or not _REQUIREMENT_WORDS.search(text)) else [criterion.expr]
            and_list = _AND_LIST_LEAD.search(text)
            if and_list is not None and and_list.start() > 0:
                # the lead before "and one of the following" is the heading's own requirement: read
                # as a lead-in it was dropped, and a QTc of 470 met "Normal 12-lead EKG with
                # corrected QTc < 450 msec AND meets 1 of the following criteria:" by a normal LVEF
                lead_text = text[: and_list.start()]
                lead = line_parser(lead_text, ctype, parent=parent, context=context).expr
                own = [Review(ReviewReason.UNPARSED, lead_text) if isinstance(lead, Review) and not lead.text else lead]
            or_list = _OR_LIST_LEAD.search(text) if ctype is CriterionType.INCLUSION else _OR_ANY_LEAD.search(text) if index not in negated else None
            if or_list is not None and or_list.start() > 0:
                lead = line_parser(text[: or_list.start()], ctype, parent=parent, context=context).expr
                own = [Review(ReviewReason.UNPARSED, text[: or_list.start()]) if isinstance(lead, Review) and not lead.text else lead]
            else:
                or_list = None
            # "Patients with HIV infection are eligible, provided they meet the following:": the list
            # is asked of the patients named only (scoped_lists)
            scope = list_scope(text, ctype, lambda t, kind: line_parser(t, kind, parent=parent).expr) if index not in negated and index not in labels else None
            if scope is not None:
                own, or_list = [], None
            if _asks_nothing(criterion.expr):  # "History of cardiac disease:" titles its list (an exclusion's "never holds" joined with AND hid every line under it)
                own = []
            if _ALLERGY_HEADING.search(text) or index in labels:
                own = []  # "allergies to the following drugs:": the products under it are what it asks; "Solid tumors:" its patients
            if own and _bands_alone(criterion.expr, text, ctype):
                # "Adequate bone marrow, renal and hepatic function" over its limits: the lines under
                # it are the protocol's own limits, which the bands only stand in for where none is
                # written (kept, the bands' review left every patient the limits decide unknown)
                own = []
            widened_kids = widen_siblings(own, kids) if ctype is CriterionType.INCLUSION and index not in negated and scope is None and _group(text, ctype) is All else None  # type: ignore[arg-type]
            if widened_kids is not None:
                # "Subjects with documented Gilbert disease are allowed if total bilirubin < 3 x ULN"
                # beside "Total bilirubin <= 1.5 x ULN": the line widens its sibling's limit for the
                # patients it names, never a requirement of its own (sibling_exceptions)
                own, kept, moved = widened_kids
                for position, reading in moved.items():
                    for k in children.get(index, ()):
                        if out[k] is kids[position]:
                            out[k] = reading
                kids = kept  # type: ignore[assignment]
            if own and kids and ctype is CriterionType.INCLUSION and index not in negated and all(permits_cause(own[0], k.text) for k in kids):  # type: ignore[union-attr]
                # "Creatinine <= 2.0 mg/dL" over "Renal dysfunction due to organ infiltration by
                # disease allowed": the note widens the limit for a cause a person weighs
                own, kids = [widened(own[0], "; ".join(k.text for k in kids), ctype)], []  # type: ignore[union-attr]
            asking = [k for k in kids if not _asks_nothing(k.expr)]  # type: ignore[union-attr]
            if own and not asking:
                kids = []  # only notes under a line that asks something: the line decides alone
            elif asking and len(asking) < len(kids):
                # a line under the heading that asks nothing (a note that only permits, "Not
                # specified") is neither one of its alternatives nor one of its requirements: as an
                # alternative it met an inclusion's "one of the following" for everyone, as a
                # requirement of an exclusion's "all of the following" it held for no one
                kids = asking
            kid_exprs: list[Expr] = [k.expr if k.type is ctype else _flip(k) for k in kids]  # type: ignore[union-attr]
            if own and index not in negated:  # "Is within 2 months of transplant" under a transplant heading (dated_children)
                kid_exprs = [(dated_transplant(own[0], k.text) or e) if isinstance(e, Review) else e for k, e in zip(kids, kid_exprs, strict=True)]  # type: ignore[union-attr]
            kids, kid_exprs = _or_continuations(kids, kid_exprs)  # type: ignore[arg-type]
            # (the list of an "or meet the following" heading is grouped by its own lead: the heading's
            # "either" offers the alternative, not one of the lines)
            group = All if index in negated else _group(text[or_list.start():] if or_list is not None else text, ctype)
            if group is All and len(kids) >= 2 and all(_STATUS_DEFINITION.fullmatch(k.text) for k in kids):  # type: ignore[union-attr]
                group = Any_  # "Refractory ... is defined as:" / "Untreated first relapse is defined as:": the heading's alternatives, each defined
            if group is All and ctype is CriterionType.INCLUSION and _RISK_DEFINED.search(text):
                group = Any_  # "high risk AML defined as:" / "High risk is defined as:": each line one way of being high risk
            if group is All and ctype is CriterionType.INCLUSION and _cohort_items([k.text for k in kids]):  # type: ignore[union-attr]
                group = Any_  # "Cohort A: newly diagnosed AML ..." / "Cohort B: ... failed to achieve CR": a patient is in one
            if group is All and ctype is CriterionType.INCLUSION and own and _kinds_listed(text, own[0], kid_exprs):
                group = Any_  # "relapsed or refractory lymphoma, including the following:" / "Aggressive lymphoma" / "Indolent lymphoma": a patient has one kind
            if group is Any_ and ctype is CriterionType.INCLUSION and index not in negated:
                # "one of the following disease categories:" over "AML beyond 2nd remission": the
                # lines are alternatives, so each remission's ordinal is the record's relapse count
                # (a line's own only: a heading under it joins lines of its own, maybe as requirements)
                for k in children.get(index, ()):
                    kid = out[k]
                    if kid is not None and kid.type is ctype and k not in children:
                        by_count = replace(kid, expr=counted_remissions(kid.expr))
                        kid_exprs = [by_count.expr if e is kid.expr else e for e in kid_exprs]
                        out[k] = by_count
            portion_of = {id(out[k]): scoped[k][1] for k in children.get(index, ()) if k in scoped and len(portions) >= 2}
            kid_exprs = [_concerning(k, e, group, ctype, portion_of.get(id(k))) for k, e in zip(kids, kid_exprs, strict=True)]  # type: ignore[arg-type]
            kid_exprs = dated_by_heading(text, kid_exprs)  # "None of the following within the past 6 months:" dates each event under it
            if group is All and ctype is CriterionType.INCLUSION:
                kid_exprs = _disease_runs(kids, kid_exprs)  # type: ignore[arg-type]
            joined = own[0] if not kid_exprs else kid_exprs[0] if len(kid_exprs) == 1 else group(tuple(kid_exprs))
            asked = count_asked(text) if index not in negated and len(kid_exprs) >= 2 else None
            count = counted(asked, kid_exprs) if asked is not None else None
            if count is not None:
                # "Conditions that increase treatment related mortality (need more than one to be
                # eligible):", "... having 3 or more of the following characteristics:", "No more
                # than 1 of the following toxicities:": the count is what the heading asks of its
                # list (read as all of them, a patient with two of twelve failed it; as any one, a
                # patient with one passed it). A heading that names a test of its own keeps it
                # beside the count ("metastatic renal cell carcinoma with ... 3 or more of"); one
                # that only titles the list ("adverse prognostic factors") adds nothing
                joined = count
                own = own if own and any(True for _ in iter_predicates(own[0])) else []
            contrary = [_contrary_alternative(own[0], e) for e in kid_exprs] if own and ctype is CriterionType.INCLUSION and index not in negated else []
            if not kid_exprs:
                expr = normal_limits_upright(joined, ctype)
            elif ctype is CriterionType.INCLUSION and parent is None and index not in negated and not own and _TERM_DEFINED_LEAD.search(text):
                expr = normal_limits_upright(Any_((joined, Review(ReviewReason.JUDGEMENT, _TERM_DEFINED))), ctype)
            elif contrary and all(c is not None for c in contrary):
                # "at least 18 years old with refractory/relapsed AML" over "If untreated AML, older
                # than 60 and not a candidate for standard chemotherapy": a line under it for patients
                # the heading itself never admits is another way in, never a further condition (as
                # one, it was vacuous for every patient the heading takes and the untreated patient
                # it names failed the heading)
                expr = normal_limits_upright(Any_((own[0], *(c for c in contrary if c is not None))), ctype)
            elif own and isinstance(own[0], Any_) and or_list is None and _LAST_ALTERNATIVE_LEADS.search(text):
                # ">= 75 years of age OR < 75 years of age with at least 1 of the following:": the
                # list is the last alternative's (asked of every patient, a patient of 78 with none
                # of the comorbidities failed the line that takes him by age alone)
                parts = own[0].parts
                expr = normal_limits_upright(Any_((*parts[:-1], All((parts[-1], joined)))), ctype)
            elif own and ctype is CriterionType.EXCLUSION and index not in negated and _EXAMPLES_LEAD.search(text) and any(True for _ in iter_predicates(own[0])):
                # "Active autoimmune disease ... these include but are not limited to:": the lines
                # under it are examples of what the heading excludes, each excluding as well, never
                # a further condition of it (joined with AND, a recorded autoimmune disease
                # excluded nobody unless one listed example was read too)
                expr = normal_limits_upright(any_of_parts(own[0], joined), ctype)
            elif own and ctype is CriterionType.EXCLUSION and index not in negated and _DEFINING_LIST_LEAD.search(text) and any(True for _ in iter_predicates(own[0])):
                beyond = Review(ReviewReason.JUDGEMENT, "whether what the heading names beyond the lines listed under it excludes")
                expr = normal_limits_upright(any_of_parts(All((own[0], beyond)), joined), ctype)
            elif own and ctype is CriterionType.EXCLUSION and index not in negated and _closed_exclusion(text, kids) and any(True for _ in iter_predicates(own[0])):  # type: ignore[arg-type]
                # "Infection Patients will be excluded if they have an active, uncontrolled
                # infection." with "Patients currently being treated with coumadin." under it: a
                # heading that is a whole exclusion of its own announces no list, so the lines the
                # registry's layout nested under it are exclusions beside it (joined with AND, a
                # patient on coumadin without an infection was let through)
                expr = normal_limits_upright(any_of_parts(own[0], joined), ctype)
            elif own and or_list is not None:
                expr = normal_limits_upright(Any_((own[0], joined)), ctype)
            else:
                expr = normal_limits_upright(joined if not own else All((own[0], joined)), ctype)
            said = heading_exception(text) if ctype is CriterionType.INCLUSION and index not in negated and not own else None
            if said is not None and kid_exprs and lab_list(kid_exprs):
                expr = widened(expr, said, ctype)  # "Serum biochemical values with the following limits unless considered due to leukemia:"
            if scope is not None and kid_exprs:
                expr = Any_((Not(scope), expr))  # (the list was turned upright above; the scope's negation is no limit)
            criterion = Criterion(type=ctype, text=text, expr=expr, parent=parent)
            if index in labels:
                criterion = _scope_heading(criterion, labels[index], children[index], out, children)
        elif index not in children and index + 1 < len(rows) and is_flat_lead_in(criterion, rows[index + 1]):
            # "... as defined below:" with its list flattened to its own level: the lines after it ask
            criterion = Criterion(type=ctype, text=text, expr=asks_nothing(ctype), parent=parent)
        out[index] = criterion
        if index in scoped and ctype is CriterionType.INCLUSION:
            members.setdefault(scoped[index][0], []).insert(0, criterion.expr)
    alternatives = _cohorts_as_alternatives(rows, out, children)
    alternatives |= _top_level_disease_runs(rows, out)
    alternatives |= _top_level_cohort_items(rows, out)
    alternatives |= pair_alternatives(rows, out, alternatives | set(scoped), _leading_disease)  # "Patients with primary refractory AML" / "Patients with relapsed AML"
    _portion_lines(rows, out, scoped, portions, alternatives)
    _cohort_exclusions(rows, out, scoped, portions, members)
    # (a concurrent course beside the trial's own interval since the last one: interval_courses)
    return resolve(with_intervals(tuple(c for c in out if c is not None)))  # "another malignancy" learns the trial's disease


def _scope_heading(
    criterion: Criterion, label: tuple[Expr, bool, list[int]], kids: list[int], out: list[Criterion | None], children: dict[int, list[int]]
) -> Criterion:
    """A disease heading's lines asked of its patients only (``disease_headings``). Where the
    registry's layout nested more under it than its own list (a line that heads a list of its own,
    another patients' label: "For Patients with Leukemia (Part B only)" under "For Patients with
    Solid Tumours (Parts A and C):"), only the lines before that are its; the rest stand as the
    heading asked them before, of every patient."""
    disease, named, run = label
    scoped = scoped_heading(criterion, disease, named) if len(run) == len(kids) else _scope_run(criterion, label, kids, out)
    for k in run:
        for d in (k, *descendants(k, children)):
            out[d] = scoped_line(out[d], disease) if out[d] is not None else None  # type: ignore[arg-type]
    return scoped


def _scope_run(criterion: Criterion, label: tuple[Expr, bool, list[int]], kids: list[int], out: list[Criterion | None]) -> Criterion:
    disease, named, run = label
    ctype = criterion.type
    group: type[All] | type[Any_] = All if ctype is CriterionType.INCLUSION else Any_

    def read(k: int) -> Expr:
        kid = out[k]
        assert kid is not None
        return _concerning(kid, kid.expr if kid.type is ctype else _flip(kid), group)

    mine = Criterion(type=ctype, text=criterion.text, expr=_joined([read(k) for k in run], group), parent=criterion.parent)
    rest = [read(k) for k in kids if k not in run and out[k] is not None]
    expr = group((scoped_heading(mine, disease, named).expr, *rest))
    return Criterion(type=ctype, text=criterion.text, expr=normal_limits_upright(expr, ctype), applies_if=criterion.applies_if, parent=criterion.parent)


def _asks_nothing(expr: Expr) -> bool:
    return isinstance(expr, NoRequirement) or (isinstance(expr, Not) and isinstance(expr.part, NoRequirement))


def _cohorts_as_alternatives(rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None], children: dict[int, list[int]]) -> set[int]:
    """Two or more top-level inclusion headings, each over one cohort's requirements: a patient
    enrols in one cohort, so each heading holds when any cohort's requirements hold (the cohorts'
    alternatives, its own first). Read as requirements each, a relapsed patient failed the list
    for untreated patients, and every patient was ineligible; one in no cohort still fails all."""
    heads = [
        i for i, (ctype, text, parent) in enumerate(rows)
        if parent is None and ctype is CriterionType.INCLUSION and i in children and out[i] is not None and COHORT_HEADING.fullmatch(text)
    ]
    if len(heads) < 2:
        return set()
    exprs = {i: out[i].expr for i in heads}  # type: ignore[union-attr]
    for i in heads:
        own = out[i]
        assert own is not None
        out[i] = Criterion(type=own.type, text=own.text, expr=Any_((exprs[i], *(exprs[j] for j in heads if j != i))), applies_if=own.applies_if, parent=own.parent)
    return set(heads)


_LEAD_IN = re.compile(r":\s*$")


# a heading that names a disease and lists its kinds under it ("Biopsy-proven relapsed or
# refractory lymphoma, including the following:")
_KINDS_LEAD = re.compile(r"\binclud(?:ing|es?)(?:\s+the\s+following(?:\s+\w+){0,2})?\s*:\s*$", re.I)


def _kinds_listed(heading: str, own: Expr, kid_exprs: list[Expr]) -> bool:
    """A disease heading "including the following:" over lines that each open with a kind of it
    (or it again, "Aggressive lymphoma" / "Indolent lymphoma"): the kinds the trial takes, one of
    them for each patient. Joined as requirements, a patient with a diffuse large B-cell lymphoma
    failed the heading by the indolent kinds' lines (holdout T264)."""
    disease = _leading_disease(own)
    if disease is None or len(kid_exprs) < 2 or not _KINDS_LEAD.search(heading):
        return False
    kinds = [_leading_disease(e) for e in kid_exprs]
    return all(k is not None and related(k, disease) for k in kinds)


def _leading_disease(expr: Expr) -> str | None:
    """The disease a line opens with ("Acute myelogenous leukemia (AML) with -5, -7", "Refractory
    CLL", "Relapsed or refractory acute myelogenous or lymphoid leukemia"), if any: among its first
    two requirements, none of them negated. The statuses stated before the disease are words about
    it, not requirements of their own: "relapsed or refractory" is two predicates, which hid the
    disease after them and cut a run of alternative diagnoses (holdout T295: every patient failed
    the categories of the other diseases)."""
    first: list[Predicate | None] = []  # None: a negated requirement

    def walk(e: Expr) -> None:
        if len(first) >= 2:
            return
        if isinstance(e, Predicate):
            if e.concept not in DISEASE_STATUSES:
                first.append(e)
        elif isinstance(e, Not) and not first:
            # a line that opens with what it forbids ("Patients must be previously untreated and
            # meet ... : ... CLL ..."): no disease line, whatever disease its list names further on
            first.append(None)
        elif isinstance(e, (All, Any_)):
            for part in e.parts:
                walk(part)

    walk(expr)
    if first and first[0] is None:
        return None
    return next((p.concept for p in first if p is not None and p.op is Op.PRESENT and p.concept in HEMATOLOGIC_DISEASES), None)


def _unread_line(expr: Expr) -> bool:
    return isinstance(expr, Review)


def _permits_a_disease(expr: Expr) -> bool:
    """"Lymphoplasmacytic lymphoma, mantle-cell lymphoma ... are eligible after initial therapy":
    read as "not <disease> or <unread>", a line that lets patients with a disease in."""
    def diseases(e: Expr) -> bool:  # one disease, or several ("not (lymphoma or mantle-cell-lymphoma)")
        if isinstance(e, Predicate):
            return e.concept in HEMATOLOGIC_DISEASES
        # (a list the joins left as "and", "not (LPL and mantle-cell-lymphoma and PLL)", names its diseases too)
        return isinstance(e, (Any_, All)) and all(diseases(part) for part in e.parts)

    return isinstance(expr, Any_) and any(isinstance(p, Not) and diseases(p.part) for p in expr.parts)


def _disease_runs(kids: list[Criterion], exprs: list[Expr]) -> list[Expr]:
    """Sibling lines that each open with a different disease ("Histopathologically-confirmed:" /
    "AML with ..." / "ALL with ..." / "CML in accelerated phase" / "MDS ..."), under a heading
    that asks for all its lines, are the diseases a patient may have: one of them, never all. The
    run joins into one alternative; a lead-in line with nothing of its own ("Histopathologically-
    confirmed:") just before it is its label."""
    out: list[Expr] = []
    k = 0
    while k < len(exprs):
        j = k
        while j < len(exprs) and _leading_disease(exprs[j]) is not None:
            j += 1
        # the run goes on past a line read as nothing but a review, or one that only permits a
        # disease ("... are eligible after initial therapy"), when a disease line follows it
        # ("Advanced myelofibrosis" between the CML and MDS lines and the CLL one; 11 diseases
        # listed under "Disease Criteria"): cut there, each line after stood as a requirement of
        # its own and every patient failed the lymphoma lines. The unread line is one more
        # alternative; the permitting one stays a line of its own (as an alternative it met for
        # every patient without that disease)
        kept: list[Expr] = []
        # (only a run that already lists two diseases: "iNHL ... / one of the following types ... /
        # <unread> / Inclusion Criteria for CLL:" are one cohort's requirements, then another's)
        while len({_leading_disease(e) for e in exprs[k:j]}) >= 2 and j < len(exprs) and (_unread_line(exprs[j]) or _permits_a_disease(exprs[j])):
            nxt = j + 1
            while nxt < len(exprs) and (_unread_line(exprs[nxt]) or _permits_a_disease(exprs[nxt])):
                nxt += 1
            if nxt >= len(exprs) or _leading_disease(exprs[nxt]) is None:
                break
            kept += [e for e in exprs[j:nxt] if _permits_a_disease(e)]
            j = nxt
            while j < len(exprs) and _leading_disease(exprs[j]) is not None:
                j += 1
        run = [e for e in exprs[k:j] if not any(e is x for x in kept)]
        if len(run) >= 2 and len({_leading_disease(e) for e in run} - {None}) >= 2:
            if out and _LEAD_IN.search(kids[k - 1].text) and isinstance(exprs[k - 1], Review) and not exprs[k - 1].text:
                out.pop()
            out.append(Any_(tuple(run)))
            out += kept
            k = j
        else:
            out.append(exprs[k])
            k += 1
    return out


# a line that opens with the cohort, arm or part it belongs to ("Cohort A: newly diagnosed AML, no
# prior cytotoxic chemotherapy", "Part B: AML who have had no more than two prior relapses")
# or named by the patients it takes ("FOR TREATMENT-NAIVE GROUP ONLY: Men and women >= 65 ...", "FOR
# HIGH-RISK RELAPSED/ REFRACTORYGROUP ONLY: ...", "SCLC cohort: ..."): a few bounded words before
# the noun, so a line that is not one fails fast. (The words stay in the line: blanked, "SCLC
# cohort: histologically or cytologically confirmed ... SCLC whose disease progressed on ..." left
# a bare "histologically" alternative that any small cell lung cancer met.)
_NAMED_COHORT = r"(?:for\s+(?:the\s+)?)?[^\W\d][\w/-]{0,30}(?:\s+[\w/-]{1,30}){0,4}?\s*(?:group|cohort|arm|stratum)(?:\s+only)?(?=\s*:)"
_COHORT_LABEL = (
    r"(?:(?:cohorts?|arms?|parts?|groups?|stratum|strata)\s+[A-Z0-9][\w-]{0,3}|phase\s*(?:IV|I{1,3}|[1-4])[ab]?)(?:\s*(?:and|,|/|&)\s*[A-Z0-9][\w-]{0,3})*"
    rf"|{_NAMED_COHORT}"
)
# "Cohort A: ...", "Part 1 (dose escalation): ...", or the cohort's treatment with its label in
# brackets ("ENTO monotherapy (Group A): ...")
_COHORT_ITEM = re.compile(
    rf"\W*(?:[^\W\d][^():;.]{{0,60}}?\(\s*(?={_COHORT_LABEL}\s*\)\s*:))?(?P<label>{_COHORT_LABEL})\s*(?:\)|\([^()]{{0,60}}\))?\s*:\s*\S",
    re.I,
)


def _cohort_items(texts: list[str]) -> bool:
    """Two or more lines, each opening with a different cohort's label: the cohorts' own
    requirements, one set of which a patient meets."""
    labels = [_COHORT_ITEM.match(t) for t in texts]
    return len(texts) >= 2 and all(labels) and len({" ".join(m.group("label").lower().split()) for m in labels if m}) == len(texts)


def _top_level_cohort_items(rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None]) -> set[int]:
    """Consecutive top-level inclusion lines each written for one cohort ("Part A: relapsed or
    refractory leukemia ..." / "Part B: AML who ..."): each holds when any cohort's line holds.
    Read as requirements each, every patient failed the other cohort's line."""
    top = [i for i, (ctype, _, parent) in enumerate(rows) if parent is None and ctype is CriterionType.INCLUSION and out[i] is not None]
    runs: set[int] = set()
    k = 0
    while k < len(top):
        j = k
        while j < len(top) and _COHORT_ITEM.match(rows[top[j]][1]):
            j += 1
        run = top[k:j]
        if _cohort_items([rows[i][1] for i in run]):
            exprs = {i: out[i].expr for i in run}  # type: ignore[union-attr]
            for i in run:
                own = out[i]
                assert own is not None
                out[i] = Criterion(type=own.type, text=own.text, expr=Any_((exprs[i], *(exprs[m] for m in run if m != i))), applies_if=own.applies_if, parent=own.parent)
            runs |= set(run)
        k = max(j, k + 1)
    return runs


def _cohort_exclusions(
    rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None], scoped: dict[int, tuple[str, str]], portions: set[str],
    members: dict[str, list[Expr]],
) -> None:
    """An exclusion written for one cohort, arm, part or phase ("Cohort A: Patients who have
    received prior cytotoxic chemotherapy ... not permitted", "Phase 1 ONLY: Subject has had any
    prior anti-cancer therapy other than ...") excludes only that portion's patients, and which
    portion a patient enters is the study team's choice: what it finds against the patient is left
    to a person, never cleared (read for everyone, the refractory patients of cohort B, all treated
    with anthracyclines, were excluded by cohort A's line). Where the portion has inclusion lines
    of its own, a patient they fail cannot enter it and the exclusion does not concern him (the
    refractory patient fails cohort A's "newly diagnosed AML, no prior cytotoxic chemotherapy");
    where every portion the trial names has them, a patient who fails all the others' can enter
    only this one, and its exclusion is his."""
    for i, (ctype, text, parent) in enumerate(rows):
        own = out[i]
        m = _COHORT_ITEM.match(text)
        if own is None or ctype is not CriterionType.EXCLUSION or (m is None and i not in scoped) or lists_portions(text):
            continue  # (a line listing several portions' clauses has scoped each: ``portions.inline_cohorts``)
        key, label = scoped[i] if i in scoped else (portion_key(m.group("label")), " ".join(m.group("label").split()))  # type: ignore[union-attr]
        scope: Expr = scope_review(label)
        parts = [own.expr]
        mine = members.get(key)
        if mine:
            parts.append(_joined(mine, All))
            others = [_joined(lines, All) for other, lines in members.items() if other != key]
            if others and portions <= set(members):
                scope = Any_((Not(_joined(others, Any_)), scope))
        out[i] = Criterion(type=own.type, text=own.text, expr=All((*parts, scope)), applies_if=own.applies_if, parent=own.parent)


def _joined(exprs: list[Expr], group: type[All] | type[Any_]) -> Expr:
    return exprs[0] if len(exprs) == 1 else group(tuple(exprs))


def _scoped_reading(
    index: int, criterion: Criterion, context: str, heading: bool, portions: set[str], scoped: dict[int, tuple[str, str]], line_parser: LineParser
) -> Criterion:
    """A line read with the scope its own words give it. A line that opens with the portion of the
    study it is written for, in a trial that names another portion, is noted in ``scoped`` and read
    without the words placing it ("Phase II FLT3-ITD ... patients: ..." reads "FLT3-ITD ...
    patients: ..."; the words are its scope, ``_portion_lines``). An inclusion listing each
    cohort's requirements inline is their alternatives (``portions.inline_cohorts``). A sentence
    asking something of one age band concerns that band only (``portions.age_subgroup``): the
    line's ``applies_if`` when it is the whole line, as a women's line is scoped, else the
    sentence's own scope beside the rest, as ``_concerning`` scopes a women's part."""
    ctype, text, parent = criterion.type, criterion.text, criterion.parent
    inline = None if heading or context else inline_cohorts(text, ctype, line_parser, parent)
    if inline is not None:
        return Criterion(type=ctype, text=text, expr=normal_limits_upright(inline, ctype), parent=parent)
    lead = portion_lead(text)
    if lead is not None:
        if len(portions) >= 2 or _COHORT_ITEM.match(text):
            scoped[index] = (lead[0], lead[1])
        if heading or not content_words(lead[2]):
            return criterion
        # (in a trial that names no other portion, the label names the trial's own and asks nothing)
        reread = line_parser(lead[2], ctype, parent=parent, context=context)
        return Criterion(type=ctype, text=text, expr=reread.expr, applies_if=reread.applies_if, parent=parent)
    if context:
        return criterion
    subgroup = age_subgroup(text, ctype, line_parser, parent)
    if subgroup is None and not heading:  # "Serum creatinine < 1.0 mg/dL in adolescents (patients 12 to 17 years of age)"
        subgroup = trailing_band(text, ctype, line_parser, parent)
    if subgroup is None:
        return criterion
    other, band, asked = subgroup
    if heading:
        # "Patients 18 years and older (Adult population): Serum creatinine ..." over lines of its
        # own: the label scopes the heading's words only (``age_band_heading``), the lines under it
        # keep their reading
        return age_band_heading(criterion, band, asked, other)
    if other is None:
        return Criterion(type=ctype, text=text, expr=asked, applies_if=band, parent=parent)
    scoped_part = Any_((Not(band), asked)) if ctype is CriterionType.INCLUSION else All((band, asked))
    expr = All((other, scoped_part)) if ctype is CriterionType.INCLUSION else Any_((other, scoped_part))
    return Criterion(type=ctype, text=text, expr=expr, parent=parent)


def _portion_lines(
    rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None], scoped: dict[int, tuple[str, str]], portions: set[str],
    alternatives: set[int],
) -> None:
    """A top-level inclusion written for one portion of the study ("Phase II ... patients: ...",
    "For Part B, patients must have recurrent or refractory leukemia", "Dose escalation phase only:
    ..."), in a trial that names another: meeting it is met, failing it is an open question (the
    patient may enter another portion; which one is the study team's choice, and a portion may be
    closed), never a failure and never met on its strength. Lines already read as one another's
    alternatives (sibling cohorts' lines or headings, disease categories) are left so: a patient
    in none of them fails them all.

    Where every portion the trial names has top-level inclusions of its own ("Patients of the
    first stratum must have CML receiving nilotinib ..." / "Patients of the second stratum must
    have CML in AP/BC or relapsed/refractory Ph+ ALL ..."), the portions are the alternatives a
    patient enters by: a patient whom another portion's lines all take is the open question, and
    one whom no portion takes fails (each line an open question, an AML patient was possibly
    eligible in a trial for CML and Ph+ ALL)."""
    if len(portions) < 2:
        return
    mine = [
        i for i, (ctype, _, parent) in enumerate(rows)
        if out[i] is not None and parent is None and ctype is CriterionType.INCLUSION and i in scoped and i not in alternatives
    ]
    by_portion: dict[str, list[Expr]] = {}
    for i in mine:
        by_portion.setdefault(scoped[i][0], []).append(out[i].expr)  # type: ignore[union-attr]
    whole = set(by_portion) == portions
    for i in mine:
        own = out[i]
        assert own is not None
        review = scope_review(scoped[i][1])
        if whole:
            others = _joined([_joined(exprs, All) for key, exprs in by_portion.items() if key != scoped[i][0]], Any_)
            expr: Expr = Any_((own.expr, All((others, review))))
        else:
            expr = Any_((own.expr, review))
        out[i] = Criterion(type=own.type, text=own.text, expr=expr, applies_if=own.applies_if, parent=own.parent)


def _top_level_disease_runs(rows: list[tuple[CriterionType, str, int | None]], out: list[Criterion | None]) -> set[int]:
    """Top-level inclusion lines that each open with a different disease, one after another with
    no heading over them ("AML, beyond 2nd remission or relapsed/refractory disease" / "ALL, ..." /
    "CML in blast crisis" / "MDS ..." / "Relapsed or refractory NHL"), are the categories a patient
    may be in, as ``_disease_runs`` reads them under a heading: each line holds when any of the run
    holds. Read as requirements each, every patient failed the categories of the other diseases.
    A line read as nothing at all ("Myeloproliferative disorders") between two of them is one more
    category (an unknown alternative, never a requirement)."""
    top = [i for i, (ctype, _, parent) in enumerate(rows) if parent is None and ctype is CriterionType.INCLUSION and out[i] is not None]
    runs: set[int] = set()
    k = 0
    while k < len(top):
        if _leading_disease(out[top[k]].expr) is None:  # type: ignore[union-attr]
            k += 1  # a run opens with a category, never with an unread line
            continue
        j = k
        last = k - 1
        while j < len(top):
            expr = out[top[j]].expr  # type: ignore[union-attr]
            if _leading_disease(expr) is not None:
                last = j
            elif not (isinstance(expr, Review) and not any(True for _ in iter_predicates(expr))):
                break
            j += 1
        run = top[k: last + 1]
        diseases = {_leading_disease(out[i].expr) for i in run} - {None}  # type: ignore[union-attr]
        categories = sum(1 for i in run if _leading_disease(out[i].expr) is not None)  # type: ignore[union-attr]
        if categories >= 3 and len(diseases) >= 2 and all(top[n + 1] == top[n] + 1 or all(rows[m][2] is not None for m in range(top[n] + 1, top[n + 1])) for n in range(k, last)):
            exprs = {i: out[i].expr for i in run}  # type: ignore[union-attr]
            for i in run:
                own = out[i]
                assert own is not None
                out[i] = Criterion(type=own.type, text=own.text, expr=Any_((exprs[i], *(exprs[m] for m in run if m != i))), applies_if=own.applies_if, parent=own.parent)
            runs |= set(run)
            k = last + 1
        else:
            k += 1
    return runs


def _donor_rows(rows: list[tuple[CriterionType, str, int | None]]) -> set[int]:
    """A donor's criteria: a donor heading ("Donor Inclusion Criteria:", "DONOR:"), the lines
    nested under it, and lines written as the donor's ("DONOR: Age =< 60"). The splitter nests a
    donor's lines under their heading, so the stored lines alone say whose they are."""
    donor: set[int] = set()
    soft: dict[int, bool] = {}  # a line heading a donor's description -> whether its list still speaks of one
    for index, (_, text, parent) in enumerate(rows):
        if parent is not None and parent in soft:
            soft[parent] = soft[parent] and bool(_DONOR_WORDS.search(text))
            if soft[parent]:
                donor.add(index)
                continue
        if is_donor_heading(text) or is_donor_item(text) or (parent is not None and parent in donor):
            donor.add(index)
        elif len(text) <= 120 and _DONOR_LEAD_IN.search(text):
            if _FOLLOWING.search(text):  # "donor that meets the following criteria:": every line under it
                donor.add(index)
            else:
                soft[index] = True
    return donor


# "Must have related donor who is:" heads a description of the donor, but registries often run the
# patient's own criteria on under it: the donor's lines are those that speak of one, up to the
# first that does not
_DONOR_LEAD_IN = re.compile(r"\bdonors?\b[^:]{0,80}:\s*$", re.I)
_FOLLOWING = re.compile(r"\bthe\s+following\b", re.I)
_DONOR_WORDS = re.compile(r"\b(?:donors?|HLA|haplo\w*|siblings?|(?:un)?related|matched|mismatch\w*|alleles?|loci|locus)\b", re.I)


# "Creatinine less than 1.5 mg/dL" / "AND/OR Creatinine clearance greater than 75 mL/min", "OR
# Bilirubin no greater than 2 times ULN in patients with biliary stents": a line that opens with
# "OR" continues the line before it as an alternative (the PDQ layout puts each on a line)
_OR_CONTINUES = re.compile(r"^\W*(?:or|and\s*/\s*or)\b", re.I)


def _or_continuations(kids: list[Criterion], exprs: list[Expr]) -> tuple[list[Criterion], list[Expr]]:
    out_kids: list[Criterion] = []
    out: list[Expr] = []
    for kid, expr in zip(kids, exprs):
        if out and _OR_CONTINUES.match(kid.text):
            previous = out[-1]
            out[-1] = Any_((*previous.parts, expr) if isinstance(previous, Any_) else (previous, expr))
            continue
        out_kids.append(kid)
        out.append(expr)
    return out_kids, out


def _concerning(kid: Criterion, expr: Expr, group: type[All] | type[Any_], ctype: CriterionType = CriterionType.INCLUSION, portion: str | None = None) -> Expr:
    """A line under a heading that concerns only some patients (``applies_if``: "Negative
    pregnancy test", "Pregnant or nursing" concern women) asks nothing of the others: as one of
    the heading's requirements it holds for them, as one of its alternatives it does not. Joined
    bare, the scope was lost: a man's missing pregnancy test left every PDQ "Other:" heading
    holding one unknown (found reading the corpus's joined headings).

    A line written for one portion of the study (``portion``, its label: "Phase II: No more than 2
    prior relapses") concerns that portion's patients, and whether a patient enters it is no
    record's fact: as an inclusion's requirement, failing it is an open question (met when met);
    as an exclusion's alternative, meeting it is one too (at most unknown, never cleared); as an
    inclusion's alternative it stands bare (met when met, and the others remain)."""
    if portion is not None:
        if ctype is CriterionType.INCLUSION and group is All:
            expr = Any_((expr, scope_review(portion)))
        elif ctype is CriterionType.EXCLUSION and group is Any_:
            expr = All((expr, scope_review(portion)))
    if kid.applies_if is None:
        return expr
    return Any_((Not(kid.applies_if), expr)) if group is All else All((kid.applies_if, expr))


def _contrary_alternative(own: Expr, kid: Expr) -> Expr | None:
    """``condition and requirement`` when ``kid`` is a conditional line (``not condition or
    requirement``) whose condition denies what ``own`` asks: each alternative of one of its
    conjuncts ("relapsed or refractory") is negated in the condition ("untreated": not relapsed,
    not refractory). Else None."""
    if not (isinstance(kid, Any_) and len(kid.parts) == 2 and isinstance(kid.parts[0], Not)):
        return None
    condition = kid.parts[0].part
    denied = {p.part for p in (condition.parts if isinstance(condition, All) else (condition,)) if isinstance(p, Not) and isinstance(p.part, Predicate)}
    for part in own.parts if isinstance(own, All) else (own,):
        options = part.parts if isinstance(part, Any_) else (part,)
        if denied and options and all(isinstance(o, Predicate) and o in denied for o in options):
            return All((condition, kid.parts[1]))
    return None


def _flip(criterion: Criterion) -> Expr:
    """A child of the other type under a heading (an exclusion nested in an inclusion section).
    A child already a negation (a requirement misfiled among exclusions, read as unmet) is turned
    back to what it asks, never written "not not" (the rule language reads one negation away)."""
    return criterion.expr.part if isinstance(criterion.expr, Not) else Not(criterion.expr)


def parse_lines(
    lines: Iterable[tuple[str | CriterionType, str] | ParsedLine | object], line_parser: LineParser = parse_line
) -> tuple[Criterion, ...]:
    """Parse lines an importer already split: ``(type, text)`` pairs, or objects with ``type``,
    ``text`` and optionally ``parent`` (ParsedLine, the importers' CriterionLine). ``line_parser``
    must answer exactly as ``parse_line`` does (an importer passes a cache of its answers)."""
    rows: list[tuple[CriterionType, str, int | None]] = []
    for line in lines:
        if isinstance(line, tuple):
            ctype, text = line[0], line[1]
            parent = line[2] if len(line) > 2 else None
        else:
            ctype, text, parent = line.type, line.text, getattr(line, "parent", None)  # type: ignore[attr-defined]
        rows.append((CriterionType(ctype), str(text), parent))
    return _build(rows, line_parser)


def parse_criteria(text: str) -> tuple[Criterion, ...]:
    """Split ``text`` and parse each line."""
    return parse_lines(split_criteria(text))
