"""'Another malignancy' beside an exception the clause grammar leaves whole ("with the exception
of nonmetastatic treated skin cancer (e.g. basal or squamous cell carcinoma) or stage 0 cervical
carcinoma", "except skin cancer"): a cancer of none of the kinds it names is another malignancy,
so the line is met by it; a patient whose only other cancer is of an excepted kind stays a
person's (the exception's qualifiers are unread); an exception that may reach any cancer ("or
other cancer disease-free for 5 years") cannot reach one diagnosed inside its span. Both evaluators, each checked here."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.outcome import Outcome

from intake_helpers import decided_exclusion

AS_OF = date(2026, 12, 2)
OWN = "Chronic myeloid leukemia in chronic phase"
SKIN_OR_CERVIX = ("History of malignancy in the past 5 years with the exception of nonmetastatic treated skin cancer (e.g. basal or "
                  "squamous cell carcinoma) or stage 0 cervical carcinoma")
SKIN = "Concurrent malignancy (except skin cancer)"
ANY_CURED = "Prior malignancy except for treated basal cell skin cancer or other cancer from which the patient has been disease-free for 5 years"

# CML C92.10, breast C50.911, basal cell C44.91, melanoma C43.9, carcinoma in situ of the cervix D06.9
ROWS = [
    (SKIN_OR_CERVIX, ["C92.10", "C50.911"], Outcome.MET),
    (SKIN_OR_CERVIX, ["C92.10", "C44.91"], Outcome.UNKNOWN),
    (SKIN_OR_CERVIX, ["C92.10", "D06.9"], Outcome.NOT_MET),  # a carcinoma in situ is no malignancy the line counts
    (SKIN_OR_CERVIX, ["C92.10"], Outcome.NOT_MET),
    (SKIN, ["C92.10", "C50.911"], Outcome.MET),
    (SKIN, ["C92.10", "C43.9"], Outcome.UNKNOWN),  # "skin cancer" may mean a melanoma too
    # a cancer diagnosed six months ago is no cancer the patient has been free of for 5 years: the
    # exception's span cannot reach it (cond10, malignancy_exceptions.beyond_span)
    (ANY_CURED, ["C92.10", "C50.911"], Outcome.MET),
]


@pytest.mark.parametrize("line, codes, expected", ROWS)
def test_a_cancer_of_no_excepted_kind_is_another_malignancy(line: str, codes: list[str], expected: Outcome) -> None:
    assert decided_exclusion(OWN, line, tuple(codes), AS_OF) is expected
