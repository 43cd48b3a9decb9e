"""Exceptions only a past, cleared or early-stage disease can meet, read against what the record
says of the disease now (read at the trial level, where "another malignancy" learns the trial's
own disease):

* "... or stage I or II cancer ... in complete remission" beside another malignancy inside a
  span (``topics.early_stage_exception``): an active cancer is counted, a resolved one inside the
  span is a person's (its stage no record holds), one outside the span is not counted;
* "Prior history of cancer is allowed, as long as there is no active disease"
  (``topics.inactive_history``): an active other cancer excludes, a resolved one is a person's;
* a CNS involvement on record beside words only a cleared or never-shown one meets
  (``topics.cns_past``): "prior CNS leukemia is permitted provided the CSF has cleared", "unless a
  lumbar puncture confirms the absence of leukemic blasts", "... the CNS is now free of disease";
* "No history of CNS disease, including carcinomatous meningitis" and "cerebral/meningeal
  disease" (``topics.events``): the cancer's own CNS involvement, resolved too after "history of";
* "active or untreated CNS lymphoma" (``topics.active_or_untreated``): an active record meets it;
* a trial for a marrow failure (Diamond-Blackfan anaemia) has no malignancy of its own: every
  cancer on record is "another malignancy" (``topics.coded.trial_diseases``).
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.active_or_untreated import _ACTIVE_OR_UNTREATED, _UNTREATED_ONLY
from rules_engine.parser.topics.cns_past import _OF_CNS, _PAST, _UNLESS_ABSENT
from rules_engine.parser.topics.early_stage_exception import _EARLY_STAGE, _OVER, early_stage_words
from rules_engine.parser.topics.inactive_history import _NO_ACTIVE
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Diagnosis of acute myeloid leukemia")
YEAR = 365

EARLY_EXCLUSION = (
    "History of another malignancy within 5 years with the exception of basal cell carcinoma or cervical carcinoma "
    "in situ or stage 1 or 2 cancer that is considered adequately treated and currently in complete remission"
)
EARLY_INCLUSION = (
    "No other prior malignancy in the past 5 years except adequately treated basal cell or squamous cell skin cancer, "
    "carcinoma in situ of the cervix, or adequately treated stage I or II cancer in complete remission"
)
NO_ACTIVE = (
    "Patients with another active cancer (excluding basal cell carcinoma). Prior history of cancer is allowed, "
    "as long as there is no active disease"
)
PRIOR_CNS = (
    "Patients with active central nervous system (CNS) leukemia; prior CNS leukemia is permitted provided the "
    "cerebrospinal fluid has cleared and there is no other evidence of active CNS leukemia"
)
REMITTED_CNS = (
    "Active central nervous system involvement by malignancy; central nervous system disease that has been treated "
    "into remission is permitted"
)
LUMBAR = (
    "Clinical evidence suggestive of central nervous system (CNS) involvement with leukemia unless a lumbar puncture "
    "confirms the absence of leukemic blasts in the cerebrospinal fluid (CSF)"
)
NOW_FREE = (
    "Patients with a history of previous central nervous system tumor involvement are eligible provided they are "
    "without symptoms or signs and the CNS is now free of disease on lumbar puncture"
)
ASKED_OF_CNS = "Patients with CNS leukemia must have had a negative bone marrow aspiration within the past 2 weeks"
HISTORY_CNS = "No history of CNS disease, including carcinomatous meningitis"
MENINGEAL = "Known cerebral/meningeal disease"
NO_OTHER = "No other malignancy within 5 years"
ACTIVE_OR_UNTREATED = "Patients with active or untreated central nervous system (CNS) lymphoma."

CNS_NOW = condition("cns_involvement", 10)
CNS_CLEARED = condition("cns_involvement", 2 * YEAR, active=False)

# (why, type, line, record, outcome)
CASES: list[tuple[str, str, str, PatientFacts, Outcome]] = [
    ("early stage: an active other cancer inside the span excludes", "exclusion", EARLY_EXCLUSION, adult(condition("breast_cancer", 3 * YEAR)), MET),
    (
        "... a resolved one inside it may be the early-stage cancer in remission: a person's",
        "exclusion",
        EARLY_EXCLUSION,
        adult(condition("breast_cancer", 3 * YEAR, active=False)),
        UNKNOWN,
    ),
    ("... one past the span is not counted", "exclusion", EARLY_EXCLUSION, adult(condition("breast_cancer", 7 * YEAR, active=False)), NOT_MET),
    ("... no other cancer: not excluded", "exclusion", EARLY_EXCLUSION, adult(), NOT_MET),
    ("early stage in an inclusion: an active other cancer fails it", "inclusion", EARLY_INCLUSION, adult(condition("prostate_cancer", 2 * YEAR)), NOT_MET),
    (
        "... a resolved one inside the span is a person's",
        "inclusion",
        EARLY_INCLUSION,
        adult(condition("prostate_cancer", 2 * YEAR, active=False)),
        UNKNOWN,
    ),
    ("... no other cancer meets it", "inclusion", EARLY_INCLUSION, adult(), MET),
    ("no active disease: an active other cancer excludes", "exclusion", NO_ACTIVE, adult(condition("breast_cancer", YEAR)), MET),
    ("... a resolved one is no active cancer", "exclusion", NO_ACTIVE, adult(condition("breast_cancer", 4 * YEAR, active=False)), NOT_MET),
    ("... none: not excluded", "exclusion", NO_ACTIVE, adult(), NOT_MET),
    ("prior CNS leukemia permitted: an active CNS involvement excludes", "exclusion", PRIOR_CNS, adult(CNS_NOW), MET),
    ("... a cleared one is no active one", "exclusion", PRIOR_CNS, adult(CNS_CLEARED), NOT_MET),
    ("... no involvement on record: not excluded", "exclusion", PRIOR_CNS, adult(), NOT_MET),
    ("treated into remission permitted: an active involvement excludes", "exclusion", REMITTED_CNS, adult(CNS_NOW), MET),
    ("unless a lumbar puncture shows none: an involvement on record excludes", "exclusion", LUMBAR, adult(CNS_NOW), MET),
    ("... none on record: not excluded", "exclusion", LUMBAR, adult(), NOT_MET),
    ("eligible if the CNS is now free of disease: an active involvement fails", "inclusion", NOW_FREE, adult(CNS_NOW), NOT_MET),
    ("... no involvement on record meets it", "inclusion", NOW_FREE, adult(), MET),
    (
        "a requirement of patients with CNS leukemia is still a person's for them",
        "inclusion",
        ASKED_OF_CNS,
        adult(CNS_NOW),
        UNKNOWN,
    ),
    ("no history of CNS disease: an active CNS involvement fails it", "inclusion", HISTORY_CNS, adult(CNS_NOW), NOT_MET),
    ("... a cleared one too (a history)", "inclusion", HISTORY_CNS, adult(CNS_CLEARED), NOT_MET),
    ("... none on record meets it", "inclusion", HISTORY_CNS, adult(), MET),
    ("cerebral/meningeal disease: a CNS involvement on record excludes", "exclusion", MENINGEAL, adult(CNS_NOW), MET),
    ("active or untreated: an active CNS involvement excludes, treated or not", "exclusion", ACTIVE_OR_UNTREATED, adult(CNS_NOW), MET),
    ("... a cleared one is neither", "exclusion", ACTIVE_OR_UNTREATED, adult(CNS_CLEARED), NOT_MET),
    ("active or untreated brain metastasis: one on record excludes", "exclusion", "Active or untreated brain metastasis", adult(condition("brain_metastases", 30)), MET),
]

DBA = ("inclusion", "Diagnosis of Diamond Blackfan anemia")


@pytest.mark.parametrize(("kind", "text", "facts", "expected"), [pytest.param(k, t, f, o, id=w) for w, k, t, f, o in CASES])
def test_past_and_cleared_disease_exceptions_decide_as_the_text_means(kind: str, text: str, facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([OWN, (kind, text)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param(adult(condition("breast_cancer", YEAR)), NOT_MET, id="a-breast-cancer-is-another-malignancy"),
        pytest.param(adult(condition("hodgkin_lymphoma", 3 * YEAR, active=False)), NOT_MET, id="so-is-a-lymphoma-3-years-ago"),
        pytest.param(adult(), MET, id="none"),
    ],
)
def test_a_marrow_failure_trial_has_no_malignancy_of_its_own(facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([DBA, ("inclusion", NO_OTHER)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected


@pytest.mark.parametrize(
    ("text", "read"),
    [
        pytest.param("Prior malignancy except adequately treated Stage I or II cancer from which the patient is currently in complete remission", True, id="any-cancer"),
        pytest.param("Prior malignancy except stage I or II breast cancer in complete remission", False, id="a-site-named"),
        pytest.param("Prior malignancy except stage I or II cancer", False, id="nothing-says-it-is-over"),
        pytest.param("Diagnosed with Stage I or II pancreatic cancer", False, id="no-exception"),
    ],
)
def test_only_an_early_stage_cancer_of_any_site_now_over_is_read(text: str, read: bool) -> None:
    assert (early_stage_words(text) is not None) is read


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        pytest.param(_EARLY_STAGE, "stage I or " * 5_000, id="early-stage"),
        pytest.param(_OVER, "no evidence of " * 5_000, id="over"),
        pytest.param(_NO_ACTIVE, "as long as there is no " * 2_000, id="no-active"),
        pytest.param(_PAST, "no other evidence of " * 2_000, id="past"),
        pytest.param(_OF_CNS, "central " * 5_000, id="of-cns"),
        pytest.param(_ACTIVE_OR_UNTREATED, "active or " * 5_000, id="active-or-untreated"),
        pytest.param(_UNTREATED_ONLY, " " * 20_000 + "x", id="untreated-only"),
        pytest.param(_UNLESS_ABSENT, "unless lumbar puncture " + "x " * 10_000, id="unless-absent"),
    ],
)
def test_patterns_stay_linear_on_adversarial_text(pattern: re.Pattern[str], text: str) -> None:
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 0.25


def test_a_long_adversarial_line_parses_fast() -> None:
    text = "Prior malignancy except stage I or II cancer in remission, " * 300 + "unless a lumbar puncture confirms " * 100
    start = time.perf_counter()
    parse_lines([OWN, ("exclusion", text[:20_000])])
    assert time.perf_counter() - start < 5.0
