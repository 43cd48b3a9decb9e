"""A disease's course listed before the bare word "disease", and the CD antigens written out or
offered either way (issue 14).

* "Progressive or recurrent disease", "Persistent or recurrent disease": one list of statuses of
  the patient's own disease. A relapse on record meets it; a disease in remission is neither
  persistent nor progressing; any other record is a person's. Read item by item, the course word
  was a second requirement beside the relapse and a relapsed patient was left unknown.
* Not where the run names the disease a therapy was given for ("Prior treatment with weekly
  paclitaxel for recurrent or persistent disease"): a setting in the past, no status now.
* "cluster of differentiation (CD)20 positive", "Cluster of Differentiation 20 (CD20)", "CD20
  (cluster of differentiation 20)", "anti-cluster of differentiation 38 (anti-CD38) therapies": the
  antigen "CD<n>" every reader of an antigen, a CD4 count or an anti-CD drug knows.
* "(CD20 positive or negative)": either result, no requirement on the antigen.
* "Relapsed or refractory to at least one standard chemotherapy regimen", "that has relapsed,
  progressed, or been refractory to at least one regimen": a failure of that count of treatments
  (the therapy given, the disease relapsed or refractory, else a person's); "at least two prior
  treatment lines" stays the count of lines.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from rules_engine.parser.statuses import _BARE_DISEASE_RUN
from rules_engine.parser.topics.events import _ANTIGEN_EITHER
from rules_engine.parser.topics.failed_treatment import _FAILED_COUNT
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

AML_NEW = adult(condition("aml", 30))
AML_REMISSION = adult(condition("aml", 300), condition("remission", 30, diagnosis="aml"))
AML_RELAPSED = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"))


def has(*concepts: str, **results: str) -> PatientFacts:
    return adult(*(condition(c) for c in concepts), *(result(k, v) for k, v in results.items()))


COURSE_ROWS = [
    # (line, type, met, not met, unknown)
    ("Progressive or recurrent disease", I, [AML_RELAPSED], [AML_REMISSION], [AML_NEW]),
    ("Persistent or recurrent disease.", I, [AML_RELAPSED], [AML_REMISSION], [AML_NEW]),
    ("Recurrent or progressive disease", E, [AML_RELAPSED], [AML_REMISSION], [AML_NEW]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(COURSE_ROWS))
def test_a_course_listed_before_the_bare_disease_is_one_list_of_statuses(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind", [
    # the disease a therapy was given for: a remission now hides nothing the line asks
    ("Prior treatment with weekly paclitaxel for recurrent or persistent disease is not allowed.", E),
])
def test_a_course_the_line_qualifies_is_not_read_as_the_status_now(text: str, kind: CriterionType) -> None:
    assert judged(parse_line(text, kind), AML_REMISSION) is not Outcome.NOT_MET


@pytest.mark.parametrize("text", [
    "Progressive or relapsed disease during or after completion of prior methotrexate-based chemotherapy",
    "Recurrent or progressive disease that is refractory to standard therapy",
])
def test_words_after_the_disease_keep_the_run_apart(text: str) -> None:
    assert _BARE_DISEASE_RUN.search(text) is None


@pytest.mark.parametrize("written, read", [
    ("cluster of differentiation (CD)20 positive DLBCL", "CD20 positive DLBCL"),
    ("B-cell lymphoma (cluster of differentiation [CD]20 positive or negative)", "CD20 positive or negative"),
    ("Documented cluster of differentiation (CD) 20+ B-CLL", "CD20+ B-CLL"),
    ("Primary CNS lymphoma [B-cell, Cluster of Differentiation 20 (CD20) antigen positive]", "CD20 antigen positive"),
    ("Cluster of differentiation (CD) 4 count >= 400 cells/mm^3", "CD4 count"),
    ("cluster of differentiation (CD4) counts above the lower limit", "CD4 counts"),
    ("Prior treatment with cluster of differentiation 137 agonists", "CD137 agonists"),
    ("daratumumab or other anti-cluster of differentiation 38 (anti-CD38) therapies", "anti-CD38 therapies"),
    ("histological confirmed CD20 (cluster of differentiation 20) positive DLBCL", "CD20 positive DLBCL"),
])
def test_the_cd_antigen_written_out_is_its_abbreviation(written: str, read: str) -> None:
    assert read in normalize(written)


def test_the_bare_abbreviation_is_left_as_written() -> None:
    assert "cluster of differentiation (CD) counts" in normalize("HIV with cluster of differentiation (CD) counts < 500/mm^3")


CD_ROWS = [
    ("Documented cluster of differentiation (CD) 20+ B-CLL according to NCI/IWCLL guideline", I,
     [has("cll", cd20="positive")], [has("cll", cd20="negative"), has("aml", cd20="positive")], [has("cll")]),
    # either result: the lymphoma alone is asked
    ("Active B-cell non-Hodgkin lymphoma (cluster of differentiation [CD]20 positive or negative)", I,
     [has("dlbcl", cd20="negative"), has("dlbcl", cd20="positive"), has("dlbcl")], [has("aml")], []),
    ("Active B-cell non-Hodgkin lymphoma (CD20 positive or negative), CLL or SLL", I,
     [has("dlbcl", cd20="negative"), has("cll")], [has("aml")], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(CD_ROWS))
def test_a_cd_antigen_written_out_or_offered_either_way(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


MM_RELAPSED_TREATED = adult(condition("multiple_myeloma", 400), condition("relapsed", 30, diagnosis="multiple_myeloma"), medication("chemotherapy", 200))
MM_RELAPSED_UNTREATED = adult(condition("multiple_myeloma", 400), condition("relapsed", 30, diagnosis="multiple_myeloma"))
MM_TREATED = adult(condition("multiple_myeloma", 400), medication("chemotherapy", 200))
MM_REMISSION_TREATED = adult(condition("multiple_myeloma", 400), condition("remission", 30, diagnosis="multiple_myeloma"), medication("chemotherapy", 200))

FAILED_ROWS = [
    # (the course word "progressed": a disease not in remission, a person's)
    ("Multiple myeloma that has relapsed, progressed, or been refractory to at least one regimen", I,
     [MM_RELAPSED_TREATED], [MM_REMISSION_TREATED], [MM_TREATED, MM_RELAPSED_UNTREATED]),
    # (the statuses said are the disease's now: treated and in remission, it is neither; a relapse
    # with no treatment on record followed one the record lacks: a person's, never a failure)
    ("Relapsed or refractory to at least one standard chemotherapy regimen.", I,
     [MM_RELAPSED_TREATED], [MM_REMISSION_TREATED, MM_TREATED], [MM_RELAPSED_UNTREATED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(FAILED_ROWS))
def test_statuses_refractory_to_a_count_of_treatments_are_its_failure(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_count_of_treatment_lines_is_left_to_the_lines_reader() -> None:
    assert _FAILED_COUNT.search("Relapsed or refractory to at least two prior treatment lines") is None


@pytest.mark.parametrize("run", [
    lambda: _FAILED_COUNT.search("relapsed, " * 2_000 + "or refractory to"),
    lambda: normalize("cluster of differentiation " * 800 + "(CD"),
    lambda: normalize("CD20 (cluster of differentiation " * 600),
    lambda: _BARE_DISEASE_RUN.search("progressive or " * 1_400 + "recurrent diseases"),
    lambda: _ANTIGEN_EITHER.match(" or " * 7_000),
])
def test_a_hostile_line_is_read_fast(run) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    run()
    assert time.perf_counter() - start < 1.0
