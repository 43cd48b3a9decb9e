"""Lines whose words set how their parts combine, read as registries write them (issue #14):

* a count of alternatives ("At least 2 of the following adverse prognostic factors: ...; or ...",
  "... having 3 or more of the following characteristics:", "No more than 1 of the following"):
  any N of them together, never all of them nor any one;
* another cancer closed by a disease-free span ("unless the malignancy has been in complete
  remission off therapy for at least 5 years", "... or other cancer from which the patient has
  been disease-free for at least five years"): a cancer beyond the span does not exclude, one
  within it does, and the span joined to a judgement leaves an old one to a person;
* a permission with a condition that dates the permitted treatment ("... allowed provided it was
  completed more than 6 months prior to study entry");
* a capital "OR" inside one item of a semicolon list, and "including, but not limited to," (the
  list after it names examples; its "not" negates none of them);
* an age at the original diagnosis, from the record's birth date and the cancer's onset, never
  today's age alone.

Each row: why, the line (or a heading and its lines), the record, the outcome on AS_OF."""

from __future__ import annotations

import pytest

from collections.abc import Iterator

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, TrialCriteria, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.fixtures.records import AS_OF, adult, alt, condition, creatinine, crcl, ecog, hemoglobin, medication, platelets, procedure, record, age
from tests.rules_engine.conftest import both

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
OWN = (INC, "Relapsed or refractory acute myeloid leukemia", None)
YEAR = 365

Lines = tuple[tuple[CriterionType, str, int | None], ...]


def _outcome(lines: Lines, facts: PatientFacts) -> Outcome:
    """The first line's outcome (after the trial's own disease line, which tells "another
    malignancy" what the trial is for), both evaluators agreeing."""
    parsed = parse_lines([OWN, *((t, x, None if p is None else p + 1) for t, x, p in lines)])
    reference, _ = both(TrialCriteria("NCT-FAM", 1, parsed), facts, AS_OF)
    return reference.criteria[1].outcome


# -- a count of alternatives ------------------------------------------------------------------

# NCT01160354, the items written into the line after the count
PROGNOSTIC = ("At least 2 of the following adverse prognostic factors: Age >/= 70 years; or AHD; or ECOG performance status of = 2; "
              "or intermediate or unfavorable (ie, adverse) karyotype defined as any cytogenetic profile except the presence of any of "
              "the following: t(8;21)(q22;q22), inv(16)(p13q22) or t(16;16)(p13;q22), t(15;17)(q22;q12) and variants.")
# the same count over items every record decides
DECIDED = "At least two of the following: age >= 70 years; ECOG performance status of 2; hemoglobin < 10 g/dL"
# a heading that counts the lines under it
HEADING = ((INC, "Poor-risk features as defined by having 3 or more of the following characteristics:", None),
           (INC, "Age >= 70 years", 0), (INC, "ECOG performance status of 2", 0), (INC, "Hemoglobin < 10 g/dL", 0),
           (INC, "Platelets < 50,000/mm^3", 0))
AT_MOST = ((INC, "No more than 1 of the following:", None), (INC, "Age >= 70 years", 0), (INC, "ECOG performance status of 2", 0),
           (INC, "Hemoglobin < 10 g/dL", 0))

COUNTED: list[tuple[str, Lines, PatientFacts, Outcome]] = [
    ("two of the factors (age 75, ECOG 2) meet 'at least 2 of'", ((INC, PROGNOSTIC, None),), record(age(75), ecog(2)), MET),
    ("one factor decided and two unread: a person counts", ((INC, PROGNOSTIC, None),), record(age(75), ecog(0)), UNKNOWN),
    ("read as all of them, a patient with two of four failed: never so", ((INC, DECIDED, None),), record(age(75), ecog(2), hemoglobin(12)), MET),
    ("one of three is not two", ((INC, DECIDED, None),), record(age(75), ecog(0), hemoglobin(12)), NOT_MET),
    ("read as any one, a patient with one passed: never so", ((INC, DECIDED, None),), record(age(50), ecog(0), hemoglobin(9)), NOT_MET),
    ("one met, one not on record: unknown", ((INC, DECIDED, None),), record(age(75), ecog(0)), UNKNOWN),
    ("a heading's 3 or more: three lines met", HEADING, record(age(75), ecog(2), hemoglobin(9), platelets(150)), MET),
    ("a heading's 3 or more: two lines met is not enough", HEADING, record(age(75), ecog(2), hemoglobin(12), platelets(150)), NOT_MET),
    ("no more than 1 of: one met holds", AT_MOST, record(age(75), ecog(0), hemoglobin(12)), MET),
    ("no more than 1 of: two met fails", AT_MOST, record(age(75), ecog(2), hemoglobin(12)), NOT_MET),
]

