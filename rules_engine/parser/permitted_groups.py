"""Lines that permit a group of patients on a condition.

"Patients who previously received CAR-T may be included, provided that ...", "Prior chemotherapy
allowed unless within 90 days", "Patients with controlled HIV are eligible", "Secondary AML ... are
included": a permission asks nothing outside the group, ``Any_(Not(group), condition)``; read as a
requirement every patient without the history failed the line. The group and its proviso are read
as clauses (``residue``) and as lines (``line_reader``), so this module sits above the residue
policy and below the line assembly (``line``).
"""

from __future__ import annotations

import re

from rules_engine.concepts import HEMATOLOGIC_DISEASES
from rules_engine.criteria import All, Any_, CriterionType, Expr, NoRequirement, Not, Op, Predicate, Review, ReviewReason, Window, iter_nodes
from rules_engine.parser.clauses import PARENS, parse_clause
from rules_engine.parser.combining import combine
from rules_engine.parser.extraction import extract
from rules_engine.parser.graded_exceptions import bounded_event
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.items import I, NEGATED, all_of, any_of, asks_nothing, content_words, predicate, predicates
from rules_engine.parser.permission_after import treatment_after
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.residue import clause_expr
from rules_engine.parser.review_reasons import review_reason
from rules_engine.parser.widening import TREATMENT_CONCEPTS


_BOUND_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EQ, Op.NEQ, Op.BETWEEN})


# what a permission adds about counting ("... allowed and are not considered in the prior therapy
# total"): a remark on another line's count, no condition of the permission
_NOT_COUNTED = r"\s+and\s+(?:are|is|do|does)\s+not\s+(?:be\s+)?(?:considered|counted|count)\b[^;]*$"
# (a group that "are included in the study" is permitted as one that "are eligible": "Patients with
# a history of carcinoma in remission (...) are included in the study", "Secondary AML (including
# therapy-related) are included"; read as asked for, every patient without it failed the line. The
# plural only: "... or whose partner is included in the trial" permits no group)
PERMISSION = re.compile(
    r"\b(?:(?:may|can|could|will)\s+(?:also\s+|only\s+)?be\s+(?:included|enrolled|eligible|allowed|permitted|considered|registered|entered)|(?:is|are)\s+(?:also\s+)?(?:allowed|permitted|eligible|acceptable)|are\s+(?:also\s+)?included(?:\s+in\s+(?:the|this)\s+(?:study|trial))?)\b"
    # the registries' short form, "Prior chemotherapy allowed", "Transplantation for AML allowed unless within 90 days"
    r"|(?<![Nn]ot )(?<![Nn]o )\b(?:allowed|permitted)\b(?=\s*,?\s*(?:unless|if|provided|as\s+long\s+as)\b|\s*[.;]?\s*$|" + _NOT_COUNTED + ")",
    I,
)
_UNLESS_WITHIN = re.compile(
    r"^unless\s+(?:(?:it\s+was|they\s+were|given|received|performed|done|administered)\s+)?within\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d+)\s*(?P<unit>days?|weeks?|months?|years?)\b[^;]*$",
    I,
)
# a permission's condition that dates the permitted treatment ("Prior palliative radiotherapy or
# surgery are allowed if completed at least 4 weeks before the randomization", "... provided it was
# given more than 6 months prior to study entry"): the condition is a washout of the treatment
# itself, nothing else in it
_COMPLETED_BEFORE = re.compile(
    r"^(?:(?:it|they|this|these|such|the\s+(?:therapy|treatment|radiotherapy|radiation|surgery|last\s+dose))\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?(?:completed|given|administered|received|performed|finished|stopped|discontinued)\s+"
    r"(?:at\s+least|≥|more\s+than|>|over)\s*(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?|years?)\s+(?:before|prior\s+to)\s+"
    r"(?:the\s+)?(?:randomi[sz]ation|registration|enrol(?:l)?ment|study\s+entry|entry|inclusion|day\s+1|start\s+of\s+(?:study\s+)?treatment|"
    r"(?:the\s+)?first\s+dose(?:\s+of\s+(?:study\s+|trial\s+)?(?:drug|treatment|therapy))?|study\s+(?:drug|treatment))\W*$",
    I,
)
_HISTORY_OPS = frozenset({Op.PRESENT, Op.WITHIN, Op.NOT_WITHIN})
_STATUS = frozenset({"relapsed", "refractory", "remission"})


