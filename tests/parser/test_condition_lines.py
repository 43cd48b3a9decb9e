"""Condition lines of non-cancer trials and the same names in exclusions (issue 18), each decided
on records: met, not met, unknown.

The wordings are registries' own: corpus lines (quoted short, as the other tables do) and the
shapes registries use for a trial's condition ("Diagnosis of X", "Adults with X", "X for at least
6 months", "X stage 3 or 4"). A diagnosis absent from the record is absent (contract section 4), so
a well-read inclusion is not met for a patient without it; what narrows the name (a duration, a
stage, a subtype, a severity) leaves a patient with it to review, never met. Every case is
judged by both evaluators, and an inclusion's gate closes exactly when the line is not met.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.facts import PatientFacts
from rules_engine.gates import GateIndex
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, age, condition, record, sex

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*concepts: str, years: int = 50, word: str = "male") -> PatientFacts:
    """An adult with a leukemia on record (so a diagnosis gate is judged, not left open) and the
    conditions named, each diagnosed a year ago."""
    return record(age(years), sex(word), condition("aml"), *(condition(c) for c in concepts))


LEUKEMIA_ONLY = patient()

# (line, type, met, not met, unknown)
ROWS: list[tuple[str, CriterionType, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]] = [
    # a trial's condition, read whole
    ("Diagnosis of Parkinson's disease", INC, (patient("parkinson_disease"),), (LEUKEMIA_ONLY, patient("dementia")), ()),
    ("Documented diagnosis of type 1 diabetes mellitus", INC, (patient("type_1_diabetes"),), (LEUKEMIA_ONLY, patient("type_2_diabetes")), ()),
    ("Diagnosis of chronic obstructive pulmonary disease", INC, (patient("copd"),), (LEUKEMIA_ONLY, patient("asthma")), ()),
    ("Diagnosis of clinically definite multiple sclerosis as defined by Poser criteria", INC, (patient("multiple_sclerosis"),), (LEUKEMIA_ONLY,), ()),
    ("Major depressive disorder according to DSM-5 criteria", INC, (patient("depression"),), (LEUKEMIA_ONLY, patient("schizophrenia")), ()),
    ("Diagnosis of rheumatoid arthritis according to the 2010 ACR/EULAR criteria", INC, (patient("rheumatoid_arthritis"),), (LEUKEMIA_ONLY, patient("sle")), ()),
    ("Diagnosis of polycystic ovary syndrome", INC, (patient("pcos", word="female"),), (patient(word="female"),), ()),
    ("Patients must have a diagnosis of type 2 diabetes", INC, (patient("type_2_diabetes"),), (LEUKEMIA_ONLY,), ()),
    # either type, or any of a list: one alternative, and what comes before holds for each
    ("Type 1 or type 2 diabetes mellitus", INC, (patient("type_1_diabetes"), patient("type_2_diabetes")), (LEUKEMIA_ONLY,), ()),
    ("Adults with COPD and/or asthma", INC, (patient("asthma"), patient("copd")), (LEUKEMIA_ONLY, patient("asthma", years=12)), ()),
    # what narrows the name: a duration, a stage, a subtype or severity, a measurement
    ("Diagnosis of type 2 diabetes mellitus for at least 6 months", INC, (), (LEUKEMIA_ONLY, patient("type_1_diabetes")), (patient("type_2_diabetes"),)),
    ("Type 2 diabetes diagnosed at least 6 months before screening", INC, (), (LEUKEMIA_ONLY,), (patient("type_2_diabetes"),)),
    ("Diagnosis of ulcerative colitis for at least 3 months", INC, (), (LEUKEMIA_ONLY, patient("crohn_disease")), (patient("ulcerative_colitis"),)),
    ("Chronic Kidney Disease Stage 3 or Stage 4", INC, (), (LEUKEMIA_ONLY,), (patient("chronic_kidney_disease"),)),
    ("patients with COPD GOLD stage 2-3", INC, (), (LEUKEMIA_ONLY,), (patient("copd"),)),
    ("diagnosed with relapsing remitting multiple sclerosis", INC, (), (LEUKEMIA_ONLY,), (patient("multiple_sclerosis"),)),
    ("Clinical diagnosis of moderate to severe plaque psoriasis", INC, (), (LEUKEMIA_ONLY,), (patient("psoriasis"),)),
    ("Diagnosis of Alzheimer's disease (mild to moderate)", INC, (), (LEUKEMIA_ONLY, patient("dementia")), (patient("alzheimer_disease"),)),
    ("Chronic heart failure with NYHA class II to IV symptoms", INC, (), (LEUKEMIA_ONLY,), (patient("heart_failure"),)),
    ("Obesity with a body mass index of 30 kg/m2 or more", INC, (), (LEUKEMIA_ONLY,), (patient("obesity"),)),
    ("Hypertension treated with at least one antihypertensive drug", INC, (), (LEUKEMIA_ONLY,), (patient("hypertension"),)),
    ("Chronic kidney disease with end-stage renal disease (ESRD) on either adequate hemodialysis (HD) or adequate peritoneal"
     " dialysis for a minimum of 16 weeks prior to Day 1", INC, (), (LEUKEMIA_ONLY, patient("chronic_kidney_disease")), (patient("end_stage_renal_disease"),)),
    # a window on the condition itself: within it met, before it not met (an acute trial)
    ("Acute ischemic stroke within 24 hours of onset", INC, (),
     (LEUKEMIA_ONLY, patient("stroke")), (record(age(60), sex("male"), condition("stroke", days_ago=0)),)),
    # a name that is not what the line asks for is not read as a requirement
    ("Patients with diabetes must have HbA1c < 8%", INC, (LEUKEMIA_ONLY,), (), (patient("diabetes"),)),
    ("Neuropathic pain due to reflex sympathetic dystrophy, post-stroke pain, multiple sclerosis or spinal cord injury", INC,
     (), (), (LEUKEMIA_ONLY, patient("multiple_sclerosis"))),
    ("Subjects diagnosed previously with Type 2 diabetes must have been diagnosed at least 6 months prior to enrollment.", INC,
     (), (), (LEUKEMIA_ONLY, patient("type_2_diabetes"))),
    ("Hamilton Depression D 17 (HAM-D 17) Scale ≥ 14", INC, (), (), (LEUKEMIA_ONLY, patient("depression"))),  # a rating scale
    # negated inclusions (older PDQ layout): a name alone is ruled out, a list is left to review
    ("No Crohn's disease", INC, (LEUKEMIA_ONLY, patient("ulcerative_colitis")), (patient("crohn_disease"),), ()),
    ("No uncontrolled diabetes mellitus", INC, (LEUKEMIA_ONLY,), (), (patient("type_2_diabetes"),)),
    ("No history of neuropathy (e.g., diabetic neuropathy)", INC, (LEUKEMIA_ONLY, patient("type_2_diabetes")), (patient("peripheral_neuropathy"),), ()),
    # exclusions: the name wherever it stands, its qualifier leaving a patient with it to review
    ("Asthma", EXC, (patient("asthma"),), (LEUKEMIA_ONLY, patient("copd")), ()),
    ("Insulin-dependent diabetes mellitus", EXC, (patient("type_1_diabetes"),), (LEUKEMIA_ONLY, patient("type_2_diabetes")), ()),
    ("History of diabetes mellitus", EXC, (patient("type_2_diabetes"), patient("diabetes")), (LEUKEMIA_ONLY,), ()),
    ("Uncontrolled diabetes mellitus or hypertension", EXC, (), (LEUKEMIA_ONLY,), (patient("type_2_diabetes"), patient("hypertension"))),
    ("Preexisting dementia, mania, depression, or schizophrenia", EXC, (patient("alzheimer_disease"), patient("depression"), patient("schizophrenia")), (), (LEUKEMIA_ONLY,)),
    # NYHA's class is the performance topic's bound, never swallowed as the name's qualifier; it
    # narrows the heart failure named before it, so a failure of unrecorded class may be class I
    ("Congestive heart failure Class III/IV according to the New York Heart Association's Heart Failure guidelines.", EXC,
     (), (LEUKEMIA_ONLY,), (patient("heart_failure"),)),
    ("Severe chronic obstructive pulmonary disease (COPD) with hypoxemia", EXC, (), (), (patient("copd"),)),
    ("Active autoimmune disease, such as psoriasis and rheumatoid arthritis", EXC, (patient("sle"), patient("psoriasis")), (LEUKEMIA_ONLY,), ()),
    # the older layout's bare "No X" in an exclusion list states the rule: X excludes (read as a
    # description, it excluded every patient without X and let every patient with it through)
    ("No bipolar disorder", EXC, (patient("bipolar_disorder"),), (LEUKEMIA_ONLY, patient("depression")), ()),
    ("No history of diabetes", EXC, (patient("type_2_diabetes"),), (LEUKEMIA_ONLY,), ()),
    ("No untreated brain metastases.", EXC, (), (LEUKEMIA_ONLY,), (patient("brain_metastases"),)),
    ("Not pregnant or lactating", EXC, (patient("pregnancy", word="female"),), (patient(word="female"), LEUKEMIA_ONLY), ()),
    # its own concept (topics.organ_disease), never systemic hypertension
    ("Pulmonary arterial hypertension", EXC, (patient("pulmonary_hypertension"),), (LEUKEMIA_ONLY, patient("hypertension")), ()),
    ("Diabetes insipidus", EXC, (), (), (LEUKEMIA_ONLY, patient("diabetes"))),
    ("Bone marrow depression", EXC, (), (), (patient("depression"),)),
]

CASES = outcome_cases(ROWS)




@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_a_condition_line_is_decided_by_the_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,ctype,facts,expected", [c for c in CASES if c.values[1] is INC])
def test_an_inclusion_gate_closes_exactly_when_the_line_is_not_met(text, ctype, facts, expected):
    """A gate only skips evaluating: it closes for a patient only where the evaluators say the
    line is not met (and so the trial ineligible), and a line that gates always does then."""
    criterion = parse_line(text, ctype)
    index = GateIndex([TrialCriteria("NCT00000018", 1, (criterion,))])
    closed = bool(index.closed(facts, AS_OF))
    not_met = judged(criterion, facts) is NOT_MET
    assert closed == not_met if index.lines else not closed


# The condition lines of bench/e2e.py's registry-sized catalogue that name a coded condition and
# nothing measured: each must gate, or every non-cancer trial stays a candidate for every patient
# ("Chronic heart failure with NYHA class II to IV symptoms" asks a measurement too: evaluated).
GATED = [
    "Diagnosis of type 2 diabetes mellitus for at least 6 months",
    "Documented diagnosis of type 1 diabetes mellitus",
    "Clinical diagnosis of moderate to severe plaque psoriasis",
    "Diagnosis of rheumatoid arthritis according to the 2010 ACR/EULAR criteria",
    "Diagnosis of chronic obstructive pulmonary disease",
    "Moderate to severe asthma diagnosed by a physician",
    "Major depressive disorder according to DSM-5 criteria",
    "Diagnosis of Alzheimer's disease (mild to moderate)",
    "Diagnosis of Parkinson's disease",
    "Hypertension treated with at least one antihypertensive drug",
    "Chronic kidney disease stage 3 or 4",
    "Diagnosis of ulcerative colitis for at least 3 months",
    "Crohn's disease confirmed by endoscopy",
    "Diagnosis of polycystic ovary syndrome",
    "Chronic hepatitis B infection",
    "Sickle cell disease (HbSS or HbSβ0-thalassemia)",
    "Obesity with a body mass index of 30 kg/m2 or more",
    "Children with autism spectrum disorder",
    "Acute ischemic stroke within 24 hours of onset",
]


@pytest.mark.parametrize("text", GATED)
def test_a_non_cancer_condition_line_closes_for_a_patient_without_the_condition(text):
    criterion = parse_line(text, INC)
    assert GateIndex([TrialCriteria("NCT00000018", 1, (criterion,))]).lines == 1
    assert judged(criterion, LEUKEMIA_ONLY) is NOT_MET


# A heading that asks for the absence of what it lists after naming the patients (corpus wordings):
# its children are exclusions. Read as requirements, a list of diagnoses was asked for all at once,
# and a patient with the one listed condition met the heading.
NEGATED_HEADINGS = [
    "Patients must not have any of the following conditions:",
    "Patient must be able to swallow capsules and not have the following conditions:",
]


@pytest.mark.parametrize("heading", NEGATED_HEADINGS)
@pytest.mark.parametrize(
    "facts,expected",
    [(patient("ulcerative_colitis"), NOT_MET), (patient("crohn_disease"), NOT_MET), (LEUKEMIA_ONLY, None)],
    ids=["ulcerative-colitis", "crohn", "neither"],
)
def test_a_heading_that_rules_out_its_list_fails_for_a_patient_with_one_of_them(heading, facts, expected):
    lines = [(INC, heading, None), (INC, "Ulcerative colitis", 0), (INC, "Crohn's disease", 0)]
    top = TrialCriteria("NCT00000018", 1, parse_lines(lines))
    outcome = evaluate_reference(top, facts, AS_OF).criteria[0].outcome
    if expected is None:  # the heading's own words ("swallow capsules") may leave it to review
        assert outcome is not NOT_MET
    else:
        assert outcome is expected


def test_a_heading_that_is_a_requirement_keeps_its_unread_words_beside_a_note_under_it():
    """'Fasting serum glucose < 120 mg/dL' with a note for diabetic patients under it (corpus
    wording): the note read alone met the line for every patient without diabetes, hiding the
    unread glucose bound; a lead-in or a label above its lines still asks nothing of its own."""
    lines = [
        (INC, "Fasting serum glucose < 120 mg/dL or below the ULN", None),
        (INC, "Patients with diabetes mellitus who meet this criterion must be on a stable dietary or therapeutic regimen for this condition", 0),
    ]
    top = TrialCriteria("NCT00000018", 1, parse_lines(lines))
    assert evaluate_reference(top, LEUKEMIA_ONLY, AS_OF).criteria[0].outcome is UNKNOWN
