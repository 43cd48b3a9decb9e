"""Shapes the T321-T325 holdout trials (LMB-2 for adult T-cell leukaemia, lenalidomide for PTCL,
sorafenib for recurrent DLBCL, ibrutinib for CLL/SLL in three cohorts, duvortuxizumab with
ibrutinib for B-cell lymphomas; ``test_holdout_trials``) misread, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus`` criteria texts):

* A cohort named by the patients it takes rather than by a letter ("FOR TREATMENT-NAIVE GROUP ONLY:
  Men and women >= 65 ...", "FOR RELAPSED/REFRACTORY GROUP ONLY: ...", "SCLC cohort: ..."): the
  consecutive top-level lines so labelled are the cohorts' alternatives, as "Cohort A: ..." /
  "Cohort B: ..." are. Read as requirements each, a relapsed CLL failed the treatment-naive group's
  line and every patient of the trial was ineligible. The label's words stay in the line.
* A multiple hyphenated to its word ("less than or equal to 3-times the upper limits of normal
  (UNL) or less than or equal to 10-times normal if due to ATL"): the number and "times" apart, so
  both multiples are read. Joined, the line was a review and an ALT of 12 x ULN passed it.
* A treatment a line permits that none of its requirements names ("Patients must have failed one or
  more prior Non-Hodgkin lymphoma (NHL) chemotherapy or antibody therapy with curative intent;
  autologous stem cell transplant is permitted"): it asks nothing. It was made an alternative of the
  line's last requirement, and beside an unread one the transplant then stood as asked, so every
  patient never transplanted failed. Permitted on a condition ("Prior treatment with cisplatin and/or
  pemetrexed is allowed, but at least 3 months ...", "... with auto-SCT is permitted, if the patient
  has reached at least partial remission ..."), it asks the condition of the treated patients only.
* The NCI template's clearance with its condition after it ("Creatinine within normal institutional
  limits; creatinine clearance calculated or measured at >= 60 ml/min/1.73m^2 if creatinine level is
  above institutional limits"): the creatinine's alternative, as the template's "OR" says. Joined
  by the semicolon, a creatinine of 1.4 (limit 1.2) with a clearance of 70 failed the line.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, alt, condition, creatinine, lab, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def _outcomes(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> list[Outcome]:
    trial = TrialCriteria("NCT00000099", 1, parse_lines(rows))
    return [c.outcome for c in evaluate_reference(trial, facts, AS_OF).criteria]


# NCT01105247's three cohorts, then a line every cohort shares
IBRUTINIB_COHORTS = [
    (
        I,
        "FOR TREATMENT-NAIVE GROUP ONLY: Men and women ≥ 65 years of age with confirmed diagnosis of CLL/SLL, who require treatment per NCI "
        "or International Working Group guidelines 15-18",
        None,
    ),
    (
        I,
        "FOR RELAPSED/REFRACTORY GROUP ONLY: Men and women ≥ 18 years of age with a confirmed diagnosis of relapsed/refractory CLL/SLL "
        "following previous therapy(ie, failed ≥ 2 previous treatments for CLL/SLL and at least 1 regimen had to have had a purine analog "
        "[eg, fludarabine] for subjects with CLL)",
        None,
    ),
    (
        I,
        "FOR HIGH-RISK RELAPSED/ REFRACTORYGROUP ONLY: Men and women ≥ 18 years of age with a confirmed diagnosis of relapsed/refractory "
        "CLL/SLL with suboptimal response to chemoimmunotherapy, defined as progression of disease within 24 months of initiation of a "
        "regimen containing at least a nucleoside analogue or bendamustine in combination with a monoclonal antibody or failure to respond "
        "to such a regimen. (Note: a minimum of 2 cycles of chemoimmunotherapy required for eligibility)",
        None,
    ),
    (I, "ECOG performance status of ≤ 2", None),
]
RELAPSED_CLL = adult(
    condition("cll", 2500),
    condition("relapsed", 60),
    medication("chemotherapy", 200),
    medication("anticancer_therapy", 900),
    lab("ecog", 1),
    years=45,
)
UNTREATED_CLL_AT_60 = adult(condition("cll", 400), lab("ecog", 1), years=60)


@pytest.mark.parametrize(
    "facts,expected",
    [
        # relapsed after two treatments at 45: no cohort line fails him, the naive group's 65 included
        (RELAPSED_CLL, [UNKNOWN, UNKNOWN, UNKNOWN, MET]),
        # untreated at 60: under the naive group's 65, and not relapsed for the other two
        (UNTREATED_CLL_AT_60, [NOT_MET, NOT_MET, NOT_MET, MET]),
    ],
    ids=["relapsed", "untreated-at-60"],
)
def test_lines_each_for_a_named_group_are_the_groups_alternatives(facts: PatientFacts, expected: list[Outcome]) -> None:
    assert _outcomes(IBRUTINIB_COHORTS, facts) == expected


# NCT03511222: a dose-escalation cohort of any solid tumour beside a small cell lung cancer cohort
SOLID_TUMOUR_COHORTS = [
    (
        I,
        "Dose escalation cohort: histologically or cytologically confirmed diagnosis of a solid tumor that can be treated with either "
        "pembrolizumab or nivolumab as part of standard of care or whom no standard of therapy exists except pembrolizumab or nivolumab",
        None,
    ),
    (
        I,
        "SCLC cohort: histologically or cytologically confirmed diagnosis of small cell lung cancer whose disease progressed on platinum-based "
        "chemotherapy or refused chemotherapy",
        None,
    ),
]


def test_a_solid_tumour_other_than_sclc_is_not_failed_by_the_sclc_cohorts_line() -> None:
    melanoma = adult(condition("melanoma", 300))
    assert _outcomes(SOLID_TUMOUR_COHORTS, melanoma) == [UNKNOWN, UNKNOWN]


LYMPHOMA_AFTER_CHEMO = adult(condition("lymphoma", 800), condition("relapsed", 30), medication("chemotherapy", 500))
RELAPSED_LYMPHOMA = adult(condition("lymphoma", 800), condition("relapsed", 30))

ROWS = [
    # -- a clearance asked where the creatinine fails
    (
        "Creatinine within normal institutional limits; creatinine clearance calculated or measured at >= 60 ml/min/1.73m^2 if creatinine "
        "level is above institutional limits",
        I,
        [adult(creatinine(0.9)), adult(creatinine(1.4), lab("creatinine_clearance", 70, "mL/min"))],
        [adult(creatinine(1.6), lab("creatinine_clearance", 48, "mL/min"))],
        [adult(creatinine(1.4))],
    ),
    # -- a treatment permitted that no requirement names
    (
        "Patients must have failed one or more prior Non-Hodgkin lymphoma (NHL) chemotherapy or antibody therapy with curative intent; "
        "autologous stem cell transplant is permitted",
        I,
        [],
        [adult(condition("lymphoma", 800))],
        [
            LYMPHOMA_AFTER_CHEMO,
            adult(condition("lymphoma", 800), medication("chemotherapy", 500), procedure("auto_hsct", 300)),
        ],
    ),
    (
        "First or second relapse or alternatively progression during therapy. Previous use of Bendamustine is permitted, if the patient has "
        "reached at least partial remission and progression occured more than 6 months after therapy. Previous high dose chemotherapy with "
        "auto-SCT is permitted, if the patient has reached at least partial remission and progression occured more than 12 months after therapy.",
        I,
        [],
        [],
        [
            RELAPSED_LYMPHOMA,
            adult(
                condition("lymphoma", 800),
                condition("relapsed", 30),
                medication("chemotherapy", 500),
                procedure("auto_hsct", 300),
            ),
        ],
    ),
    # -- a multiple hyphenated to "times"
    (
        "The transaminases alanine aminotransferase (ALT) and aspartate aminotransferase (AST) must each be less than or equal to 3-times the "
        "upper limits of normal (UNL) or less than or equal to 10-times normal if due to ATL. Albumin must be greater than or equal to 3.0 gm/dL.",
        I,
        [],
        # ALT 4 x ULN with no ATL on record: the wider bound is ATL's alone, so the first holds
        [adult(alt(480), lab("ast", 30, "U/L", uln=40), lab("albumin", 3.6, "g/dL")),
         adult(alt(160), lab("ast", 30, "U/L", uln=40), lab("albumin", 3.6, "g/dL"))],
        # with ATL on record, whether ATL raised the value is a person's call
        [adult(alt(160), lab("ast", 30, "U/L", uln=40), lab("albumin", 3.6, "g/dL"), condition("atll", 300))],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t32x_holdout_shape_is_read_for_what_it_asks(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected
