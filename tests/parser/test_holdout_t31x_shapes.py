"""Shapes the T311-T315 holdout trials (chronic myeloid leukaemia: dasatinib after imatinib, bosutinib
against imatinib for a new chronic phase, omacetaxine after two TKIs, zileuton with dasatinib,
nilotinib with ruxolitinib; ``test_holdout_trials``) misread, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus`` criteria texts):

* The phase of a CML named beside it ("Chronic phase chronic myelogenous leukemia (CML)", "CML in
  either CP or AP", "Chronic myelogenous leukemia in accelerated phase or blast-crisis", "CML in CP
  (cohort 1), AP (cohort 2) or BP (cohort 2)", "Blast phase CML"): the CML and any phase named, read
  from the latest CML record (``topics/cml_phase.py``; the intake keeps the phase a Condition's
  words name); a record naming none leaves the line unknown. Left unread, the phase was a review
  beside the CML, and a CML in accelerated phase or blast crisis passed a trial for chronic phase
  only. Not read: a lineage ("lymphoid blast crisis"; an ordinal, "second chronic phase", is read
  as a chronic phase and a person's reading of which: test_cml_which_chronic_phase_lines.py), the
  patients a value is for ("8 weeks for chronic phase CML"), the disease at diagnosis ("at the
  time of diagnosis of chronic phase CML") and a phase beside a diagnosis the sentence dates.
* A later sentence defining the phase asked ("... in either CP or AP. Accelerated phase will be
  defined as disease having 1 of the following: >=15% to <30% blasts ...; platelet count <100x109/L
  unrelated to therapy; or clonal evolution."): how a clinic calls the disease accelerated, which
  the record's phase states; read as requirements its bounds were asked of every patient (a chronic
  phase with platelets over 100 failed the line). A definition of the line's own subject
  ("Measurable disease is defined as ...") stays a requirement.
* An electrolyte against the lab's normal range ("Serum calcium or phosphate below the lower limit of
  normal", "Magnesium >= lower limit of normal", "Serum magnesium and potassium within normal
  limits"): the record carries no lower limit, so a value under every adult lab's lower limit is
  below it, one at or above every lab's is not, one between is a person's; "within normal limits"
  adds the record's upper limit. Left a review, a calcium of 7.6 mg/dL passed the exclusion.
  Phosphate has no concept (its part stays a review); a line with a second bound after the limit
  ("greater than the LLN and less than 5.5 mmol/L") is left as it was.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

CHRONIC = adult(condition("cml", 900, phase="chronic"))
ACCELERATED = adult(condition("cml", 900, phase="accelerated"))
BLAST = adult(condition("cml", 900, phase="blast"))
NO_PHASE = adult(condition("cml", 900))
AML = adult(condition("aml", 100))
PH = result("bcr_abl1", "positive")

ROWS = [
    # -- the phase beside the disease, before or after it, one or a list
    ("Chronic phase chronic myelogenous leukemia (CML)", I, [CHRONIC], [ACCELERATED, BLAST, AML], [NO_PHASE]),
    (
        "The patient has a confirmed diagnosis of Philadelphia chromosome (Ph) positive chronic myelogenous leukemia in either CP or AP.",
        I,
        [],
        [BLAST, AML],
        [],
    ),
    (
        "Chronic myelogenous leukemia in accelerated phase or blast-crisis.",
        I,
        [ACCELERATED, BLAST],
        [CHRONIC, AML],
        [NO_PHASE],
    ),
    ("Chronic myelogenous leukemia in accelerated or blast phase", I, [ACCELERATED, BLAST], [CHRONIC], [NO_PHASE]),
    ("Blast phase CML", E, [BLAST], [CHRONIC, ACCELERATED, AML], [NO_PHASE]),
    # (the BCR-ABL1 marker, alone an alternative, is not on these records)
    (
        "Participant has BCR-ABL-positive leukemia (chronic myelogenous leukemia in blast crisis).",
        E,
        [BLAST],
        [],
        [CHRONIC],
    ),
    # (a bracket after a phase names its cohort; the list goes on)
    (
        "Diagnosis of Philadelphia chromosome positive (Ph+) (by cytogenetics or FISH) or BCR-ABL+ (by polymerase chain reaction [PCR]) CML in CP "
        "(cohort 1), AP (cohort 2) or BP (cohort 2)",
        I,
        [],
        [AML],
        [CHRONIC, ACCELERATED, BLAST],
    ),
    # -- a later sentence defining the phase asked
    (
        "The patient has a confirmed diagnosis of Philadelphia chromosome (Ph) positive chronic myelogenous leukemia in either CP or AP. "
        "Accelerated phase will be defined as disease having 1 of the following: ≥15% to <30% blasts in peripheral blood or bone marrow; "
        "≥30% blasts + promyelocytes in peripheral blood or bone marrow; ≥20% basophils in peripheral blood or bone marrow; platelet count "
        "<100x109/L unrelated to therapy; or clonal evolution.",
        I,
        [adult(condition("cml", 900, phase="chronic"), PH), adult(condition("cml", 900, phase="accelerated"), PH)],
        [BLAST],
        [NO_PHASE],
    ),
    # -- an electrolyte against the lab's normal range
    (
        "Serum calcium or phosphate below the lower limit of normal",
        E,
        [adult(lab("calcium", 7.6, "mg/dL"))],
        [],
        [adult(lab("calcium", 8.5, "mg/dL")), adult(lab("calcium", 9.3, "mg/dL"))],
    ),
    (
        "Magnesium ≥ lower limit of normal",
        I,
        [adult(lab("magnesium", 2.0, "mg/dL"))],
        [adult(lab("magnesium", 1.2, "mg/dL"))],
        [adult(lab("magnesium", 1.7, "mg/dL")), adult()],
    ),
    (
        "Serum magnesium and potassium within normal limits (may be supplement to achieve normal values)",
        I,
        [],
        [
            adult(lab("magnesium", 2.0, "mg/dL", 2.6), lab("potassium", 3.0, "mmol/L", 5.1)),
            adult(lab("magnesium", 2.0, "mg/dL", 2.6), lab("potassium", 5.9, "mmol/L", 5.1)),
        ],
        [adult(lab("magnesium", 2.0, "mg/dL", 2.6), lab("potassium", 4.1, "mmol/L", 5.1))],
    ),
    (
        "serum potassium greater than the lower limit of normal (LLN) and less than 5.5 mmol/L.",
        I,
        [],
        [],
        [adult(lab("potassium", 6.0, "mmol/L"))],
    ),
    # -- left as they were: an ordinal, the patients a value is for, the disease at diagnosis, a dated diagnosis
    # (an ordinal chronic phase is read now: tests/parser/test_cml_which_chronic_phase_lines.py)
    ("Chronic myelogenous leukemia in second or subsequent chronic phase", I, [], [AML, ACCELERATED], [CHRONIC]),
    (
        "Cytogenetic evidence of clonal evolution (i.e., the appearance of an additional genetic abnormality that was not present in the "
        "initial specimen at the time of diagnosis of chronic phase CML)",
        I,
        [],
        [],
        [CHRONIC, ACCELERATED],
    ),
    (
        "CP-CML, positive Philadelphia chromosome or positive BCR-ABL (M-bcr transcript), diagnosed less than 3 months prior to study entry",
        I,
        [],
        [],
        [CHRONIC, ACCELERATED],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t31x_holdout_shape_is_read_for_what_it_asks(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected
