"""The drugs a bleeding exclusion permits by name (parser.permitted_drugs, issue 14, rx5).

"Patient must not receive drugs that interfere with coagulation or inhibits platelet function,
with the exception of aspirin <= 150 mg per day or low molecular weight heparin" (holdout T315):
warfarin, apixaban and clopidogrel are excluded, aspirin 325 mg a day is over the permitted dose,
aspirin 81 mg and enoxaparin are what the exception permits. An aspirin whose dose is not on
record, or a "low-dose" the words leave unnumbered, is a person's to weigh (never cleared).

The intake records an enoxaparin as a low molecular weight heparin and, by the class row, as an
anticoagulant too (aspirin likewise as an antiplatelet): the class's own record beside the kind
may be a second drug (``derive.wider_record_decides``), so such a patient is left to a person
(unknown), never cleared; a record holding the kind alone is cleared.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.permitted_drugs import permitted_drugs
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, lab, medication

EXC = CriterionType.EXCLUSION

T315 = ("Patient must not receive drugs that interfere with coagulation or inhibits platelet function, with the exception of "
        "aspirin ≤ 150 mg per day or low molecular weight heparin.")
LMWH_ONLY = "Patients receiving anticoagulants, with the exception of low molecular weight heparin"
ASPIRIN_ONLY = "Use of antiplatelet agents other than aspirin ≤ 100 mg daily"
LOW_DOSE = "Concurrent antiplatelet agents except low-dose aspirin"


def aspirin(mg: float | None):
    taken = medication("aspirin_therapy", 5)
    return (taken,) if mg is None else (taken, lab("aspirin_dose", mg, "mg/d", days_ago=5))


def as_the_intake_writes(*parts):
    """The kind with its class's own record beside it (the class row reads the same drug)."""
    kinds = {"aspirin_therapy": "antiplatelet_therapy", "low_molecular_weight_heparin": "anticoagulant_therapy"}
    more = [medication(kinds[p.event.concept], 5) for p in parts if p.event is not None and p.event.concept in kinds]
    return (*parts, *more)


# (line, type, met, not met, unknown)
ROWS = [
    (T315, EXC,
     (healthy(medication("vitamin_k_antagonist", 1)), healthy(medication("anticoagulant_therapy", 1)),
      healthy(medication("antiplatelet_therapy", 1)), healthy(*aspirin(325)),
      healthy(medication("low_molecular_weight_heparin", 1), medication("vitamin_k_antagonist", 1))),
     (healthy(), healthy(*aspirin(81)), healthy(*aspirin(150)), healthy(medication("low_molecular_weight_heparin", 1)),
      healthy(medication("low_molecular_weight_heparin", 1), *aspirin(81))),
     (healthy(*aspirin(None)), healthy(*as_the_intake_writes(*aspirin(81))),
      healthy(*as_the_intake_writes(medication("low_molecular_weight_heparin", 1))))),
    (T315, EXC, (healthy(*as_the_intake_writes(*aspirin(325))),), (), ()),
    (LMWH_ONLY, EXC, (healthy(medication("vitamin_k_antagonist", 1)), healthy(medication("anticoagulant_therapy", 1))),
     (healthy(), healthy(medication("low_molecular_weight_heparin", 1))), ()),
    (ASPIRIN_ONLY, EXC, (healthy(medication("antiplatelet_therapy", 1)), healthy(*aspirin(101))),
     (healthy(), healthy(*aspirin(100))), (healthy(*aspirin(None)),)),
    (LOW_DOSE, EXC, (healthy(medication("antiplatelet_therapy", 1)),), (healthy(),), (healthy(*aspirin(81)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_permitted_drug_is_excepted_and_nothing_else(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,rule", [
    (T315, "anticoagulant-therapy other than (low-molecular-weight-heparin) or antiplatelet-therapy other than (aspirin-therapy) "
           "or (aspirin-therapy and not aspirin-dose <= 150 mg/d)"),
    (LMWH_ONLY, "anticoagulant-therapy other than (low-molecular-weight-heparin) within 14 days"),
    ("Use of antiplatelet agents other than aspirin < 100 mg/day", "antiplatelet-therapy other than (aspirin-therapy) or (aspirin-therapy and not aspirin-dose < 100 mg/d)"),
])
def test_the_reading_names_the_permitted_kinds_and_the_dose(text, rule):
    assert rule_of(text, EXC) == rule


@pytest.mark.parametrize("body,read", [
    ("aspirin ≤ 150 mg per day or low molecular weight heparin", True),
    ("low-dose aspirin", True),
    ("LMWH", True),
    ("aspirin (at doses up to 100 mg/day)", True),
    ("aspirin or low molecular weight heparin for catheter patency", False),  # more than the drugs: the exception grammar's
    ("prophylactic heparin", False),
    ("ibuprofen", False),
])
def test_only_an_exception_naming_permitted_drugs_alone_is_read_here(body, read):
    assert (permitted_drugs(body) is not None) is read


def test_an_adversarial_list_reads_in_50_ms():
    bodies = ["aspirin ≤ 150 mg, " * 40 + "x", "low-dose " * 2000 + "aspirin (" + " " * 2000, "low " * 3000 + "molecular weight"]
    start = time.perf_counter()
    assert all(permitted_drugs(body) is None for body in bodies)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
