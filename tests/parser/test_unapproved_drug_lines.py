"""A drug approved for nothing, as one sponsor's washout writes it: "Have received treatment within
28 days of the initial dose of study drug with a drug that has not received regulatory approval for
any indication" (18 corpus lines, every one left wholly to a person).

Such a drug is an investigational agent (``investigational_agent``), asked within the line's
window; "treatment" before the window is the treatment the "with" names after it, no conjunct of
its own. A record with none in the window clears the exclusion; one inside it meets it.

Two windows for two kinds of agent ("within 14 or 21 days ... for a non-myelosuppressive or
myelosuppressive agent, respectively"; ``normalize``) read as "within 14 days (21 days for
myelosuppressive agent)": an agent in the shorter window meets the exclusion, one between the two
is unknown (which kind it was is a person's), one before both clears it.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

DAYS_28 = "Have received treatment within 28 days of the initial dose of study drug with a drug that has not received regulatory approval for any indication."  # NCT01214655
LAST_30 = "Have received treatment within the last 30 days with a drug that has not received regulatory approval for any indication at the time of study entry"
IN_LAST = "Have received treatment in the last 30 day with a drug which has not received regulatory approval for any indication at the time of study entry."
RESPECTIVELY = ("Have received treatment with a drug that has not received regulatory approval for any indication within 14 or 21 days of the "
                "initial dose of study drug for a non-myelosuppressive or myelosuppressive agent, respectively.")  # NCT00718159
SHORTER_SECOND = "Antitumor therapy within 28 days of the start of study treatment (within 6 or 4 weeks for bicalutamide or flutamide, respectively)."
WEEKS_4 = "Have received treatment within 4 weeks of the initial dose of study drug with a drug that has not received regulatory approval for any indication."

READINGS = [
    (DAYS_28, "investigational-agent within 28 days"),
    (LAST_30, "investigational-agent within 30 days"),
    (IN_LAST, "investigational-agent within 30 days"),
    (WEEKS_4, "investigational-agent within 4 weeks"),
    (RESPECTIVELY, 'investigational-agent within 14 days or (investigational-agent within 21 days and review unsupported "whether the agent was '
                   'one of these: myelosuppressive agent")'),
    # the second window shorter: left as written
    (SHORTER_SECOND, 'anticancer-therapy within 28 days or review unparsed "4 weeks for bicalutamide … flutamide"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_drug_approved_for_nothing_is_an_investigational_agent_in_the_window(text, rule):
    assert rule_of(text, EXC) == rule


# (line, type, met, not met, unknown)
ROWS = [
    (DAYS_28, EXC, (healthy(medication("investigational_agent", 10)),), (healthy(), healthy(medication("investigational_agent", 60))), ()),
    (LAST_30, EXC, (healthy(medication("investigational_agent", 25)),), (healthy(),), ()),
    (RESPECTIVELY, EXC, (healthy(medication("investigational_agent", 10)),), (healthy(), healthy(medication("investigational_agent", 30))),
     (healthy(medication("investigational_agent", 18)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_window(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
