"""Joining a clause's items into one expression.

The words between two items decide how they join ("or" / "either" -> Any_, else the type's list
default), refined by what the items are: a comma list closed by "or", bounds apart, a history and
its grade, diagnoses listed, kinds included, one bound over several subjects (``each_subject``).
The residue policy and its readings join items too, so ``combine`` is a module of its own below
them, above the gap readings (``joiners``) and the item roles (``roles``).
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, NUMERIC_OPS, Not, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicates
from rules_engine.parser.joint import Joint
from rules_engine.parser.either_group import either_opens
from rules_engine.parser.topics.lab_scopes import bound_predicates
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.shared_leads import and_other, excepted_then_other, shared_lead
from rules_engine.parser.bracket_markers import bracketed_markers, marker_brackets_merged
from rules_engine.parser.topics.biomarkers import BIOMARKERS
from rules_engine.parser.topics.lab_grades import GATE as LAB_GRADE_GATE
from rules_engine.parser.qualifier_and import qualifiers_and_blanked
from rules_engine.parser.joiners import AND_LAST, category_window, indications, joiner, lacked_first, plain_therapy, without_brackets, without_item
from rules_engine.parser.roles import DIAGNOSIS_CONCEPTS, FIXED_ROLES, _role, cancer, listed_together, marker_of, marker_of_all, newness_of
from rules_engine.parser.statuses import FOR_DISEASE, restates
from rules_engine.parser.status_units import last_member_status, status_alternatives
from rules_engine.parser.status_or_later import keeps_or, ph_between, shared_disease
from rules_engine.parser.topics.defined_states import capital_and_of_bounds
from rules_engine.parser.topics.events import therapy_concept


# a bracket opened right after an item, and closed before an "or" after the one item inside it
_OPENS_BRACKET = re.compile(r"\s*[(\[]\s*")
_CLOSES_BRACKET_OR = re.compile(r"\s*[)\]]\s*,?\s*(?:or|and/or)\b", I)


_WITHOUT = re.compile(r"\b(?:without|no|absence\s+of|lack\s+of|free\s+of|negative\s+for)\b", I)


# "... AND no evidence of active GVHD": a negator at the end of the words joining two items
# negates the item after it (a clause that opens with "No" is negated whole, elsewhere)
# "... and patients must not have active GVHD": the verb after "not" is still the negation's
# (and its article: "..., and must not have a known thrombophilic condition"; left, the "and"
# joined the two prohibited things inside one negation, so a patient with only one of them met it)
_NEGATES_NEXT = re.compile(r"\b(?:no|not|without|free\s+of|absence\s+of|negative\s+for)\b(?:\s+(?:have|has|be|been|show|evidence|signs?|history|presence|active|current|ongoing|known|of|any|an?|the|clinical|clinically|significant))*\s*$", I)
# "B-cell NHL that has relapsed ..., but have not been treated with bendamustine", "relapsed AML
# who have not received azacitidine": a clause after "but" / "who" / "that" that has not received
# a therapy negates the therapy after it, as one after "and" does (read bare, the line asked for
# the therapy it rules out). Only a therapy's verbs: "who have not had adverse events return to
# baseline" negates nothing it names
_NOT_TREATED_CLAUSE = re.compile(
    r"\b(?:but|who|that)\s+(?:(?:have|has|had|must|should|do|does|did)\s+){0,2}(?:not|never)\s+(?:been\s+)?(?:previously\s+|prior\s+)?"
    r"(?:received|treated(?:\s+with)?|exposed(?:\s+to)?|undergone)?\s*$", I)
# a comma joins a negated item just as "and" does ("at least 100 days since HSCT, no active
# GVHD", "> 4 weeks from stem cell infusion, have no active GVHD"): the negator was lost, and
# a patient was asked to have the GVHD the line rules out
_COMMA_NEGATES = re.compile(r"^\s*[,;]\s*(?:(?:have|has|with)\s+)?(?:no|without|free\s+of|absence\s+of|negative\s+for)\b", I)
_RESTATED = re.compile(r"\s*[(\[]\s*")
_LEADING_OR = re.compile(r"\s*,?\s*(?:or|either|and/or)\b|\s*/", I)
_PURE_COMMA = re.compile(r"\s*,\s*")
# a list's bare separator once its brackets are gone ("hemoglobin >= 9 g/dL (may transfuse or use
# erythropoietin to achieve this level), platelets >= 100,000"; "ANC >= 1.5 X 10^9/L Hemoglobin >=
# 9 g/dL"; "* Platelet count >= 100,000/mm^3 * Total bilirubin ..."): the "or" inside a bracket, or
# one elsewhere in the clause, joins nothing here (read as "or", one passing value met the list)
_BARE_LIST_GAP = re.compile(r"[\s,;*•·]*(?:and\s+)?")


# "AST and ALT < 2.5 x ULN, or < 5 x ULN in case of liver metastases, ..., bilirubin < 1.5 x ULN":
# the "or" offers the first item a looser bound, it joins nothing after it
_OR_LOOSER_BOUND = re.compile(r"\bor\s+(?:[<>≤≥]|up\s+to\b)", I)
_UNREAD_BOUND_COMMA = re.compile(r"\s*,[^,;<>≤≥]{1,40}[<>≤≥]=?\s*[\d.]+[^,;<>≤≥]{0,20},\s*(?:(?:serum|plasma|blood|total)\s+)?", I)
_METHOD_COMMA = re.compile(r"\s*(?:as\s+)?,\s*", I)  # a comma once the method remark before it is blanked ("as" left of "as determined by")
_PURE_SLASH = re.compile(r"[^\w/]{0,4}(?:ULN[^\w/]{0,3})?/[^\w/]{0,3}")  # "(ULN)/ ", " / " between two bounds
_LIST_CLOSE = re.compile(r"\s*,?\s*(?:(?P<or>or|and/or)|(?P<and>and))\b(?P<more>.*)", I | re.S)


# an abbreviation may close the first item ("hepatitis B virus (HBV) and hepatitis C virus (HCV)
# infections"): still a list, and read as All a patient with hepatitis B alone was not excluded
# (possessive: the whitespace runs stand side by side, and a long blanked connector that fails
# the pattern was tried in every split of its spaces, ~0.7 s a call on a 290-character one)
_LIST_AND = re.compile(
    r"[\s)\]]*+(?:\(\s*+[A-Za-z][\w-]{0,11}\s*+\)\s*+)?,?\s*+(?:and/or|and|&|as\s+well\s+as)?\s*+(?:(?:any|other|prior|previous|known|active|uncontrolled|uncompensated|decompensated|symptomatic|severe|significant|unstable|recent|untreated)\s+)?"
    # "axitinib as well as any prior therapies with other VEGF pathway inhibitors": the next
    # therapy's own lead words (each fixed, once)
    r"(?:(?:prior|previous)\s+)?(?:(?:therap(?:y|ies)|treatments?)\s+with\s+(?:(?:any|other)\s+)?)?", I
)
# "Investigational products taken within 28 days before treatment with vosaroxin, and
# non-investigational cancer therapies ... within 14 days": each item dated against the study's
# start, then the next item: still the exclusion's list
# (the item may take the "before" of its window)
_DATED_LIST_AND = re.compile(
    r"\s*(?:(?:before|prior\s+to)\s+)?(?:the\s+)?(?:start\s+of\s+|first\s+dose\s+of\s+)?(?:study\s+)?(?:treatment|therapy|dosing|drug)(?:\s+with\s+[\w-]+)?\s*,\s*(?:and|and/or)\s+", I
)


_ANCHOR_AFTER = re.compile(r"\b(?:after|following|post)\s*$", I)


def _as_anchor(item: Item, text: str) -> Item:
    """The event another is dated against ("immunosuppressive therapy post HSCT") is asked
    for as having happened: a recency window its own words do not state is not its own."""
    if re.search(r"\d", text[item.start: item.end]):
        return item

    def undated(e: Expr) -> Expr:
        if isinstance(e, Predicate) and e.op is Op.WITHIN:
            return Predicate(e.concept, Op.PRESENT)
        return All(tuple(undated(p) for p in e.parts)) if isinstance(e, All) else e

    return Item(item.start, item.end, undated(item.expr), item.concepts)  # type: ignore[arg-type]


def _comma_lists(kinds: list[str], connectors: list[str], roles: list[str]) -> list[str]:
    """"AML, MDS, ALL or MPAL", "ANC, platelets and haemoglobin": a run of items of one role
    joined by bare commas takes the conjunction that closes the run."""
    out = list(kinds)
    i = 0
    while i < len(connectors):
        if not _PURE_COMMA.fullmatch(connectors[i]):
            i += 1
            continue
        j = i
        while j < len(connectors) and _PURE_COMMA.fullmatch(connectors[j]):
            j += 1
        close = _LIST_CLOSE.match(connectors[j]) if j < len(connectors) else None
        # a bare conjunction takes in the next item; one followed by words joined those words
        last = j + 1 if close is not None and not close.group("more").strip() else j
        if close is not None and len(set(roles[i: last + 1])) == 1:
            for k in range(i, last):
                out[k] = "or" if close.group("or") else "and"
        i = j + 1
    return out


def _narrowed_by(a: Expr | None, b: Expr | None) -> bool:
    return isinstance(a, Predicate) and a.op is Op.PRESENT and a.window is None and isinstance(b, All) and a in b.parts


def _bounds_apart(a: Expr | None, b: Expr | None) -> bool:
    """Numeric bounds of different measurements on either side ("ALT or AST <= 2.5 x ULN" is one side)."""
    pa, pb = bound_predicates(a), bound_predicates(b)  # (a scope's finding beside a bound: topics.lab_scopes)
    if not pa or not pb:
        return False
    ca, cb = {p.concept for p in pa}, {p.concept for p in pb}
    return not ca & cb and not any((ca | cb) <= f for f in _SAME_MEASURE)


# an example list open before an item ("including A, B, and C"; "such as"): no sentence, clause
# or colon between the marker and the item
_EXAMPLES_BEFORE = re.compile(r"\b(?:including|such\s+as|e\.\s?g\.|for\s+example)\s[^.;:()]*$", I)
# the list's closing ", and" before the last example, its qualifiers allowed ("uncontrolled
# symptomatic"), no condition on the items ("and requiring", "and who", "and on")
_COMMA_AND = re.compile(
    r"[\s)\]]*(?:\([^()]*\)\s*)?,\s*(?:and|and/or)\s+(?![^,;]*\b(?:requir\w*|with|without|who|whom|that|which|treated|receiving|on|under|need\w*|if|unless|due)\b)[^,;()]*$",
    I,
)
# ("combination SCLC and NSCLC": one tumour of both kinds)
_BOTH_BEFORE = re.compile(r"\b(?:mixed|combined|combination|both|concomitant|simultaneous)\s+$", I)
_BOTH_AFTER = re.compile(r"[\s-]*(?:co-?infect\w*|coexist\w*|together)\b", I)


def _history(item: Item) -> bool:
    """An item that is a diagnosis, infection, therapy or procedure on record (not a measurement),
    or a list of them one topic read as alternatives ("hepatitis B, C and HIV": the hepatitis pair
    is one item; left out, HIV was asked beside it and an HIV-positive patient was not excluded)."""
    return _history_expr(item.expr)


def _graded(item: Item, text: str) -> bool:
    """An item of labs bounded by their CTCAE grade (topics.lab_grades): measurements only, the
    grade written in its span."""
    return bool(item.concepts) and all(CONCEPTS.get(c) is not None and CONCEPTS[c].kind is Kind.MEASUREMENT for c in item.concepts) \
        and LAB_GRADE_GATE.search(text, item.start, item.end) is not None


def _history_qualified(e: Expr | None) -> bool:
    """A history, or a history narrowed by what else the item says: unread words beside it
    (``Qualifier`` conjuncts), a class or bound of its own ("congestive heart failure (NYHA
    III-IV)")."""
    if isinstance(e, All):
        return any(_history_expr(p) for p in e.parts)
    return _history_expr(e)

