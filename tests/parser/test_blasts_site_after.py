"""A share of blasts whose site follows the bound ("blasts > 20% in bone marrow", "Blasts >= 20%
of peripheral blood white cells or bone marrow cells"): the share at that site, at either of two joined by "or"
(``topics.blasts_site_after``). Left unread, the line stood as one review (holdout T124)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.blasts_site_after import blast_site_after_items
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, lab

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

MARROW = "blasts > 20% in bone marrow"
EITHER = "Blasts ≥ 20% of peripheral blood white cells or bone marrow cells"
BAND = "Blasts 10% to 19% of peripheral blood white cells or bone marrow cells"
CASE_OF_MANY = "Ph positive CML that is either in: 1. accelerated phase 2. blastic phase that has responded to therapy (blasts < 10% in bone marrow)"


def counts(bm: float | None = None, pb: float | None = None) -> PatientFacts:
    return adult(*([lab("bm_blasts", bm, "%")] if bm is not None else []), *([lab("pb_blasts", pb, "%")] if pb is not None else []))


# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("35% in the marrow: over 20%", MARROW, counts(bm=35), MET),
    ("20% is not over 20%", MARROW, counts(bm=20), NOT_MET),
    ("a blood count says nothing of the marrow", MARROW, counts(pb=40), UNKNOWN),
    ("the blood alone may show the share", EITHER, counts(pb=25), MET),
    ("the marrow alone may show it", EITHER, counts(bm=22, pb=3), MET),
    ("neither site has it", EITHER, counts(bm=12, pb=3), NOT_MET),
    ("the marrow under it, no blood count: the blood may still show it", EITHER, counts(bm=12), UNKNOWN),
    ("15% in the blood: in the band", BAND, counts(pb=15), MET),
    ("neither site in the band", BAND, counts(bm=25, pb=5), NOT_MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_the_share_is_asked_at_its_sites(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, INC), facts, AS_OF).outcome is expected


def test_a_band_turned_round_is_no_band() -> None:
    assert blast_site_after_items("Blasts 20% to 10% of bone marrow cells") == []


def test_a_share_among_numbered_cases_is_left_to_them() -> None:
    assert blast_site_after_items(CASE_OF_MANY) == []


def test_a_hostile_line_is_read_fast() -> None:
    hostile = "blasts " + "> 5 % of the " * 2_000 + "bone marrow " * 100
    start = time.perf_counter()
    blast_site_after_items(hostile)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
