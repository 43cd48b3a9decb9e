"""Examples listed after a lead-in's colon are cases of its head: "Any unstable diseases occurring
within 6 months before screening (including but not limited to): unstable angina, ..." (seed
NCT06559644), "significant cardiovascular disease within the last 3 months including: myocardial
infarction, unstable angina, ...".

``topics.head_examples`` reads "(example and head)" as "(example or head)" where the head's words
end with the marker ("... illness including"). On a lead-in, the marker sits in a bracket or
before a window the line reads apart ("(including but not limited to)", "within 3 months
including:"), so the head's review no longer ends with it and the example stayed asked *with*
the head: a patient with unstable angina last month was unknown where the line names unstable
angina among what it excludes (rule 1: a decided part hidden). Here the lead-in itself (the words
before the first colon) must name a condition and hold the marker; the head is any review whose
words lie in that lead-in, and the rewrite is ``head_examples``' own (the head gated by the organ
it names).

Exclusions only, outside any exception, as there.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Predicate, Review, iter_nodes
from rules_engine.parser.items import any_of
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.topics.head_examples import _CONDITION_HEAD, _MARKER_IN_LINE, _TREATMENT_HEAD, _gated, _is_condition

_LEAD = re.compile(r"^[^.;:]{0,250}?:")
_MAX_LIST = 1500


def _in_lead(node: Expr, lead: str) -> bool:
    return isinstance(node, Review) and bool(node.text) and " ".join(node.text.split()).lower() in " ".join(lead.split()).lower()


def _rewrite(expr: Expr, lead: str, examples: frozenset[str]) -> Expr:
    if isinstance(expr, Not):
        return expr
    if isinstance(expr, (All, Any_)):
        if isinstance(expr, All) and len(expr.parts) == 2:
            example = next((p for p in expr.parts if _is_condition(p)), None)
            head = next((p for p in expr.parts if _in_lead(p, lead)), None)
            if isinstance(example, Predicate) and isinstance(head, Review) and example.concept in examples:
                return Any_((example, _gated(head)))
        parts = tuple(_rewrite(p, lead, examples) for p in expr.parts)
        if all(a is b for a, b in zip(parts, expr.parts)):
            return expr
        return All(parts) if isinstance(expr, All) else any_of(list(parts))
    return expr


def lead_examples(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` with each example listed after a condition lead-in read as a case of it (module
    docstring); any other line as it was."""
    if ctype is not CriterionType.EXCLUSION or ":" not in text or not any(isinstance(n, Review) for n in iter_nodes(expr)):
        return expr
    m = _LEAD.match(text)
    if m is None:
        return expr
    lead = m.group(0)
    marker = _MARKER_IN_LINE.search(lead)
    if marker is None or not _CONDITION_HEAD.search(lead[: marker.start()]) or _TREATMENT_HEAD.search(lead):
        return expr
    after = text[m.end():].strip()
    if not after or len(after) > _MAX_LIST:
        return expr
    examples = frozenset(p.concept for p in iter_nodes(read_expr(after, CriterionType.EXCLUSION)) if isinstance(p, Predicate))
    return _rewrite(expr, lead, examples) if examples else expr