_BRACKETED = re.compile(r"\[[^\[\]]*\]")
# the phrase the short form permits may be a list ("Prior hematopoietic growth factors, androgens,
# and other supportive care agents allowed", "Prior immunotherapy, including rituximab or other
# monoclonal antibody, allowed", "Concurrent ranitidine, famotidine, or proton-pump inhibitors
# allowed"): its commas join the things permitted, never a requirement before them (read as one,
# every patient without a growth factor failed the line, holdout T241). A list opens on a
# therapy's time ("Prior", "Concurrent") and closes its items with "and"/"or" or names them after
# "including"; a comma in brackets says nothing of the phrase. No repetition nests another.
_PERMITTED_LIST = re.compile(
    r"\W*(?:prior|previous|concurrent|concomitant)\b[^,;:]*"
    r"(?:,\s*(?:including|such\s+as)\b[^,;:]*,?\s*$|(?:,[^,;:]*)*,?\s+(?:and/or|and|or)\s+[^,;:]*$)",
    I,
)


def _permitted_list(subject: str) -> bool:
    """Whether the subject of a short-form permission is a list of what it permits: its commas
    outside brackets join items (a bracket left open hides where the list ends, so it is none)."""
    if subject.count("(") != subject.count(")") or subject.count("[") != subject.count("]"):
        return False
    bare = _BRACKETED.sub("", PARENS.sub("", subject))
    return "," in bare and _PERMITTED_LIST.match(bare) is not None


# a condition that the permitted treatment failed: no response to it, or a relapse after it
_TREATMENT_FAILED = re.compile(
    r"\b(?:evaluated|assessed|judged|confirmed|documented)\s+as\s+(?:NR|no\s+response|non-?respon\w*|refractory)\b"
    r"|\brelapse[sd]?\s+after\s+(?:the\s+|a\s+)?(?:remission|response|CR)\b",
    I,
)


