"""Diseases listed each with its own status (issue 14, helper dx2):

- a comma list of status units whose statuses exclude each other ("Relapsed or refractory AML,
  untreated AML in subjects > 60 years, or ALL in subjects who have failed ...") lists the groups a
  trial takes: each unit an alternative (joined by the comma's "and", no patient met the line);
- a status written before a marker and its disease ("CML in AP/BC or relapsed/refractory Ph+ ALL")
  is the marked disease's, one unit: never an alternative to the disease before the "or", nor the
  marked disease a requirement of every patient;
- a status written with "in" after a list's last disease, where another member carries its own
  "in ..." ("..., CML in late chronic or accelerated phase or in blast crisis, and lymphoma in
  first or later relapses"), is the last member's own; without such a member ("AML, ALL, MDS, or
  lymphoma in first or later relapse") it stays over the list.

Rule 1 holds: a patient in none of the groups still fails the line.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, result

I = CriterionType.INCLUSION


def has(*concepts: str, **results: str) -> PatientFacts:
    return adult(*(condition(c) for c in concepts), *(result(k, v) for k, v in results.items()))


ROWS = [
    # (line, type, met, not met, unknown)
    ("Relapsed or refractory AML, untreated AML in subjects who are > 60 years of age, or acute lymphoblastic leukemia (ALL)", I,
     [has("aml", "relapsed"), has("all")], [has("cll", "relapsed"), has("mds")], []),
    ("Newly diagnosed AML, relapsed ALL, or CML in blast crisis", I,
     [has("all", "relapsed"), has("cml", cml_blast_phase="positive")], [has("cll", "relapsed"), has("all")], []),
    ("Patients with CML in blast crisis or relapsed Ph+ ALL", I,
     [has("cml", cml_blast_phase="positive"), has("all", "relapsed", bcr_abl1="positive")],
     [has("all", "relapsed", bcr_abl1="negative"), has("cml", cml_blast_phase="negative")], []),
    ("Patients with AML, ALL, Hodgkin's disease, MDS (including CMML), CML in late chronic or accelerated phase or in blast crisis, and lymphoma in first or later relapses.", I,
     [has("aml"), has("cmml"), has("lymphoma", "relapsed"), has("cml", cml_blast_phase="positive")], [has("cll", "relapsed"), has("multiple_myeloma")], [has("lymphoma")]),
    ("AML, ALL, MDS, or lymphoma in first or later relapses", I, [has("aml", "relapsed"), has("lymphoma", "relapsed")], [has("aml"), has("cll", "relapsed")], []),
    ("Patients must have CML in AP/BC or relapsed/refractory Ph+ ALL", I,
     [has("cml", cml_accelerated_phase="positive"), has("all", "refractory", bcr_abl1="positive")],
     [has("all", "relapsed", bcr_abl1="negative"), has("aml", "relapsed")], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_status_unit_list_reads_its_groups(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("line", "rendered"),
    [
        ("Relapsed or refractory AML, untreated AML in subjects who are > 60 years of age",
         "((relapsed or refractory) and AML) or ((not anticancer-therapy or therapy-for-earlier-disease other than (AML)) "
         "and not relapsed and not refractory and AML and age > 60 years)"),
        ("Patients with CML in blast crisis or relapsed Ph+ ALL", "(CML and CML-blast-phase is positive) or (relapsed and BCR-ABL1 is positive and ALL)"),
        ("relapsed or refractory Ph+ ALL", "(relapsed or refractory) and BCR-ABL1 is positive and ALL"),
    ],
)
def test_a_status_unit_list_renders(line: str, rendered: str) -> None:
    assert rule_of(line) == rendered
