"""Shapes the holdout trials (``test_holdout_trials``) misread, each read in its general form and
counted in ``../shared/corpus`` (1,783 criteria texts; the count is the regular-expression floor
given beside each table).

* "with or without X" allows X either way (86 trials: "with or without extramedullary disease",
  "... chemotherapy", "... hysterectomy"): it asks nothing, and X is no alternative. Read as one,
  "> 25% blasts in the bone marrow with or without extramedullary disease" was met by any
  extramedullary disease whatever the blasts; "chemotherapy with or without radiotherapy" was
  met by the absence of radiotherapy.
* "T-cell ALL" / "T-lineage ALL" name T-cell ALL as "B-cell ALL" names B-cell ALL (2 trials), so
  "Patients with T-cell ALL must have ..." concerns those patients only.
* A sentence permitting a therapy ("Administration of hydrea to control high WBC count is
  permitted"; 27 trials permit hydroxyurea, leukapheresis or cytoreduction) excepts from a washout
  line; beside a line that names no therapy it widens nothing there. Beside a therapy it still
  leaves that therapy's line open. "(not attributable to another cause)" (20 trials write
  "attributable to") is whose finding it is, not a further requirement.
* A toxicity grade with alopecia excepted ("except alopecia", "(EXCEPTION: alopecia)"; 131 trials
  name alopecia, nearly all so): the record's grade names no kind, so alopecia on record leaves the
  line open for that patient alone; absent, the grade decides (the contract's absent-means-absent).
  Read as ``grade and not alopecia``, grade-3 neuropathy with alopecia was not excluded; read as a
  review, no graded toxicity ever excluded anyone. Alopecia named beside anything but a grade
  ("alopecia allowed") is no requirement. "unless otherwise defined in the inclusion/exclusion
  criteria" points at the other lines, and is no exception of its own.
* "relapsed after remission" is a relapse (every relapse follows a remission; 3 trials), and a
  bracketed list closed by "etc." ("(including chemotherapy, hematopoietic stem cell
  transplantation, etc.)") only illustrates: in an inclusion it required a review of its words of
  every patient.
* "Transplantation for AML (allogeneic or autologous) allowed unless within 90 days of study
  entry" (6 trials write "allowed unless"): the kinds written after the noun are each the noun's,
  and the disease a treatment was for is its indication, no further member of the group; none so
  recent is what the line asks. ("autologous or allogeneic hematopoietic cell transplantation for
  MDS/AML" read allogeneic only, and only for AML: a patient after an autologous transplant, or one
  for MDS, was outside the group and met the line whatever its condition.)
* Myeloablative therapy is given only with a stem cell rescue, so "No prior myeloablative
  therapy or hematopoietic cell transplantation" asks for no transplant (4 trials name myeloablative
  therapy as a history); a candidacy for it stays a person's judgement.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
UNITS = {"bm_blasts": "%", "karnofsky": "%", "toxicity_grade": "1"}


def patient(*events: str, days_ago: int = 365, **values: float) -> PatientFacts:
    """A patient with the named events (``days_ago`` days before AS_OF) and measurements."""
    evs = {c: (Event(c, AS_OF - timedelta(days=days_ago), True, {}),) for c in events}
    ms = {c: (Measurement(c, v, UNITS.get(c), AS_OF - timedelta(days=5)),) for c, v in values.items()}
    return PatientFacts(date(1980, 6, 1), "female", ms, evs)


def decide(kind: CriterionType, line: str, record: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(kind, line)]))
    return evaluate_reference(trial, record, AS_OF).criteria[-1].outcome


def ids(rows: list[tuple]) -> list[str]:
    return [f"{i}-{r[1][:40]}-{r[3]}" for i, r in enumerate(rows)]


T_ALL_BLASTS = "Patients with T-cell ALL must have greater than 25% blasts in the bone marrow with or without extramedullary disease."
CHEMO_EITHER_WAY = "Prior chemotherapy (with or without radiotherapy)"

EITHER_WAY_ROWS = [
    (I, T_ALL_BLASTS, patient("t_all", bm_blasts=50), MET),
    (I, T_ALL_BLASTS, patient("t_all", bm_blasts=15), NOT_MET),
    # extramedullary disease is allowed, never an alternative to the blasts
    (I, T_ALL_BLASTS, patient("t_all", "extramedullary_disease", bm_blasts=15), NOT_MET),
    (I, T_ALL_BLASTS, patient("t_all"), UNKNOWN),
    # the line concerns T-cell ALL only
    (I, T_ALL_BLASTS, patient("b_all", bm_blasts=15), MET),
    (I, CHEMO_EITHER_WAY, patient("chemotherapy"), MET),
    (I, CHEMO_EITHER_WAY, patient("chemotherapy", "radiotherapy"), MET),
    (I, CHEMO_EITHER_WAY, patient("radiotherapy"), NOT_MET),
]


@pytest.mark.parametrize("kind, line, record, expected", EITHER_WAY_ROWS, ids=ids(EITHER_WAY_ROWS))
def test_what_is_allowed_either_way_asks_nothing(kind, line, record, expected):
    assert decide(kind, line, record) is expected


DISEASE_WITH_NOTES = (
    "Disease relapse or refractory disease as shown by > 5% blasts in the bone marrow (not attributable to another cause). "
    "Administration of hydrea to control high WBC count is permitted."
)
WASHOUT_WITH_NOTE = "No chemotherapy within 4 weeks of study entry. Hydroxyurea is allowed prior to starting therapy."

NOTE_ROWS = [
    (I, DISEASE_WITH_NOTES, patient("relapsed", bm_blasts=20), MET),
    (I, DISEASE_WITH_NOTES, patient("relapsed", bm_blasts=3), NOT_MET),
    (I, DISEASE_WITH_NOTES, patient("remission", bm_blasts=20), NOT_MET),
    (I, DISEASE_WITH_NOTES, patient("relapsed"), UNKNOWN),
    # beside the therapy it permits from, the permission still keeps a recent therapy open
    # (rx8: the sentence permitting hydroxyurea excepts it from the chemotherapy, as "except
    # hydroxyurea" does; a chemotherapy 7 days ago is not hydroxyurea and meets the washout)
    (E, WASHOUT_WITH_NOTE, patient("chemotherapy", days_ago=7), MET),
    (E, WASHOUT_WITH_NOTE, patient("chemotherapy", days_ago=100), NOT_MET),
]


@pytest.mark.parametrize("kind, line, record, expected", NOTE_ROWS, ids=ids(NOTE_ROWS))
def test_a_note_on_another_line_or_on_the_cause_asks_nothing(kind, line, record, expected):
    assert decide(kind, line, record) is expected


T6_TOXICITY = (
    "Known unresolved toxicities due to prior anticancer therapy [≥ Grade 2, by Common Terminology Criteria for Adverse Events "
    "(CTCAE) v4.03] unless otherwise defined in the inclusion/exclusion criteria (EXCEPTION: alopecia)"
)
EXCEPT_ALOPECIA = "Any ongoing toxicity from prior anti-cancer therapy that is >Grade 1 (with the exception of Grade 2 alopecia)"
RESOLVED_BUT_ALOPECIA = "Toxicities of prior therapy resolved to grade 1 or less (excluding alopecia)"
ALOPECIA_ALLOWED = "Recovered from all other prior anticancer therapy (alopecia allowed)"

ALOPECIA_ROWS = [
    (E, T6_TOXICITY, patient(toxicity_grade=2), MET),
    (E, T6_TOXICITY, patient(toxicity_grade=1), NOT_MET),
    (E, T6_TOXICITY, patient("alopecia", toxicity_grade=2), UNKNOWN),  # the grade may be the alopecia's
    (E, T6_TOXICITY, patient("alopecia", toxicity_grade=1), NOT_MET),
    (E, EXCEPT_ALOPECIA, patient(toxicity_grade=3), MET),
    (E, EXCEPT_ALOPECIA, patient("alopecia", toxicity_grade=3), UNKNOWN),
    (I, RESOLVED_BUT_ALOPECIA, patient(toxicity_grade=2), NOT_MET),
    (I, RESOLVED_BUT_ALOPECIA, patient("alopecia", toxicity_grade=2), UNKNOWN),
    (I, RESOLVED_BUT_ALOPECIA, patient(toxicity_grade=0), MET),
    # "alopecia allowed" beside an unread recovery asks for no alopecia
    (I, ALOPECIA_ALLOWED, patient(), UNKNOWN),
]


@pytest.mark.parametrize("kind, line, record, expected", ALOPECIA_ROWS, ids=ids(ALOPECIA_ROWS))
def test_an_excepted_alopecia_leaves_open_only_the_patients_who_have_it(kind, line, record, expected):
    assert decide(kind, line, record) is expected


T9_STATUS = (
    "Patients who relapsed after remission or who can not achieve remission after at least two cycle of systemic therapy "
    "(including chemotherapy, hematopoietic stem cell transplantation, etc.);"
)

STATUS_ROWS = [
    (I, T9_STATUS, patient("aml", "relapsed"), MET),
    (I, T9_STATUS, patient("aml", "remission"), NOT_MET),
    # refractory after how many cycles the record does not count: left to a person
    (I, T9_STATUS, patient("aml", "refractory"), UNKNOWN),
    # the illustrations are no requirement: a relapsed patient without a transplant is met
    (I, T9_STATUS, patient("relapsed", "chemotherapy"), MET),
]


@pytest.mark.parametrize("kind, line, record, expected", STATUS_ROWS, ids=ids(STATUS_ROWS))
def test_a_relapse_after_remission_is_a_relapse_and_an_open_list_illustrates(kind, line, record, expected):
    assert decide(kind, line, record) is expected


T5_TRANSPLANT = "Transplantation for AML (allogeneic or autologous) allowed unless within 90 days of study entry"

AFTER_TRANSPLANT = (
    "patients with prior autologous or allogeneic hematopoietic cell transplantation (HCT) for MDS/AML are eligible if relapse "
    "occurs provided symptoms of graft-versus host disease are well controlled"
)

ALLOWED_UNLESS_ROWS = [
    # every kind the line names, whatever its indication, is of the group held to the condition
    (I, AFTER_TRANSPLANT, patient("mds", "auto_hsct"), UNKNOWN),
    (I, AFTER_TRANSPLANT, patient("mds", "allo_hsct"), UNKNOWN),
    (I, AFTER_TRANSPLANT, patient("mds"), MET),
    (I, T5_TRANSPLANT, patient("aml", "allo_hsct", days_ago=60), NOT_MET),
    (I, T5_TRANSPLANT, patient("aml", "auto_hsct", days_ago=60), NOT_MET),
    (I, T5_TRANSPLANT, patient("aml", "allo_hsct", days_ago=400), MET),
    (I, T5_TRANSPLANT, patient("aml"), MET),
]


@pytest.mark.parametrize("kind, line, record, expected", ALLOWED_UNLESS_ROWS, ids=ids(ALLOWED_UNLESS_ROWS))
def test_a_treatment_allowed_unless_recent_is_none_that_recent(kind, line, record, expected):
    assert decide(kind, line, record) is expected


NO_MYELOABLATIVE = "No prior myeloablative therapy or hematopoietic cell transplantation"

MYELOABLATIVE_ROWS = [
    (I, NO_MYELOABLATIVE, patient("aml"), MET),
    (I, NO_MYELOABLATIVE, patient("aml", "auto_hsct"), NOT_MET),
    (E, "Prior myeloablative therapy", patient("allo_hsct"), MET),
    (E, "Prior myeloablative therapy", patient("aml"), NOT_MET),
    (I, "Eligible for myeloablative conditioning", patient("aml"), UNKNOWN),
]


@pytest.mark.parametrize("kind, line, record, expected", MYELOABLATIVE_ROWS, ids=ids(MYELOABLATIVE_ROWS))
def test_myeloablative_therapy_is_a_transplant_history(kind, line, record, expected):
    assert decide(kind, line, record) is expected
