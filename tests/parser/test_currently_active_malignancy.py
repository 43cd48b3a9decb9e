"""A "currently active" second malignancy with the sentence that defines it ("Patients are not
considered to have a "currently active" malignancy if they have completed therapy and are
considered by their physician to be at less than 30% risk of relapse"): ``topics.currently_active``
reads the sentence as the malignancy's exception, never as an alternative of its own. Read in a
blood-cancer trial, by both evaluators: the text, the patient's record, the outcome."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome, TrialOutcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics import currently_active
from tests.fixtures.aml_trial import AML, by_both_evaluators, record

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def outcome(lines: list[tuple], facts: PatientFacts, at: int = 1) -> Outcome:
    trial = TrialCriteria("NCT00000097", 1, tuple(parse_lines([(I, AML), *lines])))
    reference = evaluate(trial, facts)
    return reference.criteria[at].outcome


def evaluate(trial: TrialCriteria, facts: PatientFacts) -> TrialOutcome:
    return by_both_evaluators(trial, facts)


TWO_SENTENCES = (
    'Patients with a "currently active" second malignancy other than non-melanoma skin cancer. Patients are not considered to '
    'have a "currently active" malignancy if they have completed therapy and considered by their physician to be at less than '
    "30% risk of relapse."
)
ANTI_CANCER = (
    'Subjects with a "currently active" second primary malignancy other than non-melanoma skin cancers. Subjects are not considered '
    'to have a "currently active" malignancy if they have completed anti-cancer therapy and are considered by their physician to '
    "be < 30% risk of relapse."
)
DEFINED_AS = ("No other currently active malignancy (defined as completed prior therapy and considered to be at less than 30% risk "
              "of relapse) except non-melanoma skin cancer")
NOT_REGISTERED = ('Patients with a "currently active" second malignancy other than non-melanoma skin cancers are not to be registered; '
                  'patients are not considered to have a "currently active" malignancy if they have completed therapy and considered by '
                  "their physician to be at less than 30% risk of relapse")
CHILD = [(I, "No currently active second malignancy except nonmelanoma skin cancer"),  # (its child: parent index 1)
         (I, "Patients are not considered to have a 'currently active' malignancy if they have completed anticancer therapy and are "
             "considered by their physician to be at less than 30% risk of relapse", 1)]

ONLY_AML = {"aml": (100, True)}
ON_CHEMOTHERAPY = {"aml": (100, True), "chemotherapy": (3, True)}
BREAST_NOW = {"aml": (100, True), "breast_cancer": (400, True)}
BREAST_RESOLVED = {"aml": (100, True), "breast_cancer": (3000, False)}
BASAL_CELL = {"aml": (100, True), "nonmelanoma_skin_cancer": (200, True)}

CASES = [
    # no other cancer: the defining sentence asks nothing of this patient
    ([(E, TWO_SENTENCES)], ONLY_AML, NOT_MET),
    ([(E, ANTI_CANCER)], ONLY_AML, NOT_MET),
    # a therapy for the trial's own disease is not the other cancer's ("completed anti-cancer therapy")
    ([(E, ANTI_CANCER)], ON_CHEMOTHERAPY, NOT_MET),
    # an active other cancer: whether the physician clears it is a person's to weigh
    ([(E, TWO_SENTENCES)], BREAST_NOW, UNKNOWN),
    ([(E, ANTI_CANCER)], BREAST_NOW, UNKNOWN),
    # a resolved one is not currently active; an excepted one is no other malignancy
    ([(E, TWO_SENTENCES)], BREAST_RESOLVED, NOT_MET),
    ([(E, TWO_SENTENCES)], BASAL_CELL, NOT_MET),
    # an inclusion asking for none: met without one, open with an active one
    ([(I, DEFINED_AS)], ONLY_AML, MET),
    ([(I, DEFINED_AS)], BREAST_NOW, UNKNOWN),
    # an inclusion stating its verdict ("are not to be registered") reads the same
    ([(I, NOT_REGISTERED)], ONLY_AML, MET),
    ([(I, NOT_REGISTERED)], BREAST_NOW, UNKNOWN),
    # the definition written on the line under the heading reads the same
    (CHILD, ONLY_AML, MET),
    (CHILD, BREAST_NOW, UNKNOWN),
]


@pytest.mark.parametrize("lines,events,expected", CASES)
def test_a_currently_active_malignancy_is_narrowed_by_its_definition(lines, events, expected):
    assert outcome(lines, record(**events)) is expected


def test_a_definition_stating_a_span_is_left_to_the_span_reading():
    line = ('Subjects with a "currently active" second primary malignancy other than non-melanoma skin cancers. Subjects are not '
            'considered to have a "currently active" malignancy if they have completed anti-cancer therapy and have been disease free '
            "for > 2 years.")
    trial = parse_lines([(I, AML), (E, line)])
    assert currently_active.currently_active(trial[-1].expr, line) == trial[-1].expr


def test_a_long_hostile_line_is_judged_fast():
    text = "currently active " * 800 + "not considered to have a currently active malignancy " * 200 + "completed " * 1000 + "x" * 5000
    start = time.perf_counter()
    assert currently_active._DEFINITION.search(text) is None
    assert currently_active._SPAN.search(text) is None
    assert time.perf_counter() - start < 0.5
