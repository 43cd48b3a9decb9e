"""Shapes the T161-T165 holdout trials (ivosidenib, lovastatin with cytarabine, fludarabine-
thiotepa-melphalan conditioning, tosedostat, lenalidomide with bortezomib after a transplant, in
relapsed/refractory AML and higher-risk MDS; ``test_holdout_trials``) misread, each fixed in its
general form and pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts
are over its 1,883 trials):

* The transplant comorbidity index ("HCT-CI Score <= 4 points", "Hematopoietic Cell
  Transplantation Specific Comorbidity Index (HCT-CI) < 5"; 4 corpus lines) is a score no record
  holds, not a transplant received: read as "HCT" (a transplant), an inclusion failed every
  patient not yet transplanted.
* One value for each age group ("<= 4 points for patients >= 60 years old or <= 5 points for
  patients < 60", "Karnofsky >= 80% for patients >= 60 years old or >= 70% for patients < 60"; 2
  trials): each age scopes its own value. The ages were read as bounds of the line (everyone
  under 60 failed the HCT-CI line), and a scale named once ("Performance status >= 80% (TJU
  Karnofsky) for patients >= 60 ... or >= 70% for patients < 60") paired 70% with the over-60s,
  so a 45-year-old at Karnofsky 70 failed. The age may be cut off where the registry's text
  wraps before its number ("... for patients <" / "60.").
* "heart-rate corrected QT (QTc) interval", "rate-corrected QT interval" (3 lines) is the QTc:
  the "-rate" left over was an and-ed review, so a QTc of 450 against "≥ 450 ms" was unknown.
* A transplant judged indicated ("a diagnosis in which allogeneic HSCT is thought to be
  beneficial", "for which allogeneic stem cell transplantation is appropriate", "is deemed
  clinically appropriate"; 5 lines) is a person's judgement, never a transplant received: read
  as one, every patient not yet transplanted failed the line.
* "Anti-cancer therapy including chemotherapy, radiotherapy, ... within the 4 weeks prior"
  (the class, then its kinds, then one window; 10 exclusions): the window dates the class too.
  Undated, any anti-cancer therapy ever excluded (the induction five months ago). A prior class
  ("Any prior systemic anticancer therapy including ...") stays undated, and a window inside a
  bracket ("experimental therapy (treatment within the last 30 days ...)") dates its own kind only.
* "Non-pregnant and non-nursing", "must be non lactating" (24 lines): the prefix is the negation's
  own word. Left over, "Non-" was an unread review and every woman unknown; written with a space,
  "must be non lactating" was read as "lactation", and a nursing mother met it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, karnofsky, lab, medication, procedure, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def kps(value: int, years: int) -> PatientFacts:
    return adult(karnofsky(value), years=years)


def qtc(ms: float) -> PatientFacts:
    return adult(lab("qtc", ms, "ms"))


ROWS = [
    # -- the transplant comorbidity index is no transplant
    ("HCT-CI Score < or = 4 points for patients > or = 60 years old or < or = 5 points for patients < 60.", I, [], [],
     [adult(years=52), adult(years=64), adult(procedure("allo_hsct", 400))]),
    ("HCT-CI Score > 4 points for patients > or = 60 years old or > 5 points for patients <", E, [], [],
     [adult(years=52), adult(years=64), adult(procedure("allo_hsct", 400), years=45)]),
    ("Hematopoietic Cell Transplantation Specific Comorbidity Index (HCT-CI) <5 for age < 65, HCT-CI <4 for age >65", I, [], [],
     [adult(), adult(years=70)]),
    # -- one scale, a value for each age group
    ("Performance status > or = 80% (TJU Karnofsky) for patients > or = 60 years old or > or = 70% for patients < 60.", I,
     [kps(80, 64), kps(70, 45), kps(90, 30)], [kps(70, 64), kps(60, 45)], [adult()]),
    ("Performance status < 80% (TJU Karnofsky) for patients > or = 60 years old or < 70% for patients < 60.", E,
     [kps(70, 64), kps(60, 45)], [kps(80, 64), kps(70, 45)], [adult()]),
    ("Karnofsky >= 80% for patients >= 60 years old or >= 70% for patients < 60.", I, [kps(70, 50)], [kps(70, 61), kps(60, 50)], []),
    # -- the heart-rate corrected QT is the QTc
    ("Subjects with heart-rate corrected QT (QTc) interval ≥450 ms or other factors that increase the risk of QT prolongation or "
     "arrhythmic events.", E, [qtc(450), qtc(480)], [], [qtc(430)]),
    ("Rate-corrected QT interval > 470 msec", E, [qtc(480)], [qtc(430)], []),
    # -- a transplant judged indicated is no transplant received
    ("Other hematologic disorders for which allogeneic stem cell transplantation is appropriate (e.g., myelofibrosis)", I, [], [],
     [adult(), adult(procedure("allo_hsct", 400))]),
    # -- a class dated by the window after its kinds
    ("Anti-cancer therapy including chemotherapy, radiotherapy, endocrine therapy, immunotherapy or use of other investigational agents "
     "within the 4 weeks prior to trial entry", E, [adult(medication("chemotherapy", 10)), adult(medication("anticancer_therapy", 10))],
     [adult(), adult(medication("chemotherapy", 150)), adult(medication("anticancer_therapy", 150))], []),
    # ("or devices" after the agents are investigational devices, which the agent's concept holds: participation_rewrites)
    ("Use of any anti-cancer therapy including chemotherapy, investigational agents or devices within 4 weeks of the first dose of study "
     "medication", E, [adult(medication("anticancer_therapy", 10))], [adult(), adult(medication("anticancer_therapy", 150))], []),
    ("Chemotherapy, radiotherapy, immunotherapy or other anti-cancer therapy including investigational drugs within 14 days prior to the "
     "first dose", E, [adult(medication("chemotherapy", 7))], [adult(), adult(medication("chemotherapy", 60))], []),
    # -- "non-" negates the state it is written on
    ("Non-pregnant and non-nursing", I, [adult(word="female"), adult()], [adult(condition("lactation", 30), word="female")], []),
    ("Women must be non-pregnant and non-breast feeding", I, [adult(word="female")], [adult(condition("pregnancy", 30), word="female")], []),
    ("Female of childbearing age must be non lactating and have a negative serum pregnancy test within 1 week prior to enrollment;", I,
     [adult(result("pregnancy_test", "negative"), word="female")], [adult(condition("lactation", 30), result("pregnancy_test", "negative"), word="female")],
     []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t16x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, absent",
    [
        ("HCT-CI Score < or = 4 points for patients > or = 60 years old or < or = 5 points for patients < 60.", {"hsct", "allo_hsct", "age"}),
        ("Any patient with a high-risk hematologic or oncologic diagnosis in which allogeneic HSCT is thought to be beneficial", {"hsct", "allo_hsct"}),
        ("Patients with hematologic malignancies for whom conventional myeloablative allogeneic stem cell transplantation is deemed clinically "
         "appropriate", {"hsct", "allo_hsct"}),
    ],
    ids=["hct-ci", "thought-beneficial", "deemed-appropriate"],
)
def test_a_score_or_an_indication_asks_no_transplant_or_age(text: str, absent: set[str]) -> None:
    assert not {p.concept for p in iter_predicates(parse_line(text, I).expr)} & absent


@pytest.mark.parametrize(
    "text",
    [
        "Any prior systemic anticancer therapy including cytotoxic therapy, targeted agents, experimental therapy (treatment within the last "
        "30 days with a drug that has not received regulatory approval for any indication at the time of study enrollment), adjuvant, or "
        "neo-adjuvant therapy for NSCLC",
    ],
)
def test_a_prior_class_or_a_bracketed_window_leaves_the_class_undated(text: str) -> None:
    assert judged(parse_line(text, E), adult(medication("anticancer_therapy", 150))) is Outcome.MET
