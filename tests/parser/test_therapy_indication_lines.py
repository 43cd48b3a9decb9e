"""A therapy named with the disease it was given for (parser.therapy_indication, issue 14):
"Received prior treatment with HMA or chemotherapy for antecedent myelodysplastic syndrome (MDS)"
(NCT02785900), "... for a preceding myelodysplastic syndrome"; the trial's own disease ("No prior
therapy for CLL") narrows nothing (a record without its code may still be that patient's).

A therapy given for a disease the record never held was not given for it: a therapy-related AML
after chemotherapy for a breast cancer is not excluded by "chemotherapy for antecedent MDS". Where
the record holds another disease the therapy may have been for, the line is open, never met (the
AML an antecedent MDS became is no such disease: holdout T232-after-mds-aza); an
AML with myelodysplasia-related changes may follow an uncoded MDS (a person's). Words after "for"
that are not all diseases Eligo names ("AML or an AHD") keep their reading.

The lines are the corpus's own wordings; each row is judged by both evaluators.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.therapy_indication import indicated_therapy
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

ANTECEDENT = "Received prior treatment with HMA or chemotherapy for antecedent myelodysplastic syndrome (MDS)"  # NCT02785900
FOR_PRIOR = "Prior hypomethylating agent therapy for a preceding myelodysplastic syndrome"

AML_CHEMO = healthy(condition("aml", 200), medication("chemotherapy", 150))
AFTER_BREAST = healthy(condition("aml", 200), condition("breast_cancer", 2000), medication("chemotherapy", 1900))
MDS_HMA = healthy(condition("mds", 900), medication("hypomethylating_agent", 400), medication("chemotherapy", 400))
MDS_THEN_AML = healthy(condition("mds", 900), condition("aml", 100), medication("hypomethylating_agent", 400), medication("chemotherapy", 400))
MRC_HMA = healthy(condition("aml_mrc", 100), medication("hypomethylating_agent", 60), medication("chemotherapy", 60))

# (line, type, met, not met, unknown)
ROWS = [
    (ANTECEDENT, EXC, (MDS_HMA, MDS_THEN_AML), (healthy(), AML_CHEMO, AFTER_BREAST), (MRC_HMA,)),
    (FOR_PRIOR, EXC, (MDS_HMA,), (healthy(), AML_CHEMO, AFTER_BREAST), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_therapy_counts_only_as_given_for_the_disease_named(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "Prior chemotherapy for AML",  # the trial's own disease: a record without its code may be that patient's
    "No prior therapy for CLL",
    "Prior treatment for antecedent AML or an AHD",  # the AHD is no name here
    "Prior chemotherapy for metastatic disease",  # a setting, not a disease
    "Prior chemotherapy for AML within 30 days",  # not the line's last words
    "Prior chemotherapy for their hematologic malignancy",  # the patient's own
    "No prior therapy for CLL other than corticosteroids for disease complications",  # an exception after it
    "Received any therapy for a prior MDS within 28 days prior to study entry.",  # a time after it
    "No more than 1 prior systemic chemotherapy regimen for prior metastatic melanoma",  # a setting
    "Received any of the following within 30 days: prior therapy with any investigational compound; OR chemotherapy for prostate cancer",  # another item's
    "The subject has received bevacizumab for their disease unless in the context of primary therapy for newly diagnosed glioma",  # the exception's
    "Any prior systemic anticancer therapy including cytotoxic therapy, targeted agents, adjuvant, or neo-adjuvant therapy for NSCLC",  # a list's last item
])
def test_other_words_after_for_keep_their_reading(text):
    before = parse_line(text, EXC).expr
    assert indicated_therapy(before, text) == before


def test_hostile_input_is_read_in_bounded_time():
    text = ("therapy for " + "a" * 55 + " or ") * 300 + "chemotherapy for " * 400
    start = time.perf_counter()
    indicated_therapy(parse_line("Prior chemotherapy for AML", EXC).expr, text[:20000])
    parse_line(text[:20000], EXC)
    assert time.perf_counter() - start < 1.0
