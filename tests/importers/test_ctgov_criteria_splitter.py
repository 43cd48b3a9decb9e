"""split_ctgov_criteria: eligibilityCriteria text through the one splitter (rules_engine.parser.sections)."""

from __future__ import annotations

import pytest

from trials.importers import split_ctgov_criteria
from trials.records import CriterionLine

I, E = "inclusion", "exclusion"

CASES = [
    (
        "headings set the type and bullets are removed",
        "Inclusion Criteria:\n\n* Adults\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Pregnancy",
        [(I, "Adults", None, 3), (I, "ECOG 0-1", None, 4), (E, "Pregnancy", None, 8)],
    ),
    (
        "numbered and dashed bullets, escaped or not",
        "Inclusion Criteria:\n1. One\n2\\. Two\n- Three\n\\- Four\n3) Five",
        [(I, "One", None, 2), (I, "Two", None, 3), (I, "Three", None, 4), (I, "Four", None, 5), (I, "Five", None, 6)],
    ),
    (
        "deeper indentation makes a child of the line above",
        "Inclusion Criteria:\n* Adequate organ function:\n  * ANC ≥1.5\n  * Platelets ≥100\n* Consent",
        [(I, "Adequate organ function:", None, 2), (I, "ANC ≥1.5", 0, 3), (I, "Platelets ≥100", 0, 4), (I, "Consent", None, 5)],
    ),
    (
        "two levels of nesting",
        "Exclusion Criteria:\n* A\n  * B\n    * C\n  * D",
        [(E, "A", None, 2), (E, "B", 0, 3), (E, "C", 1, 4), (E, "D", 0, 5)],
    ),
    (
        "a plain line ending in ':' heads the bullets after it; a plain type heading only sets the type",
        "Exclusion Criteria:\nDisease-specific exclusion criteria:\n* Brain metastases\n* ILD\nOther exclusion criteria:\n* Pregnancy",
        [(E, "Disease-specific exclusion criteria:", None, 2), (E, "Brain metastases", 0, 3), (E, "ILD", 0, 4), (E, "Pregnancy", None, 6)],
    ),
    (
        "the API's escapes are removed",
        "Inclusion Criteria:\n* ANC \\> 1.5 x 10\\^9/L\n* Age \\>\\= 18",
        [(I, "ANC > 1.5 x 10^9/L", None, 2), (I, "Age >= 18", None, 3)],
    ),
    (
        "lines before any heading count as inclusion",
        "Age 18 or over\n\nExclusion Criteria:\n* Pregnancy",
        [(I, "Age 18 or over", None, 1), (E, "Pregnancy", None, 4)],
    ),
    (
        "'Key' headings and headings without 'Criteria' or colon",
        "Key Inclusion Criteria:\n* A\nExclusion:\n* B\nInclusion Criteria\n* C",
        [(I, "A", None, 2), (E, "B", None, 4), (I, "C", None, 6)],
    ),
    (
        "a bare bullet carries nothing and is skipped",
        "Exclusion Criteria:\n* A\n\\-\n* B",
        [(E, "A", None, 2), (E, "B", None, 4)],
    ),
    (
        "a plain line is kept whole, numbers inside it included",
        "Inclusion Criteria:\n1.18 ≤ age. 2. Histology confirmed",
        [(I, "1.18 ≤ age. 2. Histology confirmed", None, 2)],
    ),
    ("empty text gives no lines", "", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_split_ctgov_criteria(text, expected):
    assert split_ctgov_criteria(text) == tuple(CriterionLine(*row) for row in expected)


def test_corpus_criteria_split_into_the_same_totals(ctgov_corpus):
    """Pins the splitter's output on the real corpus, so a change shows up as a diff."""
    lines = [
        line
        for study in ctgov_corpus
        for line in split_ctgov_criteria(study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
    ]
    assert (len(lines), sum(c.type == I for c in lines), sum(c.parent is not None for c in lines)) == (2394, 1086, 506)


def test_corpus_criterion_parents_point_backwards(ctgov_corpus):
    for study in ctgov_corpus:
        lines = split_ctgov_criteria(study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"])
        for index, line in enumerate(lines):
            assert line.parent is None or 0 <= line.parent < index
            assert line.parent is None or lines[line.parent].type == line.type
