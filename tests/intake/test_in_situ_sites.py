"""Carcinoma in situ of a named site, as the exceptions of "another malignancy" name it (issue 14).

"Except ... carcinoma in situ of the cervix", "in situ carcinoma of the breast or cervix",
"cervical carcinoma in situ", "CIS of the bladder": the site is read with the in situ carcinoma
(ICD-10-CM D06, D05, D09.0), so the record decides the exception. Lines are corpus wordings,
records coded the way a hospital codes them, decided through the intake and the reference
evaluator. An exception only widens what is allowed, so it is strict: an invasive cancer of the
site (C53, C50, C67) is never the in situ one, and a carcinoma in situ of no coded site (D09.9)
leaves a site open rather than absent.
"""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.criteria import CriterionType, Review, TrialCriteria, iter_predicates
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

from intake_helpers import ICD10, bundle, condition

AS_OF = date(2026, 12, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
OWN = (I, "Relapsed or refractory acute myeloid leukemia")

EXCEPTED = "Other malignancy within the past 5 years except adequately treated carcinoma in situ of the cervix"
EXCEPTED_CIS = "Any other malignancies within past 5 years except basal cell skin cancer or carcinoma in situ (CIS) of the cervix"
SITES = "Carcinoma in situ of the cervix or breast"  # an item under "Exclusions: other malignancy, except:"
BLADDER = "CIS of the bladder"
CERVICAL = "Cervical carcinoma in situ"

CIS_CERVIX, CIS_BREAST, CIS_BLADDER, CIS_COLON, CIS_UNSPECIFIED = "D06.9", "D05.10", "D09.0", "D01.0", "D09.9"
CERVIX_CANCER, BREAST_CANCER, BLADDER_CANCER = "C53.9", "C50.911", "C67.9"


def decide(ctype: CriterionType, line: str, *codes: str) -> Outcome:
    facts = normalise(bundle(*(condition(ICD10, code, onset="2026-06-01") for code in codes))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([OWN, (ctype, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


ROWS = [
    # the exception: a cervical carcinoma in situ is allowed, an invasive cervical cancer is not
    (E, EXCEPTED, [CIS_CERVIX], NOT_MET),
    (E, EXCEPTED, [CERVIX_CANCER], MET),
    (E, EXCEPTED, [CIS_CERVIX, CERVIX_CANCER], MET),
    (E, EXCEPTED, [CIS_CERVIX, BREAST_CANCER], MET),
    (E, EXCEPTED_CIS, [CIS_CERVIX], NOT_MET),
    (E, EXCEPTED_CIS, [CIS_CERVIX, BREAST_CANCER], MET),
    # the sites an item names, each decided by its own code
    (E, SITES, [CIS_CERVIX], MET),
    (E, SITES, [CIS_BREAST], MET),
    (E, SITES, [CIS_BLADDER], NOT_MET),
    (E, SITES, [CIS_COLON], NOT_MET),
    (E, SITES, [BREAST_CANCER], NOT_MET),  # invasive: not the in situ carcinoma the item names
    (E, SITES, [CIS_UNSPECIFIED], UNKNOWN),  # a carcinoma in situ of no coded site may be either
    (E, SITES, [], NOT_MET),
    (E, BLADDER, [CIS_BLADDER], MET),
    (E, BLADDER, [BLADDER_CANCER], NOT_MET),
    (E, BLADDER, [CIS_CERVIX], NOT_MET),
    (E, CERVICAL, [CIS_CERVIX], MET),
    (E, CERVICAL, [CIS_BREAST], NOT_MET),
]


@pytest.mark.parametrize(("ctype", "line", "codes", "expected"), ROWS, ids=[f"{r[1][:30]}-{'+'.join(r[2]) or 'none'}" for r in ROWS])
def test_in_situ_site_decides_from_the_record(ctype: CriterionType, line: str, codes: list[str], expected: Outcome) -> None:
    assert decide(ctype, line, *codes) is expected


READ = [
    ("Carcinoma in situ of the cervix or urinary bladder", {"cervical_carcinoma_in_situ", "bladder_carcinoma_in_situ"}),
    ("in situ carcinoma of the breast or cervix", {"cervical_carcinoma_in_situ", "breast_carcinoma_in_situ"}),
    ("carcinoma in situ of uterine cervix,", {"cervical_carcinoma_in_situ"}),
    ("Adequately treated in situ carcinoma of the cervix uteri", {"cervical_carcinoma_in_situ"}),
    ("Cervical carcinoma in situ", {"cervical_carcinoma_in_situ"}),
    ("CIS of the bladder", {"bladder_carcinoma_in_situ"}),
    # a site followed by a cancer word is that cancer, invasive: never read as in situ
    ("Carcinoma in situ of the cervix or breast cancer", {"cervical_carcinoma_in_situ", "breast_cancer"}),
    # no site beside it: carcinoma in situ of any site, as before
    ("carcinoma in situ (e.g. cervix, bladder, breast)", {"carcinoma_in_situ"}),
]


@pytest.mark.parametrize(("line", "concepts"), READ, ids=[r[0] for r in READ])
def test_the_site_is_read_with_the_in_situ_carcinoma(line: str, concepts: set[str]) -> None:
    expr = parse_lines([(E, line)])[0].expr
    asked = {p.concept for p in iter_predicates(expr)}
    assert concepts <= asked and not asked & {"carcinoma_in_situ"} - concepts, expr
    words = " ".join(n.text or "" for n in _reviews(expr)).lower()
    assert not any(site in words for site in ("cervix", "cervical", "breast", "bladder")), expr


def _reviews(expr: object) -> list[Review]:
    if isinstance(expr, Review):
        return [expr]
    return [r for part in getattr(expr, "parts", ()) or ((expr.part,) if hasattr(expr, "part") else ()) for r in _reviews(part)]
