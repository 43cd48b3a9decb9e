"""Shapes the T221-T225 holdout trials (sirolimus GVHD prophylaxis after a sibling transplant, ALL
in first remission, methylphenidate for survivors of childhood ALL or brain tumours, entospletinib
in two groups, oral azacitidine PK; ``test_holdout_trials``) misread, each fixed in its general
form and pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts are over
its 1,883 trials):

* The patient's own disease asked to show nothing ("If a subject, no evidence of malignancy, or
  continuously stable disease since completion of therapy", "No clinical evidence of malignancy by
  physical examination"; 2 corpus lines open so): a relapse or a refractory disease on record is
  evidence of it, a remission is none, anything else a person's. The line was a bare review, so a
  survivor whose ALL had relapsed was eligible.
* A cohort's line opening on its treatment with the label in brackets ("ENTO monotherapy (Group
  A): ...", "ENTO + cytarabine + daunorubicin (Group B): ...", "For Dose Confirmation portion (Part
  2): ..."; 7 corpus lines in 2 trials): the cohort's own requirements, as "Group A: ..." is read.
  Read as requirements each, every patient failed the other group's line.
* The leukaemia's CNS involvement written out ("central nervous system or leptomeningeal leukemic
  involvement", "Central nervous system or meningeal involvement"; 6 corpus lines): CNS
  involvement. The line was a bare review, so CNS leukaemia on record never excluded.
* "Ongoing liver injury", "On-going drug-induced liver injury" (5 corpus lines): a liver disease
  now, as hold21 reads any liver injury (the merge kept hold21's reading: a bare "Liver injury" is a
  liver disease, a drug-induced one a person's). It was an unsupported review.
* A therapy's kinds in brackets ("Anticancer therapy (standard or investigational) within 21 days",
  "Chemotherapy (standard or experimental) within 4 weeks"; 4 corpus lines): the investigational
  kind is an investigational agent in the same window. The bracket was unread, so a study drug
  given ten days ago never excluded.
* An infection qualified by words sepsis always meets, written with an article or as
  "uncontrollable" ("No uncontrollable infection", "Has an active infection requiring systemic
  therapy", "Patients with an uncontrolled infection"; 24 corpus lines): a recorded sepsis meets
  it, as "Uncontrolled infection" is read. The article (or the word) kept the qualifier an and-ed
  review, so a patient in septic shock was unknown.
* The age taken "at the time of signing the informed consent form / document" (27 corpus lines):
  when it is taken, nothing more. The anchor's reading stopped at "consent" and left "form" an
  and-ed review beside the age, so every adult was unknown.
* A requirement led by the age band it concerns ("For participants less than 18 years old,
  willing and able to take oral medications"; 1 corpus line): the band's only, as "Patients older
  than 70 years must ..." is read. Read as "age < 18 and ...", every adult failed it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.portions import portion_lead
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

IN_REMISSION = adult(condition("all", 2200), condition("remission", 900), years=12)
RELAPSED = adult(condition("all", 2200), condition("relapsed", 60), years=12)
REFRACTORY = adult(condition("aml", 300), condition("refractory", 100))
NO_STATUS = adult(condition("all", 30), years=12)

ROWS = [
    # -- the patient's own disease asked to show nothing
    ("If a subject, no evidence of malignancy, or continuously stable disease since completion of therapy", I,
     [IN_REMISSION], [RELAPSED, REFRACTORY], [NO_STATUS]),
    ("No evidence of malignancy", I, [IN_REMISSION], [RELAPSED], [NO_STATUS]),
    # -- the leukaemia's CNS involvement written out
    ("Known active central nervous system or leptomeningeal leukemic involvement", E, [adult(condition("cns_involvement", 10))], [adult()], []),
    ("Central nervous system or meningeal involvement", E,
     [adult(condition("cns_involvement", 10)), adult(condition("brain_metastases", 10))], [adult()], []),
    ("No CNS leukemic involvement not clearing with prior intrathecal chemotherapy and/or cranial radiotherapy", I,
     [adult()], [], [adult(condition("cns_involvement", 10), medication("chemotherapy", 20))]),
    # -- ongoing liver injury
    ("Ongoing liver injury", E, [adult(condition("liver_disease", 10))], [adult()], []),
    ("Ongoing liver injury, or known infection with chronic active hepatitis C virus (HCV) or chronic active hepatitis B virus (HBV)", E,
     [adult(condition("liver_disease", 10)), adult(condition("hbv", 900))], [adult()], []),
    # -- a therapy's kinds in brackets
    ("Chemotherapy (standard or experimental) within 4 weeks of the administration of study treatment.", E,
     [adult(medication("chemotherapy", 10)), adult(medication("investigational_agent", 10))], [adult(), adult(medication("investigational_agent", 60))], []),
    ("Chemotherapy (standard or experimental) or radiation therapy within 4 weeks of the administration of study treatment.", E,
     [adult(medication("chemotherapy", 10))], [adult(medication("chemotherapy", 60))], []),
    # -- an infection sepsis always is
    ("No uncontrollable infection", I, [adult()], [adult(condition("sepsis", 3))], [adult(condition("active_infection", 5))]),
    ("Has an active infection requiring systemic therapy.", E, [adult(condition("sepsis", 3))], [adult()], [adult(condition("active_infection", 5))]),
    # -- the age at the time of signing the consent's paper
    ("Age 18 years or older at the time of signing the informed consent document", I, [adult(years=45)], [adult(years=17)], []),
    ("Subject is ≥18 years at the time of signing the consent form.", I, [adult(years=45)], [adult(years=17)], []),
    # (a bare "liver injury" too, as hold21 reads it: a liver disease on record is one)
    ("Liver injury", E, [adult(condition("liver_disease", 10))], [adult()], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t22x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


GROUPS = [
    (I, "ENTO monotherapy (Group A): relapsed or refractory hematologic malignancies by World Health Organisation (WHO) criteria and who are "
        "not eligible to receive standard of care", None),
    (I, "ENTO + cytarabine + daunorubicin (Group B): previously untreated AML by WHO criteria, who are deemed fit for cytarabine and "
        "daunorubicin (7+3) induction chemotherapy and are able to undergo up to 2 cycles of induction chemotherapy, as determined by the "
        "treating physician", None),
]


def _judged(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> tuple[list[Outcome], Eligibility]:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(rows)), facts, AS_OF)
    return [c.outcome for c in outcome.criteria], outcome.eligibility


@pytest.mark.parametrize(
    "facts, expected",
    [
        (adult(condition("aml", 400), condition("relapsed", 30), medication("chemotherapy", 300)), [UNKNOWN, UNKNOWN]),
        (adult(condition("aml", 10)), [UNKNOWN, UNKNOWN]),
        (adult(condition("all", 10)), [NOT_MET, NOT_MET]),
    ],
    ids=["relapsed-aml-group-a", "untreated-aml-group-b", "untreated-all-neither"],
)
def test_cohorts_named_in_brackets_after_their_treatment_are_alternatives(facts: PatientFacts, expected: list[Outcome]) -> None:
    """A patient one group takes fails neither line (each group's own words are a person's: fitness,
    standard of care); one no group takes fails both."""
    assert _judged(GROUPS, facts)[0] == expected


AGE_LED = "For participants less than 18 years old, willing and able to take oral medications, per the treating physician's recommendations"


@pytest.mark.parametrize("facts, expected", [(adult(years=45), MET), (adult(years=12), UNKNOWN)], ids=["adult", "child"])
def test_a_requirement_led_by_its_age_band_concerns_that_band_only(facts: PatientFacts, expected: Outcome) -> None:
    """Outside the band the line asks nothing; inside it, the willingness is a person's."""
    assert _judged([(I, AGE_LED, None)], facts)[0] == [expected]


@pytest.mark.parametrize(
    "text, key, rest",
    [
        ("ENTO monotherapy (Group A): relapsed or refractory AML", "group a", "relapsed or refractory AML"),
        ("For Dose Confirmation portion (Part 2): have previously received erlotinib", "part 2", "have previously received erlotinib"),
    ],
    ids=["treatment-lead", "for-name-lead"],
)
def test_the_portion_in_brackets_after_a_name_is_found_and_cut(text: str, key: str, rest: str) -> None:
    lead = portion_lead(text)
    assert lead is not None and (lead[0], lead[2]) == (key, rest)


@pytest.mark.parametrize(
    "text",
    ["Dose escalation (see Appendix A): relapsed AML", "Patients (with measurable disease): relapsed AML"],
    ids=["no-portion-in-bracket", "words-in-bracket"],
)
def test_a_bracket_naming_no_portion_is_no_portion_lead(text: str) -> None:
    lead = portion_lead(text)
    assert lead is None or lead[0] == "escalation", lead