def permitted_group(clauses: list[str], ctype: CriterionType) -> Expr | None:
    """A line that opens by permitting a group ("Patients who have previously received CAR-T
    may be included, provided that ..."): it asks nothing of anyone outside the group, and of
    the group only what the condition says. Inclusion: ``Any_(Not(group), condition)``;
    exclusion: ``All(group, Not(condition))``."""
    first = _BRACKETED.sub("", PARENS.sub("", clauses[0]))  # "[EXCEPTION: hydroxyurea ... is permitted]" permits no group
    m = PERMISSION.search(first)
    if m is None:
        return None
    m = PERMISSION.search(clauses[0])
    if m is None:
        return None
    subject = clauses[0][: m.start()]
    if NEGATED.match(subject):
        return None  # "No prior chemotherapy allowed": a prohibition
    if re.search(r"\bexcept(?:ions?)?\b|\bunless\b", subject, I):
        # "Known HCV infection, with the following exception: subjects who ... received antiviral
        # treatment ... are eligible": the line opens with what it excludes, not with the group
        return None
    if m.group(0).lower() in ("allowed", "permitted") and re.search(r"[,;:]", subject) and not _permitted_list(subject):
        # the short form permits only the phrase it ends: "Treated with 1-3 AML regimens, prior
        # cytarabine allowed" opens with a requirement, and read as a permitted group every
        # patient without AML met it
        return None
    items = [it for it in extract(subject, ctype) if it.expr is not None]
    named = re.sub(r"^\W*(?:(?:prior|previous|past|concurrent|concomitant|any)\s+)+", "", subject, flags=I)
    if not items and _bare_permission(clauses, m) and not extract(named, CriterionType.EXCLUSION):
        # "Elevated levels of alkaline phosphatase allowed", "Bone marrow metastases allowed": a
        # line that only permits restricts nobody (it widens some other line, which is read there).
        # A subject with a concept, read where an exclusion would read it ("Prior myelodysplastic
        # syndrome allowed"), keeps the reading the group permission gives
        return asks_nothing(ctype)
    if not items and ctype is CriterionType.INCLUSION and len(clauses) == 1:
        indicated = _indication_permitted(clauses[0], m.end())
        if indicated is not None:
            return indicated
    # the group is read at its widest: a disease status beside what names it ("Participants who
    # have relapsed after HSCT") is the trial's own, and a status not coded would put a
    # transplanted patient outside the group and past its condition
    widest = [it for it in items if not it.concepts <= _STATUS]
    items = widest or items
    if any(it.concepts & TREATMENT_CONCEPTS for it in items):
        # "Transplantation for AML allowed ...": the disease a treatment was for is its indication,
        # the trial's own disease; the group is everyone with the treatment (a wider group, held to
        # the condition)
        treated = [it.end for it in items if it.concepts & TREATMENT_CONCEPTS]
        # every disease of the indication ("HCT for MDS/AML"): narrowed to some, the group lost patients
        indications = [
            it for it in items
            if it.concepts <= HEMATOLOGIC_DISEASES and any(end <= it.start and len(subject[end: it.start]) <= 60 and re.search(r"\bfor\b", subject[end: it.start], I) for end in treated)
        ]
        items = [it for it in items if it not in indications]
    else:
        indications = []
    if ctype is CriterionType.INCLUSION and items and all(bounded_event(it.expr) for it in items):
        # "Peripheral neuropathy less than or equal to Grade 2 is allowed": the event's own reading
        # is the permission already (none above the grade allowed); read as a group permitted,
        # "not (no grade 3 neuropathy) or ...", a grade 3 neuropathy met the line
        return all_of([it.expr for it in items])  # type: ignore[misc]
    if not items or any(p.op in _BOUND_OPS for it in items for p in predicates(it.expr)):
        return None  # "ALT <= 2.5 x ULN; <= 5 x ULN is acceptable if ...": a requirement, not a group
    if _UNREAD_ALTERNATIVE.match(subject, max(it.end for it in items)):
        return None  # "history of hypothyroidism or hyperthyroidism are eligible, provided ...": the group is wider than read
    group = combine(items, subject, CriterionType.INCLUSION)
    tail = re.sub(r"^\W*(?:(?:for|in|to)\s+(?:this|the)\s+(?:study|trial|protocol)\b)?\W*", "", clauses[0][m.end():])
    if ctype is CriterionType.INCLUSION and not tail and re.fullmatch(r"(?:is|are)\s+eligible", m.group(0), I) and any(
        p.concept in HEMATOLOGIC_DISEASES for p in predicates(group)
    ):
        return None  # "Patients with multiple myeloma in first relapse ... are eligible (for the study)": who the trial is for, not a permission
    rest = " ".join([clauses[0][m.end():], *clauses[1:]]).strip(" ,.")
    rest = "" if re.fullmatch(_NOT_COUNTED, " " + rest, I) else rest
    # "Patients are eligible 6 months after allogeneic stem cell transplant as long as ...": the
    # treatment named again, with its interval, before the condition (``permission_after``)
    after = treatment_after(rest, TREATMENT_CONCEPTS) if any(it.concepts & TREATMENT_CONCEPTS for it in items) else None
    since: Window | None = None
    if after is not None:
        rest, group, since = after
    provided = re.match(r"^\W*(?:in\s+this\s+(?:study|trial))?\W*(?:provided|if|only\s+if|as\s+long\s+as|when)\b", rest, I) is not None
    rest = re.sub(r"^\W*(?:in\s+this\s+(?:study|trial))?\W*(?:provided\s+(?:that\s+)?|if\s+|only\s+if\s+|as\s+long\s+as\s+|when\s+)?", "", rest, flags=I)
    assert group is not None
    # a treatment named whole ("Prior chemotherapy", "Prior stem cell transplant"), never a disease
    masked = "".join(" " if any(it.start <= i < it.end for it in items + indications) else ch for i, ch in enumerate(subject))
    masked = re.sub(r"\bfor\b(?:\s+(?:the|their))?|[/,]|\b(?:or|and)\b", " ", masked, flags=I) if indications else masked
    history = (
        all(p.op in _HISTORY_OPS and p.concept in TREATMENT_CONCEPTS for p in predicates(group))
        and not content_words(blank_remarks(masked))
    )
    unless = _UNLESS_WITHIN.match(rest)
    if unless and history and all(isinstance(p, Predicate) and p.op is Op.PRESENT for p in _leaves(group)):
        # "Transplantation for AML allowed unless within 90 days of study entry": none that recent
        window = Window(float(unless.group("n")), unless.group("unit").lower().rstrip("s") + "s")
        recent = _dated(group, window)
        return Not(recent) if ctype is CriterionType.INCLUSION else recent
    completed = _COMPLETED_BEFORE.match(rest) if provided else None
    if completed and history and all(isinstance(p, Predicate) and p.op is Op.PRESENT for p in _leaves(group)):
        # "Prior palliative radiotherapy or surgery are allowed if completed at least 4 weeks
        # before the randomization": a treatment on record before then meets the condition, one
        # since fails it (left a review, the recent one was unknown; the condition decides it)
        recent = _dated(group, Window(float(completed.group("n")), completed.group("unit").lower().rstrip("s") + "s"))
        return Not(recent) if ctype is CriterionType.INCLUSION else recent
    if not rest and history:  # "Prior chemotherapy allowed": asks nothing of anyone, with it or without
        return any_of([Not(group), group]) if ctype is CriterionType.INCLUSION else all_of([group, Not(group)])
    # "Patients with AML or MDS are eligible at first or subsequent relapse, whereas patients with
    # ALL are eligible at second ...": a second group with its own condition, read as its own line
    whereas = _WHEREAS.search(rest)
    other = permitted_group([rest[whereas.end():]], ctype) if whereas is not None else None
    if whereas is not None and other is not None:
        rest = rest[: whereas.start()]
    condition: Expr = _status_condition(rest, ctype) or (_proviso(rest) if provided else None) or Alternative(review_reason(rest) if rest else ReviewReason.JUDGEMENT, rest or clauses[0])
    if rest and _TREATMENT_FAILED.search(rest) and all(p.op in _HISTORY_OPS and p.concept in TREATMENT_CONCEPTS for p in predicates(group)):
        # "... provided that the efficacy evaluation of CAR-T therapy has been completed and
        # evaluated as NR, or relapse after remission of CAR-T therapy": the treatment failed, so
        # the disease is refractory or relapsed; that it came after the treatment no record
        # dates against it, which stays the reviewer's (with neither status on record the
        # treatment did not fail, and the group's patient does not meet the line)
        condition = all_of([any_of([predicate("refractory", Op.PRESENT), predicate("relapsed", Op.PRESENT)]),
                            Qualifier(ReviewReason.AMBIGUOUS, "after the treatment: " + rest)])
    if since is not None:
        condition = all_of([Not(_dated(group, since)), condition])  # the interval is the condition's too
    own = any_of([Not(group), condition]) if ctype is CriterionType.INCLUSION else all_of([group, Not(condition)])
    if other is None:
        return own
    return all_of([own, other]) if ctype is CriterionType.INCLUSION else any_of([own, other])


