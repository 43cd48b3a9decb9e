"""Therapy windows the readers left to a person (issue #14, rx15).

* "within 7 days of starting the study", "prior to start of study", "before the start of the
  trial": the study's start with no drug or treatment after it is the evaluation date, as "study
  start" is (``remarks``); left, it was an unread review beside the window.
* "28 days or longer after any investigational agent", "7 days or longer after any standard
  chemotherapy agent": a washout since any course of the therapy (``topics.after_any``); among
  exclusions a course inside the span excludes.
* "prior to registration on this protocol": the registration's date, as "on this study" is.
* "Current, or recent (within 30 days, or 5 half-lives of investigational product) participation
  in other clinical trials of investigational agents": the agent within the window, its
  half-lives a person's (``current_or_recent``).
* "No prior 506U78": the code name of nelarabine (``topics.products``).

The lines are the corpus's own wordings (short); each row is judged by both evaluators.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser import current_or_recent
from rules_engine.parser.topics import after_any
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

TRANSFUSED = "Blood transfusion (red blood cells and/or platelets) within 7 days of starting the study"
START_OF = "Chemotherapy within 4 weeks prior to start of study"
TRIAL = "Radiotherapy within 2 weeks prior to starting the trial"
INVESTIGATIONAL = "28 days or longer after any investigational agent"
CHEMO = "7 days or longer after any standard chemotherapy agent"
NELARABINE = "No prior 506U78"
PROTOCOL = "Patients who have received cytarabine within 3 months prior to registration on this protocol are not eligible."
RECENT = "Current, or recent (within 30 days, or 5 half-lives of investigational product) participation in other clinical trials of investigational agents."

READINGS = [
    (TRANSFUSED, EXC, "transfusion within 7 days"),
    (START_OF, EXC, "chemotherapy within 4 weeks"),
    (TRIAL, EXC, "radiotherapy within 2 weeks"),
    # the study's drug after the start: the anchor that reads it, as before
    ("Chemotherapy within 4 weeks prior to start of study treatment", EXC, "chemotherapy within 4 weeks"),
    (INVESTIGATIONAL, INC, "no investigational-agent within 28 days exclusive"),
    (INVESTIGATIONAL, EXC, "investigational-agent within 28 days exclusive"),
    # ("standard ... agent": the agents of chemotherapy are chemotherapy, therapy_rewrites.CHEMOTHERAPY_AGENT)
    (CHEMO, EXC, "chemotherapy within 7 days exclusive"),
    (PROTOCOL, EXC, "named-medication is cytarabine within 3 months"),
    (RECENT, EXC, 'investigational-agent within 30 days or (investigational-agent and review unparsed "5 half-lives")'),
    # a bracket with the window alone is read where it stands, as before
    ("Current or recent (within 4 weeks prior to Cycle 1 Day 1) treatment with another Investigational Product", EXC, "investigational-agent within 4 weeks"),
    # a span the patient keeps something up for is no washout
    ("Use contraception for at least 90 days after any dose of study drug", INC, "review consent"),
    (NELARABINE, INC, 'not named-medication is "506u78 nelarabine"'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[f"{r[1].value[:3]}-{r[0][:40]}" for r in READINGS])
def test_each_window_reads_as_the_therapy_in_its_span(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def _named(words: str, days_ago: int):
    return medication("named_medication", days_ago, quote=words, words=words)


# (line, type, met, not met, unknown)
ROWS = [
    (TRANSFUSED, EXC, (healthy(procedure("transfusion", 3)),), (healthy(), healthy(procedure("transfusion", 20))), ()),
    (START_OF, EXC, (healthy(medication("chemotherapy", 10)),), (healthy(), healthy(medication("chemotherapy", 60))), ()),
    (INVESTIGATIONAL, EXC, (healthy(medication("investigational_agent", 10)),), (healthy(), healthy(medication("investigational_agent", 40))), ()),
    (INVESTIGATIONAL, INC, (healthy(), healthy(medication("investigational_agent", 28))), (healthy(medication("investigational_agent", 10)),), ()),
    (CHEMO, EXC, (healthy(medication("chemotherapy", 3)),), (healthy(), healthy(medication("chemotherapy", 30))), ()),
    (PROTOCOL, EXC, (healthy(_named("cytarabine", 60)),), (healthy(), healthy(_named("cytarabine", 200))), ()),
    # an agent 60 days ago may still be within its 5 half-lives: a person's; one 10 days ago is inside the 30
    (RECENT, EXC, (healthy(medication("investigational_agent", 10)),), (healthy(),), (healthy(medication("investigational_agent", 60)),)),
    (NELARABINE, INC, (healthy(), healthy(_named("cytarabine", 100))), (healthy(_named("nelarabine", 365)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_window(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_the_after_any_patterns_take_bounded_time_on_hostile_text() -> None:
    hostile = "for a minimum of " * 600 + " " * 5000 + "at least 5 days after" * 400 + " any"
    start = time.perf_counter()
    after_any.after_any_washout("at least", hostile, len(hostile) // 2, len(hostile) - 4)
    recent = "current, or recent (within 30 days" + " of x" * 4000 + " or 5 half-lives" * 400 + ")"
    half = " of the investigational" * 1000 + " of" * 5000
    re.search(current_or_recent.WINDOW_BEFORE_THERAPY[0], recent, re.I)
    current_or_recent._OF_THE_PRODUCT.sub("", half)
    assert len(recent) > 20_000 and len(half) > 20_000
    parse_line(hostile[:20_000], EXC)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 5.0
