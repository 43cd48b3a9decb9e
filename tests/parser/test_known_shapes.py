"""Shapes the holdout trials found misread (issue 14, ``KNOWN`` in test_holdout_trials), each
pinned by general wordings and the records that make it met, not met and unknown:

* a limit at one times the upper limit of normal written without its multiple ("above (the)
  upper limit of normal", "exceeds the ULN"), and the wrapper that only announces its list
  ("Abnormal renal or hepatic function ... as defined below:");
* a permitted group's proviso written as requirements ("... are eligible provided that they are
  > 4 weeks from stem cell infusion, have no active GVHD"): read, so its decided parts decide
  for the group's members, and a negated item after a comma stays negated;
* a permission of something unread for the patients it names ("steroids ... are allowed for CNS
  lymphoma"): it asks nothing of anyone else; "; or" between an inclusion's alternatives;
* a site of disease named without a verb among the inclusions ("CNS or other sites of
  extramedullary disease"): a person's, never a requirement that fails everyone without it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from rules_engine.parser.sections import split_criteria
from tests.fixtures.records import adult, bilirubin, condition, creatinine, ecog, karnofsky, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult(condition("aml"))


def transplanted(days_ago: int, *more) -> PatientFacts:
    return adult(condition("aml"), procedure("allo_hsct", days_ago=days_ago), *more)


ROWS = [
    # -- one times the upper limit, written without the multiple ------------------------------
    ("Serum creatinine levels above upper limit of normal", EXC, (adult(creatinine(1.5, uln=1.2)),), (adult(creatinine(1.0, uln=1.2)),), (NONE,)),
    ("Bilirubin exceeds the upper limit of normal", EXC, (adult(bilirubin(1.5, uln=1.2)),), (adult(bilirubin(1.0, uln=1.2)),), (NONE,)),
    ("Total bilirubin above the institutional ULN", EXC, (adult(bilirubin(1.5, uln=1.2)),), (adult(bilirubin(1.0, uln=1.2)),), (NONE,)),
    # the lab's range for the patient's age and sex is the upper limit the record carries
    ("Serum creatinine above upper limit of normal, based on the normal ranges for age and gender of the local laboratories", EXC,
     (adult(creatinine(1.5, uln=1.2)),), (adult(creatinine(1.0, uln=1.2)),), (NONE,)),
    # the wrapper announces the list it opens, with its time of measurement between
    ("Abnormal renal or hepatic function prior to start of treatment (day 1) as defined below: a. Serum creatinine above upper limit "
     "of normal. b. Total bilirubin > 3.0 mg/dL", EXC,
     (adult(creatinine(1.5, uln=1.2), bilirubin(1.0)), adult(creatinine(1.0, uln=1.2), bilirubin(3.5))),
     (adult(creatinine(1.0, uln=1.2), bilirubin(1.0)),), (NONE,)),
    # -- a permitted group's proviso, read --------------------------------------------------------
    ("Patients who have undergone stem cell transplantation (SCT), autologous or allogeneic, are eligible provided that they are "
     "> 4 weeks from stem cell infusion, have no active GVHD, and meet other eligibility criteria", INC,
     (NONE, transplanted(60)), (transplanted(14), transplanted(60, condition("gvhd", days_ago=200))), ()),
    ("Patients with prior HSCT are eligible provided that they are > 100 days from stem cell transplant and have no active GVHD", INC,
     (NONE, transplanted(200)), (transplanted(30), transplanted(200, condition("gvhd", days_ago=150))), ()),
    # a proviso read in part stays a person's whole: the words left over may turn the read part round
    ("Prior allogeneic transplant is allowed provided that it was at least 100 days ago and there is no active GVHD", INC,
     (NONE,), (), (transplanted(200), transplanted(30))),
    ("Patients with prior HSCT are eligible provided that they are > 4 weeks from transplant and off all immunosuppression "
     "per the treating physician", INC, (NONE,), (), (transplanted(14), transplanted(60))),
    # -- a negated item after a comma ---------------------------------------------------------------
    ("At least 100 days since HSCT, no active GVHD", INC,
     (transplanted(200), NONE), (transplanted(30), transplanted(200, condition("gvhd", days_ago=150))), ()),
    ("> 4 weeks from stem cell transplant, have no active GVHD", INC,
     (transplanted(60),), (transplanted(14), transplanted(60, condition("gvhd", days_ago=300))), ()),
    # in a prohibition the negator repeats it: none of the things listed
    ("No HIV and no active GVHD", INC, (NONE,), (adult(condition("hiv")), adult(condition("gvhd"))), ()),
    ("No HIV, no active GVHD", INC, (NONE,), (adult(condition("hiv")), adult(condition("gvhd"))), ()),
    # -- a permission of something unread, for the patients it names ------------------------------
    ("Non-escalating doses of steroids at the lowest possible dosing level are allowed for CNS lymphoma", INC,
     (NONE, adult(condition("all"), condition("cns_involvement"))), (), (adult(condition("lymphoma"), condition("cns_involvement")),)),
    # -- "; or" between whole alternatives of an inclusion ------------------------------------------
    ("ECOG 0-1; or Karnofsky >= 70", INC, (adult(ecog(1)), adult(karnofsky(80))), (adult(ecog(3), karnofsky(40)),), (NONE,)),
    ("No prior HSCT; or at least 100 days from stem cell transplant", INC,
     (NONE, transplanted(200)), (transplanted(30),), ()),
    # the proviso's lead says it is one: "who are eligible for <a transplant>" names a candidacy, no condition
    ("Prior chemotherapy is permitted, however no prior treatment with temozolomide", INC, (NONE,), (), ()),
    # -- a site of disease without a verb --------------------------------------------------------
    ("CNS or other sites of extramedullary disease. No cranial irradiation is allowed during the protocol therapy", INC,
     (), (), (NONE, adult(condition("aml"), condition("extramedullary_disease")))),
    # with a verb the role is said: asked for
    ("Patients must have extramedullary disease", INC, (adult(condition("aml"), condition("extramedullary_disease")),), (NONE,), ()),
]

CASES = outcome_cases(ROWS)


@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_a_known_shape_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


WRAPPED_ENUMERATION = """Inclusion Criteria:

  -  Patients must have a CT or MRI scan of the brain within 42 days; patient must not
     have leptomeningeal disease or brain metastases unless: (1)
     metastases have been locally treated and are asymptomatic for at least 14 days, AND
     (2) patient has no residual neurological dysfunction

  -  Patients must have measurable disease
"""

LISTED = """Inclusion Criteria:

  -  Patients must meet one of the following:

       (1) relapsed AML

       (2) refractory AML
"""


def test_an_enumeration_begun_inline_runs_on_over_its_wrapped_line() -> None:
    lines = split_criteria(WRAPPED_ENUMERATION)
    assert [line.parent for line in lines] == [None, None]
    assert lines[0].text.endswith("(2) patient has no residual neurological dysfunction")


def test_an_enumeration_under_its_heading_stays_one_line_each() -> None:
    lines = split_criteria(LISTED)
    assert [line.parent for line in lines] == [None, 0, 0]
