"""Tumour biomarker lines as registries write them (issue 14, biomarkers), each decided on records:
met, not met, unknown.

The lines are the corpus's own (``../shared/corpus``, quoted short). A marker is a result: an
untested one is unknown, so "Known EGFR mutation" excludes nobody without a test and a line asking
for "EGFR mutation" is never met by a record of a wild-type EGFR. What narrows a marker and has
no concept of its own ("sensitizing", "germline", "by FISH") leaves a positive patient to review,
never met on a guess, while a tested-negative one is still decided. Lines that ask only for a test
("tissue for PD-L1 testing", "EGFR mutational status") and markers named as a condition, an
example or a cohort are not read as requirements.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, Predicate, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, result

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def markers(*words: str, diseases: tuple[str, ...] = ()) -> PatientFacts:
    """An adult whose record holds these results ("egfr_mutation+", "alk_rearrangement-") and
    diagnoses."""
    results = [result(w[:-1], "positive" if w.endswith("+") else "negative") for w in words]
    return adult(*results, *(condition(d) for d in diseases))


UNTESTED = markers()
EGFR_POS, EGFR_NEG = markers("egfr_mutation+"), markers("egfr_mutation-", "egfr_exon19_deletion-", "egfr_l858r-", "egfr_t790m-")
L858R = markers("egfr_mutation+", "egfr_l858r+")
G719X = markers("egfr_mutation+")  # a mutation Eligo names no concept for: only the gene is positive
ALK_POS, ALK_NEG = markers("alk_rearrangement+"), markers("alk_rearrangement-")
DRIVERS_NEG = markers("egfr_mutation-", "egfr_exon19_deletion-", "egfr_l858r-", "alk_rearrangement-", "ros1_rearrangement-")

# (line, type, met, not met, unknown)
ROWS = [
    # positive, wild type, either of a list
    ("EGFR mutation positive", INC, (EGFR_POS, L858R), (EGFR_NEG,), (UNTESTED,)),
    ("Positive EGFR mutation.", INC, (EGFR_POS,), (EGFR_NEG,), (UNTESTED,)),
    ("Must have documented ALK rearrangement.", INC, (ALK_POS,), (ALK_NEG,), (UNTESTED,)),
    ("Known EGFR mutation or ALK rearrangement", EXC, (EGFR_POS, ALK_POS), (markers("egfr_mutation-", "alk_rearrangement-"),),
     (UNTESTED, ALK_NEG)),
    ("Wild-type EGFR/ALK;", INC, (markers("egfr_mutation-", "alk_rearrangement-"),), (EGFR_POS, ALK_POS), (UNTESTED, EGFR_NEG)),
    ("EGFR, ALK gene wild type;", INC, (markers("egfr_mutation-", "alk_rearrangement-"),), (ALK_POS,), (EGFR_NEG,)),
    ("RAS wild-type tumor", INC, (markers("kras_mutation-", "nras_mutation-"),), (markers("kras_mutation+"), markers("kras_mutation-", "nras_mutation+")),
     (markers("kras_mutation-"),)),
    # a variant: its own concept; the gene's other variants say nothing of it
    ("KRAS G12C mutation", INC, (markers("kras_mutation+", "kras_g12c+"),), (markers("kras_mutation-", "kras_g12c-"),), (markers("kras_mutation+"),)),
    ("Histologic diagnosis of unresectable or metastatic BRAF V600 mutant melanoma.", INC, (),
     (markers("braf_v600-", diseases=("melanoma",)), markers("braf_v600+")), (markers("braf_v600+", diseases=("melanoma",)),)),
    ("Patient has EGFR T790M mutation or any other acquired EGFR exon 20 point mutation", EXC, (markers("egfr_mutation+", "egfr_t790m+"),), (), (L858R, EGFR_NEG)),
    # narrowed: a sensitizing mutation is one of the named two, or a person's call
    ("Harboring EGFR sensitizing mutation or ALK gene translocation", EXC, (L858R, ALK_POS), (markers("egfr_mutation-", "egfr_exon19_deletion-", "egfr_l858r-", "alk_rearrangement-"),),
     (G719X, UNTESTED)),
    ("Germline BRCA1 or BRCA2 mutation", INC, (), (markers("brca1_mutation-", "brca2_mutation-"),), (markers("brca2_mutation+"), UNTESTED)),
    # a negation inside the clause, and the list it opens
    ("Re-biopsy after treatment failure with at least one EGFR-TKI suggesting no EGFR-sensitive mutation", INC, (), (L858R,), (EGFR_NEG, G719X)),
    ("As confirmed by the central laboratory, the tumor contains no common EGFR mutations and ALK fusion variants;", INC, (), (L858R, ALK_POS), (DRIVERS_NEG,)),
    ("NSCLC without known ALK rearrangements", EXC, (markers("alk_rearrangement-", diseases=("nsclc",)),),
     (markers("alk_rearrangement+", diseases=("nsclc",)), markers("alk_rearrangement-")), (markers(diseases=("nsclc",)),)),
    # a marker written against its cancer qualifies that cancer, alternatives each their own
    ("ALK-positive NSCLC or ROS1-positive NSCLC", INC, (markers("ros1_rearrangement+", diseases=("nsclc",)),),
     (markers("alk_rearrangement-", "ros1_rearrangement-", diseases=("nsclc",)), markers("alk_rearrangement+", diseases=("breast_cancer",))),
     (markers(diseases=("nsclc",)),)),
    ("Patient has a confirmed diagnosis of estrogen-receptor positive and/or progesterone receptor positive breast cancer by local laboratory", INC,
     (markers("er-", "pr+", diseases=("breast_cancer",)),), (markers("er+"), markers("er-", "pr-", diseases=("breast_cancer",))),
     (markers(diseases=("breast_cancer",)),)),
    # protein markers
    # HER2 status (protein) and a HER2 (ERBB2) mutation are two markers: neither answers the other
    ("HER2-positive disease", INC, (markers("her2+"),), (markers("her2-"),), (UNTESTED, markers("her2_mutation+"))),
    ("Locally documented HER2 mutation", INC, (), (markers("her2_mutation-"),), (markers("her2_mutation+"), markers("her2+"), markers("her2-"))),
    ("Known BRAF mutation", EXC, (markers("braf_mutation+"),), (markers("braf_mutation-"),), (UNTESTED, markers("her2+"))),
    ("HER2 gene amplification by FISH. HER protein overexpression by immunohistochemistry will not be sufficient for entry.", INC,
     (), (markers("her2-"),), (markers("her2+"),)),
    ("Patients with histologically confirmed ER(-) PR(-) and HER-2(-)", INC, (markers("er-", "pr-", "her2-"),), (markers("er-", "pr+", "her2-"),),
     (markers("er-", "pr-"),)),
    ("Have a diagnosis of hormone receptor-positive (HR+), human epidermal growth factor receptor 2-negative (HER2-) breast cancer", INC,
     (markers("pr+", "her2-", diseases=("breast_cancer",)),), (markers("er+", "her2+", diseases=("breast_cancer",)),), (markers("er+", diseases=("breast_cancer",)),)),
    ("Patient's tumor must be ER+ with or without concomitant progesterone receptor-positive (PR+) with an Allred score of 6, 7 or 8", INC,
     (), (markers("er-", "pr+"),), (markers("er+", "pr-"),)),
    ("PD-L1 negative；", INC, (markers("pd_l1-"),), (markers("pd_l1+"),), (UNTESTED,)),
    ("Tumor tissue that demonstrates PD-L1 expression in ≥1% of tumor cells (TPS ≥1%) as assessed by IHC 22C3 pharmDx.", INC,
     (), (adult(lab("pd_l1_tps", 0, "%")),), (adult(lab("pd_l1_tps", 60, "%")), UNTESTED)),
    ("The most recent tumor tissue sample prior to the first dose of the study drug demonstrated PD-L1 TPS <1%", INC,
     (), (adult(lab("pd_l1_tps", 5, "%")),), (adult(lab("pd_l1_tps", 0, "%")),)),
    # leukaemia markers
    ("FLT3-ITD Positive AML", INC, (markers("flt3_itd+", diseases=("aml",)),), (markers("flt3_itd-", diseases=("aml",)), markers("flt3_itd+")), (markers(diseases=("aml",)),)),
    ("Participant has an FLT3 mutation other than the following: FLT3-ITD, FLT3-TKD/D835 or FLT3-TKD/I836.", EXC, (),
     (markers("flt3_mutation-"), markers("flt3_mutation+", "flt3_itd+")), (markers("flt3_mutation+", "flt3_itd-"),)),
    ("Subjects with Philadelphia negative B-precursor ALL, with any of the following:", INC, (markers("bcr_abl1-", diseases=("b_all",)),),
     (markers("bcr_abl1+", diseases=("b_all",)), markers("bcr_abl1-", diseases=("aml",))), (markers(diseases=("b_all",)),)),
    ("Ph-negative acute leukemia in second or subsequent relapse", INC, (), (markers("bcr_abl1+", diseases=("aml", "relapsed")),), (markers("bcr_abl1-", diseases=("aml", "relapsed")),)),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(ROWS))
def test_a_biomarker_line_is_decided_by_the_results_on_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# Lines that name a marker without asking for a result: a test to be done, a condition, an
# example, a cohort. No marker of them decides anything.
NOT_A_REQUIREMENT = [
    ("Available tumor tissue for determination of EGFR mutational status and immunohistochemistry analysis", INC),
    ("Must provide the most recent tumor tissue sample for PD-L1 expression testing, which will be used to stratify subjects for randomization.", INC),
    ("Tumour block available for central review of HER2 mutation status.", INC),
    ("Must have undergone biopsy after development of acquired resistance to erlotinib with adequate tissue to determine EGFR T790M and tumor histology.", INC),
    ("HER2/neu positive or negative tumors are eligible. HER2 positivity must be documented by fluorescence in situ hybridization (FISH).", INC),
    ("To be enrolled in the TNBC expansion cohort, participants must have:", INC),
    ("Have failed or have not tolerated FOLFOX, FOLFIRI and, if KRAS wild type, then a EGFR inhibitor-based regimen", INC),
    ("Participants with non-squamous cell NSCLC of unknown epidermal growth factor receptor (EGFR) mutation status will require testing. "
     "Participants with a tumor that harbors an activating EGFR mutation will not be eligible", INC),
    ("Patients with NSCLC harboring an EGFR, ALK or ROS-1 alteration must have progressed through at least one prior therapy with appropriate molecularly targeted agents.", INC),
    ("Prior treatment with EGFR targeting therapies", EXC),
    ("eGFR <30", INC),
]

_BIOMARKER_CONCEPTS = {"egfr_mutation", "egfr_l858r", "egfr_exon19_deletion", "egfr_t790m", "her2", "her2_mutation", "pd_l1", "pd_l1_tps",
                       "er", "pr", "kras_mutation", "nras_mutation", "alk_rearrangement", "ros1_rearrangement"}


@pytest.mark.parametrize("text, ctype", NOT_A_REQUIREMENT)
def test_a_marker_that_is_no_requirement_is_not_read_as_one(text, ctype):
    criterion: Criterion = parse_line(text, ctype)
    named = {p.concept for p in iter_predicates(criterion.expr) if isinstance(p, Predicate)}
    assert not named & _BIOMARKER_CONCEPTS
