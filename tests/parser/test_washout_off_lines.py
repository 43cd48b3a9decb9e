"""Washouts written around "off" and a longer washout's bracket in a line that says more.

* "≥ 2 weeks or more off immunosuppressive therapy", "> 3 weeks off cytotoxic chemotherapy": the
  span before "off" dates the therapy after it (none of it within the span), as "off X for ≥ N"
  writes it; a bound said twice ("≥2 weeks or more") is one bound.
* "Patients with prior allogeneic transplants who remain (clinically stable) off immunosuppressive
  therapy for ≥ 2 weeks": in an inclusion the washout is asked of the patients named; read as a
  plain clause the transplant took the span ("no allo-HSCT within 2 weeks") and a patient on
  tacrolimus a year after the transplant met it. An exclusion's "who" clause is left as it was.
* "chemotherapy within the past 4 weeks (6 weeks for nitrosoureas or mitomycin C). <another
  sentence>": the bracket widens the washout beside it; left, its words were an unread
  alternative and every patient with no recent therapy was unknown.

The sentences are written in the corpus's shapes; each record is judged by both evaluators.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

STABLE_OFF = "Patients with a prior allogeneic transplant who remain clinically stable for ≥2 weeks or more off immunosuppressive therapy"
WHO_OFF = "Patients with prior allogeneic transplant who are off immunosuppressive therapy for at least 2 weeks"
MUST_STAY_OFF = "Patients with a prior allogeneic transplant must remain off immunosuppressive therapy for ≥ 3 weeks"
SPAN_OFF = "Relapsed patients are eligible if they are > 3 weeks off cytotoxic chemotherapy"
BRACKET_APART = (
    "Patients who received chemotherapy within the past 4 weeks (6 weeks for nitrosoureas or mitomycin C). "
    "Radiotherapy within 2 weeks prior to entry."
)
BRACKET_IN_WORDS = (
    "Chemotherapy with delayed toxicity within the last four weeks (six weeks for prior nitrosourea or mitomycin C). "
    "Weekly chemotherapy given within the last week."
)


@pytest.mark.parametrize(
    "text,norm",
    [
        ("stable for ≥2 weeks or more off steroids", "stable off steroids for ≥ 2 weeks"),
        ("at least 4 weeks or longer since chemotherapy", "≥ 4 weeks since chemotherapy"),
        ("a minimum of 2 weeks off of enzalutamide, prior to registration", "off enzalutamide for ≥ 2 weeks, prior to registration"),
        ("> 3 weeks off cytotoxic chemotherapy and > 2 weeks off radiation therapy",
         "off cytotoxic chemotherapy for > 3 weeks and off radiation therapy for > 2 weeks"),
    ],
)
def test_the_span_before_off_is_the_washout_s_and_a_bound_is_said_once(text, norm):
    assert normalize(text) == norm


@pytest.mark.parametrize(
    "text,ctype,rule",
    [
        (STABLE_OFF, INC, 'not allo-HSCT or (no immunosuppressant-therapy within 2 weeks exclusive and review "clinically stable")'),
        (WHO_OFF, INC, "not allo-HSCT or no immunosuppressant-therapy within 2 weeks exclusive"),
        (MUST_STAY_OFF, INC, "not allo-HSCT or no immunosuppressant-therapy within 3 weeks exclusive"),
        ("at least 2 weeks off steroids", INC, "no steroid-therapy within 2 weeks exclusive"),
    ],
    ids=["stable-off", "who-off", "must-remain-off", "bare-span-off"],
)
def test_readings(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def test_an_exclusion_s_who_clause_is_not_read_as_a_requirement():
    """"Patients with X who are off Y" among exclusions names whom it excludes; it is not turned
    into "not X or ..." (which would exclude every patient without the transplant)."""
    assert not rule_of(WHO_OFF, EXC).startswith("not allo-HSCT")


def test_the_bracket_widens_the_washout_beside_it():
    rule = rule_of(BRACKET_APART, EXC)
    assert rule.startswith("chemotherapy within 4 weeks or (chemotherapy within 6 weeks and (named-medication is nitrosoureas within 6 weeks")
    assert '"6 weeks for' not in rule
    assert "named-medication is mitomycin within 6 weeks" in rule_of(BRACKET_IN_WORDS, EXC)


def test_a_bracket_joined_with_a_permission_is_left_as_it_was():
    text = "Prior chemotherapy within 3 weeks prior to dosing (6 weeks for nitrosoureas or mitomycin-C). Prior antifolate therapy is permitted."
    assert 'review unparsed "6 weeks for nitrosoureas' in rule_of(text, EXC)


ALLO = procedure("allo_hsct", 365)
# (line, type, met, not met, unknown)
ROWS = [
    # no transplant, or a transplant and off the drugs for a month: met; on them last week: not met
    (WHO_OFF, INC, (healthy(), healthy(ALLO, medication("immunosuppressant_therapy", 30))), (healthy(ALLO, medication("immunosuppressant_therapy", 5)),), ()),
    (STABLE_OFF, INC, (healthy(),), (healthy(ALLO, medication("immunosuppressant_therapy", 3)),), (healthy(ALLO),)),
    (SPAN_OFF, INC, (), (), (healthy(medication("chemotherapy", 10)),)),
    # chemotherapy 10 days ago excludes; none does not; 5 weeks ago waits on which agent it was
    (BRACKET_APART, EXC, (healthy(medication("chemotherapy", 10)),), (healthy(), healthy(medication("chemotherapy", 120))), (healthy(medication("chemotherapy", 35)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_hostile_lines_parse_quickly():
    for text in (
        "≥ 2 weeks off " + "immunosuppressive " * 1200 + "therapy",
        "Patients with " + "prior transplant " * 1200 + "who remain off steroids for ≥ 2 weeks",
        "chemotherapy within 4 weeks (6 weeks for " + "nitrosoureas or " * 1300 + "mitomycin C). More words.",
    ):
        started = time.perf_counter()
        parse_line(text[:20000], INC)
        parse_line(text[:20000], EXC)
        assert time.perf_counter() - started < 1.0


def test_a_review_holding_more_than_the_bracket_is_left_as_it_was():
    """The bracket's words run together with another sentence's ("... hormonal or other drug
    therapy"): dropping them would drop what the other sentence asks."""
    text = (
        "No cytotoxic agents within the 4 weeks prior to treatment (6 weeks for mitomycin or nitrosoureas). "
        "At least 4 weeks must have elapsed from any prior surgery, radiation, hormonal or other drug therapy for their cancer."
    )
    assert "hormonal" in rule_of(text, EXC)


def test_a_permission_s_span_off_stays_in_words():
    """"Brain metastases permitted if ... stable for at least one week off steroids": the washout
    is the permitted patients' only, which the reading does not scope."""
    assert normalize("Metastases permitted if stable for at least 1 week off steroids") == "Metastases permitted if stable for ≥ 1 week off steroids"
