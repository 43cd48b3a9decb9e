"""A later sentence that permits prior therapies (issue 14, criteria read right).

"Patients with MDS and <= 10% blasts ... Prior cytokines, biologic therapies, targeted therapies,
or single agent chemotherapy allowed." The short form ("... allowed.") after another sentence was
read as a requirement (every patient without a targeted therapy failed the diagnosis line), and
the long form ("AML. Prior chemotherapy is allowed.") widened the line: chemotherapy alone met
it. A permission of therapies the line never asks about speaks to another line's washout and
asks nothing here; one of a therapy the line does ask about still widens it; one with a
condition restricts the patients it names.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, medication

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION



@pytest.mark.parametrize("text,expected", [
    ("Patients with AML. Prior targeted therapies allowed.", "AML"),
    ("Patients with AML. Prior chemotherapy is allowed.", "AML"),
    ("Patients with MDS. Prior cytokines, biologic therapies, targeted therapies, or single agent chemotherapy allowed.", "MDS"),
    ("Received at least one prior chemotherapy regimen. Prior treatment with corticosteroids, immunotherapies or radiation therapy is permitted.",
     "chemotherapy"),
    ("No prior EGFR-TKI therapy. Previous palliative radiotherapy or surgery allowed.", "not EGFR-inhibitor"),
])
def test_a_permission_of_therapies_the_line_never_asks_about_asks_nothing(text, expected):
    assert rule_of(text) == expected


@pytest.mark.parametrize("text", [
    "No prior chemotherapy. Prior hydroxyurea allowed.",  # hydroxyurea leaves chemotherapy open
    "No prior chemotherapy. Prior hydroxyurea is allowed.",
])
def test_a_permission_of_a_therapy_the_line_asks_about_still_widens_it(text):
    assert rule_of(text).startswith("not chemotherapy or review")


def test_a_permission_with_a_condition_holds_the_patients_it_names_to_the_condition():
    text = ("No previous EGFR-TKI therapy. Previous adjuvant chemotherapy is allowed as long as it was completed at least "
            "6 months before diagnosis of metastatic NSCLC.")
    assert rule_of(text).startswith("not EGFR-inhibitor and (not chemotherapy or review")


@pytest.mark.parametrize("text,ctype", [
    # a subject naming a condition permits patients with it, read or not
    ("Active CNS disease. Patients with brain metastases previously treated with radiation therapy and stable for 2 weeks are allowed.", EXC),
    ("Patients with AML. Prior chemotherapy allowed if completed 4 weeks before.", INC),
])
def test_a_permission_naming_more_than_therapies_is_not_a_note(text, ctype):
    assert "review" in rule_of(text, ctype)


ROWS = [
    ("Patients with AML. Prior targeted therapies allowed.", INC,
     (adult(condition("aml")), adult(condition("aml"), medication("targeted_therapy"))),
     (adult(medication("targeted_therapy")), adult(condition("mds"), medication("chemotherapy"))), ()),
    ("Patients with AML. Prior chemotherapy is allowed.", INC,
     (adult(condition("aml"), medication("chemotherapy")),), (adult(condition("mds"), medication("chemotherapy")),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_disease_decides_whatever_therapy_the_record_holds(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
