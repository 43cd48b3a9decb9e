"""Exception and permission shapes of the registry lines (issue 14, unseen-trial accuracy), one
shape per row, each mined from the corpus: an exception widens the line and keeps a review only for
its own subject; what it names as a coded condition, absent from the record, excepts nobody; a
permission that asks nothing restricts nobody."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.sections import ParsedLine
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, allergy, bilirubin, condition, ecog, lab, medication, procedure, result, steroid

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
MAN = adult()

QTC = "Corrected QT (QTc) interval > 500 msec, unless a cardiac pacemaker is present"
AUTOIMMUNE = (
    "Active, known, or suspected autoimmune diseases. Vitiligo and Type I diabetes mellitus with no systemic treatment are allowed. "
    "Residual hypothyroidism caused by autoimmune thyroiditis requiring only hormone replacement therapy is allowed."
)
ECOG_SUBRANGE = "ECOG PS score 0-3 (patients with PS score 2-3 would be enrolled if due to the tumor disease and anticipated to be improved)."
RADIOTHERAPY = "Radiotherapy within 14 days before enrollment. If the involved field is small, 7 days will be considered a sufficient interval."
HBV_NOTE = (
    "Patients are not eligible if they have a known positive test for hepatitis B virus surface antigen (HBV sAg); Note: Patients with "
    "evidence of chronic hepatitis B infection will be allowed to enroll if on appropriate suppressive medications and with PI approval"
)
CALCIUM = "Absence of hypercalcemia attributed to the plasma cell disorder*: Ca < 10.5 mg/dl or ≤ 2.5 mmol/L"
BILIRUBIN = (
    "Total bilirubin < 2.0 x IULN; if leukemia infiltration of the liver is suspected to be causing liver function abnormalities the "
    "patient will still be eligible with principal investigator (PI) approval"
)

CIN = (
    "Malignancy other than AML within 3 years, except non-melanoma skin cancer, carcinoma in situ, or cervical intraepithelial neoplasia"
)

# (why, line, type, record, outcome)
OUTCOMES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    ("an excepted CIN the record lacks excepts nobody: a recent prostate cancer excludes", CIN, EXC,
     adult(condition("prostate_cancer", 300)), MET),
    ("a cervical dysplasia on record (N87) is no other malignancy", CIN, EXC, adult(condition("cervical_dysplasia", 300)), NOT_MET),
    ("an exception naming a device the record lacks excepts nobody: a long QTc excludes", QTC, EXC, adult(lab("qtc", 520, "ms")), MET),
    ("the device on record excepts the patient", QTC, EXC, adult(lab("qtc", 520, "ms"), condition("cardiac_pacemaker", 900)), NOT_MET),
    ("a short QTc is not excluded, exception or not", QTC, EXC, adult(lab("qtc", 420, "ms")), NOT_MET),
    ("the autoimmune exceptions, none on record, leave a recorded autoimmune disease excluded", AUTOIMMUNE, EXC,
     adult(condition("autoimmune_disease", 500)), MET),
    ("an excepted hypothyroidism on record leaves the line to a person (is the disease the excepted one?)", AUTOIMMUNE, EXC,
     adult(condition("autoimmune_disease", 500), condition("hypothyroidism", 500)), UNKNOWN),
    ("a sub-range permitted on a condition holds only that sub-range to it: ECOG 1 meets the line", ECOG_SUBRANGE, INC, adult(ecog(1)), MET),
    ("... and ECOG 3 waits on the condition", ECOG_SUBRANGE, INC, adult(ecog(3)), UNKNOWN),
    ("... and ECOG 4 fails it", ECOG_SUBRANGE, INC, adult(ecog(4)), NOT_MET),
    ("a shorter interval on a condition: radiotherapy 3 days ago excludes either way", RADIOTHERAPY, EXC,
     adult(procedure("radiotherapy", 3)), MET),
    ("... 10 days ago waits on the condition", RADIOTHERAPY, EXC, adult(procedure("radiotherapy", 10)), UNKNOWN),
    ("... 60 days ago is outside both", RADIOTHERAPY, EXC, adult(procedure("radiotherapy", 60)), NOT_MET),
    ("hepatitis B without the antiviral therapy the note requires is excluded", HBV_NOTE, EXC, adult(result("hbsag", "positive")), MET),
    ("hepatitis B on antiviral therapy waits on the approval", HBV_NOTE, EXC,
     adult(result("hbsag", "positive"), medication("antiviral_therapy", 10)), UNKNOWN),
    ("'Absence of X attributed to ...: <limits>': the limits are the requirement", CALCIUM, INC, adult(lab("calcium", 9.5, "mg/dL")), MET),
    ("... and a value past them fails it", CALCIUM, INC, adult(lab("calcium", 11.0, "mg/dL")), NOT_MET),
    ("'will still be eligible' widens the bilirubin for liver involvement only: a normal bilirubin meets the line", BILIRUBIN, INC,
     adult(bilirubin(1.0)), MET),
    ("... a high one without liver involvement on record fails it", BILIRUBIN, INC, adult(bilirubin(3.0)), NOT_MET),
    ("... a high one with liver involvement waits on the approval", BILIRUBIN, INC, adult(bilirubin(3.0), condition("liver_metastases", 60)), UNKNOWN),
    ("a bare permission line asks nothing", "Elevated levels of alkaline phosphatase allowed", INC, MAN, MET),
    ("a permission with a limit still asks something", "Only one prior chemotherapy regimen allowed", INC,
     adult(medication("chemotherapy", 100)), UNKNOWN),
    # (the heart blocks are read since they have concepts: a pacemaker with no block on record is not met)
    ("a permission in brackets is no item: a pacemaker never excludes",
     "Any history of second or third degree heart block (may be eligible if the patient currently has a pacemaker)", EXC,
     adult(condition("cardiac_pacemaker", 900)), NOT_MET),
    ("a device's lead words ('obligate use of') qualify nothing listed after it: long QT syndrome excludes",
     "Complete Left Bundle Branch Block or obligate use of a cardiac pacemaker or congenital long QT syndrome", EXC,
     adult(condition("long_qt_syndrome", 900)), MET),
    ("an antiviral listed with antibiotics says how an infection is treated: the infection excludes",
     "The subject has or had any active infection requiring systemic antibiotic, antifungal or antiviral therapy within the past 4 weeks", EXC,
     adult(condition("active_infection", 10)), MET),
    ("radiation pneumonitis is a pneumonitis: a patient with none is not excluded",
     "History or presence at baseline of pulmonary interstitial disease, drug-related pneumonitis, or radiation pneumonitis", EXC, MAN, NOT_MET),
]


@pytest.mark.parametrize(("why", "text", "ctype", "facts", "expected"), OUTCOMES, ids=[f"{i}-{o[0][:50]}" for i, o in enumerate(OUTCOMES)])
def test_exception_shape_decides_as_the_text_means(why: str, text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    got = evaluate(parse_line(text, ctype), facts, AS_OF)
    assert got.outcome is expected, f"{why}: got {got.outcome} ({got.reason})"


# the lines under an excepting heading, one of them about corticosteroids the record never holds
STEROIDS_EXCEPT = [
    ParsedLine(EXC, "Steroids within 3 weeks of enrollment, except:", heading=True),
    ParsedLine(EXC, "≤ 10 mg prednisone or equivalent per day", parent=0),
    ParsedLine(EXC, "Topical or inhaled steroids", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(steroid(7, 40)), MET),  # a systemic dose above the excepted one: the topical exception cannot be it
    # the excepted low dose is the latest record's: another steroid may be the excluded one
    (adult(steroid(7, 5)), UNKNOWN),
    (adult(steroid(7)), UNKNOWN),  # dose unrecorded
    (MAN, NOT_MET),
])
def test_an_exception_outside_the_concept_excepts_nobody(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_lines(STEROIDS_EXCEPT)[0], facts, AS_OF).outcome is expected


# a heading listing the products an allergy to which excludes
ALLERGY_HEADING = [
    ParsedLine(EXC, "Patients will be excluded if they have allergies to the following drugs:", heading=True),
    ParsedLine(EXC, "Asparaginase products", parent=0),
    ParsedLine(EXC, "Mannitol", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(allergy("asparaginase")), MET),
    (adult(allergy("mannitol")), MET),
    (adult(allergy("penicillin")), NOT_MET),
    (MAN, NOT_MET),
])
def test_the_lines_under_an_allergy_heading_are_its_products(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_lines(ALLERGY_HEADING)[0], facts, AS_OF).outcome is expected


# an exclusion heading that introduces examples of what it excludes
EXAMPLES_HEADING = [
    ParsedLine(EXC, "Patients with active autoimmune disease should be excluded; these include but are not limited to patients with a history of:", heading=True),
    ParsedLine(EXC, "Multiple sclerosis", parent=0),
    ParsedLine(EXC, "Guillain-Barre syndrome", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(condition("autoimmune_disease", 800)), MET),  # the heading's own subject excludes
    (adult(condition("multiple_sclerosis", 800)), MET),  # so does an example
    (MAN, UNKNOWN),  # an example Eligo cannot read (Guillain-Barre) stays open
])
def test_examples_under_an_exclusion_heading_exclude_with_it(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_lines(EXAMPLES_HEADING)[0], facts, AS_OF).outcome is expected
