"""Lines that concern one cohort, part, arm, phase or subgroup of a study (issue 14, the holdout's
T43, T45 and T34 trials): written as the corpus writes them, judged over a whole trial.

- A line that opens with the portion of the study it is for ("Phase II ...: ...", "For Part B,
  ...", "Arm B only: ...", "Participants in the dose expansion part must ..."), in a trial that
  names another portion, is met when met; failed, it is an open question (the patient may enter
  another portion, which is the study team's choice), never a failure and never met on its
  strength. In a trial that names no other portion it is the trial's own requirement. Where
  every portion the trial names has lines of its own ("Patients of the first stratum must have
  ..." / "... of the second stratum ..."), a patient no portion takes fails them.
- Cohorts listed inside one line ("eligible for one of two cohorts: Cohort 1 ... Cohort 2 ...",
  "...; Cohort A patients must be < 60 ...; Cohort B patients must be >= 60 ...") are the
  cohorts' alternatives: one met is met, none met is not met.
- An exclusion written for one portion is at most unknown for a patient who could enter another,
  never cleared (rule 1); a patient whom the portion's own inclusion lines fail cannot enter it,
  so it is not his; one whom every other portion's lines fail can enter only this one, so it is.
- A sentence asking something of an age band ("Subjects 16 and 17 years old must also ...",
  "Subjects older than 80 years should ...") concerns that band only.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.portions import portion_lead
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, condition, crcl, creatinine, ecog, medication, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

Rows = list[tuple[CriterionType, str, int | None]]


def _judged(rows: Rows, facts: PatientFacts) -> tuple[list[Outcome], Eligibility]:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(rows)), facts, AS_OF)
    return [c.outcome for c in outcome.criteria], outcome.eligibility


@pytest.mark.parametrize(
    "text, key, rest",
    [
        (
            "Phase II FLT3-ITD mutated relapsed/refractory patients: Patients should have a diagnosis of AML",
            "phase 2",
            "FLT3-ITD mutated relapsed/refractory patients: Patients should have a diagnosis of AML",
        ),
        (
            "For Part B, patients must have recurrent or refractory leukemia.",
            "part B",
            "patients must have recurrent or refractory leukemia.",
        ),
        ("Arm B only: delayed elimination of MTX", "arm B", "delayed elimination of MTX"),
        ("Part 2 (expansion): measurable disease", "part 2", "measurable disease"),
        ("For the dose-expansion part only: ECOG 0-1", "expansion", "ECOG 0-1"),
        (
            "Dose escalation phase only: Patients with advanced solid tumours",
            "escalation",
            "Patients with advanced solid tumours",
        ),
        (
            "Participants in the dose expansion part must have tumor that is amenable for biopsy.",
            "expansion",
            "Participants must have tumor that is amenable for biopsy.",
        ),
        (
            "Phase II subjects must be willing to consent to a core biopsy",
            "phase 2",
            "subjects must be willing to consent to a core biopsy",
        ),
        (
            "PHASE 1 ONLY: Subject has had any prior anti-cancer therapy",
            "phase 1",
            "Subject has had any prior anti-cancer therapy",
        ),
        (
            "Patients of the second stratum must have CML in AP/BC or relapsed/refractory Ph+ ALL",
            "stratum 2",
            "Patients must have CML in AP/BC or relapsed/refractory Ph+ ALL",
        ),
        ("Patients in the 1st cohort must be 18 years or older", "cohort 1", "Patients must be 18 years or older"),
    ],
    ids=[
        "phase-patients",
        "for-part",
        "arm-only",
        "part-bracket",
        "dose-expansion",
        "escalation-phase",
        "placed",
        "phase-subjects",
        "phase-only",
        "ordinal-stratum",
        "ordinal-cohort",
    ],
)
def test_the_portion_a_line_opens_with_is_found_and_cut(text: str, key: str, rest: str) -> None:
    """The portion's label names whom the line asks; what is left is the line's requirement."""
    lead = portion_lead(text)
    assert lead is not None and (lead[0], lead[2]) == (key.lower(), rest)


@pytest.mark.parametrize(
    "text",
    [
        "Stage IV NSCLC with no prior therapy",
        "Patients with relapsed AML",
        "Part of the standard regimen: cytarabine",
        "Group therapy sessions allowed",
        "Arm and leg weakness of grade 2 or more",
        "Patients of childbearing potential must use contraception",
        "Second part of the induction regimen completed",
    ],
    ids=["stage", "patients-with", "part-of", "group-word", "arm-word", "patients-of", "ordinal-word"],
)
def test_a_line_that_names_no_portion_has_no_portion_lead(text: str) -> None:
    """A stage, "part of", a body's arm: no portion of the study."""
    assert portion_lead(text) is None


