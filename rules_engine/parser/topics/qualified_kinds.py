"""Qualifiers beside a comorbidity that the condition's own name already answers (issue 14).

The parser reads a condition's name and leaves the words in front of it as a review and-ed to it
("unstable-angina and review 'severe/'"): right for a qualifier no record holds ("uncontrolled
angina"), wrong in two shapes the corpus copies from trial to trial, where the review hid what
the record decides:

* **Two kinds joined by "or" or a slash** ("severe/unstable angina", "severe or unstable
  angina", ~30 corpus lines, most of them the "myocardial infarction, severe/unstable angina,
  coronary/peripheral artery bypass graft" list; "Serious or non-healing wound, ulcer, or bone
  fracture", ~17). The line names two alternatives, the kind the parser read and a qualified one
  of the wider condition; the qualifier's "or" was lost, so an unstable angina or a non-healing
  wound on record was unknown where the line names it outright. Read as written: the kind, or the
  wider condition beside a person's review of the qualifier (an angina judged severe, an injury
  judged a serious wound; the wider condition absent from the record, that alternative is absent).
* **"Acute" before an event dated by the line** ("Acute myocardial infarction within 3 months",
  "acute MI <= 3 months prior to starting study drug", ~15 lines). A myocardial infarction or an
  unstable angina in the window is the acute event the line means (both are acute coronary
  syndromes by definition); undated ("Acute myocardial infarction" alone), an old infarction may be
  on record, so the word stays a review there.

* **Two qualifiers of one condition joined by "or"** ("Symptomatic or progressive brain
  metastases", "untreated or symptomatic brain metastases", "uncontrolled or symptomatic
  arrhythmias", "No history of moderate or severe cardiac disease", ~20 corpus lines). The split
  at "or" left the first qualifier a bare review alternative of its own ("(brain-metastases and
  review 'progressive') or review 'Symptomatic'"), so a patient with no such condition on record
  was unknown. The first qualifier qualifies the same condition: it is and-ed to it, as the
  second is (absent means absent: no condition, neither qualified one).

* **The cause left open** ("Active congestive heart failure from any cause", "History of
  neuropathy of any cause", "grade 2 diarrhea regardless of etiology", "liver disease of any
  origin"): the condition's name asks every cause already, so the words are dropped from the
  review beside it (which goes when nothing else is left). Not beside a toxicity: the record's
  toxicity grade is that of prior therapy, and "toxicity from any cause" asks more.

Only where the review holds nothing but the qualifier and the subject's own words.
Every pattern is an alternation of literals; none nests a repetition.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, rewrite_conjunctions

_SUBJECT = r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|had|a|an|any|no|known|history|of|previous|prior)\b)*"

# the kind the parser read -> (the wider condition the other alternative is of, its qualifiers)
_EITHER: dict[str, tuple[str, str]] = {
    "unstable_angina": ("angina", r"severe|uncontrolled|symptomatic|serious|significant"),
    "nonhealing_wound": ("traumatic_injury", r"serious|severe|major|significant"),
}
_EITHER_RES = {
    kind: re.compile(_SUBJECT + rf"(?P<q>{words})\s*(?:/|\bor\b|\band/or\b)\W*", I) for kind, (_wider, words) in _EITHER.items()
}

# events an "acute" before them asks nothing of when the line dates them
_ACUTE_WHEN_DATED = frozenset({"myocardial_infarction", "unstable_angina"})
_ACUTE_ONLY = re.compile(_SUBJECT + r"acute\W*", I)


def qualified_kinds(expr: Expr, text: str) -> Expr:
    """``expr`` with the three shapes above read (see the module's docstring)."""
    expr = rewrite_conjunctions(expr, _read)
    m = _TWO_QUALIFIERS.search(text)
    return expr if m is None else _first_qualifier_joined(expr, m.group("q1").lower(), m.group("q2").lower())


_QUALIFIER = r"(?:untreated|uncontrolled|moderate|severe|serious|symptomatic|significant|unstable|progressive|life-threatening|recent|ongoing)"
_TWO_QUALIFIERS = re.compile(rf"\b(?P<q1>{_QUALIFIER})\s+(?:or|and/or)\s+(?P<q2>{_QUALIFIER})\s", I)


def _first_qualifier_joined(expr: Expr, first: str, second: str) -> Expr:
    """The bare review of ``first`` in an alternative beside one condition qualified by
    ``second``, and-ed to that condition."""
    if isinstance(expr, Not):
        inner = _first_qualifier_joined(expr.part, first, second)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All):
        parts = tuple(_first_qualifier_joined(p, first, second) for p in expr.parts)
        return expr if parts == expr.parts else All(parts)
    if not isinstance(expr, Any_):
        return expr
    parts = tuple(_first_qualifier_joined(p, first, second) for p in expr.parts)
    bare = [p for p in parts if isinstance(p, Review) and p.text and _bare_first(p.text, first)]
    qualified = [p for p in parts if _qualified_by(p, second)]
    if len(bare) != 1 or len(qualified) != 1:
        return expr if parts == expr.parts else Any_(parts)
    condition = next(q for q in qualified[0].parts if not isinstance(q, Review))  # type: ignore[union-attr]
    joined = All((condition, Review(ReviewReason.JUDGEMENT, bare[0].text)))
    return Any_(tuple(joined if p is bare[0] else p for p in parts))


