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
(what unread words do to a decided expression). The readings of a line's own shapes are modules
of their own: ``permissions`` (what a clause permits or excepts), ``stated_verdicts`` (a clause
that says which way it counts), ``alternatives`` (a line that offers a choice), ``definitions``
(a line that defines what is asked), ``conditional`` and ``scopes`` (requirements for some
patients only), ``unasked`` (words that ask nothing) and ``applicability`` (to whom the finished
reading applies). This module reads a line as a whole and puts those readings together.

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
from rules_engine.criteria import Any_, Criterion, CriterionType, Expr, NoRequirement, Not, Op, Review, ReviewReason, Window, iter_predicates
from rules_engine.parser.decidable import human_only
from rules_engine.parser.clauses import DEFINED_BY_LIST, DEFINITIONAL, DEFINITION_LINE, ENUMERATED, LEAD_IN, ONE_OF, PARENS, parse_clause, split_clauses
from rules_engine.parser.extraction import extract
from rules_engine.parser.drug_list_headings import TRAILING
from rules_engine.parser.extramedullary_notes import extramedullary_note
from rules_engine.parser.topics.treated_with import treated_with_products
from rules_engine.parser.on_study_duty import on_study_dropped
from rules_engine.parser.planned_alternatives import planned_alternative
from rules_engine.parser.inline_windows import dated_inline
from rules_engine.parser.lead_examples import lead_examples
from rules_engine.parser.line_reader import install
from rules_engine.parser.event_exceptions import hydroxyurea_excepted
from rules_engine.parser.therapy_indication import indicated_therapy
from rules_engine.parser.hydroxyurea_permits import asks_course, permit_applied, split_permit, unread_wider_window
from rules_engine.parser.topics.half_lives import half_lives_tied
from rules_engine.parser.items import I, NEGATED, all_of, any_of, asks_nothing, content_words, negation_read_by_item, predicate, predicates
from rules_engine.parser.normalize import bare_transplant_since, normalize, time_after_transplant
from rules_engine.parser.formulas import strip_bracketed_formula, strip_formula
from rules_engine.parser.listed_exceptions import opens_exceptions, widened_by_list
from rules_engine.parser.listed_remissions import first_remission_against
from rules_engine.parser.notes import SYSTEM_LABEL, label_only, non_criterion, permitting_note, strip_rationale, strip_terminology_note, without_footnote
from rules_engine.parser.remarks import ENROLMENT_STATUS, NOT_A_CRITERION, ON_STUDY_NOTE, PROCEDURE, SCREENED_FOR, TEST_NOTE, blank_remarks
from rules_engine.parser.remark_tails import cut_remark_tails
from rules_engine.parser.residue import clause_expr, widen_status
from rules_engine.parser.permitted_groups import PERMISSION, permitted_group
from rules_engine.parser.phased_ages import phased_age
from rules_engine.parser.review_reasons import forecast, organ_function_unstated, protocol_criteria, review_reason
from rules_engine.parser.second_tests import failed_test_alternative
from rules_engine.parser.therapy_notes import receipt_note, therapy_note, therapy_permission
from rules_engine.parser.weight_instructions import strip_weight_instructions
from rules_engine.parser.widening import WIDENING_CLAUSE, attach_widening, is_remark
from rules_engine.parser.windows import AGENT_WINDOW, FUTURE_REFERENCE, MEASURE_WINDOW, agent_window, shorter_window, with_window
from rules_engine.parser.permitted_subject import permitted_subject
from rules_engine.parser.scoped_bounds import scoped_bounds
from rules_engine.parser.study_sequence import study_sequence
from rules_engine.parser.elapsed_if import elapsed_if
from rules_engine.parser.capped_lists import capped_list
from rules_engine.parser.post_transplant_therapy import post_transplant_therapy
from rules_engine.parser.exclusion_washout import washout_exclusion
from rules_engine.parser.reaction_objects import shared_reaction_object
from rules_engine.parser.agent_window_apart import agent_window_apart
from rules_engine.parser.purpose_dose import purpose_dose
from rules_engine.parser.steroid_dose_permits import steroid_dose_permit
from rules_engine.parser.qualified_disease_leads import qualified_disease_lead
from rules_engine.parser.joint import plain_joints
from rules_engine.parser.misfiled_requirements import requirement_unmet
from rules_engine.parser.safety import Alternative, enforce, listed_diagnoses_any, normal_limits_upright, renal_bounds_aligned
from rules_engine.parser.topics.either_scale import either_scale
from rules_engine.parser.topics.performance import scales_by_age
from rules_engine.parser.topics.life_causes import life_apart
from rules_engine.parser.topics.defined_permission import defined_permission
from rules_engine.parser.topics.bound_failures import bound_failures_guarded
from rules_engine.parser.topics.control import control_by_measurement
from rules_engine.parser.topics.mean_counts import mean_of_counts
from rules_engine.parser.topics.head_examples import examples_of_head
from rules_engine.parser.topics.cardiac_heads import cardiac_heads_gated
from rules_engine.parser.topics.rhythm_drugs import rhythm_drugs_line
from rules_engine.parser.recent_bleeding_spans import ongoing_bleeding_asked
from rules_engine.parser.topics.listed_products import listed_products
from rules_engine.parser.topics.therapy_for_cancer import therapy_for_cancer
from rules_engine.parser.topics.failed_treatment import apl_failed_items
from rules_engine.parser.topics.karyotype_risk import unfavourable_risk
from rules_engine.parser.topics.infections import infection_wording, serious_infection
from rules_engine.parser.topics.ventricular_examples import ventricular_examples
from rules_engine.parser.topics.significant_bleeding import significant_bleeding
from rules_engine.parser.topics.thyroid_replacement import thyroid_replacement
from rules_engine.parser.topics.serology_words import serology_words
from rules_engine.parser.topics.arrhythmia_therapy import arrhythmia_needing_therapy
from rules_engine.parser.topics.heart_failure_therapy import heart_failure_needing_therapy
from rules_engine.parser.topics.qualified_kinds import qualified_kinds
from rules_engine.parser.topics.fab_groups import fab_cmml, fab_groups
from rules_engine.parser.topics.lab_scopes import scoped_bounds as lab_bounds_rejoined
from rules_engine.parser.topics.products import LINE_TIMED, line_times_products, unread_product
from rules_engine.parser.topics.qualified_conditions import defined_by_own_measure, qualified_by_kind
from rules_engine.parser.topics.heart_disease_kinds import heart_disease_kinds
from rules_engine.parser.topics.unrelated_bleeding import unrelated_bleeding
from rules_engine.parser.topics.measurable_size import measurable_by_size
from rules_engine.parser.topics.hcv_exposure_words import hcv_exposure_words
from rules_engine.parser.topics.opportunistic import opportunistic_named
from rules_engine.parser.topics.menopause import STATUS_READ, line_allows
from rules_engine.parser.topics.untreated_since import untreated_since_line
from rules_engine.parser.topics.cns_past import cns_past
from rules_engine.parser.topics.active_or_untreated import active_or_untreated
from rules_engine.parser.count_waivers import marrow_waiver
from rules_engine.parser.permissions import (
    COUNTS_WAIVED,
    DENIED_PERMISSION,
    EXCEPTION_LEAD,
    MAY_BE_PRESENT,
    MAY_HAVE_HAD,
    MORE_THAN_A_PERMISSION,
    ONLY_IF,
    asks_counts,
    permission_as_allowance,
    permitted_history,
    pointed_exceptions,
)
from rules_engine.parser.stated_verdicts import (
    BARE_EXCLUDED,
    DISQUALIFIER,
    EXCLUDED_IF,
    NO_ALLOWED,
    REQUIREMENT,
    STATED_EXCLUSION,
    as_rule,
    bracketed_exclusion,
    narrows_a_history,
)
from rules_engine.parser.alternatives import counted_list, enumerated_alternatives, or_in_items, scoped_way_in, semicolon_or, top_level_or
from rules_engine.parser.group_kinds import kinds_as_alternatives
from rules_engine.parser.phase_definitions import phase_definition
from rules_engine.parser.definitions import ABSENCE_DEFINED, STATUS_DEFINED, defined_by_list, defined_lead, names_status
from rules_engine.parser.conditional import _conditional, scoped_sentence
from rules_engine.readings import has_review
from rules_engine.parser.scopes import bracketed_lab_scope, lab_scoped_requirement, status_scopes, trailing_scope
from rules_engine.parser.age_scoped_clauses import age_scoped_clauses
from rules_engine.parser.condition_brackets import eligible_conditions
from rules_engine.parser.topics.gfr_tests import gfr_by_test
from rules_engine.parser.term_definitions import defined_term, trials_definition
from rules_engine.parser.applicability import ages_apart, applies_if, women_parts_scoped
from rules_engine.parser.unasked import COUNTED, CROSS_REFERENCE, NO_REQUIREMENT, STUDY_ACTION, WILLING, _open_to_both, not_required, site_fragment


