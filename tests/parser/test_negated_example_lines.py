"""Examples of an unread head, in a negated inclusion and under "uncontrolled" (the belinostat
record's "No other uncontrolled serious medical condition (e.g., cardiac arrhythmias or
diabetes)", T241-diabetes in ``test_holdout_trials``), pinned on corpus lines
(``../shared/corpus`` criteria texts):

* A negated inclusion "No <head> (e.g., <examples>)" whose head no topic reads is the exclusion
  it states, negated: its examples are what it rules out, as the exclusion form reads them. The
  topics ask an inclusion's names only where a lead asks for them ("No" a few words back, a name
  opening the clause), so the examples of a longer head stood unread, the line was a bare
  review, and a patient with uncontrolled diabetes was eligible. Left as they were: a head that
  carries a bound or a window its examples would lose ("No concurrent therapeutic doses (≥ 2
  mg/day) of anticoagulants (e.g., warfarin)"), a cause ("withdrawn from BCG due to a related
  adverse event (e.g., systemic infection)", "bevacizumab-related toxicity ..., such as ...
  hemorrhage"), a plan ("No planned palliative procedures ... such as radiation therapy": no
  record of radiotherapy shows there is none planned), an example read as an absence, and a therapy under
  a head asking the present ("No other concurrent treatment (e.g., surgery or radiotherapy)":
  read as ever given it would ask more).
* Under a head that asks the thing uncontrolled ("Uncontrolled intercurrent disease (eg,
  diabetes, hypertension, thyroid disease)", in an exclusion or negated), a bracketed example
  whose control a measurement shows is read as "Uncontrolled diabetes" reads (topics.control:
  HbA1c above 8% uncontrolled, 6% or less controlled, between or unmeasured a person's; the
  pressure likewise): read bare, a diabetes under good control excluded the patient. A line that
  says what its "uncontrolled" means ("(i.e. requiring relevant changes in medication ...)") keeps
  its reading, as do an "or"-joined adjective ("Uncontrolled or significant illness") and other
  examples (a review of their control would only have left a recorded arrhythmia unknown).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, allergy, condition, lab, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def diabetes(hba1c: float | None = None) -> PatientFacts:
    return adult(condition("diabetes", 2000), *([lab("hba1c", hba1c, "%")] if hba1c is not None else []))


def hypertension(systolic: float, diastolic: float) -> PatientFacts:
    return adult(condition("hypertension", 2000), lab("systolic_bp", systolic, "mm[Hg]"), lab("diastolic_bp", diastolic, "mm[Hg]"))


BELINOSTAT = "No other uncontrolled serious medical condition (e.g., cardiac arrhythmias or diabetes)"
INTERCURRENT = "Uncontrolled intercurrent disease (eg, diabetes, hypertension, thyroid disease)."

ROWS = [
    # -- a negated inclusion's examples, under "uncontrolled"
    (BELINOSTAT, I, [], [diabetes(11.8), adult(condition("arrhythmia", 300))], [adult(), diabetes(5.6), diabetes(7.2), diabetes()]),
    # (the exclusion it states reads the same, not negated)
    ("Uncontrolled serious medical condition (e.g., cardiac arrhythmias or diabetes)", E,
     [diabetes(11.8), adult(condition("arrhythmia", 300))], [], [adult(), diabetes(5.6), diabetes(7.2)]),
    (INTERCURRENT, E, [diabetes(9.1), hypertension(182, 108), adult(condition("thyroid_disease", 900))], [],
     [adult(), diabetes(5.8), hypertension(128, 78), hypertension(150, 92)]),
    ("No concurrent severe and/or uncontrolled medical disease (e.g., uncontrolled diabetes, hypertension, ischemic heart disease, or congestive heart failure)",
     I, [], [diabetes(9.0), adult(condition("heart_failure", 400))], [adult(), diabetes(5.5)]),
    ("No serious underlying medical condition, at the judgment of the investigator, which could impair the ability of the patient to participate "
     "in the trial (e.g., active autoimmune disease, uncontrolled diabetes)", I, [], [diabetes(10.2)], [adult(), diabetes(5.9)]),
    # (a line that defines its own "uncontrolled" keeps its reading: the measurement is not its definition)
    ("Uncontrolled endocrine diseases (e.g. diabetes mellitus, hypothyroidism or hyperthyroidism) (i.e. requiring relevant changes in medication "
     "within the last month, or hospital admission within the last 3 months)", E, [diabetes(5.5), diabetes(9.5)], [], [adult()]),
    # -- a negated inclusion's examples, another head
    ("No circumstances that would preclude study participation (e.g., alcoholism or substance abuse)", I,
     [], [adult(condition("substance_abuse", 200))], [adult()]),
    ("No history or evidence of CNS disease, including primary brain tumor or brain metastases", I,
     [], [adult(condition("brain_metastases", 100))], [adult()]),
    ("No impairment of gastrointestinal function or gastrointestinal disease that may significantly alter the absorption of everolimus "
     "(e.g., ulcerative disease, uncontrolled nausea, vomiting, diarrhea, malabsorption syndrome, or small bowel resection)", I,
     [], [adult(condition("malabsorption", 200))], [adult()]),
    # -- left as they were: a bound in the head, a cause, a present head over a therapy
    # (its bracketed dose, what "therapeutic" means, is dropped before: therapy_rewrites; a patient
    # on no anticoagulant takes no therapeutic dose of one, a patient on warfarin is a person's)
    ("No concurrent therapeutic doses (≥ 2 mg/day) of anticoagulants (e.g., warfarin)", I, [adult()], [], [adult(medication("vitamin_k_antagonist", 1))]),
    ("No known allergy to mitomycin or bacillus Calmette-Guérin (BCG), or previously withdrawn from BCG treatment due to a related adverse event "
     "(e.g., systemic infection)", I, [], [adult(allergy("mitomycin"))], [adult(), adult(condition("sepsis", 10))]),
    ("No other concurrent treatment (e.g., surgery or radiotherapy)", I, [], [], [adult(), adult(procedure("radiotherapy", 900))]),
    ("No prior bevacizumab-related toxicity requiring discontinuation, such as a thromboembolic event, hemorrhage, or serious hypertension", I,
     [], [], [adult(), adult(condition("hemorrhage", 300))]),
    ("No planned palliative procedures for alleviation of bone pain such as radiation therapy or surgery", I, [], [], [adult(), adult(procedure("radiotherapy", 400))]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_examples_of_an_unread_head_are_read_as_the_exclusion_states_them(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_an_example_under_either_of_two_adjectives_keeps_its_reading() -> None:
    """"Uncontrolled or significant illness (e.g., diabetes)": either adjective may be the one, so a
    diabetes on record is the line's example whatever its control."""
    assert judged(parse_line("Uncontrolled or significant illness (e.g., diabetes)", E), diabetes(5.5)) is Outcome.MET