def _bare_first(text: str, first: str) -> bool:
    m = _BARE.fullmatch(text)
    return m is not None and m.group("q").lower() == first


_BARE = re.compile(_SUBJECT + r"(?:(?:active|current|known)\s+)?(?P<q>" + _QUALIFIER + r")\W*", I)


def _qualified_by(expr: Expr, second: str) -> bool:
    """A condition and-ed to reviews, one of which names ``second``."""
    if not isinstance(expr, All):
        return False
    conditions = [p for p in expr.parts if _condition(p)]
    reviews = [p for p in expr.parts if isinstance(p, Review)]
    # (every review beside it holds qualifiers and the subject's words only: "uncontrolled systemic
    # diseases including uncontrolled" beside a hypertension names an umbrella the first qualifier
    # may be of, and "uncontrolled acute or" lost an alternative; either stays as it was)
    return (len(conditions) == 1 and len(reviews) + 1 == len(expr.parts) and
            any(re.search(rf"\b{re.escape(second)}\b", r.text, I) for r in reviews) and
            all(_QUALIFIERS_ONLY.fullmatch(r.text) and not _DANGLING.search(r.text) for r in reviews))


_QUALIFIERS_ONLY = re.compile(r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|had|a|an|any|no|known|history|of|previous|prior|"
                              r"or|and|active|current|currently|clinically|" + _QUALIFIER[3:-1] + r")\b)*", I)
_DANGLING = re.compile(r"\b(?:or|and|and/or)\W*$", I)


_ANY_CAUSE = re.compile(
    r"\b(?:(?:from|of|due\s+to)\s+any\s+(?:cause|etiology|aetiology|origin)|(?:regardless|irrespective)\s+of\s+(?:the\s+)?(?:cause|etiology|aetiology|origin))\b", I
)
_NOT_A_CONDITION = frozenset({"toxicity_grade", "diarrhea"})  # graded, the grade may sit elsewhere in the line
# what else the review may hold that a condition on record is already ("Active ... from any cause":
# the record's condition is present, as "Active congestive heart failure" alone reads)
_FILLER = re.compile(r"(?:\W|\b(?:patients?|subjects?|participants?|with|has|have|had|a|an|any|no|known|history|of|previous|prior|"
                     r"active|current|currently|ongoing|existing|pre-existing)\b)*", I)


def _cause_left_open(node: All) -> Expr | None:
    found = [p for p in node.parts if isinstance(p, Predicate) and p.op in (Op.PRESENT, Op.WITHIN) and p.concept not in _NOT_A_CONDITION]
    if len(found) != 1:
        return None
    parts: list[Expr] = []
    changed = False
    for p in node.parts:
        if isinstance(p, Review) and p.text and _ANY_CAUSE.search(p.text):
            changed = True
            rest = " ".join(_ANY_CAUSE.sub(" ", p.text).split())
            if rest and not _FILLER.fullmatch(rest):
                parts.append(Review(p.reason, rest))
            continue
        parts.append(p)
    if not changed:
        return None
    return parts[0] if len(parts) == 1 else All(tuple(parts))


def _read(node: All) -> Expr | None:
    open_cause = _cause_left_open(node)
    if open_cause is not None:
        return open_cause if not isinstance(open_cause, All) else (_read(open_cause) or open_cause)
    found = [p for p in node.parts if isinstance(p, Predicate) and p.op in (Op.PRESENT, Op.WITHIN)
             and (p.concept in _EITHER or p.concept in _ACUTE_WHEN_DATED)]
    rest = [p for p in node.parts if p not in found]
    if len(found) != 1 or len(rest) != 1 or not isinstance(rest[0], Review) or not rest[0].text:
        return None
    kind, text = found[0], rest[0].text
    if kind.concept in _EITHER:
        m = _EITHER_RES[kind.concept].fullmatch(text)
        if m is not None:
            wider = replace(kind, concept=_EITHER[kind.concept][0])
            return Any_((kind, All((wider, Review(ReviewReason.JUDGEMENT, m.group("q"))))))
    if kind.concept in _ACUTE_WHEN_DATED and kind.op is Op.WITHIN and kind.window is not None and _ACUTE_ONLY.fullmatch(text):
        return kind
    return None


def _condition(expr: Expr) -> bool:
    """A condition on record, now or in a window, or either ("cardiac disease now or ever")."""
    if isinstance(expr, Any_):
        return bool(expr.parts) and all(_condition(p) for p in expr.parts)
    if isinstance(expr, All):  # a wider condition beside the review of its kind ("digestive disorder and whether it is the one meant")
        return any(_condition(p) for p in expr.parts) and all(_condition(p) or isinstance(p, Review) for p in expr.parts)
    return isinstance(expr, Predicate) and expr.op in (Op.PRESENT, Op.WITHIN)
