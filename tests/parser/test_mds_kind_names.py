"""The kinds of myelodysplastic syndrome by their FAB or WHO names, and the blast bands that define
them (``topics/mds_kinds``, ``topics/labs``):

* "refractory anemia with excess blasts (RAEB)", "RAEB-2", "RAEB-T (RAEB in transformation)",
  "refractory anemia with ringed sideroblasts", "RCMD" name an MDS of a kind no record field holds:
  a patient without an MDS fails the name, a patient with one is left to a person for the kind.
  Left unread, a heading's list of kinds beside "AML" was no list of diseases, and every patient
  was asked for all of them at once.
* "5-19% myeloblasts in the bone marrow", "10%-20% blasts in BM", "5 to 19% blasts in the blood": a
  band of blasts at the site it names (or either of two: "in the bone marrow or peripheral blood"),
  both ends included; one case among those of a "one of the following" run into the clause is
  never read alone.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

MDS = condition("mds")
AML = condition("aml")


def _marrow(share: float) -> object:
    return lab("bm_blasts", share, "%")


def _blood(share: float) -> object:
    return lab("pb_blasts", share, "%")


KIND_ROWS = [
    # (type, text, met, not met, unknown)
    (I, "Refractory anaemia with excess blasts (RAEB) confirmed on marrow review", [], [adult(AML)], [adult(MDS)]),
    (I, "RAEB-2 at screening", [], [adult(AML)], [adult(MDS)]),
    (I, "Refractory cytopenia with multilineage dysplasia", [], [adult(AML)], [adult(MDS)]),
    # (the dependence needs a transfusion on record: an MDS without one fails it, topics.transfusion_dependence)
    (I, "Refractory anemia with ringed sideroblasts, transfusion dependent", [], [adult(AML), adult(MDS)], []),
    # in transformation it is an MDS by FAB, an AML by WHO: either, its kind a person's
    (E, "RAEB-T (RAEB in transformation)", [], [adult(condition("cll"))], [adult(MDS), adult(AML)]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(KIND_ROWS))
def test_an_mds_kind_by_name_is_an_mds_whose_kind_a_person_reads(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


BAND_ROWS = [
    (I, "Must have 5-19% myeloblasts in the bone marrow",
     [adult(_marrow(5)), adult(_marrow(19))], [adult(_marrow(3)), adult(_marrow(24))], [adult()]),
    (I, "Marrow of 10%-20% blasts in BM", [adult(_marrow(12))], [adult(_marrow(9))], [adult()]),
    (I, "Must have 5 to 19% blasts in the peripheral blood", [adult(_blood(6))], [adult(_blood(2))], [adult(_marrow(8))]),
    # either site: one in the band meets it, both outside fail it, one outside and one unknown stays open
    (I, "Must have 20-30% blasts in the bone marrow or peripheral blood",
     [adult(_marrow(25)), adult(_blood(22))], [adult(_marrow(3), _blood(1))], [adult(_marrow(3))]),
    # one case of a list run into the clause ("one of the following: a. ..., b. ..."): never asked alone
    (I, "Accelerated phase means one of the following: a. 15-29% blasts in the blood, b. basophils over 20%", [], [], [adult(_blood(2))]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(BAND_ROWS))
def test_a_band_of_blasts_bounds_both_ends_at_its_site(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_heading_listing_mds_kinds_and_aml_takes_one_of_them() -> None:
    rows: list[tuple[CriterionType, str, int | None]] = [
        (I, "Patients must have one of these myeloid diseases:", None),
        (I, "RAEB-2 with at least 10% marrow blasts", 0),
        (I, "RAEB-T with fewer than 5% blasts in the peripheral blood", 0),
        (I, "Acute myeloid leukemia", 0),
    ]
    trial = TrialCriteria("NCT00000099", 1, parse_lines(rows))
    for facts, expected in ((adult(AML), MET), (adult(MDS, _marrow(14)), UNKNOWN), (adult(condition("cll")), NOT_MET)):
        assert evaluate_reference(trial, facts, AS_OF).criteria[0].outcome is expected
