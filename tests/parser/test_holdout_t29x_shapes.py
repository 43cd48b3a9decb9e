"""Shapes the T291-T295 holdout trials (a nonmyeloablative cord blood transplant's PDQ record,
bevacizumab with sorafenib for children's refractory tumours, a double cord blood transplant,
dasatinib after an allogeneic transplant, a vaccine after transplant; ``test_holdout_trials``)
misread, each fixed in its general form and pinned here with real corpus lines
(``../shared/corpus`` criteria texts). 27 of the corpus's 47,793 lines read differently, all read:

* What is to be done for the patients a line names ("Patients with active HBV viral replication
  should receive antiviral therapy", "Patients with prostate cancer must continue androgen
  deprivation therapy"): the patients named by "patients with X ..." all have X whatever words stand
  around it, so a patient without X is none of them; for the others the plan is a person's. Read
  as a plain clause, X was asked of every patient (under the PDQ hepatitis permission, every
  patient without hepatitis B failed the trial). A state asked of them ("Patients with untreated
  brain metastases must have stable disease"), patients named by alternatives ("with MCL and
  patients with CLL") and a subject running on into the requirement ("Patients with histologic
  proof of adenocarcinoma of the prostate and must have progressed") are left as they were.
* An adult donor ("a 10/10 unrelated adult donor", "NK cell adult donor") is the donor's age,
  never the patient's: read as the patient's, every child lacking such a donor failed the line.
* A transplant the disease calls for ("if their disease status required emergent stem cell
  transplant", "those who require an allogeneic bone marrow transplant") is a plan, never a
  transplant received.
* "Solid tumors, including lymphomas": the connector may end at "including" itself (the space read
  with the next name); read as "and", a solid tumour was asked for a lymphoma too.
* "Must have progressed, recurred after prior therapy, or failed to respond to primary therapy",
  "have relapsed after prior therapy": the disease's failure of a therapy given, as a count of
  failed treatments is read (``topics/failed_treatment.py``): no anticancer therapy on record
  fails it; with one, relapsed or refractory disease meets it, else a person's. Left whole to a
  person, a lymphoma diagnosed a month ago and never treated was eligible under the PDQ disease
  menu. A therapy named after the noun ("after prior treatment with bortezomib") is not read so.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

CHILD = adult(condition("all", 300), years=9)
GROWN = adult(condition("all", 300), years=30)
NEW_LYMPHOMA = adult(condition("lymphoma", 30))
TREATED_LYMPHOMA = adult(condition("lymphoma", 900), medication("chemotherapy", 500))
RELAPSED_AML = adult(condition("aml", 400), condition("relapsed", 40), medication("chemotherapy", 200))
REFRACTORY_AML = adult(condition("aml", 100), condition("refractory", 20), medication("chemotherapy", 40))

ROWS = [
    # -- a plan for the patients named
    ("Patients with active HBV viral replication should receive antiviral therapy", I, [adult()], [], [adult(condition("hbv", 900))]),
    ("Patients with prostate cancer must continue androgen deprivation therapy with LHRH agonists", I,
     [adult()], [], [adult(condition("prostate_cancer", 500))]),
    # (left as they were: a state asked of them, a subject running on into the requirement)
    ("Patients with untreated brain metastases must have stable disease", I, [], [], [adult(), adult(condition("brain_metastases", 100))]),
    ("Patients with histologic proof of adenocarcinoma of the prostate and must have progressed on conventional hormonal therapy.", I,
     [], [adult()], [adult(condition("prostate_cancer", 500))]),
    # -- an adult donor is the donor's age
    ("Patients will be eligible for double cord blood stem cell transplant (TNC ≥ 4x107/kg of two combined units) if available single cord "
     "blood has TNC ≤4.0 x 107/kg and they lack a matched (5-6/6) family donor, a 10/10 unrelated adult donor, and/or if their disease status "
     "required emergent stem cell transplant and they could not wait 2-3 months for searching for a matched unrelated adult donor.", I,
     [], [], [CHILD, GROWN, adult(condition("all", 300), procedure("allo_hsct", 400), years=9)]),
    ("Available related HLA-haploidentical (human leukocyte antigen) natural killer (NK) cell adult donor by at least Class I serologic typing", I,
     [], [], [CHILD, GROWN]),
    ("Adults with AML", I, [adult(condition("aml", 30))], [adult(condition("aml", 30), years=15)], []),
    # -- a transplant the disease calls for
    ("Patients who are not candidates for aggressive management (those that have medical conditions that prevent the administration of "
     "standard curative chemotherapy or those who require an allogeneic bone marrow transplant)", I, [], [], [GROWN]),
    # -- ", including" before the name
    ("Solid tumors, including lymphomas", I, [adult(condition("solid_tumor", 200)), adult(condition("lymphoma", 200))], [RELAPSED_AML], []),
    ("Diagnosis: Solid tumors, including central nervous system tumors and lymphomas, that are recurrent or refractory to standard therapy or "
     "for which there is no standard therapy. Histologic verification of diagnosis is required.", I,
     [], [RELAPSED_AML, NEW_LYMPHOMA],
     [adult(condition("lymphoma", 900), condition("relapsed", 30)), adult(condition("solid_tumor", 900), condition("relapsed", 30))]),
    # -- relapse or refractoriness after unnamed prior therapy
    ("Must have progressed, recurred after prior therapy, or failed to respond to primary therapy", I,
     [RELAPSED_AML, REFRACTORY_AML], [NEW_LYMPHOMA], [TREATED_LYMPHOMA]),
    ("Patients with AML should have failed any prior induction therapy or have relapsed after prior therapy.", I,
     [adult(condition("lymphoma", 900))], [adult(condition("aml", 30))], [RELAPSED_AML]),
    # (a therapy named after the noun: not this reading)
    ("Subject must have received and relapsed or progressed after prior treatment with bortezomib.", I, [], [adult()], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t29x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


ALLO = "allo_hsct"


@pytest.mark.parametrize(
    "text,kind,facts,expected",
    outcome_cases([
        # the time after a transplant: a lower bound is the time since it, a span both bounds (holdout T294)
        ("Patients must be between 100 - 180 days after allogeneic stem cell transplantation", I,
         [adult(procedure(ALLO, 120))], [adult(procedure(ALLO, 90)), adult(procedure(ALLO, 200)), adult()], []),
        ("Patients must be at least 100 days after allogeneic stem cell transplantation", I,
         [adult(procedure(ALLO, 120)), adult()], [adult(procedure(ALLO, 90))], []),
        # under an exclusion the words restrict a permission (holdout T272): never read as a washout
        # that a transplant three months ago passes; a transplant inside the span excludes
        # (exclusion_washout), one before it and none do not
        ("6 months or longer after stem cell transplantation", E, [adult(procedure("hsct", 90))], [adult(), adult(procedure("hsct", 365))], []),
    ]),
)
def test_the_time_after_a_transplant_is_the_time_since_it(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
