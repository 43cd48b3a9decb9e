"""A result written once for a list of infections (issue 14): "Negative for HTLV and HIV",
"Seronegative for HIV, hepatitis B and hepatitis C", "Hepatitis B and C virus negative", "Negative
serology for HIV type I and II, human T-lymphotropic virus type I and II, hepatitis B or C virus,
syphilis, and cytomegalovirus", "Seropositive for HIV, HBV or HCV".

Read name by name, the result went to the name beside it and the other names were asked present:
an inclusion required the very infections it rules out (a clean record failed it; one with
hepatitis B met "Hepatitis B and/or hepatitis C negative"), and "Negative for HIV" was negated a
second time as the clause's "negative for" (an HIV-positive patient met it). The result is every
name's, and under a negative result the list's "or" is "and". A sentence that only gives the
line's reason ("Patients who are HIV seropositive can have decreased immune competence and thus
may be less responsive ...") asks nothing: read as words, it required HIV beside its absence.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.notes import strip_rationale
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
HIV = adult(condition("hiv", 800))
HBV = adult(condition("hbv", 800))
HCV = adult(condition("hcv", 800))
HTLV = adult(condition("htlv", 800))
SYPHILIS = adult(condition("syphilis", 800))

ROWS = [
    # -- a negative result before the list
    ("Negative for HIV", I, [CLEAN, HBV], [HIV], []),
    ("Negative for HTLV and HIV", I, [CLEAN, HBV], [HTLV, HIV], []),
    ("Seronegative for HIV, hepatitis B and hepatitis C", I, [CLEAN, HTLV], [HIV, HBV, HCV], []),
    ("Negative for hepatitis B or C", I, [CLEAN, HIV], [HBV, HCV], []),
    ("Negative screening tests for HIV, Hepatitis B, and Hepatitis C", I, [CLEAN], [HIV, HBV, HCV], []),
    ("Documented negative test for human immunodeficiency virus.", I, [CLEAN], [HIV], []),
    ("Negative serology for HIV type I and II, human T-lymphotropic virus type I and II, hepatitis B or C virus, syphilis, and cytomegalovirus",
     I, [], [HIV, HTLV, HBV, HCV, SYPHILIS], [CLEAN]),
    # -- a negative result after it
    ("Hepatitis B and C virus negative", I, [CLEAN, HIV], [HBV, HCV], []),
    ("Hepatitis B and/or hepatitis C negative", I, [CLEAN], [HBV, HCV], []),
    ("HIV negative, hepatitis B and C negative", I, [CLEAN], [HIV, HBV, HCV], []),
    ("HIV and hepatitis B and C negative", I, [CLEAN], [HIV, HBV, HCV], []),
    # -- a positive result before it is the list's, its joins kept
    ("Seropositive for HIV, HBV or HCV", E, [HIV, HBV, HCV], [CLEAN, HTLV], []),
    ("Patients testing positive for human immunodeficiency virus (HIV) or hepatitis B or C", E, [HIV, HBV, HCV], [CLEAN], []),
    ("Known positive serology for the human immunodeficiency virus (HIV), hepatitis C, and/or active hepatitis B.", E, [HIV, HBV, HCV], [CLEAN], []),
    # -- each name's own result stays its own
    ("Negative for HIV, positive for hepatitis B", I, [HBV], [CLEAN, adult(condition("hiv", 800), condition("hbv", 800))], []),
    # -- a sentence of reasons asks nothing
    ("Seronegative for HIV antibody. Note: The experimental treatment being evaluated in this protocol depends on an intact immune system. "
     "Patients who are HIV seropositive can have decreased immune competence and thus may be less responsive to the experimental treatment.",
     I, [CLEAN], [HIV], []),
    ("Seronegative for human immunodeficiency virus (HIV) antibody. (The experimental treatment being evaluated in this protocol depends on an "
     "intact immune system. Patients who are HIV seropositive can have decreased immune competence and may thus be less responsive to the "
     "experimental treatment and more susceptible to its toxicities.)", I, [CLEAN], [HIV], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_result_written_once_is_every_listed_infections(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Patients with symptomatic brain metastases (because of their poor prognosis they are excluded)", None),
        ("Inflammatory bowel disease (e.g. ulcerative colitis), or other gastrointestinal conditions with increased risk of perforation", None),
        ("Unable to comply with the protocol (e.g. because of alcoholism, drug dependency, or psychological disorder).", None),
        ("Brain metastases. Because of their poor prognosis these patients do poorly.", "Brain metastases."),
        ("Seronegative for HIV. (Patients who are HIV seropositive can have decreased immune competence and thus respond less.)", "Seronegative for HIV."),
    ],
    ids=["reason-with-a-verdict", "risk-is-a-condition", "examples-after-eg", "sentence", "bracket"],
)
def test_only_a_whole_sentence_that_gives_a_reason_and_decides_nothing_is_taken_out(text: str, kept: str | None) -> None:
    assert strip_rationale(text) == (text if kept is None else kept)
