"""Shapes the relapsed-leukaemia holdout batch (T71-T75 in ``test_holdout_trials``: a multi-arm
phase I, a TACL bortezomib trial, an ALL/LBL relapse trial, a phase I with dose-escalation and
confirmation periods, a relapsed/refractory AML trial) misread at first sight, each fixed in its
general form and pinned here with real corpus lines (``../shared/corpus`` criteria texts split as
the importer splits them; counts are regular-expression floors):

* A history of pancreatitis ("History of any L-asparaginase induced pancreatitis", "History of
  pancreatitis"; 12 lines in 12 trials): a resolved pancreatitis is a history of one. Read as the
  active condition only, a pancreatitis the record marks resolved left the exclusion not met
  (the unsafe side: T72-pancreatitis).
* An inclusion item that opens with its "or" ("Or patient who still refractory to first line
  chemotherapy for an ALL", "OR Fractional shortening at least 29%"; 12 items in 9 trials): the
  alternative of the item before it, joined into one line as an item ending with "or" is. Apart,
  each was asked of every patient, and every relapsed patient failed the refractory line.
  "Or, if of childbearing potential, ..." (a condition after the comma) and exclusions stay apart.
* The patients a requirement is for, written after it ("Hematologic function for subjects with
  CLL and CML demonstrated by hemoglobin > 9 g/dL ...", "Measurable disease (for patients with CML
  or ALL)", "No concurrent growth factors ... in patients with AML"; 20 lines in 14 trials name a
  disease so): the requirement concerns only those patients. Read as a clause, the scope was
  asked of everyone ("CLL and CML and hemoglobin > 9 ..." failed every AML) or, in an exclusion,
  excluded every patient with the disease. A bracket's own bound ("(<= 5 x ULN for patients with
  liver metastases)") and "A or B for patients with C" are left as they were.
* An age range written "20 years up to 74 years" (normalised to "≤ 74") and an age "at the time of
  informed consent" before its bounds (41 lines say when the age is taken; 1 writes the range so):
  the lower bound was lost, or the line was read as a consent duty.
* A study's periods written as plain headings at one indent ("Dose escalation period for both
  schedules:" / "Dose confirmation period for both schedules:", each over its own bullets): the
  second heading closed the first's list no more, so it and its lines were the first's children,
  and the cohort alternatives (a patient enters one period) never applied; the periods are now
  siblings and alternatives. "Acute leukemia regardless of sub-type" beside the confirmation
  period's AML stays the trial's disease: an ALL let in by the escalation period was "another
  malignancy" (the generic was dropped for the specific, as "solid tumors" beside "NSCLC" is).
* "hematologic stem cell transplant" (6 lines in 5 trials) is a haematopoietic one; "clinical
  evidence suggestive of" a finding (6 lines) is the finding, as "suspected" is; "previous therapy
  using <product>" (5 lines) is prior therapy with it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.sections import split_criteria
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, adult, anc, condition, ecog, hemoglobin, lab, medication, platelets, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def named(words: str) -> Part:
    """A medication record quoting the product's own words (the intake's named_medication)."""
    return medication("named_medication", 200, quote=words, words=words)


def cll(platelet_count: float) -> PatientFacts:
    return adult(condition("cll"), hemoglobin(10.0), platelets(platelet_count), anc(2.0))


ROWS = [
    # -- a history of pancreatitis counts the resolved one; its cause stays a person's
    ("History of pancreatitis", E, [adult(condition("pancreatitis", 300, active=False)), adult(condition("pancreatitis", 10))], [adult()], []),
    ("History of any L-asparaginase induced pancreatitis", E, [], [adult()], [adult(condition("pancreatitis", 300, active=False))]),
    # -- a scope written after the requirement
    ("Hematologic function for subjects with CLL and CML demonstrated by hemoglobin > 9 g/dL, platelets > 100,000/µL, ANC > 1500/mm3", I,
     [adult(condition("aml")), cll(150)], [cll(45)], [adult(condition("cll"))]),
    ("Measurable disease (for patients with CML or ALL)", I, [adult(condition("aml"))], [], [adult(condition("all"))]),
    ("No concurrent growth factors (e.g., epoetin alfa, filgrastim [G-CSF], or sargramostim [GM-CSF]) in patients with AML", E,
     [adult(condition("aml"), medication("growth_factor", 0))], [adult(condition("aml")), adult(condition("all"), medication("growth_factor", 0))], []),
    # a bracket's own bound stays the bracket's: no liver metastases, the first bound decides
    ("AST <= 2.5 x ULN (<= 5 x ULN for patients with liver metastases)", I,
     [adult(lab("ast", 60, "U/L", uln=40))], [adult(lab("ast", 150, "U/L", uln=40))], []),
    # -- an age range "up to", taken at consent; a bound behind a semicolon for some patients only
    ("Age at the time of informed consent 20 years up to 74 years; 60 years or older for patients with previously untreated AML", I,
     [adult(condition("aml"), condition("relapsed"), medication("chemotherapy", 200), years=58), adult(condition("aml"), years=66)],
     [adult(condition("aml"), condition("relapsed"), medication("chemotherapy", 200), years=19),
      adult(condition("aml"), condition("relapsed"), medication("chemotherapy", 200), years=76), adult(condition("aml"), years=50)], []),
    ("Age >/= 18 years at the time of signing Informed Consent.", I, [adult(years=18)], [adult(years=17)], []),
    # -- words for a transplant, a suspected finding, a prior product
    ("Have had prior hematologic stem cell transplant", E, [adult(procedure("allo_hsct", 500), procedure("hsct", 500))], [adult()], []),
    ("Autologous hematologic stem cell transplant within 3 months of study entry.", E,
     [adult(procedure("auto_hsct", 30), procedure("hsct", 30))], [adult(procedure("auto_hsct", 200), procedure("hsct", 200)), adult()], []),
    ("Have clinical evidence suggestive of central nervous system (CNS) involvement with leukemia", E,
     [adult(condition("cns_involvement", 10))], [adult()], []),
    ("Patients should not have received previous therapy using bortezomib (Velcdade® or PS-341).", I,
     [adult(named("cytarabine"))], [adult(named("bortezomib"))], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_relapse_batch_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


SPLITS = [
    (
        "an inclusion item opening with 'Or' is the alternative of the item before it",
        "Inclusion Criteria:\n\n  -  Subject between 1 and 55 year old\n\n  -  Subject with acute lymphoblastic leukaemia who have relapsed "
        "after first remission\n\n  -  Or patient who still refractory to first line chemotherapy for an ALL\n",
        ["Subject between 1 and 55 year old",
         "Subject with acute lymphoblastic leukaemia who have relapsed after first remission OR patient who still refractory to first line chemotherapy for an ALL"],
    ),
    (
        "'OR' opening a nested item joins its sibling",
        "Inclusion Criteria:\n  -  Cardiac:\n       -  Ejection fraction at least 50%\n       -  OR Fractional shortening at least 29%\n",
        ["Cardiac:", "Ejection fraction at least 50% OR Fractional shortening at least 29%"],
    ),
    (
        "'Or,' opening a condition stays its own line",
        "Inclusion Criteria:\n  -  Be of nonchildbearing potential\n  -  Or, if of childbearing potential, agree to use contraception\n",
        ["Be of nonchildbearing potential", "Or, if of childbearing potential, agree to use contraception"],
    ),
    (
        "an exclusion opening with 'Or' stays apart (each already excludes)",
        "Exclusion Criteria:\n  -  Malabsorption, total gastric resection\n  -  Or any condition that might affect the absorption of orally taken medication\n",
        ["Malabsorption, total gastric resection", "Or any condition that might affect the absorption of orally taken medication"],
    ),
]


@pytest.mark.parametrize("what, text, lines", SPLITS, ids=[s[0] for s in SPLITS])
def test_an_item_opening_with_or_joins_the_one_before(what: str, text: str, lines: list[str]) -> None:
    assert [line.text for line in split_criteria(text)] == lines, what


# NCT01214655 as the registry lays it out: two plain period headings at one indent
PERIODS = (
    "\n        Inclusion Criteria:\n\n        Dose escalation period for both schedules:\n\n"
    "          -  Participants must have a confirmed diagnosis of acute leukemia regardless of sub-type.\n\n"
    "          -  Are greater than or equal to 18 years of age.\n\n"
    "        Dose confirmation period for both schedules:\n\n"
    "          -  Participant must have a confirmed diagnosis of acute myeloblastic leukemia (AML).\n\n"
    "          -  Are greater than or equal to 60 years of age.\n\n"
    "        Exclusion Criteria:\n\n"
    "          -  Have other active malignancy (with the exception of basal and squamous cell skin cancer) at time of study entry.\n"
)


def test_a_second_period_heading_is_the_first_ones_sibling() -> None:
    assert [(line.text, line.parent) for line in split_criteria(PERIODS)][:6] == [
        ("Dose escalation period for both schedules:", None),
        ("Participants must have a confirmed diagnosis of acute leukemia regardless of sub-type.", 0),
        ("Are greater than or equal to 18 years of age.", 0),
        ("Dose confirmation period for both schedules:", None),
        ("Participant must have a confirmed diagnosis of acute myeloblastic leukemia (AML).", 3),
        ("Are greater than or equal to 60 years of age.", 3),
    ]


def trial_of(text: str) -> TrialCriteria:
    return TrialCriteria("NCT00000099", 1, parse_lines([(line.type, line.text, line.parent) for line in split_criteria(text)]))


PERIOD_ROWS: list[tuple[str, list[PatientFacts], list[PatientFacts], list[PatientFacts]]] = [
    # either period's patients meet both headings; a patient in neither fails both
    ("Dose escalation period for both schedules:", [adult(condition("all"), years=40), adult(condition("aml"), years=66)], [adult(condition("aml"), years=17)], []),
    ("Dose confirmation period for both schedules:", [adult(condition("all"), years=40), adult(condition("aml"), years=66)], [adult(condition("cml"), years=66)], []),
    # every acute leukaemia is the trial's own; a prostate cancer is another
    ("Have other active malignancy (with the exception of basal and squamous cell skin cancer) at time of study entry.",
     [adult(condition("aml"), condition("prostate_cancer"))], [adult(condition("all"), years=40), adult(condition("aml"), ecog(1))], []),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(PERIOD_ROWS))
def test_period_headings_are_alternatives_and_keep_the_generic_disease(text: str, facts: PatientFacts, expected: Outcome) -> None:
    trial = trial_of(PERIODS)
    index = next(k for k, c in enumerate(trial.criteria) if c.text == text)
    assert evaluate_reference(trial, facts, AS_OF).criteria[index].outcome is expected
