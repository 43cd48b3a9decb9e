"""A bare "angioplasty" or "stent placement" listed among the heart's events is the heart's
(``parser.coronary_list_procedures``): "A history of myocardial infarction, angioplasty or stent
placement, unstable angina pectoris, ... in the 12 months prior to enrollment" (seed NCT06585345)
and "Unstable angina pectoris, angioplasty, stenting, or myocardial infarction within 6 months"
(four corpus lines). Where the line names another vessel ("cardiac or other vascular stenting,
angioplasty") or no heart event, the procedure is left unread as before: there the coronary
reading would let in a patient with a peripheral stent the line excludes."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.coronary_list_procedures import coronary_list_procedures
from rules_engine.parser.coverage import _kind
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, procedure

EXC = CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

SEED = ("A history of myocardial infarction, angioplasty or stent placement, unstable angina pectoris, or other clinically "
        "significant heart disease in the 12 months prior to enrollment")
LIST = "Unstable angina pectoris, angioplasty, stenting, or myocardial infarction within the past 6 months"
OTHER_VESSEL = ("History of myocardial infarction, unstable angina, cardiac or other vascular stenting, angioplasty, or surgery "
                "within 6 months prior to day 1 of the study drug treatment.")
NO_HEART_EVENT = "More than 6 months since vascular surgery, stenting, or angioplasty"

RECENT, OLD = 60, 800

# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("a stent placed two months ago excludes (was unknown)", SEED, adult(procedure("coronary_revascularization", RECENT)), MET),
    ("one placed two years ago is outside the line's 12 months", SEED, adult(procedure("coronary_revascularization", OLD)), NOT_MET),
    ("an angioplasty in a list of angina and infarction excludes", LIST, adult(procedure("coronary_revascularization", RECENT)), MET),
    ("nothing of the heart on record: the list is met by nothing", LIST, adult(), NOT_MET),
    ("the infarction beside it still excludes", LIST, adult(condition("myocardial_infarction", RECENT)), MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_a_listed_heart_procedure_decides_as_the_text_means(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, EXC), facts, AS_OF).outcome is expected


def test_a_list_of_heart_events_and_procedures_is_read_whole() -> None:
    assert _kind(parse_line(LIST, EXC).expr)[0] == "whole"


@pytest.mark.parametrize("text", [OTHER_VESSEL, NO_HEART_EVENT, "Patients with a biliary stent placed after myocardial infarction"])
def test_a_procedure_of_another_vessel_or_without_heart_events_is_not_said_the_hearts(text: str) -> None:
    assert coronary_list_procedures(text) == text


def test_a_peripheral_stent_in_a_line_naming_other_vessels_is_not_cleared() -> None:
    # read as the heart's, a peripheral stent two months ago would pass the exclusion
    assert evaluate(parse_line(OTHER_VESSEL, EXC), adult(procedure("coronary_revascularization", RECENT)), AS_OF).outcome is not NOT_MET


def test_hostile_input_is_read_in_bounded_time() -> None:
    hostile = "myocardial infarction " + "angioplasty stenting stent placement, " * 560
    started = time.perf_counter()
    coronary_list_procedures(hostile[:20_000])
    assert time.perf_counter() - started < 1.0
