"""The trial's own disease, when its inclusion lines name it only as the patients a condition is
for ("Patients with MDS must have IPSS ..."): read as the trial's own as a fallback, so another
malignancy beside it is decided rather than "may be the trial's own"
(rules_engine/parser/topics/conditioned_diseases.py)."""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.coded import trial_diseases
from rules_engine.parser.topics.conditioned_diseases import _NOT_THE_POPULATION, POPULATION_HEADING

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize(
    ("lines", "own"),
    [
        # the disease a top-level inclusion sets a condition for
        ([(INC, "Patients with MDS must have IPSS score that falls in the intermediate or high risk disease"), (EXC, "Diagnosis of another malignancy")], ("mds",)),
        # ... under a target-population heading
        (
            [(INC, "Target Population:"), (INC, "Patients with CML with known inadequate response to TKIs will be considered for this study", 0), (EXC, "Other active malignancy")],
            ("cml",),
        ),
        # a disease the lines require wins over one a condition names
        ([(INC, "Diagnosis of AML"), (INC, "Patients with MDS must have IPSS score that falls in the intermediate or high risk disease")], ("aml",)),
        # a past or another cancer is not the trial's population
        ([(INC, "Patients with a prior MDS must have IPSS score that falls in the intermediate or high risk disease")], None),
        ([(INC, "Patients with secondary AML must have 20% blasts")], None),
        # an exclusion's condition is not the trial's population
        ([(EXC, "Patients with MDS must have IPSS score that falls in the intermediate or high risk disease")], None),
        # nor a condition under a heading of another subject
        ([(INC, "Laboratory values:"), (INC, "Patients with AML must have 20% blasts", 0)], None),
    ],
)
def test_a_disease_named_only_as_a_conditions_patients_is_the_trials_own(lines: list[tuple], own: tuple[str, ...] | None) -> None:
    assert trial_diseases(parse_lines(lines)) == own


def test_another_malignancy_beside_it_counts_every_cancer_but_the_trials() -> None:
    lines = parse_lines([(INC, "Patients with MDS must have IPSS score that falls in the intermediate or high risk disease"), (EXC, "Diagnosis of another malignancy")])
    other = next(p for p in iter_predicates(lines[1].expr) if p.concept == "other_malignancy")
    assert other.value is not None and "mds" in other.value


@pytest.mark.parametrize("pattern", [_NOT_THE_POPULATION, POPULATION_HEADING])
def test_the_patterns_answer_adversarial_input_within_50_ms(pattern: re.Pattern[str]) -> None:
    for text in ("prior " * 5000, "target " * 3000 + "population" + "x" * 5000, "a" * 50000, " " * 20000 + "!"):
        start = time.perf_counter()
        pattern.search(text)
        pattern.match(text)
        assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
