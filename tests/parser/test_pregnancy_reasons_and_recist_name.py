"""Words that say why or by which standard, never what the patient must have (issue 14;
``parser/remarks.py``), each decided on records.

- The reason a pregnancy line gives ("because of the potentially dangerous effects of the
  preparative chemotherapy on the fetus or infant", "due to possible adverse effects on the
  developing fetus or infant", "because of teratogenic potential", "Treatment under this protocol
  would expose an unborn child to significant risks"): a woman neither pregnant nor nursing is
  not excluded, one pregnant or nursing is.
- The standard's proper name and its abbreviation ("based on modified Response Evaluation
  Criteria In Solid Tumors (RECIST)"): the measurable disease it qualifies decides.
- A consent duty beside them ("should agree to use an effective means of birth control") stays
  a person's.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.remarks import blank_rationale
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

WOMAN = adult(word="female", years=30)
PREGNANT = adult(condition("pregnancy", 30), word="female", years=30)
NURSING = adult(condition("lactation", 30), word="female", years=30)
MEASURABLE = adult(result("measurable_disease", "positive"))
NOT_MEASURABLE = adult(result("measurable_disease", "negative"))

ROWS: list[tuple[Any, ...]] = [
    ("Women of child-bearing potential who are pregnant or breastfeeding because of the potentially dangerous effects of the "
     "preparative chemotherapy on the fetus or infant.", E, [PREGNANT, NURSING], [WOMAN], []),
    ("Pregnant or lactating women, due to possible adverse effects on the developing fetus or infant due to study drug", E,
     [PREGNANT, NURSING], [WOMAN], []),
    ("Women who are pregnant or breast feeding because of teratogenic potential.", E, [PREGNANT], [WOMAN], []),
    ("Women who are currently pregnant or breast-feeding, due to the possible adverse effects on the developing fetus and infants.", E,
     [NURSING], [WOMAN], []),
    # the reason goes, the consent duty stays a person's
    ("Non-pregnant and non-nursing. Treatment under this protocol would expose an unborn child to significant risks. "
     "Women and men of reproductive potential should agree to use an effective means of birth control.", I, [], [PREGNANT], [WOMAN]),
    ("Measurable disease based on modified Response Evaluation Criteria In Solid Tumors (RECIST)", I, [MEASURABLE], [NOT_MEASURABLE], []),
    ("Measureable disease based on Response Evaluation Criteria in Solid Tumors (RECIST)", I, [MEASURABLE], [NOT_MEASURABLE], []),
    ("Measurable or evaluable disease by Response Evaluation Criteria In Solid Tumors (RECIST)", I, [MEASURABLE], [], [NOT_MEASURABLE]),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_reason_or_a_standard_name_asks_nothing(text: str, ctype: CriterionType, facts: Any, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "Pregnant women are excluded from this study because the fetus may be harmed.",  # no effects/risk named before the fetus
    "Infants under 1 year of age",
])
def test_words_of_a_fetus_or_infant_without_a_stated_reason_are_kept(text: str) -> None:
    assert blank_rationale(text) == text


def test_a_hostile_line_is_read_fast() -> None:
    hostile = "because of the potential effects " + "of the drug on the " * 1_200 + "fetus " * 100 + "the effects of " * 400
    start = time.perf_counter()
    blank_rationale(hostile)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
