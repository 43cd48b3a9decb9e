"""An unbulleted criterion written left of the bulleted list around it is the list's sibling, not
the heading of the bullets after it; a label over them still heads them
(rules_engine.parser.interrupting_lines, sections._is_note)."""

from __future__ import annotations

import time

import pytest

from rules_engine.parser.interrupting_lines import criterion_sentence
from rules_engine.parser.sections import split_criteria


def _text(paragraph: str) -> str:
    return (
        "Exclusion Criteria:\n\n"
        "          -  Prior history of malignancies, other than multiple myeloma\n\n"
        f"        {paragraph}\n\n"
        "          -  Patients with known HIV positivity.\n\n"
        "          -  Patients with prior use of lenalidomide\n"
    )


@pytest.mark.parametrize("paragraph", [
    "Absolute neutrophil count (ANC) < 1,000cells/mL Platelet count < 75,000/mL Serum creatinine > 2.5 mg/dL",
    "Patients 18 years and older (Adult population): Serum creatinine <1.0 mg/dL; if serum creatinine >1.0 mg/dL, then the GFR must be >60 mL/min/1.73 m2",
    "Cardiac angioplasty or stenting Myocardial infarction Unstable angina Coronary artery bypass graft surgery Symptomatic peripheral vascular disease",
    "considered by his or her physician to have a 2 year survival expectation",
])
def test_a_criterion_left_of_the_list_heads_nothing(paragraph: str) -> None:
    lines = split_criteria(_text(paragraph))
    assert [line.parent for line in lines] == [None, None, None, None]


@pytest.mark.parametrize("paragraph", [
    "Renal",
    "Cohort II",
    "For Patients with Leukemia (Part B only)",
    "Organ Function Requirements Adequate Bone Marrow Function Defined As",
])
def test_a_label_left_of_the_list_still_heads_the_bullets_after_it(paragraph: str) -> None:
    lines = split_criteria(_text(paragraph))
    assert [line.parent for line in lines] == [None, None, 1, 1]


def test_the_check_is_fast_on_hostile_text() -> None:
    text = "at least " * 5000 + "of" * 3000
    start = time.perf_counter()
    criterion_sentence(text)
    assert time.perf_counter() - start < 0.5
