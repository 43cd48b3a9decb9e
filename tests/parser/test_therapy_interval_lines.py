"""Washouts said as an interval, a window or a span between two dates ("an interval of at least 3
months must have elapsed since ...", "at least a 14-day window from the patient's last prior
therapy", "A minimum of 21 days must have elapsed between the end of radiotherapy and registration",
"At least 14 days between ibrutinib initiation and last cancer therapy") are the washout the NCI
layout writes as "At least N weeks since prior X": no X inside the span. Among the exclusions the
interval is a requirement, so what excludes is the therapy inside the span. A disease's interval
("a disease-free interval of 6 months after adjuvant therapy"), a second span that dates something
else, and "since last treatment" that is no washout are left as they were. "Any number of prior
therapies is permitted", said beside a line's other clauses, asks nothing.

The lines are the corpus's own wordings; each record is judged by both evaluators.
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

WINDOW = (  # NCT01904643
    "Patients who have received prior lenalidomide therapy are not eligible for this study; further there should be at least a 14-day "
    "window from the patient's last prior therapy before initiation of treatment on clinical trial"
)
BETWEEN_LAST = (  # NCT02109224
    "At least 14 days between ibrutinib initiation and last cancer therapy; any number of prior cancer therapies is permitted; patients "
    "otherwise fit for blood or marrow transplantation (BMT) should receive second-line chemotherapy before considering enrollment"
)
BETWEEN_END = (  # NCT01306942
    "Radiation Therapy: patients may have had prior radiation therapy. A minimum of 21 days must have elapsed between the last dose of "
    "radiation and registration into the study."
)
INTERVAL = "Minimum interval of 6 months after the end of any previous taxane- containing chemotherapy regimen"  # NCT00448305
WASHOUT_EXC = "Washout period of 3 weeks for prior anti-tumor therapy or any investigational treatment"  # NCT00719524
LESS_THAN = "Less than a four week interval since prior chemotherapy."  # NCT01812616
TWO_SPANS = (  # NCT03572478
    "Prior hormonal therapy is permitted. A washout of two weeks from prior endocrine therapy (other than GnRH agonist) and four weeks "
    "from prior cytotoxic chemotherapy or other anticancer agents is required (prior to day 1 of study therapy)."
)

READINGS = [
    (WINDOW, EXC, "named-medication is lenalidomide or anticancer-therapy within 14 days exclusive"),
    (INTERVAL, INC, "no taxane within 6 months exclusive"),
    (WASHOUT_EXC, EXC, "anticancer-therapy within 3 weeks exclusive or investigational-agent within 3 weeks exclusive"),
    (LESS_THAN, EXC, "chemotherapy within 4 weeks exclusive"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_interval_reads_as_the_washout(text, ctype, rule):
    assert rule_of(text, ctype) == rule


# the sentence as the washout reader knows it (the normalized text the readers see)
REWRITES = [
    ("an interval of at least 3 months must have elapsed since the completion of radiation therapy", "≥ 3 months since radiation therapy"),
    ("Washout period of 3 weeks for prior anti-tumor therapy", "≥ 3 weeks since prior anti-tumor therapy"),
    (TWO_SPANS.split(". ", 1)[1], "≥ 2 weeks since prior endocrine therapy (other than GnRH agonist); ≥ 4 weeks since prior cytotoxic "
     "chemotherapy or other anticancer agents is required (prior to day 1 of study therapy)."),
    ("A minimum of 21 days must have elapsed between the end of radiotherapy and registration into the study.", "≥ 21 days since radiotherapy."),
]


@pytest.mark.parametrize("text,written", REWRITES, ids=[r[0][:45] for r in REWRITES])
def test_the_interval_is_said_as_a_washout(text, written):
    assert normalize(text) == written


LEFT = [
    # a disease's interval dates a relapse, not a washout
    ("Relapse with a disease-free interval of at least 6 months after the end of adjuvant therapy", "interval of"),
    # another span later in the sentence may date something the rewrite would take as the first's
    ("A washout of 2 weeks from prior hormonal therapy, but 6 months for adjuvant treatment", "washout of"),
    # "since last treatment" with no span before it, or naming the therapy after it
    ("Locally advanced unresectable or metastatic disease that has progressed since last treatment.", "since last treatment"),
    ("it must be at least 6 months since the last treatment with a VPLD induction regimen", "since last treatment with"),
    # "any number of prior therapies is permitted" as the whole line is the permission the line readers judge
    ("Any number of prior lines of chemotherapy in the metastatic setting is allowed.", "Any number of prior"),
]


@pytest.mark.parametrize("text,kept", LEFT, ids=[r[0][:45] for r in LEFT])
def test_other_intervals_are_left_as_written(text, kept):
    assert kept in normalize(text)


# (line, type, met, not met, unknown): for an exclusion, met means the patient is excluded
ROWS = [
    # chemotherapy a week ago is inside the window; three months ago, or none, is not (lenalidomide ever excludes)
    (WINDOW, EXC, (healthy(medication("chemotherapy", 7)), healthy(medication("named_medication", 300, quote="lenalidomide"))),
     (healthy(medication("chemotherapy", 90)),), ()),
    # bendamustine ten days ago fails the 14 days; the candidacy clause is a person's otherwise
    (BETWEEN_LAST, INC, (), (healthy(medication("chemotherapy", 10)),), (healthy(medication("chemotherapy", 20)),)),
    (BETWEEN_END, INC, (healthy(), healthy(procedure("radiotherapy", 60))), (healthy(procedure("radiotherapy", 10)),), ()),
    (WASHOUT_EXC, EXC, (healthy(medication("chemotherapy", 7)),), (healthy(), healthy(medication("chemotherapy", 60))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


MAY_INCLUDE = (  # NCT01003678
    "Patients may have received up to two prior therapies for MDS including one hypomethylating agent and/or a biologic agent (biologic "
    "agents include GM-CSF or equivalent, danazol or equivalent, Sunitinib, Revlimid, ATG, or a vaccine)."
)
AGENT = "7 days or longer after any standard chemotherapy agent"  # NCT01218477


def test_what_the_permitted_therapies_may_include_asks_nothing_beyond_the_count():
    """"may have received up to two prior therapies ... including one hypomethylating agent": the
    count decides; "no more than two prior regimens, including a platinum-containing regimen" may
    ask for the platinum and is left as written."""
    assert rule_of(MAY_INCLUDE) == "not anticancer-therapy or prior-therapy-lines <= 2"
    assert "including a platinum" in normalize("Failed no more than two prior chemotherapy regimens, including a platinum-containing regimen.")


def test_the_agents_of_chemotherapy_are_chemotherapy():
    """Where the clause ends after "agent" ("a chemotherapy agent or a high dose of a steroid within
    21 days" runs on to a window the list shares, and is left)."""
    assert rule_of(AGENT, EXC) == "chemotherapy within 7 days exclusive"
    assert "chemotherapy agent or" in normalize("Patients who received a chemotherapy agent or a high dose of a steroid within 21 days")


AGENT_ROWS = [
    # cytarabine three days ago is inside the 7 days, none or a month ago is not; whether hydroxyurea
    # is the chemotherapy a line means is a person's (derive leaves it open)
    (AGENT, EXC, (healthy(medication("chemotherapy", 3)),), (healthy(), healthy(medication("chemotherapy", 30))), (healthy(medication("hydroxyurea", 0)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(AGENT_ROWS))
def test_each_record_is_judged_by_the_agent_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_line_is_normalized_quickly():
    """Long runs of the rows' words never make the patterns backtrack (20,000 characters)."""
    hostile = ("interval of at least 3 weeks since prior and 4 weeks between the end of " * 300)[:20_000]
    hostile += " washout " + "window from the last " * 200 + " may have received up to 2 prior " + "x including " * 300
    hostile += " chemotherapy " * 300 + "agent"
    start = time.perf_counter()
    normalize(hostile + " x")
    assert time.perf_counter() - start < 2.0