def _to_expr(text: str, ctype: CriterionType, fragments: bool = True) -> Expr:
    """``fragments``: whether a fragment's role is the line's own to say (a top-level line); under
    a heading the heading says it ("may not have any of the following:")."""
    norm = normalize(text)
    # (an exclusion's too: one that states the time as its requirement is read around by exclusion_washout)
    norm = time_after_transplant(norm)
    norm = kinds_as_alternatives(norm, ctype)  # "advanced CML (CML-AP, CML-BP and Ph+ acute leukemia)": one of the kinds
    norm = eligible_conditions(norm, ctype)  # "brain metastases (patients may be considered controlled if on steroids)": a permission
    norm = norm[m.end():] if (m := CROSS_REFERENCE.match(norm)) else norm
    label = SYSTEM_LABEL.match(norm)
    if label and norm[label.end():].strip():  # "Cardiac disease: Congestive heart failure > class II ...": the label heads what follows
        rest = _to_expr(norm[label.end():], ctype, fragments)
        if any(True for _ in iter_predicates(rest)):
            return rest
    defined_phase = phase_definition(norm, ctype)
    if defined_phase is not None:  # "CML-AP is defined by ...": how the trial judges a phase asked elsewhere
        return defined_phase
    definition = DEFINITION_LINE.match(norm)
    if definition:  # "Relapse was defined as ...": how the trial judges a status it asks for elsewhere
        what = definition.group("what").lower()
        term = predicate("refractory" if what.startswith("refr") else "relapsed", Op.PRESENT)
        return trials_definition(term, norm)
    if WILLING.match(norm):  # "willing to undergo a marrow biopsy" asks consent, not a history
        return Review(ReviewReason.CONSENT, "")
    lead = EXCLUDED_IF.match(norm) if ctype is CriterionType.INCLUSION else None
    if lead is not None and norm[lead.end():].strip():  # an exclusion written among the inclusions: its rule, negated
        excluded = _to_expr(norm[lead.end():], CriterionType.EXCLUSION)
        return excluded if isinstance(excluded, Review) else Not(excluded)
    wrapped = ABSENCE_DEFINED.match(norm) if ctype is CriterionType.INCLUSION else None
    if wrapped is not None and re.search(r"[\d<>≤≥]", wrapped.group("req")):  # "Absence of hypercalcemia attributed to the disease: calcium < 10.5 mg/dL"
        limits = _to_expr(wrapped.group("req"), ctype)
        if not isinstance(limits, Review):
            return limits
    count = counted_list(norm, ctype)
    if count is not None:
        return count
    mean = mean_of_counts(norm, ctype, _to_expr)
    if mean is not None:  # "The mean of two platelet counts ... <= 50, with no individual count > 60": each count's bound, the mean a person's
        return mean
    apart = life_apart(norm, ctype, lambda rest: _to_expr(rest, ctype, fragments))
    if apart is not None:  # "Life expectancy > 3 months in relation to diseases other than AML/MDS"
        return apart
    permitted_dose = steroid_dose_permit(norm, ctype, lambda rest: _to_expr(rest, ctype, fragments))
    if permitted_dose is not None:  # "Prednisone (≤ 10 mg per day) allowed ...": a cap on who takes it, no requirement to
        return permitted_dose
    conditional = scoped_bounds(norm, ctype) or defined_permission(norm, ctype) or study_sequence(norm, ctype) or purpose_dose(norm, ctype) or status_scopes(norm, ctype) or defined_by_list(norm, ctype) or _conditional(norm, ctype) or trailing_scope(norm, ctype) or elapsed_if(norm, ctype)
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
    norm = or_in_items(norm)
    alternatives = top_level_or(norm) or (semicolon_or(norm) if ctype is CriterionType.INCLUSION else [])
    if alternatives:  # "AML without CR after 2 inductions OR / AML relapsed within 6 months OR / ..."
        lead, alternatives[0] = defined_lead(alternatives[0], ctype)
        read = [_to_expr(part, ctype) for part in alternatives]
        read = [read[0], *(scoped_way_in(e, part, ctype) for e, part in zip(read[1:], alternatives[1:]))]  # "... OR direct bilirubin <= 1.0 (for patients with Gilbert's)"
        either = any_of([Alternative(e.reason, e.text or part) if isinstance(e, Review) else e for e, part in zip(read, alternatives)])
        return either if lead is None else all_of([lead, either])
    if ctype is CriterionType.EXCLUSION:
        norm = _SUBGROUP.sub("; ", norm)
    clauses = [c.strip(" ,.") for c in split_clauses(norm)]
    clauses = [c for c in clauses if c]
    if ctype is CriterionType.EXCLUSION:
        clauses = [as_rule(c) for c in clauses]
    if not clauses:
        return Review(review_reason(norm), "")
    clauses = pointed_exceptions(clauses)
    window = MEASURE_WINDOW.match(norm)
    if window:
        clauses[0] = MEASURE_WINDOW.sub("", clauses[0], count=1)
    permission = permitted_group(clauses, ctype)
    if permission is not None:
        return permission
    if len(clauses) == 1 and COUNTED.search(norm):
        return Review(ReviewReason.UNSUPPORTED_CONCEPT, "what counts towards a limit: " + norm)
    had = MAY_HAVE_HAD.match(norm) if ctype is CriterionType.INCLUSION and len(clauses) == 1 else None
    if had is not None and not MORE_THAN_A_PERMISSION.search(had.group("what")):
        # "The patient may have had hematopoietic stem cell transplantation.", "Subjects may have
        # received prior thalidomide": what the line permits, read as "<it> allowed" (asked for,
        # the transplant failed every patient without one)
        allowed = permitted_group([f"{had.group('what')} allowed"], ctype)
        if allowed is not None:
            return allowed
    clauses = cut_remark_tails(clauses, ctype)  # "...; PLT > 100 x 10^9/L, transfusions are allowed"
    exprs: list[Expr] = []
    exprs_text: list[str] = []
    status_seen = False
    in_definition = False  # the rest of the line defines the status it asked for
    definitions: list[str] = []
    # items after "at least one of the following", or cases enumerated with "or" before the last
    any_group: list[Expr] | None = [] if ctype is CriterionType.INCLUSION and enumerated_alternatives(clauses) else None
    open_to_both = 0  # clauses that only open the line to both sexes
    permissions = 0  # clauses that only permit a history
    permission_scope: str | None = None
    none_of = False  # the group's lead forbids what it lists ("No ... including any of the following:")
    excepted: list[str] | None = None  # the exceptions a clause lists after it (listed_exceptions)
    excepted_at = 0
    for clause_text in clauses:
        if excepted is not None:
            excepted.append(clause_text)
            continue
        lead_of_exceptions = opens_exceptions(clause_text) if clause_text is not clauses[-1] else None
        if lead_of_exceptions is not None:
            excepted, excepted_at = [], len(exprs)
            clause_text = lead_of_exceptions or clause_text
        if in_definition or (status_seen and (DEFINITIONAL.search(clause_text) or (exprs and LEAD_IN.search(exprs_text[-1])))):
            in_definition = True
            definitions.append(clause_text)
            continue
        if exprs and (
            ON_STUDY_NOTE.match(clause_text) or TEST_NOTE.match(clause_text) or NOT_A_CRITERION.match(clause_text)
            or PROCEDURE.search(clause_text) and not any(it.expr is not None for it in extract(clause_text, ctype))
        ):
            continue  # "Qualifying laboratory value must occur ...", "Testing is not required": how it is measured, not what
        if exprs and MAY_BE_PRESENT.match(clause_text):
            continue  # "...; active extramedullary disease may also be present": allowed, not asked
        if len(clauses) > 1 and SCREENED_FOR.match(clause_text):
            continue  # "All subjects must be screened for hepatitis B and C infection; ...": how, not what
        if ENROLMENT_STATUS.search(clause_text):
            exprs.append(Review(ReviewReason.AMBIGUOUS, "which cohorts the study still enrols: " + clause_text.strip()))
            exprs_text.append(clause_text)
            continue
        if exprs and COUNTED.search(clause_text):
            continue  # "Those aged 12 years or older may be counted towards the MTD": who counts, not who may enrol
        defined = defined_term(clause_text, ctype, exprs) if exprs else None
        if isinstance(defined, NoRequirement):
            continue  # "have measurable disease. Measurable disease is defined as ...": how, not what
        if defined is not None:  # "Controlled CNS leukemia is defined by the absence of ...": a note on a term, not a requirement
            exprs.append(defined)
            exprs_text.append(clause_text)
            continue
        listed_groups = fab_groups(clause_text, ctype)
        if listed_groups is not None:  # "MDS fitting any of the FAB classifications: RA, RARS, ..., CMML"
            exprs.append(listed_groups)
            exprs_text.append(clause_text)
            continue
        scoped = scoped_sentence(clause_text, ctype) if exprs else None
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
        allowance = permission_as_allowance(clause_text) if exprs and ctype is CriterionType.EXCLUSION else None
        if allowance is not None:
            clause_text = allowance
        permitted = permitted_history(clause_text, permission_scope) if ctype is CriterionType.INCLUSION else None
        if permitted is not None:  # "Patients may have received any induction chemotherapy regimen"
            forbidden, permission_scope = permitted
            if forbidden is None:
                permissions += 1
            else:
                exprs.append(forbidden)
                exprs_text.append(clause_text)
            continue
        excepting = EXCEPTION_LEAD.match(clause_text) if exprs and not clause_text.rstrip().endswith(":") else None
        if excepting:  # "EXCEPTIONS: non-melanoma skin cancer ...": what follows is excepted, not listed
            clause_text = clause_text[excepting.end():]
        if exprs and not excepting and receipt_note(clause_text, exprs):
            continue  # "patients with known previous CNS leukemia may continue to receive intrathecal therapy"
        only = ONLY_IF.search(clause_text) if exprs and ctype is CriterionType.INCLUSION and not excepting else None
        subject = parse_clause(clause_text[: only.start()], CriterionType.INCLUSION).expr if only is not None else None
        if only is not None and subject is not None and not isinstance(subject, Review):
            # "...; acute promyelocytic leukemia ... would be eligible only after failure of a regimen
            # containing arsenic trioxide": a narrowing for the patients it names, never a widening
            # (read as one, a relapsed APL met the line through AML alone); the condition is a person's
            # "... would be eligible only after failure of a regimen containing arsenic trioxide": the
            # drugs an APL must have had (topics.failed_treatment), unless another way follows them
            failed = apl_failed_items(clause_text, ctype)
            if failed and re.search(r"\b(?:or|and/or|otherwise)\b", clause_text[max(it.end for it in failed):], I):
                failed = []
            exprs.append(all_of([it.expr for it in failed if it.expr is not None]) if failed else any_of([Not(subject), Alternative(review_reason(clause_text[only.end():]), clause_text.strip())]))
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
        if exprs and (excepting or permits == "widens" or WIDENING_CLAUSE.search(PARENS.sub("", clause_text)) and not DENIED_PERMISSION.match(clause_text)):
            # ("Patients with CNS I, II or III or testicular disease are eligible" beside a marrow
            # requirement: the trial's CNS lines' note, extramedullary_notes)
            if is_remark(clause_text) or therapy_note(clause_text, exprs) or extramedullary_note(clause_text, exprs):  # "platelet transfusion is permitted": it annotates
                continue
            if any_group:
                any_group[-1] = attach_widening(any_group[-1], clause_text, ctype)
                continue
            # the permission widens the last requirement the line read, never a sentence it could
            # not read ("In addition, these subjects were required to ..."): joined to a review, its
            # negation would stand alone and apply to everyone
            read = [k for k, e in enumerate(exprs) if not isinstance(e, Review)]
            if read and ctype is CriterionType.INCLUSION and COUNTS_WAIVED.search(clause_text):
                # "The hematologic requirements are waived for patients with inadequate counts due
                # to marrow involvement": every count the line asked, together, is what is lifted
                # (widening the last alone, a low platelet count beside it failed the patient the
                # waiver names)
                counted = [k for k in read if asks_counts(exprs[k])]
                if counted:
                    marrow = marrow_waiver(clause_text)
                    counts = all_of([exprs[k] for k in counted])
                    joined = any_of([counts, marrow]) if marrow is not None else attach_widening(counts, clause_text, ctype)
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
            verdict = STATED_EXCLUSION.search(lead) if ctype is CriterionType.EXCLUSION else None
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
            if lead_clause.expr is not None and (verdict or defines or not DEFINED_BY_LIST.search(lead) or _names_disease(lead, lead_clause.expr) or _diagnosis_defined(lead, lead_clause.expr)):
                exprs.append(Not(lead_clause.expr) if none_of else lead_clause.expr)
            elif (qualified := qualified_disease_lead(lead, ctype)) is not None:
                exprs.append(qualified)  # "Low-grade non-Hodgkin's lymphoma meeting 1 of the following criteria:"
            exprs_text.append(clause_text)
            if defines:
                status_seen = in_definition = True
            continue
        if exprs and ctype is CriterionType.EXCLUSION and REQUIREMENT.match(clause_text) and not EXCEPTION_LEAD.match(clauses[0]):
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
        bracketed = bracketed_lab_scope(clause_text, ctype)
        if bracketed is not None:
            # "Creatinine ≤ 2 mg/dl (patients with a creatinine > 1.2 ... must have calculated GFR
            # > 40)": the bracket's requirement concerns only the patients it names; joined into
            # the line its condition read as an alternative (any creatinine > 1.2 met the line)
            scoped_aside, (opening, closing) = bracketed
            exprs.append(scoped_aside)
            exprs_text.append(clause_text[opening + 1: closing])
            clause_text = clause_text[:opening] + " " * (closing + 1 - opening) + clause_text[closing + 1:]
        negated = bool(NEGATED.match(clause_text))
        allowed = NO_ALLOWED.match(clause_text) if negated and ctype is CriterionType.INCLUSION else None
        if allowed:  # "No prior chemotherapy allowed": the prohibition said twice
            a, b = allowed.span("allowed")
            clause_text = clause_text[:a] + " " * (b - a) + clause_text[b:]
        stated = STATED_EXCLUSION.search(clause_text)
        if stated is None and ctype is CriterionType.INCLUSION and "excluded" in clause_text.lower():
            # "Adequate cardiac functions (New York Heart Association (NYHA) cardiac III-IV
            # excluded)": a bracket closing on a bare "excluded" states an exclusion too (read as
            # the patient's description, the line required NYHA III-IV); only as a bracket of its own
            bare = BARE_EXCLUDED.search(clause_text)
            stated = bare if bare is not None and bracketed_exclusion(clause_text, bare) is not None else None
        aside = bracketed_exclusion(clause_text, stated) if stated and ctype is CriterionType.INCLUSION else None
        excluded_aside = None
        if aside is not None and stated is not None:
            excluded_aside = clause_expr(parse_clause(clause_text[aside[0] + 1: stated.start()], CriterionType.EXCLUSION), CriterionType.EXCLUSION, False)
            if narrows_a_history(excluded_aside, clause_text[: aside[0]]):
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
            # (a wrapper the bracket defines goes with it: "Adequate cardiac functions (NYHA ... excluded)")
            head = blank_remarks(clause_text[: closing + 1])[:opening]
            clause_text = head + " " * (closing + 1 - opening) + clause_text[closing + 1:]
            stated = STATED_EXCLUSION.search(clause_text)
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
        if ctype is CriterionType.INCLUSION and fragments and not negated and site_fragment(clause_text):
            exprs.append(Review(ReviewReason.AMBIGUOUS, "a site of disease named without a verb, allowed or asked for: " + clause_text))
            exprs_text.append(clause_text)
            continue
        scoped_bound = lab_scoped_requirement(clause_text, ctype)
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
    if excepted is not None and excepted_at < len(exprs):
        exprs[excepted_at] = widened_by_list(exprs[excepted_at], excepted, ctype)
    if any_group:
        exprs.append(Not(any_of(any_group)) if none_of else any_of(any_group))
    if definitions:
        exprs = [widen_status(e, " ".join(definitions)) for e in exprs]
    if not exprs and permissions and permissions == len(clauses) and ctype is CriterionType.INCLUSION:
        return NoRequirement()  # "Patients may have received any induction chemotherapy regimen": permits, asks nothing
    if not exprs and open_to_both and open_to_both == len(clauses):
        # a line that only opens the trial to both sexes ("Male or female", "Male and female
        # patients eligible": 10 corpus lines) asks nothing; the registry's sex field is read apart
        return asks_nothing(ctype)
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


