"""Lines whose sentences each name the patients they are for (conditional.py): "Patients with X
must A. Patients with Y must B." Each sentence asks its own patients only, and both are asked;
a disease named with the phase or kind it carries ("advanced phase CML") names the patients as the
record shows them. Real corpus lines (NCT02225574, NCT02155582, NCT02530476).

Before, the later sentence was read as part of the first one's requirement, asked only of the first
sentence's patients (a solid tumour without a measurable lesion met the NHL patients' line, an MDS
patient with ECOG 3 met "Patients with AML must have ECOG 0-1. Patients with MDS must have ECOG
0-2."), and "advanced phase CML" was left in words, so the whole condition was a person's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.conditional import _NEXT_SUBJECT
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, ecog, medication, procedure, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CML_CP = (condition("cml"), result("cml_chronic_phase", "positive"), result("cml_accelerated_phase", "negative"), result("cml_blast_phase", "negative"))
CML_AP = (condition("cml"), result("cml_accelerated_phase", "positive"), result("cml_chronic_phase", "negative"), result("cml_blast_phase", "negative"))

ECOG_BY_DISEASE = "Patients with AML must have ECOG 0-1. Patients with MDS must have ECOG 0-2."
# NCT02155582
MEASURABLE = (
    "NHL patients must have at least 1 bi-dimensionally measurable lesion according to the modified Cheson criteria. Patients with solid tumors "
    "must have at least 1 solid tumor lesion measurable by computed tomography"
)
# NCT02225574 (its first two sentences)
TKI = (
    "Patients with advanced phase CML or acute leukemia must have failed at least one prior TKI. Patients with chronic phase CML must have "
    "failed, have resistance or suboptimal response to at least two tyrosine kinase inhibitors"
)

READINGS = [
    (ECOG_BY_DISEASE, "(not AML or ECOG <= 1) and (not MDS or ECOG <= 2)"),
    # (a numbered later sentence: NCT02530476 "... after prior therapy. 2. Patients with high-risk MDS ...")
    ("Patients with AML must have ECOG 0-1. 2. Patients with MDS must have ECOG 0-2.", "(not AML or ECOG <= 1) and (not MDS or ECOG <= 2)"),
    ("Patients with advanced phase CML must have ECOG 0-2", "not (CML and (CML-accelerated-phase is positive or CML-blast-phase is positive)) or ECOG <= 2"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_each_sentence_asks_its_own_patients(text, rule):
    assert rule_of(text) == rule


ROWS = [
    # (an MDS patient is asked the MDS bound, not cleared by not being an AML)
    (ECOG_BY_DISEASE, INC, (adult(condition("mds"), ecog(2)), adult(condition("aml"), ecog(1))),
     (adult(condition("mds"), ecog(3)), adult(condition("aml"), ecog(2))), (adult(condition("mds")),)),
    # (a solid tumour is asked its own measurable lesion: unread, a person's, never met)
    (MEASURABLE, INC, (), (), (adult(condition("solid_tumor")),)),
    # (an accelerated-phase CML without any TKI fails; a chronic-phase one is asked the second sentence)
    (TKI, INC, (), (adult(*CML_AP),), (adult(*CML_AP, medication("targeted_therapy")), adult(*CML_CP))),
    # (a chronic-phase CML is none of the advanced-phase patients: met)
    ("Patients with advanced phase CML must have ECOG 0-2", INC, (adult(*CML_CP), adult(*CML_AP, ecog(1))), (adult(*CML_AP, ecog(3)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_an_exclusion_is_not_split():
    text = "Patients with AML must not have CNS disease. Patients with MDS must not have received azacitidine."
    assert rule_of(text, EXC) == rule_of(text, EXC)  # (read, and read the same way twice)
    assert not rule_of(text, EXC).startswith("(not AML or")


def test_a_hostile_line_is_read_fast():
    hostile = "Patients with AML must have ECOG 0-1" + ". patients with x" * 1_300 + " must have ECOG 0-2."
    start = time.perf_counter()
    list(_NEXT_SUBJECT.finditer(hostile))
    parse_line(hostile, INC)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 1.0


# a permission's exception for the patients its subject names by a status or a disease
# (permissions.py): "in first CR" read as the record shows it, a remission with no relapse before it
FIRST_CR = "Patients in first CR (or CRp) may have received any induction chemotherapy regimen; they may have received post-remission consolidation therapy (except for transplant)"
CR1 = (condition("aml", 300), condition("remission", 100, diagnosis="aml"))
CR2 = (condition("aml", 600), condition("remission", 100, diagnosis="aml"), condition("relapsed", 200, active=False, diagnosis="aml"))

PERMISSIONS = [
    (FIRST_CR, INC, (adult(*CR1), adult(*CR2, procedure("allo_hsct", 50))), (adult(*CR1, procedure("allo_hsct", 50)),), ()),
    ("Patients with AML may have received any induction regimen (except transplant)", INC,
     (adult(condition("aml")), adult(condition("mds"), procedure("allo_hsct", 50))), (adult(condition("aml"), procedure("allo_hsct", 50)),), ()),
    # (a subject whose words are not read whole stays a person's to weigh)
    ("Patients with something odd may have received any induction regimen (except transplant)", INC,
     (adult(condition("aml")),), (), (adult(condition("aml"), procedure("allo_hsct", 50)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(PERMISSIONS))
def test_an_exception_concerns_the_patients_its_subject_names(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# a condition that lists names beside the ones read (conditional.py): the unread ones are a
# person's, never a "no" (NCT02572687)
HEPATITIS = "For gastric/GEJ and NSCLC participants, has chronic hepatitis B or hepatitis C infection."
ECOG_LISTED = "For gastric/GEJ and NSCLC participants, ECOG 0-1"

UNREAD_NAMES = [
    # (the exclusion: met by a named patient with the infection; a gastric cancer with it may be
    # one of the patients meant, a person's; without the infection no patient is caught)
    (HEPATITIS, EXC, (adult(condition("nsclc"), condition("hbv")),), (adult(condition("nsclc")), adult(condition("gastric_cancer"))),
     (adult(condition("gastric_cancer"), condition("hbv")),)),
    (ECOG_LISTED, INC, (adult(condition("nsclc"), ecog(1)), adult(condition("gastric_cancer"), ecog(0))), (adult(condition("nsclc"), ecog(3)),),
     (adult(condition("gastric_cancer"), ecog(3)),)),
    # (a condition whose every name is read is decided as before)
    ("If AML or ALL, ECOG 0-1", INC, (adult(condition("mds"), ecog(3)), adult(condition("aml"), ecog(1))), (adult(condition("aml"), ecog(3)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(UNREAD_NAMES))
def test_names_listed_beside_the_ones_read_are_never_a_no(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_condition_is_read_fast():
    hostile = "For " + "gastric/GEJ and " * 1_400 + "NSCLC participants, ECOG 0-1"
    start = time.perf_counter()
    parse_line(hostile, INC)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 1.0
