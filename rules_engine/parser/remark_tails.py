"""A remark written after a requirement in the same clause, cut off so the requirement stays one.

"Hgb > 9.0 g/dL; PLT > 100 x 10^9/L, transfusions are allowed", "...; PLT > 100 Transfusions are
allowed": the clause after the semicolon holds a bound and, after it, a sentence that only
annotates (``widening.is_remark``) with a subject of its own. Taken whole as a permission, the
clause widened the requirement read before it with its own bound (``attach_widening``), so the
list read "hemoglobin > 9 or platelets > 100" and a patient with 20 platelets met the line. Cut
at the end of the bound, the bound is read as the list's next requirement and the remark as the
note it is. A permission that names what it permits with a bound of its own ("..., <= 3 x ULN is
acceptable with Gilbert's") or that has no subject of its own ("... and platelets >= 50 are
eligible") is a widening and stays whole. Only a measured bound is cut off so: the items before a
permission are otherwise its own subject ("Steroids, bisphosphonates and hormone replacement
therapy are allowed", "patients with treated skin cancer, regardless of ..., are eligible"), and a
clause opening with a condition ("If the screening PSA is > 11 ng/mL, one retest is allowed") is
the permission's own condition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.clauses import PARENS
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, content_words, predicates
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.widening import WIDENING_CLAUSE, bare_bounds

# where a new sentence starts after the bound: punctuation, or a capital word run on
_SENTENCE_START = re.compile(r"\s*(?:[.,:–—-]\s*|(?=[A-Z]))")
# a clause that opens with the patients or the case a permission concerns: the permission's own
_CONDITION_LEAD = re.compile(
    r"^\W*(?:if|when|whenever|unless|in\s+case|for|in|among|(?:all\s+|any\s+)?(?:patients?|subjects?|participants?|those|individuals?|women|men))\b", I
)
# a tail that goes on with the clause rather than starting a sentence of its own
_CONTINUATION = re.compile(r"^(?:regardless|irrespective|if|unless|provided|providing|as\s+long|when|who|which|that|but|however|except|or|and)\b", I)
_BOUNDS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN, Op.EQ})


def remark_tail(clause_text: str, ctype: CriterionType) -> tuple[str, str] | None:
    """(requirement, remark) when ``clause_text`` is a requirement followed by a remark sentence
    that permits something of its own, else None."""
    widening = WIDENING_CLAUSE.search(PARENS.sub(lambda m: " " * len(m.group(0)), clause_text))
    if widening is None:
        return None
    if _CONDITION_LEAD.match(clause_text):
        return None
    read = [it for it in extract(clause_text, ctype) if it.expr is not None and it.end <= widening.start()]
    if not read or not any(p.op in _BOUNDS for it in read if it.expr is not None for p in predicates(it.expr)):
        return None
    cut = max(it.end for it in read)
    # (the head is the bound and its name, nothing more: "Because no dosing data are available in
    # patients < 18 years of age, children are excluded ..." is a reason, not a requirement)
    masked = "".join(" " if any(it.start <= k < it.end for it in read) else ch for k, ch in enumerate(clause_text[:cut]))
    if len(content_words(blank_remarks(masked))) > 1:
        return None
    start = _SENTENCE_START.match(clause_text, cut)
    if start is None or start.end() == cut:
        return None
    tail = clause_text[start.end():]
    subject = clause_text[start.end(): widening.start()]
    if _CONTINUATION.match(tail) or not content_words(subject) and not bare_bounds(subject):
        return None  # "... and platelets >= 50 are eligible": the bound is what it permits
    return clause_text[:cut], tail


def cut_remark_tails(clauses: list[str], ctype: CriterionType) -> list[str]:
    """``clauses`` with each clause after the first that ends on such a remark cut in two (the
    first clause is read whole by ``parse_clause``, whose residue policy reads its remarks)."""
    out = clauses[:1]
    for clause in clauses[1:]:
        cut = remark_tail(clause, ctype)
        out.extend(cut if cut is not None else (clause,))
    return out