_MEETS_LIST = re.compile(r"\b(?:meets?|meeting|satisf\w+|fulfil\w*)\s*$", I)
_DISEASE_LEAD_WORDS = frozenset({"meets", "meet", "meeting", "satisfies", "satisfying", "fulfils", "fulfills", "fulfilling", "primary", "secondary"})


# "Diagnosis of neoplastic meningitis secondary to ..., defined by 1 of the following criteria:"
# (holdout T135): the list says how the diagnosis was made, the diagnosis is still asked; left
# unread, a patient with no meningeal disease on record was left to a person by the list's reviews
_DIAGNOSIS_LEAD = re.compile(r"^\W*(?:(?:a\s+)?(?:confirmed\s+|documented\s+|established\s+)?diagnosis\s+of|diagnosed\s+with)\s", re.I)
_DIAGNOSIS_DEFINED = re.compile(r",?\s*(?:as\s+)?defined\s+by\s*(?:(?:at\s+least\s+)?(?:1|one|any)\s+of\s+(?:the\s+)?following(?:\s+criteria)?\s*:?\s*)?$", re.I)


def _diagnosis_defined(lead: str, expr: Expr) -> bool:
    """Whether the lead asks for a diagnosis the list after it defines ("Diagnosis of X, defined by
    1 of the following criteria:"): a diagnosis on record read whole, no review and no negation."""
    if not _DIAGNOSIS_LEAD.match(lead) or not _DIAGNOSIS_DEFINED.search(lead) or has_review(expr) or NEGATED.match(lead):
        return False
    named = list(predicates(expr))
    return bool(named) and all(p.op is Op.PRESENT and p.concept in CONCEPTS and CONCEPTS[p.concept].kind is Kind.EVENT for p in named)


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


