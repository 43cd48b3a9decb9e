"""The disease's course after a therapy no drug names (topics.failed_treatment, issue 14, rx11):
"Progressive disease despite standard therapy", "Disease progression after initial therapy",
"solid tumors that have recurred or progressed following standard therapy(ies)", "Patients who
have failed standard therapy", "persistent or progressive disease despite initial chemotherapy"
(holdout T284).

A disease never treated has not progressed after a treatment: a record with no therapy (no
anticancer drug, radiotherapy, transplant, CAR-T or operation) and no relapsed or refractory
status fails the line. A relapsed or refractory disease meets it (it followed a treatment, listed
or not); a therapy on record without either is a person's (whether the disease progressed after
it). An alternative in the sentence ("..., or for which no standard therapy exists"), a therapy
the words name, or a negated lead leave the line to the readings it had. A chemotherapy named must be on record
(as "failed at least one prior chemotherapy" asks it).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.failed_treatment import status_after_therapy_items
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, medication, procedure

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

DESPITE = "Progressive disease despite standard therapy"
INITIAL = "Disease progression after initial therapy"
RECURRED = "Advanced solid tumors that have recurred or progressed following standard therapy(ies)."
FAILED = "Patients who have failed standard therapy"
CHEMO = ("Confirmed diagnosis of follicular lymphoma or chronic lymphocyte leukemia. Patients must have had persistent or progressive "
         "disease despite initial chemotherapy")

UNTREATED = adult(condition("cll", 60))
RELAPSED = adult(condition("cll", 900), condition("relapsed", 30))
REFRACTORY = adult(condition("cll", 900), condition("refractory", 30))
GIVEN_DRUG = adult(condition("cll", 400), medication("anticancer_therapy", 200))
GIVEN_RITUXIMAB = adult(condition("cll", 400), medication("monoclonal_antibody_therapy", 200), medication("anticancer_therapy", 200))
TRANSPLANTED = adult(condition("cll", 900), procedure("allo_hsct", 300))
OPERATED = adult(condition("solid_tumor", 400), procedure("surgery", 300))

# (why, line, record, outcome)
OUTCOMES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("never treated: no progression after a therapy", DESPITE, UNTREATED, NOT_MET),
    ("a relapse follows a treatment", DESPITE, RELAPSED, MET),
    ("a refractory disease failed one", DESPITE, REFRACTORY, MET),
    ("a therapy on record: whether the disease progressed after it is a person's", DESPITE, GIVEN_DRUG, UNKNOWN),
    ("a transplant is a therapy given", DESPITE, TRANSPLANTED, UNKNOWN),
    ("an operation may be a solid tumour's standard therapy", DESPITE, OPERATED, UNKNOWN),
    ("never treated", INITIAL, UNTREATED, NOT_MET),
    ("never treated", RECURRED, adult(condition("solid_tumor", 60)), NOT_MET),
    ("an operation", RECURRED, OPERATED, UNKNOWN),
    ("'has failed standard therapy': never treated", FAILED, UNTREATED, NOT_MET),
    ("'has failed standard therapy': relapsed", FAILED, RELAPSED, MET),
    ("'despite initial chemotherapy': never treated", CHEMO, UNTREATED, NOT_MET),
    ("a chemotherapy named is asked given, as the count reader asks it", CHEMO, GIVEN_RITUXIMAB, NOT_MET),
    ("given: whether it failed is a person's", CHEMO, adult(condition("cll", 400), medication("chemotherapy", 200)), UNKNOWN),
    ("given and relapsed", CHEMO, adult(condition("cll", 900), medication("chemotherapy", 500), condition("relapsed", 30)), MET),
    ("no surgery counts where the words say chemotherapy", CHEMO, adult(condition("cll", 400), procedure("surgery", 300)), NOT_MET),
]


MYELOMA = "Subjects with previously treated multiple myeloma"
TREATED_DISEASE = "Previously treated disease"
OUTCOMES += [
    ("'previously treated': a myeloma never treated fails", MYELOMA, adult(condition("multiple_myeloma", 60)), NOT_MET),
    ("a therapy on record is the treatment", MYELOMA, adult(condition("multiple_myeloma", 400), medication("anticancer_therapy", 200)), MET),
    ("a relapse shows one", MYELOMA, adult(condition("multiple_myeloma", 900), condition("relapsed", 30)), MET),
    ("a transplant is one", MYELOMA, adult(condition("multiple_myeloma", 900), procedure("auto_hsct", 300)), MET),
    ("an operation alone: whether it treated the disease is a person's", TREATED_DISEASE, OPERATED, UNKNOWN),
    ("the disease still asked", MYELOMA, adult(condition("cll", 400), medication("anticancer_therapy", 200)), NOT_MET),
    ("never treated", TREATED_DISEASE, UNTREATED, NOT_MET),
]


@pytest.mark.parametrize("text", [
    "Untreated or previously treated for WM.",  # either
    "Patients with non-Hodgkin B-cell lymphoma, good condition, not previously treated",  # negated: another reading
    "Subjects may have been previously treated with thalidomide or bortezomib.",  # the therapy named
    "Previously treated patients must be neurologically stable for 4 weeks after completion of appropriate therapy",
    "No known CNS metastases or previously treated and now stable CNS metastases",
    "No other prior malignancy except for previously treated basal cell or squamous cell skin cancer, in situ cervical cancer",
    "previously treated basal cell or squamous cell skin cancer, in situ cervical cancer",  # the exception's body, read apart
    "The patients may start any FDA approved endocrine therapy (with which they have not been previously treated) at week 4",
    "criteria as specified in S1400: Phase II/III Biomarker-Driven Master Protocol for Previously Treated Squamous Cell Lung Cancer",
    "Diagnosis of adult T-cell leukemia, and previously treated unless the patient is ineligible for or refuses other treatments for ATL.",
])
def test_previously_treated_is_not_read_where_it_is_one_of_two_or_names_the_therapy(text: str) -> None:
    assert not any(it.start == text.lower().find("previously treated") for it in status_after_therapy_items(text, INC))



def test_previously_treated_before_an_exception_read_apart_is_not_read() -> None:
    """The clause grammar reads "unless ..." apart and blanks it here: the exception may undo it."""
    text = "Diagnosis of adult T-cell leukemia (ATL), and previously treated" + " " * 60
    assert status_after_therapy_items(text, INC) == []
    rule = parse_line("Diagnosis of adult T-cell leukemia (ATL), and previously treated unless the patient is ineligible for or refuses other "
                      "protocols or treatments for ATL.", INC).expr
    assert evaluate(parse_line("Diagnosis of adult T-cell leukemia (ATL), and previously treated unless the patient is ineligible for or "
                               "refuses other protocols or treatments for ATL.", INC), adult(condition("atll", 20)), AS_OF).outcome is not NOT_MET, rule


@pytest.mark.parametrize(("why", "text", "facts", "expected"), OUTCOMES, ids=[f"{i}-{o[0][:40]}" for i, o in enumerate(OUTCOMES)])
def test_a_course_after_therapy_decides_as_the_text_means(why: str, text: str, facts: PatientFacts, expected: Outcome) -> None:
    got = evaluate(parse_line(text, INC), facts, AS_OF)
    assert got.outcome is expected, f"{why}: got {got.outcome} ({got.reason})"


@pytest.mark.parametrize("text", [
    "Patients with disease progression despite standard therapy or have disease for which no standard therapy exists.",  # either
    "Tumor progression after standard chemotherapy, or where none yet approved",
    "Patients must have measurable metastatic renal cell cancer and have tumor progression after therapy with interleukin-2 (IL-2).",  # named
    "No prior progression after initial therapy",  # negated
    "Histologically confirmed, metastatic CRC that has progressed after first-line standard therapy that was not irinotecan-based.",
    "Recurrent or progressive disease after treatment.",  # no word says which treatment: left as it was
    "Patients who failed standard therapy",  # "failed" without its auxiliary: a list's adjective as often
])
def test_other_shapes_are_not_read_here(text: str) -> None:
    assert status_after_therapy_items(text, INC) == []


def test_an_exclusion_is_not_read_here() -> None:
    assert status_after_therapy_items(DESPITE, CriterionType.EXCLUSION) == []


def test_an_adversarial_line_reads_in_50_ms() -> None:
    lines = ["progressive disease despite " + "standard " * 1000 + "x", "has failed " * 800 + "prior therapy or",
             "progressed following " + "prior " * 1500, "disease progression on " * 400, "previously treated " * 500]
    for line in lines:  # (each of about 9,000 characters, read in linear time)
        start = time.perf_counter()
        status_after_therapy_items(line, INC)
        assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


def test_a_course_after_words_blanked_before_it_is_not_read() -> None:
    """"NSCLC with or without prior therapy advanced solid tumor that progressed after standard
    therapy": the remark blanked before the course may have said whose course it is."""
    text = "Diagnosis of one of the following unresectable NSCLC" + " " * 40 + "tumor that progressed after standard therapy"
    assert status_after_therapy_items(text, INC) == []
