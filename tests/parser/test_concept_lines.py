"""Concept lines read in the shapes registries write them (issue 14, the concepts class of
misreads), each decided on records: met, not met, unknown.

Every row is a line of the shapes mined from ``../shared/corpus`` (paraphrased, not one sentence),
parsed inside a small trial whose inclusion line names the trial's own disease when the row needs
one, and evaluated by the reference evaluator on a fixed date.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
ALL_TRIAL = "Relapsed or refractory B-cell acute lymphoblastic leukemia"
NSCLC_TRIAL = "Histologically confirmed non-small cell lung cancer"


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def facts(sex: str = "male", **events: tuple[int | None, bool]) -> PatientFacts:
    """Events by concept: (days ago or None for undated, active)."""
    evs = {c: (Event(c, None if d is None else ago(d), active, {}),) for c, (d, active) in events.items()}
    return PatientFacts(date(1980, 1, 1), sex, {}, evs)


def with_measurements(base: PatientFacts, **values: float) -> PatientFacts:
    ms = {c: (Measurement(c, v, None, ago(5)),) for c, v in values.items()}
    return PatientFacts(base.birth_date, base.sex, ms, base.events)


def decide(lines: list[tuple[CriterionType, str]], record: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines(lines))
    return evaluate_reference(trial, record, AS_OF).criteria[-1].outcome


OWN_ALL = dict(b_all=(100, True))
OWN_NSCLC = dict(nsclc=(100, True))

# (trial's own inclusion line, the line, the record, expected)
MALIGNANCY_ROWS = [
    # "malignancy other than <the trial's disease>": the named disease never counts
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL), NOT_MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL, breast_cancer=(700, True)), MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL, breast_cancer=(3000, False)), NOT_MET),
    (NSCLC_TRIAL, "Malignancies other than NSCLC within 5 years prior to randomization", facts(**OWN_NSCLC, prostate_cancer=(400, False)), MET),
    # "... other than <an exception>": the excepted cancer does not count, any other does
    (NSCLC_TRIAL, "Prior malignancy other than non-melanoma skin cancer or carcinoma in situ of the cervix",
     facts(**OWN_NSCLC, nonmelanoma_skin_cancer=(400, True)), NOT_MET),
    (NSCLC_TRIAL, "Prior malignancy other than non-melanoma skin cancer or carcinoma in situ of the cervix",
     facts(**OWN_NSCLC, melanoma=(400, True)), MET),
    # "tumor history", "history of malignant tumors", "malignancy within N years"
    (NSCLC_TRIAL, "Any tumor history within the past 5 years", facts(**OWN_NSCLC, breast_cancer=(700, False)), MET),
    (NSCLC_TRIAL, "Any tumor history within the past 5 years", facts(**OWN_NSCLC), NOT_MET),
    (NSCLC_TRIAL, "History of malignant tumors within 3 years", facts(**OWN_NSCLC, breast_cancer=(2000, False)), NOT_MET),
    (NSCLC_TRIAL, "Malignancy within 3 years before enrollment", facts(**OWN_NSCLC, breast_cancer=(500, False)), MET),
    # an exception for cancers no longer active: an active one still excludes, an inactive one may be excepted
    (ALL_TRIAL, "Malignancy other than ALL within 5 years, except for adequately treated cancers without evidence of disease",
     facts(**OWN_ALL, breast_cancer=(700, True)), MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years, except for adequately treated cancers without evidence of disease",
     facts(**OWN_ALL, breast_cancer=(700, False)), UNKNOWN),
    (ALL_TRIAL, "Other malignancy within 3 years unless cured", facts(**OWN_ALL, colorectal_cancer=(300, True)), MET),
    # the study drug as the point a window is counted back from is not a prior therapy
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before blinatumomab treatment",
     facts(**OWN_ALL, cd19_directed_therapy=(30, True)), NOT_MET),
]


@pytest.mark.parametrize("own, line, record, expected", MALIGNANCY_ROWS, ids=[f"{r[1][:40]}-{r[3]}" for r in MALIGNANCY_ROWS])
def test_another_malignancy_in_the_shapes_registries_write(own, line, record, expected):
    assert decide([(I, own), (E, line)], record) is expected
