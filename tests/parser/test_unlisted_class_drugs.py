"""A drug class wider than its concept ("medications known to prolong the QT interval", "CYP3A4
inhibitors" without "strong") keeps the rest of the class a person's question only for a record
holding a medication in the line's window (``topics.unlisted_drugs``; about 170 corpus lines).

A record with no medication at all inside the window takes none of the class: the exclusion is not
met, the inclusion met. A medication of no class Eligo reads (``named_medication`` only) inside the
window may be one: unknown. One that ended before the window is not. A listed member decides as
before.

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

QT = "Patients taking medications that are known to prolong the QT interval"  # NCT02074839
TDP = "No concurrent medication that may cause torsade de pointes"  # NCT00351975
CYP = "Patients who are concurrently receiving CYP3A4 inhibitors or inducers"  # NCT01411267
NO_CYP = "No concurrent CYP3A4 inhibitors"  # NCT00316953
CYP_WEEK = "Subjects have received CYP3A inhibitors or inducers within 7 days prior to the first dose"  # NCT01110473
CYP1A2 = "Use of strong CYP 1A2 inhibitors and/or inducers."  # NCT03422874

OTHER_DRUG_NOW = healthy(medication("named_medication", 3))
OTHER_DRUG_UNDATED = healthy(medication("named_medication", None))
OTHER_DRUG_LONG_AGO = healthy(medication("named_medication", 60))

# (line, type, met, not met, unknown)
ROWS = [
    (QT, EXC, (healthy(medication("qt_prolonging_drug", 2)),), (healthy(), OTHER_DRUG_LONG_AGO), (OTHER_DRUG_NOW, OTHER_DRUG_UNDATED)),
    (TDP, INC, (healthy(), OTHER_DRUG_LONG_AGO), (healthy(medication("qt_prolonging_drug", 2)),), (OTHER_DRUG_NOW,)),
    (CYP, EXC, (healthy(medication("cyp3a4_modulator", 2)),), (healthy(), OTHER_DRUG_LONG_AGO), (OTHER_DRUG_NOW, OTHER_DRUG_UNDATED)),
    (NO_CYP, INC, (healthy(), OTHER_DRUG_LONG_AGO), (healthy(medication("cyp3a4_modulator", 2)),), (OTHER_DRUG_NOW,)),
    # the line's own window: a drug 10 days ago is outside "within 7 days"
    (CYP_WEEK, EXC, (healthy(medication("cyp3a4_modulator", 2)),), (healthy(), healthy(medication("named_medication", 10))),
     (healthy(medication("named_medication", 5)),)),
    # an enzyme listed beside CYP3A4 whose inducers stay a review
    (CYP1A2, EXC, (healthy(medication("cyp1a2_inhibitor", 2)),), (healthy(), OTHER_DRUG_LONG_AGO), (OTHER_DRUG_NOW,)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_rest_of_the_class_is_asked_only_of_a_record_holding_a_drug(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_the_review_keeps_its_words_and_the_line_s_window():
    assert rule_of(CYP_WEEK, EXC) == (
        'CYP3A4-modulator within 7 days or (named-medication within 7 days and review unsupported '
        '"CYP3A4 inhibitors or inducers: one that is not a strong inhibitor or inducer")'
    )

