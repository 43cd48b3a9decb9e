"""Qualifiers the record's own coding answers (issue 14, cond15): a bleeding asked "clinically
significant" or "major" (``topics/significant_bleeding.py``), a toxicity graded with the
comparator before the grade word (``topics/events.py``), the drugs one intervention lists
(``parser/study_drugs.py``), a hypothyroidism asked untreated or uncorrected
(``topics/thyroid_replacement.py``) and a history of significant heart disease
(``topics/qualified_conditions.py``)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.study_drugs import study_drug_names
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, score

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
BRAIN_BLEED = adult(condition("intracranial_hemorrhage", 60))
GUT_BLEED = adult(condition("gi_hemorrhage", 60))
GUT_BLEED_OLD = adult(condition("gi_hemorrhage", 400))
NOSEBLEED = adult(condition("hemorrhage", 60))
SEVERE_BLEED = adult(condition("hemorrhage", 60, severity="severe"))
COUGHED_BLOOD = adult(condition("pulmonary_hemorrhage", 60))

BLEEDING_ROWS = [
    ("History of clinically significant bleeding within 6 months of enrollment", E,
     [BRAIN_BLEED, GUT_BLEED], [CLEAN, GUT_BLEED_OLD], [NOSEBLEED]),
    ("Clinically significant bleeding", E, [BRAIN_BLEED, GUT_BLEED], [CLEAN], [NOSEBLEED, SEVERE_BLEED, COUGHED_BLOOD]),
    # a line naming a site asks of that site only; one defining significance is read by its definition
    ("Had a significant bleeding episode from the gastrointestinal tract within 12 weeks prior to randomization", E,
     [GUT_BLEED], [CLEAN], [adult(condition("hemorrhage", 60))]),
    ("Patient must not have had clinically significant hemoptysis, defined as greater than 1 tablespoon of bright red blood, within one year", I,
     [CLEAN], [], [COUGHED_BLOOD]),
    # "major": a bleeding inside the skull by its site; one in the gut is not surely major
    ("Major bleeding within the past 4 weeks", E, [adult(condition("intracranial_hemorrhage", 20))], [CLEAN, BRAIN_BLEED, GUT_BLEED_OLD],
     [adult(condition("gi_hemorrhage", 20)), adult(condition("hemorrhage", 20))]),
    ("Patients with clinically significant gastrointestinal bleeding within 3 months prior to study entry", E,
     [GUT_BLEED], [CLEAN, BRAIN_BLEED, GUT_BLEED_OLD], []),
    # the bracket's window is read (recent_bleeding_spans): a gut bleeding within it is significant
    # by its kind; an older one on record may still be going on, a person's
    ("Ongoing or recent (=< 3 months) significant gastrointestinal bleeding", E, [GUT_BLEED], [CLEAN], [GUT_BLEED_OLD]),
    # "recent" asks what no code says
    ("Recent history of clinically significant bleeding", E, [], [CLEAN], [BRAIN_BLEED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(BLEEDING_ROWS))
def test_a_bleeding_coded_significant_meets_the_qualifier(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def toxicity(grade: int) -> PatientFacts:
    return adult(score("toxicity_grade", grade))


TOXICITY_ROWS = [
    ("Presence of >/= Grade 3 non-hematologic toxicity common terminology criteria (CTC) version 4 from the previous treatment.", E,
     [toxicity(3), toxicity(4)], [CLEAN, toxicity(2)], []),
    ("Persistent ≥ grade 3 toxicity (CTCAE v4) from prior therapy", E, [toxicity(3)], [CLEAN, toxicity(2)], []),
    # a past toxicity is no grade unresolved now; a grade 2 may be of a kind an exception sets apart
    ("Any previous history of >= grade 3 toxicity to dasatinib", E, [], [], [CLEAN, toxicity(3)]),
    ("Presence of ≥ CTCAE grade 2 toxicity due to prior cancer therapy (except alopecia)", E, [], [], [CLEAN, toxicity(2)]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(TOXICITY_ROWS))
def test_a_comparator_before_the_grade_word_bounds_the_toxicity(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "labels, names",
    [
        (["clofarabine, cytarabine, idarubicin"], ("clofarabine", "cytarabine", "idarubicin")),
        (["Drug: cytarabine hydrochloride and daunorubicin"], ("cytarabine", "daunorubicin")),
        # a piece that is no one drug: the trial's lines are read as written
        (["bortezomib, chop, rituximab"], ()),
        (["cp-751,871"], ()),
    ],
)
def test_one_intervention_listing_drugs_gives_each(labels: list[str], names: tuple[str, ...]) -> None:
    assert study_drug_names(labels) == names


@pytest.mark.parametrize(
    "text",
    [
        "History of clinically significant bleeding " + "significant " * 2500 + "within 6 months",
        "Presence of >/= Grade 3 " + "grade " * 3000 + "toxicity common terminology criteria (CTC) version 4",
    ],
    ids=["bleeding", "toxicity"],
)
def test_the_new_patterns_are_fast_on_adversarial_lines(text: str) -> None:
    start = time.perf_counter()
    parse_line(text[:20000], E)
    assert time.perf_counter() - start < 5.0


HYPOTHYROID = adult(condition("hypothyroidism", 900))
REPLACED = adult(condition("hypothyroidism", 900), medication("thyroid_hormone_therapy", 0))

THYROID_ROWS = [
    ("Uncorrected hypothyroidism", E, [HYPOTHYROID], [CLEAN], [REPLACED]),
    ("Untreated hypothyroidism", E, [HYPOTHYROID], [CLEAN, REPLACED], []),
    ("No preexisting hypothyroidism prior to enrollment unless patient is euthyroid on medication", I, [CLEAN], [HYPOTHYROID], [REPLACED]),
    # a qualifier no medicine answers stays the person's
    ("Symptomatic hypothyroidism", E, [], [CLEAN], [HYPOTHYROID, REPLACED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(THYROID_ROWS))
def test_a_hypothyroidism_with_no_replacement_on_record_is_uncorrected(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


OLD_INFARCTION = adult(condition("myocardial_infarction", 700))
RECENT_INFARCTION = adult(condition("myocardial_infarction", 40))
OLD_ATRIAL_FIBRILLATION = adult(condition("atrial_fibrillation", 700))

HEART_HISTORY_ROWS = [
    # a history of significant heart disease: an infarction of any date
    ("History of clinically significant or uncontrolled cardiac disease.", E, [OLD_INFARCTION, RECENT_INFARCTION], [CLEAN], [OLD_ATRIAL_FIBRILLATION]),
    ("No history of significant cardiovascular disease", I, [CLEAN], [OLD_INFARCTION], [OLD_ATRIAL_FIBRILLATION]),
    # no history asked: only a recent one is surely significant now
    ("Clinically significant cardiac disease", E, [RECENT_INFARCTION], [CLEAN], [OLD_INFARCTION]),
    # the line's own window bounds the history
    ("History of serious cardiac disease within 6 months", E, [RECENT_INFARCTION], [CLEAN, OLD_INFARCTION], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(HEART_HISTORY_ROWS))
def test_a_history_of_significant_heart_disease_holds_an_infarction_of_any_date(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected
