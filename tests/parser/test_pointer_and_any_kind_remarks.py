"""Words that point elsewhere or take in every kind: remarks, never conditions (issue 14).

* A cross-reference to the protocol ("(Appendix 3)", "[See Section 14.6 Appendix 6]", "see detailed
  list in Appendix 5", "(see exclusion criteria 10)", "as specified in the protocol", "as listed
  below", "defined as follows") says where a term is spelled out: the bound or the condition the
  line names still decides (``parser.cross_references``). Words the pointer stands beside
  ("significant") stay a person's, and an exception's pointer ("other than as specified in the
  protocol") stays an exception.
* "of any histologic subtype", "of any grade", "including all risk groups": no kind of the subject
  is left out (``parser.any_kind``); a kind named ("any sarcomatoid histology"), an exception or a
  bound after the words still narrows.
* "resolved to NCI Common Terminology Criteria for Adverse Events (CTCAE) version 3.0 grade <= 1":
  the scale a grade is counted on, named in the running text (``parser.toxicity_scale``); the
  grade and what it grades are read as before.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.any_kind import ANY_KIND
from rules_engine.parser.toxicity_scale import TOXICITY_SCALE
from rules_engine.parser.cross_references import BRACKETED_POINTER, LIST_BELOW, LIST_POINTER, PROTOCOL_POINTER
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, crcl, healthy

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

MDS = adult(condition("mds", 100))
AML = adult(condition("aml", 100))
NSCLC = adult(condition("nsclc", 100))
AF = adult(condition("atrial_fibrillation", 100))
ANGINA = adult(condition("angina", 100))
CLEAN = healthy()
CRCL_LOW = healthy(creatinine_clearance=crcl(20))
CRCL_OK = healthy(creatinine_clearance=crcl(60))

POINTER_ROWS = [
    # a bracketed appendix or section beside a bound: the bound decides
    ("Calculated creatinine clearance >= 30 mL/min [See Section 14.6 Appendix 6]", I, [CRCL_OK], [CRCL_LOW], []),
    ("Creatinine clearance of at least 30 mL/min (Appendix 2)", I, [CRCL_OK], [CRCL_LOW], []),
    # ... and in an exclusion, no alternative of its own: a patient without the disease is cleared
    (
        "Patients who have active coronary artery disease, e.g. angina as defined by Canadian Class II-IV (Appendix 3).",
        E,
        [ANGINA],
        [CLEAN],
        [],
    ),
    # another line of the same list
    (
        "Creatinine clearance > 45 ml/min (NB: urine protein:creatinine ratio in exclusion criteria)",
        I,
        [CRCL_OK],
        [CRCL_LOW],
        [],
    ),
    ("Creatinine clearance > 45 ml/min (see exclusion criteria 10)", I, [CRCL_OK], [CRCL_LOW], []),
    # the list below or after the colon carries the conditions; the heading names the subject
    ("Patients must have myelodysplastic syndrome as listed below", I, [MDS], [AML], []),
    # the PDQ summaries' sentence after a line points at the protocol's detail of it
    ("Previous or current cancer. More information about this criterion can be found in the protocol.", E,
     [adult(condition("other_malignancy", 100))], [CLEAN], []),
    ("Any other uncontrolled condition or illness. More information about this criterion can be found in the protocol.", E, [], [], [CLEAN]),
    # the protocol's definition beside a word a person still reads ("significant")
    (
        "Patients with significant cardiovascular disease, as specified in the protocol",
        E,
        [],
        [CLEAN],
        [adult(condition("cardiovascular_disease", 100))],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(POINTER_ROWS))
def test_a_pointer_to_the_protocol_asks_nothing(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


ANY_ROWS = [
    ("Myelodysplastic syndromes, including all risk groups", I, [MDS], [AML], []),
    (
        "Histologically or cytologically proven non-small cell lung cancer of any histologic subtype",
        I,
        [NSCLC],
        [AML],
        [],
    ),
    ("History of atrial fibrillation of any grade", E, [AF], [CLEAN], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ANY_ROWS))
def test_every_kind_of_the_subject_narrows_nothing(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Recovered from prior therapy to NCI Common Terminology Criteria for Adverse Events (CTCAE) version 3.0 grade =< 1",
            I,
        ),
        (
            "Adverse events of prior therapy resolved to National Cancer Institute Common Terminology Criteria for Adverse Events (NCI CTCAE) (v. 3.0) Grade <= 2",
            I,
        ),
        (
            "Peripheral neuropathy (defined in the NCI Common Terminology Criteria for Adverse Events Version 3.0 [CTCAE v3.0] as grade 2 or greater)",
            E,
        ),
    ],
)
def test_the_toxicity_scale_named_in_the_text_is_no_words_of_the_line(text: str, kind: CriterionType) -> None:
    rule = rule_of(text, kind)
    # (the neuropathy's grade is the neuropathy's: the scale's "Adverse Events" is no unresolved
    # toxicity of its own, which read as one excluded every patient with a grade 2 toxicity)
    assert ("grade" in rule.lower()) if kind is I else "toxicity-grade" not in rule
    assert "Terminology" not in rule and "CTCAE" not in rule


@pytest.mark.parametrize(
    "text, kind",
    [
        # the name between a comparator and its grade stays: the grade read without its comparator
        # must not decide the line alone
        ("Active clinically serious infections (> Common Terminology Criteria for Adverse Events [CTCAE] grade 2 )", E),
        ("Pre-existing peripheral neuropathy >= Common toxicity criteria (CTC) grade 2.", E),
    ],
)
def test_the_toxicity_scale_after_a_comparator_stays_a_person_s(text: str, kind: CriterionType) -> None:
    assert "Common" in rule_of(text, kind)


@pytest.mark.parametrize(
    "text, kind, kept",
    [
        # an exception's pointer is the exception
        (
            "Current concomitant chemotherapy or immunotherapy other than as specified in the protocol",
            E,
            "other than as specified in the protocol",
        ),
        # a kind named narrows
        ("Metastatic renal cell carcinoma with any sarcomatoid histology", I, "sarcomatoid"),
        # a bound after "any grade" narrows
        ("Peripheral neuropathy of any grade >= 2", E, None),
    ],
)
def test_what_still_narrows_is_kept(text: str, kind: CriterionType, kept: str | None) -> None:
    rule = rule_of(text, kind)
    if kept is not None:
        assert kept in rule
    assert not re.search(r"\bany grade\b(?!\s*(?:>=|≥))", rule) or kept is None


_ADVERSARIAL = [
    "(see appendix " + "1 " * 25000 + ")",
    "[ " + "appendix 1 " * 5000,
    "(NB: " + "word " * 10000 + "in exclusion criteria)",
    "(see exclusion criteria " * 2500,
    "as specified " * 4000,
    "more information about this criterion can be found in the " * 1500,
    "defined " * 6000 + "as follows",
    "see the detailed list in " * 2000,
    "of any " * 7000 + "grade",
    "including all " * 4000 + "risk groups",
    "NCI Common Terminology Criteria (CTCAE v3.0) " * 1200,
    "Common Toxicity Criteria version 3.0 " * 1400,
]


@pytest.mark.parametrize(
    "pattern",
    [BRACKETED_POINTER, LIST_POINTER, PROTOCOL_POINTER, LIST_BELOW, ANY_KIND, TOXICITY_SCALE],
    ids=["bracketed", "list", "protocol", "below", "any-kind", "toxicity-scale"],
)
@pytest.mark.parametrize("text", _ADVERSARIAL, ids=[f"text{n}" for n in range(len(_ADVERSARIAL))])
def test_the_patterns_read_adversarial_text_fast(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.I)
    start = time.perf_counter()
    list(compiled.finditer(text))
    # linear work: a few microseconds a character on a loaded machine (a plain literal search of
    # the same text takes ~0.05 s here), never the seconds a nested repeat backtracks for
    assert time.perf_counter() - start < 0.5
