"""A conditional requirement written among the exclusions.

"Investigational agent received within 30 days ... . If received any investigational agent prior
to this time point, drug-related toxicities must have recovered to Grade 1 or less", "If prior
chemotherapy, it must be at least 4 weeks since", "Patients with a creatinine > 1.5 must have a
clearance >= 50": the line names the patients it concerns and what they must meet. An exclusion
holds when its reading is met; read as "condition and requirement", it excluded exactly the
patients who meet the requirement (the recovered ones) and let in the ones who do not. What
excludes is the condition with the requirement unmet: "condition and not requirement".

Only a requirement the words state as one ("must/should/shall have/be ...", never "must not",
which is a prohibition: what it forbids is what excludes, and never "will be excluded", which is
the verdict itself). A requirement nothing reads stays a review beside the condition, as before.

The pattern is literals with one bounded gap; it nests no repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Not, Op, Predicate, Review
from rules_engine.parser.items import I

# "must have recovered", "should be at least 4 weeks", "must also have", "must be off": a
# requirement; "must not", "must be excluded/ineligible", "may" are not
_REQUIRED = re.compile(
    r"\b(?:must|should|shall)\s+(?!not\b|n't\b)(?:also\s+)?(?:have|be)\b(?!\s+(?:excluded|ineligible|not\b|considered\s+ineligible))",
    I,
)
_VERDICT = re.compile(r"\b(?:excluded|ineligible|not\s+eligible|not\s+(?:be\s+)?(?:allowed|permitted)|prohibited)\b", I)


def states_requirement(requirement_text: str) -> bool:
    """Whether the words after an exclusion's condition state what the named patients must meet
    (rather than what excludes them)."""
    return _REQUIRED.search(requirement_text) is not None and _VERDICT.search(requirement_text) is None


def unmet(requirement: Expr) -> Expr:
    """What excludes where ``requirement`` is asked: its negation (a review stays a review)."""
    if isinstance(requirement, Review):
        return requirement
    if isinstance(requirement, Predicate) and requirement.op is Op.NOT_WITHIN:  # "at least 4 weeks since": given inside the span
        return Predicate(requirement.concept, Op.WITHIN, requirement.value, requirement.unit, requirement.uln, requirement.window,
                         requirement.low_inclusive, requirement.high_inclusive)
    return requirement.part if isinstance(requirement, Not) else Not(requirement)
