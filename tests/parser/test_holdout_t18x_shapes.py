"""Shapes the T181-T185 holdout trials (vorinostat with decitabine, a double cord blood
transplant, AMG 386 with cytarabine, a haploidentical transplant for MDS, azacitidine with
etoposide-mitoxantrone; ``test_holdout_trials``) misread, each fixed in its general form and
pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts are over its 1,883
trials):

* A bracket that states an exclusion beside the requirement before it ("ECOG status 0-2 (ECOG 3
  is excluded)", "(patients receiving insulin are not eligible)", "(PCR positive patients will be
  excluded)"; 15 corpus lines hold such a bracket, 2 of them inclusions this reading reaches):
  the bracket's subject excludes, the rest is the requirement. Taken for the line's own verdict,
  the whole inclusion was negated: ECOG 1 failed it and ECOG 4 met it. A bracket that narrows the
  history named before it ("History of myocardial infarction within 12 months (patients with
  history of myocardial infarction within 6 months are excluded ...)") keeps the old reading.
* A bracket that scopes a requirement by a lab value ("Creatinine <= 2 mg/dl (patients with a
  creatinine > 1.2 or history of renal dysfunction must have calculated GFR > 40)"): asked only
  of the patients it names. Joined into the line, its condition was an alternative, so any
  creatinine over 1.2 (2.4 mg/dL too) met the line.
* One disease that arose from another ("Acute myeloid leukemia arising from MDS", among "one of
  the following" diagnoses; 5 corpus lines name a leukaemia arising, evolving, transformed or
  secondary to MDS): both diseases are on the record. Left a qualifier, a de novo AML met the
  MDS-only list beside a review and was called eligible. A clause with a primary form beside
  the secondary one ("primary AML or AML secondary to MDS") keeps its old reading.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, creatinine, ecog, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def kidney(value: float, gfr: float | None = None) -> PatientFacts:
    """A creatinine (upper limit 1.2 mg/dL) and, when given, an eGFR."""
    parts = [creatinine(value)] + ([lab("egfr", gfr, "mL/min/{1.73_m2}")] if gfr is not None else [])
    return adult(*parts)


ROWS = [
    # -- a bracket stating an exclusion beside the requirement
    ("Eastern Cooperative Oncology Group (ECOG) status 0-2 (ECOG 3 is excluded)", I,
     [adult(ecog(1)), adult(ecog(2))], [adult(ecog(3)), adult(ecog(4))], [adult()]),
    ("ECOG performance status 0-1 (ECOG 2 is not eligible)", I, [adult(ecog(0))], [adult(ecog(2)), adult(ecog(3))], [adult()]),
    # (a bracket narrowing the history before it keeps the line's verdict: the history is a risk listed)
    ("History of myocardial infarction within 12 months (patients with history of myocardial infarction within 6 months are excluded from "
     "the study)", I, [adult(), adult(condition("myocardial_infarction", 200))], [adult(condition("myocardial_infarction", 60))], []),
    # -- a bracket scoping a requirement by a lab value
    ("Renal: Creatinine ≤ 2 mg/dl (patients with a creatinine > 1.2 or history of renal dysfunction must have calculated glomerular "
     "filtration rate (GFR) > 40 mL/min/1.73m2)", I,
     [kidney(0.9, 90), kidney(1.6, 55)], [kidney(2.4, 55), kidney(1.6, 35)], [kidney(1.6), kidney(0.9)]),
    ("Creatinine ≤ 2 mg/dl (patients with a creatinine > 1.2 must have calculated GFR > 40 mL/min/1.73m2)", I,
     [kidney(0.9), kidney(1.6, 55)], [kidney(2.4, 55), kidney(1.6, 35)], [kidney(1.6)]),
    # -- a disease that arose from another: both on the record
    ("Acute myeloid leukemia arising from MDS", I, [adult(condition("aml", 30), condition("mds", 400))],
     [adult(condition("aml", 30)), adult(condition("mds", 400))], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t18x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text, kind, facts",
    [
        ("Participant has a diagnosis of primary acute myeloid leukemia (AML) or AML secondary to myelodysplastic syndrome (MDS) according "
         "to WHO classification (2008)", I, adult(condition("aml", 30))),
        ("Acute myeloid leukemia arising from MDS", E, adult(condition("aml", 30))),
    ],
    ids=["primary-or-secondary", "exclusion-list"],
)
def test_an_antecedent_never_fails_a_primary_form_or_joins_an_exclusion_list(text: str, kind: CriterionType, facts: PatientFacts) -> None:
    """A primary AML needs no MDS; an exclusion's list joins as alternatives, so its antecedent
    stays a qualifier (read "AML or MDS", it excluded every MDS)."""
    assert judged(parse_line(text, kind), facts) is not Outcome.NOT_MET
    assert judged(parse_line(text, kind), adult(condition("mds", 400))) is not Outcome.MET


@pytest.mark.parametrize(
    "text, facts, expected",
    [
        ("Patients with brain metastases are not eligible", adult(condition("brain_metastases", 30)), Outcome.NOT_MET),
        ("Patients with brain metastases are not eligible", adult(), Outcome.MET),
    ],
    ids=["stated-met", "stated-clear"],
)
def test_a_verdict_outside_a_bracket_is_still_the_lines_own(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, I), facts) is expected
