"""A condition given as an example of an unread head ("any other uncontrolled cardiac condition
such as angina pectoris", "History of uncontrolled intercurrent illness including hypertension",
"Evidence of hepatic decompensation including ascites", "Uncontrolled intercurrent disease
including arrhythmias"): a case of what the line excludes, so a record of it decides the line.

The clause grammar leaves the head's words as a review and-ed to the first example ("angina and
review 'any other uncontrolled cardiac condition such as'"), which asked the patient for both: a
patient with angina on record was unknown where the line names angina among what it excludes,
and the head's own reach (another uncontrolled cardiac condition) was asked of nobody. Read as
"the example, or the head", the example on record meets the exclusion and the head stays a
person's for every other patient. ``topics.infections._virus_as_example`` does the same for a
virus; this is its general case (about 20 corpus lines).

Only where the line is built that way:

* an exclusion, outside any exception (an example of what an exception allows, "renal failure
  due to reversible causes such as hypercalcemia", would clear the patient it names);
* the head ends with the example's marker and names a condition ("illness", "disease",
  "condition", "abnormalities", "events", ...), not a treatment: "who cannot be transferred to
  other agents such as enoxaparin" is no head the example is a case of;
* the example is read from the words after the marker: "abnormalities that may increase the risk
  for GI bleeding including, but not limited to:" names the bleeding before the marker, as the
  head's own subject, and keeps its reading.
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, iter_predicates
from rules_engine.parser.items import any_of, predicate
from rules_engine.parser.line_reader import read_expr

_MARKER = r"\b(?:including|includes?|such\s+as|e\.\s?g\b\.?|eg\b|for\s+example)"
_MARKER_END = re.compile(_MARKER + r"\W{0,6}$", re.I)
_MARKER_IN_LINE = re.compile(_MARKER, re.I)
_CONDITION_HEAD = re.compile(
    r"\b(?:illness(?:es)?|diseases?|conditions?|disorders?|problems?|abnormalit(?:y|ies)|comorbidit(?:y|ies)|"
    r"decompensation|impairments?|events?|dysfunctions?)\b",
    re.I,
)
_TREATMENT_HEAD = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|medications?|medicines?|drugs?|agents?|prophylaxis|received|receiving|taking|use|usage|"
    r"contraindications?|allerg\w*|hypersensitiv\w*|due\s+to|caused\s+by|secondary\s+to|causes?)\b",
    re.I,
)
_ASKED = (Op.PRESENT, Op.WITHIN)
_MAX_EXAMPLES = 1500  # characters of examples read again: a registry line's list, never more

# the organ a head names, and the class of disease on record it reaches: "any other uncontrolled
# cardiac condition" is asked of a patient with a cardiac disease on record, never of one with
# none (absent means absent), so the example read off leaves a clean patient's line decided
_HEAD_CLASSES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:cardiac|heart)\b", re.I), "cardiac_disease"),
    (re.compile(r"\bcardio-?\s?vascular\b", re.I), "cardiovascular_disease"),
    (re.compile(r"\b(?:hepatic|liver)\b", re.I), "liver_disease"),
    (re.compile(r"\b(?:pulmonary|lung|respiratory)\b", re.I), "lung_disease"),
    (re.compile(r"\b(?:renal|kidney)\b", re.I), "kidney_disease"),
)


def _is_condition(part: Expr) -> bool:
    if not isinstance(part, Predicate) or part.op not in _ASKED or part.value is not None:
        return False
    spec = CONCEPTS.get(part.concept)
    return spec is not None and spec.kind is Kind.EVENT


def _head(review: Expr) -> bool:
    if not isinstance(review, Review) or not review.text:
        return False
    text = review.text
    return bool(_MARKER_END.search(text) and _CONDITION_HEAD.search(text) and not _TREATMENT_HEAD.search(text))


def _gated(head: Review) -> Expr:
    """The head asked of a patient with a disease of the organ it names, if it names one."""
    classes = [concept for words, concept in _HEAD_CLASSES if words.search(head.text or "")]
    if not classes:
        return head
    reach: Expr = predicate(classes[0], Op.PRESENT) if len(classes) == 1 else Any_(tuple(predicate(c, Op.PRESENT) for c in classes))
    return All((reach, head))


def _examples_after_marker(text: str) -> frozenset[str]:
    """The concepts the words after the line's first example marker read as."""
    m = _MARKER_IN_LINE.search(text)
    if m is None:
        return frozenset()
    after = text[m.end():].strip(" :,;-")
    if not after or len(after) > _MAX_EXAMPLES:
        return frozenset()
    return frozenset(p.concept for p in iter_predicates(read_expr(after, CriterionType.EXCLUSION)))


def _rewrite(expr: Expr, examples: frozenset[str]) -> Expr:
    """``expr`` with each (example and head) outside a ``Not`` read as (example or head)."""
    if isinstance(expr, Not):
        return expr  # an exception's example: never widened into a clearance
    if isinstance(expr, (All, Any_)):
        if isinstance(expr, All) and len(expr.parts) == 2:
            example = next((p for p in expr.parts if _is_condition(p)), None)
            head = next((p for p in expr.parts if _head(p)), None)
            if example is not None and isinstance(head, Review) and isinstance(example, Predicate) and example.concept in examples:
                return Any_((example, _gated(head)))
        parts = tuple(_rewrite(p, examples) for p in expr.parts)
        if all(a is b for a, b in zip(parts, expr.parts)):
            return expr
        return All(parts) if isinstance(expr, All) else any_of(list(parts))
    return expr


def _has_shape(expr: Expr) -> bool:
    if isinstance(expr, Not):
        return False
    if isinstance(expr, (All, Any_)):
        if isinstance(expr, All) and len(expr.parts) == 2 and any(_is_condition(p) for p in expr.parts) and any(_head(p) for p in expr.parts):
            return True
        return any(_has_shape(p) for p in expr.parts)
    return False


def examples_of_head(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` with a condition given as an example of an unread head read as a case of it (see
    the module's docstring); any other line as it was."""
    if ctype is not CriterionType.EXCLUSION or not _has_shape(expr):
        return expr
    examples = _examples_after_marker(text)
    return _rewrite(expr, examples) if examples else expr