FLT3_ITD = condition("aml"), condition("relapsed", 30), result("flt3_itd", "positive")
FLT3_WILD = condition("aml"), condition("relapsed", 30), result("flt3_itd", "negative")

# the T43 shape: a phase I portion's line, a line every patient is asked, a phase II line of its own
PHASE_2 = "Phase II patients with relapsed or refractory disease: FLT3-ITD mutated AML"
PHASED: Rows = [
    (INC, "Phase I: relapsed or refractory AML", None),
    (INC, "ECOG performance status 0-2", None),
    (INC, PHASE_2, None),
]
# the same line where the trial names no other portion: it is every patient's
UNPHASED: Rows = [(INC, "ECOG performance status 0-2", None), (INC, PHASE_2, None)]


@pytest.mark.parametrize(
    "rows, facts, line, verdict",
    [
        (PHASED, adult(*FLT3_ITD, ecog(1)), MET, Eligibility.ELIGIBLE),
        (PHASED, adult(*FLT3_WILD, ecog(1)), UNKNOWN, Eligibility.POSSIBLY_ELIGIBLE),
        (PHASED, adult(condition("aml"), condition("relapsed", 30), ecog(1)), UNKNOWN, Eligibility.POSSIBLY_ELIGIBLE),
        (PHASED, adult(*FLT3_WILD, ecog(3)), UNKNOWN, Eligibility.INELIGIBLE),
        (UNPHASED, adult(*FLT3_ITD, ecog(1)), MET, Eligibility.ELIGIBLE),
        (UNPHASED, adult(*FLT3_WILD, ecog(1)), NOT_MET, Eligibility.INELIGIBLE),
    ],
    ids=[
        "phased-met",
        "phased-failed",
        "phased-no-record",
        "phased-other-line-decides",
        "unphased-met",
        "unphased-failed",
    ],
)
def test_a_portions_inclusion_fails_no_patient_who_could_enter_another(
    rows: Rows, facts: PatientFacts, line: Outcome, verdict: Eligibility
) -> None:
    """Met when met; failed, an open question (possibly eligible, never eligible on its strength) in
    a trial with another portion; every patient's requirement in a trial with none."""
    outcomes, eligibility = _judged(rows, facts)
    assert (outcomes[-1], eligibility) == (line, verdict)


# the T315 shape: every stratum the trial names has its own line, so a patient enters by one of them
STRATA: Rows = [
    (INC, "Patients of the first stratum must have chronic myeloid leukemia", None),
    (INC, "Patients of the second stratum must have acute lymphoblastic leukemia", None),
    (INC, "ECOG performance status 0-2", None),
]


@pytest.mark.parametrize(
    "facts, lines, verdict",
    [
        (adult(condition("cml"), ecog(1)), [MET, UNKNOWN], Eligibility.POSSIBLY_ELIGIBLE),
        (adult(condition("all"), ecog(1)), [UNKNOWN, MET], Eligibility.POSSIBLY_ELIGIBLE),
        (adult(condition("aml"), ecog(1)), [NOT_MET, NOT_MET], Eligibility.INELIGIBLE),
        (adult(ecog(1)), [NOT_MET, NOT_MET], Eligibility.INELIGIBLE),
    ],
    ids=["first-stratum", "second-stratum", "neither-stratum", "no-diagnosis"],
)
def test_when_every_portion_has_its_own_lines_a_patient_in_none_of_them_fails(
    facts: PatientFacts, lines: list[Outcome], verdict: Eligibility
) -> None:
    """A patient another stratum takes is the open question it was (which stratum enrols him is
    the study team's choice); one no stratum takes fails each stratum's line, as the registry's
    text means (read as open questions, an AML patient was possibly eligible for a CML / ALL trial)."""
    outcomes, eligibility = _judged(STRATA, facts)
    assert (outcomes[:2], eligibility) == (lines, verdict)


