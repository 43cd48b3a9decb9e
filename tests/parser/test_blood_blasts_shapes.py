"""Blasts in the blood and relapse outside the marrow, as registries write them (issue 14; the
seed NCT05744440 line "Measurable lesions meets at least one of the following: ... (2) Appearance
of leukemic blasts in the peripheral blood; (3) >= 5% blasts in the BM; (4) extramedullary
relapse" left (2) and (4) unread).

* ``pb_blasts`` is the share of blasts among the blood's leukocytes (an Observation the intake
  reads, ``docs/codes.md``): "Peripheral blood blast count of less than 10%", "<5% blasts in
  peripheral blood" (before, read as the marrow's blasts), "Appearance of leukemic blasts in the
  peripheral blood" (any above none); ~20 corpus lines.
* A bound on blasts "in the bone marrow or peripheral blood" holds in either site when it is a
  lower bound (the disease shown in either), in each when it is an upper one.
* "Extramedullary relapse" is a relapse with extramedullary disease (isolated relapse stays its
  own concept).
A measurement absent from the record leaves its part unknown (contract section 4)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.coverage import _kind
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

MEASURABLE = ("Measurable lesions meets at least one of the following requirements during screening: (1) Persistent positive MRD "
              "or relapse with positive minimal residual disease (MRD) in the bone marrow(BM); (2) Appearance of leukemic blasts in "
              "the peripheral blood; (3) ≥5% blasts in the BM; (4) extramedullary relapse;")
PB_CAP = "Peripheral blood blast count of less than (<) 10%"
RAEB = "RAEB (RA with excess blasts) with ≥10% BM blasts: 10%-20% blasts in BM, <5% blasts in peripheral blood"
EITHER = "Diagnosis of AML according to World Health Organization (WHO) diagnostic criteria (at least 20% blasts in the peripheral blood or bone marrow)"
BLAST_PHASE = "Blast phase disease (>20% blasts in the marrow or peripheral blood)"
BOTH_UNDER = "Chronic phase CML with <15% blasts in peripheral blood and bone marrow"


def blasts(pb: float | None = None, bm: float | None = None) -> tuple:
    out = []
    if pb is not None:
        out.append(lab("pb_blasts", pb, "%"))
    if bm is not None:
        out.append(lab("bm_blasts", bm, "%"))
    return tuple(out)


# (why, line, type, record, outcome)
CASES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    ("blasts seen in the blood measure the disease", MEASURABLE, INC, adult(*blasts(pb=3)), MET),
    ("relapsed, no blasts in the blood, 2% in the marrow, none outside it: the MRD alternative is a person's",
     MEASURABLE, INC, adult(condition("relapsed", 30), *blasts(pb=0, bm=2)), UNKNOWN),
    ("a relapse with extramedullary disease measures it", MEASURABLE, INC,
     adult(condition("relapsed", 30), condition("extramedullary_disease", 30), *blasts(pb=0, bm=1)), MET),
    ("blood blasts under the cap", PB_CAP, INC, adult(*blasts(pb=4)), MET),
    ("blood blasts past the cap", PB_CAP, INC, adult(*blasts(pb=25)), NOT_MET),
    ("no blood blast count on record: unknown", PB_CAP, INC, adult(), UNKNOWN),
    ("'<5% blasts in peripheral blood' is the blood's: marrow 12%, blood 2% meet the RAEB line's bounds",
     RAEB, INC, adult(condition("mds", 60), *blasts(pb=2, bm=12)), UNKNOWN),  # an MDS: which kind ('RAEB') stays a person's
    ("'<5% blasts in peripheral blood': blood 8% fails it", RAEB, INC, adult(*blasts(pb=8, bm=12)), NOT_MET),
    ("'at least 20% in the blood or marrow': the marrow alone shows it", EITHER, INC,
     adult(condition("aml", 30), *blasts(pb=1, bm=40)), MET),
    ("'at least 20% in the blood or marrow': neither site does", EITHER, INC,
     adult(condition("aml", 30), *blasts(pb=1, bm=8)), NOT_MET),
    ("'>20% blasts in the marrow or blood' excludes by the blood alone", BLAST_PHASE, EXC, adult(*blasts(pb=30, bm=10)), MET),
    ("'<15% blasts in blood and marrow': the marrow past it fails the line", BOTH_UNDER, INC,
     adult(condition("cml", 300), *blasts(pb=2, bm=20)), NOT_MET),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=w) for w, t, c, f, o in CASES])
def test_blood_blasts_decide_as_the_text_means(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, ctype), facts, AS_OF).outcome is expected


@pytest.mark.parametrize("text", [PB_CAP, "Proportion of blasts in peripheral blood <10%", "extramedullary relapse"])
def test_a_blood_blast_bound_is_read_whole(text: str) -> None:
    assert _kind(parse_line(text, INC).expr)[0] == "whole"
