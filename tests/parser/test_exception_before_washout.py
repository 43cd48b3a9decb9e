"""Exceptions and notes inside a prior-therapy or prose line that were read as requirements.

- "aside from" / "apart from" are exception words ("other than");
- an exception written between a prior therapy and the washout asked of it in words ("Prior
  chemotherapy or TKI treatment, aside from dasatinib, must be >= 7 days before first dose") is
  said after the washout, and an unread exception of a therapy's absence widens it: a patient on
  the excepted drug is a person's to judge, one whose recent TKI was another drug still fails;
- "They could have received ..." permits, as "may have received" does;
- "<term> is defined by <words>" in a longer inclusion is how the trial judges the term, not a
  requirement that every patient have it;
- "Patients older than 60 who ..." bounds an age in years.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

TKI_LINE = (
    "Prior chemotherapy or tyrosine kinase inhibitor (TKI) treatment, aside from dasatinib, must be >= 7 days before first "
    "investigational agent dose"
)
CHEMO_LINE = "Prior chemotherapy, except hydroxyurea, must be >= 7 days before first dose"


def _drug(name: str, days_ago: int) -> tuple:
    """A TKI as the intake writes it: its class and its own words."""
    return (medication("targeted_therapy", days_ago), medication("named_medication", days_ago, quote=name, words=name))


ON_DASATINIB = adult(*_drug("dasatinib", 2))
IMATINIB_3_DAYS = adult(*_drug("imatinib", 3))
IMATINIB_30_DAYS = adult(*_drug("imatinib", 30))
CHEMO_3_DAYS = adult(medication("chemotherapy", 3))

ROWS = [
    (TKI_LINE, I, [adult(), IMATINIB_30_DAYS], [IMATINIB_3_DAYS, CHEMO_3_DAYS], [ON_DASATINIB]),
    (CHEMO_LINE, I, [adult(), adult(medication("chemotherapy", 30))], [CHEMO_3_DAYS], []),
    # the excepted drug beside another recent TKI: never cleared outright
    (
        "Prior TKI treatment, except dasatinib or nilotinib, must be >= 7 days before first dose",
        I,
        [adult()],
        [IMATINIB_3_DAYS],
        [ON_DASATINIB, adult(*_drug("dasatinib", 2), *_drug("imatinib", 3))],
    ),
    # a therapy excepted widens only the washout of its own kind
    (
        "All prior chemotherapy or surgery (except for minor surgical procedures) must be discontinued at least 4 weeks prior to "
        "first dose.",
        I,
        [adult()],
        [CHEMO_3_DAYS],
        [adult(procedure("surgery", 3))],
    ),
    # a toxicity excepted is the recovery's, never the washout's
    (
        "Patients must be >=3 weeks since last chemotherapy, and recovered from all acute toxicities, with the exception of alopecia.",
        I,
        [],
        [CHEMO_3_DAYS],
        [adult()],
    ),
    # "could have received" permits: nothing is asked of a patient without the history
    (
        "They could have received hypomethylating agents, transfusions, hematopoietic growth factors or vitamins.",
        I,
        [adult(), adult(medication("growth_factor", 10))],
        [],
        [],
    ),
    # a definition sentence: the term is not asked of everyone
    (
        "Age >= 18 years. Controlled CNS leukemia is defined by the absence of active clinical signs of CNS disease and no evidence of "
        "CNS leukemia on the most recent 2 simultaneous CSF evaluations.",
        I,
        [adult()],
        [],
        [adult(condition("cns_involvement", 30))],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_exception_or_note_never_becomes_a_requirement(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prior anti-tumor therapy apart from radiation therapy",
            "Prior anti-tumor therapy other than radiation therapy",
        ),
        (
            "History of other malignancy (aside from basal cell carcinoma)",
            "History of other malignancy (other than basal cell carcinoma)",
        ),
        (CHEMO_LINE, "Prior chemotherapy must be ≥ 7 days before first dose, except hydroxyurea"),
        ("Patients older than 60 who are fit are eligible", "Patients > 60 years who are fit are eligible"),
        ("Karnofsky >= 70% for patients < 60.", "Karnofsky ≥ 70% for patients < 60 years."),
        # a number with its own unit is no age
        ("patients over 60 kg", "patients > 60 kg"),
        ("patients < 60 years", "patients < 60 years"),
    ],
)
def test_normalized(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # an alternative for a patient older than 60, never for a child
        (
            "Patients aged 15 to 60 years are eligible. Patients older than 60 who are deemed fit to receive intensive chemotherapy are "
            "eligible after discussion with the PI.",
            I,
            'age between 15 and 60 years or (age > 60 years and review "Patients > 60 years who are deemed fit to receive intensive '
            'chemotherapy are eligible after discussion with the PI")',
        ),
        # a definition with a limit of its own is read as the limit
        (
            "Age >= 18 years. Adequate organ function is defined as bilirubin < 2 mg/dL.",
            I,
            "age >= 18 years and bilirubin < 2 mg/dL",
        ),
        # a definition of a term the line already asked adds nothing
        (
            "have measurable disease. Measurable disease is defined as the presence of at least one measurable lesion.",
            I,
            "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 4 weeks)",
        ),
        # an exception of a presence still narrows it
        ("Prior chemotherapy (except hydroxyurea)", E, "chemotherapy other than (hydroxyurea)"),
    ],
)
def test_read_as(text: str, kind: CriterionType, expected: str) -> None:
    assert rule_of(text, kind) == expected


def test_the_new_patterns_are_bounded_on_hostile_text() -> None:
    hostile = [
        "Prior " + "chemotherapy or " * 3000 + ", except " + "x " * 3000,
        "patients older than " * 3000,
        "Therapy is defined by " + "the absence of " * 3000,
    ]
    for text in hostile:
        started = time.perf_counter()
        normalize(text)
        parse_line(text[:7000], I)
        assert time.perf_counter() - started < 2.0
