"""Growth factors asked as current ("No concurrent filgrastim (G-CSF) or sargramostim (GM-CSF)",
"Patients receiving erythropoiesis-stimulating agents or other hematopoietic growth factors"):
given through a course or once a cycle, they are read as a course is (``events._COURSES``): one
within 4 weeks is under way, one 4 to 8 weeks ago is a person's, an older one is not current.
Each row is a corpus wording (paraphrased), with its rendering.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
OPEN = 'review ambiguous "whether a course given 4 to 8 weeks ago is still under way"'


def course(concept: str) -> str:
    return f"{concept} within 28 days or ({concept} within 56 days and {OPEN})"


CASES = [
    (I, "No concurrent hematopoietic growth factors", f"not ({course('growth-factor')})"),
    (I, "No concurrent filgrastim (G-CSF)", f"not ({course('growth-factor')})"),
    (E, "Patients receiving erythropoiesis-stimulating agents or other hematopoietic growth factors.", f"{course('ESA')} or {course('growth-factor')}"),
    (E, "Concurrent use of G-CSF or growth factors at the time of initiation of study drug.", course("growth-factor")),
    # a scope after it concerns the course whole, its doubt about when too (scopes.trailing_scope)
    (E, "No concurrent chemotherapy (e.g., cytarabine, or daunorubicin) in patients with AML", f"AML and ({course('chemotherapy')})"),
    # a past one is still any record of it
    (I, "No prior growth factors", "not growth-factor"),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES)
def test_concurrent_growth_factor(ctype: CriterionType, text: str, rendered: str) -> None:
    c = parse_line(text, ctype)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered
