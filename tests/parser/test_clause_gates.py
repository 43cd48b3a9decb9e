"""The pre-checks that let ``clauses.extract`` skip a topic never skip one that would find
something: on every seed line and every registry-table line, a topic whose gate fails finds
nothing when run anyway."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser.clauses import split_clauses
from rules_engine.parser.extraction import AGE_GATE, FAILED_GATE, PREGNANCY_GATE
from rules_engine.parser.normalize import normalize
from rules_engine.parser.sections import split_criteria
from rules_engine.parser.topics.age import age_items
from rules_engine.parser.topics.bleeding_drugs import GATE as BLEEDING_DRUG_GATE, bleeding_drug_items
from rules_engine.parser.topics.failed_treatment import apl_failed_items, failed_treatment_items
from rules_engine.parser.topics.lab_grades import GATE as LAB_GRADE_GATE, lab_grade_items
from rules_engine.parser.topics.organ_function import GATE as ORGAN_FUNCTION_GATE
from rules_engine.parser.topics.organ_overall import organ_items
from rules_engine.parser.topics.pregnancy import pregnancy_items
from tests.fixtures.corpus_lines import _texts, available



def _failed_items(text: str, ctype: CriterionType) -> list[object]:
    return [*apl_failed_items(text, ctype), *failed_treatment_items(text, ctype)]


def _lab_grade_items(text: str, ctype: CriterionType) -> list[object]:
    return list(lab_grade_items(text, ctype is CriterionType.EXCLUSION))


def _organ_function_items(text: str, ctype: CriterionType) -> list[object]:
    return list(organ_items(text, ctype is CriterionType.EXCLUSION))


GATES = [("age", AGE_GATE, age_items), ("pregnancy", PREGNANCY_GATE, pregnancy_items), ("failed", FAILED_GATE, _failed_items),
         ("lab grades", LAB_GRADE_GATE, _lab_grade_items), ("organ function", ORGAN_FUNCTION_GATE, _organ_function_items),
         ("bleeding drugs", BLEEDING_DRUG_GATE, lambda text, ctype: bleeding_drug_items(text))]


def _clauses() -> list[str]:
    from tests.parser.test_registry_lines import ROWS

    trials = {(r.file, r.nct) for r in ROWS}
    out: list[str] = []
    for file, nct in sorted(trials):
        for line in split_criteria(_texts(file)[nct]):
            out.extend(split_clauses(normalize(line.text)))
    return out


@pytest.mark.skipif(not available(), reason="shared corpus not present")
@pytest.mark.parametrize("name,gate,topic", GATES, ids=[g[0] for g in GATES])
def test_a_topic_skipped_by_its_gate_finds_nothing(name, gate, topic):
    clauses = _clauses()
    assert len(clauses) > 1000
    missed = [c for c in clauses if not gate.search(c) for t in CriterionType if topic(c, t)]
    assert missed == []
