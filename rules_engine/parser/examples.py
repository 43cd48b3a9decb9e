"""Examples a clause gives of what it names.

"Active autoimmune disease, such as psoriasis", "systemic therapy (including chemotherapy, HSCT,
etc.)", "beta-blockers (metoprolol, atenolol)", "Uncontrolled serious medical condition (e.g.,
...)": the examples name cases of the head they follow, never requirements or alternatives of
their own beside it. The clause grammar (``clauses``) settles a clause's examples before its
items are joined; finding a list of examples, its head and its end is a grammar of its own.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate, Review
from rules_engine.parser.items import I, Item, NEGATED, content_words
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.topics.control import controlled
from rules_engine.parser.topics.events import therapy_concept
from rules_engine.parser.extraction import extract
from rules_engine.parser.joiners import CATEGORIES
from rules_engine.parser.subtype_examples import GATE, among_head  # ("MPN including myelofibrosis")


# list joins, in either case: the registries' capital "AND" / "OR" ("transplantation or rescue AND
# no evidence of active GVHD") joins as the lower-case word does
SEGMENT_CUT = re.compile(r",|;|\bor\b|\band\b|\(|\)", I)


# examples of what a line names ("Active autoimmune disease, such as psoriasis", "systemic therapy
# (including chemotherapy, HSCT, etc.)"): the marker, then the examples to a bracket or the end
_EXAMPLE = re.compile(
    r"\(\s*(?P<m1>e\.?\s?g\.?|for\s+example|such\s+as|including|includes?|like)\b[^()]*\)"
    r"|,?\s*\b(?P<m2>e\.\s?g\.|for\s+example|such\s+as|including)\s+[^(),;]*",  # unbracketed: to the next comma, no further
    I,
)
_PLAIN_EXAMPLE = re.compile(r"e\.?\s?g|for\s+example|such\s+as|like", I)
# a bare bracket of names after a heart drug's class ("beta-blockers (metoprolol, atenolol,
# propranolol)", "calcium channel blockers with AV-nodal blocking activity (verapamil, diltiazem)"):
# the class's members, examples as "e.g." writes them (left, they were a review alternative
# beside the class, so a record with none of the class was never cleared)
_BARE_EXAMPLES = re.compile(r"\(\s*[A-Za-z][A-Za-z-]*(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:or\s+|and\s+)?[A-Za-z][A-Za-z-]*){1,8}\s*\)")
_EXAMPLED_CLASSES = frozenset({"beta_blocker", "diuretic_therapy", "calcium_channel_blocker", "nondihydropyridine_ccb"})
_ETC = re.compile(r"\betc\b\.?\s*\)?\s*$", I)


_NOT_THE_HEAD = re.compile(
    r"\d|[<>≤≥=]|\b(?:due|because|caused|resulting|withdrawn|discontinu\w*|secondary|after|following|within|since|past|last|recent(?:ly)?"
    r"|related|induced|associated|attributed|attributable|toxicit(?:y|ies)|adverse|reactions?"
    r"|planned|planning|scheduled|anticipated|expected|intended|candidates?|eligible|future)\b", I
)


# a head that asks what is given now: a therapy among its examples read as ever given would ask more
_NOW_HEAD = re.compile(r"\b(?:concurrent(?:ly)?|concomitant(?:ly)?|current(?:ly)?|ongoing|simultaneous)\b", I)


def _had(expr: Expr, now: bool) -> bool:
    """Whether ``expr`` only asks what the patient has or had (no absence, no "none within"); under
    a head asking the present (``now``), no therapy ever given either."""
    if isinstance(expr, Predicate):
        return expr.op not in (Op.NOT_WITHIN, Op.ABSENT) and not (now and expr.op is Op.PRESENT and therapy_concept(expr.concept))
    if isinstance(expr, (All, Any_)):
        return all(_had(p, now) for p in expr.parts)
    return isinstance(expr, Review)


def negated_examples(items: list[Item], text: str, ctype: CriterionType) -> list[Item]:
    """A negated inclusion's examples of a thing no topic reads ("No other uncontrolled serious
    medical condition (e.g., cardiac arrhythmias or diabetes)") read as the exclusion it states
    reads them: alternatives of what the line rules out. The topics ask an inclusion's names only
    where a lead asks for them ("No", "history of" a few words back; a name opening the clause),
    so the examples of a longer head stood unread and the line was a bare review, which a
    diabetic patient passed; "No illness (e.g., diabetes)" read them. Only a list whose head is
    unread takes the exclusion's items within it, where the inclusion read none."""
    if ctype is not CriterionType.INCLUSION or (lead := NEGATED.match(text)) is None:
        return items
    if "(" not in text and not _PLAIN_EXAMPLE.search(text) and "includ" not in text.lower():
        return items
    found = list(items)
    stated: list[Item] | None = None
    for m in _EXAMPLE.finditer(text):
        a, b = m.span()
        if m.start() < lead.end():
            continue
        if m.group("m2"):
            b = _list_end(text, b)
        if _heads(found, text, a):
            continue  # a head read: its examples are among it (_examples)
        if _NOT_THE_HEAD.search(text, lead.end(), a):
            # the head's bound or window ("No concurrent therapeutic doses (≥ 2 mg/day) of
            # anticoagulants (e.g., warfarin)"), which its examples carry unread; a cause or a
            # drug's toxicity ("withdrawn from BCG due to a related adverse event (e.g., systemic
            # infection)", "bevacizumab-related toxicity ..., such as ... hemorrhage"), whose
            # examples are no condition of their own; a plan ("No planned palliative procedures
            # ... such as radiation therapy"), which no record of the examples shows
            continue
        if stated is None:  # the exclusion the line states: the same words without the negation
            stated = extract(" " * lead.end() + text[lead.end():], CriterionType.EXCLUSION)
        now = _NOW_HEAD.search(text, lead.end(), a) is not None  # "No other concurrent treatment (e.g., surgery or radiotherapy)"
        found += [
            it for it in stated
            if it.expr is not None and a <= it.start and it.end <= b and _had(it.expr, now) and all(it.end <= f.start or it.start >= f.end for f in found)
        ]
    return sorted(found, key=lambda it: it.start) if len(found) > len(items) else items


