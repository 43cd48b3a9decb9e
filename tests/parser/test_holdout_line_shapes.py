"""More shapes the holdout trials (``test_holdout_trials``) misread, each in its general form,
with the corpus count (``../shared/corpus``, 1,783 criteria texts; a regular-expression floor).

* An unread phrase offered as another case of one status ("Acute leukemia with refractory
  disease or > Complete Remission (CR) 1"; 32 texts write "<status> disease or ..."): it is that
  status's alternative, bound to it. Read as one more requirement, a refractory patient was left
  unknown (and in an exclusion, a patient without the status was cleared whatever the other case);
  read as an alternative of the whole line, a patient without the disease was left unknown.
  "> CR1", "≥ CR2", "> complete remission" place a remission, they are no measured bound.
"""

from __future__ import annotations

import pytest

from tests.parser.test_holdout_shapes import MET, NOT_MET, UNKNOWN, E, I, decide, ids, patient

BEYOND_CR1 = "Acute leukemia with refractory disease or > Complete Remission (CR) 1"

STATUS_ALTERNATIVE_ROWS = [
    (I, BEYOND_CR1, patient("aml", "refractory"), MET),
    (I, BEYOND_CR1, patient("aml"), UNKNOWN),  # beyond a first remission is not on record
    (I, BEYOND_CR1, patient("breast_cancer", "refractory"), NOT_MET),  # the leukaemia still required
    (I, "AML with refractory disease or > CR1", patient("aml", "refractory"), MET),
    (I, "AML with refractory disease or > CR1", patient("mds", "refractory"), NOT_MET),
    (I, "Relapsed disease or frobnicated disease", patient("relapsed"), MET),
    (I, "Relapsed disease or frobnicated disease", patient(), UNKNOWN),
    (E, "Relapsed disease or frobnicated disease", patient("relapsed"), MET),
    (E, "Relapsed disease or frobnicated disease", patient(), UNKNOWN),  # the other case may hold
    (E, "AML with refractory disease or > CR1", patient("mds", "refractory"), NOT_MET),
]


@pytest.mark.parametrize("kind, line, record, expected", STATUS_ALTERNATIVE_ROWS, ids=ids(STATUS_ALTERNATIVE_ROWS))
def test_an_unread_case_of_a_status_is_that_status_alternative(kind, line, record, expected):
    assert decide(kind, line, record) is expected
