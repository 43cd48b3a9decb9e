"""A window the lead-in states for the list after its colon, on one line (issue 14; seed
NCT06559644): "Any of the following within the 6 months prior to study drug administration:
myocardial infarction, ..., cerebrovascular accident or transient ischemic attack, or pulmonary
embolism". Read word by word, the window dated the first item only, so a stroke or an embolism
years ago excluded the patient (``parser.inline_windows``). The lead-in's own words, and what
follows the list's sentence, keep their reading; a window inside a clause of its own is no
heading's.

Rows: (text, type, met, not met, unknown); for an exclusion "met" excludes.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
STROKE_RECENT = adult(condition("stroke", 60))
STROKE_OLD = adult(condition("stroke", 1500))
MI_RECENT = adult(condition("myocardial_infarction", 60))
MI_OLD = adult(condition("myocardial_infarction", 1500))
PE_RECENT = adult(condition("thromboembolism", 60))
PE_OLD = adult(condition("thromboembolism", 1500))
STENT_OLD = adult(procedure("coronary_revascularization", 1500))
MYELOMA_DRUG_RECENT = adult(medication("anticancer_therapy", 10))
MYELOMA_DRUG_OLD = adult(medication("anticancer_therapy", 200))

ROWS = [
    # NCT00496223 and 7 more corpus lines: the bypass graft unread leaves the rest unknown, never excluded
    ("Any of the following within the 6 months prior to study drug administration: myocardial infarction, severe/unstable angina, "
     "coronary/peripheral artery bypass graft, symptomatic congestive heart failure, cerebrovascular accident or transient ischemic "
     "attack, or pulmonary embolism.", E, [STROKE_RECENT, MI_RECENT, PE_RECENT], [], [NONE, STROKE_OLD, MI_OLD, PE_OLD]),
    # NCT00361244: a list split by semicolons
    ("Any of the following within the 12 months prior to study drug administration: severe/unstable angina; myocardial infarction; "
     "symptomatic congestive heart failure; cerebrovascular accident; or transient ischemic attack.", E,
     [STROKE_RECENT, MI_RECENT], [], [NONE, STROKE_OLD, MI_OLD]),
    # NCT03023527: a therapy listed (an anti-myeloma drug 200 days ago excluded a relapsed-myeloma patient)
    ("Subject who received any of the following within the last 21 days of initiation of study treatment: major surgery (except "
     "kyphoplasty) or use of any anti-myeloma drug therapy", E, [MYELOMA_DRUG_RECENT], [NONE, MYELOMA_DRUG_OLD], []),
    # the seed line (NCT06559644): a bracket between the window and the colon
    ("Any unstable diseases occurring within 6 months before screening (including but not limited to): unstable angina, ischemic or "
     "cerebrovascular accidents, myocardial infarction, severe arrhythmias requiring drug treatment (such as rapid atrial "
     "fibrillation, high-degree atrioventricular block, ventricular tachycardia, ventricular fibrillation, or torsades de pointes), "
     "cardiac catheterization or coronary artery stenting, or coronary artery bypass surgery, thrombotic or embolic events.", E,
     [STROKE_RECENT, MI_RECENT, PE_RECENT], [], [NONE, STROKE_OLD, MI_OLD, PE_OLD, STENT_OLD]),
    # a sentence after the list is its own: "History of stroke." is not dated
    ("Any of the following within 6 months: myocardial infarction. History of stroke.", E,
     [MI_RECENT, STROKE_OLD], [NONE, MI_OLD], []),
    # the window is a clause's own, not the list's: the events after the colon stay undated
    ("Patients who received chemotherapy within 4 weeks or who have the following: stroke, myocardial infarction", E,
     [STROKE_OLD, MI_OLD], [NONE], []),
    # among the inclusions, negated (NCT00555256's shape)
    ("No myocardial infarction, stroke or pulmonary embolism within 6 months prior to study drug administration", I,
     [NONE, STROKE_OLD, MI_OLD], [STROKE_RECENT, MI_RECENT], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_the_lead_ins_window_dates_each_event_of_its_list(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_an_event_the_lead_in_names_itself_keeps_its_reading() -> None:
    from rules_engine.criteria import Any_, Op
    from rules_engine.parser.inline_windows import dated_inline
    from rules_engine.parser.items import predicate

    read = Any_((predicate("stroke", Op.PRESENT), predicate("myocardial_infarction", Op.PRESENT)))
    lead_reads = {"History of stroke, or any of the following ": predicate("stroke", Op.PRESENT)}
    dated = dated_inline(read, "History of stroke, or any of the following within 6 months: myocardial infarction", E,
                         lambda text, kind: lead_reads.get(text, predicate("myocardial_infarction", Op.PRESENT)))
    assert isinstance(dated, Any_)
    stroke, infarction = dated.parts
    assert stroke == predicate("stroke", Op.PRESENT)
    assert infarction.op is Op.WITHIN and infarction.window is not None and infarction.window.amount == 6.0


@pytest.mark.parametrize("text", [
    ("Any of the following within 6 months (" * 800 + ": stroke")[:20000],
    ("within 6 months: " + "stroke, " * 3000)[:20000],
    ("Any of the following within " + "6 months " * 3000 + ": stroke")[:20000],
    (("a" * 199 + ":") * 100)[:20000],
])
def test_hostile_text_parses_in_bounded_time(text: str) -> None:
    started = time.perf_counter()
    parse_line(text, E)
    assert time.perf_counter() - started < 1.0


# -- examples after a condition lead-in's colon are cases of its head (parser.lead_examples) ----

UNSTABLE_ANGINA_RECENT = adult(condition("unstable_angina", 30))
HEART_DISEASE = adult(condition("cardiovascular_disease", 400))

EXAMPLES = [
    # seed NCT06559644: a recent unstable angina was unknown (asked with the head's review)
    ("Any unstable diseases occurring within 6 months before screening (including but not limited to): unstable angina, ischemic or "
     "cerebrovascular accidents, myocardial infarction", E, [UNSTABLE_ANGINA_RECENT, MI_RECENT], [], [NONE, MI_OLD]),
    # NCT02446405: the head gated by the organ it names (a patient with no cardiovascular disease is decided)
    ("significant cardiovascular disease within the last 3 months including: myocardial infarction, unstable angina, congestive heart "
     "failure, thromboembolic events (e.g., deep vein thrombosis, pulmonary embolism).", E,
     [MI_RECENT, UNSTABLE_ANGINA_RECENT], [NONE], [HEART_DISEASE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(EXAMPLES))
def test_an_example_after_a_condition_lead_in_decides(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_lead_in_over_a_hostile_list_is_bounded() -> None:
    text = ("Any unstable diseases within 6 months (including): " + "unstable angina, " * 2000)[:20000]
    started = time.perf_counter()
    parse_line(text, E)
    assert time.perf_counter() - started < 1.0