# a portion's line nested in a list the heading asks all of
NESTED: Rows = [
    (INC, "Patients in the phase I portion may have received any number of prior regimens", None),
    (INC, "Disease characteristics:", None),
    (INC, "Relapsed or refractory AML", 1),
    (INC, "Phase II: ECOG performance status 0-1", 1),
]


@pytest.mark.parametrize(
    "facts, heading",
    [
        (adult(condition("aml"), condition("relapsed", 30), ecog(1)), MET),
        (adult(condition("aml"), condition("relapsed", 30), ecog(2)), UNKNOWN),
        (adult(condition("all"), condition("relapsed", 30), ecog(1)), NOT_MET),
    ],
    ids=["both", "phase-2-line-failed", "disease-failed"],
)
def test_a_portions_line_under_a_heading_is_an_open_question_there_too(facts: PatientFacts, heading: Outcome) -> None:
    """The heading's other requirements still decide; the portion's line alone never fails it."""
    assert _judged(NESTED, facts)[0][1] is heading


@pytest.mark.parametrize(
    "text, facts, expected",
    [
        # "Cohort 1: ... Cohort 2: ..." after a lead announcing them
        (
            "Patients must be eligible for one of two cohorts: Cohort 1: relapsed AML. Cohort 2: refractory ALL.",
            adult(condition("aml"), condition("relapsed", 30)),
            MET,
        ),
        (
            "Patients must be eligible for one of two cohorts: Cohort 1: relapsed AML. Cohort 2: refractory ALL.",
            adult(condition("all"), condition("refractory", 30)),
            MET,
        ),
        (
            "Patients must be eligible for one of two cohorts: Cohort 1: relapsed AML. Cohort 2: refractory ALL.",
            adult(condition("all"), condition("relapsed", 30)),
            NOT_MET,
        ),
        # the T52 shape: what comes before the cohorts is every patient's
        (
            "Patients with relapsed or refractory AML; Cohort A patients must be < 60 years of age; Cohort B patients must be ≥ 60 years of age and have ECOG 0-1",
            adult(condition("aml"), condition("relapsed", 30), years=50),
            MET,
        ),
        (
            "Patients with relapsed or refractory AML; Cohort A patients must be < 60 years of age; Cohort B patients must be ≥ 60 years of age and have ECOG 0-1",
            adult(condition("aml"), condition("relapsed", 30), ecog(1), years=70),
            MET,
        ),
        (
            "Patients with relapsed or refractory AML; Cohort A patients must be < 60 years of age; Cohort B patients must be ≥ 60 years of age and have ECOG 0-1",
            adult(condition("aml"), condition("relapsed", 30), ecog(3), years=70),
            NOT_MET,
        ),
        (
            "Patients with relapsed or refractory AML; Cohort A patients must be < 60 years of age; Cohort B patients must be ≥ 60 years of age and have ECOG 0-1",
            adult(condition("all"), condition("relapsed", 30), years=50),
            NOT_MET,
        ),
        # a closing sentence about both cohorts is every patient's
        (
            "Cohort A: age < 60 years; Cohort B: age >= 60 years. Both cohorts must have ECOG 0-1.",
            adult(ecog(1), years=50),
            MET,
        ),
        (
            "Cohort A: age < 60 years; Cohort B: age >= 60 years. Both cohorts must have ECOG 0-1.",
            adult(ecog(3), years=50),
            NOT_MET,
        ),
        # phases listed sentence by sentence
        ("For Phase 1: ECOG performance status 0-2. For Phase 2: ECOG performance status 0-1", adult(ecog(2)), MET),
        ("For Phase 1: ECOG performance status 0-2. For Phase 2: ECOG performance status 0-1", adult(ecog(3)), NOT_MET),
    ],
    ids=[
        "c1",
        "c2",
        "neither",
        "a-young",
        "b-old",
        "b-old-ecog3",
        "wrong-disease",
        "tail-met",
        "tail-failed",
        "phase-1",
        "no-phase",
    ],
)
def test_cohorts_listed_in_one_line_are_alternatives(text: str, facts: PatientFacts, expected: Outcome) -> None:
    """One cohort's requirements met meets the line; none met fails it (a patient enters one)."""
    assert _judged([(INC, text, None)], facts)[0][0] is expected


