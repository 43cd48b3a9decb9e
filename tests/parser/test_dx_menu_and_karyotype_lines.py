"""Diagnosis menus and AML karyotypes (issue 14, helper dx3).

- A disease heading with a qualifier over its list ("Low-grade non-Hodgkin's lymphoma meeting 1 of
  the following criteria:", "Accelerated phase CML meeting ...", "Imatinib mesylate-resistant Ph+
  CML, as defined by any of the following:") keeps its disease: the list says how the named
  patients qualify, never admits another disease (dropped, a relapsed AML after an autologous
  transplant met the low-grade lymphoma branch of a diagnosis menu by "Relapsed after autologous SCT").
- The core-binding-factor karyotypes, t(8;21) and inv(16)/t(16;16), are read from the text and
  from ICD-O-3 9896/3 and 9871/3; an AML on record without one leaves them open (unknown), an APL
  rules them out.
- A review that asks an intermediate or worse cytogenetic risk group fails for a favourable
  karyotype on record (t(8;21), inv(16), APL's t(15;17)), and stays a person's otherwise.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.karyotype_risk import _RISK_ONLY
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render
from tests.fixtures.records import AS_OF, adult, condition, lab, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

Rows = list[tuple[CriterionType, str, int | None]]


def _outcomes(rows: Rows, facts: PatientFacts) -> list[Outcome]:
    result = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(rows)), facts, AS_OF)
    return [c.outcome for c in result.criteria]


def _read(text: str, ctype: CriterionType = INC) -> str:
    [criterion] = parse_lines([(ctype, text, None)])
    return render(criterion.expr)


# -- a qualified disease lead ------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, read",
    [
        ("Low-grade non-Hodgkin's lymphoma meeting 1 of the following criteria:", 'NHL and review unsupported "Low-grade"'),
        ("Accelerated phase CML meeting 1 of the following criteria:", "CML and CML-accelerated-phase is positive"),
        ("Imatinib mesylate-resistant Ph+ chronic myelogenous leukemia (CML), as defined by any of the following:",
         # (the drug before its failure, hyphenated: imatinib given, how it failed a person's)
         'named-medication is imatinib and (refractory or review unsupported "whether the disease failed the drug or the drug was not tolerated: '
         'Imatinib mesylate-resistant") and BCR-ABL1 is positive and CML'),
        # not a disease: the list may define it, and the lead stays unread as before
        ("Liver metastases, meeting 1 of the following criteria:", "review unsupported"),
        ("Measurable disease as defined by one of the following:", "review unsupported"),
        # a diagnosis its list defines, its causes every cancer (topics.neoplastic_meningitis): the
        # meningitis is asked (read as "solid tumor", the lead had failed every leukaemia)
        ("Diagnosis of neoplastic meningitis secondary to leukemia, lymphoma (including AIDS-related lymphoma), or solid tumor "
         "(including primary CNS tumors or carcinomas of unknown primary site), defined by 1 of the following criteria:",
         "leptomeningeal-disease or (CNS-involvement and (acute-leukemia or CLL or CML))"),
        # a disease that is not the patients' own: a prevention trial's, for women without it
        ("At increased risk for breast cancer, as defined by 1 of the following criteria:", "review unsupported"),
    ],
    ids=["low-grade-nhl", "accelerated-cml", "defined-by", "metastases", "measurable", "diseases-left-unread", "at-risk-for"],
)
def test_a_qualified_disease_lead_keeps_its_disease(text: str, read: str) -> None:
    assert _read(text) == read


MENU: Rows = [
    (INC, "Diagnosis of 1 of the following advanced hematologic malignancies:", None),
    (INC, "Low-grade non-Hodgkin's lymphoma meeting 1 of the following criteria:", 0),
    (INC, "Relapsed or refractory disease after ≥ 2 chemotherapy-based treatment regimens", 1),
    (INC, "Relapsed after autologous SCT", 1),
]


@pytest.mark.parametrize(
    "facts, outcome",
    [
        # relapsed AML after an autologous transplant: not a lymphoma, whatever its list says
        (adult(condition("aml", 400), condition("relapsed", 30), procedure("auto_hsct", 200)), NOT_MET),
        # a lymphoma relapsed after one: the list holds, whether it is low grade is a person's
        (adult(condition("follicular_lymphoma", 900), condition("relapsed", 30), procedure("auto_hsct", 200)), UNKNOWN),
    ],
    ids=["aml-after-auto", "lymphoma-after-auto"],
)
def test_the_menu_branch_asks_its_disease(facts: PatientFacts, outcome: Outcome) -> None:
    assert _outcomes(MENU, facts)[0] is outcome


# -- karyotypes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, ctype, read",
    [
        ("AML associated with favorable risk karyotypes including inv(16), t(8;21), t(16;16), or t(15;17)", EXC,
         '(AML and review "associated with favorable risk karyotypes including") or (AML-inv16 and review "associated with favorable risk karyotypes including") '
         "or AML-t8-21 or AML-inv16 or APL"),
        ("absence of a t(15;17), t(8;21), inv(16)/t(16;16) and the respective fusion transcripts PML-RARA, RUNX1-RUNX1T1 and CBFB-MYH11", INC,
         "not (APL or AML-t8-21 or AML-inv16)"),
        ("AML with RUNX1-RUNX1T1", INC, "AML and AML-t8-21"),
        ("AML with CBFB-MYH11", INC, "AML and AML-inv16"),
    ],
    ids=["favourable-exclusion", "absence-with-transcripts", "runx1", "cbfb"],
)
def test_the_core_binding_factor_karyotypes_are_read(text: str, ctype: CriterionType, read: str) -> None:
    assert _read(text, ctype) == read


@pytest.mark.parametrize(
    "text, ctype",
    [
        ("Untreated AML in subjects who are > 60 years of age and do not have favorable cytogenetics (i.e., lack t(8,21) or inv(16)/t(16,16)", INC),
        ("AML without t(8;21)", INC),
        ("t(8;21) lacking del (9q) or complex karyotypes", EXC),
    ],
    ids=["lack-list", "without", "narrowed-after"],
)
def test_a_denied_or_narrowed_karyotype_is_not_read_as_asked(text: str, ctype: CriterionType) -> None:
    assert "AML-t8-21" not in _read(text, ctype) and "AML-inv16" not in _read(text, ctype)


T8_21 = adult(condition("aml_t8_21", 30))
APL = adult(condition("apl", 30))
AML_ONLY = adult(condition("aml", 30))
ALL = adult(condition("all", 30))


@pytest.mark.parametrize(
    "facts, outcome",
    [(T8_21, MET), (AML_ONLY, UNKNOWN), (APL, NOT_MET), (ALL, NOT_MET)],
    ids=["t8-21", "aml-no-karyotype", "apl-rules-it-out", "not-aml"],
)
def test_an_aml_without_its_karyotype_on_record_may_have_t8_21(facts: PatientFacts, outcome: Outcome) -> None:
    assert _outcomes([(INC, "AML with t(8;21)", None)], facts)[0] is outcome


@pytest.mark.parametrize(
    "text, read",
    [
        ("Intermediate or adverse cytogenetic risk", "not (AML-t8-21 or AML-inv16 or APL) and review"),
        ("Poor risk cytogenetics", "not (AML-t8-21 or AML-inv16 or APL) and review"),
        ("In CR1 with poor risk cytogenetics:", 'not (AML-t8-21 or AML-inv16 or APL) and review "with poor risk cytogenetics"'),
    ],
    ids=["intermediate-or-adverse", "poor-risk", "in-cr1-with"],
)
def test_a_risk_group_review_is_failed_by_a_favourable_karyotype(text: str, read: str) -> None:
    assert read in _read(text)


def test_a_review_naming_more_than_the_karyotype_is_left_as_it_was() -> None:
    """"poor-risk features, such as ... adverse cytogenetics": other features may hold for a t(8;21)"""
    assert "AML-t8-21" not in _read("De novo AML in adults > 60 years of age with poor-risk features, such as complex (≥ 3) or adverse cytogenetics")


@pytest.mark.parametrize(
    "facts, outcome",
    [(T8_21, NOT_MET), (APL, NOT_MET), (AML_ONLY, UNKNOWN), (adult(condition("aml", 30), lab("bm_blasts", 40, "%")), UNKNOWN)],
    ids=["t8-21", "apl", "aml-no-karyotype", "aml-blasts-only"],
)
def test_adverse_risk_is_a_persons_unless_the_karyotype_is_favourable(facts: PatientFacts, outcome: Outcome) -> None:
    assert _outcomes([(INC, "Intermediate or adverse cytogenetic risk", None)], facts)[0] is outcome


def test_the_risk_pattern_is_linear_on_a_long_list() -> None:
    text = "intermediate or " * 500 + "adverse cytogenetic riskx" + " by" + " a" * 60
    start = time.perf_counter()
    _RISK_ONLY.fullmatch(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


# -- an APL admitted only after its drugs ------------------------------------------------------

APL_ONLY_AFTER = ("Diagnosis of acute myeloid leukemia by WHO criteria, either relapsed or refractory; acute promyelocytic leukemia "
                  "[acute promyelocytic leukemia with t(15;17)(q22;q12) and variants] would be eligible only after failure of a regimen "
                  "containing arsenic trioxide")


@pytest.mark.parametrize(
    "facts, outcome",
    [
        # never given arsenic trioxide: not yet admitted (read as a permission only, it was unknown)
        (adult(condition("apl", 200), condition("relapsed", 20)), NOT_MET),
        # given it: how it failed is a person's
        (adult(condition("apl", 200), condition("relapsed", 20), medication("named_medication", 90, quote="arsenic trioxide", words="arsenic trioxide")), UNKNOWN),
        (adult(condition("aml", 200), condition("relapsed", 20)), MET),
    ],
    ids=["apl-no-arsenic", "apl-after-arsenic", "aml"],
)
def test_an_apl_admitted_only_after_a_drug_has_had_it(facts: PatientFacts, outcome: Outcome) -> None:
    assert _outcomes([(INC, APL_ONLY_AFTER, None)], facts)[0] is outcome


def test_another_way_after_the_drug_leaves_it_a_persons() -> None:
    text = "Diagnosis of AML, relapsed or refractory; APL would be eligible only after failure of a regimen containing arsenic trioxide or another regimen"
    assert "named-medication" not in _read(text)