def _heads(items: list[Item], text: str, a: int) -> list[Item]:
    """The items read right before the examples starting at ``a`` (only remarks between): what
    the examples illustrate."""
    # (a review is no thing the examples are of: "Other hematologic disorders for which allogeneic
    # stem cell transplantation is appropriate (e.g., myelofibrosis)" names an indication, a
    # person's, before its example; taken as its head, the example became the line's one disease)
    return [it for it in items if it.expr is not None and not isinstance(it.expr, Review) and it.end <= a and not content_words(blank_remarks(text[it.end: a]))]


def _review_head(items: list[Item], text: str, a: int) -> bool:
    """Whether the examples at ``a`` follow a head no topic read, whose words stay the line's
    review: "leukemia secondary to prior therapy or antecedent hematologic disorder (e.g., MDS or
    myeloproliferative disorders)". That review stands for its examples; left as words of their
    own they became one more review AND'ed to the whole line, so a patient meeting another
    alternative was left unknown (core6). The head is the words since the last list cut or item.
    A bracket only: an unbracketed list runs into names the line reads beside it ("such as
    myelodysplastic syndromes (MDS) or ..."), whose review was all that kept an MDS alone from
    meeting "Secondary AML, including AML arising from ..."."""
    start = max([c.end() for c in SEGMENT_CUT.finditer(text, 0, a) if c.end() < a] + [it.end for it in items if it.expr is not None and it.end <= a], default=0)
    return bool(content_words(blank_remarks(text[start: a])))


