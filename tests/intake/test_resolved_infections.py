"""A hepatitis C the tests show to be over: a positive HCV antibody beside a negative RNA of the
same work-up (or later) is no current infection, while it stays an exposure; an RNA long before
the antibody, or none, leaves hepatitis C open. Both evaluators answer the same."""

from __future__ import annotations

from typing import Any

import pytest

from rules_engine.criteria import Op, Predicate as P
from rules_engine.outcome import Outcome

from intake_helpers import ICD10, LOINC, condition, observation
from test_coded_concepts import decide, facts

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
SNOMED_POSITIVE = {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}], "text": "Positive"}
SNOMED_NEGATIVE = {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}], "text": "Negative"}


def antibody(positive: bool, when: str = "2026-11-18") -> dict[str, Any]:
    return observation(LOINC, "13955-0", when, valueCodeableConcept=SNOMED_POSITIVE if positive else SNOMED_NEGATIVE)


def rna(positive: bool, when: str = "2026-11-17") -> dict[str, Any]:
    return observation(LOINC, "11011-4", when, valueCodeableConcept=SNOMED_POSITIVE if positive else SNOMED_NEGATIVE)


HCV = P("hcv", Op.PRESENT)
EXPOSURE = P("hcv_exposure", Op.PRESENT)


@pytest.mark.parametrize(
    "resources, current, history",
    [
        ((antibody(True), rna(False)), NOT_MET, MET),  # the same work-up: an infection over
        ((antibody(True, "2026-10-01"), rna(False, "2026-11-17")), NOT_MET, MET),  # RNA after the antibody
        ((antibody(True), rna(True)), MET, MET),  # RNA detected: current
        ((antibody(True),), UNKNOWN, MET),  # no RNA: open
        ((antibody(True, "2026-11-18"), rna(False, "2025-06-01")), UNKNOWN, MET),  # an RNA long before: open
        ((antibody(True), rna(True, "2026-10-01"), rna(False, "2026-11-17")), NOT_MET, MET),  # the latest RNA counts
        ((antibody(True), rna(False, "2026-11-17"), rna(True, "2026-11-17")), UNKNOWN, MET),  # that day's RNAs disagree
        ((antibody(False), rna(False)), NOT_MET, NOT_MET),  # never exposed
        ((rna(False),), NOT_MET, NOT_MET),  # a negative RNA alone shows no exposure
        ((antibody(True), rna(False), condition(ICD10, "B18.2")), MET, MET),  # a coded hepatitis C stays one
    ],
    ids=["same-workup", "rna-after", "rna-detected", "antibody-alone", "rna-long-before", "latest-rna",
         "rna-disagree", "negative", "rna-negative-alone", "coded"],
)
def test_hepatitis_c_is_over_when_the_rna_of_its_work_up_is_negative(resources, current, history):
    record = facts(*resources)
    assert decide(HCV, record).outcome is current
    assert decide(EXPOSURE, record).outcome is history


def test_an_undated_rna_leaves_hepatitis_c_open():
    record = facts(antibody(True), rna(False, when=None))  # type: ignore[arg-type]
    assert decide(HCV, record).outcome is UNKNOWN


def test_the_cleared_event_is_dated_by_the_rna():
    record = facts(antibody(True), rna(False, "2026-11-10"))
    (event,) = record.events["hcv_cleared"]
    assert str(event.date) == "2026-11-10" and event.active

