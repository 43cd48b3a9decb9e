"""Shapes the T81-T85 holdout trials (relapsed/refractory AML in children and adults, AML in
remission before a haploidentical transplant; ``test_holdout_trials``) misread, each fixed in its
general form and pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts
are regular-expression floors over the corpus's 1,783 trials):

* A line's stated reason ("Prior use of fludarabine, as this agent has been associated with higher
  subsequent rates of graft versus host disease"; the NCI template's "In addition, these patients
  are at increased risk of lethal infections when treated with marrow-suppressive therapy", 18
  lines): blanked before the topics read the clause. Read as items, the GVHD became a conjunct
  and a patient given fludarabine was let through as eligible.
* A window "in past 6 months" without "the" (20 lines): read as the window it is. Left unread, a
  myocardial infarction 3 months ago let the patient through as eligible.
* "Systemic anti-neoplastic therapy" (the word before the class): the class. Left as words, a
  course ended 7 days ago was a review conjunct and the patient passed as eligible.
* HIV on "combination antiretroviral therapy" (71 lines name the two together): the therapy is a
  concept (ATC J05AR/AE/AG/AJ, by name), so the line is decided both ways.
* The NCI washout template's "or those who have not recovered from adverse events due to agents
  administered more than 4 weeks earlier" (50 lines): the toxicity grade; a bracketed "(<= Grade 1
  toxicity)" says a grade 1 left is recovered.
* The NCI renal template's "... OR creatinine clearance >= 60 mL/min/1.73 m2 for patients with
  creatinine levels above institutional normal" (32 lines): whom the clearance is asked of is
  what the "or" already says; left, a clearance of 75 was unknown.
* "within 28 days or 5 half-lives, whichever is shorter" (21 lines): the days alone (a therapy
  outside them is outside the shorter window); "whichever is longer" keeps the half-lives' review.
* "since the completion of myelosuppressive therapy" (19 COG lines): chemotherapy's washout.
* The tracing a QTc bound is read from ("screening ECG with prolonged QTc (> 450 msec)"; 12 lines)
  and a bracketed "(CTCAE version 4.0)": how a value is taken, no condition of its own.
* "For patients with refractory disease they must be ...": a condition closed by the subject
  restated, not by a comma. Read as a requirement, every relapsed patient failed it.
* Beta-blockers and diuretics (the heart's drugs a digoxin line excludes; 19 lines name
  beta-blockers) are concepts; "other than beta blocker", "(beta-blockers ... permitted)" allow
  them and read nothing. "history of digoxin exposure" names the product.
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
from tests.fixtures.records import Part, adult, condition, lab, medication, record

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def named(words: str) -> Part:
    """A medication record quoting the product's own words (the intake's named_medication)."""
    return medication("named_medication", 200, quote=words, words=words)


def grade(value: int) -> Part:
    return lab("toxicity_grade", value)


def hiv_on_art() -> PatientFacts:
    return adult(condition("hiv", 900), medication("antiretroviral_therapy", 0, ongoing=True))


ROWS = [
    # -- the line's stated reason
    ("Prior use of fludarabine, as this agent has been associated with higher subsequent rates of graft versus host disease", E,
     [adult(named("fludarabine"))], [adult(named("cytarabine")), adult()], []),
    ("HIV-positive patients on combination antiretroviral therapy are ineligible because of the potential for pharmacokinetic "
     "interactions with SCH727965; in addition, these patients are at increased risk of lethal infections when treated with "
     "marrow-suppressive therapy", E, [hiv_on_art()], [adult(), adult(condition("hiv", 900))], []),
    ("Because patients with immune deficiency are at increased risk of lethal infections when treated with marrow-suppressive "
     "therapy, HIV-positive patients receiving combination anti-retroviral therapy are excluded from the study.", E,
     [hiv_on_art()], [adult()], []),
    # -- a window without "the"
    ("Myocardial infarction in past 6 months", E,
     [adult(condition("myocardial_infarction", 90))], [adult(condition("myocardial_infarction", 400)), adult()], []),
    # -- "systemic" before the class
    ("Must not have received systemic anti-neoplastic therapy, including radiotherapy within 14 days of study treatment.", I,
     [adult(), adult(medication("chemotherapy", 60))], [adult(medication("chemotherapy", 7))], []),
    # -- the NCI washout's recovery
    ("Patients who have had chemotherapy or radiotherapy within 4 weeks (6 weeks for nitrosoureas or mitomycin C) prior to "
     "entering the study or those who have not recovered from adverse events due to agents administered more than 4 weeks earlier.", E,
     [adult(medication("chemotherapy", 10)), adult(grade(2))], [adult(medication("chemotherapy", 100))], [adult(grade(1))]),
    ("Patients who have had chemotherapy or radiotherapy within 4 weeks prior to entering the study or those who have not "
     "recovered from adverse events (less than or equal to Grade 1 toxicity) due to agents administered more than 4 weeks earlier.", E,
     [adult(grade(2))], [adult(), adult(grade(1))], []),
    # -- the NCI renal template
    ("Creatinine within normal institutional limits OR Creatinine clearance > 60 mL/min/1.73 m2 for patients with creatinine "
     "levels above institutional normal", I,
     [record(lab("creatinine", 0.9, "mg/dL", 1.2)), record(lab("creatinine", 1.5, "mg/dL", 1.2), lab("creatinine_clearance", 75, "mL/min"))],
     [record(lab("creatinine", 1.8, "mg/dL", 1.2), lab("creatinine_clearance", 40, "mL/min"))],
     [record(lab("creatinine", 1.8, "mg/dL", 1.2))]),
    # -- whichever is shorter / longer
    ("Any cancer-directed therapy within 28 days or 5 half-lives, whichever is shorter", E,
     [adult(medication("chemotherapy", 10))], [adult(medication("chemotherapy", 60)), adult()], []),
    ("Any investigational agent within 28 days or 5 half-lives, whichever is longer", E,
     [adult(medication("investigational_agent", 10))], [], [adult(medication("investigational_agent", 60))]),
    # -- the COG washout's word
    ("At least 14 days must have elapsed since the completion of myelosuppressive therapy", I,
     [adult(), adult(medication("chemotherapy", 30))], [adult(medication("chemotherapy", 7))], []),
    # -- how a value is taken
    ("screening ECG with prolonged QTc (> 450 msec)", E, [record(lab("qtc", 480, "ms"))], [record(lab("qtc", 420, "ms"))], [record()]),
    ("Screening ECG with a QTc > 450 msec", E, [record(lab("qtc", 480, "ms"))], [record(lab("qtc", 420, "ms"))], [record()]),
    ("Patient with diarrhea > CTCAE grade 2. (CTCAE version 4.0)", E, [], [adult()], [adult(condition("diarrhea", 10))]),
    # -- a condition closed by the subject restated
    ("For patients with refractory disease they must be at least 4 weeks out from most recent therapeutic intervention.", I,
     [adult(condition("aml"), condition("relapsed"))], [], [adult(condition("aml"), condition("refractory"))]),
    # -- the heart's drugs and a product's exposure
    ("Patients requiring treatment with one or more beta-blockers (metoprolol, atenolol, propranolol) or calcium channel blockers "
     "with AV-nodal blocking activity (verapamil, diltiazem).", E,
     [adult(medication("beta_blocker", 0, ongoing=True)), adult(medication("nondihydropyridine_ccb", 0, ongoing=True))], [adult()], []),
    ("Cardiac arrhythmias requiring anti-arrhythmic therapy (beta-blockers or digoxin permitted)", E,
     [], [], [adult(medication("beta_blocker", 0, ongoing=True))]),
    ("Patients requiring treatment with one or more medications known to interact adversely with digoxin, namely thiazide and/or "
     "loop diuretics, quinidine, ritonavir, amiodarone, cyclosporine, itraconazole, propafenone, spironolactone, verapamil.", E,
     [adult(medication("diuretic_therapy", 0, ongoing=True))], [], [adult()]),
    ("Has ascites refractory to diuretic therapy", E, [], [adult(medication("diuretic_therapy", 0, ongoing=True))], []),
    ("14. Patients who require systemic steroids at a dose equivalent of >10 mg/day of prednisone. Beta-blocker therapy, while not "
     "exclusionary, is discouraged and alternatives should be sought if possible.", E, [], [adult(medication("beta_blocker", 0, ongoing=True))], []),
    ("Active HIV infection, because of possible pharmacokinetic interactions of anti-retroviral therapy with BAY43-9006", E,
     [adult(condition("hiv", 900))], [adult(medication("antiretroviral_therapy", 0, ongoing=True))], []),
    # an unapproved drug "myelosuppressive" by its effect is no chemotherapy: an investigational
    # agent, in the shorter window or (which kind it was a person's) the longer one
    ("Have received treatment with a drug that has not received regulatory approval for any indication within 14 or 21 days of the "
     "initial dose of study drug for a nonmyelosuppressive or myelosuppressive agent, respectively", E,
     [adult(medication("investigational_agent", 10))], [adult(medication("chemotherapy", 200))], [adult(medication("investigational_agent", 18))]),
    ("Patients with prior or current history of digoxin exposure.", E,
     [adult(named("digoxin 0.125 MG Oral Tablet"))], [adult(named("cytarabine")), adult()], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t8x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


# -- codes the intake reads for them ---------------------------------------------------------

CODED = [
    (f.lab("1751-7", "Albumin [Mass/volume] in Serum or Plasma", 3.8, "g/dL"), "albumin"),
    (f.lab("8636-3", "Q-T interval corrected", 480, "ms"), "qtc"),
    (f.condition("H34.8112", "Central retinal vein occlusion, right eye, stable"), "retinal_vein_occlusion"),  # (a kind of retinal_disease)
    (f.medication("metoprolol tartrate 25 MG Oral Tablet", ((f.ATC, "C07AB02"),), dose_mg=25), "beta_blocker"),
    (f.medication("furosemide 40 MG Oral Tablet", ((f.ATC, "C03CA01"),), dose_mg=40), "diuretic_therapy"),
    (f.medication("bictegravir / emtricitabine / tenofovir alafenamide", ((f.ATC, "J05AR20"),)), "antiretroviral_therapy"),
    (f.medication("dolutegravir 50 MG Oral Tablet"), "antiretroviral_therapy"),
]


@pytest.mark.parametrize("resource, concept", CODED, ids=[c for _, c in CODED])
def test_the_intake_reads_the_code_a_t8x_line_asks_for(resource: f.Resource, concept: str) -> None:
    bundle = f.bundle("h8-coded", [f.patient("h8-coded", 40, "male"), resource])
    facts = normalise(validate_bundle(json.dumps(bundle), strict=True), as_of=f.AS_OF).facts
    assert facts.measurements.get(concept) or facts.events.get(concept)


def test_a_hepatitis_b_nucleoside_alone_is_no_antiretroviral_therapy() -> None:
    """Entecavir or tenofovir alone (ATC J05AF) keeps a hepatitis B suppressed as often as it
    treats HIV: no antiretroviral therapy is read from it."""
    entecavir = f.medication("entecavir 0.5 MG Oral Tablet", ((f.ATC, "J05AF10"),))
    bundle = f.bundle("h8-hbv", [f.patient("h8-hbv", 40, "male"), entecavir])
    facts = normalise(validate_bundle(json.dumps(bundle), strict=True), as_of=f.AS_OF).facts
    assert not facts.events.get("antiretroviral_therapy")