def _examples(items: list[Item], text: str, ctype: CriterionType) -> tuple[list[Item], list[tuple[int, int]]]:
    """Examples stand for the thing they illustrate, never for a condition of their own. After
    a thing read (a diagnosis, a therapy), unread examples add nothing: they are among it (in an
    inclusion only plain examples, "e.g."/"such as": what "including" names may be required).
    After a thing not read, examples read in an inclusion are not requirements: they join the
    unread words, so the line waits for review rather than asking for one example."""
    spans: list[tuple[int, int]] = []
    if "(" not in text and not _PLAIN_EXAMPLE.search(text) and "includ" not in text.lower():
        return items, spans
    inclusion = ctype is CriterionType.INCLUSION and not NEGATED.match(text)
    keep = list(items)
    for m in _EXAMPLE.finditer(text):
        a, b = m.span()
        if m.group("m2"):
            b = _list_end(text, b)
        marker = m.group("m1") or m.group("m2") or ""
        head = _heads(keep, text, a)
        # a list closed by "etc." illustrates whatever its marker ("(including chemotherapy,
        # hematopoietic stem cell transplantation, etc.)"): it can require none of its examples
        open_list = bool(_ETC.search(text, a, b))
        if head:
            keep = _dated_like(keep, head[-1], a, b)
            if not inclusion or _PLAIN_EXAMPLE.fullmatch(marker) or open_list or (GATE.match(marker) and among_head(keep, head[-1], text, a, b)):
                # under a head read whole every example is among it, however qualified; under a
                # qualified head ("severe CNS diseases") an example's own words say which of its
                # kind the line names
                cut = max((c.end() for c in SEGMENT_CUT.finditer(text, 0, head[-1].start)), default=0)
                plain_head = not content_words(blank_remarks(text)[cut: head[-1].start])
                if plain_head and not inclusion:  # "any CNS-related autoimmune disease" is no more than the head
                    qualified = {id(it) for it, _ in _qualified_examples(keep, text, a, b)}
                    keep = [it for it in keep if id(it) not in qualified]
                spans.extend([(a, b)] if plain_head else _outside_named(keep, text, a, b))
        elif inclusion:  # a bound among them ("e.g. ANC >= 1.5") still measures the patient
            keep = [it for it in keep if not (a <= it.start and it.end <= b and _is_event(it.expr))]
            if (open_list or m.group("m1") and _PLAIN_EXAMPLE.fullmatch(marker) and _review_head(keep, text, a)) and not any(it.start < b and a < it.end for it in keep):
                spans.append((a, b))  # nothing left inside to measure: the illustration asks nothing
        elif m.group("m1"):
            _controlled_examples(keep, text, a, b)
    for m in _BARE_EXAMPLES.finditer(text):
        a, b = m.span()
        if any(it.concepts & _EXAMPLED_CLASSES and it.end <= a and not text[it.end: a].strip() for it in keep if it.expr is not None):
            keep = [it for it in keep if not (a <= it.start and it.end <= b)]
            spans.append((a, b))
    return keep, spans


# the control a head asks of what it names ("Uncontrolled serious medical condition (e.g., ...)"),
# the words control_by_measurement reads beside a disease: written before the head's noun among
# plain adjectives, never as one of two joined ones ("Uncontrolled or significant illness",
# "severe and/or uncontrolled medical disease": either may be the one)
_HEAD_CONTROL = re.compile(
    r"\W*(?:(?:no|not|without|other|any|known|serious|severe|significant|clinically|concurrent|concomitant|active|intercurrent|medical|systemic)\s+)*"
    r"(?P<c>uncontrolled|poorly[\s-]+controlled|inadequately[\s-]+controlled)\s+(?!or\b|and\b|and/or\b)(?:[\w-]+\s+){0,3}[\w-]+\s*", I,
)
_HEAD_CUT = re.compile(r"[,;()\[\]]")
# a line that says what its "uncontrolled" means ("(i.e. requiring relevant changes in medication
# within the last month, or hospital admission ...)"): the trial's definition, not the measurement's
_OWN_DEFINITION = re.compile(r"\bi\.\s?e\b|\b(?:defined|definition|requir\w*|despite|changes?\s+(?:in|of)|admissions?|hospitali[sz]\w*)\b", I)
_OWN_CONTROL = re.compile(r"\b(?:uncontrolled|controlled|uncompensated|unstable|stable|symptomatic|asymptomatic|severe|active)\b", I)


def _controlled_examples(items: list[Item], text: str, a: int, b: int) -> None:
    """The examples of an unread head that asks the thing uncontrolled carry its control
    ("Uncontrolled serious medical condition (e.g., cardiac arrhythmias or diabetes)": an
    uncontrolled diabetes), as "Uncontrolled diabetes" reads (topics.control: the HbA1c or the
    pressure decides where every definition agrees). Read bare, a diabetes under good control
    excluded the patient. A bracketed list only: an unbracketed one's head is its qualifier
    already ("Uncontrolled medical conditions such as diabetes"); never where the line says what
    its "uncontrolled" means. Only a disease whose control a measurement shows takes it: another
    stays as it was read (left with a review of its control, a recorded arrhythmia under such a
    head was only unknown)."""
    cut = max((c.end() for c in _HEAD_CUT.finditer(text, 0, a)), default=0)
    head = _HEAD_CONTROL.fullmatch(text, cut, a)
    if head is None or _OWN_DEFINITION.search(text):
        return
    word = head.group("c").lower()
    start = a
    for it in sorted((it for it in items if it.expr is not None and a <= it.start and it.end <= b), key=lambda it: it.start):
        own = max((c.end() for c in _LIST_CUT.finditer(text, start, it.start)), default=start)
        start = it.end
        e = it.expr
        if _OWN_CONTROL.search(text, own, it.start) or not isinstance(e, Predicate) or e.op is not Op.PRESENT or e.window is not None:
            continue
        it.expr = controlled(e, word, text) or it.expr


