"""One eligibility line -> one Criterion.

How a line is read:

1. the text is normalised (``normalize``) and cut into clauses at ";", sentence ends and inline
   enumerations ("(1)", "a)");
2. each clause runs the extractors (age, sex, performance, NYHA, labs, infections, pregnancy,
   diagnoses and disease status, GVHD, transplant and cell therapy, antigens); each finds
   spans and turns them into predicates;
3. the items of a clause are joined by the words between them ("or" / "either" -> Any_,
   otherwise the type's list default: All for an inclusion, Any_ for an exclusion);
4. exception clauses ("except ...", "excluding ...", "unless ...", "... can be enrolled if ...")
   change the expression: a recognised exception becomes ``All(main, Not(exception))``;
5. whatever words are left form a Review with its reason, joined so Kleene logic stays honest:

   * words in the same list segment as a structured item qualify it ("active", "requiring
     immunosuppressive agents") and narrow it, for either type: ``All(structured, Review)``;
   * a list item of their own is another requirement of an inclusion, ``All(structured,
     Review)`` (a failed structured part rightly fails the line; a met one leaves it
     unknown), and another alternative of an exclusion, ``Any_(structured, Review)`` (a met
     structured part rightly triggers it; a not met one leaves it unknown);
   * an unrecognised exception widens an inclusion (``Any_(main, Review)``) and narrows an
     exclusion (``All(main, Review)``), so it can only turn a decision into ``unknown``.

No combination can make the line decided where the unstructured words could change the answer.

The work is shared out: ``topics/`` (one extractor per subject), ``items`` (the span type and
expression helpers), ``clauses`` (cutting a line into clauses and joining items), ``residue``
(what unread words do to a decided expression). This module reads a line as a whole.

Line shapes read as a whole (``_to_expr``):

* a line that defines a status it or another line asks for ("Relapse was defined as ...";
  "... relapsed/refractory leukemia; including any of the following situations: a) ...") adds no
  requirement: the cases after the lead-in are skipped, a status defined by cases that include
  the other one ("refractory cases: ... 2) recurrence ...") accepts either, and a definition line
  of its own is ``Any_(Not(status), Review)``;
* a line that opens by permitting a group ("Patients who previously received CAR-T may be
  included, provided that ...") asks nothing outside the group: ``Any_(Not(group), condition)``;
* "at least one of the following: (1) ... (2) ..." makes the enumerated items alternatives;
* a recency window counted back from the start of treatment ("within 3 days prior to initial
  treatment: ...") is not applied on the evaluation date: the treatment lies ahead, the latest
  value is the evidence and the lab is repeated before dosing (windows counted back from
  screening, enrolment or registration are kept).
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, HEMATOLOGIC_DISEASES, Kind, ancestors
from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.decidable import human_only
from rules_engine.parser.counted import counted, listed
from rules_engine.parser.clauses import Clause, DEFINED_BY_LIST, DEFINITIONAL, DEFINITION_LINE, ENUMERATED, LEAD_IN, ONE_OF, PARENS, extract, parse_clause, split_clauses
from rules_engine.parser.line_reader import install
from rules_engine.parser.event_exceptions import hydroxyurea_excepted
from rules_engine.parser.items import FEMALE, I, NEGATED, Item, all_of, any_of, content_words, negation_read_by_item, predicate, predicates
from rules_engine.parser.normalize import bare_transplant_since, normalize, time_after_transplant
from rules_engine.parser.notes import SYSTEM_LABEL, label_only, non_criterion, permitting_note, strip_rationale, strip_terminology_note, without_footnote
from rules_engine.parser.remarks import ENROLMENT_STATUS, ON_STUDY_NOTE, PROCEDURE, SCREENED_FOR, TEST_NOTE, blank_remarks
from rules_engine.parser.residue import (
    AGENT_WINDOW,
    PERMISSION,
    FUTURE_REFERENCE,
    MEASURE_WINDOW,
    WIDENING_CLAUSE,
    agent_window,
    attach_widening,
    failed_test_alternative,
    forecast,
    clause_expr,
    is_remark,
    organ_function_unstated,
    protocol_criteria,
    permitted_group,
    phased_age,
    review_reason,
    shorter_window,
    receipt_note,
    therapy_note,
    therapy_permission,
    widen_status,
    with_window,
)
from rules_engine.parser.permitted_subject import permitted_subject
from rules_engine.parser.taking_must import drug_condition
from rules_engine.parser.safety import Alternative, Qualifier, enforce, listed_diagnoses_any, normal_limits_upright, renal_bounds_aligned
from rules_engine.parser.topics.performance import scales_by_age
from rules_engine.parser.topics.control import control_by_measurement
from rules_engine.parser.topics.listed_products import listed_products
from rules_engine.parser.topics.therapy_for_cancer import therapy_for_cancer
from rules_engine.parser.topics.infections import infection_wording, serious_infection
from rules_engine.parser.topics.qualified_kinds import qualified_kinds
from rules_engine.parser.topics.products import LINE_TIMED, line_times_products, unread_product
from rules_engine.parser.topics.qualified_conditions import defined_by_own_measure, qualified_by_kind
from rules_engine.parser.topics.menopause import STATUS_READ, line_allows
from rules_engine.parser.topics.sex import sex_scope


# "See Disease Characteristics No prior systemic chemotherapy": a pointer to another section run
# into the line (the PDQ layout); the line proper follows it, and its "No" opens it, or its
# comparator ("See Disease Characteristics Greater than 4 weeks since prior flutamide": dropped
# with the pointer, the bare "4 weeks since" left was read as at least 4 weeks)
_CROSS_REFERENCE = re.compile(
    r"^\W*see\s+(?:the\s+)?(?:disease\s+characteristics|patient\s+characteristics|prior\s+concurrent\s+therapy|general|other|menopausal\s+status|"
    r"chemotherapy|radiotherapy|radiation\s+therapy|surgery|biologic\s+therapy|endocrine\s+therapy|hormonal\s+therapy|immunotherapy)\b[^\w<>≤≥=]*(?=[\w<>≤≥])",
    I,
)


# A whole inclusion line that only permits a history: "<who> may have had / received / undergone
# <it>" (43 corpus lines open so; the plain ones, with nothing but the permitted history, are read
# here: a count, a window, a condition or a second sentence keeps the line to its other readers)
_MAY_HAVE_HAD = re.compile(
    r"^\W*(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:may|can)\s+have\s+(?:had|received|undergone|been\s+(?:treated\s+with|on))\s+"
    r"(?P<what>[^;:.]+?)(?:\s+previously)?[\s.]*$",
    I,
)
# ... and a clause of a longer line that permits one, its subject scoped or a pronoun ("Patients in
# first CR (or CRp) may have received any induction chemotherapy regimen", "they may have received")
_PERMITTED_HISTORY = re.compile(
    r"^\W*(?:they|(?:the\s+)?(?:patients?|subjects?|participants?)(?P<scope>\s+(?:in|with)\s+[^;:,]{1,60}?)?)\s+(?:may|can)\s+(?:also\s+)?have\s+"
    r"(?:had|received|undergone)\b",
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


def _permitted_history(clause: str, scope_before: str | None) -> tuple[Expr | None, str | None] | None:
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
        return any_of([Alternative(ReviewReason.AMBIGUOUS, f"the exception concerns only patients {scope.strip()}"), Not(forbidden)]), scope
    return Not(forbidden), scope


# a clause that denies what it names is allowed ("No prior chemotherapy is allowed except for ...",
# "No other investigational agents are permitted"): a prohibition, never a widening
_DENIED_PERMISSION = re.compile(r"^\W*no\s+(?!longer\b|more\s+than\b|less\s+than\b|fewer\s+than\b)[^.;:]{1,80}?\b(?:is|are)\s+(?:allowed|permitted|acceptable)\b", I)


_MORE_THAN_A_PERMISSION = re.compile(
    r"\b(?:but|must|provided|providing|if|as\s+long|however|except|other\s+than|not|no|up\s+to|number|lines?|regimens?|courses?|only|"
    r"setting|within|since|before|after|prior\s+to|greater|less|more|fewer|maximum|minimum)\b|\d|[<>≤≥]",
    I,
)


# a permission that lifts the line's blood counts together ("the hematologic requirements are
# waived for patients with ...", "patients with inadequate counts due to marrow involvement are
# eligible")
_COUNTS_WAIVED = re.compile(
    r"\b(?:ha?ematolog(?:ic|ical|y)\s+(?:requirements?|criteria|parameters|values)|(?:inadequate|low|insufficient)\s+(?:blood\s+)?counts)\b", I
)
_COUNT_CONCEPTS = frozenset({"anc", "platelets", "hemoglobin", "wbc"})


def _asks_counts(expr: Expr) -> bool:
    return any(p.concept in _COUNT_CONCEPTS for p in iter_predicates(expr))


def _to_expr(text: str, ctype: CriterionType, fragments: bool = True) -> Expr:
    """``fragments``: whether a fragment's role is the line's own to say (a top-level line); under
    a heading the heading says it ("may not have any of the following:")."""
    norm = normalize(text)
    if ctype is CriterionType.INCLUSION:
        norm = time_after_transplant(norm)
    norm = norm[m.end():] if (m := _CROSS_REFERENCE.match(norm)) else norm
    label = SYSTEM_LABEL.match(norm)
    if label and norm[label.end():].strip():  # "Cardiac disease: Congestive heart failure > class II ...": the label heads what follows
        rest = _to_expr(norm[label.end():], ctype, fragments)
        if any(True for _ in iter_predicates(rest)):
            return rest
    definition = DEFINITION_LINE.match(norm)
    if definition:  # "Relapse was defined as ...": how the trial judges a status it asks for elsewhere
        what = definition.group("what").lower()
        term = predicate("refractory" if what.startswith("refr") else "relapsed", Op.PRESENT)
        return any_of([Not(term), Alternative(ReviewReason.JUDGEMENT, "the trial's definition: " + norm)])
    if _WILLING.match(norm):  # "willing to undergo a marrow biopsy" asks consent, not a history
        return Review(ReviewReason.CONSENT, "")
    lead = _EXCLUDED_IF.match(norm) if ctype is CriterionType.INCLUSION else None
    if lead is not None and norm[lead.end():].strip():  # an exclusion written among the inclusions: its rule, negated
        excluded = _to_expr(norm[lead.end():], CriterionType.EXCLUSION)
        return excluded if isinstance(excluded, Review) else Not(excluded)
    wrapped = _ABSENCE_DEFINED.match(norm) if ctype is CriterionType.INCLUSION else None
    if wrapped is not None and re.search(r"[\d<>≤≥]", wrapped.group("req")):  # "Absence of hypercalcemia attributed to the disease: calcium < 10.5 mg/dL"
        limits = _to_expr(wrapped.group("req"), ctype)
        if not isinstance(limits, Review):
            return limits
    count = _counted_list(norm, ctype)
    if count is not None:
        return count
    conditional = _status_scopes(norm, ctype) or _defined_by_list(norm, ctype) or _conditional(norm, ctype) or _trailing_scope(norm, ctype)
    if conditional is not None:
        return conditional
    agents = AGENT_WINDOW.search(norm)
    # (only where the bracket ends the line's last sentence: a permission after it, "Prior
    # antifolate therapy is permitted, as long as ...", would attach to the washout and hide it)
    if agents is not None and not re.search(r"[.;]\s+\S", norm[agents.end():]):  # "chemotherapy within 4 weeks (6 weeks for nitrosoureas or mitomycin C)"
        plain = _to_expr(norm[: agents.start()] + " " * (agents.end() - agents.start()) + norm[agents.end():], ctype, fragments)
        widened = None if isinstance(plain, Review) else agent_window(plain, agents)
        if widened is not None:
            return widened
    norm = _or_in_items(norm)
    alternatives = _top_level_or(norm) or (_semicolon_or(norm) if ctype is CriterionType.INCLUSION else [])
    if alternatives:  # "AML without CR after 2 inductions OR / AML relapsed within 6 months OR / ..."
        lead, alternatives[0] = _defined_lead(alternatives[0], ctype)
        read = [_to_expr(part, ctype) for part in alternatives]
        either = any_of([Alternative(e.reason, e.text or part) if isinstance(e, Review) else e for e, part in zip(read, alternatives)])
        return either if lead is None else all_of([lead, either])
    if ctype is CriterionType.EXCLUSION:
        norm = _SUBGROUP.sub("; ", norm)
    clauses = [c.strip(" ,.") for c in split_clauses(norm)]
    clauses = [c for c in clauses if c]
    if ctype is CriterionType.EXCLUSION:
        clauses = [_as_rule(c) for c in clauses]
    if not clauses:
        return Review(review_reason(norm), "")
    clauses = _pointed_exceptions(clauses)
    window = MEASURE_WINDOW.match(norm)
    if window:
        clauses[0] = MEASURE_WINDOW.sub("", clauses[0], count=1)
    permission = permitted_group(clauses, ctype)
    if permission is not None:
        return permission
    if len(clauses) == 1 and _COUNTED.search(norm):
        return Review(ReviewReason.UNSUPPORTED_CONCEPT, "what counts towards a limit: " + norm)
    had = _MAY_HAVE_HAD.match(norm) if ctype is CriterionType.INCLUSION and len(clauses) == 1 else None
    if had is not None and not _MORE_THAN_A_PERMISSION.search(had.group("what")):
        # "The patient may have had hematopoietic stem cell transplantation.", "Subjects may have
        # received prior thalidomide": what the line permits, read as "<it> allowed" (asked for,
        # the transplant failed every patient without one)
        allowed = permitted_group([f"{had.group('what')} allowed"], ctype)
        if allowed is not None:
            return allowed
    exprs: list[Expr] = []
    exprs_text: list[str] = []
    status_seen = False
    in_definition = False  # the rest of the line defines the status it asked for
    definitions: list[str] = []
    # items after "at least one of the following", or cases enumerated with "or" before the last
    any_group: list[Expr] | None = [] if ctype is CriterionType.INCLUSION and _enumerated_alternatives(clauses) else None
    open_to_both = 0  # clauses that only open the line to both sexes
    permissions = 0  # clauses that only permit a history
    permission_scope: str | None = None
    none_of = False  # the group's lead forbids what it lists ("No ... including any of the following:")
    for clause_text in clauses:
        if in_definition or (status_seen and (DEFINITIONAL.search(clause_text) or (exprs and LEAD_IN.search(exprs_text[-1])))):
            in_definition = True
            definitions.append(clause_text)
            continue
        if exprs and (
            ON_STUDY_NOTE.match(clause_text) or TEST_NOTE.match(clause_text)
            or PROCEDURE.search(clause_text) and not any(it.expr is not None for it in extract(clause_text, ctype))
        ):
            continue  # "Qualifying laboratory value must occur ...", "Testing is not required": how it is measured, not what
        if len(clauses) > 1 and SCREENED_FOR.match(clause_text):
            continue  # "All subjects must be screened for hepatitis B and C infection; ...": how, not what
        if ENROLMENT_STATUS.search(clause_text):
            exprs.append(Review(ReviewReason.AMBIGUOUS, "which cohorts the study still enrols: " + clause_text.strip()))
            exprs_text.append(clause_text)
            continue
        if exprs and _COUNTED.search(clause_text):
            continue  # "Those aged 12 years or older may be counted towards the MTD": who counts, not who may enrol
        scoped = _scoped_sentence(clause_text, ctype) if exprs else None
        if scoped is not None:  # "... Patients with solid tumors must have at least 1 lesion measurable by CT"
            exprs.append(scoped)
            exprs_text.append(clause_text)
            continue
        read_last = [k for k, e in enumerate(exprs) if not isinstance(e, Review)]
        shorter = shorter_window(exprs[read_last[-1]], clause_text) if read_last else None
        if shorter is not None:  # "If the involved field is small, 7 days will be considered a sufficient interval"
            exprs[read_last[-1]] = shorter
            continue
        alternative = failed_test_alternative(exprs[read_last[-1]], clause_text, ctype) if read_last else None
        if alternative is not None:  # "If the serum creatinine is above these values, CrCl must be >= 70"
            exprs[read_last[-1]] = alternative
            continue
        permitted = _permitted_history(clause_text, permission_scope) if ctype is CriterionType.INCLUSION else None
        if permitted is not None:  # "Patients may have received any induction chemotherapy regimen"
            forbidden, permission_scope = permitted
            if forbidden is None:
                permissions += 1
            else:
                exprs.append(forbidden)
                exprs_text.append(clause_text)
            continue
        excepting = _EXCEPTION_LEAD.match(clause_text) if exprs and not clause_text.rstrip().endswith(":") else None
        if excepting:  # "EXCEPTIONS: non-melanoma skin cancer ...": what follows is excepted, not listed
            clause_text = clause_text[excepting.end():]
        if exprs and not excepting and receipt_note(clause_text, exprs):
            continue  # "patients with known previous CNS leukemia may continue to receive intrathecal therapy"
        only = _ONLY_IF.search(clause_text) if exprs and ctype is CriterionType.INCLUSION and not excepting else None
        subject = parse_clause(clause_text[: only.start()], CriterionType.INCLUSION).expr if only is not None else None
        if only is not None and subject is not None and not isinstance(subject, Review):
            # "...; acute promyelocytic leukemia ... would be eligible only after failure of a regimen
            # containing arsenic trioxide": a narrowing for the patients it names, never a widening
            # (read as one, a relapsed APL met the line through AML alone); the condition is a person's
            exprs.append(any_of([Not(subject), Alternative(review_reason(clause_text[only.end():]), clause_text.strip())]))
            exprs_text.append(clause_text)
            continue
        permits = therapy_permission(clause_text, exprs) if exprs else None
        if permits == "note":
            continue  # "MDS with <= 10% blasts. Prior targeted therapies allowed.": another line's washout
        grouped = permitted_group([clause_text], ctype) if permits == "group" else None
        if grouped is not None:
            exprs.append(grouped)
            exprs_text.append(clause_text)
            continue
        # (a permission denied is a prohibition of its own: "Previously untreated AML ... No prior
        # chemotherapy is allowed except ...", read as widening the AML, let chemotherapy in)
        if exprs and (excepting or permits == "widens" or WIDENING_CLAUSE.search(PARENS.sub("", clause_text)) and not _DENIED_PERMISSION.match(clause_text)):
            if is_remark(clause_text) or therapy_note(clause_text, exprs):  # "platelet transfusion is permitted": it annotates
                continue
            if any_group:
                any_group[-1] = attach_widening(any_group[-1], clause_text, ctype)
                continue
            # the permission widens the last requirement the line read, never a sentence it could
            # not read ("In addition, these subjects were required to ..."): joined to a review, its
            # negation would stand alone and apply to everyone
            read = [k for k, e in enumerate(exprs) if not isinstance(e, Review)]
            if read and ctype is CriterionType.INCLUSION and _COUNTS_WAIVED.search(clause_text):
                # "The hematologic requirements are waived for patients with inadequate counts due
                # to marrow involvement": every count the line asked, together, is what is lifted
                # (widening the last alone, a low platelet count beside it failed the patient the
                # waiver names)
                counted = [k for k in read if _asks_counts(exprs[k])]
                if counted:
                    joined = attach_widening(all_of([exprs[k] for k in counted]), clause_text, ctype)
                    exprs = [joined if k == counted[0] else e for k, e in enumerate(exprs) if k == counted[0] or k not in counted]
                    exprs_text = [t for k, t in enumerate(exprs_text) if k == counted[0] or k not in counted]
                    continue
            if read:
                exprs[read[-1]] = attach_widening(exprs[read[-1]], clause_text, ctype)
            elif (permitted := permitted_subject(clause_text, ctype)) is not None:
                # "Adequate neurologic function as defined by <unread>. Patients with a history of
                # previous CNS tumor involvement are eligible provided ... the CNS is now free of
                # disease": a complication permitted on a condition asks nothing of a patient
                # without it, so it stands beside the unread sentence (dropped, CNS leukaemia now
                # met the line's review only and the patient was eligible)
                exprs.append(permitted)
                exprs_text.append(clause_text)
            continue
        if any_group is None and ONE_OF.search(clause_text) and clause_text.rstrip().endswith(":"):
            any_group = []
            lead = ONE_OF.split(clause_text)[0]
            # "Patients who have had allogeneic HSCT are not eligible if they meet any of the
            # following:": the group the list concerns, which an exclusion asks for with it
            verdict = _STATED_EXCLUSION.search(lead) if ctype is CriterionType.EXCLUSION else None
            if verdict:
                lead = lead[: verdict.start()]
            lead_clause = parse_clause(lead, ctype)
            # "Relapsed or refractory AML as defined by one of the following criteria:": the list
            # defines the status the lead asks for (how the trial judges it), it adds no case
            defines = lead_clause.expr is not None and bool(STATUS_DEFINED.search(lead.rstrip(" ,"))) and names_status(lead_clause.expr)
            # "Acute myeloid leukemia meeting 1 of the following criteria:" (In remission / In early
            # relapse): a disease the list qualifies is asked for with it, never defined by it
            # (dropped, a relapsed ALL met the AML heading through its list of reviews).
            # "No impaired GI function or GI disease ..., including any of the following:" among the
            # inclusions: the lead forbids what it names, and the cases listed with it (read as
            # asked for, a Crohn's disease met the line that excludes it)
            none_of = ctype is CriterionType.INCLUSION and bool(NEGATED.match(lead))
            if lead_clause.expr is not None and (verdict or defines or not DEFINED_BY_LIST.search(lead) or _names_disease(lead, lead_clause.expr)):
                exprs.append(Not(lead_clause.expr) if none_of else lead_clause.expr)
            exprs_text.append(clause_text)
            if defines:
                status_seen = in_definition = True
            continue
        if exprs and ctype is CriterionType.EXCLUSION and _REQUIREMENT.match(clause_text) and not _EXCEPTION_LEAD.match(clauses[0]):
            # "Use of investigational agents within 30 days ... . The patient must have recovered
            # from all acute toxicities": a requirement written after the exclusion's own words,
            # which excludes whoever does not meet it. Read as one more thing that excludes, it
            # excluded every recovered patient.
            required = _to_expr(clause_text, CriterionType.INCLUSION)
            if not isinstance(required, Review) and {p.concept for p in predicates(required)} & HEMATOLOGIC_DISEASES:
                # "Patients must have been off prior AML therapy for 2-6 weeks": the disease names what
                # the therapy was for; negated, it excluded every patient without it
                required = Review(ReviewReason.UNSUPPORTED_CONCEPT, clause_text.strip())
            if isinstance(required, Review):
                required = Review(required.reason, required.text or clause_text.strip())
            exprs.append(required if isinstance(required, Review) else required.part if isinstance(required, Not) else Not(required))
            exprs_text.append(clause_text)
            continue
        bracketed = _bracketed_lab_scope(clause_text, ctype)
        if bracketed is not None:
            # "Creatinine ≤ 2 mg/dl (patients with a creatinine > 1.2 ... must have calculated GFR
            # > 40)": the bracket's requirement concerns only the patients it names; joined into
            # the line its condition read as an alternative (any creatinine > 1.2 met the line)
            scoped_aside, (opening, closing) = bracketed
            exprs.append(scoped_aside)
            exprs_text.append(clause_text[opening + 1: closing])
            clause_text = clause_text[:opening] + " " * (closing + 1 - opening) + clause_text[closing + 1:]
        negated = bool(NEGATED.match(clause_text))
        allowed = _NO_ALLOWED.match(clause_text) if negated and ctype is CriterionType.INCLUSION else None
        if allowed:  # "No prior chemotherapy allowed": the prohibition said twice
            a, b = allowed.span("allowed")
            clause_text = clause_text[:a] + " " * (b - a) + clause_text[b:]
        stated = _STATED_EXCLUSION.search(clause_text)
        if stated is None and ctype is CriterionType.INCLUSION and "excluded" in clause_text.lower():
            # "Adequate cardiac functions (New York Heart Association (NYHA) cardiac III-IV
            # excluded)": a bracket closing on a bare "excluded" states an exclusion too (read as
            # the patient's description, the line required NYHA III-IV); only as a bracket of its own
            bare = _BARE_EXCLUDED.search(clause_text)
            stated = bare if bare is not None and _bracketed_exclusion(clause_text, bare) is not None else None
        aside = _bracketed_exclusion(clause_text, stated) if stated and ctype is CriterionType.INCLUSION else None
        excluded_aside = None
        if aside is not None and stated is not None:
            excluded_aside = clause_expr(parse_clause(clause_text[aside[0] + 1: stated.start()], CriterionType.EXCLUSION), CriterionType.EXCLUSION, False)
            if _narrows_a_history(excluded_aside, clause_text[: aside[0]]):
                aside = None
        if aside is not None and stated is not None:
            # "ECOG status 0-2 (ECOG 3 is excluded)": the bracket states an exclusion beside the
            # requirement before it, never the line's own verdict (read as one, the whole line was
            # negated: ECOG 1 failed it and ECOG 4 met it). The bracket's subject excludes, the
            # rest is read as the requirement it is
            opening, closing = aside
            inner = clause_text[opening + 1: stated.start()]
            exprs.append(Review(review_reason(inner), inner.strip()) if excluded_aside is None or isinstance(excluded_aside, Review) else Not(excluded_aside))
            exprs_text.append(inner)
            clause_text = clause_text[:opening] + " " * (closing + 1 - opening) + clause_text[closing + 1:]
            stated = _STATED_EXCLUSION.search(clause_text)
        if stated:  # "Patients with X are not eligible": the clause names what excludes
            clause_text = clause_text[: stated.start()] + " " * (stated.end() - stated.start()) + clause_text[stated.end():]
            if ctype is CriterionType.INCLUSION:  # read as the exclusion it states, and negated
                excluded: Expr | None = Review(review_reason(clause_text), clause_text.strip())
                if not negated:  # "Patients without X are excluded": an absence that excludes, not read here
                    excluded = clause_expr(parse_clause(clause_text, CriterionType.EXCLUSION), CriterionType.EXCLUSION, False)
                if excluded is not None:
                    exprs.append(excluded if isinstance(excluded, Review) else Not(excluded))
                    exprs_text.append(clause_text)
                continue
        if ctype is CriterionType.INCLUSION and fragments and not negated and _site_fragment(clause_text):
            exprs.append(Review(ReviewReason.AMBIGUOUS, "a site of disease named without a verb, allowed or asked for: " + clause_text))
            exprs_text.append(clause_text)
            continue
        scoped_bound = _lab_scoped_requirement(clause_text, ctype)
        if scoped_bound is not None:  # "All patients with a creatinine > 1.2 ... must have creatinine clearance > 40"
            exprs.append(scoped_bound)
            exprs_text.append(clause_text)
            continue
        clause = parse_clause(clause_text, ctype)
        if clause.expr is None and not clause.residue and not clause.exceptions:
            # "Male or female", "Both men and women": read whole, the clause names both sexes
            open_to_both += _open_to_both(clause)
            continue
        lead = NEGATED.match(clause_text) if negated else None
        if lead is not None and negation_read_by_item(lead, clause.items):
            negated = False
        expr = clause_expr(clause, ctype, negated)
        if expr is not None:
            if any_group is not None and ENUMERATED.match(clause_text):
                # an enumerated case the text offers as an alternative, read or not
                any_group.append(Alternative(expr.reason, expr.text) if isinstance(expr, Review) else expr)
                continue
            exprs.append(expr)
            exprs_text.append(clause_text)
            status_seen = status_seen or bool({"relapsed", "refractory"} & {p.concept for p in predicates(expr)})
    if any_group:
        exprs.append(Not(any_of(any_group)) if none_of else any_of(any_group))
    if definitions:
        exprs = [widen_status(e, " ".join(definitions)) for e in exprs]
    if not exprs and permissions and permissions == len(clauses) and ctype is CriterionType.INCLUSION:
        return NoRequirement()  # "Patients may have received any induction chemotherapy regimen": permits, asks nothing
    if not exprs and open_to_both and open_to_both == len(clauses):
        # a line that only opens the trial to both sexes ("Male or female", "Male and female
        # patients eligible": 10 corpus lines) asks nothing; the registry's sex field is read apart
        return NoRequirement() if ctype is CriterionType.INCLUSION else Not(NoRequirement())
    if not exprs:
        return Review(review_reason(norm), "")
    structured = [e for e in exprs if not isinstance(e, Review)]
    if not structured:
        reasons = [e.reason for e in exprs if isinstance(e, Review)]
        reason = next((r for r in (ReviewReason.CONSENT, ReviewReason.JUDGEMENT, ReviewReason.UNSUPPORTED_CONCEPT, ReviewReason.AMBIGUOUS) if r in reasons), ReviewReason.UNPARSED)
        if reason in (ReviewReason.UNSUPPORTED_CONCEPT, ReviewReason.UNPARSED) and (organ_function_unstated(norm) or protocol_criteria(norm) or forecast(norm)):
            # the protocol's limits, not on the line (residue.organ_function_unstated), or what
            # the patient is expected to need (residue.forecast): a person's either way
            reason = ReviewReason.JUDGEMENT
        return Review(reason, "")
    expr = all_of(exprs) if ctype is CriterionType.INCLUSION else any_of(exprs)
    expr = phased_age(expr, norm)
    if window and not FUTURE_REFERENCE.search(window.group(0)):
        expr = with_window(expr, Window(float(window.group("n")), window.group("unit").lower().rstrip("s") + "s"))
    return expr


_SEX_CONCEPT = frozenset({"sex"})
# what may stand beside the sexes in such a line: the persons and the verdict, nothing that could
# state a requirement ("Age 18 years, male or female" states an age the topics do not read)
_OPEN_FILLER = re.compile(r"(?:\W|\b(?:patients?|subjects?|participants?|both|are|is|eligible|included|may|can|be|enrolled)\b)*", I)


def _open_to_both(clause: Clause) -> bool:
    """Whether a clause read without residue only names both sexes and its persons."""
    if not clause.items or not all(it.expr is None and it.concepts == _SEX_CONCEPT for it in clause.items):
        return False
    rest = "".join(" " if any(it.start <= k < it.end for it in clause.items) else ch for k, ch in enumerate(clause.text))
    return _OPEN_FILLER.fullmatch(rest) is not None


# a clause that lets the patients it names in only on a condition ("APL ... would be eligible only
# after failure of ...", "are eligible only if ..."; 27 corpus lines say "eligible/allowed only if")
_ONLY_IF = re.compile(
    r"\b(?:is|are|(?:would|will|may|can|could)\s+be)\s+(?:considered\s+)?(?:eligible|allowed|permitted|included)\s+only\s+(?:if|after|when|provided)\b", I
)


# where disease has spread, the subject of a fragment that may permit it rather than ask for it
_SITES = frozenset({"cns_involvement", "extramedullary_disease", "brain_metastases", "leptomeningeal_disease"})
# any word that gives a fragment its role: a verb, the patient, a status or a limit
_ROLE_WORDS = re.compile(
    r"\b(?:must|should|shall|will|may|can|have|has|had|having|with|without|is|are|was|were|be|been|documented|confirmed|proven|evidence|"
    r"diagnos\w*|patients?|subjects?|participants?|relapse\w*|recurr\w*|refractory|isolated|only|allowed|permitted|eligible|excluded|"
    r"known|history|prior|previous|active|current|no|not|none|unless|except|if)\b",
    I,
)


def _site_fragment(text: str) -> bool:
    """An inclusion clause that names where disease has spread, with more words than the site
    and no word that says its role ("CNS or other sites of extramedullary disease. No cranial
    irradiation is allowed during the protocol therapy"): such a fragment permits the spread as
    often as it asks for it, so it is a person's to read. Read as asked for, it failed every
    patient without extramedullary disease; a bare "Extramedullary disease" stays a requirement."""
    if _ROLE_WORDS.search(text):
        return False
    items = [it for it in extract(text, CriterionType.INCLUSION) if it.expr is not None]
    named = [p for it in items for p in predicates(it.expr)]
    if not named or not all(p.concept in _SITES and p.op is Op.PRESENT for p in named):
        return False
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(text))
    return bool(content_words(blank_remarks(masked)))


# "Diagnosis of 1) AML (...), or 2) high risk MDS (...)", "evidence of 1) unresectable 2) locally
# recurrent, or 3) metastatic disease", "a) metastatic or b) locally recurrent disease" (8 corpus
# inclusion lines): the enumerated cases, an "or" before the last, are alternatives. Read as
# requirements each, an AML failed the line for lack of the MDS it offers instead
_OR_END = re.compile(r"(?:,\s*|\s)(?:or|and/or)$", I)
_AND_END = re.compile(r"(?:,\s*|\s)(?:and|plus)$", I)


def _enumerated_alternatives(clauses: list[str]) -> bool:
    enumerated = [k for k, c in enumerate(clauses) if ENUMERATED.match(c)]
    if len(enumerated) < 2 or enumerated != list(range(enumerated[0], enumerated[-1] + 1)) or enumerated[0] == 0:
        return False
    if any(ONE_OF.search(c) for c in clauses):
        return False  # "one of the following: (1) ... (2) ...": the lead's own reading
    before_last = clauses[enumerated[-1] - 1]
    return bool(_OR_END.search(before_last)) and not any(_AND_END.search(clauses[k - 1]) for k in enumerated[1:])


# a lead that says its list defines what it asks ("... as defined by one of the following", "...
# defined as meeting 1 or more of the following"), unlike one that asks the list be met too
STATUS_DEFINED = re.compile(r"\bdefined\s+(?:as|by)(?:\s+meeting)?\s*$", I)


def names_status(expr: Expr) -> bool:
    """Whether a reading asks for a disease status (relapsed, refractory) a list can define."""
    return any(p.concept in ("relapsed", "refractory") and p.op is Op.PRESENT for p in predicates(expr))


# A clause that opens by naming itself an exception ("EXCEPTIONS: non-melanotic skin cancer or
# carcinoma-in-situ", "Exception: patients who are 13 years old or older and ...", "An exception is
# made for ..."): it excepts from the requirement before it, as an "except ..." phrase does; read
# as a clause of its own it became one more thing that excludes.
_EXCEPTION_LEAD = re.compile(
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


def _pointed_exceptions(clauses: list[str]) -> list[str]:
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
        if not _EXCEPTION_LEAD.match(out[k + 1]) and not WIDENING_CLAUSE.search(out[k + 1]) and not _STATED_EXCLUSION.search(out[k + 1]):
            out[k + 1] = "Exceptions: " + out[k + 1]
    return out


# A clause that states its own verdict ("Patients with a history of GI perforation within 12
# months are not eligible", "Pregnant women are excluded from this study because ..."): what it
# names excludes, in whichever section the registry put it. Read as a description of the
# patient, an inclusion line required the very thing it excludes. The verdict and its rationale
# ("because ...", "since ...", "due to ...") are blanked; a condition after it ("if ...", "unless ...") stays.
_STATED_EXCLUSION = re.compile(
    r"(?:\b(?:is|are|will\s+be|shall\s+be|should\s+be|must\s+be|would\s+be|to\s+be)\s+(?:also\s+)?(?:not\s+eligible|ineligible|excluded)"
    r"|(?:\b(?:is|are|will\s+be|shall\s+be)\s+)?\b(?:not\s+(?:allowed|permitted)|prohibited|forbidden))"
    r"(?:\s+(?:from|in|for)\s+(?:the|this)\s+(?:study|trial|protocol))?(?:\s*,?\s*\b(?:because|since|due\s+to)\b[^;]*)?"
    r"(?=\s*(?:$|[^\w\s(]|(?:,\s*)?(?:if|unless|except|when|other\s+than|with\s+the\s+exception)\b))",
    I,
)


# a bare "excluded" closing a bracket ("(NYHA III-IV excluded)"); in an inclusion only, where it
# names whom the line keeps out (an exclusion's "(alopecia and fatigue excluded)" excepts them)
_BARE_EXCLUDED = re.compile(r"(?<=[\w)])\s+excluded(?=\s*\))", I)


def _bracketed_exclusion(text: str, stated: re.Match[str]) -> tuple[int, int] | None:
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


def _narrows_a_history(excluded: Expr | None, before: str) -> bool:
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
_EXCLUDED_IF = re.compile(
    r"^(?P<neg>\W*(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+)??(?i:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:(?:will|shall|would)\s+be|are|is)\s+"
    r"(?:excluded|not\s+eligible|ineligible)\s+(?:from\s+(?:the\s+)?(?:study|trial)\s+)?(?:if|when|who)\s+(?:they\s+(?:have|has|are|had)\s+|their\s+|he\s+or\s+she\s+(?:has|is)\s+)?))",
)
_NO_ALLOWED = re.compile(r"^\W*(?P<neg>no)\b(?=[^.;]*?(?P<allowed>\b(?:is|are)?\s*(?:allowed|permitted)\b))", I)
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
    r"(?![^.;]*\bfor\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|≥\s*|more\s+than\s+|>\s*)\d)",
    I,
)


# a sentence stating what the patient must be or have ("The patient must have recovered from ...",
# "Patients must be off treatment for ..."), never its negation
_REQUIREMENT = re.compile(
    r"^\W*(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:must|should|shall)\s+(?!not\b)(?:also\s+)?(?:have|be)\b(?!\s+(?:excluded|ineligible|not\b))", I
)


_MEETS_LIST = re.compile(r"\b(?:meets?|meeting|satisf\w+|fulfil\w*)\s*$", I)
_DISEASE_LEAD_WORDS = frozenset({"meets", "meet", "meeting", "satisfies", "satisfying", "fulfils", "fulfills", "fulfilling", "primary", "secondary"})


def _names_disease(lead: str, expr: Expr) -> bool:
    """Whether a lead that meets a list ("Acute myeloid leukemia meeting", "Histologically confirmed
    NSCLC, meeting") names a cancer (a leukaemia, a solid tumour) and nothing more: a qualifier
    the reading drops ("Accelerated phase CML", "Low-grade lymphoma", "CLL or SLL") or a negation
    ("No multiple myeloma") leaves the lead unread, as before."""
    if not _MEETS_LIST.search(lead.rstrip(" ,")) or NEGATED.match(lead):
        return False
    named = list(predicates(expr))
    if not named or not all(p.op is Op.PRESENT and (p.concept in HEMATOLOGIC_DISEASES or p.concept == "solid_tumor" or "solid_tumor" in ancestors(p.concept)) for p in named):
        return False
    items = [it for it in extract(lead, CriterionType.INCLUSION) if it.expr is not None]
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(lead))
    return all(word.lower() in _DISEASE_LEAD_WORDS for word in content_words(blank_remarks(masked)))


def _as_rule(clause: str) -> str:
    lead = _EXCLUDED_IF.match(clause)
    if lead:
        clause = " " * lead.end("neg") + clause[lead.end("neg"):]
    m = _MUST_NOT.match(clause)
    if m:
        return clause[: m.start("neg")] + " " * (m.end("neg") - m.start("neg")) + clause[m.end("neg"):]
    m = _NO_ALLOWED.match(clause)
    if m:
        a, b = m.start("allowed"), m.end("allowed")
        return clause[: m.start("neg")] + "  " + clause[m.end("neg"): a] + " " * (b - a) + clause[b:]
    m = _NO_LEAD.match(clause)
    if m:
        group = "neg" if m.group("neg") else "not"
        return clause[: m.start(group)] + " " * (m.end(group) - m.start(group)) + clause[m.end(group):]
    return clause


_WILLING = re.compile(
    r"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:\w+\s+){0,4}?)?(?:(?:must|should|shall)\s+be\s+|is\s+|are\s+)?"
    r"(?:(?:able\s+and\s+)?willing(?:\s+and\s+able)?|agree[sd]?|consent(?:s|ed)?)\s+to\b",
    I,
)
_CONDITION = re.compile(
    r"^\W*(?:if|when|for|in)\s+(?:(?:patients?|subjects?|participants?|those)\s+)?(?:who\s+)?(?:(?:have|has|had)\s+)?(?:previously\s+)?"
    r"(?:received|undergone|underwent|had|with|a\s+history\s+of)?\s*(?P<cond>[^,:;]{3,80}?)"
    # the condition closed by a comma, or by the subject restated ("For patients with refractory
    # disease they must be at least 4 weeks out from ...")
    r"(?:\s*[,:]|(?=\s+(?:they|he\s+or\s+she|these\s+patients)\s+(?:must|should|shall|need\s+to|are\s+required\s+to)\b))\s*(?P<req>[^\n]+)$",
    I,
)


# "Absence of renal failure attributed to the plasma cell disorder: creatinine clearance > 30
# mL/min", the myeloma CRAB wording: the limits after the colon are what the absence means (a
# value inside them is no such failure), so they are the line's requirement. Read as a negated
# condition, the limits were negated with it, and the line was left to a person.
_ABSENCE_DEFINED = re.compile(
    r"^\W*(?:absence|lack)\s+of\s+[^:;\d<>≤≥]{3,80}?\s+(?:attributed|attributable|due|related|secondary)\s+to\s+[^:;\d<>≤≥]{2,80}?[\s*()]*:\s*(?P<req>[^:;]+)$",
    I,
)


# a sentence saying whose doses count towards the trial's dose finding ("Those aged 12 years or
# older may be counted towards the MTD in the Phase I portion"): read as a requirement, its age
# failed every child the line before it declared eligible ("All ages are eligible")
# ... or what does not count towards a limit the line before sets ("Prior low-dose azacitidine, growth
# factors ... for treatment of preceding MDS/MPD do not count as prior induction/reinduction
# therapy"; 10 corpus lines say "do/does not count"): read as a requirement, every patient without
# a growth factor failed. A line that is nothing else is left to its reader
# ... or which events count towards a status the line defines ("Hemoglobin levels within 7 days
# prior to administration of an RBC transfusion must be <= 9.0 g/dL in order for the transfusion to
# be counted towards RBC transfusion-dependent status. RBC transfusions administered when
# hemoglobin levels were > 9.0 g/dL ... will not qualify as a required transfusion"): read as a
# requirement, its haemoglobin failed every anaemic patient with MDS the trial is for
_COUNTED = re.compile(
    r"\b(?:may|will|can|shall)\s+(?:also\s+|only\s+)?be\s+counted\s+(?:towards?|in|for)\b|\b(?:do|does|will)\s+not\s+count\s+(?:as|towards?|in|against|for)\b"
    r"|\bwill\s+not\s+qualify\s+as\b|\bin\s+order\s+for\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+to\s+be\s+counted\b",
    I,
)


_NEGATOR = re.compile(r"\b(?:no|not|non|without|never|none)\b", I)
_SINCE = re.compile(r"(?:≥|>|at\s+least)\s*(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:since|from|after|post|following)\b", I)


# "Patients with AML or ALL must have >= 5% blasts": what the patients named must meet
# ... or what is to be done for them ("Patients with active HBV viral replication should receive
# antiviral therapy", "Patients with neurological symptoms must undergo a head CT", "Patients with
# prostate cancer must continue androgen deprivation"): read as a plain clause, the condition was
# asked of every patient (a patient without hepatitis B failed the line); the plan stays a review
# for the patients named
# ... the patients named by a list ("Patients with mantle cell lymphoma, CLL, or SLL must be on
# non-CYP3A4 modulating antiretroviral agents"), and what they must not do ("Patients with a known
# history of HIV must not be on active treatment for HIV", "Participants with solid tumors must not
# have received myelosuppressive chemotherapy within 3 weeks"): read as plain clauses, the first
# line asked every patient for a mantle cell lymphoma and the others for HIV or a solid tumour
_SUBJECT_MUST = re.compile(
    r"^\W*(?:(?:patients?|subjects?|participants?|those)\s+with\s+)(?P<cond>(?:[^,:;.]|(?<=\d)\.(?=\d)){2,80}?(?:,[^,:;.]{2,60}?){0,4})\s+"
    r"(?:must|should|shall|will\s+need\s+to|need\s+to|are\s+required\s+to)\s+(?P<req>(?:not\s+)?(?:have|be(?!\s+(?:excluded|included|enrolled|eligible|ineligible|allowed|permitted|considered)\b)|show|demonstrate|meet|present\s+with|receive|undergo|continue)\b[^\n]+)$",
    I,
)


# ... or named after what they have ("Philadelphia chromosome-positive ALL patients must have failed
# or be intolerant to at least 2 tyrosine kinase inhibitors"): read as a plain clause, the condition
# was asked of every patient (a Ph-negative ALL failed the line)
_COND_WORD = r"(?!(?:since|after|before|the|an?|and|(?-i:all|All)|any|each|every|these|those|such|other|elapsed|have|has|had|must|least|eligible|candidates?|suitable|fit|unfit|who|with)\b)[A-Za-z][\w+/-]*"
_NAMED_SUBJECT_MUST = re.compile(
    rf"^\W*(?P<cond>(?:{_COND_WORD}\s+){{0,5}}{_COND_WORD})\s+(?:patients|subjects|participants)\s+"
    r"(?:must|should|shall|will\s+need\s+to|need\s+to|are\s+required\s+to)\s+(?P<req>(?:have|be(?!\s+(?:excluded|included|enrolled|eligible|ineligible|allowed|permitted|considered)\b)|show|demonstrate|meet|present\s+with|receive|undergo|continue)\b[^\n]+)$",
    I,
)
_SUBJECTS_MUST = (_SUBJECT_MUST, _NAMED_SUBJECT_MUST)


# "Uncontrolled brain metastases, including patients who continue to require glucocorticoids for
# them", "..., including any patients known to be HIV positive": an exclusion's further group of
# patients, excluded as well, never a further condition of the head (read as one, a patient with
# uncontrolled metastases off steroids was not excluded). Split off as a clause of its own.
_SUBGROUP = re.compile(r",\s*including\s+(?:all\s+|any\s+)?(?=(?:patients?|subjects?|participants?|persons?)\b)", I)


_UPPER_OR = re.compile(r"\s+OR\s+")  # the registry's capital OR, between whole alternatives


def _counted_list(text: str, ctype: CriterionType) -> Expr | None:
    """"At least 2 of the following adverse prognostic factors: Age >= 70 years; or AHD; or ECOG
    performance status of 2; or ...": the count of the items the line writes out (``counted``).
    Cut at its semicolons as clauses, every factor was asked at once (a patient of 75 with an AHD
    and ECOG 0 failed it). Words before the count that read as a requirement stay beside it; an
    item nothing reads stays a review, one of the alternatives counted."""
    found = listed(text)
    if found is None:
        return None
    lead, asked, items = found
    read = [_to_expr(item, ctype) for item in items]
    count = counted(asked, [Alternative(e.reason, e.text or item) if isinstance(e, Review) else e for e, item in zip(read, items, strict=True)])
    if count is None:
        return None
    return all_of([_to_expr(lead, ctype), count]) if content_words(lead) else count


def _top_level_or(text: str) -> list[str]:
    """The alternatives a line lists with a capital "OR" outside brackets (the splitter keeps
    bullets joined by "OR" as one line): each is read as a line of its own."""
    cuts = _or_cuts(text)
    if not cuts or _semicolon_items(text, cuts):
        return []  # "...; ALT <= 2.5 x ULN; creatinine <= 1.5 x ULN OR creatinine clearance >= 50 mL/min; and ..." (the OR is one item's)
    parts = _pieces(text, cuts)
    return parts if len(parts) > 1 and all(content_words(p) for p in parts) else []


def _or_cuts(text: str) -> list[tuple[int, int]]:
    """Where the capital "OR"s outside brackets stand."""
    if " OR " not in text:
        return []
    cuts, depth, last = [], 0, 0
    for m in _UPPER_OR.finditer(text):
        depth += text.count("(", last, m.start()) - text.count(")", last, m.start())
        last = m.start()
        if depth <= 0:
            cuts.append((m.start(), m.end()))
    return cuts


def _or_in_items(text: str) -> str:
    """The text with a capital "OR" inside one item of a semicolon list written as the item's own
    "or" (``_semicolon_items``), read where the item is read."""
    cuts = _or_cuts(text)
    if not cuts or not _semicolon_items(text, cuts):
        return text
    return _UPPER_OR.sub(" or ", text)


def _semicolon_items(text: str, cuts: list[tuple[int, int]]) -> bool:
    """Whether a capital "OR" stands inside one item of a semicolon list, not at a semicolon
    ("...; ALT <= 2.5 x ULN; creatinine <= 1.5 x ULN OR creatinine clearance >= 50 mL/min; and
    ..."). Cut at the OR, the items before it became one alternative and those after it another,
    so a patient meeting the creatinine clearance alone met the platelets, bilirubin and ALT of
    the whole list (NCT02929498)."""
    depth, semis = 0, []
    for i, ch in enumerate(text):
        depth = depth + 1 if ch in "([" else max(depth - 1, 0) if ch in ")]" else depth
        if ch == ";" and depth == 0:
            semis.append(i)
    # a list: items after a lead ("defined by: ...; ...") or three items at least. One semicolon
    # after "A OR B" is a sentence after the alternatives ("Measurable disease with any PSA OR
    # non-measurable disease with PSA >= 5 ng/ml; patients with ... are not eligible")
    if not semis or (len(semis) < 2 and ":" not in text[: semis[0]]):
        return False
    # every OR at a semicolon ("...; OR ...") joins whole items, as the plain list of alternatives does
    return any(not any(0 <= a - s <= 3 for s in semis) for a, _ in cuts)


# "Subjects must have failed hypomethylating treatment where "failure" is defined as: Progression
# ... OR Failure to achieve ... OR Relapse ...": the alternatives define the lead's word, the lead
# itself is asked of everyone (read as the first alternative's words, the whole line was reviews
# and a patient never given a hypomethylating agent was eligible: holdout T142)
_DEFINED_AS = re.compile(r"\s*,?\s*(?:(?:where|in\s+which|with)\s+\W*[\w-]+(?:\s+[\w-]+)?\W*\s+)?(?:is|are)\s+defined\s+as\s*:\s*", I)


def _defined_lead(first: str, ctype: CriterionType) -> tuple[Expr | None, str]:
    """(what the lead before a definition asks, the first alternative without it); a lead that is a
    disease status ("Refractory disease is defined as: ...") is what the list defines, not asked
    beside it (``names_status``), and one nothing reads adds nothing."""
    m = _DEFINED_AS.search(first)
    if m is None or m.start() == 0 or not first[m.end():].strip():
        return None, first
    lead = _to_expr(first[: m.start()], ctype)
    if isinstance(lead, Review) or names_status(lead):
        return None, first
    return lead, first[m.end():]


def _pieces(text: str, cuts: list[tuple[int, int]]) -> list[str]:
    """The text between the cuts (each cut's words dropped), trimmed of joining punctuation."""
    parts, start = [], 0
    for a, b in cuts:
        parts.append(text[start:a])
        start = b
    parts.append(text[start:])
    return [p.strip(" ,;.") for p in parts]


def _semicolon_or(text: str) -> list[str]:
    """An inclusion whose every top-level semicolon opens an alternative ("... for at least four
    weeks, without evidence of response; or have evidence of progression since anti-androgen
    withdrawal"): each is read as a line of its own. Cut at the semicolons as clauses, they were
    all asked at once. A semicolon without its "or" makes a list of another shape, left as it is."""
    if ";" not in text or _AT_LEAST_N_OF.search(text):
        return []  # "At least 2 of the following: age ≥ 70; or ...; or ECOG 2": a count, no plain alternatives
    # "Patients with AML ... whose disease has relapsed ...; elderly patients (>= 60 years) with
    # AML ... who are not candidates for chemotherapy": each part names a group of patients the
    # trial takes, one or the other (joined, a relapsed patient of 50 was asked to be 60 and unfit)
    groups = bool(_PATIENT_GROUP.match(text)) and not _ELIGIBILITY_WORDS.search(text)
    cuts, parens, brackets, last = [], 0, 0, 0
    for m in re.finditer(";", text):
        for ch in text[last: m.start()]:  # each kind apart, never below 0: an item's "1)" closes nothing
            parens = parens + 1 if ch == "(" else max(parens - 1, 0) if ch == ")" else parens
            brackets = brackets + 1 if ch == "[" else max(brackets - 1, 0) if ch == "]" else brackets
        last = m.start()
        if parens or brackets:
            continue
        joined = _OR_AFTER_SEMICOLON.match(text, m.end()) or (_GROUP_AFTER_SEMICOLON.match(text, m.end()) if groups else None)
        if joined is None:
            return []
        cuts.append((m.start(), joined.end()))
    parts = _pieces(text, cuts)
    return parts if len(parts) > 1 and all(re.search(r"[A-Za-z]{2}", p) for p in parts) else []


_PATIENT_GROUP = re.compile(
    r"^\W*(?:[A-Za-z-]+\s+){0,2}?(?:patients?|subjects?|participants?)\b(?:\s*\([^()]{0,40}\))?\s+(?:with|who|whose|aged)\b", I
)
_GROUP_AFTER_SEMICOLON = re.compile(
    r"\s*(?=(?:[A-Za-z-]+\s+){0,2}?(?:patients?|subjects?|participants?)\b(?:\s*\([^()]{0,40}\))?\s+(?:with|who|whose|aged)\b)", I
)
# a line saying whom it lets in or keeps out ("... are eligible; patients with ... are not"): its
# parts are permissions and exclusions, never a choice of groups
_ELIGIBILITY_WORDS = re.compile(r"\b(?:eligible|ineligible|excluded|allowed|permitted)\b", I)
_AT_LEAST_N_OF = re.compile(r"(?:\bat\s+least|≥)\s*(?:[2-9]|two|three|four)\s+(?:\w+\s+){0,2}?of\b", I)
_OR_AFTER_SEMICOLON = re.compile(r"\s*(?:or|OR)\s+(?!more\b|less\b|greater\b|higher\b|lower\b)")


# a label naming the patients the rest of the line is for ("ALL participants: have isolated
# extramedullary disease", "Lymphoma patients: known CNS involvement", "For relapsed/refractory
# subjects only: ..."): a condition, never a diagnosis asked of everyone
_SCOPE_LABEL = re.compile(
    r"^\W*(?:for\s+)?(?P<cond>[^:;,.()]{2,60}?)\s+(?:participants?|patients?|subjects?|pts)(?:\s+only)?\s*:\s*(?P<req>\S[^\n]*)$",
    I,
)


# a disease status in the condition of a conditional line ("If untreated AML", "For relapsed or
# refractory patients", "If newly diagnosed"): read with the names it qualifies
_CONDITION_STATUS = re.compile(
    r"\b(?:(?:previously\s+)?untreated|treatment[\s-]na[iï]ve|newly\s+diagnosed|de\s+novo|relapsed|refractory|recurrent"
    r"|in\s+(?:first\s+|second\s+|complete\s+)?remission)\b",
    I,
)


def _conditional(text: str, ctype: CriterionType) -> Expr | None:
    """"If prior transplant, at least 100 days since it": the requirement concerns only the
    patients the condition names; for everyone else the line holds (inclusion) or does not
    apply (exclusion). Read only when the condition is a history the record can show."""
    permitted = permitted_subject(text, ctype) or drug_condition(text, ctype)
    if permitted is not None:
        return permitted
    # (a line in capitals writes "ALL PATIENTS" for every patient)
    named = _NAMED_SUBJECT_MUST.match(text) if not text.isupper() else None
    m = _CONDITION.match(text) or _SUBJECT_MUST.match(text) or named or _SCOPE_LABEL.match(text)
    if m is None:
        return None
    if m.re in _SUBJECTS_MUST and re.search(r"\band$", m.group("cond").rstrip(), I):
        # "Patients with histologic proof of adenocarcinoma of the prostate and must have
        # progressed ...": the subject running on, both asked (read as a condition, a patient
        # without the cancer met the line once its proof words were read as no condition)
        return None
    # the names are read alone and in the whole line, where an abbreviation has its context
    # ("AML or ALL"): the reading that finds more of them is kept, its offsets in the line
    a, b = m.span("cond")
    alone = [Item(it.start + a, it.end + a, it.expr, it.concepts) for it in extract(m.group("cond"), ctype)]
    whole = [it for it in extract(text, ctype) if a <= it.start and it.end <= b]
    if m.re in _SUBJECTS_MUST and ctype is CriterionType.INCLUSION and not alone:
        # "Patients with brain metastases must ...": "with" states the condition is present, as
        # an exclusion states what it names (an inclusion reads an unqualified event as named only)
        alone = [Item(it.start + a, it.end + a, it.expr, it.concepts) for it in extract(m.group("cond"), CriterionType.EXCLUSION)]
    items = [it for it in max(alone, whole, key=len) if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT]
    # (a positive marker naming the disease's kind, "Ph+ ALL", narrows it: both, not either)
    markers = [it for it in max(alone, whole, key=len) if isinstance(it.expr, Predicate) and it.expr.op is Op.IS and it.expr.value == "positive"]
    if _NEGATOR.search(text, 0, m.end("cond")):  # "For patients without metastasis": the condition is an absence, not read here
        return None
    if not items:
        return _measured_scope(m, ctype) or _if_unread(m, ctype, whole)
    unread = bool(content_words(blank_remarks(m.group("cond")))) and len(content_words(m.group("cond"))) > 4
    if m.re in _SUBJECTS_MUST and not unread:  # the patients it names must be named whole ("untreated brain metastases" is not a history)
        masked = "".join(" " if any(it.start <= i < it.end for it in items + markers) else ch for i, ch in enumerate(text[a:b], start=a))
        unread = bool(content_words(blank_remarks(masked)))
    if unread:
        return _unread_condition(m, ctype, [it.expr for it in items])
    condition = any_of([it.expr for it in items])  # type: ignore[misc]
    if _CONDITION_STATUS.search(m.group("cond")):
        # "If untreated AML, ...", "If relapsed AML, ...": the status is part of whom the line is
        # for. Read as its names alone, "untreated" was dropped (a relapsed AML had to be over 60)
        # and "relapsed" became an alternative of "AML" (an untreated AML was asked too)
        status_read = _to_expr(m.group("cond"), CriterionType.INCLUSION)
        if not _has_review(status_read) and any(True for _ in iter_predicates(status_read)):
            condition = status_read
    if markers:
        condition = all_of([any_of([it.expr for it in markers]), condition])  # type: ignore[misc]
    requirement = _to_expr(m.group("req"), ctype)
    since = _SINCE.search(m.group("req"))
    if isinstance(requirement, Review) and since and len(items) == 1 and m.re is not _SCOPE_LABEL:  # "at least 100 days since transplant"
        # ("at least" and "≥" meet the bound itself, "more than" does not: Window.exclusive)
        window = Window(float(since.group("n")), since.group("unit").lower().rstrip("s") + "s", exclusive=not since.group(0).startswith(">"))
        requirement = predicate(items[0].expr.concept, Op.NOT_WITHIN, None, None, False, window)  # type: ignore[union-attr]
    if isinstance(requirement, Review):
        requirement = Alternative(requirement.reason, requirement.text or m.group("req"))
    if ctype is CriterionType.INCLUSION:
        return any_of([Not(condition), requirement])
    return all_of([condition, requirement])


def _scoped_sentence(clause_text: str, ctype: CriterionType) -> Expr | None:
    """A later sentence of an inclusion written for some of its patients ("Histologically
    confirmed lymphoma. Patients with solid tumors must have at least 1 lesion measurable by CT",
    "... No prior intensive chemotherapy. Patients with blasts < 5% must have an indication for
    therapy"; 71 corpus lines put "patients with X must ..." after a sentence of their own): read
    as the line's first sentence is (``_conditional``), so it asks nothing of a patient without X.
    Read as a plain clause, X became something every patient must have (a lymphoma failed the
    solid tumours' sentence)."""
    if ctype is not CriterionType.INCLUSION or not _SUBJECT_MUST.match(clause_text):
        return None
    return _conditional(clause_text, ctype)


# a condition that is a measurement past a bound ("If GFR < 60 mL/min, isotope EDTA confirmation of
# adequate renal function is required", "If the serum creatinine is >= 1.5 x ULN, then a 24-hour
# creatinine clearance must be ... >= 50 mL/min", "Patients with a UPC ratio > 1.0 must have a
# 24-hour urine protein < 1,000 mg"): read as a plain clause, the bound became something every
# patient must meet (a normal creatinine failed the line, and "glucose > 160 and glucose <= 160"
# failed everyone). Only the comparison words open it, so a line that compares nothing is untouched
_COMPARES = re.compile(r"[<>≤≥]|\b(?:less|greater|more|higher|lower)\s+than\b|\b(?:above|below|exceed(?:s|ing)?)\b", I)
_MEASURE_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN})
_THEN = re.compile(r"^\W*then\b\s*", I)


def _measured_scope(m: re.Match[str], ctype: CriterionType) -> Expr | None:
    """"If <measurement past a bound>, <requirement>": the requirement concerns only the patients
    whose value is past the bound; for everyone else the inclusion holds and the exclusion does not
    apply. Read only where the condition is nothing but measurements, each read whole."""
    if m.re is not _CONDITION and m.re is not _SUBJECT_MUST or not _COMPARES.search(m.group("cond")) or LEAD_IN.search(m.group("req")):
        return None  # (a lead-in's list is the requirement: "... must meet >= 1 of the following criteria:", left to the heading)
    cond = m.group("cond")
    items = extract(cond, CriterionType.INCLUSION)
    # (a bound's own alternative, "UPC ratio > 1.0 ... unless a 24-hour urine collection ...",
    # speaks of the bound as a requirement; as a condition the value alone says whom it concerns)
    found = [p for it in items for p in ([it.expr] if isinstance(it.expr, Predicate) else it.expr.parts if isinstance(it.expr, Any_) else [None]) if not isinstance(p, Alternative)]
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if not found or content_words(blank_remarks(masked)) or not all(_measured(p) for p in found):
        return None
    condition = any_of(found)  # type: ignore[arg-type]
    asked = _THEN.sub("", m.group("req"))
    requirement = _to_expr(asked, ctype)
    if isinstance(requirement, Review):
        if ctype is CriterionType.EXCLUSION:
            return None  # "If the LVEF < 40, patients will be excluded": the condition is what excludes
        requirement = Alternative(requirement.reason, requirement.text or asked)
    if ctype is CriterionType.INCLUSION:
        return any_of([Not(condition), requirement])
    return all_of([condition, requirement])


# "If liver cirrhosis is present, patient must have a Child-Pugh A classification", "If the patient
# has co-morbid medical illness, life expectancy attributed to this must be greater than 6 months":
# an "if" that names nothing a record holds
_IF = re.compile(r"^\W*if\b", I)
_ANY_PATIENT = re.compile(r"(?:(?:a|an|the)\s+)?(?:subject|patient|participant|case)s?", I)
# ... but never one about the patient's sex or childbearing (the sex scope reads those)
_SEXED = re.compile(r"\b(?:fe)?males?\b|\bwom[ae]n\b|\bmen\b|child-?\s?bearing|reproductive|partners?\b|pregnan|lactat|nursing|donors?\b", I)


def _if_unread(m: re.Match[str], ctype: CriterionType, named: list[Item]) -> Expr | None:
    """"If <words no record holds>, <requirement>": whether the requirement concerns the patient
    is a person's; where it is met the inclusion holds either way. Read as a plain clause, the
    requirement was asked of every patient (a patient without cirrhosis and no Child-Pugh score
    was unknown, one with a class B score from another cause failed). A requirement nothing reads
    stays as it was, and so does an "if" that names only the patient ("If a subject, ...", in a
    study whose controls are siblings: every record matched is a subject)."""
    if ctype is not CriterionType.INCLUSION or m.re is not _CONDITION or not _IF.match(m.string) or named or _SEXED.search(m.group("cond")):
        return None
    if _ANY_PATIENT.fullmatch(m.group("cond").strip()):
        return None  # "If a subject, <requirement>" (a study with sibling controls): every record matched is one
    requirement = _to_expr(m.group("req"), ctype)
    if isinstance(requirement, Review):
        return None
    cond = " ".join(m.group("cond").split())
    return any_of([Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients if {cond}"), requirement])


def _measured(expr: Expr | None) -> bool:
    return isinstance(expr, Predicate) and expr.op in _MEASURE_OPS and CONCEPTS[expr.concept].kind is Kind.MEASUREMENT


# the patients a requirement is for, written after it ("Hematologic function for subjects with CLL
# and CML demonstrated by hemoglobin > 9 g/dL, ...", "Measurable disease (for patients with CML or
# ALL)", "... 60 years or older for patients with previously untreated AML"): where it ends the
# line, closes a bracket or comes before how the requirement is shown
_TRAILING_SCOPE = re.compile(
    r"\(?\s*\b(?:for|in)\s+(?:patients?|subjects?|participants?)\s+with\s+(?P<cond>(?:[^,:;.()]|(?<=\d)\.(?=\d)){2,60}?)(?:\s+only)?"
    r"\s*(?:\)|(?=\s+(?:as\s+)?(?:demonstrated|evidenced|defined|shown)\s+by\b)|(?=\s*[.;]?\s*$))",
    I,
)


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# what may stand between the diagnoses a scope names ("CLL and CML", "solid tumors or NHL"); any
# other word relates them ("AML after MDS") or qualifies them ("stable GBM")
_SCOPE_JOINERS = re.compile(r"(?:\s|,|/|\(|\)|['’]s\b|\b(?:and|or|known|documented|confirmed|a|an|the)\b)*")
_SCOPE_EXCEPTED = re.compile(r"\b(?:except|unless|other\s+than|excluding|but)\s*\(?\s*$", I)
_ANY_SCOPE = re.compile(r"\b(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|without)\b", I)
# a bound just before the scope ("< 5X the ULN for patients ...", "6 weeks for patients ...", "(Upper limit for normal) for ...")
_BOUND_BEFORE = re.compile(
    r"(?:\d\s*(?:%|x|×)?|\b(?:ULN|IULN|normal|mg/dl|µL|uL|mm3|mL/min|m\^?2|weeks?|days?|months?|years?|g/dL|g/L))\s*\)?\s*,?\s*\(?\s*$", I,
)


def _trailing_scope(text: str, ctype: CriterionType) -> Expr | None:
    """A scope written after the requirement it scopes: the requirement concerns only the
    patients it names, as a leading one does (``_conditional``). Read as a clause, the scope was
    asked of every patient: "CLL and CML and hemoglobin > 9 ..." failed every patient with AML,
    and an exclusion's "... in patients with AML" excluded every patient with AML. Behind a
    semicolon it scopes that clause only ("20 to 74 years; 60 years or older for patients with
    previously untreated AML"). A condition no record decides leaves an inclusion's scoped part
    to a person (never failed); an exclusion's is left as it was read."""
    m = _TRAILING_SCOPE.search(text)
    if m is None or not text[: m.start()].strip(" ,;(") or _NEGATOR.search(text, m.start(), m.end("cond")):
        return None
    if text.count("(", 0, m.start()) != text.count(")", 0, m.start()):
        return None  # "AST <= 2.5 x ULN (<= 5 x ULN for patients with liver metastases)": the bracket's own bound is scoped, not the line
    if _SCOPE_EXCEPTED.search(text, 0, m.start()) or len(_ANY_SCOPE.findall(text)) > 1 or _BOUND_BEFORE.search(text, 0, m.start()):
        # "except in patients with ...", "<= 2.5 x ULN in subjects with no liver metastasis and <= 5 x ULN in participants with
        # liver metastasis", "Alkaline phosphatase < 3X the ULN ... < 5X the ULN for patients with hepatic metastases": an
        # exception, or a looser bound for some patients beside the bound for all, never a scope of the whole line
        return None
    head, cut = "", text.rfind(";", 0, m.start())
    if cut >= 0 and ctype is CriterionType.INCLUSION and text[:cut].count("(") == text[:cut].count(")"):
        head = text[:cut]
    req_text = (text[cut + 1 if head else 0: m.start()] + " " + text[m.end():]).strip(" ,;.")
    unbracketed = _BRACKETED.sub(" ", _BRACKETED.sub(" ", req_text))  # an example list's "or" is no alternative
    if not content_words(req_text):
        return None
    requirement = _to_expr(req_text, ctype)
    if _complement_scope(requirement, m.group("cond"), ctype):
        # "creatinine < 2.5 mg/dl or a creatinine clearance > 30 mL/min for patients with
        # creatinine levels above 2.5 mg/dl": whom the clearance is asked of is the patient the
        # first alternative failed, so the scope asks nothing the "or" does not (read as a third
        # alternative, "creatinine > 2.5", every patient met the line)
        return requirement
    if re.search(r"\bor\b(?!\s+(?:older|younger|more|less|greater|above|below|over|under|higher|lower|fewer|equal)\b)", unbracketed, I) and (
        len({p.concept for p in iter_predicates(requirement)}) != 1
    ):
        # "A or B for patients with C": whether C scopes B alone or both is not said; one subject
        # spelt two ways ("Measurable or evaluable disease (for patients with solid tumors)") is
        # one requirement, which the scope concerns whole (joined with AND, every leukaemia failed)
        return None
    if isinstance(requirement, Review) or _has_review(requirement) and ctype is CriterionType.EXCLUSION:
        return None
    cond = m.group("cond")
    items = [it for it in extract(cond, CriterionType.EXCLUSION) if isinstance(it.expr, Predicate) and it.expr.op is Op.PRESENT]
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    condition: Expr | None = any_of([it.expr for it in items]) if items and _SCOPE_JOINERS.fullmatch(masked) else None  # type: ignore[misc]
    if condition is None:
        whole = _to_expr(cond, CriterionType.INCLUSION)
        condition = whole if any(True for _ in iter_predicates(whole)) and not _has_review(whole) else None
    if condition is None:
        return None  # patients named in words no record holds: left as read before
    if ctype is CriterionType.EXCLUSION:
        return all_of([condition, requirement])
    scoped = any_of([Not(condition), requirement])
    return all_of([_to_expr(head, ctype), scoped]) if head else scoped


_UPPER = frozenset({Op.LT, Op.LTE})
_LOWER = frozenset({Op.GT, Op.GTE})


def _complement_scope(requirement: Expr, cond: str, ctype: CriterionType) -> bool:
    """Whether an inclusion's scope names the patients one of its alternatives leaves out: a
    measurement above the very bound an alternative sets below ("creatinine < 2.5 ... or ... for
    patients with creatinine above 2.5")."""
    if ctype is not CriterionType.INCLUSION or not isinstance(requirement, (Any_, All)):
        return False
    scope = _to_expr(cond, CriterionType.INCLUSION)
    if not isinstance(scope, Predicate) or scope.op not in _LOWER or scope.value is None:
        return False
    alternatives = requirement.parts if isinstance(requirement, Any_) else [p for p in requirement.parts if isinstance(p, Any_) for p in p.parts]
    return any(
        isinstance(p, Predicate) and p.concept == scope.concept and p.op in _UPPER and p.value == scope.value and p.unit == scope.unit
        for p in alternatives
    )


# the words that make a bare "< N years" the patient's age rather than how long something lasted
_AGE_WORD = re.compile(r"\b(?:ages?|aged|old|older|younger|birthdays?|infants?|child(?:ren)?|adults?|adolescents?)\b", re.I)


# Scopes by the disease's status: "For patients with newly diagnosed disease: diagnosis of ... ;
# for patients with relapsed/refractory disease: prior diagnosis of ...", "Patients with previously
# untreated AML are candidates if they are unable to receive anthracyclines, and ...". Each part
# concerns only the patients its status names (a newly diagnosed one is outside the relapsed
# part); read whole, every part was asked of every patient at once, relapsed and untreated, and
# the line failed everyone. The status may be compound ("previously untreated": no anticancer
# therapy, not relapsed, not refractory); a scope with any other word is left to the readers below.
_STATUS_SCOPE = re.compile(
    r"^\W*(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|who\s+(?:have|has|had|are)|having)\s+(?P<cond>[^:;,]{2,80}?)\s*:\s*(?P<req>\S.*)$", I | re.S
)
_CANDIDATES_IF = re.compile(
    r"^\W*(?:patients?|subjects?|participants?)\s+(?:with|who\s+(?:have|has|had|are))\s+(?P<cond>[^:;,]{2,80}?)\s+(?:are|is|will\s+be|may\s+be)\s+(?:also\s+)?(?:candidates?|eligible)\s+"
    r"(?:(?:for|to\s+enter|to\s+enrol+\s+(?:in|on))\s+(?:this\s+|the\s+)?(?:study|trial|protocol)\s+)?(?:if|when|provided(?:\s+that)?)\s+(?P<req>\S.*)$",
    I | re.S,
)
_SCOPE_CUT = re.compile(r"\s*;\s*(?=(?:for|in)\s+(?:patients?|subjects?|participants?)\s+(?:with|who|having)\b[^:;]{2,80}:)", I)
_STATUS_CONCEPTS = frozenset({"relapsed", "refractory", "remission"})
_SCOPE_WORDS = frozenset({"disease", "diseases", "previously", "newly", "primary", "prior"})


def _status_scope(cond: str) -> Expr | None:
    """The disease status a scope names ("newly diagnosed disease", "relapsed/refractory
    disease", "previously untreated AML"), or None when it names anything else."""
    items = [it for it in extract(cond, CriterionType.EXCLUSION) if it.expr is not None]
    if not items or _NEGATOR.search(cond) or not _STATUS_CONCEPTS & {p.concept for it in items for p in iter_predicates(it.expr)}:  # type: ignore[arg-type]
        return None
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(cond))
    if set(w.lower() for w in content_words(blank_remarks(masked))) - _SCOPE_WORDS:
        return None
    return all_of([it.expr for it in items])  # type: ignore[misc]


def _status_scopes(text: str, ctype: CriterionType) -> Expr | None:
    """Each part of a line scoped by a disease status asks its requirement of its patients only:
    an inclusion's part holds for everyone else (``any of: not <status>, <requirement>``), an
    exclusion's excludes only them."""
    parts = _SCOPE_CUT.split(text)
    read: list[Expr] = []
    for part in parts:
        m = _STATUS_SCOPE.match(part) or (_CANDIDATES_IF.match(part) if len(parts) == 1 and ctype is CriterionType.INCLUSION else None)
        scope = _status_scope(m.group("cond")) if m is not None else None
        if m is None or scope is None:
            return None
        requirement = _to_expr(m.group("req"), ctype)
        if isinstance(requirement, Review):
            requirement = Alternative(requirement.reason, requirement.text or m.group("req").strip())
        read.append(any_of([Not(scope), requirement]) if ctype is CriterionType.INCLUSION else all_of([scope, requirement]))
    return all_of(read) if ctype is CriterionType.INCLUSION else any_of(read)


# "Have a diagnosis of high-risk AML as established by a poor-risk karyotype, adverse risk by ELN
# criteria, a therapy-related AML, age >= 60 or with antecedent hematologic disorder": the list
# after "as established / defined / evidenced by" is the ways the head may hold, a comma list
# closed by "or" (alternatives), and the risk word it defines is no further requirement. Read with
# the inclusion's "and", a patient of 45 failed for want of an age the list offers as one way of many.
_DEFINED_BY_ALTERNATIVES = re.compile(
    r"^(?P<head>[^.;:()]{3,200}?)\s*,?\s+(?:as\s+)?(?:established|defined|evidenced|documented|determined)\s+by\s+(?:either\s+|any\s+of\s+)?"
    r"(?P<list>[^.;:()\[\]]{3,300},[^.;:()\[\]]{2,300}?\bor\b[^.;:()\[\]]{2,200}?)\W*$",
    I,
)
_LIST_CUT = re.compile(r"\s*,\s*(?:or\s+)?|\s+or\s+", I)
_RISK_WORD = re.compile(r"\b(?:high|poor|adverse|unfavou?rable)[\s-]+risk\b\s*", I)


def _defined_by_list(text: str, ctype: CriterionType) -> Expr | None:
    if ctype is not CriterionType.INCLUSION:
        return None  # an exclusion joins a list's items as alternatives already
    m = _DEFINED_BY_ALTERNATIVES.match(text)
    if m is None:
        return None
    ways: list[Expr] = []
    for part in _LIST_CUT.split(m.group("list")):
        if not part.strip():
            continue
        way = _to_expr(part, ctype)
        ways.append(Alternative(way.reason, way.text or part.strip()) if isinstance(way, Review) else way)
    if len(ways) < 3 or all(isinstance(w, Review) for w in ways):
        return None
    head = _to_expr(_RISK_WORD.sub("", m.group("head")), ctype)
    if isinstance(head, Review):
        return None
    return all_of([head, any_of(ways)])


# a requirement for the patients a lab value names ("Note: All patients with a creatinine > 1.2 or a
# history of renal dysfunction must have creatinine clearance (must be > 40 ml/min to be
# eligible)", "patients with a creatinine > 1.2 ... must have calculated GFR > 40"): read as a
# plain clause, the value became a requirement of its own ("creatinine > 1.2 or <unread>"), which
# a patient with creatinine 1.5 met whatever the clearance, and one with 0.9 failed
_LAB_SCOPE = re.compile(
    r"^\W*(?:note\s*:\s*)?(?:all\s+)?(?:patients?|subjects?|participants?|those)\s+with\s+(?:an?\s+)?(?P<cond>[^,:;()]{2,100}?)\s+"
    r"(?:must|should|shall|need\s+to|are\s+required\s+to)\s+(?:have|be|show)\s+(?P<req>[^\n]+)$",
    I,
)
_MUST_BE_BOUND = re.compile(r"\(\s*(?:must|should)\s+be\s+(?P<bound>[<>≤≥][^()]{1,30}?)(?:\s+to\s+be\s+eligible)?\s*\)", I)
_MEASURED_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE})


def _lab_scoped_requirement(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion's requirement for the patients whose lab value the clause names: met by every
    other patient, asked of those (a condition's unread further group, "or a history of renal
    dysfunction", is a person's, beside the value)."""
    m = _LAB_SCOPE.match(text) if ctype is CriterionType.INCLUSION else None
    if m is None:
        return None
    items = [it for it in extract(m.group("cond"), ctype) if it.expr is not None]
    bounds = [it for it in items if isinstance(it.expr, Predicate) and it.expr.op in _MEASURED_OPS and CONCEPTS[it.expr.concept].kind is Kind.MEASUREMENT]
    if not bounds or len(bounds) != len(items):
        return None
    requirement = _to_expr(_MUST_BE_BOUND.sub(lambda b: " " + b.group("bound"), m.group("req")), ctype)
    if isinstance(requirement, Review) or not any(True for _ in iter_predicates(requirement)):
        return None
    cond = m.group("cond")
    masked = "".join(" " if any(it.start <= i < it.end for it in bounds) else ch for i, ch in enumerate(cond))
    rest = " ".join(content_words(blank_remarks(masked)))
    parts: list[Expr] = [it.expr for it in bounds]  # type: ignore[misc]
    if rest:
        parts.append(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns patients with {' '.join(cond.split())}"))
    return any_of([Not(any_of(parts)), requirement])


_SCOPE_BRACKET = re.compile(r"\(\s*(?=(?:all\s+)?(?:patients?|subjects?|participants?)\s+with\b)", I)


def _bracketed_lab_scope(text: str, ctype: CriterionType) -> tuple[Expr, tuple[int, int]] | None:
    """A bracket after the words of a line that scopes a requirement by a lab value ("(patients
    with a creatinine > 1.2 must have GFR > 40)"): its reading and its offsets, else None."""
    m = _SCOPE_BRACKET.search(text)
    if m is None or not text[: m.start()].strip(" ,;:-"):
        return None
    depth, closing = 1, -1
    for k in range(m.end(), min(len(text), m.end() + 300)):
        depth += {"(": 1, ")": -1}.get(text[k], 0)
        if depth == 0:
            closing = k
            break
    if closing < 0:
        return None
    scoped = _lab_scoped_requirement(text[m.end(): closing], ctype)
    return None if scoped is None else (scoped, (m.start(), closing))


# the patients named by alternatives ("with HBV or HCV", "with MCL and patients with CLL"), or a
# subject running on into the requirement ("Patients with histologic proof of adenocarcinoma of the
# prostate and must have progressed"): no one name is something they all have
_PLAN = re.compile(r"(?:receive|undergo|continue)\b", I)
_ALTERNATIVES_NAMED = re.compile(r"\bor\b|\band\b|[/,&]|\bexcept\b|\bunless\b|\bwithout\b|\bother\s+than\b", I)


def _unread_condition(m: re.Match[str], ctype: CriterionType, named: list[Expr]) -> Expr | None:
    """"For patients with ALL and AML who relapse while they are receiving cytotoxic therapy, at
    least 14 days must have elapsed ...": the patients it concerns are named in words no record
    holds, so whether the requirement applies is a person's; where it is met the inclusion holds
    either way. Read as a plain clause, the condition became something every patient must have
    ("ALL and AML and relapsed") and the line failed everyone. An exclusion keeps the old reading."""
    if ctype is not CriterionType.INCLUSION or m.re is _SCOPE_LABEL:
        return None
    requirement = _to_expr(m.group("req"), ctype)
    if isinstance(requirement, Review):
        if m.re is _SUBJECT_MUST and _PLAN.match(m.group("req")) and not _ALTERNATIVES_NAMED.search(m.group("cond")):
            # "Patients with active HBV viral replication should receive antiviral therapy": the
            # patients a "patients with X ..." names all have X, whatever the words around it say,
            # so a patient without X is none of them; for the others what is to be done for them is
            # a person's. Read as a plain clause, X became something every patient must have (a
            # patient without hepatitis B failed the line). A state asked of them ("Patients with
            # untreated brain metastases must have stable disease") is left as it was
            return any_of([Not(any_of(named)), Alternative(requirement.reason, requirement.text or m.group("req"))])  # type: ignore[arg-type]
        # neither whom it concerns nor what it asks is read whole ("Patients with mantle cell
        # lymphoma, CLL, or SLL must be on non-CYP3A4 modulating antiretroviral agents"): both a
        # person's. Read as a plain clause, the names read became something every patient must
        # have (a clean HIV lymphoma record failed the line: holdout NCT02109224); a patient
        # outside them may yet be among the patients meant ("SLL" unread, "suspected"), so the
        # line is not met by them either. The names read stay beside the requirement, so the
        # trial's own disease is still learnt from them ("another malignancy" is told it)
        cond = " ".join(m.group("cond").split())
        if re.search(r"\band$", cond, I):
            return None  # "Patients with histologic proof of adenocarcinoma of the prostate and must have ...": the subject asked, running on
        return any_of([all_of([any_of(named), Qualifier(requirement.reason, requirement.text or m.group("req"))]),  # type: ignore[arg-type]
                       Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients with {cond}")])
    if any(p.concept == "age" for p in iter_predicates(requirement)) and not _AGE_WORD.search(m.group("req")):
        # "... who have received previous therapy 1st remission must have been < 1 year": cut from
        # its subject, a duration read as the patient's age (an infant met the alternative)
        return None
    cond = " ".join(m.group("cond").split())
    return any_of([Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"the requirement concerns only patients {cond}"), requirement])


# a line that also speaks of fathering a child or of men ("women/men of reproductive potential
# unwilling to use contraception") concerns men too
_FATHER = re.compile(r"\bfather(?:s|ing|ed)?\b|\b(?:males?|men)\b", I)


FEMALE_DUTY_SCOPE = Not(FEMALE)


def _nodes_of(expr: Expr) -> list[Expr]:
    if isinstance(expr, (All, Any_)):
        return [expr, *(n for part in expr.parts for n in _nodes_of(part))]
    return [expr, *_nodes_of(expr.part)] if isinstance(expr, Not) else [expr]


# the prior-therapy labels of the COG layout ("Myelosuppressive chemotherapy:", "Radiation therapy
# (RT):", "Stem cell transplant (SCT):", "Growth factors:") opening a line with its washout
_LABELLED_THERAPIES = (
    ("radiotherapy", r"radiation\s+therapy|radiotherapy|XRT|RT"),
    ("hsct", r"(?:hematopoietic\s+|haematopoietic\s+)?stem\s+cell\s+transplant(?:ation)?|SCT|HSCT"),
    ("chemotherapy", r"(?:myelosuppressive\s+)?chemotherapy"),
    ("immunotherapy", r"immunotherapy"),
    ("growth_factor", r"(?:hematopoietic\s+)?growth\s+factors?"),
)
_THERAPY_LABEL = re.compile(
    r"\W*(?P<label>" + "|".join(words for _, words in _LABELLED_THERAPIES) + r")(?:\s*\(\s*[A-Za-z]{2,5}\s*\))?\s*:\s*(?=\S)", re.I
)


# what makes the rest a washout (a time since the therapy, or its absence now), never a request
# for the therapy ("Chemotherapy: at least one prior regimen" stays as written)
_WASHOUT_WORDS = re.compile(r"\b(?:days?|weeks?|months?|elapsed|since|must\s+not|no\s+evidence|discontinued|off\s+all)\b", re.I)


_SIGN = {Op.GT: ">", Op.GTE: ">=", Op.LT: "<", Op.LTE: "<="}


def _age_bounds(part: Expr) -> list[tuple[str, float, bool]]:
    """("low" | "high", years, inclusive) of each age bound in years a part sets: both of a range
    ("Patient 3 to 15 years of age")."""
    if not (isinstance(part, Predicate) and part.concept == "age" and part.unit in ("a", None)):
        return []
    if part.op is Op.BETWEEN and isinstance(part.value, tuple) and all(isinstance(v, (int, float)) for v in part.value):
        return [("low", float(part.value[0]), part.low_inclusive), ("high", float(part.value[1]), part.high_inclusive)]
    if not isinstance(part.value, (int, float)):
        return []
    if part.op in (Op.GT, Op.GTE):
        return [("low", float(part.value), part.op is Op.GTE)]
    if part.op in (Op.LT, Op.LTE):
        return [("high", float(part.value), part.op is Op.LTE)]
    return []


def _age_words(p: Expr) -> str:
    if isinstance(p, Predicate) and p.op is Op.BETWEEN and isinstance(p.value, tuple):
        return f"age {p.value[0]:g} to {p.value[1]:g}"
    if isinstance(p, Predicate) and p.op in _SIGN and isinstance(p.value, (int, float)):
        return f"age {_SIGN[p.op]} {p.value:g}"
    return "age"


def _ages_apart(expr: Expr) -> Expr:
    """Age bounds asked together that no age meets ("ECOG 0-2; use Karnofsky for patients > 16 years
    of age and Lansky for patients =< 16 years", "for patients >= 16 years Karnofsky > 60 and for
    patients < 16 years Lansky > 60"): each bound says to whom another part applies, which this
    reading lost. Read as requirements, no patient could meet the line (53 corpus lines held such a
    pair, most rightly apart in alternatives); they are left to a person, the line's other parts
    still deciding against the patient."""
    if isinstance(expr, (Any_, Not)):
        return Any_(tuple(_ages_apart(p) for p in expr.parts)) if isinstance(expr, Any_) else Not(_ages_apart(expr.part))
    if not isinstance(expr, All):
        return expr
    parts = [_ages_apart(p) for p in expr.parts]
    bounds = [(k, b) for k, p in enumerate(parts) for b in _age_bounds(p)]
    lows = [(k, v, inc) for k, (side, v, inc) in bounds if side == "low"]
    highs = [(k, v, inc) for k, (side, v, inc) in bounds if side == "high"]
    # (a range's own ends are one bound: "Age 18 - 80 years; age > 80 allowed at investigator
    # discretion if ..." holds a range and a bound beyond it, which read together failed everyone)
    clash = [(k, j) for k, lo, lo_inc in lows for j, hi, hi_inc in highs if k != j and (hi < lo or (hi == lo and not (lo_inc and hi_inc)))]
    apart = {k for k, _ in clash} | {j for _, j in clash}
    if apart:
        words = " and ".join(_age_words(p) for k, p in enumerate(parts) if k in apart)
        parts = [p for k, p in enumerate(parts) if k not in apart] + [Review(ReviewReason.AMBIGUOUS, f"age bounds no patient meets together ({words}): to whom each applies")]
    return All(tuple(parts)) if parts != list(expr.parts) else expr


_WOMEN_ONLY = frozenset({"pregnancy", "pregnancy_test", "lactation"})
# what a women's part may ask beside pregnancy: whether she can bear a child ("women of
# childbearing potential must have a negative pregnancy test" reads it as an alternative)
_WOMEN_PART = _WOMEN_ONLY | {"childbearing_potential"}


def _women_parts_scoped(expr: Expr, text: str) -> Expr | None:
    """A line's parts that concern women only, beside parts that concern everyone, each scoped to
    women, and the line to nobody: an exclusion's alternative ("Patient is a women who is pregnant
    or breastfeeding. Patient has an active infection that requires antibiotics") holds for a woman
    only, an inclusion's requirement ("ANC >= 1500/uL; negative pregnancy test") is asked of a woman
    only. Scoped whole to women (``_applies_if``), such a line let every man through, whatever his
    infection or his neutrophils. The women's parts are found at any depth ("18 years of age or
    greater. Female patients with child-bearing potential must have a negative pregnancy test",
    "Inadequate liver or renal function, ... Pregnant or breast-feeding women ..."; 19 corpus lines
    were scoped whole through a part mixing the two). None when the line has no such mix."""
    # (a line that speaks of men's contraception too still asks its pregnancy test of women only:
    # "ECOG 0, 1, or 2. - Female patients must not be pregnant (negative pregnancy test ...) and
    # female and male patients must use contraception" was scoped whole to women for the test)
    if sex_scope(normalize(text)) is not None:
        return None
    concepts = {p.concept for p in predicates(expr)}
    if not concepts & _WOMEN_ONLY or not concepts - (_WOMEN_PART | {"sex"}):
        return None
    scoped = _scope_women(expr)
    return scoped if scoped is not expr else None


def _scope_women(expr: Expr) -> Expr:
    """Each part of ``expr`` asking about women only, scoped to them: an alternative holds for a
    woman only, a requirement is asked of a woman only; a part mixing the two is looked into."""
    if isinstance(expr, Not):
        inner = _scope_women(expr.part)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (Any_, All)):
        return expr
    parts: list[Expr] = []
    for part in expr.parts:
        concepts = {p.concept for p in predicates(part)}
        if concepts & _WOMEN_ONLY and concepts <= _WOMEN_PART:
            parts.append(All((FEMALE, part)) if isinstance(expr, Any_) else Any_((FEMALE_DUTY_SCOPE, part)))
        elif concepts & _WOMEN_ONLY:
            parts.append(_scope_women(part))
        else:
            parts.append(part)
    if all(new is old for new, old in zip(parts, expr.parts, strict=True)):
        return expr
    return Any_(tuple(parts)) if isinstance(expr, Any_) else All(tuple(parts))


def _applies_if(expr: Expr, text: str = "") -> Expr | None:
    """A pregnancy line concerns women only, unless it also speaks of fathering a child
    ("expecting to conceive or father a child", "women/men ... unwilling to use contraception"):
    then a man is concerned too. A line that opens
    by naming the patients it asks something of ("Female patients with infants must ...",
    "Male participants must ...") concerns those patients only."""
    scope = sex_scope(normalize(text)) if text else None
    if scope is not None:
        return FEMALE if scope[0] == "female" else Predicate("sex", Op.IS, "male")
    # a sex that only scopes a women's duty ("any of: not female, review") names no patients
    concepts = {p.concept for p in predicates(expr)} - ({"sex"} if FEMALE_DUTY_SCOPE in _nodes_of(expr) else set())
    if concepts & _WOMEN_ONLY and "sex" not in concepts and not _FATHER.search(text):
        return FEMALE
    # A test only women can have stays a women's line even where men are named too ("Pregnancy
    # test must be negative, and ... Fertile male patients must agree to use contraception"):
    # asked of a man, the missing test left his line unknown, and him possibly eligible at best.
    if "pregnancy_test" in concepts and "sex" not in concepts:
        return FEMALE
    return None


_THERAPY_HEADING = re.compile(r"^\s*(?:Chemotherapy|Radiotherapy|Radiation therapy|Surgery|Endocrine therapy|Hormonal therapy|Biologic therapy|Immunotherapy)\s*:?\s*$", I)


_DISQUALIFIER = re.compile(r"\b(?:that|which)\s+(?:would|might|could|may|will)\s+(?:exclude|preclude|prohibit|contraindicate|disqualify)\b", I)


def _has_review(expr: Expr) -> bool:
    if isinstance(expr, Review):
        return True
    if isinstance(expr, (All, Any_)):
        return any(_has_review(p) for p in expr.parts)
    return isinstance(expr, Not) and _has_review(expr.part)


MAX_LINE = 2000  # characters after normalisation; a longer "line" is a paragraph or an accident

# A span counted back written bare in an exclusion ("Chemotherapy, radiotherapy or immunotherapy 4
# weeks prior to inclusion", "Patients who have had major surgery 4 weeks prior to entering the
# study"; 13 corpus lines read differently): the therapy within that span, as "within 4 weeks
# prior to" is read. Left bare, the event stood as ever given beside an unread "4 weeks" (a chemotherapy a
# year ago excluded) or the line was left to a person. Not after a word that makes the span a
# bound of its own ("at least", "more than", "for", "of", "since", a comparator, a range) nor in a
# clause about stopping ("must have discontinued chemotherapy 4 weeks prior": a washout). Fixed-width
# look-behinds and one bounded search: no backtracking beyond the line.
_BARE_SPAN = re.compile(
    r"(?<![\w≤<≥>=./-])(?<!within )(?<!least )(?<!than )(?<!in )(?<!last )(?<!past )(?<!for )(?<!of )(?<!over )(?<!after )(?<!since )"
    r"(?<!≥ )(?<!> )(?<!< )(?<!≤ )(?<!= )(?<!\) )(?<!to )(?<!and )(?<!or )(?<!until )(?<!from )(?<!the )(?<!previous )(?<!preceding )(?<!with )"
    r"\d{1,3}\s*(?:days?|weeks?|months?)\s+(?=(?:prior\s+to|before|preceding)\b|prior\s*(?:$|[.;,)]))",
    I,
)
_STOPPING = re.compile(r"\b(?:discontinu\w*|stopped|stop|off|must|should|complet\w*|wash\w*|recover\w*|elapsed|passed|since|interval|free)\b", I)


def bare_span_as_window(text: str) -> str:
    """An exclusion's bare span counted back read as "within" it (``_BARE_SPAN``)."""
    if not _BARE_SPAN.search(text):
        return text
    out, pos = [], 0
    for m in _BARE_SPAN.finditer(text):
        clause_start = max((c.end() for c in re.finditer(r"[.;:]\s|\(", text[: m.start()])), default=0)
        if _STOPPING.search(text, clause_start, m.start()):
            continue
        out.append(text[pos: m.start()] + "within ")
        pos = m.start()
    return "".join(out) + text[pos:]


# A line that states there is no requirement, as the registry's older PDQ layout writes it under
# a label ("Hematopoietic: Not specified", "Chemotherapy: See Disease Characteristics": what the
# trial asks is stated in that other section). Whole lines only: "not specified otherwise" or a
# "see" naming anything but a section of that layout stays to be read.
_NO_REQUIREMENT = re.compile(
    r"[-*•\s]{0,4}(?:not specified|unspecified|none specified|no restrictions?|no limitations?|unrestricted"
    r"|no requirements?|see (?:the )?(?:disease|patient) characteristics|see prior concurrent therapy"
    r"|see (?:chemotherapy|biologic therapy|endocrine therapy|radiotherapy|surgery))[.;]?",
    re.I,
)


# what the study team will do, written as a line of its own under the line it annotates ("If there
# is CNS involvement that is known prior to enrollment or identified subsequently, it will be treated
# accordingly"): it asks nothing of the patient. Joined to its heading as a requirement, it asked
# every patient for CNS involvement and failed all those without it (holdout T92).
_STUDY_ACTION = re.compile(
    r"^\W*(?:if\b[^.;]{3,160}?,\s*)?(?:it|they|this|these|the\s+(?:patient|subject|participant|disease|involvement|condition)s?)\s+will\s+be\s+"
    r"(?:treated|managed|handled|addressed|followed|monitored)(?:\s+(?:accordingly|appropriately|as\s+clinically\s+indicated))?\W*$",
    re.I,
)


def parse_line(text: str, type: CriterionType, parent: int | None = None, context: str = "") -> Criterion:
    """One eligibility line -> a Criterion (``_parse_line``); a line that names a menopausal
    status is read with the topic told whether the line lets it be the line's subject; the
    products topic is told whether the line sets a product's time of its own (its clauses are
    read apart: "currently taking metformin; prior metformin use is allowed if ...")."""
    timed = LINE_TIMED.set(line_times_products(text))
    try:
        if "menopaus" not in text.lower():
            return _parse_line(text, type, parent, context)
        token = STATUS_READ.set(line_allows(text))
        try:
            return _parse_line(text, type, parent, context)
        finally:
            STATUS_READ.reset(token)
    finally:
        LINE_TIMED.reset(timed)


def _parse_line(text: str, type: CriterionType, parent: int | None = None, context: str = "") -> Criterion:
    """One eligibility line -> a Criterion. ``context`` is the heading it sits under ("Age:"),
    read together with the line ("Under 80" under "Age:" is an age bound). Every reading passes
    ``safety.enforce``, so no unread words can hide a structured decision against the patient;
    a line longer than ``MAX_LINE`` is left to review unread, which bounds the work per line."""
    ctype = CriterionType(type)
    if len(text) > 4 * MAX_LINE or len(normalize(text)) > MAX_LINE:
        expr: Expr = Review(ReviewReason.UNPARSED, f"line too long to read ({len(text)} characters)")
        return Criterion(type=ctype, text=text, expr=expr, parent=parent)
    # the PDQ layout's note on lymphoma terminology explains words; a footnote run into an item
    # without a star annotates another line's term
    text_read = without_footnote(strip_rationale(strip_terminology_note(text)))
    if (
        _NO_REQUIREMENT.fullmatch(text.strip()) or _STUDY_ACTION.match(text) or (permitting_note(text) and parent is None)
        or label_only(text) or (text_read != text and not text_read) or non_criterion(text)
    ):
        # a note that only permits ("Note: Prior use of bevacizumab is allowed."), a line of its
        # own, widens another line and asks nothing of its own, nor does a label over the lines
        # after it ("Cardiac disease:"; rules_engine.parser.notes), nor a line that states no
        # criterion (a sponsor's pointer to its pages, ``notes.non_criterion``). Under a line (a child), the
        # note keeps its reading: an exception the heading it sits under is read with
        # (dropped, the heading would decide against the patients the note lets in)
        # an exclusion holds when its expression is met: one that asks nothing must never hold
        none: Expr = NoRequirement() if ctype is CriterionType.INCLUSION else Not(NoRequirement())
        return Criterion(type=ctype, text=text, expr=none, parent=parent)
    if ctype is CriterionType.EXCLUSION:
        text_read = bare_span_as_window(text_read)
    else:
        text_read = bare_transplant_since(text_read)
    original, text = text, text_read
    if context and _THERAPY_HEADING.match(context) and PERMISSION.search(text):  # "Prior therapy allowed": the permission ends the line
        reading = f"{context.strip().rstrip(':').lower()} {text}"
    elif context and _THERAPY_HEADING.match(context):  # "Chemotherapy:" / "At least 4 weeks since prior"
        reading = f"{text.rstrip(' .;')} {context.strip().rstrip(':').lower()}"
    else:
        reading = f"{context} {text}" if context else text
    # "Prior adjuvant chemotherapy allowed" under "Chemotherapy:": the heading's word after the
    # permission made the line ask for chemotherapy (everyone without it failed); a permission
    # that names its own subject is read alone
    top = parent is None
    alone = _to_expr(text, ctype, top) if context and reading != text and PERMISSION.search(text) else None
    if alone is None and context and reading != text and _THERAPY_HEADING.match(context):
        # "No prior allogeneic bone marrow or stem cell transplantation" under "Biologic therapy":
        # a line that names its own subject and reads whole needs no heading; the heading's word
        # joined to it made the line forbid any immunotherapy as well (blinatumomab failed it)
        # (only where the heading adds a subject the line does not name: a line the heading only
        # qualifies, "No prior biologic response modifiers for current lung cancer", keeps it)
        whole = _to_expr(text, ctype, top)
        added = {p.concept for p in iter_predicates(_to_expr(reading, ctype, top))} - {p.concept for p in iter_predicates(whole)}
        if any(True for _ in iter_predicates(whole)) and not _has_review(whole) and added:
            alone = whole
    expr = alone if alone is not None and not isinstance(alone, Review) else _to_expr(reading, ctype, top)
    if context and isinstance(expr, Review) and reading != text:
        expr = _to_expr(text, ctype, top)
    # sepsis before ``human_only``: the alternative it adds can decide a line no other part could
    # (control after ``human_only``: a line the investigator judges whole stays the investigator's)
    expr = control_by_measurement(human_only(qualified_kinds(infection_wording(serious_infection(listed_diagnoses_any(normal_limits_upright(listed_products(enforce(expr, ctype), ctype, text), ctype), ctype)), text), text)), text)
    expr = therapy_for_cancer(qualified_by_kind(defined_by_own_measure(expr, text), text), ctype, text)
    expr = renal_bounds_aligned(hydroxyurea_excepted(text, expr), ctype)
    if ctype is CriterionType.EXCLUSION and isinstance(expr, Review) and not expr.text:
        expr = unread_product(text) or expr  # "Prior exposure to vosaroxin": a record naming it decides
    expr = scales_by_age(_ages_apart(expr))
    disqualifier = _DISQUALIFIER.search(text) if ctype is CriterionType.INCLUSION else None
    if disqualifier and not re.search(r"\b(?:no|not|without|never|none|nor)\b", text[: disqualifier.start()], I) and not isinstance(expr, Review):
        # "Prior radiation therapy that would exclude the use of TMLI" among the inclusions: what
        # it names disqualifies; read as asked for, every patient without radiotherapy failed it
        expr = Review(ReviewReason.AMBIGUOUS, "a disqualifier written among the inclusion criteria: " + " ".join(text.split())[:200])
    label = _THERAPY_LABEL.match(text) if ctype is CriterionType.INCLUSION else None
    if label is not None and _WASHOUT_WORDS.search(text, label.end()) and any(True for _ in iter_predicates(expr)):
        # "Radiation therapy (RT): >= 2 weeks for local palliative RT ...", "Stem cell transplant (SCT):
        # for allogeneic SCT patients, >= 3 months ...": what a patient who had the therapy needs; one
        # with none on record meets it (read as asked for, every patient without it failed)
        concept = next(c for c, words in _LABELLED_THERAPIES if re.fullmatch(words, label.group("label"), re.I))
        expr = Any_((Not(predicate(concept, Op.PRESENT)), expr))
    scoped = _women_parts_scoped(expr, reading)
    if scoped is not None:
        return Criterion(type=ctype, text=original, expr=scoped, applies_if=None, parent=parent)
    return Criterion(type=ctype, text=original, expr=expr, applies_if=_applies_if(expr, reading), parent=parent)


install(_to_expr, parse_line)  # line_reader: the proviso and scoped-group readers reach the grammar
