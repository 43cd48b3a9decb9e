"""Shapes the salvage-agent holdout trials (T41-T45: clofarabine, quizartinib, selinexor with
sorafenib, gilteritinib, clofarabine with alemtuzumab) found misread, each read for its general
wording, not the trial's line:

- an exclusion's list whose first member is one topic's own list ("hepatitis B, C and HIV
  infections"): the bare "and" lists, so HIV alone excludes (read as "(HBV or HCV) and HIV", an
  HIV-positive patient was not excluded);
- "... and patients must not have active GVHD": the negation still holds over its verb (read
  without it, the line asked for GVHD: a patient with it passed, one without it failed);
- a requirement written after an exclusion's own words ("... within 2 weeks before study entry.
  The patient must have recovered from all acute toxicities"): it excludes whoever does not meet
  it (read as one more thing that excludes, every recovered patient was excluded), unless it
  names a disease, which there says what a therapy was for ("off prior AML therapy"): a person's;
- a topic that reads a negation itself is not negated again by the words before it ("and must
  not be breast-feeding", "and no ascites": read twice, the line asked for what it forbids);
- "For patients with ALL and AML who relapse while they are receiving cytotoxic therapy, at
  least 14 days ...": patients named in words no record holds leave whether the requirement
  applies to a person, never make the condition something everyone must have.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure, result, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NOBODY = adult()
HIV = adult(condition("hiv"))
HBV = adult(condition("hbv"))
HCV = adult(condition("hcv"))
CIRRHOSIS = adult(condition("liver_disease"))
CHEMO_5_DAYS = adult(medication("chemotherapy", 5))
CHEMO_60_DAYS = adult(medication("chemotherapy", 60))
TOXICITY_3 = adult(score("toxicity_grade", 3, days_ago=3))
TOXICITY_0 = adult(score("toxicity_grade", 0, days_ago=3))
AML = adult(condition("aml"), condition("relapsed", 30))
AML_CHEMO_5_DAYS = adult(condition("aml"), condition("relapsed", 30), medication("chemotherapy", 5))
AML_CHEMO_60_DAYS = adult(condition("aml"), condition("relapsed", 30), medication("chemotherapy", 60))
OLD_TRANSPLANT = adult(procedure("allo_hsct", 300))
OLD_TRANSPLANT_GVHD = adult(procedure("allo_hsct", 300), condition("gvhd", 30))
RECENT_TRANSPLANT = adult(procedure("allo_hsct", 40))
ASCITES = adult(condition("ascites"))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown): an exclusion's list excludes by any member
LISTED_INFECTIONS: list[Row] = [
    ("Patients with any known or suspected Hepatitis B, C and HIV infections.", (HIV, HBV, HCV), (NOBODY,), ()),
    ("Known hepatitis B, C and HIV infection", (HIV, HBV, HCV), (NOBODY,), ()),
    ("Known history of clinically significant liver disease, including active viral hepatitis and cirrhosis", (HBV, HCV, CIRRHOSIS), (NOBODY,), ()),
]

# an inclusion's "and ... must not have X": X excludes
MUST_NOT_HAVE: list[Row] = [
    ("Hematopoietic Stem Cell Transplant: At least 90 days must have elapsed since hematopoietic stem cell transplant (HSCT) "
     "and patients must not have active GVHD.", (NOBODY, OLD_TRANSPLANT), (OLD_TRANSPLANT_GVHD, RECENT_TRANSPLANT), ()),
    ("Total bilirubin normal, albumin > 3.0 g/dL, and no ascites", (), (ASCITES,), (NOBODY,)),
]

# an exclusion's trailing requirement excludes whoever fails it
TRAILING_REQUIREMENT: list[Row] = [
    ("Use of investigational agents within 30 days or any anticancer therapy within 2 weeks before study entry. "
     "The patient must have recovered from all acute toxicities from any previous therapy.",
     (CHEMO_5_DAYS, TOXICITY_3), (NOBODY, CHEMO_60_DAYS, TOXICITY_0), ()),
    ("Pregnant and/or breastfeeding. Patient must have a negative pregnancy test within 14 days of study entry.",
     (adult(result("pregnancy_test", "positive"), word="female", years=30),),
     (adult(result("pregnancy_test", "negative"), word="female", years=30), NOBODY),
     (adult(word="female", years=30),)),
    # the disease names what the therapy was for: negated, it would exclude every patient without it
    ("Are receiving any other chemotherapy or investigational therapy. Patients must have been off prior AML therapy for at least "
     "2-6 weeks prior to entering study.", (CHEMO_5_DAYS,), (), (NOBODY, AML)),
]

# a condition in words no record holds: met where the requirement is, else a person's
UNREAD_CONDITION: list[Row] = [
    ("For patients with ALL and AML who relapse while they are receiving cytotoxic therapy, at least 14 days must have "
     "elapsed since the completion of cytotoxic therapy.", (NOBODY, AML, AML_CHEMO_60_DAYS), (), (AML_CHEMO_5_DAYS,)),
    # a duration cut from its subject is no age: an infant does not meet the line by being one
    ("Relapsed AML; or patients with high risk MDS who have received previous therapy 1st remission must have been < 1 year",
     (AML,), (NOBODY, adult(years=0)), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(LISTED_INFECTIONS + TRAILING_REQUIREMENT))
def test_an_exclusion_excludes_by_any_listed_history_and_by_a_failed_trailing_requirement(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text,facts,expected", outcome_cases(MUST_NOT_HAVE + UNREAD_CONDITION))
def test_an_inclusion_keeps_its_negations_and_never_asks_an_unread_condition_of_everyone(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


def test_a_negation_a_topic_read_is_not_negated_again():
    text = "For women: must have a negative serum or urine pregnancy test within 7 days before study enrollment and must not be breast-feeding"
    assert "not not" not in str(parse_line(text, INC).expr)
    female = adult(result("pregnancy_test", "negative"), word="female", years=30)
    assert judged(parse_line(text, INC), female).value in ("met", "unknown")
    assert judged(parse_line(text, INC), adult(result("pregnancy_test", "negative"), condition("lactation"), word="female", years=30)).value == "not_met"
