"""Prior cancers asked the ways registries write them, read at the trial level (where "another
malignancy" learns the trial's own disease):

* "No other malignancy unless disease-free for N years" among the exclusions: the "no" is the
  list's, the span the exception's (``stated_verdicts``);
* a named solid cancer after "history of" in an exclusion ("History of breast cancer", "Prior
  history of metastatic malignancy"; ``topics.cancer_history``): on record, active or resolved,
  it excludes; a span the line excepts replaces the lifetime;
* a heart failure graded by its spelled-out class in brackets ("Current congestive heart failure
  (New York Heart Association Class III-IV Appendix G), unstable angina"): the class decides, a
  class II failure is no exclusion, and the protocol's page named in the bracket is no condition
  (``topics.performance``).
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.stated_verdicts import _NO_LEAD
from rules_engine.parser.topics.cancer_history import _HISTORY_OF
from rules_engine.parser.topics.performance import _APPENDIX_AFTER, _CTCAE_AFTER
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, score

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Diagnosis of peripheral T-cell lymphoma")
YEAR = 365

NO_UNLESS = "No other malignancy unless disease-free for at least 3 years"
HISTORY = "History of breast cancer"
METASTATIC = "Prior history of metastatic malignancy"
HISTORY_SPAN = (
    "History of prostate cancer, breast cancer or any other malignancy, except the following: cancers "
    "determined to be cured or in remission for >= 5 years, curatively resected basal cell or squamous cell skin cancers"
)
HEART = "Current congestive heart failure (New York Heart Association Class III-IV Appendix G), unstable angina"
DECOMPENSATED = "Unstable angina, decompensated CHF (>NYHA Class II), or myocardial infarction within 6 months"
CTCAE_FIRST = (
    "History of symptomatic CHF (grade > 3 by NCI CTCAE or Class > II by New York Heart Association (NYHA) criteria"
)
INDICATION = "Prior treatment with chemotherapy for prostate cancer"

# (why, type, line, record, outcome)
CASES: list[tuple[str, str, str, PatientFacts, Outcome]] = [
    ("'No other malignancy unless disease-free' excludes no clean patient", "exclusion", NO_UNLESS, adult(), NOT_MET),
    ("... a cancer a year ago", "exclusion", NO_UNLESS, adult(condition("breast_cancer", YEAR, active=False)), MET),
    (
        "... and not one 4 years past",
        "exclusion",
        NO_UNLESS,
        adult(condition("breast_cancer", 4 * YEAR, active=False)),
        NOT_MET,
    ),
    (
        "a history of breast cancer resolved 10 years ago excludes",
        "exclusion",
        HISTORY,
        adult(condition("breast_cancer", 10 * YEAR, active=False)),
        MET,
    ),
    ("no breast cancer on record: not excluded", "exclusion", HISTORY, adult(), NOT_MET),
    (
        "metastatic disease on record excludes",
        "exclusion",
        METASTATIC,
        adult(condition("metastatic_disease", 2 * YEAR)),
        MET,
    ),
    (
        "a local breast cancer is no metastatic malignancy",
        "exclusion",
        METASTATIC,
        adult(condition("breast_cancer", 2 * YEAR, active=False)),
        NOT_MET,
    ),
    (
        "a named cancer past the excepted span no longer excludes",
        "exclusion",
        HISTORY_SPAN,
        adult(condition("breast_cancer", 10 * YEAR, active=False)),
        NOT_MET,
    ),
    (
        "a named cancer inside it does",
        "exclusion",
        HISTORY_SPAN,
        adult(condition("breast_cancer", 2 * YEAR, active=False)),
        MET,
    ),
    (
        "a class II heart failure is not the class III-IV excluded",
        "exclusion",
        HEART,
        adult(condition("heart_failure", YEAR), score("nyha", 2)),
        NOT_MET,
    ),
    ("a class III one is", "exclusion", HEART, adult(condition("heart_failure", YEAR), score("nyha", 3)), MET),
    (
        "a class IV one is, the appendix named beside it no review",
        "exclusion",
        HEART,
        adult(condition("heart_failure", YEAR), score("nyha", 4)),
        MET,
    ),
    ("no heart failure, no angina: not excluded", "exclusion", HEART, adult(), NOT_MET),
    (
        "'decompensated' is what the class defines: class III excluded",
        "exclusion",
        DECOMPENSATED,
        adult(condition("heart_failure", YEAR), score("nyha", 3)),
        MET,
    ),
    (
        "... class II not",
        "exclusion",
        DECOMPENSATED,
        adult(condition("heart_failure", YEAR), score("nyha", 2)),
        NOT_MET,
    ),
    (
        "a CTCAE grade before the NYHA class is no class: class III excluded",
        "exclusion",
        CTCAE_FIRST,
        adult(condition("heart_failure", YEAR), score("nyha", 3)),
        MET,
    ),
    (
        "... class II left open by the unread grade",
        "exclusion",
        CTCAE_FIRST,
        adult(condition("heart_failure", YEAR), score("nyha", 2)),
        UNKNOWN,
    ),
    (
        "a therapy's indication is no history asked: a cured prostate cancer without chemotherapy passes",
        "exclusion",
        INDICATION,
        adult(condition("prostate_cancer", 10 * YEAR, active=False)),
        NOT_MET,
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "facts", "expected"), [pytest.param(k, t, f, o, id=w) for w, k, t, f, o in CASES]
)
def test_prior_cancer_lines_decide_as_the_text_means(
    kind: str, text: str, facts: PatientFacts, expected: Outcome
) -> None:
    line = parse_lines([OWN, (kind, text)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        pytest.param(_APPENDIX_AFTER, " " * 50_000 + "appendix", id="appendix-spaces"),
        pytest.param(_CTCAE_AFTER, " " * 50_000 + "by", id="ctcae-spaces"),
        pytest.param(_NO_LEAD, "No " + "x " * 25_000 + "for 3", id="no-lead-long-clause"),
        pytest.param(_NO_LEAD, "No " + "unless " * 7_000, id="no-lead-unless"),
        pytest.param(_HISTORY_OF, "history of " * 5_000, id="history-of"),
    ],
)
def test_patterns_stay_linear_on_adversarial_text(pattern: re.Pattern[str], text: str) -> None:
    # linear: a pattern that backtracked over the repetition would take seconds; the bound is
    # generous for a machine under load
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 0.25