# arms with inclusion lines of their own, and an exclusion written for arm A
ARMS: Rows = [
    (INC, "Arm A: ECOG performance status 0-1", None),
    (INC, "Arm B: ECOG performance status 0-2", None),
    (EXC, "Arm A: history of myocardial infarction", None),
]
# the same exclusion where no arm has inclusion lines: whose it is, nothing on record tells
ARMS_UNKNOWN: Rows = [
    (INC, "ECOG performance status 0-2", None),
    (INC, "Arm B patients will receive a higher dose", None),
    (EXC, "Arm A: history of myocardial infarction", None),
]
MI = condition("myocardial_infarction", 400)


@pytest.mark.parametrize(
    "rows, facts, expected",
    [
        (ARMS, adult(ecog(1), MI), UNKNOWN),  # either arm takes him: at most unknown, never cleared
        (ARMS, adult(ecog(2), MI), NOT_MET),  # arm A's own line fails him: arm B's patient
        (ARMS, adult(ecog(1)), NOT_MET),
        (ARMS, adult(MI), UNKNOWN),
        (ARMS_UNKNOWN, adult(ecog(1), MI), UNKNOWN),
        (ARMS_UNKNOWN, adult(ecog(1)), NOT_MET),
    ],
    ids=["either-arm", "only-arm-b", "no-mi", "no-ecog", "no-arm-lines", "no-arm-lines-no-mi"],
)
def test_a_portions_exclusion_concerns_only_patients_who_could_enter_it(
    rows: Rows, facts: PatientFacts, expected: Outcome
) -> None:
    """Rule 1: met, it is never cleared while the patient could enter the portion."""
    assert _judged(rows, facts)[0][-1] is expected


# the T34 shape: cohorts under the diagnosis line, each cohort's exclusion at the top level
COHORTS: Rows = [
    (INC, "Diagnosis of AML according to WHO diagnostic criteria:", None),
    (INC, "Cohort A: newly diagnosed AML, no prior cytotoxic chemotherapy", 0),
    (INC, "Cohort B: newly diagnosed AML, failed to achieve complete remission", 0),
    (EXC, "Cohort B: Patients with a history of myocardial infarction", None),
]


@pytest.mark.parametrize(
    "facts, expected, verdict",
    [
        (adult(condition("aml", 10)), NOT_MET, Eligibility.ELIGIBLE),
        # refractory, so only cohort B takes him, and cohort B excludes his infarction
        (adult(condition("aml", 60), condition("refractory", 30), MI), MET, Eligibility.INELIGIBLE),
        (adult(condition("aml", 60), condition("refractory", 30)), NOT_MET, Eligibility.ELIGIBLE),
    ],
    ids=["cohort-a", "cohort-b-excluded", "cohort-b"],
)
def test_a_cohorts_exclusion_is_the_patients_when_no_other_cohort_takes_him(
    facts: PatientFacts, expected: Outcome, verdict: Eligibility
) -> None:
    """Every cohort has inclusion lines: one whom all the others fail is this cohort's patient."""
    outcomes, eligibility = _judged(COHORTS, facts)
    assert (outcomes[-1], eligibility) == (expected, verdict)


