"""More shapes the holdout trials (``test_holdout_trials``) misread, each in its general form,
with the corpus count (``../shared/corpus``, 1,783 criteria texts; a regular-expression floor).

* An unread phrase offered as another case of one status ("Acute leukemia with refractory
  disease or > Complete Remission (CR) 1"; 32 texts write "<status> disease or ..."): it is that
  status's alternative, bound to it. Read as one more requirement, a refractory patient was left
  unknown (and in an exclusion, a patient without the status was cleared whatever the other case);
  read as an alternative of the whole line, a patient without the disease was left unknown.
  "> CR1", "≥ CR2", "> complete remission" place a remission, they are no measured bound.
* A group permitted at a disease status ("Patients with AML, MPAL or MDS are eligible at first or
  subsequent relapse, whereas patients with ALL are eligible at second or subsequent relapse
  ..."; 11 texts write "are eligible at/in/with/after", 7 "first or subsequent/later relapse"):
  the status is read (every relapse is a first or a later one), so a group member without it
  fails; a second group after "whereas" is held to its own condition, not swallowed into the
  first one's. A condition other than a status stays the reviewer's.
* Age bounds for the patients of different sites ("Patients treated at collaborating sites ...
  must be <= 24 years old. All other St. Jude patients must be < 21 years old"; "age greater than
  18 years as required by some local regulations"): which site is the patient's no record says,
  so every bound met meets the line, none met fails it, and between them it is a person's call.
  Read as conjuncts with the site words, every patient was unknown, or failed the stricter site's
  bound. Any other requirement beside them keeps the line as written.
* An exclusion's lead-in ending in a preposition ("Seropositive for:", "History of or positive
  test result at Screening for:") with its list flattened to its own bullet level (167 colon
  lines in 122 texts stand with no list under them; 2 exclusions of this form): the short lines
  after it are its list, up to the first that opens as a criterion of its own ("History of
  invasive Aspergillosis"). Alone, the lead-in was a line that read nothing. Exclusions only:
  their heading excludes by any of its lines, so no verdict moves.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria, split_criteria
from rules_engine.reference import evaluate_reference
from tests.parser.test_holdout_shapes import AS_OF, MET, NOT_MET, UNKNOWN, E, I, decide, ids, patient

BEYOND_CR1 = "Acute leukemia with refractory disease or > Complete Remission (CR) 1"

STATUS_ALTERNATIVE_ROWS = [
    (I, BEYOND_CR1, patient("aml", "refractory"), MET),
    (I, BEYOND_CR1, patient("aml"), UNKNOWN),  # beyond a first remission is not on record
    (I, BEYOND_CR1, patient("breast_cancer", "refractory"), NOT_MET),  # the leukaemia still required
    (I, "AML with refractory disease or > CR1", patient("aml", "refractory"), MET),
    (I, "AML with refractory disease or > CR1", patient("mds", "refractory"), NOT_MET),
    (I, "Relapsed disease or frobnicated disease", patient("relapsed"), MET),
    (I, "Relapsed disease or frobnicated disease", patient(), UNKNOWN),
    (E, "Relapsed disease or frobnicated disease", patient("relapsed"), MET),
    (E, "Relapsed disease or frobnicated disease", patient(), UNKNOWN),  # the other case may hold
    (E, "AML with refractory disease or > CR1", patient("mds", "refractory"), NOT_MET),
]


@pytest.mark.parametrize("kind, line, record, expected", STATUS_ALTERNATIVE_ROWS, ids=ids(STATUS_ALTERNATIVE_ROWS))
def test_an_unread_case_of_a_status_is_that_status_alternative(kind, line, record, expected):
    assert decide(kind, line, record) is expected


WHEREAS = (
    "Patients with AML, MPAL or MDS are eligible at first or subsequent relapse, whereas patients with ALL are eligible at "
    "second or subsequent relapse or any relapse that is refractory to salvage chemotherapy."
)
FIRST_OR_LATER = "Patients with AML are eligible at first or later relapse"

STATUS_GROUP_ROWS = [
    (I, WHEREAS, patient("aml", "relapsed"), MET),
    (I, WHEREAS, patient("aml"), NOT_MET),  # AML not in relapse
    (I, WHEREAS, patient("mds", "relapsed"), MET),
    (I, WHEREAS, patient("all", "relapsed"), UNKNOWN),  # a second relapse is not on record
    (I, WHEREAS, patient("breast_cancer"), MET),  # in neither group
    (I, FIRST_OR_LATER, patient("aml", "relapsed"), MET),
    (I, FIRST_OR_LATER, patient("aml", "refractory"), NOT_MET),
    (I, FIRST_OR_LATER, patient("mds"), MET),
    (I, "Patients with AML are eligible if HBV DNA is undetectable", patient("aml"), UNKNOWN),
]


@pytest.mark.parametrize("kind, line, record, expected", STATUS_GROUP_ROWS, ids=ids(STATUS_GROUP_ROWS))
def test_a_group_permitted_at_a_status_needs_that_status(kind, line, record, expected):
    assert decide(kind, line, record) is expected


SITES = (
    "Age criteria: Patients treated at collaborating sites and current St. Jude patients who are on therapy or within 3 years "
    "of completion of therapy must be ≤ 24 years old. All other St. Jude patients must be < 21 years old."
)
LOCAL = "Age greater than 13 years (age greater than 18 years as required by some local regulations)."


def aged(years: int, **scores: float) -> PatientFacts:
    measured = {c: (Measurement(c, v, None, AS_OF - timedelta(days=5)),) for c, v in scores.items()}
    return PatientFacts(date(AS_OF.year - years, 1, 1), "female", measured, {})


SITE_AGE_ROWS = [
    (I, SITES, aged(12), MET),
    (I, SITES, aged(20), MET),
    (I, SITES, aged(22), UNKNOWN),  # holds at a collaborating site only
    (I, SITES, aged(30), NOT_MET),
    (I, LOCAL, aged(30), MET),
    (I, LOCAL, aged(15), UNKNOWN),  # too young where local regulations ask 18
    (I, LOCAL, aged(10), NOT_MET),
    # a requirement of its own beside the bounds keeps the line as written
    (I, "Patients at other sites must be < 21 years old and ECOG 0-1; patients at site A ≤ 24 years old", aged(12, ecog=0), UNKNOWN),
]


@pytest.mark.parametrize("kind, line, record, expected", SITE_AGE_ROWS, ids=ids(SITE_AGE_ROWS))
def test_age_bounds_of_different_sites_agree_or_are_left_to_a_person(kind, line, record, expected):
    assert decide(kind, line, record) is expected


SEROPOSITIVE = """Exclusion Criteria

  -  Seropositive for:

  -  HIV ab

  -  Hepatitis B sAg or PCR+

  -  Hepatitis C ab or PCR+

  -  History of invasive Aspergillosis

  -  Lactating female
