"""Clause structure (issue 14): enumerations, wrappers, anchors, examples and conditions read as
the registry text means them, one shape per row. Each row is a shape mined from the corpus,
written short; the expected expression is the clinician's reading of the line."""

from __future__ import annotations

import pytest

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason, Window

from rules_engine.parser import parse_criteria, parse_line
from rules_engine.parser.criteria import DONOR_REVIEW
from rules_engine.parser.items import predicates

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def present(concept: str) -> Predicate:
    return Predicate(concept, Op.PRESENT)


# a positive HCV antibody: an exposure to hepatitis C, now or ever (a cured one leaves the antibody)
HCV_EXPOSED = Any_((present("hcv_exposure"), Predicate("hcv_exposure", Op.WITHIN, window=Window(100.0, "years"))))


def uln(concept: str, op: Op, value: float) -> Predicate:
    return Predicate(concept, op, value, None, True)


def weeks(concept: str, n: float) -> Predicate:
    return Predicate(concept, Op.WITHIN, window=Window(n, "weeks"))


def not_within_days(concept: str, n: float, exclusive: bool = False) -> Predicate:
    """No record within the last ``n`` days; ``exclusive``: "at least n days since" (day n meets it)."""
    return Predicate(concept, Op.NOT_WITHIN, window=Window(n, "days", exclusive=exclusive))


BLASTS_5 = Predicate("bm_blasts", Op.GTE, 5, "%")


