"""A sentence that permits hydroxyurea beside a washout, with words after the permission
(parser.hydroxyurea_permits, issue 14): "...; hydroxyurea may be received up to the time of
enrollment and for the first 6 weeks of study treatment if necessary" (NCT02782403), "Hydroxyurea
is considered different from cytotoxic chemotherapy and may be used up to the day before
enrollment providing ..." (NCT00924170), "Per Investigator discretion, hydroxyurea may be used
anytime during the study" (NCT01110473).

Left as unread words, the sentence made the whole line a person's: a patient with no therapy at
all was unknown. Read: the washout decides every record without hydroxyurea; hydroxyurea is
excepted where the sentence only says when or why it may be given, and is a person's where its
words may narrow the permission (never cleared by an unread proviso). An unread wider window beside
the read one ("except anti Tac Mab (i.e. daclizumab), which cannot be used within 12 weeks") is
a person's too, never no exclusion.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.hydroxyurea_permits import split_permit
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

OFF_TKI = (  # NCT02782403
    "Patients should have discontinued therapy with imatinib, dasatinib, nilotinib, ponatinib, omacetaxine or other anti-leukemia therapy "
    "(except hydroxyurea) >= 48 hours prior to start of study therapy and recovered from any toxicity due to these therapies to grade =< 1; "
    "hydroxyurea may be received up to the time of enrollment and for the first 6 weeks of study treatment if necessary"
)
CYTOTOXIC = (  # NCT00924170
    "Cytotoxic chemotherapy, steroids or monoclonal antibody (Mab) within 3 weeks of enrollment, except anti Tac Mab (i.e. daclizumab), "
    "which cannot be used within 12 weeks of enrollment. Hydroxyurea is considered different from cytotoxic chemotherapy and may be used up "
    "to the day before enrollment providing it is not increased during the week prior to enrollment and that patients disease burden is not "
    "decreasing during that time."
)
FIRST_CYCLE = "No chemotherapy within 2 weeks prior to study entry. NOTE: Hydroxyurea will be allowed during the first cycle of treatment"
HOURS = "No chemotherapy within 2 weeks prior to study entry. Hydroxyurea is allowed up to 24 hours prior to study start."
AG120 = (  # NCT02074839: a bare permission, read by remarks.HYDROXYUREA_EXCEPTED as before
    "Subjects who received systemic anticancer therapy or radiotherapy <14 days prior to their first day of study drug administration. "
    "(Hydroxyurea is allowed prior to enrollment and after the start of AG-120)."
)
WBC = (  # NCT01260714: no washout the permission excepts from: read as before
    "Patients with high initial white blood cell (WBC) should have the WBC reduced to below 50 x 10^9/L with hydroxyurea, to minimize the "
    "risk of leukostasis related-complications; hydroxyurea is permitted up to 24 hours prior to starting azacitidine"
)


def hydroxyurea(days_ago: int):
    return medication("hydroxyurea", days_ago)


def tki(name: str, days_ago: int):
    return (medication("targeted_therapy", days_ago), medication("anticancer_therapy", days_ago), medication("named_medication", days_ago, quote=name))


# (line, type, met, not met, unknown)
ROWS = [
    (OFF_TKI, INC, (healthy(), healthy(*tki("dasatinib", 30)), healthy(hydroxyurea(0))), (healthy(*tki("nilotinib", 1)),), ()),
    (CYTOTOXIC, EXC, (healthy(medication("chemotherapy", 10)), healthy(medication("steroid_therapy", 2))),
     (healthy(), healthy(medication("chemotherapy", 40))), (healthy(hydroxyurea(1)),)),
    (FIRST_CYCLE, EXC, (healthy(medication("chemotherapy", 5)),), (healthy(), healthy(hydroxyurea(1))), ()),
    (HOURS, EXC, (healthy(medication("chemotherapy", 5)),), (healthy(), healthy(medication("chemotherapy", 30))), (healthy(hydroxyurea(1)),)),
    (AG120, EXC, (healthy(medication("chemotherapy", 5)),), (healthy(), healthy(hydroxyurea(1))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_washout_decides_every_record_without_the_permitted_hydroxyurea(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,ctype,rule", [
    (FIRST_CYCLE, EXC, "chemotherapy other than (hydroxyurea) within 2 weeks"),
    (HOURS, EXC, 'chemotherapy other than (hydroxyurea) within 2 weeks or (hydroxyurea within 2 weeks and review ambiguous '
                 '"whether the permitted hydroxyurea meets its conditions: Hydroxyurea is allowed up to 24 hours prior to study start")'),
])
def test_the_permission_excepts_hydroxyurea_or_leaves_it_to_a_person(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def test_a_line_with_no_washout_keeps_its_reading():
    assert "hydroxyurea is permitted" in rule_of(WBC, INC)


def test_the_unread_wider_window_is_a_persons():
    # daclizumab (a monoclonal antibody) 60 days ago: inside its own 12 weeks, never no exclusion
    assert judged(parse_line(CYTOTOXIC, EXC), healthy(medication("monoclonal_antibody_therapy", 60))) == "unknown"


@pytest.mark.parametrize("text", [
    "No chemotherapy within 2 weeks. Hydroxyurea is not allowed within 2 weeks.",  # a prohibition
    "No chemotherapy (except hydroxyurea) within 2 weeks",  # no sentence of its own
    "No chemotherapy within 2 weeks. Hydroxyurea and erythropoietin are permitted until study initiation",  # two subjects
])
def test_no_permission_sentence_of_hydroxyurea_alone_is_left_as_it_was(text):
    assert split_permit(text) == (text, None)


def test_hostile_input_is_read_in_bounded_time():
    text = ("hydroxyurea may be used " + "x " * 40 + "; ") * 250 + "(hydrea " * 200 + "is allowed " * 300
    start = time.perf_counter()
    split_permit(text[:20000])
    parse_line(text[:20000], EXC)
    assert time.perf_counter() - start < 1.0
