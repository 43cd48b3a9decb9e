""" "Previously untreated <disease>" is no therapy for that disease (``topics.untreated_since``): a
therapy beside an earlier disease on record (an MDS, another cancer) may have been that disease's,
and leaves the line open (unknown, never a review: the trial is possibly eligible, never eligible);
a therapy with no earlier disease beside it still fails the line. A condition ("if untreated AML,
...") and an exclusion are read as before. Rows are corpus wordings; both evaluators must agree."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Criterion, CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.items import predicates
from rules_engine.parser.topics.untreated_since import _UNTREATED_WORDS, EARLIER
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

DE_NOVO = adult(condition("aml", 20))
INDUCED = adult(condition("aml", 40), medication("chemotherapy", 10))
AFTER_MDS_AZA = adult(
    condition("aml", 20), condition("mds", 300, active=False), medication("hypomethylating_agent", 120)
)
AFTER_BREAST_CHEMO = adult(
    condition("aml", 20), condition("breast_cancer", 1700, active=False), medication("chemotherapy", 1500)
)
APL_INDUCED = adult(condition("apl", 40), medication("chemotherapy", 10))

ROWS = [
    ("Previously untreated AML", I, [DE_NOVO], [INDUCED, APL_INDUCED], [AFTER_MDS_AZA, AFTER_BREAST_CHEMO]),
    (
        "Newly diagnosed, previously untreated, cytologically/histologically confirmed de novo or secondary AML according to World Health "
        "Organization (WHO) classification",
        I,
        [DE_NOVO],
        [INDUCED],
        [AFTER_MDS_AZA, AFTER_BREAST_CHEMO],
    ),
    ("Patients with untreated acute myeloid leukemia", I, [DE_NOVO], [INDUCED], [AFTER_MDS_AZA, AFTER_BREAST_CHEMO]),
    # the earlier disease is one the line names: its therapy is no other disease's
    ("Previously untreated AML or MDS", I, [DE_NOVO], [INDUCED, AFTER_MDS_AZA], [AFTER_BREAST_CHEMO]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_untreated_is_no_therapy_for_the_named_disease(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("facts", [AFTER_MDS_AZA, AFTER_BREAST_CHEMO], ids=["after-mds", "after-breast-cancer"])
def test_an_open_untreated_line_is_no_review(facts: PatientFacts) -> None:
    """Whether the therapy was the earlier disease's is a question about this patient: unknown
    without the review flag, so the trial is possibly eligible, never eligible."""
    trial = TrialCriteria("t", 1, (parse_line("Previously untreated AML", I),))
    found = evaluate_reference(trial, facts, AS_OF)
    assert found.criteria[0].outcome is Outcome.UNKNOWN and not found.criteria[0].review
    assert found.eligibility == "possibly_eligible"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("If untreated AML, patient is older than 60 years old", I),  # a condition: not widened
        ("Previously untreated AML", E),  # an exclusion
        ("Patients must be previously untreated", I),  # no disease named
        ("No prior anticancer therapy for AML", I),  # no "untreated" words
    ],
    ids=["condition", "exclusion", "no-disease", "no-untreated-words"],
)
def test_lines_the_reading_leaves_as_they_were(text: str, kind: CriterionType) -> None:
    c: Criterion = parse_line(text, kind)
    assert EARLIER not in {p.concept for p in predicates(c.expr)}


def test_the_untreated_words_pattern_is_fast_on_adversarial_input() -> None:
    text = "previously " * 3000 + "treatment- " * 3000 + "chemo naiv" * 2000
    start = time.perf_counter()
    list(_UNTREATED_WORDS.finditer(text))
    assert time.perf_counter() - start < 0.2