SHAPES: list[tuple[str, str, CriterionType, Expr]] = [
    (
        "a wrapper that names what the bounds after it define adds no condition",
        "Abnormal laboratory values (ALT ≥ 5 × ULN; total bilirubin ≥ 1.5 × ULN)",
        EXC,
        Any_((uln("alt", Op.GTE, 5), uln("bilirubin", Op.GTE, 1.5))),
    ),
    (
        "a disorder defined by its bound in brackets is the bound",
        "Renal insufficiency (serum creatinine > 2.5 mg/dL)",
        EXC,
        Predicate("creatinine", Op.GT, 2.5, "mg/dL"),
    ),
    (
        "a time anchored on the protocol's therapy is when, not what",
        "Immunotherapy within 4 weeks of protocol-specified therapy",
        EXC,
        weeks("immunotherapy", 4),
    ),
    (
        "an enumeration closed by 'or' is a list of alternatives (MPAL, mixed phenotype, a concept since task known)",
        "Participants must have a diagnosis of AML, MDS, ALL or MPAL",
        INC,
        Any_((present("aml"), present("mds"), present("all"), present("ambiguous_lineage_leukemia"))),
    ),
    (
        "an enumeration of diseases closed by 'and' names the diseases the trial takes, one each (no patient has all three)",
        "Participants must have AML, CMML and MDS",
        INC,
        Any_((present("aml"), present("cmml"), present("mds"))),  # CMML a concept of its own since the known-families session
    ),
    (
        "a list's 'or', then 'and' joining the next phrase; a preposition binds its event to the status",
        "Participants must have a diagnosis of AML, MDS, ALL or MPAL and must have disease that has relapsed or is refractory "
        "to chemotherapy, or that has relapsed after hematopoietic stem cell transplantation (HSCT)",
        INC,
        All((
            Any_((present("aml"), present("mds"), present("all"), present("ambiguous_lineage_leukemia"))),
            Any_((present("relapsed"), present("refractory"), All((present("relapsed"), present("hsct"))))),
        )),
    ),
    (
        "'with' binds tighter than 'or'",
        "AML with ≥ 20% bone marrow blasts or MDS",
        INC,
        Any_((All((present("aml"), Predicate("bm_blasts", Op.GTE, 20, "%"))), present("mds"))),
    ),
    (
        "unread words after 'or' are an alternative, over brackets",
        "Bone marrow blasts ≥ 5% or increasing levels of minimal residual disease (MRD) in the bone marrow",
        INC,
        Any_((BLASTS_5, Review(ReviewReason.UNSUPPORTED_CONCEPT, "increasing levels of minimal residual disease MRD in the bone marrow"))),
    ),
    (
        "'Patients with X must have Y' asks Y of the patients with X only",
        "Patients with AML or ALL must have ≥ 5% blasts in the bone marrow",
        INC,
        Any_((Not(Any_((present("aml"), present("all")))), BLASTS_5)),
    ),
    (
        "'there can be no' negates",
        "There can be no evidence of GVHD",
        INC,
        Not(present("gvhd")),
    ),
    (
        "'N days must have elapsed since the X' is no X within N days",
        "Greater than 60 days must have elapsed since the HSCT",
        INC,
        not_within_days("hsct", 60),
    ),
    (
        "a time since an event after 'and' is a requirement of its own, outside the negation",
        "No evidence of GVHD and at least 60 days since HSCT",
        INC,
        All((Not(present("gvhd")), not_within_days("hsct", 60, exclusive=True))),
    ),
    (
        "examples after a thing read are among it",
        "Active autoimmune disease, such as psoriasis and rheumatoid arthritis",
        EXC,
        present("autoimmune_disease"),
    ),
    (
        "examples read after a thing not read are not requirements of an inclusion",
        "At least two cycles of systemic therapy (including chemotherapy, hematopoietic stem cell transplantation, etc.)",
        INC,
        Review(ReviewReason.UNSUPPORTED_CONCEPT, ""),
    ),
    (
        "a bound among the examples still measures the patient",
        "Adequate organ function (e.g. ANC ≥ 1.5 x 10^9/L)",
        INC,
        Predicate("anc", Op.GTE, 1.5, "10*9/L"),
    ),
    (
        "what 'including' names in an inclusion may be required: it stays",
        "Prior chemotherapy including an anthracycline",
        INC,
        All((present("chemotherapy"), present("anthracycline"))),
    ),
    (
        "the recency of the review that confirms a diagnosis is the procedure's",
        "Histologically confirmed AML by hematopathology review performed within four weeks prior to study entry",
        INC,
        present("aml"),
    ),
    (
        "a diagnosis dated by its own words keeps its window",
        "AML diagnosed within 6 months",
        INC,
        Predicate("aml", Op.WITHIN, window=Window(6, "months")),
    ),
    (
        "'or' between two treatments sharing one noun gives the noun to each; the disease a treatment was for is its indication",
        "Allogeneic or autologous transplant for AML with infusion of stem cells within 90 days of study entry",
        EXC,
        Any_((Predicate("allo_hsct", Op.WITHIN, window=Window(90, "days")), Predicate("auto_hsct", Op.WITHIN, window=Window(90, "days")))),
    ),
    (
        "a condition after 'for those' binds to the bound before it, not as an alternative",
        "Serum creatinine < 1.5 mg/dL OR Creatinine clearance > 50 mL/min for those above serum creatinine at least 1.5 mg/dL",
        INC,
        Any_((Predicate("creatinine", Op.LT, 1.5, "mg/dL"), All((Predicate("creatinine_clearance", Op.GT, 50, "mL/min"), Predicate("creatinine", Op.GTE, 1.5, "mg/dL"))))),
    ),
    (
        "'no clinical evidence of' negates, the framing words add nothing",
        "No clinical evidence of CNS leukemia",
        INC,
        Not(present("cns_involvement")),
    ),
    (
        "a bracket listing a treatment's kinds gives it their recency",
        "Anticancer therapy (chemotherapy or radiotherapy) within 2 weeks",
        EXC,
        Any_((weeks("anticancer_therapy", 2), weeks("chemotherapy", 2), weeks("radiotherapy", 2))),
    ),
    (
        "a status defined after a colon is a definition, its cases no requirement",
        "Refractory: is defined as patients that have not achieved a first CR after 2 cycles; for patients with leukemia evolving from "
        "myelodysplastic syndrome, they should have completed at least one cycle",
        INC,
        Any_((Not(present("refractory")), Review(ReviewReason.JUDGEMENT, "the trial's definition: Refractory: is defined as patients that "
              "have not achieved a first CR after 2 cycles; for patients with leukemia evolving from myelodysplastic syndrome, they should "
              "have completed at least one cycle"))),
    ),
    (
        "who the line is about, said twice, adds nothing",
        "Research patients enrolled are those patients with relapsed AML",
        INC,
        All((present("relapsed"), present("aml"))),
    ),
    (
        "an 'other than' aside between commas ends at its comma: what follows still describes the disease",
        "Confirmed AML, other than acute promyelocytic leukemia, as defined by WHO criteria that is relapsed or refractory",
        INC,
        # AML other than APL (rules_engine.derive.excepted)
        All((Predicate("aml", Op.PRESENT, ("apl",)), Any_((present("relapsed"), present("refractory"))))),
    ),
    (
        "'dependence on' a treatment is being on it",
        "Dependence on corticosteroids",
        EXC,
        present("steroid_therapy"),
    ),
    (
        "a capital OR between whole phrases lists alternatives, each read as a line of its own",
        "AML without complete remission after at least 2 induction therapies OR AML that has relapsed post allogeneic transplantation",
        INC,
        Any_((
            # no remission after induction is refractory disease; the count of inductions a person checks
            All((present("aml"), Review(ReviewReason.UNSUPPORTED_CONCEPT, "disease after ≥ 2 induction therapies"), present("refractory"))),
            All((present("aml"), present("relapsed"), present("allo_hsct"))),
        )),
    ),
    (
        "how a count is measured, listed three ways, is no condition; an unread phrase after 'and/or' is an alternative",
        "Active AML (bone marrow blasts ≥ 5% by morphology, staining, or flow) and/or presence of estramedullary disease",
        INC,
        All((present("aml"), Any_((BLASTS_5, Review(ReviewReason.UNPARSED, "presence of estramedullary disease"))))),
    ),
    (
        "a wrapper of the bound in brackets ('adequate cardiac function (...)') adds no condition",
        "All patients must have adequate cardiac function (ejection fraction ≥ 45%)",
        INC,
        Predicate("lvef", Op.GTE, 45, "%"),
    ),
    (
        "how it is measured, listed with 'i.e.', is no condition",
        "Ejection fraction >=40% by transthoracic echocardiogram or radionuclide ventriculogram, i.e. multigated acquisition (MUGA) scan",
        INC,
        Predicate("lvef", Op.GTE, 40, "%"),
    ),
    (
        "a formula spelled out, 'any other validated formula' and a cross-reference are no condition",
        "Estimated glomerular filtration rate ≥30 mL/min/1.73 m2 calculated by Modification of Diet in Renal Disease (MDRD) or any other "
        "validated formula (see Appendix 13.4)",
        INC,
        Predicate("egfr", Op.GTE, 30, "mL/min/{1.73_m2}"),
    ),
    (
        "a sentence ends after a unit in capitals; a note on the qualifying value adds nothing",
        "Hemoglobin < 8 g/dL. Qualifying laboratory value must occur at most recent measurement",
        EXC,
        Predicate("hemoglobin", Op.LT, 8, "g/dL"),
    ),
    (
        "a permission widens the last requirement read, never a sentence left unread",
        "Hepatitis C (HCV antibody positive). In addition, these subjects were required to undergo a monthly PCR test. "
        "Participants who are positive for HCV antibodies can also be enrolled if their HCV RNA is negative.",
        EXC,
        Any_((
            All((present("hcv_exposure"), Not(All((HCV_EXPOSED, Predicate("hcv_rna", Op.IS, "negative")))))),
            All((HCV_EXPOSED.parts[1], Not(All((HCV_EXPOSED, Predicate("hcv_rna", Op.IS, "negative")))))),
        )),
    ),
    (
        "treatments given as examples of a dated one share its window",
        "Anticancer therapies within 4 weeks of the start of study drug (including chemotherapy, antibody based therapy, etc.)",
        EXC,
        Any_((weeks("anticancer_therapy", 4), weeks("chemotherapy", 4))),
    ),
    (
        "'Patients must not be' negates what follows in an inclusion",
        "Patients must not be human immunodeficiency virus (HIV) positive",
        INC,
        Not(present("hiv")),
    ),
    (
        "the modifier letter '˃' is a comparator",
        "Life expectancy ˃ 3 months",
        INC,
        Predicate("life_expectancy", Op.GT, 3, "mo"),
    ),
]


