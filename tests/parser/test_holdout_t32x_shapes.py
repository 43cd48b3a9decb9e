"""Shapes the T321-T325 holdout trials (LMB-2 for adult T-cell leukaemia, lenalidomide for PTCL,
sorafenib for recurrent DLBCL, ibrutinib for CLL/SLL in three cohorts, duvortuxizumab with
ibrutinib for B-cell lymphomas; ``test_holdout_trials``) misread, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus`` criteria texts):

* A multiple hyphenated to its word ("less than or equal to 3-times the upper limits of normal
  (UNL) or less than or equal to 10-times normal if due to ATL"): the number and "times" apart, so
  both multiples are read. Joined, the line was a review and an ALT of 12 x ULN passed it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, alt, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


ROWS = [
    # -- a multiple hyphenated to "times"
    (
        "The transaminases alanine aminotransferase (ALT) and aspartate aminotransferase (AST) must each be less than or equal to 3-times the "
        "upper limits of normal (UNL) or less than or equal to 10-times normal if due to ATL. Albumin must be greater than or equal to 3.0 gm/dL.",
        I,
        [],
        [adult(alt(480), lab("ast", 30, "U/L", uln=40), lab("albumin", 3.6, "g/dL"))],
        [adult(alt(160), lab("ast", 30, "U/L", uln=40), lab("albumin", 3.6, "g/dL"))],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t32x_holdout_shape_is_read_for_what_it_asks(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected
