"""An intolerance written "of" its products, or with a failure beside it (topics.events' allergy
reading, issue 14): "Previous history of intolerance of bortezomib or perifosine", "No prior
intolerance or unresponsiveness to sirolimus". An allergy to a named product on record decides;
a patient who took the drug is a person's to judge for its "unresponsiveness" (never met on the
line's strength); one who never took it and has no allergy to it meets the line. Words after
"of" that name no product ("or toxicity necessitating dose modification") keep the line unread.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import allergy, healthy, medication

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

OF_LIST = "Previous history of intolerance of bortezomib or perifosine."
UNRESPONSIVE = "No prior intolerance or unresponsiveness to sirolimus"


# (line, type, met, not met, unknown)
ROWS = [
    (OF_LIST, EXC, (healthy(allergy("bortezomib")), healthy(allergy("perifosine"))), (healthy(), healthy(allergy("penicillin"))), ()),
    (UNRESPONSIVE, INC, (healthy(), healthy(allergy("penicillin")), healthy(medication("named_medication", 100, quote="tacrolimus 1 mg"))),
     (healthy(allergy("sirolimus")),), (healthy(medication("named_medication", 100, quote="sirolimus 2 mg")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_named_products_decide(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,rule", [
    (OF_LIST, "drug-hypersensitivity is bortezomib or drug-hypersensitivity is perifosine"),
    ("History of hypersensitivity of lenalidomide or thalidomide", "drug-hypersensitivity is lenalidomide or drug-hypersensitivity is thalidomide"),
    (UNRESPONSIVE, 'drug-hypersensitivity is sirolimus or (named-medication is sirolimus and review ambiguous "unresponsiveness to it, not an intolerance")'),
])
def test_the_reading_names_each_product(text, rule):
    assert rule_of(text, EXC) == rule


@pytest.mark.parametrize("text", [
    "No prior intolerance of imatinib mesylate or toxicity necessitating dose modification",
    "Progression on, or intolerance of, or ineligibility for all standard therapies",
])
def test_words_after_of_that_name_no_product_are_no_allergy(text):
    assert "drug-hypersensitivity is" not in rule_of(text, EXC)


def test_an_adversarial_line_reads_in_well_under_a_second():
    import time

    from rules_engine.parser.topics.events import _ALLERGY_TO

    for line in ("intolerance or unresponsiveness " * 650 + "to x", "hypersensitivity of " * 1000 + "x", "intolerance of bortezomib or " * 700):
        assert len(line) > 15_000
        start = time.perf_counter()
        list(_ALLERGY_TO.finditer(line))
        assert time.perf_counter() - start < 1.0
