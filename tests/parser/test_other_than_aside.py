""""Prior history of malignancies, other than multiple myeloma, unless the subject has been free
of the disease for >= 3 years" (myeloma trials): the "other than" set off by commas was read as
the line's exception, the "unless" joined it and its window dated the trial's own disease, so
the line read "not multiple myeloma within 3 years" and a myeloma patient diagnosed within three
years with another active cancer was answered not met (eligible). The named cancer now goes
with the malignancy and the "unless" stays a person's. A list after the comma ("other than MDS,
CMML, AML, multiple myeloma, ...") is left as it was: read as the malignancy's, its items became
alternatives that excluded every myeloma patient."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from tests.fixtures.judging import judged
from tests.fixtures.records import age, condition, record, sex

MM_AND_RECENT_CANCER = record(age(60), sex("female"), condition("multiple_myeloma", 200), condition("breast_cancer", 365))

LINES = [
    "Prior history of malignancies, other than multiple myeloma, unless the subject has been free of the disease for >= 3 years.",
    "Prior history of malignancies, other than MM, unless the subject has been free of the disease for ≥5 years.",
    "History of malignancies, other than Diffuse Large B-Cell Lymphoma, unless the patient has been disease free for 5 years or more",
]


@pytest.mark.parametrize("text", LINES, ids=[t[:50] for t in LINES])
def test_another_recent_cancer_is_never_cleared_by_the_trials_own_disease(text):
    assert judged(parse_line(text, CriterionType.EXCLUSION), MM_AND_RECENT_CANCER) is not Outcome.NOT_MET


def test_the_unless_is_no_window_on_the_trials_own_disease():
    dated = [p for p in iter_predicates(parse_line(LINES[0], CriterionType.EXCLUSION).expr) if p.concept == "multiple_myeloma" and p.window is not None]
    assert dated == []