# "Uncontrolled brain metastases, including patients who continue to require glucocorticoids for
# them", "..., including any patients known to be HIV positive": an exclusion's further group of
# patients, excluded as well, never a further condition of the head (read as one, a patient with
# uncontrolled metastases off steroids was not excluded). Split off as a clause of its own.
_SUBGROUP = re.compile(r",\s*including\s+(?:all\s+|any\s+)?(?=(?:patients?|subjects?|participants?|persons?)\b)", I)


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


_THERAPY_HEADING = re.compile(r"^\s*(?:Chemotherapy|Radiotherapy|Radiation therapy|Surgery|Endocrine therapy|Hormonal therapy|Biologic therapy|Immunotherapy)\s*:?\s*$", I)


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


def parse_line(text: str, type: CriterionType, parent: int | None = None, context: str = "") -> Criterion:
    """One eligibility line -> a Criterion (``_parse_line``); a line that names a menopausal
    status is read with the topic told whether the line lets it be the line's subject; the
    products topic is told whether the line sets a product's time of its own (its clauses are
    read apart: "currently taking metformin; prior metformin use is allowed if ...")."""
    timed = LINE_TIMED.set(line_times_products(text))
    status = STATUS_READ.set(line_allows(text)) if "menopaus" in text.lower() else None
    try:
        def read(words: str) -> Criterion:
            return _parse_line(words, type, parent, context)

        # "Previous or next organ transplant": the history or the plan (planned_alternatives)
        return planned_alternative(read(text), text, read)
    finally:
        if status is not None:
            STATUS_READ.reset(status)
        LINE_TIMED.reset(timed)


