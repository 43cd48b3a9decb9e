"""'Another malignancy' counts a cancer the code tables know by no kind, even where it is wider
than the trial's own disease.

A cervical cancer coded C53.9 is the concept ``solid_tumor`` (the fallback row of C00-C76), an
ancestor of a lung cancer trial's NSCLC; an unclassified lymphoid neoplasm (C96.9) is
``hematologic_malignancy``, an ancestor of a Waldenström trial's disease (no ancestor of
AML: an AML trial counts it). ``derive.among`` counts no member
related to the trial's disease (a record derived from the NSCLC names its ancestors too), so the
line answered not_met and the patient eligible (rule 1). Such a catch-all's own record is never
the trial's disease named less specifically, since that disease has rows of its own: it now
leaves the line unknown (``derive.among_wider``). Both evaluators, each checked here."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from matcher.intake.codes import tables
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.derive import CATCH_ALL_MALIGNANCIES
from rules_engine.engine import MatchingEngine
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

from intake_helpers import ICD10, bundle, condition, decided_exclusion

AS_OF = date(2026, 12, 2)
LUNG = "Histologically confirmed non-small cell lung cancer"
AML = "Relapsed or refractory acute myeloid leukemia"
SOLID = "Histologically confirmed advanced solid tumor"
LINE = "History of another malignancy within 5 years"
SKIN = "Other malignancy within 5 years except adequately treated non-melanoma skin cancer"


def decide(own: str, line: str, *codes: str) -> Outcome:
    """The exclusion's outcome, the same from the reference evaluator and the compiled engine."""
    return decided_exclusion(own, line, codes, AS_OF)


@pytest.mark.parametrize(
    "own,line,codes,expected",
    [
        (LUNG, LINE, ["C34.90"], Outcome.NOT_MET),  # the trial's own disease, less specifically coded
        (LUNG, LINE, ["C34.90", "C53.9"], Outcome.UNKNOWN),  # a cervical cancer by its site's fallback row
        (LUNG, LINE, ["C34.90", "C71.9"], Outcome.UNKNOWN),  # brain
        (LUNG, SKIN, ["C34.90", "C49.9"], Outcome.UNKNOWN),  # soft tissue, beside a skin cancer set apart
        (LUNG, LINE, ["C34.90", "C50.911"], Outcome.MET),  # a kind of its own is counted, as before
        (LUNG, LINE, ["C34.90", "C96.9"], Outcome.MET),  # no ancestor of NSCLC: counted, as before
        (AML, LINE, ["C92.00"], Outcome.NOT_MET),
        (AML, LINE, ["C92.00", "C96.9"], Outcome.MET),  # an unclassified lymphoid neoplasm: AML's sibling, counted
        (AML, LINE, ["C92.00", "C53.9"], Outcome.MET),  # no ancestor of AML: counted, as before
        (SOLID, LINE, ["C53.9"], Outcome.NOT_MET),  # the trial is for solid tumours: its own disease
    ],
)
def test_a_cancer_known_by_no_kind_is_never_cleared_by_the_trials_wider_disease(own, line, codes, expected):
    assert decide(own, line, *codes) is expected


def test_the_patient_with_a_fallback_coded_second_cancer_is_never_answered_eligible():
    facts = normalise(bundle(condition(ICD10, "C34.90", onset="2026-06-01"), condition(ICD10, "C53.9", onset="2026-06-01"))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([(CriterionType.INCLUSION, LUNG), (CriterionType.EXCLUSION, LINE)])))
    assert str(evaluate_reference(trial, facts, AS_OF).eligibility) != "eligible"


def test_only_fallback_rows_write_a_catch_all_malignancy():
    """The premise of the rule: a catch-all's record comes from a code no kind's row covers. A
    specific row writing one (a lung code read as 'solid tumor') would make a lung cancer trial's
    own disease another malignancy's suspect."""
    t = tables()
    rows = [*t.conditions, *t.procedures, *t.observations, *t.medications, *t.vaccines, *t.allergies]
    writing = [r for r in rows if set(r.concepts) & set(CATCH_ALL_MALIGNANCIES)]
    assert writing and all(r.fallback for r in writing), [r.label for r in writing if not r.fallback]
