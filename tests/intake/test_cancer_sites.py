"""Cancers the corpus's diagnosis lines name, read from the codes hospitals send (issue 14).

Each row is a line in a wording from ``../shared/corpus`` (paraphrased) and a Condition coded the
way a hospital codes it (ICD-10-CM site, or ICD-O-3 morphology), decided through the intake and
the reference evaluator. A liver or kidney cancer coded by its site alone may be of the histology
the line asks for: unknown, never absent.
"""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

from intake_helpers import ICD10, ICDO3, bundle, condition

AS_OF = date(2026, 12, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def decide(ctype: CriterionType, line: str, *codes: tuple[str, str]) -> Outcome:
    facts = normalise(bundle(*(condition(system, code, onset="2026-06-01") for system, code in codes))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([(ctype, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


HCC = "Histologically or cytologically confirmed hepatocellular carcinoma"
RCC = "Histologically confirmed renal cell carcinoma"
ROWS = [
    # hepatocellular carcinoma: C22.0, or its ICD-O-3 morphology; a liver cancer coded C22.9 may be one
    (I, HCC, [(ICD10, "C22.0")], MET),
    (I, HCC, [(ICDO3, "8170/3")], MET),
    (I, HCC, [(ICD10, "C22.9")], UNKNOWN),
    (I, HCC, [(ICD10, "C22.1")], NOT_MET),  # an intrahepatic cholangiocarcinoma is another histology
    (I, HCC, [(ICD10, "C50.911")], NOT_MET),
    (I, "Diagnosis of HCC", [(ICD10, "C22.0")], MET),
    (I, "Patients with primary liver cancer", [(ICD10, "C22.0")], MET),
    (E, "Known hepatocellular carcinoma", [(ICD10, "C22.8")], UNKNOWN),
    (E, "Known hepatocellular carcinoma", [], NOT_MET),
    # renal cell carcinoma: the morphology names it; C64 alone is a kidney cancer of any histology
    (I, RCC, [(ICDO3, "8312/3")], MET),
    (I, RCC, [(ICD10, "C64.1")], UNKNOWN),
    (I, RCC, [(ICD10, "C61")], NOT_MET),
    (I, "Renal cell carcinoma (RCC)", [(ICD10, "C64.2"), (ICDO3, "8312/3")], MET),
    # a histologic subtype the code does not state narrows the line: a chromophobe RCC is no clear cell one
    (I, "Clear cell renal cell carcinoma", [(ICDO3, "8317/3")], UNKNOWN),
    (I, "Patients with kidney cancer", [(ICD10, "C64.9")], MET),
    # bladder, head and neck, nasopharynx: the site is the disease the line names
    (I, "Histologically confirmed bladder cancer", [(ICD10, "C67.9")], MET),
    (I, "Histologically confirmed bladder cancer", [(ICD10, "C66.9")], NOT_MET),  # ureter, not bladder
    (I, "Histologically confirmed squamous cell carcinoma of the head and neck (SCCHN)", [(ICD10, "C32.9")], MET),
    (I, "Histologically confirmed squamous cell carcinoma of the head and neck (SCCHN)", [(ICD10, "C11.9")], MET),
    (I, "Histologically confirmed squamous cell carcinoma of the head and neck (SCCHN)", [(ICD10, "C34.90")], NOT_MET),
    (I, "Pathologically confirmed nasopharyngeal carcinoma", [(ICD10, "C11.1")], MET),
    (I, "Pathologically confirmed nasopharyngeal carcinoma", [(ICD10, "C32.0")], NOT_MET),
]


@pytest.mark.parametrize("ctype, line, codes, expected", ROWS, ids=[f"{i}-{r[1][:28]}-{r[3]}" for i, r in enumerate(ROWS)])
def test_a_cancer_line_decides_the_coded_record(ctype, line, codes, expected):
    assert decide(ctype, line, *codes) is expected


# An exclusion that names the trial's own cancer as the context of another alternative: the
# cancer never excludes on its own (every patient of the trial has it), the other alternative does.
OWN_ROWS = [
    ("Metastatic CNS from RCC.", [(ICDO3, "8312/3")], NOT_MET),
    ("Prior use of radiotherapy or investigational agents for RCC.", [(ICDO3, "8312/3")], NOT_MET),
    # "any non-RCC malignancy": another cancer, never RCC itself (read as RCC it passed a breast cancer)
    ("Diagnosis of any non-RCC malignancy occurring within 2 years prior to randomization", [(ICDO3, "8312/3"), (ICD10, "C50.911")], UNKNOWN),
]


@pytest.mark.parametrize("line, codes, expected", OWN_ROWS, ids=[r[0][:30] for r in OWN_ROWS])
def test_the_trials_own_cancer_is_no_alternative_of_an_exclusion(line, codes, expected):
    facts = normalise(bundle(*(condition(system, code, onset="2026-06-01") for system, code in codes))).facts
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, RCC), (E, line)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected
