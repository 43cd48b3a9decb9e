"""Prior and concurrent therapy lines (issue 14): products the catalogue knew by no name a line
writes (a code name, another spelling), a growth factor written with its hyphen, a list of
current therapies longer than its lead's reach, and hydroxyurea excepted in brackets with
conditions of its own (parser.hydroxyurea_conditions).

* "Prior exposure to SNS-595 (vosaroxin)", "Received IL-11 (oprelvekin) within 4 weeks",
  "Prior treatment with MDV3100": the product asked by both names; a record naming another
  product clears the line, one naming it (by either name) meets it.
* "granulocyte-colony stimulating factor (G-CSF)": the growth factor whole (left, "granulocyte-"
  stood unread beside it).
* "Concurrent MDS therapies, including lenalidomide, erythropoietin, ..., G-CSF,
  granulocyte-macrophage colony-stimulating factor, etc.": the last member is current as the
  member before it (read as ever, a growth factor stopped a year ago excluded the patient).
* "a high-dose cytarabine containing regimen (>2 g/m2/dose) within 3 months": the regimen is the
  product given, its dose and window the product's (left, "containing regimen" stood unread).
* "No previous cytotoxic chemotherapy for the treatment of AML (exception: oral hydroxyurea for up
  to 5 days ...)": other chemotherapy decides; hydroxyurea alone is a person's.

Lines are the corpus's own wordings; outcomes are judged by both evaluators.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.hydroxyurea_conditions import split_conditioned
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
OPEN = 'review ambiguous "whether a course given 4 to 8 weeks ago is still under way"'

MDS_THERAPIES = (  # NCT03306264
    "Concurrent MDS therapies, including lenalidomide, erythropoietin, cyclosporine/tacrolimus, granulocyte-colony stimulating factor (G-CSF), "
    "granulocyte-macrophage colony-stimulating factor, etc. (Prior treatment with these agents is permitted, provided that completion is at "
    "least 1 week before the first dose of study treatment.)"
)
AML_CHEMO = (  # NCT01534702
    "No previous cytotoxic chemotherapy for the treatment of AML (exception: oral hydroxyurea for up to 5 days during screening/baseline "
    "to control hyperleukocytosis)"
)

HIDAC = (  # NCT00583102
    "Patients who have received a high-dose cytarabine containing regimen (>2 g/m2/dose) within 3 months prior to registration on this "
    "protocol are not eligible."
)


def named(word: str, days_ago: int = 200):
    return medication("named_medication", days_ago, quote=word)


@pytest.mark.parametrize("text,rule", [
    ("Prior exposure to vosaroxin", 'named-medication is "vosaroxin sns-595"'),
    ("Prior exposure to SNS-595 (vosaroxin)", 'named-medication is "sns-595 vosaroxin" or named-medication is "vosaroxin sns-595"'),
    ("Received IL-11 (oprelvekin) within 4 weeks before screening",
     'named-medication is "il-11 oprelvekin" within 4 weeks or named-medication is "oprelvekin neumega" within 4 weeks'),
    ("Prior treatment with MDV3100", 'named-medication is "mdv3100 enzalutamide"'),
    ("Prior treatment with DNA methyltransferase inhibitors (DMTI) [e.g., azacitadine, decitabine, etc.]",
     'hypomethylating-agent or named-medication is "azacitadine azacitidine" or named-medication is decitabine'),
    ("No concurrent granulocyte-colony stimulating factor (G-CSF)", f"not (growth-factor within 28 days or (growth-factor within 56 days and {OPEN}))"),
])
def test_the_product_or_class_is_read_by_the_name_the_line_writes(text, rule):
    assert rule_of(text, EXC if not text.startswith("No ") else INC) == rule


# (line, type, met, not met, unknown)
ROWS = [
    ("Prior exposure to SNS-595 (vosaroxin)", EXC, (healthy(named("vosaroxin")),), (healthy(named("cytarabine")),), ()),
    ("Prior exposure to vosaroxin", EXC, (healthy(named("SNS-595")), healthy(named("vosaroxin"))), (healthy(named("cytarabine")),), ()),
    ("Prior treatment with MDV3100", EXC, (healthy(named("enzalutamide")),), (healthy(named("abiraterone")),), ()),
    # a growth factor stopped long ago is no concurrent MDS therapy (the unread lenalidomide keeps a clean record a person's)
    (MDS_THERAPIES, EXC, (healthy(medication("growth_factor", 3)),), (), (healthy(medication("growth_factor", 400)), healthy())),
    # the regimen containing the product is the product given; its dose in brackets is the product's
    (HIDAC, INC, (healthy(), healthy(named("imatinib"))), (), (healthy(named("cytarabine", 30)),)),
    (AML_CHEMO, INC, (healthy(),), (healthy(medication("chemotherapy", 200)),), (healthy(medication("hydroxyurea", 3)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_read_as_the_line_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_the_list_member_past_the_leads_reach_is_current():
    assert "growth-factor or" not in rule_of(MDS_THERAPIES, EXC) and not rule_of(MDS_THERAPIES, EXC).endswith("growth-factor")


@pytest.mark.parametrize("text", [
    "No prior chemotherapy (except hydroxyurea)",  # no condition: remarks.HYDROXYUREA_EXCEPTED reads it
    "No prior chemotherapy (except hydroxyurea or imatinib for up to 5 days)",  # another drug excepted beside it
    "Hydroxyurea (for up to 5 days)",  # no exception
])
def test_no_conditioned_exception_of_hydroxyurea_alone_is_left_as_it_was(text):
    assert split_conditioned(text) == (text, None)


def test_hostile_input_is_read_in_bounded_time():
    text = ("(except hydroxyurea for " + "5 days " * 40 + ") ") * 60 + "(exception: hydrea " * 300
    start = time.perf_counter()
    split_conditioned(text[:20000])
    parse_line(text[:20000], EXC)
    parse_line(("Concurrent G-CSF, " + "GM-CSF, " * 3000)[:20000], EXC)
    assert time.perf_counter() - start < 1.0