@pytest.mark.parametrize(("text", "ctype", "expected"), [pytest.param(t, c, e, id=i) for i, t, c, e in SHAPES])
def test_clause_shape_is_read_as_the_text_means(text: str, ctype: CriterionType, expected: Expr) -> None:
    assert parse_line(text, ctype).expr == expected


# A wrapper with no bound after it is a condition of its own: never blanked away.
UNREAD_WRAPPERS = [
    "HIV or hepatic impairment (Child-Pugh B or C)",
    "HIV or renal insufficiency",
]


@pytest.mark.parametrize("text", UNREAD_WRAPPERS)
def test_a_wrapper_without_a_bound_stays_an_unread_alternative_of_the_exclusion(text: str) -> None:
    expr = parse_line(text, EXC).expr
    assert isinstance(expr, Any_)
    assert present("hiv") in expr.parts
    assert any(isinstance(part, Review) for part in expr.parts)


def test_words_merely_beside_a_list_item_are_no_alternative_of_it() -> None:
    """Only a comma or an "or" lists an alternative: "CML subjects must have primary or acquired
    resistance" does not make "subjects must have primary" a way to meet the line."""
    expr = parse_line("Chronic phase Chronic Myelogenous Leukemia (CML) subjects must have primary or acquired resistance to imatinib", INC).expr
    assert not (isinstance(expr, Any_) and present("cml") in expr.parts)
    assert present("cml") in predicates(expr)


