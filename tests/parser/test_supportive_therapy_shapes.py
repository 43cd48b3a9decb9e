"""Lines of MDS and AML trials about the supportive care around the leukaemia and the organ
limits beside it, each read for what it asks (real corpus lines; counts over its 1,883 trials):

* Erythropoiesis-stimulating agents are a growth factor of their own kind ("erythropoiesis-
  stimulating agents (ESAs)", "recombinant human erythropoietin", "darbepoetin"; ~60 lines): read as
  any growth factor, "G-CSF within 2 weeks. Erythropoietin is allowed" let a patient given
  filgrastim last week through, and "Prior treatment with any erythropoiesis stimulating agent" was
  a review. The patient's own hormone measured ("serum erythropoietin < 200") and "ESA resistance"
  are no such therapy.
* Iron chelation ("iron-chelating agents", deferasirox, deferoxamine, deferiprone; 4 lines), and
  hydroxyurea, which leukaemia trials permit beside a washout: a record of it leaves "anticancer
  therapy" and "chemotherapy" open, never absent (absent, hydroxyurea two days ago met "no
  anticancer therapy within 21 days"), unless the line excepts it ("... with the exception of
  hydroxyurea"; 8 corpus lines read so): then it is no such therapy.
* A malignant tumour of the liver ("malignant hepatic tumors", "primary or metastatic hepatic
  tumor"; 4 lines): a primary liver cancer or liver metastases.
* Serum sodium and bicarbonate bounds (~20 lines): a bicarbonate of 15 met "Serum bicarbonate >=
  20 mEq/L" as a review under its organ-function heading.
* An inclusion's diseases listed with "and" ("Diagnosis of Myelodysplastic Syndromes, Chronic
  Myelomonocytic Leukemia and Acute Myeloid Leukemia", "Patients with AML and MDS"): the kinds of
  patient the trial takes; read as all at once, every patient failed the diagnosis line. A status
  before them is asked of each ("Relapsed or refractory AML and ALL").
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

EPOETIN = medication("esa", 10)
FILGRASTIM = medication("growth_factor", 7)
DEFERASIROX = medication("iron_chelator", 5)
HYDROXYUREA_2D = medication("hydroxyurea", 2)
HYDROXYUREA_60D = medication("hydroxyurea", 60)
CYTARABINE_10D = medication("chemotherapy", 10)

ROWS = [
    # -- erythropoiesis-stimulating agents, a growth factor of their own kind
    ("Received any hematopoietic colony-stimulating factor (e.g., G-CSF, GM-CSF) ≤ 2 weeks prior to starting study drug. Erythropoietin is allowed.", E,
     [adult(FILGRASTIM)], [adult(), adult(EPOETIN)], []),
    ("Prior treatment with any erythropoiesis stimulating agent;", E, [adult(EPOETIN)], [adult(), adult(FILGRASTIM)], []),
    ("Treatment with any recombinant human erythropoietin within 30 days prior to enrollment.", E,
     [adult(EPOETIN)], [adult(), adult(medication("esa", 60)), adult(FILGRASTIM)], []),
    ("Use of hematopoietic growth factor (including filgrastim, pegfilgrastim, sargramostim, erythropoietin, or darbepoetin) within 14 days prior to baseline", E,
     [adult(EPOETIN), adult(FILGRASTIM)], [adult()], []),
    ("Use of hematopoietic growth factors within 14 days", E, [adult(EPOETIN), adult(FILGRASTIM)], [adult(), adult(medication("esa", 60))], []),
    ("Subjects meeting the criteria of ESA resistance within the previous 4 months", E, [], [], [adult(), adult(EPOETIN)]),
    # -- iron chelation
    ("Concurrent use of iron-chelating agents, except that the subject is on a stable dose for at least 8 weeks (56 days) prior to starting study therapy", E,
     [], [adult()], [adult(DEFERASIROX)]),
    # androgens are read (``androgen_therapy``): a record with none of the four has none of them
    ("Androgen, deferoxamine, deferiprone, or deferasirox therapy within 12 weeks prior to Day 1.", E, [adult(DEFERASIROX)], [adult()], []),
    # -- hydroxyurea leaves anticancer therapy and chemotherapy open
    ("Anticancer therapy (standard or investigational) within 21 days prior to starting study therapy", E,
     [adult(CYTARABINE_10D)], [adult(), adult(HYDROXYUREA_60D)], [adult(HYDROXYUREA_2D)]),
    ("Chemotherapy within 14 days prior to study entry", E, [adult(CYTARABINE_10D)], [adult()], [adult(HYDROXYUREA_2D)]),
    ("No prior chemotherapy", I, [adult()], [adult(CYTARABINE_10D)], [adult(HYDROXYUREA_60D)]),
    # ... unless the line excepts it: then it no longer leaves them open
    ("Use of investigational agents within 30 days or any anticancer therapy within 2 weeks before study entry with the exception of oral hydroxyurea.", E,
     [adult(CYTARABINE_10D)], [adult(), adult(HYDROXYUREA_2D)], []),
    ("Myelosuppressive chemotherapy: must not have received myelosuppressive chemotherapy within 3 weeks of entry onto this study (excluding hydroxyurea)", I,
     [adult()], [adult(CYTARABINE_10D)], [adult(HYDROXYUREA_2D)]),  # (the label's "no chemotherapy" beside it is read without the exception)
    # -- a malignant tumour of the liver
    ("Presence of gastrointestinal disease, malignant hepatic tumors, or other conditions known to interfere with the absorption, distribution, "
     "metabolism, or excretion of drugs", E, [adult(condition("hepatocellular_carcinoma", 100)), adult(condition("liver_metastases", 50))], [], [adult()]),
    ("Have advanced malignant hepatic tumors", E, [adult(condition("liver_cancer", 100))], [adult(), adult(condition("breast_cancer", 400))], []),
    ("No known primary or metastatic hepatic tumor", I, [adult()], [adult(condition("liver_metastases", 50))], []),
    # -- sodium and bicarbonate
    ("Serum bicarbonate ≥ 20 mEq/L", I, [adult(lab("bicarbonate", 24, "mmol/L"))], [adult(lab("bicarbonate", 15, "mmol/L"))], [adult()]),
    ("Bicarbonate (venous blood) < 22 mEq/L;", E, [adult(lab("bicarbonate", 18, "mmol/L"))], [adult(lab("bicarbonate", 25, "mmol/L"))], [adult()]),
    ("Serum sodium >130 mmol/L", I, [adult(lab("sodium", 138, "mmol/L"))], [adult(lab("sodium", 126, "mmol/L"))], [adult()]),
    ("Patients with hyponatremia (sodium < 130 mmol/L)", E, [adult(lab("sodium", 126, "mmol/L"))], [adult(lab("sodium", 138, "mmol/L"))], []),
    # -- an inclusion's diseases listed with "and"
    ("Diagnosis of Myelodysplastic Syndromes, Chronic Myelomonocytic Leukemia and Acute Myeloid Leukemia", I,
     [adult(condition("mds")), adult(condition("cmml")), adult(condition("aml"))], [adult(condition("all"))], []),
    ("Patients with AML and MDS", I, [adult(condition("aml")), adult(condition("mds"))], [adult(condition("cll"))], []),
    ("Relapsed or refractory AML and ALL", I, [adult(condition("all"), condition("relapsed", 30))],
     [adult(condition("all")), adult(condition("cll"), condition("relapsed", 30))], []),
    # (words between the two keep both asked: an AML that arose from MDS)
    ("Acute myeloid leukemia arising from MDS", I, [adult(condition("aml"), condition("mds", 800))], [adult(condition("aml"))], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_supportive_care_or_listed_disease_line_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
