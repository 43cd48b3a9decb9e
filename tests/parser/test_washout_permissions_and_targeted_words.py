"""Two washout wordings the corpus writes often enough to read.

* "Hydroxyurea is permitted at the investigator's discretion prior to enrollment", "Hydroxyurea for
  cyto-reduction is allowed prior to the start of therapy": a sentence permitting hydroxyurea
  beside a washout excepts it from the line's chemotherapy (``medication_rewrites
  .HYDROXYUREA_PERMITTED``), whose call it is or what it is given for changes nothing. Left, the
  sentence was an alternative of its own and every patient was a person's.
* "Prior chemotherapy, targeted small molecule therapy, or radiation therapy within 2 weeks prior
  to study Day 1" (12 corpus lines): the middle item is targeted therapy. Unread, it broke the
  list, the window reached the radiotherapy alone, and any chemotherapy ever excluded.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

DISCRETION = ("Patients who have received chemotherapy within 2 weeks prior to starting study drug. "
              "Hydroxyurea is permitted at the investigator's discretion prior to enrollment.")
CYTOREDUCTION = "Chemotherapy within 14 days of study entry. Hydroxyurea for cyto-reduction is allowed prior to the start of therapy."
# a condition on the hydroxyurea narrows the permission: left as it was
NARROWED = "Chemotherapy within 14 days of study entry. Hydroxyurea is permitted up to 24 hours prior to starting study drug."
TARGETED = "Prior chemotherapy, targeted small molecule therapy, or radiation therapy within 2 weeks prior to study Day 1"
SMALL_MOLECULE = "Prior chemotherapy, small molecule targeted therapy, or radiation therapy within 2 weeks prior to study Day 1"

READINGS = [
    (DISCRETION, "chemotherapy other than (hydroxyurea) within 2 weeks"),
    (CYTOREDUCTION, "chemotherapy other than (hydroxyurea) within 14 days"),
    (TARGETED, "chemotherapy within 2 weeks or targeted-therapy within 2 weeks or radiotherapy within 2 weeks"),
    (SMALL_MOLECULE, "chemotherapy within 2 weeks or targeted-therapy within 2 weeks or radiotherapy within 2 weeks"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_washout_is_read(text, rule):
    assert rule_of(text, EXC) == rule


def test_a_narrowed_permission_is_not_an_exception():
    # (hydroxyurea_permits: the washout is read without hydroxyurea, which stays a person's
    # with the permission's words; a patient on it is never cleared by the unread 24 hours)
    rule = rule_of(NARROWED, EXC)
    assert "hydroxyurea within 14 days and review" in rule
    assert judged(parse_line(NARROWED, EXC), healthy(*hydroxyurea(0))) is Outcome.UNKNOWN


def hydroxyurea(days_ago: int) -> tuple:
    """Hydroxyurea as the intake records it: its own concept and the medication's words."""
    return (medication("hydroxyurea", days_ago), medication("named_medication", days_ago, quote="hydroxyurea 500 mg"))


# (line, met, not met, unknown)
ROWS = [
    (DISCRETION, (healthy(medication("chemotherapy", 5)),), (healthy(), healthy(*hydroxyurea(2))), ()),
    (TARGETED, (healthy(medication("targeted_therapy", 5)), healthy(medication("chemotherapy", 5))),
     (healthy(), healthy(medication("chemotherapy", 200))), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_hostile_lines_are_read_quickly():
    started = time.perf_counter()
    parse_line("Chemotherapy within 14 days. Hydroxyurea is permitted at the investigator's " + "discretion " * 2000, EXC)
    parse_line("Prior chemotherapy, " + "targeted small molecule " * 900 + "therapy within 2 weeks", EXC)
    assert time.perf_counter() - started < 1.0
