"""A list of lab limits stays a list of requirements (issue 14, rule 1: never hide a failure).

"Absolute neutrophil count > 1,000 cells/mm3 ... Platelets >= 100,000 cells/mm3 ... Hemoglobin >=
8 g/dL" was read "ANC or platelets or hemoglobin": the unit's slash ("/mm3") between two read
limits was taken for "or", so one passing value met the whole line (about 40 corpus lines). An
unread limit between two read ones ("Platelets > 100,000/mm3, Lymphocytes > 800 /mm3, Serum
creatinine < 2.0 mg/dl") and a looser bound offered to the first ("AST and ALT < 2.5 x ULN, or
< 5 x ULN in case of liver metastases, ..., bilirubin < 1.5 x ULN") join nothing either, nor does an
"or" inside a bracket ("hemoglobin >= 9 g/dL (may transfuse or use erythropoietin ...), platelets
>= 100,000") or elsewhere in the clause when a bullet or a bare gap separates two limits.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import anc, bilirubin, healthy, platelets

INC = CriterionType.INCLUSION

ROWS = [
    # an "or" inside a bracket, a bullet or a bare gap between two limits joins nothing
    ("Adequate hematologic function, with hemoglobin >= 9 g/dL (may transfuse or use erythropoietin to achieve this level), "
     "platelets >= 100,000/microliter", INC, (), (healthy(platelets=platelets(50)),), (healthy(),)),
    ("* Absolute neutrophil count >= 1,000/mm^3 * Platelet count >= 100,000/mm^3 * INR <= 1.5 or PT <= 1.5 x ULN", INC,
     (healthy(),), (healthy(platelets=platelets(50)), healthy(anc=anc(0.5))), ()),
    ("ANC >= 1.5 X 10^9/L Platelets >= 100 X 10^9/L International normalized ratio (INR) <= 1.5 or PT < ULN", INC,
     (healthy(),), (healthy(platelets=platelets(50)),), ()),
    ("Absolute neutrophil count > 1,000 cells/mm3 * Platelets >= 100,000 cells/mm3 * Hemoglobin >= 8 g/dL", INC,
     (healthy(),), (healthy(platelets=platelets(50)), healthy(anc=anc(0.5))), ()),
    ("Platelets > 100,000/mm3, Lymphocytes > 800 /mm3, Serum bilirubin < 2.0 mg/dl", INC,
     (), (healthy(platelets=platelets(50)), healthy(bilirubin=bilirubin(3.0))), (healthy(),)),
    ("ANC > 1.5 x 10^9/L, Platelets > 100 x 10^9/L, Lymphocytes > 800 /mm3, Serum creatinine < 2.0 mg/dl or creatinine clearance > 40 ml/min", INC,
     (), (healthy(platelets=platelets(50)),), (healthy(),)),
    ("Platelets > 100 x 10^9/L, AST and ALT < 2.5 x ULN, or < 5 x ULN in case of liver metastases, serum bilirubin < 1.5 x ULN", INC,
     (healthy(),), (healthy(platelets=platelets(50)), healthy(bilirubin=bilirubin(2.5))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_limit_of_the_list_is_asked(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
