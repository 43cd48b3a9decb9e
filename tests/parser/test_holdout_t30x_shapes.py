"""Shapes the T301-T305 holdout trials (a PDQ record of GVHD prophylaxis after an unrelated donor
transplant, busulfan-cyclophosphamide-etoposide before a myeloablative transplant, a dasatinib
continuation study, OFAR for Richter's transformation, intrathecal rituximab;
``test_holdout_trials``) misread, each fixed in its general form and pinned here with real corpus
lines (``../shared/corpus`` criteria texts):

* The status a record states on a blood cancer other than acute leukaemia (a lymphoma coded with
  clinicalStatus ``relapse``, a CLL coded C91.12 "in relapse", a myeloma C90.01 "in remission"): read
  for acute leukaemia only, a relapsed lymphoma or CLL was no relapsed disease, so "relapsed or
  refractory non-Hodgkin's lymphoma" failed it (every T304 patient, whose CLL the chart codes C91.12,
  was ineligible). The intake now reads the status of every blood cancer; a solid tumour's
  "recurrence" stays none (no corpus line reads differently: the intake is no parse).
* When a test is taken, in hours ("bilirubin less than or equal to 3 mg/dL within 24 hours of
  enrollment", "a negative pregnancy test within 72 hours prior to enrollment"): as "within 14 days
  of enrollment" always was, the time of the test, which the most recent result answers; left, its
  words were a review conjunct beside every bound (every T305 patient's bilirubin and creatinine
  unknown). "24 hours creatinine clearance" is the creatinine clearance a record holds (session 30: the
  holdout's clinicians read it so). 24 corpus lines (19 trials) read differently, all read.
* A graft mobilised with a growth factor ("filgrastim (G-CSF)-mobilized related or unrelated donor
  allogeneic peripheral blood stem cells", "G-CSF mobilized leukapheresis products"): how the donor's
  cells were collected, no growth factor the patient had; read as the patient's, every T302 patient
  without one failed the graft line and so the trial. 2 corpus lines read differently.
* Monoclonal antibodies named as a class ("History of severe infusion reaction to any monoclonal
  antibody", "Prior history of an allergic reaction to a monoclonal antibody"): an allergy on record
  to a -mab (rituximab, alemtuzumab) is one, an allergy to penicillin is not (both were a person's);
  an infusion reaction to a product is what a record holds as an allergy to it, its severity a
  person's ("severe" no record states). 29 corpus lines (23 trials; 6 of them headings or lines holding such a child) read differently, all read.
"""

from __future__ import annotations

import json

import pytest

from matcher.intake import normalise, validate_bundle
from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.holdout import fhir as f
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, allergy, bilirubin, lab, medication, platelets, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def chart(*conditions: tuple[str, str, str]) -> PatientFacts:
    """A FHIR record of the Conditions (code, display, clinicalStatus), read by the intake."""
    resources = [f.patient("T30X", 60, "male"), *(f.condition(code, display, onset=900, status=status) for code, display, status in conditions)]
    return normalise(validate_bundle(json.dumps(f.bundle("T30X", resources))), as_of=AS_OF).facts


DLBCL_RELAPSED = chart(("C83.38", "Diffuse large B-cell lymphoma, lymph nodes of multiple sites", "relapse"))
DLBCL_ACTIVE = chart(("C83.38", "Diffuse large B-cell lymphoma, lymph nodes of multiple sites", "active"))
CLL_IN_RELAPSE = chart(("C91.12", "Chronic lymphocytic leukemia of B-cell type in relapse", "active"))
CLL_UNTREATED = chart(("C91.10", "Chronic lymphocytic leukemia of B-cell type not having achieved remission", "active"))
MYELOMA_IN_RELAPSE = chart(("C90.02", "Multiple myeloma in relapse", "active"))
MYELOMA_IN_REMISSION = chart(("C90.01", "Multiple myeloma in remission", "active"))
# a solid tumour's recurrence is no blood cancer's status
LYMPHOMA_BESIDE_RECURRENT_BREAST = chart(
    ("C83.38", "Diffuse large B-cell lymphoma, lymph nodes of multiple sites", "active"),
    ("C50.911", "Malignant neoplasm of unspecified site of right female breast", "recurrence"),
)

ROWS = [
    # -- the status of every blood cancer
    ("Histologically or cytologically confirmed relapsed or refractory non-Hodgkin's lymphoma (NHL)", I,
     [DLBCL_RELAPSED], [DLBCL_ACTIVE, LYMPHOMA_BESIDE_RECURRENT_BREAST], []),
    ("Diagnosis of CLL per diagnostic criteria for relapsed or refractory CLL per the international workshop on chronic lymphocytic "
     "leukemia (iwCLL) guidelines", I, [CLL_IN_RELAPSE], [CLL_UNTREATED], []),
    ("Diagnosis of relapsed/refractory multiple myeloma.", I, [MYELOMA_IN_RELAPSE], [MYELOMA_IN_REMISSION], []),
    # -- when a test is taken, in hours
    ("Adequate liver function (bilirubin less than or equal to 3 mg/dL within 24 hours of enrollment)", I,
     [adult(bilirubin(3.0))], [adult(bilirubin(3.4))], [adult()]),
    ("Platelet count ≥ 100,000/mm3 (measured within 72 hours prior to initial dose)", I, [adult(platelets(150))], [adult(platelets(80))], [adult()]),
    ("Female participants of childbearing potential must have a negative urine or serum pregnancy test confirmed within 24 hours prior to "
     "enrollment", I, [adult(result("pregnancy_test", "negative"), years=30, word="female"), adult()],
     [adult(result("pregnancy_test", "positive"), years=30, word="female")], []),
    # (the 24-hour urine's clearance is the creatinine clearance a record holds, as the holdout's clinicians read it)
    ("Serum creatinine ≤ 1.5 x UNL or 24 hours creatinine clearance ≥ 50 mL/min", I,
     [adult(lab("creatinine", 1.0, "mg/dL", uln=1.2)), adult(lab("creatinine", 2.4, "mg/dL", uln=1.2), lab("creatinine_clearance", 60, "mL/min"))],
     [adult(lab("creatinine", 2.4, "mg/dL", uln=1.2), lab("creatinine_clearance", 40, "mL/min"))], [adult(lab("creatinine", 2.4, "mg/dL", uln=1.2))]),
    # -- a graft mobilised with a growth factor is the donor's
    ("Must be receiving filgrastim (G-CSF)-mobilized related or unrelated donor allogeneic peripheral blood stem cells", I,
     [], [], [adult(), adult(medication("growth_factor", 5))]),
    # (the patient's own growth factor read as before)
    ("Participants who have received a colony stimulating factor (CSF) formulation within 7 days of study initiation", E,
     [adult(medication("growth_factor", 3))], [adult(), adult(medication("growth_factor", 30))], []),
    # -- monoclonal antibodies as a class; an infusion reaction is an allergy on record
    ("Prior history of an allergic reaction to a monoclonal antibody", E,
     [adult(allergy("rituximab")), adult(allergy("alemtuzumab"))], [adult(), adult(allergy("penicillin"))], []),
    ("History of severe infusion reaction to any monoclonal antibody", E,
     [], [adult(), adult(allergy("penicillin"))], [adult(allergy("rituximab"))]),
    # (a named product read as before)
    ("Allergy to rituximab or IL-2", E, [adult(allergy("rituximab"))], [adult()], [adult(allergy("alemtuzumab"))]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t30x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
