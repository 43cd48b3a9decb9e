"""Words that scope or anchor a decided clause and ask nothing of their own (issue 14):

- the drug before its failure, hyphenated ("Ph+ ALL with imatinib-resistant disease or intolerance
  to imatinib"): the same failure as "resistance or intolerance to imatinib", and said of the last
  group the line names ("Ph+ CML in chronic phase or Ph+ ALL with ...") it asks the drug of that
  group only (``topics.failed_treatment``);
- the start named after the treatment ("within 14 days prior to treatment start", "prior to
  study drug administration"): the anchor the window is counted to (``remarks``);
- "medications that irreversibly inhibit platelet function": the antiplatelet drugs (``events``);
- "Women of childbearing potential with a positive pregnancy test / who are pregnant": a pregnant
  woman is of childbearing potential, the scope narrows nothing (``topics.pregnancy``);
- "taking certain medications that ...": the clause says which (``normalize``).

Left as words, each made a decided line a person's, and the patient it excludes was possibly
eligible. Every case is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, result

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def named(words: str, days_ago: int = 200):
    return medication("named_medication", days_ago, quote=words, words=words)


PH_ALL = (condition("all"), result("bcr_abl1", "positive"))
WOMAN = {"word": "female", "years": 30}

ROWS = [
    # (line, type, met, not met, unknown)
    ("Ph+ ALL with imatinib-resistant disease or intolerance to imatinib", I,
     [adult(*PH_ALL, named("imatinib"), condition("refractory", 30))], [adult(*PH_ALL)], [adult(*PH_ALL, named("imatinib"))]),
    ("CML in chronic phase or Ph+ ALL with resistance or intolerance to imatinib", I,
     [adult(condition("cml"), result("cml_chronic_phase", "positive"))], [adult(*PH_ALL), adult(condition("aml"))], []),
    ("Use of any investigational agent or any other anticancer agent within 14 days prior to treatment start.", E,
     [adult(medication("chemotherapy", 7))], [adult(), adult(medication("chemotherapy", 60))], []),
    ("Subjects taking medications that irreversibly inhibit platelet function or anticoagulants.", E,
     [adult(medication("antiplatelet_therapy", 1)), adult(medication("anticoagulant_therapy", 1))], [adult()], []),
    ("Women of Child Bearing Potential with a positive pregnancy test prior to study drug administration.", E,
     [adult(condition("pregnancy", 10), **WOMAN)], [adult(**WOMAN), adult()], []),
    ("Women of child-bearing potential who are pregnant or breast feeding.", E,
     [adult(condition("pregnancy", 10), **WOMAN), adult(condition("lactation", 10), **WOMAN)], [adult(**WOMAN)], []),
    ("Subjects taking certain medications that are accepted to have a risk of causing QTc prolongation.", E,
     [adult(medication("qt_prolonging_drug", 1))], [adult()], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_scope_and_anchor_words_leave_the_clause_decided(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


def test_a_failure_after_groups_with_no_with_stays_a_persons() -> None:
    """Without "with" joining it to the last group, whose failure it is stays unread: a CML never
    given imatinib is left to a person, not failed."""
    assert judged(parse_line("AML or CML resistant to imatinib", I), adult(condition("cml"))) is Outcome.UNKNOWN
