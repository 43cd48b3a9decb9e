"""A denial covers its whole list: "without clinical or radiographic evidence of metastatic
disease", "without a growth factor, thrombopoietin, or platelet transfusion", "Additionally, no
myocardial infarction, ... or pulmonary embolism", "Patients may receive no concurrent
chemotherapy, immunotherapy or ketoconazole". The "or" inside what the patient must lack offers
no alternative to the line's requirement; read as one, each of these lines was met by a patient it
rules out (any metastatic cancer, any platelet count without growth factor, a patient with angina
or on immunotherapy)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize("line, read", [
    ("Histologic or cytologic confirmation of head and neck malignancy without clinical or radiographic evidence of metastatic disease",
     "head-and-neck-cancer and not metastatic-disease"),
    ("Head and neck cancer without clinical and radiologic evidence of metastatic disease", "head-and-neck-cancer and not metastatic-disease"),
    # one kind of evidence was read so already
    ("Head and neck cancer without clinical evidence of metastatic disease", "head-and-neck-cancer and not metastatic-disease"),
])
def test_the_kinds_of_evidence_a_patient_lacks_are_no_alternatives(line: str, read: str) -> None:
    assert render_rule(parse_line(line, INC).expr) == read


@pytest.mark.parametrize("line, read", [
    ("Platelet count ≥50,000/μL without administration of a growth factor, thrombopoietin, or platelet transfusion",
     'platelets >= 50 10*9/L and not growth-factor and review unsupported "thrombopoietin … platelet transfusion"'),
    ("Platelet count ≥50,000/μL without administration of a growth factor or platelet transfusion",
     'platelets >= 50 10*9/L and not growth-factor and review unsupported "platelet transfusion"'),
])
def test_a_list_after_without_is_lacked_whole_not_an_alternative_to_the_bound(line: str, read: str) -> None:
    assert render_rule(parse_line(line, INC).expr) == read


@pytest.mark.parametrize("line", [
    "Additionally, no myocardial infarction, severe/unstable angina, or pulmonary embolism within the last year",
    "Also, no active infection or HIV",
    "Patients may receive no concurrent chemotherapy, immunotherapy or ketoconazole.",
])
def test_a_negation_after_a_linking_word_or_a_verb_of_taking_denies_the_whole_list(line: str) -> None:
    assert render_rule(parse_line(line, INC).expr).startswith("not (")


@pytest.mark.parametrize("line, read", [
    ("Also, patients must not have HIV", "HIV"),
    ("In addition, participants should not receive a CYP3A4 inhibitor within 14 days", "CYP3A4-modulator within 14 days"),
    ("Additionally, no HIV", "HIV"),
    ("Also, patients should not receive warfarin", "vitamin-K-antagonist"),
])
def test_a_linking_word_before_an_exclusions_duty_leaves_what_it_excludes(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr).startswith(read)


@pytest.mark.parametrize("line", [
    "Platelets >= 50 without " + "clinical or " * 2000 + "evidence of x",
    "Additionally, " * 1500 + "no HIV",
    "Platelets >= 50 without growth factor" + ", x" * 6000 + " or y",
])
def test_hostile_denied_lists_parse_quickly(line: str) -> None:
    start = time.perf_counter()
    parse_line(line[:20000], INC)
    assert time.perf_counter() - start < 5.0
