"""Line shapes the clause grammar and the residue policy read (issue 14), one behaviour each."""

from __future__ import annotations

import pytest

from rules_engine.criteria import All, Any_, CriterionType, Not, Op, Predicate, Review, ReviewReason, Window

from rules_engine.parser import parse_line

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def present(concept: str) -> Predicate:
    return Predicate(concept, Op.PRESENT)


@pytest.mark.parametrize(
    "text,ctype,expected",
    [
        # a qualifier of the diagnosis (classification, guideline, method) decides nothing
        (
            "Diagnosed with B-ALL or AML according to the World Health Organization (WHO) classification of hematopoietic and lymphoid tissue tumors (2022 version)",
            INC,
            Any_((present("b_all"), present("aml"))),
        ),
        ("AML confirmed by flow cytometry", INC, present("aml")),
        ("Left ventricular ejection fraction ≥ 50% by echocardiography or MUGA scan", INC, Predicate("lvef", Op.GTE, 50, "%")),
        ("Platelets ≥ 50 x 10^9/L (platelet transfusion is permitted)", INC, Predicate("platelets", Op.GTE, 50, "10*9/L")),
        ("Cardiac ejection fraction (EF) < 50% by 2-D Echogram.", EXC, Predicate("lvef", Op.LT, 50, "%")),
        ("Left ventricular ejection fraction (LVEF) > 50% by 2-dimensional echocardiogram", INC, Predicate("lvef", Op.GT, 50, "%")),
        ("Creatinine clearance > 40ml/min per 24 hour urine collection", INC, Predicate("creatinine_clearance", Op.GT, 40, "mL/min")),
        ("Must have undergone an allogeneic SCT (regardless of stem cell source)", INC, present("allo_hsct")),
        # "or" inside the status phrase belongs to it: the disease still decides
        (
            "Relapsed or primary refractory AML",
            INC,
            All((Any_((present("relapsed"), present("refractory"))), present("aml"))),
        ),
        (
            "relapsed AML or refractory ALL",
            INC,
            Any_((All((present("relapsed"), present("aml"))), All((present("refractory"), present("all"))))),
        ),
        # a conditional line concerns only the patients it names
        (
            "If prior allogeneic transplant, at least 100 days since transplant",
            INC,
            Any_((Not(present("allo_hsct")), Predicate("allo_hsct", Op.NOT_WITHIN, window=Window(100.0, "days", exclusive=True)))),
        ),
        ("No active GVHD after allo-HSCT", INC, Not(All((present("gvhd"), present("allo_hsct"))))),
        # a qualifier narrows its own item, not its neighbours
        (
            "Uncontrolled infection, HIV positive",
            EXC,
            # (a recorded sepsis is the uncontrolled infection: session 16)
            Any_((Any_((present("sepsis"), All((present("active_infection"), Review(ReviewReason.JUDGEMENT, "Uncontrolled"))))), present("hiv"))),
        ),
    ],
)
def test_line_shape_is_read_as_the_text_means(text, ctype, expected):
    assert parse_line(text, ctype).expr == expected


@pytest.mark.parametrize("text", ["Willing to undergo bone marrow biopsy", "Patients must be willing to undergo allogeneic HSCT"])
def test_a_willingness_line_is_a_consent_review_not_a_history(text):
    assert parse_line(text, INC).expr == Review(ReviewReason.CONSENT, "")


def test_an_exception_widens_only_its_own_subject():
    """Gilbert's syndrome concerns bilirubin: ALT still decides."""
    expr = parse_line("ALT ≤ 3 x ULN, total bilirubin ≤ 1.5 x ULN (unless Gilbert's syndrome)", INC).expr
    assert isinstance(expr, All)
    assert Predicate("alt", Op.LTE, 3, None, True) in expr.parts
    widened = [p for p in expr.parts if isinstance(p, Any_)]
    assert len(widened) == 1 and Predicate("bilirubin", Op.LTE, 1.5, None, True) in widened[0].parts
