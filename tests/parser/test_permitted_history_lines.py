"""A clause that permits a history, and a requirement of the patients a marker names, ("Patients in first CR (or CRp) may have received any induction
chemotherapy regimen; they may have received post-remission consolidation therapy (except for
transplant)", "Patients may have received cetuximab, panitumumab or erlotinib previously") asks
nothing: read as asked, every patient without the therapy failed the line. What it excepts is
forbidden, to the patients its subject names (read as nothing, a patient transplanted in first
remission was eligible: hold21's one eligible-when-excluded). A count, a window, a condition or an
exclusion written in the clause ("one prior regimen with crizotinib (all other ALK inhibitors are
excluded)") keeps the clause to its other readers."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure, result

I = CriterionType.INCLUSION

CLEAN = adult(condition("aml", 300), condition("remission", 30))
TREATED = adult(condition("aml", 300), condition("remission", 30), medication("chemotherapy", 100))
TRANSPLANTED = adult(condition("aml", 300), condition("remission", 30), medication("chemotherapy", 200), procedure("allo_hsct", 100))
ANTHRACYCLINE = adult(medication("anthracycline", 100))

ROWS = [
    ("Patients may have received any induction chemotherapy regimen", I, [CLEAN, TREATED], [], []),
    ("Patients in 2nd or subsequent CR (or CRp) may have received any appropriate salvage regimen before achieving CR and may have received "
     "further therapy before inclusion", I, [CLEAN, TREATED], [], []),
    # (the patients the subject names, "in first CR", are read as the record shows them: a remission
    # with no relapse before it; transplanted in it, the patient fails the line, where it was a
    # person's while the subject stayed words)
    ("Patients in first CR (or CRp) may have received any induction chemotherapy regimen; they may have received post-remission consolidation "
     "therapy (except for transplant) prior to inclusion in this protocol", I, [CLEAN, TREATED], [TRANSPLANTED], []),
    ("Patients may have received prior chemotherapy (except for anthracyclines)", I, [CLEAN, TREATED], [ANTHRACYCLINE], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_permitted_history_asks_nothing_and_its_exception_is_forbidden(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_permission_that_also_excludes_is_left_to_its_other_readers() -> None:
    """"(all other ALK inhibitors are excluded)" forbids: the clause is never read as "no requirement"."""
    assert parse_line("Patients may have received one prior treatment regimen with crizotinib (all other ALK inhibitors are excluded).", I).expr.__class__.__name__ != "NoRequirement"


PH_POSITIVE_ALL = adult(condition("b_all", 300), condition("relapsed", 30), result("bcr_abl1", "positive"))
PH_NEGATIVE_ALL = adult(condition("b_all", 300), condition("relapsed", 30), result("bcr_abl1", "negative"))
AML = adult(condition("aml", 300), condition("relapsed", 30))

SCOPED = [
    # a requirement of the patients a marker and a disease name (ALL and AML trials write them so):
    # never asked of a Ph-negative ALL or an AML (read as a plain clause, they failed it)
    ("Philadelphia chromosome-positive ALL patients must have failed or be intolerant to at least 2 tyrosine kinase inhibitors", I,
     [PH_NEGATIVE_ALL, AML], [], [PH_POSITIVE_ALL]),
    ("Patients with Ph+ ALL must have failed imatinib", I, [PH_NEGATIVE_ALL, AML], [], [PH_POSITIVE_ALL]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(SCOPED))
def test_a_requirement_of_the_patients_a_marker_names_is_theirs_only(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