def _bound(e: Expr | None) -> bool:
    """A measurement's numeric bound and nothing else ("QTc > 470 msec")."""
    return isinstance(e, Predicate) and e.op in NUMERIC_OPS


_DEGREE_WORDS = re.compile(
    r"(?:(?:uncontrolled|uncompensated|decompensated|symptomatic|severe|significant|clinically|unstable|recent|untreated|active|known|poorly|controlled"
    r"|not\s+(?:well\s+|fully\s+|adequately\s+)?controlled(?:\s+(?:with|by)\s+(?:medication|treatment|therapy))?)\s*)+",
    I,
)


def _history_expr(e: Expr | None) -> bool:
    if isinstance(e, Any_):
        return bool(e.parts) and all(_history_expr(p) for p in e.parts)
    if isinstance(e, All):
        # a history with the qualifier the list wrote before it ("Unstable angina and uncompensated
        # congestive heart failure", "HIV and uncontrolled hepatitis B"): still a listed history
        # (only a qualifier of degree or status: other words the residue attached, "combination",
        # "women: The risks of", may say the two are one thing or no list at all)
        return any(_history_expr(p) for p in e.parts) and all(
            _history_expr(p) or (isinstance(p, Qualifier) and _DEGREE_WORDS.fullmatch(p.text) is not None) for p in e.parts
        )
    # (a product the record names, "Prior sunitinib and prior radiotherapy", is a therapy on record
    # as a class is: read as All, a patient given sunitinib alone was not excluded)
    return isinstance(e, Predicate) and (
        e.op in (Op.PRESENT, Op.WITHIN) and CONCEPTS[e.concept].kind is Kind.EVENT or e.concept == "named_medication" and e.op is Op.IS
    )