# -- another cancer beyond a disease-free span --------------------------------------------------

# NCT00318643: the span said as a remission off therapy
REMISSION = "Known other malignant disease except squamous or basal cell skin cancer unless the malignancy has been in complete remission off therapy for at least 5 years."
# NCT00712790-like: the span names the cancer the line excepts, its number in words
EXCEPTED = ("Any other concurrent malignancy, except for adequately treated basal cell or squamous cell skin cancer, in situ cervical cancer, "
            "or other cancer for which the patient has been disease-free for at least five years.")
# NCT01812616: the span joined to a judgement of the risk of recurrence
JUDGED = ("Any history of a different malignancy unless the patient has remained disease-free for at least three years and are at low risk "
          "for recurrence of that malignancy (cervical cancer in situ, and basal cell or squamous cell carcinoma of the skin are exempt "
          "from this criterion if treatment has occurred).")
# NCT00650923: an inclusion ("No history of other cancer ... unless ...")
NO_OTHER = ("No history of other cancer (except nonmelanoma skin cancer or carcinoma in situ of the cervix), unless in complete remission "
            "and off of all therapy for that disease for a minimum of 3 years")

SPANS: list[tuple[str, Lines, PatientFacts, Outcome]] = [
    ("a breast cancer resolved 7 years ago is past the 5-year remission: not excluded",
     ((EXC, REMISSION, None),), adult(condition("breast_cancer", 7 * YEAR, active=False)), NOT_MET),
    ("one resolved 2 years ago is inside it: excluded", ((EXC, REMISSION, None),), adult(condition("breast_cancer", 2 * YEAR, active=False)), MET),
    ("an active one excludes, however old", ((EXC, REMISSION, None),), adult(condition("breast_cancer", 9 * YEAR)), MET),
    ("no other cancer on record: not excluded", ((EXC, REMISSION, None),), adult(), NOT_MET),
    ("the excepted 'other cancer' is the one beyond the span: 2 years ago is still excluded",
     ((EXC, EXCEPTED, None),), adult(condition("breast_cancer", 2 * YEAR, active=False)), MET),
    ("beyond the span ('five' in words): not excluded", ((EXC, EXCEPTED, None),), adult(condition("breast_cancer", 6 * YEAR, active=False)), NOT_MET),
    ("past a span joined to a judgement of risk: a person's, never cleared",
     ((EXC, JUDGED, None),), adult(condition("breast_cancer", 5 * YEAR, active=False)), UNKNOWN),
    ("inside that span: excluded", ((EXC, JUDGED, None),), adult(condition("breast_cancer", YEAR, active=False)), MET),
    ("an inclusion's 'No other cancer unless ... 3 years': an old one meets it",
     ((INC, NO_OTHER, None),), adult(condition("breast_cancer", 4 * YEAR, active=False)), MET),
    ("... a recent one fails it", ((INC, NO_OTHER, None),), adult(condition("breast_cancer", YEAR, active=False)), NOT_MET),
]

# -- a permission whose condition dates the treatment ------------------------------------------

COMPLETED = "Prior chemotherapy is allowed provided it was completed more than 6 months prior to study entry"
PERMITTED: list[tuple[str, Lines, PatientFacts, Outcome]] = [
    ("no chemotherapy on record meets it", ((INC, COMPLETED, None),), adult(), MET),
    ("chemotherapy a year ago meets the condition", ((INC, COMPLETED, None),), adult(medication("chemotherapy", YEAR)), MET),
    ("chemotherapy 2 months ago fails the condition (never eligible over it)", ((INC, COMPLETED, None),), adult(medication("chemotherapy", 60)), NOT_MET),
]

# -- "OR" inside a list item, and examples after "including, but not limited to" -----------------