_NEXT_EXAMPLE = re.compile(r",\s*(?P<last>(?:or|and|and/or)\s+)?(?P<seg>[^(),;]*)", I)
_NOT_AN_EXAMPLE = re.compile(
    r"\b(?:within|who|which|that|whose|requiring|required|unless|except|excluding|if|must|should|will|are|is|was|were|has|have|had|"
    r"prior|before|after|since|during|months?|weeks?|days?|years?)\b|[<>≤≥=%]|\d", I
)


_LAST_JOIN = re.compile(r"\b(?:e\.?\s?g|for\s+example|such\s+as|including)\b[^(),;]*\b(?:or|and|and/or)\b[^(),;]*$", I)


def _list_end(text: str, b: int) -> int:
    """Where an unbracketed example list ends ("such as uncontrolled hypertension or diabetes,
    severe renal insufficiency, severe pulmonary dysfunction, etc."): over the short comma-joined
    names after the first, when "etc." closes the list, or its last name after "or"/"and" where
    the first name had none ("such as hepatitis B or C, heart problems": the comma after a closed
    list goes back to the line's own); else the first name only, as before. A name with a window,
    a bound or a verb ends it unclosed: those may concern more than the examples."""
    pos = b
    closed = bool(_LAST_JOIN.search(text, max(0, b - 200), b))  # "such as hepatitis B or C": its "or" closed it
    while (m := _NEXT_EXAMPLE.match(text, pos)) is not None:
        seg = m.group("seg")
        if _ETC.search(seg) and len(content_words(seg)) <= 6 and not _NOT_AN_EXAMPLE.search(seg):
            return m.end()
        if not content_words(seg) or len(content_words(seg)) > 6 or _NOT_AN_EXAMPLE.search(seg):
            break
        pos = m.end()
        if m.group("last") and not closed:
            return pos
    return b


_LIST_CUT = re.compile(r",|\bor\b|\band\b|/|\(|\)|\b(?:e\.?\s?g|for\s+example|such\s+as|including|includes?|like)\b", I)


def _qualified_examples(items: list[Item], text: str, a: int, b: int) -> list[tuple[Item, int]]:
    """The examples read in a list whose own words qualify them ("any *CNS-related* autoimmune
    disease"), each with where its words start."""
    out, start = [], a
    for it in sorted((it for it in items if it.expr is not None and a <= it.start and it.end <= b), key=lambda it: it.start):
        cut = max((m.end() for m in _LIST_CUT.finditer(text, start, it.start)), default=start)
        if content_words(text[cut: it.start]):
            out.append((it, cut))
        start = it.end
    return out


def _outside_named(items: list[Item], text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The parts of an example list that add nothing: all of it but the words that qualify an
    example read within it. "such as *uncontrolled* seizures" names uncontrolled seizures as the
    kind of the head it illustrates, not any seizure: blanked, the word left a controlled
    epilepsy to exclude the patient as if it were the severe disease the line asks."""
    out, start = [], a
    for it, cut in _qualified_examples(items, text, a, b):
        out.append((start, cut))
        start = it.start
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]


def _dated_like(items: list[Item], head: Item, a: int, b: int) -> list[Item]:
    """"anticancer therapy within 4 weeks (including chemotherapy, antibody therapy)": the
    treatments given as examples are asked for within the head's window, not at any time."""
    h = head.expr
    if not (isinstance(h, Predicate) and h.op is Op.WITHIN and h.concept in CATEGORIES):
        return items
    out = []
    for it in items:
        e = it.expr
        if a <= it.start and it.end <= b and isinstance(e, Predicate) and e.op is Op.PRESENT and e.concept in CATEGORIES:
            it = Item(it.start, it.end, Predicate(e.concept, Op.WITHIN, window=h.window), it.concepts)
        out.append(it)
    return out


def _is_event(expr: Expr | None) -> bool:
    if isinstance(expr, Predicate):
        return expr.op in (Op.PRESENT, Op.WITHIN)
    if isinstance(expr, (All, Any_)):
        return all(_is_event(p) for p in expr.parts)
    return False