def combine(items: list[Item], text: str, ctype: CriterionType, prohibited: bool = False) -> Expr | None:
    """The items joined by the words between them. ``prohibited``: an inclusion's "No ..."
    clause, whose list names things none of which may be present ("No HIV, hepatitis B",
    "No brain metastases and HIV infection"): it joins as an exclusion's list does, and a bare
    "and" between listed things is "or" (read as All, the negation passed anyone with one of them)."""
    if prohibited:
        ctype = CriterionType.EXCLUSION
    exprs = [it for it in items if it.expr is not None]
    if not exprs:
        return None
    exprs = lacked_first(exprs, text, prohibited)
    if len(exprs) == 1:
        return exprs[0].expr
    # "hematopoietic stem cell transplantation (HSCT)": the abbreviation restates the item
    # (or its shorter, wider name: "allogeneic hematopoietic stem cell transplant (HSCT)")
    exprs = [
        it for k, it in enumerate(exprs)
        if not (k and restates(exprs[k - 1].expr, it.expr) and _RESTATED.fullmatch(text[exprs[k - 1].end: it.start]))
    ]
    # "congestive heart failure NYHA class 3 or 4": the class read with its disease narrows the
    # name written just before it; kept apart, any heart failure met the line
    exprs = [
        it for k, it in enumerate(exprs)
        if not (k + 1 < len(exprs) and _narrowed_by(it.expr, exprs[k + 1].expr) and not text[it.end: exprs[k + 1].start].strip())
    ]
    exprs = indications(exprs, text, washouts=ctype is CriterionType.INCLUSION)
    exprs = marker_brackets_merged(exprs, text)  # "ALCL (ALK negative) (ALK positive if IPI 3-5)": one bracketed item
    exprs = category_window(exprs, text)
    connectors = [text[a.end: b.start] for a, b in zip(exprs, exprs[1:])]
    for k, c in enumerate(connectors):
        # in a prohibition ("No HIV and no active GVHD") the negator only repeats it, and a topic
        # may have read the "not" itself: negated once
        comma = not AND_LAST.search(c) and _COMMA_NEGATES.match(c) is not None
        therapy = _NOT_TREATED_CLAUSE.search(c) is not None and plain_therapy(exprs[k + 1])
        if not prohibited and (_NEGATES_NEXT.search(c) and (AND_LAST.search(c) or comma) or therapy) and not isinstance(exprs[k + 1].expr, Not):
            nxt = exprs[k + 1]
            exprs[k + 1] = Item(nxt.start, nxt.end, Not(nxt.expr), nxt.concepts)  # type: ignore[arg-type]
    # "Mobitz II second degree heart block, that do not have a pacemaker", "Mobitz II or third
    # degree heart block without a permanent pacemaker": the item after is one each item of the
    # list before must come without, never an alternative to them (read as one, a patient with a
    # pacemaker and no block was excluded, and the paced block too)
    exprs, connectors = without_item(exprs, connectors, prohibited)
    default_or = ctype is CriterionType.EXCLUSION
    kinds = [joiner(qualifiers_and_blanked(c), default_or) for c in connectors]  # ("uncontrolled and active infection": one item)
    if prohibited:
        # "No HIV and no active GVHD": the prohibition said again before the next thing is a list's "and"
        kinds = ["or" if k == "and" and (_LIST_AND.fullmatch(connectors[i]) or (_NEGATES_NEXT.search(connectors[i]) and AND_LAST.search(connectors[i])))
                 and not capital_and_of_bounds(connectors[i], exprs[i].expr, exprs[i + 1].expr)  # "pO_2 < 70 mm Hg AND DLCO < 70%": one state's two bounds
                 else k for i, k in enumerate(kinds)]
    roles = [_role(it) for it in exprs]
    # "or" joins alternatives of one role: in "relapsed, or refractory to induction AML" the
    # disease is not a third alternative to the status
    # a status written against its disease ("relapsed AML") is one unit, bound tighter than "or"
    # (a Philadelphia marker between them is the disease's own: "relapsed/refractory Ph+ ALL")
    kinds = ["unit" if {roles[i], roles[i + 1]} == FIXED_ROLES and (not connectors[i].strip(" -") or ph_between(connectors[i], roles[i])) else k
             for i, k in enumerate(kinds)]
    # a tumour marker written against its cancer ("ALK-positive NSCLC or ROS1-positive NSCLC") is
    # one unit too: joined bare, any NSCLC met the line
    kinds = ["unit" if marker_of(exprs[i], exprs[i + 1]) and not connectors[i].strip(" -") else k for i, k in enumerate(kinds)]
    # "Previously untreated NHL", "Untreated AML" in an exclusion: the newness written against its
    # cancer is one unit, as a status is (joined by the exclusion's default "or", every NHL patient
    # and every untreated patient of any disease was excluded). An inclusion's newness is read
    # against all its listed cancers already ("newly diagnosed, previously untreated DLBCL, MCL,
    # ..."): bound to the first alone, a relapsed MCL met the line
    if ctype is CriterionType.EXCLUSION:
        kinds = ["unit" if not connectors[i].strip(" -") and newness_of(exprs[i], exprs[i + 1]) else k for i, k in enumerate(kinds)]
    # and a status written against that unit ("CML in AP/BC or relapsed/refractory Ph+ ALL") is the
    # unit's as it is its bare disease's: joined apart, the status was an alternative to the CML
    # and the Ph+ ALL a requirement of every patient
    kinds = ["unit" if roles[i] == "status" and not connectors[i].strip(" -") and i + 1 < len(kinds) and kinds[i + 1] == "unit"
             and marker_of(exprs[i + 1], exprs[i + 2]) else k for i, k in enumerate(kinds)]
    # "high-risk MDS (>= 10% marrow blasts) or AML": the bracket's one item qualifies the item it
    # follows and closes before the "or", so the "or" joins the qualified item, not the bracket's
    # (read inside it, every AML patient was asked for the MDS as well). A bracket of the same
    # disease ("myelodysplastic syndrome (MDS) or AML") restates it and is left to the others
    kinds = ["unit" if _OPENS_BRACKET.fullmatch(connectors[i]) and i + 1 < len(connectors) and _CLOSES_BRACKET_OR.match(connectors[i + 1])
             and roles[i] == "diagnosis" and not exprs[i].concepts & exprs[i + 1].concepts else k for i, k in enumerate(kinds)]
    # "PTCL-NOS, ALCL (ALK negative), AITL, or EATL": a bracketed marker of the item before it,
    # closed before the list's next comma, is that item's (bracket_markers)
    kinds = bracketed_markers(kinds, exprs, connectors, roles)
    if marker_of_all(exprs, connectors):
        kinds[0] = "and"
    # "NSCLC without known ALK rearrangements": the item the topic negated is a further condition
    kinds = ["and" if _WITHOUT.search(connectors[i]) and isinstance(exprs[i + 1].expr, Not) and exprs[i + 1].concepts <= BIOMARKERS else k for i, k in enumerate(kinds)]
    for i in range(1, len(kinds)):  # "relapsed or primary refractory AML": the disease is both statuses'
        if kinds[i] == "unit" and roles[i] == "status" and roles[i - 1] == "status" and kinds[i - 1] == "or":
            kinds[i] = "and"
    kinds = _comma_lists(kinds, connectors, roles)
    # "T-cell lymphoma, stage IB or higher ... with progressive, persistent, or recurrent disease":
    # an "or" that closes a list of statuses, far from the disease, does not make the disease one
    kinds = [
        "and" if k == "or" and {roles[i], roles[i + 1]} == FIXED_ROLES and not _LEADING_OR.match(connectors[i]) and not keeps_or(connectors[i]) else k
        for i, k in enumerate(kinds)
    ]
    if "or" in kinds and "and" in kinds and any(re.search(r"\bor\b|\beither\b", c, I) for c in connectors) and not any(
        re.search(r"\band\b", c, I) for c in connectors
    ):
        kinds = [  # "A, B, or C"
            "or" if k == "and" and listed_together(exprs[i], exprs[i + 1], (roles[i], roles[i + 1])) and not FOR_DISEASE.fullmatch(connectors[i])
            else k for i, k in enumerate(kinds)
        ]
    if ctype is CriterionType.INCLUSION:
        # "ANC >= 1.5, PLT >= 100, ..., ALT or AST <= 2.5 x ULN, INR < 1.5 or PT < ULN": a comma
        # between two bounds of different measurements lists requirements, whatever "or" stands
        # elsewhere in the clause (read as alternatives, one passing value met the whole list)
        # A bare slash between two such bounds lists them the same way ("Bilirubin: < 2.0 x ULN/
        # ALT: < 3.0 x ULN"; read as "or", a failed bilirubin passed beside a normal ALT)
        # A method after the first bound may stand before the comma ("LVEF >= 50% as determined by
        # a MUGA scan or echocardiogram, QTc <= 480 ms"): its "or" joins the methods, not the bounds
        # (read as the line's, an LVEF of 45% met it through the QTc)
        # (an unread bound may stand between, a list item of its own: "Platelets > 100,000/mm³,
        # Lymphocytes > 800 /mm³, Serum creatinine < 2.0 mg/dl or ...")
        kinds = ["and" if k == "or" and (_PURE_COMMA.fullmatch(connectors[i]) or _PURE_SLASH.fullmatch(connectors[i]) or _METHOD_COMMA.fullmatch(blank_remarks(connectors[i]))
                                         or _UNREAD_BOUND_COMMA.fullmatch(connectors[i]) or _OR_LOOSER_BOUND.search(connectors[i])
                                         or _BARE_LIST_GAP.fullmatch(without_brackets(connectors[i])))
                 and _bounds_apart(exprs[i].expr, exprs[i + 1].expr)
                 else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "HIV, hepatitis B and hepatitis C"; "major surgery, and live vaccine within 4 weeks": an
        # exclusion's list of histories excludes by any of them. Read as All, a patient with one
        # of them (HIV alone) was not excluded.
        # "mixed small cell and non-small cell lung cancer", "HIV and hepatitis B co-infection" name
        # one thing having both
        # (an item carrying the line's exception or unread words, "MDS and MGUS within 5 years
        # except: ...", is still one of the list's histories: read as All, a patient with MDS
        # alone was not excluded)
        kinds = ["or" if k == "and" and (_LIST_AND.fullmatch(connectors[i]) or _DATED_LIST_AND.fullmatch(connectors[i]))
                 and (_history(exprs[i]) or _history_qualified(exprs[i].expr)) and (_history(exprs[i + 1]) or _history_qualified(exprs[i + 1].expr))
                 and {roles[i], roles[i + 1]} != FIXED_ROLES and not _BOTH_BEFORE.search(text, max(0, exprs[i].start - 12), exprs[i].start)
                 and not _BOTH_AFTER.match(text, exprs[i + 1].end) else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Clinically relevant CNS pathology requiring treatment (eg, unstable epilepsy)", "Cardiac
        # disease requiring treatment (e.g., atrial fibrillation)": the bracket's condition is an
        # example of the head (its need is the head's), one more alternative of the exclusion; read
        # by "requiring" as a condition of both, a CNS pathology needing treatment excluded only
        # beside an epilepsy. A therapy in the bracket is an example of the need instead ("seizure
        # disorder requiring medication (such as anti-epileptics)"), and is left as it was.
        # The example needs the treatment too ("atrial fibrillation" requiring it): its own review.
        for i, k in enumerate(kinds):
            need = _NEED_THEN_EXAMPLES.fullmatch(connectors[i])
            if (k == "and" and need is not None and _history_qualified(exprs[i].expr) and _history_qualified(exprs[i + 1].expr)
                    and not any(therapy_concept(c) for c in exprs[i + 1].concepts | exprs[i].concepts)):
                kinds[i] = "or"
                nxt = exprs[i + 1]
                exprs[i + 1] = Item(nxt.start, nxt.end, all_of([nxt.expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, need.group("need"))]), nxt.concepts)  # type: ignore[list-item]
    if ctype is CriterionType.EXCLUSION:
        # "Precursor T-cell lymphomas (including immature T-cell lymphomas/leukemias) and cutaneous
        # T-cell lymphomas": the first disease's examples in brackets, then the list's "and" to the
        # next disease; an exclusion's list of diseases excludes by any (read as All, a patient with
        # a T-lymphoblastic lymphoma and no cutaneous one was not excluded)
        kinds = ["or" if k == "and" and roles[i] == roles[i + 1] == "diagnosis" and _EXAMPLES_THEN_AND.fullmatch(connectors[i]) else k
                 for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Clinically significant cardiac disease including unstable angina, myocardial infarction
        # within six months, congestive heart failure (NYHA III-IV), and uncontrolled symptomatic
        # arrhythmia": the ", and" that closes a list of examples closes a list of alternatives,
        # whatever qualifies the last one (read as All, a myocardial infarction two months ago
        # did not exclude without an arrhythmia beside it)
        # (an item carrying the unread words before it, "cardiac disease including", is still one
        # of the list's histories)
        # (the list's last example may be a measurement's bound: "ECG abnormalities including left
        # bundle branch block, ..., bradycardia, and QTc > 470 msec" lists the QTc as one more
        # abnormality; read as All, a block on record excluded only beside a long QTc)
        kinds = ["or" if k == "and" and _EXAMPLES_BEFORE.search(text[max(0, exprs[i].start - 300): exprs[i].start])
                 and (_COMMA_AND.match(connectors[i]) or _PURE_COMMA.fullmatch(connectors[i]))
                 and _history_qualified(exprs[i].expr) and (_history_qualified(exprs[i + 1].expr) or _bound(exprs[i + 1].expr))
                 and {roles[i], roles[i + 1]} != FIXED_ROLES else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Baseline hypomagnesemia and amylase or lipase at least Grade 1 or higher": a lab at a
        # CTCAE grade is an adverse event as a diagnosis is, and an exclusion's list of them
        # excludes by any (read as All, a lipase past the limit without hypomagnesemia passed)
        kinds = ["or" if k == "and" and _LIST_AND.fullmatch(connectors[i])
                 and (_graded(exprs[i], text) or _graded(exprs[i + 1], text))
                 and all(_graded(it, text) or _history(it) for it in (exprs[i], exprs[i + 1])) else k for i, k in enumerate(kinds)]
    if ctype is CriterionType.EXCLUSION:
        # "Left ventricular ejection fraction < 45% and in children-shortening fraction < 26%": two
        # measures of the heart's pumping, each the exclusion for whom it is taken (joined by
        # "and", an adult with an ejection fraction of 40% and no shortening fraction on record was
        # no longer excluded)
        kinds = ["or" if k == "and" and (exprs[i].concepts | exprs[i + 1].concepts) == _PUMP and exprs[i].concepts != exprs[i + 1].concepts else k
                 for i, k in enumerate(kinds)]
    if ctype is CriterionType.INCLUSION:
        kinds = last_member_status(exprs, kinds, connectors, text)  # "..., CML in blast crisis, and lymphoma in relapse"
        kinds = _listed_diagnoses(exprs, kinds, connectors, text)
        kinds = _included_kinds(exprs, kinds, connectors, roles, text)
    kinds = either_opens(kinds, connectors, text[exprs[-1].end:])  # "... with either A or B": the item before "either" is no alternative
    for i, k in enumerate(kinds):
        if k == "tight" and _ANCHOR_AFTER.search(connectors[i]):
            exprs[i + 1] = _as_anchor(exprs[i + 1], text)
    kinds = ["unit" if k == "tight" else k for k in kinds]
    loose = _loose_or(kinds, connectors) or (_age_alternatives(exprs, kinds) if ctype is CriterionType.INCLUSION else [])
    loose = loose or (status_alternatives(exprs, kinds, connectors) if ctype is CriterionType.INCLUSION else [])  # "relapsed AML, untreated AML ..."
    if loose:
        # "HBsAg positive and HBV DNA above N, or HCV positive": an "or" after a comma closes the
        # conjunction before it (read inside it, a patient with hepatitis C alone was asked for
        # hepatitis B too)
        cuts = [0, *(k + 1 for k in loose), len(exprs)]
        return any_of([_joined(exprs[a:b], kinds[a: b - 1]) for a, b in zip(cuts, cuts[1:])])
    exprs, kinds = shared_disease(exprs, kinds, roles, connectors)  # "refractory ALL based on ..., or have relapsed"
    return _joined(exprs, kinds)


# a comma before "or" ("..., or ...") and a conjunction written out ("and") elsewhere in the clause
_COMMA_OR = re.compile(r",\s*(?:or|and/or)\s*$", I)
_WRITTEN_AND = re.compile(r"^\s*(?:and|plus)\s*$", I)


def _loose_or(kinds: list[str], connectors: list[str]) -> list[int]:
    """The joins that are an "or" after a comma in a clause whose other joins include a written
    "and" between two items ("A and B, or C"): they bind more loosely than that "and"."""
    loose = [k for k, c in enumerate(connectors) if kinds[k] == "or" and _COMMA_OR.search(c)]
    if not loose:
        return []
    written = [k for k, c in enumerate(connectors) if kinds[k] == "and" and _WRITTEN_AND.match(c)]
    return loose if written else []


def _age_alternatives(exprs: list[Item], kinds: list[str]) -> list[int]:
    """The "or" joins with an age on both sides ("≥ 60 years of age with newly diagnosed AML ... or
    ≥ 18 years of age with relapsed/refractory AML"): each age opens an alternative of its own,
    whole. Bound tighter than the "with" around it, the first alternative's age and status were
    asked of both, so no relapsed patient met the line."""
    ages = [k for k, it in enumerate(exprs) if it.concepts == frozenset({"age"})]
    return [k for k, kind in enumerate(kinds) if kind == "or" and any(a <= k for a in ages) and any(a > k for a in ages)]


# only a comma or "and" between two listed diseases (an abbreviation may close the first)
_DIAGNOSIS_AND = re.compile(r"[\s)\]]*(?:\(\s*[A-Za-z][\w-]{0,11}\s*\)\s*)?,?\s*(?:and|&|and/or)?\s*", I)


def _listed_diagnoses(exprs: list[Item], kinds: list[str], connectors: list[str], text: str) -> list[str]:
    """An inclusion's diseases listed with "and" ("Diagnosis of Myelodysplastic Syndromes,
    Chronic Myelomonocytic Leukemia and Acute Myeloid Leukemia", "Patients with AML and MDS"):
    the kinds of patient the trial takes, each an alternative. No patient has all of them, so
    read as All every patient failed the diagnosis line. Only a bare list joins so: words between
    ("AML arising from MDS", "CLL with ...") keep the join they had."""
    def disease(item: Item) -> bool:
        if isinstance(item.expr, Joint):  # one disease of two diagnoses ("Richter's transformation", parser.joint)
            return bool(item.concepts & DIAGNOSIS_CONCEPTS)
        return isinstance(item.expr, Predicate) and item.expr.op is Op.PRESENT and item.expr.concept in DIAGNOSIS_CONCEPTS

    def listed(i: int) -> bool:  # items i and i + 1 name diseases in a bare list (read with words beside them or not)
        return 0 <= i < len(connectors) and _DIAGNOSIS_AND.fullmatch(connectors[i]) is not None and all(
            bool(it.concepts & DIAGNOSIS_CONCEPTS) for it in (exprs[i], exprs[i + 1]))

    def tail(i: int) -> bool:  # the pair closes a longer list whose other items went unread ("NHL, hairy cell leukemia, CLL and ...")
        return bool(re.search(r",\s*$", text[max(0, exprs[i].start - 3): exprs[i].start]))

    # a pair only: a longer list is taken whole, qualifiers and all, by safety.listed_diagnoses_any
    # (or the same lead words beside both: "Stage IIB-IV mycosis fungoides and sezary syndrome", shared_leads)
    return ["or" if k == "and" and listed(i) and (disease(exprs[i]) and disease(exprs[i + 1]) or shared_lead(exprs, connectors, i) or excepted_then_other(exprs[i], exprs[i + 1]))
            and not listed(i - 1) and not listed(i + 1) and not tail(i)
            or k == "and" and and_other(exprs, connectors, i)  # "A, B, and other high-grade NHL" (shared_leads)
            else k for i, k in enumerate(kinds)]


_PUMP = frozenset({"lvef", "shortening_fraction"})
# "ALL (including lymphoblastic lymphoma and Burkitt's subtypes)", "Advanced solid tumors
# (including lymphoma without bone marrow involvement)": a diagnosis the bracket includes beside
# the line's own
_NEED_THEN_EXAMPLES = re.compile(
    r"\s{0,3}(?P<need>(?:requiring|that\s+requires?|which\s+requires?|needing)\s+(?:[\w-]+\s+){0,2}?(?:treatment|therapy|intervention))\s{0,3}"
    r"\(\s{0,3}(?:e\.?\s?g\.?|eg|such\s+as|for\s+example)\s{0,3},?\s{0,3}(?:[\w-]+\s+){0,2}?", I
)
_EXAMPLES_THEN_AND = re.compile(r"\s{0,3}\(\s{0,3}including\b[^()]{0,80}\)\s{0,3},?\s{0,3}(?:and|&)\s{0,3}", I)
_INCLUDING_OPEN = re.compile(r"\s*\(\s*including\b[^()]*$", I)
# the same list unbracketed after a comma ("MDS, including CMML"; "Myeloproliferative disorders,
# including Ph-negative CML, myelofibrosis and CMML"): read as "and", an MDS patient without
# CMML failed the MDS line
# (the connector may end at "including" itself, the space read with the next name: "Solid tumors,
# including lymphomas", where every patient with a solid tumour was asked for a lymphoma too)
# what a bracket of included diagnoses holds besides their names: "including", the joins, its own
# bracket marks
_ONLY_INCLUDING = re.compile(r"[\s(]*including(?:\s|,|\band/or\b|\band\b|\bor\b)*", I)
_INCLUDING_LIST = re.compile(r"\s*\)?\s*,?\s*including(?:\s+(?:[^().;:,]{1,40},\s*){0,3}(?:[^().;:,]{1,40}\s+(?:and|or|and/or))?)?\s*", I)


def _included_kinds(exprs: list[Item], kinds: list[str], connectors: list[str], roles: list[str], text: str) -> list[str]:
    """A diagnosis named in "(including ...)" right after the line's diagnosis widens it: one more
    kind of patient the line admits, never a second disease each must have (joined by "and", every
    patient with the line's own disease failed it). The bracket's words say which of its kind (a
    lymphoma that is lymphoblastic, one without marrow involvement), and no record's broad concept
    says that, so each included diagnosis stands with the bracket as a review beside it: a patient
    with the line's disease meets the line, one with neither disease fails it, one with the
    included kind is a person's to confirm."""
    out = list(kinds)
    for i, connector in enumerate(connectors):
        if _a_disease(exprs[i], roles[i]) and _a_disease(exprs[i + 1], roles[i + 1]) and _INCLUDING_LIST.fullmatch(connector):
            out[i] = "or"  # "MDS, including chronic myelomonocytic leukemia": one more disease the line admits
            continue
        if not (_a_disease(exprs[i], roles[i]) and _a_disease(exprs[i + 1], roles[i + 1])) or not _INCLUDING_OPEN.match(connector):
            continue
        close = text.find(")", exprs[i + 1].start)
        if close < 0 or exprs[i + 1].concepts <= exprs[i].concepts:
            continue  # "AML (including secondary AML)": the line's own disease again, nothing added
        words = " ".join(text[text.find("(", exprs[i].end) + 1: close].split())
        # a bracket that only names the included diagnoses ("MDS (including CMML)", "(including
        # chronic myelomonocytic leukemia)") says nothing a person must confirm: each is one more
        # disease the line admits, as "MDS, including CMML" reads (with the review beside it, a
        # CMML patient was left to a person by a trial that names CMML)
        base = text.find("(", exprs[i].end) + 1
        inside = [k for k in range(i + 1, len(exprs)) if exprs[k].end <= close + 1]
        rest = text[base:close]
        for k in reversed(inside):  # the names blanked out, last first so the earlier offsets hold
            rest = rest[: max(0, exprs[k].start - base)] + " " + rest[max(0, exprs[k].end - base):]
        bare = all(_a_disease(exprs[k], roles[k]) for k in inside) and _ONLY_INCLUDING.fullmatch(rest) is not None
        # inside a list of diseases ("AML, ALL, MDS (including CMML), CML ..."), the included kind
        # stays the list's remark for a person, as it was before it was read: set apart by "or"
        # there, the list's reading broke and an AML patient was asked for MDS or CMML
        listed = i > 0 and _a_disease(exprs[i - 1], roles[i - 1]) and _PURE_COMMA.fullmatch(connectors[i - 1]) is not None and out[i - 1] != "or"
        out[i] = out[i - 1] if listed else "or"
        for k in range(i + 1, len(exprs)):
            if exprs[k].end > close + 1:
                break
            if _a_disease(exprs[k], roles[k]) and not bare:
                kept: Expr = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words) if listed else all_of([exprs[k].expr, Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, words)])  # type: ignore[list-item]
                exprs[k] = Item(exprs[k].start, exprs[k].end, kept, exprs[k].concepts)
            if k > i + 1:
                out[k - 1] = out[i]
    return out


def _a_disease(item: Item, role: str) -> bool:
    e = item.expr
    return role == "diagnosis" or (isinstance(e, Predicate) and e.op is Op.PRESENT and cancer(e.concept))


def _joined(exprs: list[Item], kinds: list[str]) -> Expr:
    units: list[Expr] = [exprs[0].expr]  # type: ignore[list-item]
    unit_kinds: list[str] = []
    for kind, item in zip(kinds, exprs[1:]):
        if kind == "unit":
            units[-1] = all_of([units[-1], item.expr])  # type: ignore[list-item]
        else:
            units.append(item.expr)  # type: ignore[arg-type]
            unit_kinds.append(kind)
    groups: list[list[Expr]] = [[units[0]]]
    for kind, unit in zip(unit_kinds, units[1:]):
        if kind == "or":
            groups[-1].append(unit)
        else:
            groups.append([unit])
    return all_of([any_of(g) for g in groups])


_SHARED_BOUND_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.NOT_WITHIN})
# alternatives that measure one thing by different means: "CrCl or eGFR >= 60", "ECOG or WHO 0-1"
_SAME_MEASURE = (
    frozenset({"creatinine_clearance", "egfr", "gfr"}),
    # "Total or direct bilirubin <= 1.5 x ULN" (5 corpus lines): the trial takes either measure of
    # the one bilirubin (the direct one where Gilbert's raises the total)
    frozenset({"bilirubin", "direct_bilirubin"}),
    frozenset({"ecog", "karnofsky", "lansky", "who_ps", "zubrod"}),
    # "< 21 years of age when originally diagnosed" (topics.age): today's age under the bound, or
    # the age the record dates at the diagnosis; one bound on when the patient was that young
    frozenset({"age", "age_at_diagnosis"}),
)
# one finding at either of two sites: "at least 20% blasts in the peripheral blood or bone marrow"
# is the disease shown in either; an upper bound ("< 5% blasts in blood or marrow") still asks both
_EITHER_SITE = frozenset({"bm_blasts", "pb_blasts"})


