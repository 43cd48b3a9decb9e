"""The one reader of a corticosteroid dose (parser.prednisone_dose), which the steroid beside its
dose (topics.events), a dose taken for a condition (purpose_dose) and a steroid permitted up to a
cap (steroid_dose_permits) all use. Each had its own comparator words before: "no more than",
"not exceed", "maximum dose of" and "in excess of prednisone 20 mg" were caps in one and a floor
("more than", or no comparator at all: ">=") in another.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.prednisone_dose import DOSE, blank_caps, caps, dose_op, names_prednisone
from tests.fixtures.judging import rule_of

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

# (text, op, milligrams)
DOSES = [
    ("> 10 mg/day", Op.GT, 10.0),
    ("greater than the equivalent of 10 mg", Op.GT, 10.0),
    ("in excess of prednisone 20mg/day", Op.GT, 20.0),
    ("≥ 10 mg of prednisone per day", Op.GTE, 10.0),
    ("20 mg or more", Op.GTE, 20.0),
    ("10 mg daily", Op.GTE, 10.0),
    ("no more than 15 mg/day of prednisone", Op.LTE, 15.0),
    ("not exceeding 10 mg", Op.LTE, 10.0),
    ("should not exceed the equivalent of 160 mg", Op.LTE, 160.0),
    ("a maximum dose of 20 mg prednisone", Op.LTE, 20.0),
    ("up to 7.5 mg", Op.LTE, 7.5),
    ("≤ 5 mg/day of prednisone", Op.LTE, 5.0),
    ("less than 21 mg of oral prednisone daily", Op.LT, 21.0),
    ("fewer than 21 mg", Op.LT, 21.0),
]


@pytest.mark.parametrize("text,op,n", DOSES)
def test_a_dose_is_its_comparator_and_milligrams(text, op, n):
    m = DOSE.search(text)
    assert m is not None and (dose_op(m), float(m.group("n"))) == (op, n)


def test_a_cap_is_an_upper_bound_per_day_of_the_whole_patient():
    assert [m.group("n") for m in caps("≤ 10 mg/day; > 20 mg; ≤ 1 mg/kg; 5 mg")] == ["10"]


def test_blanking_the_caps_keeps_the_words_around_them():
    assert " ".join(blank_caps("prednisone ≤ 10 mg/day allowed").split()) == "prednisone allowed"


def test_the_steroid_after_a_dose_is_named():
    m = DOSE.search("< 1.5 mg of dexamethasone/day")
    assert m is not None and not names_prednisone(m)
    m = DOSE.search("≤ 5 mg/day of prednisone")
    assert m is not None and names_prednisone(m)


# another steroid's milligrams are no prednisone equivalent (1.5 mg of dexamethasone is about 10
# mg of prednisone), and a cap a permission sets is not asked of the steroid: neither is a bound
NOT_A_BOUND = [
    ("Patients with known brain metastases must be on < 1.5 mg of dexamethasone/day", INC),
    ("Patients may be receiving prednisone at a maximum dose of 10 mg/day orally, provided the dose has been stable during the prior two weeks", EXC),
]


@pytest.mark.parametrize("text,ctype", NOT_A_BOUND, ids=[r[0][:45] for r in NOT_A_BOUND])
def test_no_prednisone_bound_is_read_where_the_dose_is_not_one(text, ctype):
    assert "steroid-dose" not in rule_of(text, ctype)


LINES = [
    ("Chronic use of steroids in excess of prednisone 20mg/day or its equivalent", EXC, "steroid-therapy and steroid-dose > 20.0 mg/d"),
    ("No use of systemic steroids greater than the equivalent of 10 mg of prednisone/prednisolone per day within 4 weeks prior to enrollment", INC,
     "not (steroid-therapy within 4 weeks and steroid-dose > 10.0 mg/d)"),
    ("Must be on less than 21 mg of oral prednisone daily for GVHD", INC, "not GVHD or not steroid-therapy within 14 days or steroid-dose < 21.0 mg/d"),
    ("Prednisone (≤ 10 mg per day) allowed", INC, "not steroid-therapy within 14 days or steroid-dose <= 10.0 mg/d"),
]


@pytest.mark.parametrize("text,ctype,rule", LINES, ids=[r[0][:45] for r in LINES])
def test_each_reader_reads_the_dose_the_same_way(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def test_the_dose_pattern_is_bounded_on_hostile_input():
    for hostile in ("no more than " * 2000, "10 mg " * 4000, "≤ the equivalent of prednisone " * 800, "1 mg / kg per day of oral " * 900):
        started = time.perf_counter()
        list(DOSE.finditer(hostile[:20000]))
        assert time.perf_counter() - started < 1.0
