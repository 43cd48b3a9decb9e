"""Families the holdout review found misread on the eligible side (issue 14, task "known").

Each misreading failed patients the registry text lets in:

* "must not have received chemotherapy ... within 4 weeks and any toxicity from such therapy must
  have recovered to grade 1": the recovery was read under the negation, so an unrecovered grade 3
  met the line and a recovered patient never treated failed it. The recovery is a requirement of
  its own (corpus: 6 lines in 5 trials join the two with "and any/all toxicit...").
* "Patients on a stable regimen of anticoagulant therapy ... may have PT/INR measurements > 1.5 x
  ULN if ...": a value past the limit permitted to a group, read as a requirement beside the
  limit, which no patient can meet (corpus: 2 lines; "may have been/received ..." are histories
  and stay as they were).
* "No prior chemotherapy for small cell lung cancer (SCLC)": the trial's cancer named as what
  the therapy was for; read inside the name, "lung cancer" and the bracketed "SCLC" became
  conditions the line forbade, and every SCLC patient failed. "... or any chemotherapy within 5
  years of the diagnosis of SCLC": the diagnosis dates the window, it is not forbidden (corpus:
  3 lines).
* "LVEF >= 40% within 28 days before ASCT": the transplant dates the measurement, it is no
  event the patient must have had in the last 28 days (corpus: 5 lines, ASCT and allo-HCT).

The lines are the corpus's own wordings (tests.parser.test_holdout_trials._corpus); each row is
judged by both evaluators.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Measurement
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, Part, condition, healthy, lab, lvef, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NO_RECENT_THERAPY = (
    "Patients must not have received chemotherapy, radiation therapy, or had surgery within 4 weeks prior to enrollment and any toxicity "
    "from such therapy must have recovered to grade 1 or less prior to enrollment"
)
ANTICOAGULATED = (
    "Prothrombin time (PT) or international normalized ratio (INR) or partial thromboplastin time ≤1.5 x ULN. Patients on a stable, "
    "maintenance regimen of anticoagulant therapy for at least 30 days prior to study drug administration may have PT/INR measurements "
    ">1.5 x ULN if, in the opinion of the Investigator, the patient is suitable for the study. An adequate rationale must be provided to "
    "the Sponsor prior to randomization."
)
GILBERT = "Bilirubin<=1.5xULN. If Gilbert's Syndrome may have Bilirubin> 1.5 x ULN"
SCLC_NAMED = "No prior chemotherapy for small cell lung cancer (SCLC)"
SCLC_DIAGNOSIS = "No prior chemotherapy for SCLC or any chemotherapy within 5 years of the diagnosis of SCLC"
BEFORE_ASCT = "Left ventricular ejection fraction (LVEF) ≥40% within 28 days before ASCT."
BEFORE_HCT = "For MDS subjects, they must have < 20% myeloblasts in the bone marrow within 45 days prior to allo-HCT;"

# (line, type, rule)
READINGS = [
    (NO_RECENT_THERAPY, INC,
     "not (chemotherapy within 4 weeks or radiotherapy within 4 weeks or surgery within 4 weeks) and toxicity-grade <= 1"),
    (GILBERT, INC, "bilirubin <= 1.5 x ULN or (Gilbert-syndrome and bilirubin > 1.5 x ULN)"),
    (SCLC_NAMED, INC, 'not (chemotherapy or review unsupported "SCLC")'),
    (BEFORE_ASCT, INC, 'LVEF >= 40 % and review unparsed "within 28 days before ASCT"'),
    (BEFORE_HCT, INC, 'not MDS or (BM-blasts < 20 % and review unparsed "they must have within 45 days prior to allo-HCT")'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_family_reads_as_the_registry_means(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def toxicity(grade: int) -> Part:
    return Part(measurement=Measurement("toxicity_grade", grade, None, date.fromordinal(AS_OF.toordinal() - 3)))


def sclc() -> Part:
    return condition("sclc")


# (line, type, met, not met, unknown)
ROWS = [
    # recovered and not treated lately: met; treated lately or not recovered: not met
    (NO_RECENT_THERAPY, INC, (healthy(toxicity(0)), healthy(toxicity(1), medication("chemotherapy", 90))),
     (healthy(toxicity(3)), healthy(toxicity(0), medication("chemotherapy", 10)), healthy(toxicity(0), procedure("surgery", 7))), ()),
    # within the limit meets it; past it, on anticoagulants, is the investigator's call
    (ANTICOAGULATED, INC, (), (healthy(inr=lab("inr", 1.0, uln=1.2), pt=lab("pt", 12.0, "s", uln=13.5), aptt=lab("aptt", 80, "s", uln=35)),),
     (healthy(), healthy(inr=lab("inr", 2.5, uln=1.2), pt=lab("pt", 30.0, "s", uln=13.5)))),
    # the trial's own cancer never fails it; the chemotherapy does
    (SCLC_NAMED, INC, (), (healthy(sclc(), medication("chemotherapy", 400)),), (healthy(sclc()),)),
    (SCLC_DIAGNOSIS, INC, (healthy(sclc()),), (healthy(sclc(), medication("chemotherapy", 400)),), ()),
    # no transplant on record fails nothing: the measurement decides what it can
    (BEFORE_ASCT, INC, (), (healthy(lvef=lvef(30)),), (healthy(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
