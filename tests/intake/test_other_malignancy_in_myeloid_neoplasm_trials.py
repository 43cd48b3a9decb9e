"""'Another malignancy' in a trial for a myeloid neoplasm that is no member of the malignancies
(MDS, an MPN, myelofibrosis): that neoplasm is the trial's own disease, so a cancer beside it is
another malignancy.

With no own disease known, any malignancy on record "may be the trial's own", so a breast
cancer beside the MDS of an MDS trial left "Previous or current cancer" unknown. A cancer related
to the trial's neoplasm stays its own (CML is an MPN). And an exception listed whole in a bracket
("malignancy (other than prostate cancer, in situ cervical cancer, or basal cell cancer of the
skin)") excepts every cancer it names: read to its first comma only, the rest became
alternatives of the exclusion, and the basal cell carcinoma it excepts excluded. Both
evaluators, each checked here."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.outcome import Outcome

from intake_helpers import decided_exclusion

AS_OF = date(2026, 12, 2)
MDS = "Diagnosis of myelodysplastic syndrome by WHO criteria"
MPN = "Diagnosis of a Philadelphia-negative myeloproliferative neoplasm"
MF = "Primary or post-essential thrombocythemia myelofibrosis"

# MDS D46.9, myelofibrosis D47.4, breast C50.911, prostate C61, basal cell C44.91, CML C92.10,
# carcinoma in situ of the cervix D06.9
ROWS = [
    (MDS, "Previous or current cancer", ["D46.9", "C50.911"], Outcome.MET),
    (MDS, "Previous or current cancer", ["D46.9"], Outcome.NOT_MET),
    (MDS, "Active malignancy other than basal cell carcinoma", ["D46.9", "C61"], Outcome.MET),
    (MDS, "Active malignancy other than basal cell carcinoma", ["D46.9", "C44.91"], Outcome.NOT_MET),
    (MF, "Any other active malignancy", ["D47.4", "C50.911"], Outcome.MET),
    (MPN, "Any other active malignancy", ["C92.10"], Outcome.NOT_MET),
    # the bracketed list excepts every cancer it names
    (MDS, "Concurrent malignancy (other than prostate cancer, in situ cervical cancer, or basal cell carcinoma)", ["D46.9", "C44.91"], Outcome.NOT_MET),
    (MDS, "Concurrent malignancy (other than prostate cancer, in situ cervical cancer, or basal cell carcinoma)", ["D46.9", "D06.9"], Outcome.NOT_MET),
    (MDS, "Concurrent malignancy (other than prostate cancer, in situ cervical cancer, or basal cell carcinoma)", ["D46.9", "C50.911"], Outcome.MET),
]


@pytest.mark.parametrize("own, line, codes, expected", ROWS)
def test_another_malignancy_beside_a_myeloid_neoplasm_trial(own: str, line: str, codes: list[str], expected: Outcome) -> None:
    assert decided_exclusion(own, line, tuple(codes), AS_OF) is expected
