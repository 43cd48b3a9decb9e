"""Which remission a blood cancer is in (issue 14): "in first complete remission", "In CR2 or CR3",
"in second or subsequent CR", "AML beyond 2nd remission or relapsed/refractory disease", "Hodgkin's
lymphoma beyond first remission" (about 60 corpus lines of the transplant trials' categories).

* The ordinal is the count of relapses on record before the remission (``relapse_count``): none
  for a first remission, one for a second; every active relapse record is the current relapse,
  resolved ones earlier relapses, one per date.
* A record whose count gives the ordinal meets it; one that gives another leaves it to a person
  (a relapse coded twice counts twice, and registries write each remission as a cohort line of its
  own that the criteria join as requirements), never failed by the count alone. A disease not in
  remission at all (relapsed, newly diagnosed) fails a line only a remission meets, as before.
* "beyond Nth remission" asks the relapses alone: a patient in relapse after two remissions is
  beyond the second as much as one in a third remission.
* An ordinal that dates something ("relapse after first complete remission", "first remission
  duration < 12 months") is not read so. One of a list the joins would split from its disease ("de
  novo acute leukemia in first remission, or myelodysplastic syndromes") is read where the words
  are left beside the disease they qualify (``remission_qualifier``), its origin a person's.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from rules_engine.snapshot import relapse_count
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

NEW = adult(condition("aml", 30))
CR1 = adult(condition("aml", 300), condition("remission", 300, diagnosis="aml"))
CR2 = adult(condition("aml", 600), condition("remission", 600, diagnosis="aml"), condition("relapsed", 200, active=False, diagnosis="aml"))
CR3 = adult(condition("aml", 900), condition("remission", 900, diagnosis="aml"), condition("relapsed", 500, active=False, diagnosis="aml"),
            condition("relapsed", 200, active=False, diagnosis="aml"))
RELAPSED = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"))
SECOND_RELAPSE = adult(condition("aml", 600), condition("relapsed", 30, diagnosis="aml"), condition("relapsed", 300, active=False, diagnosis="aml"))
HL_RELAPSED = adult(condition("hodgkin_lymphoma", 300), condition("relapsed", 30, diagnosis="hodgkin_lymphoma"))
HL_NEW = adult(condition("hodgkin_lymphoma", 30))

ROWS = [
    ("in first complete remission", I, [CR1], [NEW, RELAPSED], [CR2, CR3]),
    ("In CR2 or CR3", I, [CR2, CR3], [NEW, RELAPSED], [CR1]),
    ("Adult patients (greater than 18 years) in second or subsequent Complete Response (CR) (or CRp)", I, [CR2, CR3], [NEW, RELAPSED], [CR1]),
    ("In second complete remission (CR2) or third complete remission (CR3)", I, [CR2, CR3], [NEW, RELAPSED], [CR1]),
    # (fewer relapses than "beyond" asks leave it to a person, as another ordinal does)
    ("Acute myeloid leukemia (AML) beyond 2nd remission or relapsed/refractory disease", I, [CR3, RELAPSED, SECOND_RELAPSE], [adult()], [NEW, CR1, CR2]),
    ("Hodgkin's lymphoma (HL) beyond first remission", I, [HL_RELAPSED], [CR2], [HL_NEW]),
    # a remission with a further word a person reads: never met, failed when there is no remission
    ("Acute myeloid or lymphocytic leukemia in first remission at high-risk for recurrence.", I, [], [NEW, RELAPSED], [CR1, CR2]),
    # a list item's remission, its origin read as no secondary AML (test_de_novo_acute_leukaemia_lines): a relapsed AML
    # is none of the list, a de novo one in first remission is; against the patient, a relapse on record
    # decides that a remission is no first one (parser.listed_remissions.first_remission_against)
    ("No chronic phase chronic myelogenous leukemia, de novo acute leukemia in first remission, or myelodysplastic syndromes with "
     "refractory anemia", I, [RELAPSED, NEW, CR2], [CR1], []),
    # "first or subsequent" is any remission
    ("AML in 1st or subsequent remission or in relapse", I, [CR1, CR2, RELAPSED], [NEW], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_remission_ordinal_is_met_by_the_relapses_before_it(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", [
    "Relapse after first complete remission",
    "in untreated first relapse with first remission duration <12 months",
    "Myeloma in 3rd or greater remission or with less than PR to most recent therapy.",
    "Patients at high risk of clinical relapse: first remission stage III/IV who were suboptimally debulked",
])
def test_an_ordinal_that_dates_or_lists_is_not_a_remission_count(text: str) -> None:
    assert "relapse-count" not in render_rule(parse_line(text, I).expr, None)


def _facts(*events: Event) -> PatientFacts:
    return PatientFacts(birth_date=date(1970, 1, 1), sex="female", events={e.concept: tuple(x for x in events if x.concept == e.concept) for e in events}, measurements={})


@pytest.mark.parametrize("events, count", [
    ((), 0.0),
    ((Event("remission", date(2026, 1, 1), True, {"diagnosis": "aml"}),), 0.0),
    # the current relapse, coded twice on two days, is one
    ((Event("relapsed", date(2026, 1, 1), True, {"diagnosis": "aml"}), Event("relapsed", date(2026, 2, 1), True, {"diagnosis": "aml"})), 1.0),
    # resolved relapses are earlier ones, one per date
    ((Event("relapsed", date(2024, 1, 1), False, {"diagnosis": "aml"}), Event("relapsed", date(2024, 1, 1), False, {"diagnosis": "aml"}),
      Event("relapsed", date(2025, 1, 1), False, {"diagnosis": "aml"})), 2.0),
    # an isolated extramedullary relapse is a relapse
    ((Event("isolated_extramedullary_relapse", date(2025, 1, 1), False), Event("relapsed", date(2026, 1, 1), True, {"diagnosis": "all"})), 2.0),
    # an undated earlier relapse, or relapses of unrelated diseases: no count
    ((Event("relapsed", None, False, {"diagnosis": "aml"}),), None),
    ((Event("relapsed", date(2024, 1, 1), False, {"diagnosis": "hodgkin_lymphoma"}), Event("relapsed", date(2026, 1, 1), True, {"diagnosis": "aml"})), None),
])
def test_the_relapse_count_is_the_relapses_on_record(events: tuple[Event, ...], count: float | None) -> None:
    found = relapse_count(_facts(*events))
    assert (None if found is None else found.value) == count


def test_the_reason_names_the_relapses_the_count_is_of() -> None:
    from rules_engine.criteria import TrialCriteria
    from rules_engine.reference import evaluate_reference
    from tests.fixtures.records import AS_OF

    trial = TrialCriteria("NCT00000098", 1, (parse_line("in first complete remission", I), parse_line("In CR2 or CR3", I)))
    first, later = evaluate_reference(trial, CR1, AS_OF).criteria
    assert first.outcome is Outcome.MET and "no relapse on record: 0 relapses = 0" in first.reason
    assert later.outcome is Outcome.UNKNOWN and "which remission: In CR2 or CR3" in later.reason