@pytest.mark.parametrize(
    "text, facts, expected",
    [
        # a band's sentence beside a line every patient is asked
        ("Age 18 years and over. Subjects older than 80 years should have ECOG 0-1.", adult(ecog(2), years=50), MET),
        (
            "Age 18 years and over. Subjects older than 80 years should have ECOG 0-1.",
            adult(ecog(2), years=85),
            NOT_MET,
        ),
        ("Age 18 years and over. Subjects older than 80 years should have ECOG 0-1.", adult(ecog(1), years=85), MET),
        (
            "Age 18 years and over. Subjects older than 80 years should have ECOG 0-1.",
            adult(ecog(1), years=16),
            NOT_MET,
        ),
        # the T45 shape: the band is whom the duty concerns, never an age every patient must be
        (
            "Male and female patients must use an effective contraceptive method. Subjects 16 and 17 years old must also have a creatinine clearance >= 60 mL/min.",
            adult(crcl(40), years=35),
            UNKNOWN,
        ),
        (
            "Male and female patients must use an effective contraceptive method. Subjects 16 and 17 years old must also have a creatinine clearance >= 60 mL/min.",
            adult(crcl(40), years=16),
            NOT_MET,
        ),
        # the whole line a band's: it concerns nobody else
        ("Patients older than 70 years must have a creatinine clearance >= 60 mL/min", adult(crcl(40), years=50), MET),
        (
            "Patients older than 70 years must have a creatinine clearance >= 60 mL/min",
            adult(crcl(40), years=75),
            NOT_MET,
        ),
        ("Patients older than 70 years must have a creatinine clearance >= 60 mL/min", adult(crcl(70), years=75), MET),
        # a label naming the band, the whole line after its colon the band's
        ("Adult Population (age >= 18): Serum creatinine <= 1.0 mg/dL; if serum creatinine > 1.0 mg/dL, then the creatinine clearance must be > 60 mL/min", adult(creatinine(1.4), crcl(40), years=15), MET),
        ("Adult Population (age >= 18): Serum creatinine <= 1.0 mg/dL; if serum creatinine > 1.0 mg/dL, then the creatinine clearance must be > 60 mL/min", adult(creatinine(1.4), crcl(40), years=40), NOT_MET),
        ("Patients 18 years and older (Adult population): Serum creatinine < 1.0 mg/dL", adult(creatinine(1.4), years=15), MET),
        ("Patients 18 years and older (Adult population): Serum creatinine < 1.0 mg/dL", adult(creatinine(1.4), years=30), NOT_MET),
    ],
    ids=[
        "beside-young",
        "beside-old-failed",
        "beside-old-met",
        "beside-under-18",
        "duty-adult",
        "duty-band-failed",
        "whole-young",
        "whole-old-failed",
        "whole-old-met",
        "label-young",
        "label-adult-failed",
        "label-after-band-young",
        "label-after-band-adult-failed",
    ],
)
def test_a_sentence_for_an_age_band_concerns_that_band_only(text: str, facts: PatientFacts, expected: Outcome) -> None:
    """Outside the band the sentence asks nothing; inside it, it is the band's requirement."""
    assert _judged([(INC, text, None)], facts)[0][0] is expected


@pytest.mark.parametrize(
    "facts, expected",
    [
        (adult(condition("myocardial_infarction", 400)), UNKNOWN),
        (adult(condition("stroke", 400)), UNKNOWN),
        (adult(), NOT_MET),
    ],
    ids=["phase-1-exclusion-met", "phase-2-exclusion-met", "neither"],
)
def test_phases_exclusions_listed_in_one_line_are_each_at_most_an_open_question(
    facts: PatientFacts, expected: Outcome
) -> None:
    """Each phase's clause excludes that phase's patients only: met, the line is unknown (rule 1:
    never cleared); met by none, it does not hold."""
    text = "Phase I: history of myocardial infarction. Phase II: history of stroke"
    assert _judged([(EXC, text, None)], facts)[0][0] is expected


# a cohort heading the registry nested under another cohort's heading is the next cohort
NESTED_COHORTS = [
    (CriterionType.INCLUSION, "Diagnosis of MDS", None),
    (CriterionType.INCLUSION, "For participants in Cohorts A, A2, B, and B2:", None),
    (CriterionType.INCLUSION, "Progression at any time after initiation of azacitidine or decitabine treatment", 1),
    (CriterionType.INCLUSION, "For participants in Cohorts C1 and C2:", 1),
    (CriterionType.INCLUSION, "Must not have received prior treatment for MDS with any hypomethylating agent", 3),
]


@pytest.mark.parametrize(
    "facts, heading, verdict",
    [
        # cohort A's patient (after a hypomethylating agent) is not failed by cohort C's "must not have received"
        (adult(condition("mds"), medication("hypomethylating_agent", 300)), Outcome.UNKNOWN, Eligibility.POSSIBLY_ELIGIBLE),
        # cohort C's patient (never given one) is not failed by cohort A's progression after it
        (adult(condition("mds")), Outcome.MET, Eligibility.ELIGIBLE),
    ],
)
def test_a_cohort_heading_nested_under_another_is_its_alternative(facts: PatientFacts, heading: Outcome, verdict: Eligibility) -> None:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(NESTED_COHORTS)), facts, AS_OF)
    assert (outcome.criteria[1].outcome, outcome.eligibility) == (heading, verdict)
