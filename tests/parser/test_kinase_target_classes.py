"""The kinase inhibitors prior-therapy lines name by their target: "Prior exposure to a Bruton's
tyrosine kinase (BTK) inhibitor", "Prior therapy with a MEK- inhibitor", "Prior BRAF or MEK
inhibitor therapy" (about 45 corpus lines, all left to a person before).

Each is a concept (``btk_inhibitor``, ``mek_inhibitor``, ``braf_inhibitor``; codes.toml: ATC
L01EL, L01EE, L01EC and the drugs' names), a kind of targeted therapy, read as the other classes
of ``topics.drug_classes`` are. A BRAF written before MEK shares its noun ("BRAF or MEK
inhibitors"); a target written as the patient's own mutation ("mutated BTK", "BRAF mutation") is
no therapy.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

BTK = "Prior exposure to a Bruton's tyrosine kinase (BTK) inhibitor"
BTK_DRUG = "Previous therapy with ibrutinib, or any drug that specifically inhibits Bruton's tyrosine kinase (BTK)"
MEK = "Prior therapy with a MEK- inhibitor"  # NCT02225574
BRAF_MEK = "Prior BRAF or MEK inhibitor therapy."
NO_BTK = "No Bruton's tyrosine kinase inhibitor at any point prior to enrollment"

READINGS = [
    (BTK, EXC, "BTK-inhibitor"),
    (BTK_DRUG, EXC, "named-medication is ibrutinib or BTK-inhibitor"),
    (MEK, EXC, "MEK-inhibitor"),
    (BRAF_MEK, EXC, "BRAF-inhibitor or MEK-inhibitor"),
    (NO_BTK, INC, "not BTK-inhibitor"),
    # the patient's own mutation: no therapy
    ("Known BRAF mutation", EXC, "BRAF-mutation is positive"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_a_kinase_target_with_an_agent_word_is_its_class(text, ctype, rule):
    assert rule_of(text, ctype) == rule


# (line, type, met, not met, unknown)
ROWS = [
    (BTK, EXC, (healthy(medication("btk_inhibitor", 400)),), (healthy(), healthy(medication("mek_inhibitor", 30))), ()),
    (MEK, EXC, (healthy(medication("mek_inhibitor", 400)),), (healthy(), healthy(medication("btk_inhibitor", 30))), ()),
    (BRAF_MEK, EXC, (healthy(medication("braf_inhibitor", 90)), healthy(medication("mek_inhibitor", 90))), (healthy(),), ()),
    (NO_BTK, INC, (healthy(),), (healthy(medication("btk_inhibitor", 900)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_its_class(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
