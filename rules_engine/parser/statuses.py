"""Disease statuses written around the diseases they qualify.

"Recurrent or metastatic breast cancer", "relapsed/refractory AML or ALL", "acute myeloid leukemia
(AML) ... AML": statuses run before a disease, over a list of diseases, and names restated in
brackets are one item, not alternatives or more requirements. These rewrite a clause's items
before they are joined (``combining``), and the joining asks the same questions of restated names,
so they are kept apart from both the joining and the clause grammar (``clauses``).
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, CriterionType, Expr, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of
from rules_engine.parser.safety import Alternative
from rules_engine.parser.unremitted_course import unremitted
from rules_engine.parser.roles import STATUS_CONCEPTS, _role, cancer


# the status adjectives a registry lists before the disease they qualify ("recurrent or metastatic
# breast cancer", "locally advanced, unresectable or metastatic NSCLC"); each fixed word, no nesting
_STATUS_WORD = (
    r"(?:locally\s+advanced|advanced|metastatic|unresectable|inoperable|progressive|persistent|recurrent|relapsed|relapsing|"
    r"(?:primary\s+)?refractory|resistant)"
)
_STATUS_RUN = re.compile(rf"\b{_STATUS_WORD}(?:\s*(?:,\s*(?:or\s+|and/or\s+)?|or\s+|and/or\s+|/\s*){_STATUS_WORD})+\s*$", I)
_STATUS_LEAD = re.compile(rf"{_STATUS_WORD}\s+", I)
_STATUS_OR = re.compile(r"\bor\b|/", I)
_STATUS_ONE = re.compile(_STATUS_WORD, I)
# between a therapy and the disease it treated: "for", and the statuses of the disease ("chemotherapy
# for metastatic breast cancer"): the disease names what the therapy was for, never an alternative
FOR_DISEASE = re.compile(rf"\s*for\s+(?:the\s+)?(?:{_STATUS_WORD}(?:\s*[,/]\s*|\s+or\s+|\s+and/or\s+|\s+)){{0,4}}|\s*for\s*", I)


def status_runs(items: list[Item], text: str) -> list[Item]:
    """"Recurrent or metastatic breast cancer": statuses joined by "or" before a disease all
    qualify it, so the line asks for the disease and one of them. Read as a list of items, the
    "or" made "relapsed" an alternative to "breast cancer" and any relapsed patient (a relapsed
    AML) met it. A status no concept reads stays an unread alternative (review), never dropped."""
    out = list(items)
    k = 0
    while k < len(out):
        d = out[k]
        e = d.expr
        if not (isinstance(e, Predicate) and e.op is Op.PRESENT and cancer(e.concept)):
            k += 1
            continue
        j = k  # the status items right before the disease
        while j > 0 and out[j - 1].concepts and out[j - 1].concepts <= STATUS_CONCEPTS:
            j -= 1
        lo = out[j - 1].end if j > 0 else 0
        lead = _STATUS_LEAD.match(text, d.start, d.end)  # "metastatic solid tumor": the topic took the status in
        end = lead.end() if lead is not None else d.start
        run = _STATUS_RUN.search(text, max(lo, end - 160), end)
        if run is None or not _STATUS_OR.search(run.group(0)):
            k += 1
            continue
        while j < k and out[j].start < run.start():  # a status before the run is no part of it ("refractory to ... for advanced or metastatic X")
            j += 1
        if any(it.end > run.end() for it in out[j:k]):
            k += 1
            continue
        statuses: list[Expr] = [it.expr for it in out[j:k] if it.expr is not None]
        blank = list(run.group(0))
        for it in out[j:k]:
            blank[it.start - run.start(): it.end - run.start()] = " " * (it.end - it.start)
        unread = [m.group(0) for m in _STATUS_ONE.finditer("".join(blank))]
        if not unread:  # every status read ("relapsed or refractory AML"): the joins already read it
            k += 1
            continue
        # ("recurrent, persistent, or progressive AML": a disease in remission is neither; unremitted_course)
        statuses += [unremitted(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(w.split())), w, out[j:k]) for w in unread]
        concepts = frozenset().union(d.concepts, *(it.concepts for it in out[j:k]))
        merged = Item(run.start(), d.end, all_of([e, any_of(statuses)]), concepts)
        out[j: k + 1] = [merged]
        k = j + 1
    return out


# "Progressive or recurrent disease", "Persistent or recurrent disease" (about 8 corpus lines): the same run of statuses before the patient's
# own disease named by no concept ("disease"). Read item by item, the relapse was the line's and the
# course word an unread requirement beside it ("relapsed and <Progressive>": a relapsed disease was
# unknown, and any other failed the line) or the relapse an alternative of an unread phrase. The
# run is one list of alternatives, the course word a disease not in remission (unremitted_course).
# Only a run with a status read (a relapse, a refractory disease) and an "or" in it, every read item
# inside it a status, and the bare noun closing the clause: words after it ("... disease during or
# after prior methotrexate", "... disease that is refractory to standard therapy") say what the
# course followed, which the run read alone would drop
_BARE_DISEASE_RUN = re.compile(
    rf"\b{_STATUS_WORD}(?:\s*(?:,\s*(?:or\s+|and/or\s+)?|or\s+|and/or\s+|/\s*){_STATUS_WORD}){{1,3}}\s+disease\b(?=\s*(?:$|[.;]))", I)

# the disease a therapy was given for ("Prior treatment with weekly paclitaxel for recurrent or
# persistent disease is not allowed"): a setting in the past, never the disease's status now
_PURPOSE_BEFORE = re.compile(r"\b(?:for|of|against|treat(?:s|ed|ing)?|after|following)\s+(?:(?:the|their|his|her|a|an)\s+)?$", I)


def bare_status_runs(items: list[Item], text: str) -> list[Item]:
    """"Progressive or recurrent disease": the statuses of the patient's disease as one list of
    alternatives (see ``_BARE_DISEASE_RUN``); a status no concept reads stays a person's, with a
    disease in remission never one (``unremitted``)."""
    out = list(items)
    for m in _BARE_DISEASE_RUN.finditer(text):
        if not _STATUS_OR.search(m.group(0)) or _PURPOSE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        inside = [it for it in out if it.start < m.end() and it.end > m.start()]
        if not inside or any(it.start < m.start() or it.end > m.end() or not it.concepts or not it.concepts <= STATUS_CONCEPTS or it.expr is None for it in inside):
            continue
        blank = list(m.group(0))
        for it in inside:
            blank[it.start - m.start(): it.end - m.start()] = " " * (it.end - it.start)
        unread = [w.group(0) for w in _STATUS_ONE.finditer("".join(blank))]
        if not unread:
            continue  # "relapsed or refractory disease": the joins already read it
        statuses: list[Expr] = [it.expr for it in inside if it.expr is not None]
        statuses += [unremitted(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, " ".join(w.split())), w, inside) for w in unread]
        at = out.index(inside[0])
        out = [it for it in out if it not in inside]
        out.insert(at, Item(m.start(), m.end(), any_of(statuses), frozenset().union(*(it.concepts for it in inside))))
    return out


# "(AML)", "(CML-BC)": a bracket holding only the abbreviation, a suffix of it allowed
_ABBREVIATION_REST = re.compile(r"[\w-]*\s*[)\]]")
# between the disease and the bracket: nothing, or words of its own name ("chronic myelogenous
# leukemia in blast crisis (CML-BC)"), never a join
_NAME_GAP = re.compile(r"(?:\s+(?!(?:or|and|and/or|nor)\b)[\w-]+){0,4}\s*[(\[]\s*", I)


def restatements_blanked(items: list[Item], text: str) -> tuple[list[Item], str]:
    """"relapsed or refractory acute myelogenous leukemia (AML) or relapsed or refractory MDS":
    the bracket restates the disease before it, which a status of the line qualifies. Left an
    item of its own it stood between the disease and the "or" after it: joined bare, any AML
    patient (never relapsed) met "recurrent, persistent, or progressive acute myelogenous
    leukemia (AML), or ... (MDS)", and the "or" after the bracket joined the two diseases by
    "and". Blanked (offsets kept), the line reads as it does without the bracket. Only where a
    status stands before the disease (the status merge is what kept ``combine`` from dropping
    the bracket as a restatement). Elsewhere an unread word on the name written out
    ("Seropositive for the human immunodeficiency virus (HIV)") still leaves the bracket a bare
    alternative: blanked there too, hundreds of exclusions went met -> unknown for the patients
    they name, which waits on those words being read, not on the bracket."""
    out: list[Item] = []
    chars: list[str] | None = None
    for it in items:
        prev = out[-1] if out else None
        gap = _NAME_GAP.fullmatch(text, prev.end, it.start) if prev is not None else None
        if (
            prev is not None
            and gap is not None
            and isinstance(prev.expr, Predicate)
            and _role(prev) == "diagnosis"
            and restates(prev.expr, it.expr)
            and (rest := _ABBREVIATION_REST.match(text, it.end)) is not None
            and any(_role(o) == "status" for o in out)
        ):
            chars = chars if chars is not None else list(text)
            opened = text.rindex("(" if "(" in text[prev.end: it.start] else "[", prev.end, it.start)
            chars[opened: rest.end()] = " " * (rest.end() - opened)
            continue
        out.append(it)
    return out, "".join(chars) if chars is not None else text


# the words joining statuses to each other, and diseases to each other, in "relapsed or
# refractory AML or ALL": nothing else may stand between them
_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:(?:or|and/or)\s+|/\s*)?", I)
_LIST_JOIN_AND = re.compile(r"\s*(?:,\s*)?(?:(?:or|and/or|and)\s+|/\s*)?", I)


def _listed_next(text: str, left: Item, right: Item, join: re.Pattern[str] = _LIST_JOIN) -> bool:
    m = join.match(text, left.end)
    return m is not None and m.end() == right.start


def status_over_diseases(items: list[Item], text: str, ctype: CriterionType) -> list[Item]:
    """"Refractory AML or ALL", "relapsed or refractory AML or ALL": the statuses qualify every
    disease of the list after them. Joined item by item the first disease took the statuses and
    the others stood bare, so any ALL patient met "Relapsed AML or ALL" and an ALL trial, whose
    own disease such a bare alternative is, lost the exclusion of a refractory ALL. An
    inclusion's diseases listed with "and" are its alternatives too (``_listed_diagnoses``):
    "Relapsed or refractory AML and ALL" asks the status of either."""
    join = _LIST_JOIN_AND if ctype is CriterionType.INCLUSION else _LIST_JOIN
    out = list(items)
    k = 0
    while k < len(out):
        j = k
        while j < len(out) and out[j].concepts and out[j].concepts <= STATUS_CONCEPTS and out[j].expr is not None:
            if j > k and not _listed_next(text, out[j - 1], out[j]):
                break
            j += 1
        m = j
        while m < len(out) and isinstance(out[m].expr, Predicate) and _role(out[m]) == "diagnosis" and (m == j or _listed_next(text, out[m - 1], out[m], join)):
            m += 1
        if j == k or m - j < 2 or not re.fullmatch(r"\s*", text[out[j - 1].end: out[j].start]):
            k += 1
            continue
        statuses = [it.expr for it in out[k:j] if it.expr is not None]
        diseases = [it.expr for it in out[j:m] if it.expr is not None]
        concepts = frozenset().union(*(it.concepts for it in out[k:m]))
        out[k:m] = [Item(out[k].start, out[m - 1].end, all_of([any_of(statuses), any_of(diseases)]), concepts)]
        k += 1
    return out


_WIDER = {"allo_hsct": "hsct", "auto_hsct": "hsct", "b_all": "all", "t_all": "all", "apl": "aml"}


def restates(a: Expr | None, b: Expr | None) -> bool:
    if a == b:
        return True
    # "myeloablative allogeneic or autologous hematopoietic stem cell transplant (HSCT)": the wider
    # abbreviation restates the item its qualifier narrowed (kept apart, any transplant met the line)
    if isinstance(a, All) and isinstance(b, Predicate) and sum(not isinstance(p, Review) for p in a.parts) == 1:
        a = next(p for p in a.parts if not isinstance(p, Review))
    return (
        isinstance(a, Predicate) and isinstance(b, Predicate) and a.op is b.op and a.window == b.window
        and _WIDER.get(a.concept) == b.concept
    )
