"""Therapy lines worded with the drug first or with a word the therapy readers did not take
(issue 14, rx7):

* an exclusion that opens with the products, dated after them ("Metoclopramide therapy 4 months
  prior to study enrollment", "Requires voriconazole at time of study entry";
  topics.bare_products);
* "Prior therapy for AML with <drugs>" (therapy_rewrites: the disease said after the drugs);
* a steroid excepted from immunosuppressive therapy, which never holds one (therapy_rewrites);
* "myeloablative" before an autologous transplant, "from any source" (therapy_rewrites);
* a daily prednisone limit taken for a condition (purpose_dose: the prednisone-equivalent dose).

Each row: a line, then records that make it met, not met and unknown.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Event
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.therapy_rewrites import ROWS
from rules_engine.parser.topics.bare_products import _AT_START, _OPENING, _WINDOW
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import AS_OF, Part, condition, lab, medication, procedure, record

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def taking(name: str, days_ago: int = 3) -> Part:
    """A named product last taken ``days_ago`` (the intake quotes the product's words)."""
    return Part(event=Event("named_medication", AS_OF - timedelta(days=days_ago), True, {"quote": f"{name} 10 mg tablet"}))


def steroid_at(mg: float, days_ago: int = 3) -> tuple[Part, Part]:
    return medication("steroid_therapy", days_ago), lab("steroid_dose", mg, "mg/d", days_ago=days_ago)


ROWS_JUDGED = [
    ("Metoclopramide therapy 4 months prior to study enrollment.", E,
     [record(taking("metoclopramide", 60))], [record(taking("metoclopramide", 200)), record(taking("ondansetron", 10)), record()], []),
    ("Requires voriconazole at time of study entry", E,
     [record(taking("voriconazole", 2))], [record(taking("posaconazole", 2)), record(taking("voriconazole", 120))], [record(taking("voriconazole", 30))]),
    ("Trastuzumab ≤ 21 days before enrollment", E,
     [record(taking("trastuzumab", 14))], [record(taking("trastuzumab", 60)), record()], []),
    ("Rituximab treatment within the last 12 months before the first dose of study drug", E,
     [record(taking("rituximab", 200))], [record(taking("rituximab", 500)), record()], []),
    ("Prior therapy for AML with decitabine, azacitidine, mitoxantrone, or etoposide", E,
     [record(condition("aml"), taking("mitoxantrone", 100))], [record(condition("aml"), taking("cytarabine", 100)), record(taking("etoposide", 100))], []),
    ("Ongoing immunosuppressive therapy other than corticosteroids", E,
     [record(medication("immunosuppressant_therapy", 3), *steroid_at(10))], [record(*steroid_at(10)), record()], []),
    ("Must be off all immunosuppressive medications (except prednisone) for at least 2 weeks prior to study entry.", I,
     [record(*steroid_at(10)), record(medication("immunosuppressant_therapy", 60))], [record(medication("immunosuppressant_therapy", 3))], []),
    ("Prior myeloablative allogeneic or autologous HSCT", E,
     [record(procedure("auto_hsct", 700))], [record()], [record(procedure("allo_hsct", 700))]),
    ("Prior allogeneic or autologous transplant using any hematopoietic stem cell source", E,
     [record(procedure("auto_hsct", 700)), record(procedure("allo_hsct", 700))], [record()], []),
    ("Less than 4 weeks since receipt of any investigational agent (not FDA approved, for any indication)", E,
     [record(medication("investigational_agent", 10))], [record(medication("investigational_agent", 90)), record()], []),
    ("No concurrent therapeutic doses (≥ 2 mg/day) of anticoagulants (e.g., warfarin)", I,
     [record()], [], [record(medication("anticoagulant_therapy", 2))]),
    ("Must be on less than 21 mg of oral prednisone daily for GVHD", I,
     [record(condition("gvhd", 60), *steroid_at(10)), record(condition("gvhd", 60)), record()], [record(condition("gvhd", 60), *steroid_at(30))], []),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS_JUDGED))
def test_therapy_lines_judged(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,ctype,rule", [
    # an inclusion written so sits under a heading whose sense the line alone does not give
    ("Metformin within 4 weeks prior to enrolment.", I, "review unparsed"),
    # a dose or a use after the excepted steroid is the steroid's own, left to the line's readers
    ("Patients receiving chronic, systemic treatment with corticosteroids or another immunosuppressive agent (except corticosteroids with a daily dosage equivalent to ≤ 20 mg prednisone)",
     E, None),
    # another drug's dose than prednisone's is no prednisone equivalent the line states
    ("Must be on less than 21 mg of oral dexamethasone daily for GVHD", I, None),
    # "non-myeloablative" is no myeloablative transplant
    ("Prior non-myeloablative allogeneic or autologous HSCT", E, None),
])
def test_lines_left_as_they_were(text, ctype, rule):
    read = rule_of(text, ctype)
    if rule is not None:
        assert read == rule
    else:
        assert "review" in read


PATTERNS = [_OPENING, _WINDOW, _AT_START, *(re.compile(p, re.I) for p, _r, _g in ROWS)]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[f"pattern{n}" for n in range(len(PATTERNS))])
def test_an_adversarial_line_reads_in_50_ms(pattern):
    text = "prior therapy for " + "metformin, " * 300 + "immunosuppressive therapy " + "within " * 300 + "myeloablative allogeneic or autologous " * 50
    start = time.perf_counter()
    pattern.search(text)
    pattern.match(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
