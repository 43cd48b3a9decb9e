"""Rewrites of a permission's condition said with "but must", into the words the permission's
reader already knows (rows of ``normalize._SUBS``: pattern, replacement, gate words).

"Post allogeneic hematopoietic transplant patients are eligible, but must have no evidence of
active graft vs. host disease": the transplanted patient is eligible on the condition that
follows, as "..., provided they have no evidence of ..." says it. Left as written, the condition
was an unread review, so a transplanted patient with chronic GVHD on record was left to a person
by a line that turns him away. Only a condition that denies ("must have no", "must not have"):
"are eligible but must be treated at a dose level previously tested" asks something else.

The pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

BUT_MUST_HAVE_NO = (
    r"\b((?:are|is)\s{1,3}(?:also\s{1,3})?(?:eligible|allowed|permitted))\s{0,3},?\s{0,3}but\s{1,3}(?:they\s{1,3})?(?:must|should)\s{1,3}have\s{1,3}no\b",
    r"\1 provided they have no",
    ("but",),
)

ROWS = (BUT_MUST_HAVE_NO,)
