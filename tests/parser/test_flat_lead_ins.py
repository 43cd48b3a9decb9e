"""A lead-in whose list the registry flattened to its own level ("... as defined below:" then
"leukocytes >3,000/mcL", ... as siblings): the lead-in asks nothing beyond the lines after it,
which are read and asked each (rules_engine.parser.flat_lead_ins). Where its words could change
what those lines mean, or no line follows it, it stays a review."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Criterion, CriterionType, NoRequirement, Not, Review, ReviewReason, TrialCriteria
from rules_engine.outcome import Eligibility
from rules_engine.parser import parse_lines
from rules_engine.parser import flat_lead_ins
from rules_engine.parser.flat_lead_ins import is_flat_lead_in
from rules_engine.parser.line import parse_line
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION


def _lead(ctype: CriterionType, text: str, following: str = "Platelets > 100,000/mcL") -> bool:
    return is_flat_lead_in(parse_line(text, ctype), (ctype, following, None))


@pytest.mark.parametrize("ctype, text, lead_in", [
    (INC, "Patients must have normal organ and marrow function as defined below:", True),
    (INC, "Must have the following lab values:", True),
    (INC, "Adequate organ function as defined below:", True),
    (INC, "Adequate liver function as shown by:", True),
    (INC, "Adequate haematological, renal and hepatic function as follows:", True),
    (EXC, "Any of the following:", True),
    (EXC, "Any of the following laboratory abnormalities:", True),
    # alternatives in an inclusion, "all of" in an exclusion: the lines one by one lose them
    (INC, "At least one of the following:", False),
    (INC, "Diagnosis of one of the following:", False),
    (EXC, "All of the following:", False),
    # negated, excepting, permissive, conditional or scoped lead-ins
    (INC, "No clinically significant cardiovascular disease, including any of the following:", False),
    (INC, "The following tumor types are not eligible:", False),
    (EXC, "Patients may have had prior therapy, providing the following conditions are met:", False),
    (INC, "For Arm B (pemetrexed plus pazopanib) subjects, the following:", False),
    (INC, "A female is eligible to enter and participate in this study if she is of the following:", False),
    # a time or limit of its own
    (INC, "Laboratory values obtained < 7 days prior to receiving study treatment as follows:", False),
    (EXC, "History of any one of the following cardiac conditions within the past 6 months:", False),
    # an inclusion's state of its own, which its list only evidences
    (INC, "Androgen-independent disease progression, as shown by:", False),
    (INC, "Patients must have failed the following:", False),
    # no list announced
    (INC, "Hepatic function:", False),
    (INC, "Able to undergo an MRI scan:", False),
])
def test_which_lines_only_announce_a_flattened_list(ctype: CriterionType, text: str, lead_in: bool) -> None:
    assert _lead(ctype, text) is lead_in


def test_a_lead_in_asks_nothing_when_its_list_follows_at_its_level() -> None:
    criteria = parse_lines([
        (INC, "Patients must have normal organ and marrow function as defined below:", None),
        (INC, "platelets >100,000/mcL", None),
    ])
    assert isinstance(criteria[0].expr, NoRequirement)


def test_an_exclusions_lead_in_excludes_nobody_by_itself() -> None:
    rows = [(EXC, "Any of the following:", None), (EXC, "Pregnant women", None)]
    criteria = parse_lines(rows)
    assert isinstance(criteria[0].expr, Not) and isinstance(criteria[0].expr.part, NoRequirement)
    outcome = evaluate_reference(TrialCriteria("NCT00000097", 1, parse_lines(rows)), adult(), AS_OF)
    assert outcome.eligibility is Eligibility.ELIGIBLE  # a man: neither line excludes him


def test_a_lead_in_with_nothing_after_it_stays_a_review() -> None:
    criteria = parse_lines([
        (INC, "Age 18 or older", None),
        (INC, "Patients must have normal organ and marrow function as defined below:", None),
    ])
    assert isinstance(criteria[1].expr, Review)


def test_a_lead_in_followed_by_the_other_type_stays_a_review() -> None:
    criteria = parse_lines([(INC, "Must have the following lab values:", None), (EXC, "Pregnant women", None)])
    assert isinstance(criteria[0].expr, Review)


def test_a_lead_in_followed_by_a_deeper_line_is_no_flat_list() -> None:
    criteria = parse_lines([
        (INC, "Age 18 or older", None),
        (INC, "Must have the following lab values:", 0),
        (INC, "Platelets > 100,000/mcL", None),
    ])
    assert isinstance(criteria[1].expr, Review)


def test_the_flat_list_still_decides_the_patient() -> None:
    rows = [
        (INC, "Patients must have normal organ and marrow function as defined below:", None),
        (INC, "platelets >100,000/mcL", None),
    ]
    outcome = evaluate_reference(TrialCriteria("NCT00000098", 1, parse_lines(rows)), adult(), AS_OF)
    assert outcome.eligibility is not Eligibility.ELIGIBLE  # no platelet count on record: the list is still asked


def test_the_lead_in_patterns_take_bounded_time_on_hostile_text() -> None:
    hostile = "the following " * 1000 + "defined by " * 300 + "as follows " * 300 + "x" * 2000 + " :"
    start = time.perf_counter()
    for pattern in (flat_lead_ins._ANNOUNCES_LIST, flat_lead_ins._ALTERNATIVES, flat_lead_ins._ALL_OF, flat_lead_ins._CHANGES_THE_LIST):
        pattern.search(hostile)
    for ctype in (INC, EXC):
        is_flat_lead_in(Criterion(type=ctype, text=hostile, expr=Review(ReviewReason.UNPARSED, "")), (ctype, "x", None))
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
