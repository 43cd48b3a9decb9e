"""How registry lines spell an infection's test and the method that shows it (issue 14).

* "Hepatitis Bs (HBs) antigen-positive", "HBs antigen positive", "HBs Ag positive", "hepatitis B
  s antigen", the older "hepatitis B antigen": the surface antigen (HBsAg), whose positive result
  is hepatitis B. Read apart, "antigen" stood as an unread alternative and a clean record was
  left unknown.
* "human immunodeficiency virus (HIV) positivity", "hepatitis B virus (HBV) negative": the
  abbreviation between the name and its result; the result was left an unread alternative.
* "HIV or seropositive, confirmed by nucleic acid test (NAT)", "active hepatitis C infection
  (positive by polymerase chain reaction ...)": the method that finds the virus asks nothing the
  virus's reading does not hold (``serology_words._method_only``).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
HIV = adult(condition("hiv", 800))
HBV = adult(condition("hbv", 800))
HCV = adult(condition("hcv", 800))
HBSAG = adult(result("hbsag", "positive"))
HBSAG_NEG = adult(result("hbsag", "negative"))
HCV_RNA = adult(result("hcv_rna", "positive"))
HIV_ART = adult(condition("hiv", 800), medication("antiretroviral_therapy", 3))

ROWS = [
    # -- the surface antigen, however spelled
    (
        "Hepatitis Bs (HBs) antigen-positive, or hepatitis C virus (HCV) antibody-positive.",
        E,
        [HBV, HBSAG, HCV],
        [CLEAN, HIV],
        [],
    ),
    ("HBs antigen positive", E, [HBSAG, HBV], [CLEAN, HBSAG_NEG], []),
    ("HBs Ag positive", E, [HBSAG], [CLEAN], []),
    ("hepatitis B s antigen positive", E, [HBSAG], [CLEAN], []),
    # -- the abbreviation between the name and its result
    ("Known human immunodeficiency virus (HIV) positivity", E, [HIV], [CLEAN, HBV], []),
    (
        "Known human immunodeficiency virus (HIV) positivity, active hepatitis C, or active hepatitis B",
        E,
        [HIV, HBV, HCV],
        [CLEAN],
        [],
    ),
    ("Hepatitis C virus (HCV) positivity", E, [HCV, HCV_RNA], [CLEAN], []),
    ("hepatitis B virus (HBV) negative", I, [CLEAN], [HBV], []),
    # -- the method that finds the virus
    ("HIV or seropositive, confirmed by nucleic acid test (NAT)", E, [HIV], [CLEAN, HBV], []),
    (
        "Known to have active hepatitis C infection (positive by polymerase chain reaction or on antiviral therapy for hepatitis C within the last 6 months)",
        E,
        [HCV, HCV_RNA],
        [CLEAN, HIV],
        [],
    ),
    # -- the therapy given as an example of who has HIV shows it and never narrows it
    (
        "Known human immunodeficiency virus (HIV) positivity (eg, subjects who are receiving antiretroviral therapy for HIV disease);",
        E,
        [HIV, HIV_ART],
        [CLEAN],
        [],
    ),
    (
        "HIV-positive patients on combination antiretroviral therapy are ineligible because of the potential for pharmacokinetic interactions",
        E,
        [HIV_ART],
        [CLEAN, HIV],
        [],
    ),
    # -- a virus given as an example of an unread head decides for a patient who has it
    (
        "Immunocompromised patients (other than that related to the use of corticosteroids) including patients known to be human "
        "immunodeficiency virus (HIV) positive; HIV-positive patients on combination antiretroviral therapy are ineligible",
        E,
        [HIV, HIV_ART],
        [],
        [CLEAN],
    ),
    # -- what stays as it was: hepatitis B e antigen is no surface antigen
    ("hepatitis B e antigen positive", E, [], [CLEAN], [HBV]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_infections_test_and_method_are_read_as_written(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "hepatitis B " * 400 + "antigen",
        "HBs " * 500 + "Ag",
        "human immunodeficiency virus (HIV " * 300 + ") positivity",
        "HIV or confirmed by " * 300 + "PCR",
    ],
    ids=["hepatitis-b", "hbs", "abbreviation", "method"],
)
def test_hostile_input_parses_quickly(text: str) -> None:
    start = time.perf_counter()
    parse_line(text, CriterionType.EXCLUSION)
    assert time.perf_counter() - start < 1.0
