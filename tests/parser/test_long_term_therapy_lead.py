""""Long-term", "prolonged", "continuous" or "regular" use of a corticosteroid or an
immunosuppressant says what "chronic use of" does: the therapy is taken, and the dose or span
the line adds is read where it is written (``topics.events._THERAPY_LEAD``). The lead was left
a review beside the therapy; it narrowed nothing a record can tell apart from the therapy itself
(seed NCT04094766 "Long term use of systemic corticosteroids(5mg per day for 2 weeks)"; 9 corpus
lines put such a lead before a steroid or an immunosuppressant)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.coverage import _kind
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, medication, steroid

EXC = CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

SEED = "Long term use of systemic corticosteroids(5mg per day for 2 weeks);"
CURRENT = "No current or long-term use of corticosteroids"
REGULAR = ("Regular treatment with corticosteroids within the 4 weeks prior to the start of Cycle 1, unless administered for "
           "indications other than NHL at a dose equivalent to < 30 mg/day prednisone/prednisolone")
IMMUNO = "Long-term treatment with immunosuppressive agents"

# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("no corticosteroid on record: not excluded", SEED, adult(), NOT_MET),
    ("prednisone 10 mg/day now: past the line's dose, excluded", SEED, adult(*steroid(3, 10)), MET),
    ("prednisone 2 mg/day now: under the line's dose", SEED, adult(*steroid(3, 2)), NOT_MET),
    ("a corticosteroid on record without a dose: the dose is unknown", SEED, adult(*steroid(3)), UNKNOWN),
    ("'current or long-term use': a corticosteroid taken now excludes", CURRENT, adult(*steroid(3)), MET),
    ("'current or long-term use': none on record, none excluded", CURRENT, adult(), NOT_MET),
    ("'regular treatment ... within 4 weeks': one two months ago is outside it", REGULAR, adult(*steroid(60, 40)), NOT_MET),
    ("'regular treatment ... within 4 weeks, unless < 30 mg/day for another indication': 40 mg/day last week excludes",
     REGULAR, adult(*steroid(7, 40)), MET),
    ("'long-term treatment with immunosuppressive agents': tacrolimus now excludes",
     IMMUNO, adult(medication("immunosuppressant_therapy", 3)), MET),
    ("'long-term treatment with immunosuppressive agents': none on record", IMMUNO, adult(), NOT_MET),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_a_long_term_therapy_decides_as_the_text_means(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, EXC), facts, AS_OF).outcome is expected


@pytest.mark.parametrize("text", [SEED, CURRENT, IMMUNO])
def test_the_lead_is_read_not_left_a_review(text: str) -> None:
    assert _kind(parse_line(text, EXC).expr)[0] == "whole"
