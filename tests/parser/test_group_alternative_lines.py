"""Over-strict readings of the groups a trial takes (issue 14, over-strict verdicts):

- two adjacent top-level inclusions with the same lead-in that name disjoint groups of patients
  ("Patients with primary refractory AML ..." / "Patients with relapsed AML ..."; "Diagnosed as
  Ph+ ALL ..." / "Diagnosed as CML ...") are alternatives: a patient in one group meets both
  lines, a patient in neither still fails both (rule 1);
- two lines that do not name disjoint groups ("Relapsed multiple myeloma" / "Refractory multiple
  myeloma": one disease can be both) stay requirements each;
- one measure with a bound per named group ("Life expectancy > 12 weeks for patients with solid
  tumors and 6 weeks for patients with hematological malignancies") asks each bound of its own
  group only.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition, lab, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def _outcomes(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> list[Outcome]:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(rows)), facts, AS_OF)
    return [c.outcome for c in outcome.criteria]


REFRACTORY_OR_RELAPSED = [
    (INC, "Patients with primary refractory AML (that is no prior remission).", None),
    (INC, "Patients with relapsed AML.", None),
    (INC, "Age 18 years or older", None),
]
PH_ALL_OR_CML = [
    (INC, "Diagnosed as Ph+ ALL who are relapsed after or refractory to standard therapy", None),
    (INC, "Diagnosed as CML in blast crisis or accelerated phase", None),
    (INC, "Age 18 years or older", None),
]
# the registry's Ph-positive and Ph-negative strata share no lead-in words
PH_POSITIVE_OR_NEGATIVE = [
    (INC, "Ph-positive (Ph+) Chronic Myelogenous Leukemia in chronic, accelerated or blast phase or Ph+ acute lymphoblastic leukemia (ALL)", None),
    (INC, "Ph-negative acute leukemia in second or subsequent relapse", None),
]
MYELOMA = [
    (INC, "Relapsed multiple myeloma", None),
    (INC, "Refractory multiple myeloma", None),
]


@pytest.mark.parametrize(
    "rows, facts, expected",
    [
        # a relapsed AML meets the refractory group's line through the relapsed one
        (REFRACTORY_OR_RELAPSED, adult(condition("aml"), condition("relapsed", 30)), [MET, MET, MET]),
        # (the refractory line keeps its unread "that is no prior remission": a person confirms it)
        (REFRACTORY_OR_RELAPSED, adult(condition("aml"), condition("refractory", 30)), [UNKNOWN, UNKNOWN, MET]),
        # in neither group (a CLL): both lines still fail
        (REFRACTORY_OR_RELAPSED, adult(condition("cll"), condition("relapsed", 30)), [NOT_MET, NOT_MET, MET]),
        (PH_ALL_OR_CML, adult(condition("cml"), result("cml_accelerated_phase", "positive")), [MET, MET, MET]),
        (PH_ALL_OR_CML, adult(condition("all"), result("bcr_abl1", "positive"), condition("relapsed", 30)), [MET, MET, MET]),
        (PH_ALL_OR_CML, adult(condition("aml"), condition("relapsed", 30)), [NOT_MET, NOT_MET, MET]),
        (PH_POSITIVE_OR_NEGATIVE, adult(condition("cml"), result("bcr_abl1", "positive"), result("cml_chronic_phase", "positive")), [MET, MET]),
        (PH_POSITIVE_OR_NEGATIVE, adult(condition("aml"), result("bcr_abl1", "negative"), condition("relapsed", 30)), [UNKNOWN, UNKNOWN]),
        (PH_POSITIVE_OR_NEGATIVE, adult(condition("aml"), result("bcr_abl1", "positive"), condition("relapsed", 30)), [NOT_MET, NOT_MET]),
        # a relapsed myeloma that is not refractory: both statuses may be asked, so no pair
        (MYELOMA, adult(condition("multiple_myeloma"), condition("relapsed", 30)), [MET, NOT_MET]),
    ],
)
def test_disjoint_group_lines(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts, expected: list[Outcome]) -> None:
    assert _outcomes(rows, facts) == expected


def test_same_disease_further_requirement_is_no_pair() -> None:
    rows = [(INC, "Diagnosis of ALL", None), (INC, "ALL lymphoblasts with CD52 expression on at least 10% of lymphoblasts", None)]
    rendered = [render_rule(c.expr, c.applies_if) for c in parse_lines(rows)]
    assert all(" or " not in r.split(" and ")[0] for r in rendered[:1])
    assert rendered[0] == render_rule(parse_line("Diagnosis of ALL", INC).expr)


@pytest.mark.parametrize(
    "text, rendered",
    [
        (
            "Life expectancy > 12 weeks for patients with solid tumors (including non-Hodgkin's lymphoma) and 6 weeks for patients with hematological malignancies",
            "(not solid-tumor or life-expectancy > 12 weeks) and (not blood-cancer or life-expectancy > 6 weeks)",
        ),
    ],
)
def test_bound_per_group(text: str, rendered: str) -> None:
    c = parse_line(text, INC)
    assert render_rule(c.expr, c.applies_if) == rendered


def test_bound_per_group_judged() -> None:
    line = "Life expectancy > 12 weeks for patients with solid tumors and 6 weeks for patients with hematological malignancies"
    rows: list[tuple[CriterionType, str, int | None]] = [(INC, line, None)]
    two_months = lab("life_expectancy", 8, "wk")
    assert _outcomes(rows, adult(condition("aml"), two_months)) == [MET]
    # a solid tumour with 8 weeks fails its own bound
    assert _outcomes(rows, adult(condition("solid_tumor"), two_months)) == [NOT_MET]


@pytest.mark.parametrize(
    "text, rendered",
    [
        # the study's progress is a person's; the ages of the patients treated first bound nobody
        (
            "Patients 3 years of age and older are eligible after 3 patients (age 15 or older) have been treated and did not experience "
            "a dose limiting toxicity. Patient 3 to 15 years of age will follow the dose escalation schema independent of the adults.",
            'age >= 3 years and review ambiguous "whether the study has reached this point: after 3 patients (age 15 or older) have been '
            'treated and did not experience a dose limiting toxicity"',
        ),
        # "either" opens the alternatives after it: the CD20 before it is a requirement (and the
        # lymphoid malignancy any lymphoid kind: topics.lymphoid_kinds)
        (
            "Patients must have relapsed or refractory CD20+ lymphoid malignancies with either documented CNS involvement or peripheral nerve infiltration.",
            "(relapsed or refractory) and CD20 is positive and (lymphoma or ALL or CLL or multiple-myeloma or plasma-cell-leukemia or "
            'waldenstrom-macroglobulinemia or prolymphocytic-leukemia or (hematologic-malignancy and review ambiguous "whether the blood cancer on record is a '
            'lymphoid one")) and (CNS-involvement or brain-metastases or review unparsed "peripheral nerve infiltration")',
        ),
        # the condition a drug is taken for is no requirement; a prednisone dose for it is the
        # record's prednisone-equivalent daily dose (purpose_dose), another drug's a person's
        (
            "Must be on less than 21 mg of oral prednisone daily for GVHD",
            "not GVHD or not steroid-therapy within 14 days or steroid-dose < 21.0 mg/d",
        ),
        (
            "Must be on less than 21 mg of oral dexamethasone daily for GVHD",
            'not GVHD or review unsupported "the dose taken for it: Must be on < 21 mg of oral dexamethasone daily for GVHD"',
        ),
    ],
)
def test_over_strict_line_shapes(text: str, rendered: str) -> None:
    c = parse_line(text, INC)
    assert render_rule(c.expr, c.applies_if) == rendered


def test_either_after_a_future_treatment_is_left() -> None:
    # "can be treated ... with either": a treatment to come, read as before (no item made a requirement)
    c = parse_line("The NSCLC can be treated with curative intent with either surgical resection and/or chemoradiation", EXC)
    assert render_rule(c.expr, c.applies_if).startswith("(NSCLC and review")