def _parse_line(text: str, type: CriterionType, parent: int | None = None, context: str = "", permits: bool = True) -> Criterion:
    """One eligibility line -> a Criterion. ``context`` is the heading it sits under ("Age:"),
    read together with the line ("Under 80" under "Age:" is an age bound). Every reading passes
    ``safety.enforce``, so no unread words can hide a structured decision against the patient;
    a line longer than ``MAX_LINE`` is left to review unread, which bounds the work per line."""
    ctype = CriterionType(type)
    if len(text) > 4 * MAX_LINE or len(normalize(text)) > MAX_LINE:
        expr: Expr = Review(ReviewReason.UNPARSED, f"line too long to read ({len(text)} characters)")
        return Criterion(type=ctype, text=text, expr=expr, parent=parent)
    # the PDQ layout's note on lymphoma terminology explains words; a footnote run into an item
    # without a star annotates another line's term; a formula's own text asks nothing (formulas), nor which body weight it takes (weight_instructions)
    text_read = without_footnote(strip_rationale(strip_terminology_note(strip_weight_instructions(strip_formula(strip_bracketed_formula(text))))))
    if (
        NO_REQUIREMENT.fullmatch(text.strip()) or STUDY_ACTION.match(text) or not_required(text) or (permitting_note(text) and parent is None)
        or label_only(text) or (text_read != text and not text_read) or non_criterion(text)
    ):
        # a note that only permits ("Note: Prior use of bevacizumab is allowed."), a line of its
        # own, widens another line and asks nothing of its own, nor does a label over the lines
        # after it ("Cardiac disease:"; rules_engine.parser.notes), nor a line that states no
        # criterion (a sponsor's pointer to its pages, ``notes.non_criterion``). Under a line (a child), the
        # note keeps its reading: an exception the heading it sits under is read with
        # (dropped, the heading would decide against the patients the note lets in)
        # an exclusion holds when its expression is met: one that asks nothing must never hold
        none: Expr = asks_nothing(ctype)
        return Criterion(type=ctype, text=text, expr=none, parent=parent)
    if ctype is CriterionType.EXCLUSION:
        text_read = on_study_dropped(bare_span_as_window(text_read))  # "... prior to starting X and throughout the study": the window
    else:
        text_read = bare_transplant_since(text_read)
    text_read, hydroxyurea_words = split_permit(text_read) if permits else (text_read, None)  # "...; hydroxyurea may be received up to ..." (hydroxyurea_permits)
    original, text = text, text_read
    if context and _THERAPY_HEADING.match(context) and PERMISSION.search(text):  # "Prior therapy allowed": the permission ends the line
        reading = f"{context.strip().rstrip(':').lower()} {text}"
    elif context and _THERAPY_HEADING.match(context):  # "Chemotherapy:" / "At least 4 weeks since prior"
        reading = f"{text.rstrip(' .;')} {context.strip().rstrip(':').lower()}"
    elif context.startswith(TRAILING):  # a drug list's heading sets its time: "Haloperidol within 7 days"
        reading = f"{text.rstrip(' .;,')} {context[len(TRAILING):]}"
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
        if any(True for _ in iter_predicates(whole)) and not has_review(whole) and added:
            alone = whole
    expr = alone if alone is not None and not isinstance(alone, Review) else _to_expr(reading, ctype, top)
    if context and isinstance(expr, Review) and reading != text:
        expr = _to_expr(text, ctype, top)
    # sepsis before ``human_only``: the alternative it adds can decide a line no other part could
    # (control after ``human_only``: a line the investigator judges whole stays the investigator's)
    expr = control_by_measurement(human_only(qualified_kinds(heart_failure_needing_therapy(arrhythmia_needing_therapy(serology_words(infection_wording(serious_infection(listed_diagnoses_any(normal_limits_upright(listed_products(enforce(expr, ctype), ctype, text), ctype), ctype)), text)))), text)), text)
    expr = first_remission_against(expr, ctype is CriterionType.EXCLUSION)  # "No ... acute leukemia in first remission": a relapse on record decides
    expr = thyroid_replacement(expr)  # "Uncorrected hypothyroidism": no thyroid hormone on record, not corrected
    if " with " in text and "treated with" in text.lower():
        expr = treated_with_products(expr)  # "diabetes treated with metformin": the product on record (topics.treated_with)
    expr = significant_bleeding(expr, text)  # "clinically significant bleeding": a bleeding coded inside the skull, gut or lungs, or graded 3+, is
    expr = therapy_for_cancer(opportunistic_named(hcv_exposure_words(unrelated_bleeding(heart_disease_kinds(qualified_by_kind(defined_by_own_measure(expr, text), text)), text), text)), ctype, text)
    expr = ventricular_examples(examples_of_head(expr, ctype, text), text)  # "uncontrolled illness including hypertension": the example decides (after heart_disease_kinds, which drops a lead-in of activity)
    expr = lead_examples(expr, ctype, text)  # "Any unstable diseases within 6 months (including ...): unstable angina, ...": the same on a lead-in (lead_examples)
    expr = ongoing_bleeding_asked(expr, original)  # "Ongoing or recent (=< 3 months) significant GI bleeding": an older bleeding on record is a person's (recent_bleeding_spans)
    expr = cardiac_heads_gated(expr, text)  # "cardiac dysfunction", "significant ECG abnormalities": asked of a patient who could have it (topics.cardiac_heads)
    expr = unfavourable_risk(expr, text)  # "Intermediate or adverse cytogenetic risk": a favourable karyotype on record fails it
    expr = lab_bounds_rejoined(renal_bounds_aligned(half_lives_tied(text, hydroxyurea_excepted(text, expr)), ctype), ctype)  # (topics.lab_scopes)
    if hydroxyurea_words is not None and not asks_course(expr):
        return _parse_line(original, ctype, parent, context, permits=False)  # no washout the permission excepts from: read whole
    expr = permit_applied(expr, hydroxyurea_words)  # hydroxyurea excepted, a person's for its conditions (hydroxyurea_permits)
    expr = unread_wider_window(expr, ctype)  # "..., which cannot be used within 12 weeks": the wider window a person's (hydroxyurea_permits)
    expr = bound_failures_guarded(expr)  # "creatinine <= 1.5 or, if creatinine > 1.5, ...": the failure is no way in
    expr = rhythm_drugs_line(expr, ctype, text)  # "Medication that changes heart rhythms": the rhythm drug on record (topics.rhythm_drugs)
    if ctype is CriterionType.EXCLUSION and isinstance(expr, Review) and not expr.text:
        expr = unread_product(text) or expr  # "Prior exposure to vosaroxin": a record naming it decides
    expr = fab_cmml(scales_by_age(ages_apart(expr)), text)
    expr = either_scale(expr, ctype, text)  # "ECOG 0-2 (Karnofsky >= 60%)": whichever scale is on record
    expr = age_scoped_clauses(expr, ctype, text)  # "ECOG 0-2 for adolescent/young adult patients": the clause for that group only
    expr = gfr_by_test(expr, text)  # "GFR >= 30 ... according to the MDRD equation": the eGFR, not a clearance (topics.gfr_tests)
    expr = measurable_by_size(expr, ctype, reading)  # "measurable disease (e.g., a tumor mass > 1 cm)": the largest mass on record (topics.measurable_size)
    disqualifier = DISQUALIFIER.search(text) if ctype is CriterionType.INCLUSION else None
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
    expr = agent_window_apart(expr, text)  # "within 4 weeks (6 weeks for nitrosoureas). More words.": the bracket widens the washout
    expr = capped_list(expr)  # "No more than 1 prior autologous or allogeneic SCT": the cap holds for the list together
    expr = dated_inline(expr, text, ctype, _to_expr)  # "Any of the following within 6 months: MI, stroke, ...": each event listed (inline_windows)
    expr = post_transplant_therapy(expr, text, ctype)  # "immunosuppressive therapy post HSCT": the transplant names the therapy
    expr = washout_exclusion(expr, text, ctype, top)  # "X must be completed >= N prior" as an exclusion
    expr = shared_reaction_object(expr, text, lambda words: enforce(_to_expr(words, CriterionType.EXCLUSION, top), CriterionType.EXCLUSION))  # "hypersensitivity or intolerance to 5-FU": the allergy to 5-FU (reaction_objects)
    scoped = women_parts_scoped(expr, reading)
    if scoped is not None:
        return Criterion(type=ctype, text=original, expr=plain_joints(scoped), applies_if=None, parent=parent)
    applies = applies_if(expr, reading)
    expr = cns_past(expr, ctype)  # "prior CNS leukemia is permitted provided ...": an active one on record is none (topics.cns_past)
    expr = active_or_untreated(expr, text)  # "active or untreated CNS lymphoma": an active record meets it (topics.active_or_untreated)
    expr = untreated_since_line(expr, ctype, text)  # "previously untreated AML": no therapy for the AML (topics.untreated_since)
    expr = indicated_therapy(expr, text)  # "chemotherapy for antecedent MDS": the therapy of that disease (therapy_indication)
    expr = requirement_unmet(expr, ctype, text, lambda: enforce(_to_expr(reading, CriterionType.INCLUSION, top), CriterionType.INCLUSION))  # "DLCO > 60% predicted" among the exclusions: the requirement unmet excludes (misfiled_requirements)
    return Criterion(type=ctype, text=original, expr=plain_joints(expr), applies_if=applies, parent=parent)  # (joint: parse time only)


install(_to_expr, parse_line)  # line_reader: the proviso and scoped-group readers reach the grammar