# Not conditions on a group: the named subject is not whole, or the line excludes the group.
NOT_GROUP_CONDITIONS = [
    ("Patients with untreated brain metastases must have stable disease", INC),
    ("Patients with brain metastases should be excluded", EXC),
]


@pytest.mark.parametrize(("text", "ctype"), NOT_GROUP_CONDITIONS)
def test_a_subject_that_is_not_read_whole_makes_no_conditional(text: str, ctype: CriterionType) -> None:
    expr = parse_line(text, ctype).expr
    assert not (isinstance(expr, Any_) and any(isinstance(p, Not) for p in expr.parts))


# A phrase that negates is never an alternative of a list: "No concurrent X, chemotherapy, or
# radiotherapy" does not become "X or chemotherapy or radiotherapy" in an inclusion.
def test_a_negating_phrase_is_not_an_unread_alternative_of_an_inclusion_list() -> None:
    expr = parse_line("See Disease Characteristics No concurrent immunotherapeutic drugs, chemotherapy, or radiotherapy", INC).expr
    assert not (isinstance(expr, Any_) and present("chemotherapy") in expr.parts)


# Remission stated as a status: not achieving it is refractory disease, a relapse after it a relapse.
STATUS_WORDS = [
    ("Failure to achieve complete remission after 2 cycles of induction", "refractory"),
    ("Patients who can not achieve remission after two cycles of chemotherapy", "refractory"),
    ("Patients who relapsed after remission", "relapsed"),
    ("AML without complete remission (CR/CRi) after at least 2 induction therapies", "refractory"),
]


@pytest.mark.parametrize(("text", "status"), STATUS_WORDS)
def test_remission_stated_as_a_status_is_read_as_that_status(text: str, status: str) -> None:
    expr = parse_line(text, INC).expr
    assert status in {p.concept for p in predicates(expr)}


RECIPIENT = (
    "Inclusion Criteria:\n\nRECIPIENT\n\n  - Histopathologically-confirmed:\n\n  - Acute myelogenous leukemia (AML) in first remission\n\n"
    "  - Chronic myelogenous leukemia (CML) in accelerated phase\n\n  - Myelodysplastic syndrome (MDS)\n\n  - Karnofsky > 70%\n\n"
    "Must have related donor who is:\n\n  - HLA haploidentical to the recipient\n\n  - Serum bilirubin < 2.0 mg/dL"
)


def test_sibling_lines_each_naming_a_disease_are_alternatives_of_their_heading() -> None:
    heading = parse_criteria(RECIPIENT)[0]
    assert isinstance(heading.expr, All)
    diseases, *rest = heading.expr.parts
    assert isinstance(diseases, Any_)
    assert [sorted(p.concept for p in predicates(d))[0] for d in diseases.parts] == ["aml", "cml", "mds"]
    assert rest[0] == Predicate("karnofsky", Op.GT, 70, "%")  # the lead-in is their label; other lines stay requirements


def test_under_a_donor_lead_in_only_the_lines_about_a_donor_are_the_donors() -> None:
    lines = parse_criteria(RECIPIENT)
    hla, bilirubin = lines[-2], lines[-1]
    assert isinstance(hla.expr, Review) and hla.expr.text == DONOR_REVIEW
    assert bilirubin.expr == Predicate("bilirubin", Op.LT, 2, "mg/dL")


