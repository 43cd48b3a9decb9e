"""Condition lines whose wording hid what the record decides (issue 14): qualifiers joined by
"or" ("active or uncontrolled infection", "severe/unstable angina", "Serious or non-healing wound",
"Symptomatic or progressive brain metastases"), the words sepsis always meets ("> CTCAE grade 2",
"Patients who have an uncontrolled infection"), the words a virus is known by ("HIV positive
serology"), "acute" before a dated infarction, a cause left open ("from any cause") and the state
a pregnancy line opens with ("The participant is pregnant, ..."). Each row: the line, its kind,
then the records it is met, not met and unknown for. Wordings paraphrase the corpus's."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
WOMAN = adult(word="female", years=30)
PREGNANT = adult(condition("pregnancy", 30), word="female", years=30)
LACTATING = adult(condition("lactation", 30), word="female", years=30)
SEPSIS = adult(condition("sepsis", 2))
INFECTION = adult(condition("active_infection", 2))
HIV = adult(condition("hiv", 900))
UNSTABLE_ANGINA = adult(condition("unstable_angina", 60))
ANGINA = adult(condition("angina", 60))
MI_RECENT = adult(condition("myocardial_infarction", 40))
MI_OLD = adult(condition("myocardial_infarction", 700))
WOUND = adult(condition("nonhealing_wound", 20))
INJURY = adult(condition("traumatic_injury", 20))
HEART_FAILURE = adult(condition("heart_failure", 400))
NEUROPATHY = adult(condition("peripheral_neuropathy", 400))
BRAIN_METS = adult(condition("brain_metastases", 100))
PULMONARY_HYPERTENSION = adult(condition("pulmonary_hypertension", 400))
ASTHMA = adult(condition("asthma", 300))
HYPERTENSION = adult(condition("hypertension", 400))
LIVER_DISEASE = adult(condition("liver_disease", 400))

ROWS = [
    # -- sepsis meets every word a serious infection is qualified with
    ("Patients who have an uncontrolled infection", E, [SEPSIS], [CLEAN], [INFECTION]),
    ("Active clinically serious infection > CTCAE Grade 2.", E, [SEPSIS], [CLEAN], [INFECTION]),
    ("Active infections (> Grade 2 NCI-CTC v.3.0)", E, [SEPSIS], [CLEAN], [INFECTION]),
    ("Acute bacterial or fungal infection requiring IV antibiotics at the time of study registration", E, [SEPSIS], [CLEAN], [INFECTION]),
    # -- "active or uncontrolled": an active infection is one alternative, not a review
    ("No active or uncontrolled infection", I, [CLEAN], [INFECTION, SEPSIS], []),
    ("Active or uncontrolled infections", E, [INFECTION, SEPSIS], [CLEAN], []),
    ("Serious/active infection", E, [INFECTION], [CLEAN], []),
    # ... but "active, uncontrolled" asks both, and "serious active or uncontrolled" qualifies both
    ("Active, uncontrolled infection", E, [SEPSIS], [CLEAN], [INFECTION]),
    ("No serious active or uncontrolled infection", I, [CLEAN], [SEPSIS], [INFECTION]),
    # -- a virus known by its serology
    ("Evidence of HIV infection or known HIV positive serology", E, [HIV], [CLEAN], []),
    ("Patients with known positivity for human immunodeficiency virus (HIV)", E, [HIV], [CLEAN], []),
    # -- two kinds joined by "or" or a slash
    ("Severe/unstable angina pectoris", E, [UNSTABLE_ANGINA], [CLEAN], [ANGINA]),
    ("Myocardial infarction, severe or unstable angina within 6 months prior to Study Day 1.", E, [UNSTABLE_ANGINA, MI_RECENT], [CLEAN, MI_OLD], [ANGINA]),
    ("Serious or non-healing wound", E, [WOUND], [CLEAN], [INJURY]),
    # -- "acute" before an infarction the line dates; undated, an old one may be on record
    ("Acute myocardial infarction within 3 months", E, [MI_RECENT], [CLEAN, MI_OLD], []),
    ("Acute myocardial infarction", E, [], [CLEAN], [MI_OLD]),
    # -- the cause left open, and the anchor's "date"
    ("Active congestive heart failure from any cause", E, [HEART_FAILURE], [CLEAN], []),
    ("Pre-existing neuropathy from any cause.", E, [NEUROPATHY], [CLEAN], []),
    ("Myocardial infarction within 6 months of enrollment date", E, [MI_RECENT], [CLEAN, MI_OLD], []),
    # -- two qualifiers of one condition joined by "or": no condition, neither
    ("Symptomatic or progressive brain metastases", E, [], [CLEAN], [BRAIN_METS]),
    ("Untreated and/or uncontrolled brain metastases.", E, [], [CLEAN], [BRAIN_METS]),
    # ... a grade of severity ("moderate or severe"), after the patient's lead-in ("Patients with
    # evidence of", "Patient has known", "Subject currently exhibits"), or a course word after the
    # "or" ("uncompensated", "progressive", "newly diagnosed")
    ("Patients with moderate or severe pulmonary hypertension", E, [], [CLEAN], [PULMONARY_HYPERTENSION]),
    ("Patients with evidence of moderate or severe pulmonary hypertension on echocardiogram", E, [], [CLEAN], [PULMONARY_HYPERTENSION]),
    ("Patient has known moderate or severe persistent asthma within the past 2 years", E, [], [CLEAN], [ASTHMA]),
    ("Subject currently exhibits symptomatic or persistent, uncontrolled hypertension", E, [], [CLEAN], [HYPERTENSION]),
    ("No unstable or uncompensated hepatic disease", I, [CLEAN], [], [LIVER_DISEASE]),
    ("Unstable or newly diagnosed angina within 6 months", E, [], [CLEAN], [ANGINA]),
    # -- the state a pregnancy line opens with, beside the plan
    ("The participant is pregnant, breastfeeding, or planning to become pregnant or father a child", E, [PREGNANT, LACTATING], [CLEAN, WOMAN], []),
    ("Female study participant is breast feeding, pregnant or intends to become pregnant", E, [PREGNANT, LACTATING], [CLEAN, WOMAN], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_condition_wording_is_read(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, kind, kept",
    [
        # what "of any kind" opens stays read (the valve is more than the transplant)
        ("No patients with an allo-transplant of any kind (including those with a xenograft heart valve)", I, "xenograft heart valve"),
        # an umbrella the first qualifier may be of stays a person's
        ("Subject has severe or uncontrolled systemic diseases including uncontrolled hypertension or active bleeding diatheses.", E, "Subject has severe"),
        # the record's toxicity grade is prior therapy's: "from any cause" asks more
        ("Persistent grade II or greater toxicity from any cause (except haematological toxicities and peripheral neuropathy).", E, "from any cause"),
    ],
    ids=["of-any-kind-widening", "umbrella-qualifier", "toxicity-of-any-cause"],
)
def test_what_widens_a_line_is_kept(text: str, kind: CriterionType, kept: str) -> None:
    from rules_engine.rule_language import render_rule

    criterion = parse_line(text, kind)
    assert kept in render_rule(criterion.expr, criterion.applies_if)


def test_qualifiers_joined_by_or_are_read_in_bounded_time_on_hostile_text() -> None:
    import time

    from rules_engine.parser.joiners import DEGREE_JOIN, DEGREE_ONLY

    hostile = "Patients currently with evidence of " + "moderate, severe or " * 1000 + "newly-" * 200
    start = time.perf_counter()
    DEGREE_ONLY.fullmatch(hostile[:20000])
    DEGREE_JOIN.fullmatch(" or " + "untreated or newly onset " * 800 + "x")
    parse_line(hostile[:20000], E)
    assert time.perf_counter() - start < 10
