"""The NCI definition of an uncontrolled infection (issue 14, criteria read right).

"Patients with a systemic fungal, bacterial, viral, or other infection not controlled (defined as
exhibiting ongoing signs/symptoms related to the infection and without improvement, despite
appropriate antibiotics or other treatment)" (14 corpus lines, the MDS and AML templates): the
bracket defines "not controlled", which a person judges beside an infection on record. Its "or"
split the line, and "without improvement ... other treatment" stood as an alternative of its own,
so a patient with no infection at all was left unknown. Said as the qualifier it defines, the
infection is read with it: no infection on record does not meet the exclusion; one on record is
a person's, but for a sepsis, uncontrolled by any definition (the holdout's labels of these words).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy

EXC = CriterionType.EXCLUSION

NCI = ("Patients with a systemic fungal, bacterial, viral, or other infection not controlled (defined as exhibiting ongoing signs/symptoms "
       "related to the infection and without improvement, despite appropriate antibiotics or other treatment).")
THAT_IS = ("Patients will be excluded if they have a systemic fungal, bacterial, viral or other infection that is exhibiting ongoing "
           "signs/symptoms related to the infection without improvement despite appropriate antibiotics or other treatment.")


@pytest.mark.parametrize("text", [NCI, THAT_IS])
def test_the_definition_is_the_qualifier_it_defines(text):
    criterion = parse_line(text, EXC)
    rule = render_rule(criterion.expr, criterion.applies_if)
    # the infection with its qualifier, beside the sepsis that is uncontrolled by any definition
    # (test_serious_infection_words); no alternative of the definition's own words
    assert rule.startswith("sepsis or (active-infection and ") and rule.count(" or ") == 1 and "improvement" not in rule


# (line, type, met, not met, unknown)
ROWS = [
    (NCI, EXC, (healthy(condition("sepsis", days_ago=3)),), (healthy(),), (healthy(condition("active_infection", days_ago=3)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_no_infection_is_decided_and_one_on_record_is_a_persons(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
