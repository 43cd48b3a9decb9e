"""An inclusion's "including" list whose every example is a kind of the disease before it
(parser/subtype_examples.py): the list admits nothing the head does not, so the head decides.
Real corpus lines (NCT02728700, NCT01220297); a list naming something that is no kind of the head
("MDS including CMML") still widens the line, and one no topic reads stays a review.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.items import Item
from rules_engine.parser.subtype_examples import among_head
from rules_engine.parser.topics.events import event_items
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

MPN_MF = "Myeloproliferative disorders including myeloid metaplasia and myelofibrosis"  # NCT02728700

READINGS = [
    (MPN_MF, "MPN"),
    ("Myeloproliferative neoplasms including polycythemia vera and essential thrombocythemia", "MPN"),
    # (CMML is no MDS: the list widens the line)
    ("MDS including CMML", "MDS or CMML"),
    # (a name no topic reads may be no kind of the head)
    ("Lymphoma including Castleman disease", 'lymphoma and review unparsed "including Castleman disease"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:40] for r in READINGS])
def test_the_examples_of_a_kind_add_nothing_to_the_head(text, rule):
    assert rule_of(text) == rule


ROWS = [
    (MPN_MF, INC, (adult(condition("myelofibrosis")), adult(condition("polycythemia_vera"))), (adult(condition("aml")), adult()), ()),
    ("MDS including CMML", INC, (adult(condition("mds")), adult(condition("cmml"))), (adult(condition("aml")),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_hostile_input_is_read_in_bounded_time():
    text = ("myelofibrosis including ( myeloid metaplasia and/or " * 400)[:20000]
    head = Item(0, 13, event_items("myelofibrosis", EXC)[0].expr, frozenset({"myelofibrosis"}))
    start = time.perf_counter()
    among_head([], head, text, 14, len(text))
    assert time.perf_counter() - start < 1.0


def test_a_therapy_list_is_not_read_as_kinds():
    # (what "including" names under a therapy may be required: NCT01278810's line keeps its examples)
    rule = rule_of("Received at least once anti-cancer treatment (including chemotherapy, radiotherapy, biological or endocrine treatment).")
    assert "including chemotherapy" in rule
