"""Diagnosis, status and transplant lines read as the records decide them (dx15; issue 14).

* "Newly diagnosed AML": a remission on record after an anticancer therapy on record is a treated
  disease, no longer newly diagnosed; a remission with no therapy on record stays a person's
  (``topics.treated_remission``). "... therapy for newly diagnosed AML" names a setting and keeps
  the person's question.
* "FAB classification other than M3 (acute promyelocytic leukemia), documented by bone marrow ...
  within 14 days ...": the glossed M3 is APL, excepted from the AML (``disease_rewrites``), and the
  window after the comma is no part of the APL's name (``clauses._subtype_end``).
* "No history of leukemia": every leukaemia kind, resolved ones too; CMML/JMML (MDS/MPN overlaps) and
  "another hematologic malignancy" on record are a person's; a scope ("for patients with leukemia
  or lymphoma") is left to its readers (``topics.bare_leukemia``).
* "Transformed lymphoma", "Transformed Follicular Lymphoma": the indolent lymphoma and the DLBCL it
  became, one disease in a list; "de novo or transformed DLBCL" is any DLBCL
  (``topics.transformed_lymphoma``).
* "Post allogeneic transplant patients are eligible, but must have no evidence of active GVHD": the
  condition of the permission, as "provided they have no ..." (``permission_conditions``); "Must
  have no evidence of active GVHD" with no subject is the absence (``items.NEGATED``).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

UNTREATED_AML = adult(condition("aml", 20))
AML_IN_REMISSION_TREATED = adult(condition("aml", 200), condition("remission", 30), medication("chemotherapy", 120))
AML_IN_REMISSION_NO_THERAPY = adult(condition("aml", 200), condition("remission", 30))
RELAPSED_AML = adult(condition("aml", 400), condition("relapsed", 30))
APL = adult(condition("apl", 20))
ALLO_GVHD = adult(condition("aml", 600), condition("allo_hsct", 300), condition("gvhd", 100))
ALLO_NO_GVHD = adult(condition("aml", 600), condition("allo_hsct", 300))
NEVER_TRANSPLANTED = adult(condition("aml", 100))
AML_RESOLVED = adult(condition("aml", 1500, active=False))
CMML = adult(condition("cmml", 200))
HAIRY_CELL = adult(condition("hematologic_malignancy", 200))
BREAST = adult(condition("breast_cancer", 200))
FL = adult(condition("follicular_lymphoma", 900), condition("relapsed", 30))
FL_TRANSFORMED = adult(condition("follicular_lymphoma", 900), condition("dlbcl", 60))
DLBCL = adult(condition("dlbcl", 200))

FAB_OTHER_THAN_M3 = (
    "Diagnosis of AML with French-American-British Cooperative group (FAB) classification other than M3 (acute promyelocytic leukemia), "
    "documented by bone marrow aspiration and biopsy performed within 14 days prior to administration of 1st dose of remission induction chemotherapy"
)

ROWS = [
    # -- newly diagnosed: a treated remission is not; an untreated remission stays a person's
    ("Newly Diagnosed Acute Myeloid Leukemia (AML)", I, [UNTREATED_AML], [AML_IN_REMISSION_TREATED, RELAPSED_AML], [AML_IN_REMISSION_NO_THERAPY]),
    # -- the glossed M3 excepted; the window is the marrow's, not the APL's
    (FAB_OTHER_THAN_M3, I, [], [APL], [UNTREATED_AML]),
    ("Diagnosis of AML other than M3 (APL)", I, [UNTREATED_AML], [APL], []),
    # -- the bare word: any leukaemia, in remission or resolved too
    ("No history of leukemia", I, [BREAST, DLBCL], [NEVER_TRANSPLANTED, AML_RESOLVED], [CMML, HAIRY_CELL]),
    ("No leukemia", I, [BREAST, AML_RESOLVED], [NEVER_TRANSPLANTED], [CMML]),
    # -- a transformed lymphoma: the indolent one and its DLBCL
    ("Diffuse large B-cell Lymphoma, Mantle Cell Lymphoma, Transformed Follicular Lymphoma", I, [DLBCL, FL_TRANSFORMED], [FL, BREAST], []),
    ("Transformed lymphoma", I, [FL_TRANSFORMED], [FL, DLBCL], []),
    ("Transformed lymphoma", E, [FL_TRANSFORMED], [FL, DLBCL], []),
    ("De novo or transformed diffuse large B cell lymphoma (DLBCL)", I, [DLBCL, FL_TRANSFORMED], [FL], []),
    # -- a permission's "but must have no" condition
    ("Post allogeneic hematopoietic transplant patients are eligible, but must have no evidence of active graft vs. host disease", I,
     [ALLO_NO_GVHD, NEVER_TRANSPLANTED], [ALLO_GVHD], []),
    ("Must have no evidence of active graft versus host disease", I, [ALLO_NO_GVHD], [ALLO_GVHD], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_status_line_is_decided_by_the_record(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_newly_diagnosed_as_a_setting_keeps_the_persons_question() -> None:
    line = "The subject has received bevacizumab for their disease unless in the context of primary therapy for newly diagnosed AML"
    assert "anticancer_therapy" not in repr(parse_line(line, E).expr)


def test_a_leukaemia_in_a_scope_is_left_to_its_readers() -> None:
    line = "Cerebral spinal fluid (CSF) cell count > 5/uL (for patients with leukemia or lymphoma)"
    assert "acute_leukemia" not in repr(parse_line(line, I).expr)


def test_the_rewrites_parse_a_hostile_line_fast() -> None:
    hostile = "M3 (" * 3_000 + "are eligible , but " * 1_000 + "newly diagnosed for " * 500 + "no leukemia transformed " * 300
    start = time.perf_counter()
    normalize(hostile)
    parse_line(hostile[:20_500], I)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 5