"""


def lead_in_outcome(text: str, record: PatientFacts, line: str = "Seropositive for:") -> Outcome:
    criteria = parse_criteria(text)
    result = evaluate_reference(TrialCriteria("t", 1, criteria), record, AS_OF)
    return next(c.outcome for c, parsed in zip(result.criteria, criteria, strict=True) if parsed.text == line)


def test_a_flattened_list_is_its_lead_ins_up_to_a_criterion_of_its_own():
    lines = split_criteria(SEROPOSITIVE)
    lead = next(i for i, line in enumerate(lines) if line.text == "Seropositive for:")
    assert [line.text for line in lines if line.parent == lead] == ["HIV ab", "Hepatitis B sAg or PCR+", "Hepatitis C ab or PCR+"]
    assert all(line.parent is None for line in lines if line.text in ("History of invasive Aspergillosis", "Lactating female"))
    # an inclusion's lead-in is left as written (its heading may negate or offer alternatives)
    inclusion = split_criteria(SEROPOSITIVE.replace("Exclusion Criteria", "Inclusion Criteria"))
    assert all(line.parent is None for line in inclusion)


LEAD_IN_ROWS = [
    (patient("hbv"), MET),
    (patient("hiv"), MET),
    (patient("hcv"), MET),
    (patient(), NOT_MET),  # nothing on record shows HIV or a hepatitis B or C exposure: absent, as the contract's infection
]


@pytest.mark.parametrize("record, expected", LEAD_IN_ROWS, ids=[f"{i}-{e}" for i, (_, e) in enumerate(LEAD_IN_ROWS)])
def test_a_lead_in_reads_its_flattened_list(record, expected):
    assert lead_in_outcome(SEROPOSITIVE, record) is expected
