"""How lines word hepatitis B and C by the tests that show them (``parser.infection_rewrites``):

* a hepatitis defined by the tests that are the infection on record ("Hepatitis B infection
  defined by positive DNA test, positive E and / or surface antigen", "(defined as positive
  hepatitis B surface antigen [HBsAg] serology)", "(defined as presence of Hep C RNA)") asks what
  its name does; a definition by the DNA or a viral load alone, or naming a core or HCV antibody,
  stays as written (narrower or wider than the name);
* the core antibody's follow-up DNA test ("If HBcAb is positive, HBV DNA by PCR will be
  evaluated") and its closing permission are the line's hepatitis B already;
* a leave for hepatitis B after a line that excludes none ("Patients would not be excluded for
  hepatitis B surface antigen positivity if on Lamivudine or Entecavir") changes nothing;
* ", since in these patients ..." is the line's reason (``remarks._RATIONALE``).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import condition, healthy, medication, result

EXC = CriterionType.EXCLUSION

DNA_E_SURFACE = "Hepatitis B or C virus infection. Hepatitis B infection defined by positive DNA test, positive E and / or surface antigen."  # NCT00446173 (holdout T273)
CORE_FOLLOW_UP = (
    "Positive hepatitis B surface antigen (HBsAg). If Hepatitis B core antibody (HBcAb) is positive, Hepatitis B deoxyribonucleic acid (DNA) "
    "by polymerase chain reaction (PCR) will be evaluated. Positive anti HBcAb and undetectable viral load does not exclude the patient."
)  # NCT00625729 (holdout T275)
CORE_PERFORMED = (
    "Positive serology for hepatitis B (HB) defined as a positive test for HBsAg. In addition, if negative for HBsAg but HBcAb positive "
    "(regardless of HBsAb status), a HB DNA test will be performed and if positive the subject will be excluded."
)
HIV_HCV_LEAVE = (
    "Patients who have human immunodeficiency virus (HIV) or hepatitis C, since in these patients reductions in normal T- or B-cells would "
    "increase the risk of exacerbation of their underlying disease. Patients would not be excluded for hepatitis B surface antigen "
    "positivity if on Lamivudine or Entecavir."
)  # NCT00924170 (holdout T321)
SURFACE_BRACKET = "Active hepatitis B (defined as having a positive hepatitis B surface antigen [HBsAg] test at screening) or hepatitis C."
HEP_C_RNA = "Active hepatitis C infection (defined as presence of Hep C RNA) or known HIV infection."
BY_VIRAL_LOAD = "A diagnosis of active hepatitis B or C as defined by detectable viral load assays in the blood"  # NCT02255162 (holdout T83)
BY_DNA_ONLY = "Active hepatitis B infection (defined as presence of Hep B DNA)"
WITH_CORE = (
    "Participant is known to be seropositive for hepatitis B (defined by a positive test for hepatitis B surface antigen [HBsAg] or "
    "antibodies to hepatitis B surface and core antigens [anti-HBs and anti-HBc, respectively])"
)

READINGS = [
    (DNA_E_SURFACE, "HBV or HCV"),
    (CORE_FOLLOW_UP, "HBV"),
    (CORE_PERFORMED, "HBV"),
    (HIV_HCV_LEAVE, "HIV or HCV"),
    (SURFACE_BRACKET, "HBV or HCV"),
    (HEP_C_RNA, "HCV or HIV"),
    # the test's abbreviation in its own bracket is the definition's
    ("History of chronic hepatitis B virus (HBV) infection or positive test results for active or chronic HBV infection defined by "
     "hepatitis B surface antigen (HBsAg)", "HBV"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_definition_is_the_infections_own(text, rule):
    assert rule_of(text, EXC) == rule


# a definition that goes on past a bracket it opens ("... defined as HCV ribonucleic acid (RNA)+ and
# ALT/AST is above normal range"): its first words alone are no definition
GOES_ON = "Active Hepatitis C virus (HCV) infection is defined as HCV ribonucleic acid (RNA)+ and ALT/AST is above normal range"


@pytest.mark.parametrize("text", [BY_VIRAL_LOAD, BY_DNA_ONLY, WITH_CORE, GOES_ON], ids=["viral-load", "dna-only", "core-antibody", "goes-on"])
def test_a_narrower_or_wider_definition_stays(text):
    assert "defined" in normalize(text)


def test_the_leave_stays_where_the_line_may_exclude_hepatitis_b():
    for text in (
        "Active viral infection. Patients would not be excluded for hepatitis B surface antigen positivity if on entecavir.",
        "HIV or hepatitis. Patients would not be excluded for hepatitis B surface antigen positivity if on entecavir.",
    ):
        assert "not be excluded" in normalize(text)


def test_since_of_time_is_no_reason():
    assert "since" in normalize("No chemotherapy within 4 weeks, since the last dose of cytarabine")


_HBSAG = result("hbsag", "positive")
_CORE_ONLY = (result("hbcab", "positive"), result("hbv_dna", "negative"))
_HBSAG_DNA_NEGATIVE = (result("hbsag", "positive"), result("hbv_dna", "negative"))

# (line, met, not met, unknown)
ROWS = [
    (DNA_E_SURFACE, (healthy(_HBSAG), healthy(condition("hcv"))), (healthy(), healthy(*_CORE_ONLY)), ()),
    (CORE_FOLLOW_UP, (healthy(_HBSAG),), (healthy(), healthy(*_CORE_ONLY)), ()),
    (HIV_HCV_LEAVE, (healthy(condition("hiv")), healthy(condition("hcv"))), (healthy(), healthy(_HBSAG, medication("entecavir"))), ()),
    # the viral load defines it: an HBsAg with no DNA detected is no active hepatitis B there (holdout T83)
    (BY_VIRAL_LOAD, (), (healthy(),), (healthy(*_HBSAG_DNA_NEGATIVE),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    normalize("hepatitis B (defined as " + "positive surface antigen, " * 800 + ")")
    normalize("hepatitis B defined by " + "[HBsAg] " * 2500)
    normalize("If HBcAb is positive, " * 900 + "HBV DNA will be evaluated.")
    normalize("Patients would not be excluded for hepatitis B " * 400 + "if on " * 1000)
    parse_line("Hepatitis B infection defined by " + "positive DNA test, " * 1000, EXC)
    assert time.perf_counter() - started < 1.0