def each_subject(expr: Expr) -> Expr:
    """A list of subjects under one bound in a requirement ("AST or ALT <= 2.5 x ULN", "prior
    chemotherapy or TKI >= 7 days before") asks it of each of them: the registry writes "or"
    because any one over the limit fails. Only for an inclusion's requirements; in an exclusion
    any one of them applying is right. Subjects that are one measure by different means stay
    alternatives."""
    if isinstance(expr, Any_):
        parts = expr.parts
        if len(parts) > 1 and all(isinstance(p, Predicate) for p in parts):
            preds = [p for p in parts if isinstance(p, Predicate)]
            shape = {(p.op, p.value, p.unit, p.uln, p.window) for p in preds}
            concepts = frozenset(p.concept for p in preds)
            if (
                len(shape) == 1
                and preds[0].op in _SHARED_BOUND_OPS
                and len(concepts) == len(preds)
                and not any(concepts <= family for family in _SAME_MEASURE)
                and not (concepts <= _EITHER_SITE and preds[0].op in (Op.GT, Op.GTE))
            ):
                return All(parts)
        return Any_(tuple(each_subject(p) for p in parts))
    if isinstance(expr, All):
        return All(tuple(each_subject(p) for p in expr.parts))
    return expr  # under Not the list is already "none of them"