# NCT02929498 shortened: the OR joins the creatinine and its clearance, not the halves of the list
ORGANS = ("Adequate baseline organ function defined by: platelet count (PLT) >=10,000; Alanine transaminase (ALT) <=2.5xULN; "
          "creatinine <=1.5xULN OR calculated creatinine clearance >=50 mL/min; and Ejection fraction >=40%")
# NCT00642031 (holdout T134)
INTERCURRENT = ("Uncontrolled intercurrent illness including, but not limited to uncontrolled infection, symptomatic congestive heart "
                "failure, cardiac arrhythmia")
CONNECTED: list[tuple[str, Lines, PatientFacts, Outcome]] = [
    ("ALT 3 x ULN fails the list, whatever the clearance", ((INC, ORGANS, None),),
     record(platelets(150), alt(120), creatinine(0.9), crcl(80)), NOT_MET),
    ("a creatinine over its bound is met by the clearance the OR offers", ((INC, ORGANS, None),),
     record(platelets(150), alt(30), creatinine(2.0), crcl(80)), UNKNOWN),  # the ejection fraction is not on record
    ("a creatinine and a clearance both failing fail it", ((INC, ORGANS, None),),
     record(platelets(150), alt(30), creatinine(2.0), crcl(30)), NOT_MET),
    ("an arrhythmia named after 'but not limited to' excludes", ((EXC, INTERCURRENT, None),), adult(condition("arrhythmia")), MET),
    ("a sepsis, the uncontrolled infection an example names, excludes", ((EXC, INTERCURRENT, None),), adult(condition("sepsis")), MET),
]

# -- age at the original diagnosis ---------------------------------------------------------------

DIAGNOSED = "Age Patients must be < 21 years of age when originally diagnosed with ALL."
AT_DIAGNOSIS: list[tuple[str, Lines, PatientFacts, Outcome]] = [
    ("22 now, ALL begun at 18: met", ((INC, DIAGNOSED, None),), record(age(22), condition("b_all", 1300)), MET),
    ("23 now, ALL begun at 22: not met", ((INC, DIAGNOSED, None),), record(age(23), condition("b_all", 200)), NOT_MET),
    ("12 now: diagnosed younger still, met without a date", ((INC, DIAGNOSED, None),), record(age(12), condition("b_all", None)), MET),
    ("30 now, the onset undated: unknown, never today's age", ((INC, DIAGNOSED, None),), record(age(30), condition("b_all", None)), UNKNOWN),
    ("30 now, a lymphoma at 10 and an AML at 29: which the line means is a person's",
     ((INC, DIAGNOSED, None),), record(age(30), condition("lymphoma", 20 * YEAR, active=False), condition("aml", 300)), UNKNOWN),
    ("no birth date: unknown", ((INC, DIAGNOSED, None),), record(condition("b_all", 200)), UNKNOWN),
]


def _rows(*tables: list[tuple[str, Lines, PatientFacts, Outcome]]):
    return [pytest.param(lines, facts, expected, id=why) for table in tables for why, lines, facts, expected in table]


@pytest.mark.parametrize(("lines", "facts", "expected"), _rows(COUNTED, SPANS, PERMITTED, CONNECTED, AT_DIAGNOSIS))
def test_the_line_decides_as_its_words_combine(lines: Lines, facts: PatientFacts, expected: Outcome) -> None:
    assert _outcome(lines, facts) is expected


def test_not_limited_to_negates_no_example() -> None:
    """'... including, but not limited to uncontrolled infection, ...': read, the "not" made "not
    an infection" an alternative of the exclusion, which only a patient without one met."""
    expr = parse_lines([(EXC, INTERCURRENT, None)])[0].expr
    assert not any(isinstance(node, Not) and "active_infection" in {p.concept for p in iter_predicates(node)} for node in _walk(expr))


def _walk(expr: Expr) -> Iterator[Expr]:
    yield expr
    for part in expr.parts if isinstance(expr, (All, Any_)) else (expr.part,) if isinstance(expr, Not) else ():
        yield from _walk(part)


def test_procedure_records_do_not_make_an_age_at_diagnosis() -> None:
    """Only a cancer's onset dates the diagnosis: a transplant alone leaves the age unknown."""
    facts = record(age(30), procedure("allo_hsct", 200))
    assert _outcome(((INC, DIAGNOSED, None),), facts) is UNKNOWN