_WHEREAS = re.compile(r"\s*[,;]?\s*\bwhereas\s+(?=\S)", I)


_FOR_INDICATION = re.compile(r"\s*(?:for|in)\s+(?:(?:patients?|subjects?|participants?|those)\s+with\s+)?(?=\S)", I)


def _indication_permitted(clause: str, end: int) -> Expr | None:
    """A permission of something no topic reads, for the patients it names ("Non-escalating
    doses of steroids at the lowest possible dosing level are allowed for CNS lymphoma"): it asks
    nothing of anyone else, and of those patients only what the permission says, a person's to
    read. Read as its indication, it asked every patient for a CNS lymphoma."""
    lead = _FOR_INDICATION.match(clause, end)
    if lead is None:
        return None
    named = clause[lead.end():]
    if re.search(r"\b(?:except|excluding|other\s+than|unless|participation|enrollment|(?:the|this)\s+(?:study|trial))\b", named, I):
        return None  # "... are eligible for participation except for APL": what it excludes, not whom it permits
    items = [it for it in extract(named, CriterionType.INCLUSION) if it.expr is not None]
    if not items or not all(p.op is Op.PRESENT and p.concept not in TREATMENT_CONCEPTS for it in items for p in predicates(it.expr)):
        return None
    group = combine(items, named, CriterionType.INCLUSION)
    if group is None:
        return None
    return any_of([Not(group), Alternative(ReviewReason.AMBIGUOUS, "what the permission asks of the patients it names: " + clause)])


# ("as long as patients are not actively being treated for GvHD": the same, with "are not")
_PRONOUN_HAS_NO = re.compile(
    r"^\W*(?:(?:they|he\s+or\s+she|(?:the\s+)?(?:patients?|subjects?|participants?))\s+)?(?:(?:has|have)\s+(?=no\b)|(?:are|is)\s+(?=not\b)|(?=no\b))", I
)


