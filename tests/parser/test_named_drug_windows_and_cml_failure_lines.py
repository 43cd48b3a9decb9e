"""Named drugs' windows and a CML's failed imatinib (issue 14, holdout NCT01602952):

- An inclusion naming a product "> 1 week prior to starting study drug" asks a washout, as the
  therapy classes' same words are read: a record without the product meets it, one whose product
  was last given before the week meets it too, one given inside it fails (``products.product_washout``,
  each product by its own records' dates). Read as the product asked for, every patient never
  given interferon failed the line.
- A window closing a list of products and classes in one clause ("Patients who have received
  Imatinib, interferon, other anti cancer drug or chemotherapy ≤ 1 week") dates the named drug
  too: cut at 60 characters, any imatinib ever excluded the patient.
- "Ph+ CML patients in chronic or accelerated phase who are resistant or intolerant to Imatinib
  mesylate": the phases' "or" is the subject's own, so the failure of imatinib is read (an
  untreated CML fails the line) and the phases with it.
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


ROWS = [
    # (line, type, met, not met, unknown)
    ("Patients who have received interferon > 1 week prior to starting study drug.", I, [adult(), adult(named("interferon"))],
     [adult(named("interferon", 3))], [adult(named("interferon", None))]),
    ("Patients who have received Imatinib, interferon, other anti cancer drug or chemotherapy ≤ 1 week", E, [], [], [adult(named("imatinib"))]),
    ("Ph+ CML patients in chronic or accelerated phase who are resistant or intolerant to Imatinib mesylate", I,
     [], [adult(condition("cml"), result("cml_chronic_phase", "positive"), result("bcr_abl1", "positive"))], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_named_drug_windows_and_cml_failure_are_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected
