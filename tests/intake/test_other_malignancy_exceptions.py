"""'Another malignancy' with the skin cancers excepted still counts a cancer the code tables know
only by its site's fallback row (C00-C76 without a kind of its own: cervix, brain, soft tissue).

Such a record is the concept ``solid_tumor``, an ancestor of the excepted
``non_melanoma_skin_cancer``; ``derive.among`` counts no member related to an excepted kind (a
record derived from the skin cancer names its ancestors too), so the line answered not_met and
the patient eligible (rule 1). A wider member's own record now leaves the line unknown
(``derive.among_wider``): it may be what the line sets apart under a wider name, or another
malignancy. Both evaluators, each checked here."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.engine import MatchingEngine
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

from intake_helpers import ICD10, bundle, condition, decided_exclusion

AS_OF = date(2026, 12, 2)
OWN = (CriterionType.INCLUSION, "Relapsed or refractory acute myeloid leukemia")
LINE = "Any other malignancies within past 5 years except basal cell skin cancer or carcinoma in situ (CIS) of the cervix"


def decide(*codes: str) -> Outcome:
    """The line's outcome, the same from the reference evaluator and the compiled engine."""
    return decided_exclusion(OWN[1], LINE, codes, AS_OF)


@pytest.mark.parametrize(
    "codes,expected",
    [
        (["C50.911"], Outcome.MET),  # breast cancer: a kind of its own, counted
        (["C80.1"], Outcome.MET),  # a malignancy of no stated site
        (["C44.91"], Outcome.NOT_MET),  # the excepted skin cancer
        (["D06.9"], Outcome.NOT_MET),  # the excepted carcinoma in situ of the cervix
        ([], Outcome.NOT_MET),
        (["C53.9"], Outcome.UNKNOWN),  # invasive cervical cancer, by its site's fallback row
        (["C71.9"], Outcome.UNKNOWN),  # brain
        (["C49.9"], Outcome.UNKNOWN),  # soft tissue sarcoma
        (["C53.9", "C44.91"], Outcome.UNKNOWN),
        (["C92.00"], Outcome.NOT_MET),  # the trial's own disease alone
        (["C92.00", "C53.9"], Outcome.UNKNOWN),
    ],
)
def test_another_malignancy_beside_the_excepted_skin_cancer_is_never_cleared(codes: list[str], expected: Outcome) -> None:
    assert decide(*codes) is expected


def test_a_fallback_coded_cancer_leaves_the_trial_open_never_eligible() -> None:
    facts = normalise(bundle(condition(ICD10, "C92.00", onset="2026-06-01"), condition(ICD10, "C53.9", onset="2026-06-01"))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([OWN, (CriterionType.EXCLUSION, LINE)])))
    assert str(evaluate_reference(trial, facts, AS_OF).eligibility) != "eligible"