def test_a_bracketed_exception_that_permits_a_drug_is_no_permitted_group() -> None:
    """"... within 2 weeks [EXCEPTION: Hydroxyurea ... is permitted]": the exclusion still holds
    for every therapy it lists; the exception qualifies one item, never the whole line."""
    expr = parse_line("Received anticancer therapy (chemotherapy or immunotherapy) within 2 weeks prior to starting study treatment "
                      "[EXCEPTION: Hydroxyurea to control high white blood cell count is permitted]", EXC).expr
    assert isinstance(expr, Any_)
    assert weeks("chemotherapy", 2) in expr.parts and weeks("anticancer_therapy", 2) in expr.parts


def test_a_donor_lead_in_that_asks_for_the_following_criteria_makes_every_line_under_it_the_donors() -> None:
    lines = parse_criteria("Inclusion Criteria:\n- Available HLA-haploidentical donor that meets the following criteria:\n"
                           "    - Blood-related family member\n    - At least 18 years of age\n    - Negative for HIV\n- Karnofsky >= 50%")
    assert [c.expr.text == DONOR_REVIEW for c in lines[1:4] if isinstance(c.expr, Review)] == [True, True, True]
    assert lines[4].expr == Predicate("karnofsky", Op.GTE, 50, "%")


def test_unbracketed_examples_end_at_the_next_comma() -> None:
    """"active infections including hepatitis B or C, unstable brain metastases, heart problems":
    what follows the examples' comma is the line's own list, never dropped as an example."""
    expr = parse_line("Any of the following: active infections including hepatitis B or C, swallowing difficulties, heart problems", EXC).expr
    # (read as a heart disease since "heart problems" is one: events' cardiac_disease row)
    assert any(isinstance(p, Review) and "heart problems" in p.text or p == Predicate("cardiac_disease", Op.PRESENT)
               for p in (expr.parts if isinstance(expr, Any_) else (expr,)))


def test_a_condition_stated_as_an_absence_is_no_conditional() -> None:
    """"For patients without metastasis, PSA > 0.2": the absence is not read as a history, so the
    line is not met by everyone who lacks the history."""
    expr = parse_line("For patients without clinical metastasis treated by surgery, serum PSA values must be > 0.2 ng/ml", INC).expr
    assert not (isinstance(expr, Any_) and Not(present("surgery")) in expr.parts)


@pytest.mark.parametrize("text", ["Patients cannot be receiving steroids", "Patients must not be receiving steroids"])
def test_a_prohibition_in_an_inclusion_negates(text: str) -> None:
    assert isinstance(parse_line(text, INC).expr, Not)


# A phrase after "or" that qualifies the items before it is no alternative of them: the line
# must not be met by the status alone.
QUALIFYING_PHRASES = [
    "Recurrent or persistent disease as manifested by carcinomatous meningitis",
    "Recurrent or progressive disease on or after initial platinum-based chemotherapy",
]


@pytest.mark.parametrize("text", QUALIFYING_PHRASES)
def test_a_qualifying_phrase_after_or_is_no_alternative(text: str) -> None:
    expr = parse_line(text, INC).expr
    assert isinstance(expr, All) and present("relapsed") in expr.parts


def test_an_or_closing_a_list_of_statuses_does_not_make_the_disease_an_alternative() -> None:
    expr = parse_line("Advanced cutaneous T-cell lymphoma, stage IB or higher with progressive, persistent, or recurrent disease", INC).expr
    assert isinstance(expr, All) and present("ctcl") in predicates(expr) and present("relapsed") in predicates(expr)  # (CTCL: the cutaneous kind, dx9)


def test_a_sentence_is_no_condition_on_the_next() -> None:
    """"Patients with relapsed AML. Patients must have had a remission ...": the first sentence is
    a requirement of its own, not the group the second concerns."""
    expr = parse_line("Patients with relapsed AML. Patients must have had a documented remission lasting > 30 days", INC).expr
    assert isinstance(expr, All) and present("aml") in expr.parts


def test_a_disease_said_to_be_eligible_is_who_the_trial_is_for_not_a_permission() -> None:
    """"Patients with multiple myeloma in relapse are eligible for the study" asks for the disease;
    read as a permission it was met by every patient without it."""
    expr = parse_line("Patients with multiple myeloma in relapse are eligible for the study", INC).expr
    assert present("multiple_myeloma") in predicates(expr)
    assert not isinstance(expr, Any_)


def test_a_group_eligible_under_a_condition_is_a_permission() -> None:
    expr = parse_line("Patients with AML or MDS are eligible at first or subsequent relapse", INC).expr
    assert isinstance(expr, Any_) and Not(Any_((present("aml"), present("mds")))) in expr.parts
