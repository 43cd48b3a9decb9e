"""Families of lines that were left wholly to review (issue 14, coverage): brain metastases a trial
permits on a condition, the cancer in the central nervous system by its other names, two sites
that share one noun, recovery from a surgery, a measurable lesion with its qualifier. Each is
decided on records: met, not met, unknown.

The wordings are registries' own corpus lines. What narrows the structured part and no record
holds ("treated and stable", "symptomatic", "uncontrolled") stays a review beside it, so a patient
with the metastases is left to a person and one without them is decided; a permitted complication
is never read as asked for, and an exception's "treated" is never dropped.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, age, condition, lab, medication, procedure, record, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*items) -> PatientFacts:
    return record(age(60), sex("female"), condition("nsclc"), *items)


NONE = patient()
BRAIN = patient(condition("brain_metastases"))
LEPTO = patient(condition("leptomeningeal_disease"))
CNS = patient(condition("cns_involvement"))
EPILEPSY = patient(condition("seizure_disorder"))
DEMENTIA = patient(condition("dementia"))
LYMPHOMA = record(age(60), sex("male"), condition("lymphoma"))
CNS_LYMPHOMA = record(age(60), sex("male"), condition("lymphoma"), condition("cns_involvement"))
ON_STEROIDS = patient(condition("brain_metastases"), medication("steroid_therapy", 3))

# a complication permitted on a condition: nothing asked of a patient without it
PERMITTED = [
    ("Brain metastases at inclusion are allowed if asymptomatic", INC, (NONE, LEPTO), (), (BRAIN,)),
    ("Patients with brain metastases are eligible if they have been stable for at least six weeks post-radiation therapy.", INC,
     (NONE,), (), (BRAIN,)),
    ("Patients with controlled brain metastasis are eligible.", INC, (NONE,), (), (BRAIN,)),
    ("Treated brain metastases will be allowed, provided they are asymptomatic.", INC, (NONE,), (), (BRAIN,)),
    ("Brain metastasis must be stable and well-controlled", INC, (NONE,), (), (BRAIN,)),
    ("Brain metastasis if present and treated must be stable by CT scan or MRI for at least 4 weeks after treatment.", INC,
     (NONE,), (), (BRAIN,)),
    ("Subjects with brain metastases are eligible if controlled on a stable dose ≤ 10mg prednisone/day or its equivalent dose of steroids", INC,
     (NONE,), (), (BRAIN, ON_STEROIDS)),
    ("Patients with brain metastases must show evidence of residual disease or progression of disease since prior radiological or surgical therapy.", INC,
     (NONE,), (), (BRAIN,)),
    # both sites named: a patient with either is left to a person
    ("Participants with brain or leptomeningeal metastases are allowed if protocol defined criteria are met", INC,
     (NONE,), (), (BRAIN, LEPTO)),
    # a diagnosis a cohort names is no complication permitted: left as the line was
    ("Patients with brain metastases are eligible", INC, (), (), (NONE, BRAIN)),
]

# two sites sharing one noun: either one; a site Eligo has no concept for stays an alternative,
# open only where the record holds some spread of a cancer (a patient with none has no dural or
# spinal metastasis either; topics.events._other_site)
SPREAD = patient(condition("metastatic_disease"))
SITES = [
    ("Known brain mets", EXC, (BRAIN,), (NONE, LEPTO), ()),
    ("Known brain or leptomeningeal involvement", EXC, (BRAIN, LEPTO), (NONE,), ()),
    ("No brain and/or leptomeningeal disease", INC, (NONE,), (BRAIN, LEPTO), ()),
    ("brain or meningeal metastases;", EXC, (BRAIN, LEPTO), (NONE,), (SPREAD,)),
    ("Unstable brain/meningeal metastases", EXC, (), (NONE,), (SPREAD, BRAIN, LEPTO)),
    ("Uncontrolled or untreated brain or spinal cord metastases.", EXC, (), (NONE,), (SPREAD, BRAIN)),
    # "including patients who ...": another group excluded too, never a condition of the first
    ("Uncontrolled brain or leptomeningeal metastases, including patients who continue to require glucocorticoids for brain or leptomeningeal metastases.", EXC,
     (), (NONE,), (BRAIN, ON_STEROIDS)),
    ("Any evidence of severe or uncontrolled systemic disease, active infection, active bleeding diatheses or renal transplant, including any patients known to have hepatitis B, hepatitis C or HIV", EXC,
     (patient(condition("hbv")), patient(condition("hiv"))), (), (NONE,)),
]

# the cancer in the CNS by its other names: metastases or CNS involvement on record decide; a CNS
# disorder or a primary tumour on record may be meant, so it is left to a person
CNS_DISEASE = [
    ("Known CNS disease", EXC, (BRAIN, CNS), (NONE,), (EPILEPSY, DEMENTIA)),
    ("History or evidence of CNS disease", EXC, (BRAIN, CNS), (NONE,), (EPILEPSY,)),
    ("No known active CNS disease", INC, (NONE,), (BRAIN, CNS), (EPILEPSY,)),
    ("Active central nervous system malignancy", EXC, (BRAIN, CNS), (NONE, EPILEPSY), ()),
    ("Active involvement of the central nervous system with malignancy", EXC, (BRAIN, CNS), (NONE,), ()),
    ("Symptomatic central nervous system (CNS) lesions.", EXC, (), (NONE,), (BRAIN, CNS)),
    ("Central nervous system (CNS) lymphoma.", EXC, (CNS_LYMPHOMA,), (NONE,), (LYMPHOMA,)),
    ("No CNS lymphoma", INC, (NONE,), (CNS_LYMPHOMA,), (LYMPHOMA,)),
    # asked for (one of the lymphomas a trial is for), a leukaemia's CNS involvement is not it
    ("Central Nervous System (CNS) lymphoma", INC, (CNS_LYMPHOMA,), (NONE, CNS), (LYMPHOMA,)),
    # "treated" narrows the exception: untreated metastases still exclude, so they are open
    ("Known CNS disease except for treated brain metastases", EXC, (CNS,), (NONE,), (BRAIN,)),
    # a primary CNS tumour is no metastasis; an example under a judgement asks nothing alone
    ("Primary central nervous system tumor", EXC, (), (), (NONE, BRAIN)),
    ("Any other medical (eg, pulmonary, metabolic, congenital, endocrinal, or CNS disease), psychiatric, or social condition deemed by the investigator to interfere", EXC,
     (), (), (NONE, BRAIN)),
    # asked for by an inclusion, the words may be the trial's own disease: left unread
    ("Primary and metastatic CNS malignancies are eligible", INC, (), (), (NONE, BRAIN)),
]

# recovery from a surgery: no graded toxicity a record holds, so a patient without a surgery has
# nothing to recover from and one with a surgery is left to a person; read only as the section asks
SURGERY = record(age(60), sex("female"), condition("nsclc"), procedure("surgery", 20))
MAJOR = record(age(60), sex("female"), condition("nsclc"), procedure("major_surgery", 20))
OLD_MAJOR = record(age(60), sex("female"), condition("nsclc"), procedure("major_surgery", 400))
TOXIC = patient(lab("toxicity_grade", 3))

RECOVERY = [
    ("Recovered from prior surgery", INC, (NONE,), (), (SURGERY, MAJOR)),
    ("Patients must have recovered from previous surgery.", INC, (NONE,), (), (SURGERY,)),
    # a surgery of unrecorded size may have been the major one (concepts: surgery is major or minor)
    ("Recovered from prior major surgery", INC, (NONE,), (), (MAJOR, SURGERY)),
    ("Patients must be recovered from both the acute and late effects of any prior surgery, radiotherapy or other antineoplastic therapy", INC,
     (NONE,), (TOXIC,), (SURGERY,)),
    ("Patients who have not recovered from surgery", EXC, (), (NONE,), (SURGERY,)),
    ("Inadequate recovery from any prior surgical procedure; major surgical procedure within 6 weeks prior to study entry", EXC,
     (MAJOR,), (NONE,), (OLD_MAJOR,)),
    ("Major surgery within 4 weeks of the start of study treatment or patients who have not recovered from the side effects of any major surgery.", EXC,
     (MAJOR,), (NONE,), (OLD_MAJOR, SURGERY)),  # a surgery of unrecorded size 20 days ago may be major
    # an inclusion's duty written inside an exclusion: never what excludes a patient without surgery
    ("Major surgery within 6 weeks prior to Study Day 1 (subjects must have completely recovered from any previous surgery prior to Study Day 1).", EXC,
     (), (NONE, OLD_MAJOR), (MAJOR,)),
    # "or trauma" follows unread: under the "not" the two would be joined wrongly, so left as before
    ("Not fully recovered from major surgery or trauma within 2 weeks prior to enrollment;", EXC, (), (), (NONE, MAJOR)),
]

# a measurable lesion, however spelled ("measureable", "Measurable (RECIST) indicator lesion"): what
# qualifies it ("not previously irradiated") stays a review beside it
RECIST = patient(Part(measurement=Measurement("measurable_disease", "positive", None, AS_OF)))
NO_LESION = patient(Part(measurement=Measurement("measurable_disease", "negative", None, AS_OF)))
MEASURABLE = [
    ("Measurable (RECIST) indicator lesion not previously irradiated", INC, (), (NO_LESION,), (RECIST, NONE)),
    ("Measureable disease", INC, (RECIST,), (NO_LESION,), (NONE,)),
    # "evaluable or measureable": a patient without measurable disease is left to a person
    ("Evaluable or measureable disease following resection of recurrent Malignant Glioma is not mandated for eligibility into the study.", INC,
     (), (), (patient(condition("glioma"), condition("relapsed")),)),
    ("Evaluable or measureable disease following resection of recurrent Malignant Glioma is not mandated for eligibility into the study.", INC,
     (), (NONE,), ()),
]

CASES = outcome_cases(PERMITTED + SITES + CNS_DISEASE + RECOVERY + MEASURABLE)


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), CASES)
def test_a_family_line_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