def _proviso(text: str) -> Expr | None:
    """A group's condition written as requirements ("... are eligible provided that they are > 4
    weeks from stem cell infusion, have no active GVHD, and meet other eligibility criteria"):
    read as an inclusion line of its own, so a member of the group whom it fails does not meet
    the line (left to a person whole, a transplant two weeks ago was possibly eligible). A
    condition not read whole stays the reviewer's."""
    if not text or _TREATMENT_FAILED.search(text):
        return None
    # "provided they have no evidence of acute or chronic GVHD": the pronoun and its verb before
    # "no" hid the negation, so the group's condition asked for GVHD (every transplanted patient
    # without it failed the line, one with it met it)
    text = _PRONOUN_HAS_NO.sub("", text)
    expr = read_expr(text, CriterionType.INCLUSION)
    if not predicates(expr) or any(isinstance(node, Review) and not _topic_doubt(node) for node in iter_nodes(expr)):
        # read in part, the words left over may hold what turns the read part round ("it was at
        # least 100 days ago and there is no active GVHD" lost its negation beside the unread
        # words): a condition read whole or not at all
        return None
    return expr


def _topic_doubt(node: Review) -> bool:
    """A doubt a topic wrote about what it read ("GVHD and (steroid-therapy or ... or review
    ambiguous 'another systemic treatment of GVHD')"): the condition was read whole, the doubt is
    the topic's own alternative. Words left over are an unread or unsupported review."""
    return node.reason is ReviewReason.AMBIGUOUS and bool(node.text)


def _status_condition(text: str, ctype: CriterionType) -> Expr | None:
    """A group's condition that is a disease status the record holds ("are eligible at first or
    subsequent relapse"): read, so a group member without it fails the line. Anything else, or a
    status with words left over, stays the reviewer's."""
    clause = parse_clause(text, ctype)
    if clause.expr is None or clause.exceptions or any(not r.qualifies for r in clause.residue):
        return None
    if not all(p.concept in _STATUS - {"remission"} and p.op is Op.PRESENT for p in predicates(clause.expr)):
        return None
    if any(isinstance(n, Review) for n in iter_nodes(clause.expr)):
        return None  # "at second or subsequent relapse or any relapse that is refractory ...": which relapse is a person's, so the whole condition is
    return clause_expr(clause, ctype, False)


# what turns a permission into a limit ("Only one prior regimen allowed", "Up to 2 prior
# chemotherapy regimens permitted", "Prior steroids at stable doses allowed") or a condition
# ("allowed if ...", "allowed, provided ..."): such a line still asks something
_PERMISSION_LIMIT = re.compile(
    r"\d|\b(?:only|at\s+most|up\s+to|no\s+more|max\w*|fewer|less|more|single|one|two|three|four|five|six|first|second|third|"
    r"if|unless|provided|when|as\s+long|except\w*|but|stable|decreasing|low|short|brief|limited|dose[sd]?|not|no|never|must|should|cannot|"
    r"normal|adequate|controlled|regulated|function\w*|required?|requirements?)\b|[<>≤≥:]|\s-\s",
    I,
)


# an alternative the topics did not read, right after the group's last item ("... or
# hyperthyroidism"): the group the permission names is wider than the one read
_UNREAD_ALTERNATIVE = re.compile(r"\s*(?:,\s*)?(?:or|and/or|/)\s*(?!(?:are|is|will|may|can|could|would|who|that|which|with|if)\b)[A-Za-z]", I)


def _bare_permission(clauses: list[str], m: re.Match[str]) -> bool:
    """Whether the line is one permission and nothing else: "<subject> allowed", its subject
    free of numbers, limits and conditions."""
    if len(clauses) != 1 or clauses[0][m.end():].strip(" .;,"):
        return False
    subject = clauses[0][: m.start()]
    return bool(content_words(PARENS.sub(" ", subject))) and not _PERMISSION_LIMIT.search(subject)


def _leaves(expr: Expr) -> list[Expr]:
    if isinstance(expr, (All, Any_)):
        return [leaf for part in expr.parts for leaf in _leaves(part)]
    return [expr]


def _dated(expr: Expr, window: Window) -> Expr:
    """``expr`` with each history predicate asked within ``window``."""
    if isinstance(expr, Predicate):
        return Predicate(expr.concept, Op.WITHIN, expr.value, expr.unit, expr.uln, window)
    if isinstance(expr, All):
        return all_of([_dated(p, window) for p in expr.parts])
    if isinstance(expr, Any_):
        return any_of([_dated(p, window) for p in expr.parts])
    return expr
