"""Tumour biomarker results as hospitals send them (issue 14, biomarkers): a genetic variant
assessment of the HL7 Genomics Reporting IG / mCODE (LOINC 69548-6 with its gene, protein change
and significance components), protein markers by their LOINC (HER2, ER, PR, PD-L1), and an Eligo
code per marker. Each becomes positive / negative results; what a report does not say stays
absent, so a line asking for it is unknown."""

from __future__ import annotations

from typing import Any

import pytest
from intake_helpers import ELIGO, LOINC, bundle, observation, quantity

from matcher.intake import normalise

HGNC = "http://www.genenames.org/geneId"
HGVS = "http://varnomen.hgvs.org"
PRESENT = {"coding": [{"system": LOINC, "code": "LA9633-4", "display": "Present"}]}
ABSENT = {"coding": [{"system": LOINC, "code": "LA9634-2", "display": "Absent"}]}
POSITIVE = {"coding": [{"system": "http://snomed.info/sct", "code": "10828004"}]}
NEGATIVE = {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]}


def component(code: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"code": {"coding": [{"system": LOINC, "code": code}]}, "valueCodeableConcept": value}


def gene(hgnc: str | None, symbol: str) -> dict[str, Any]:
    """Component 48018-6 "Gene studied [ID]": an HGNC coding, or the symbol alone as text."""
    if hgnc is None:
        return component("48018-6", {"text": symbol})
    return component("48018-6", {"coding": [{"system": HGNC, "code": hgnc, "display": symbol}]})


def protein(change: str) -> dict[str, Any]:
    return component("48005-3", {"coding": [{"system": HGVS, "code": change}]})


def variant(result: dict[str, Any], *components: dict[str, Any]) -> dict[str, Any]:
    return observation(LOINC, "69548-6", valueCodeableConcept=result, component=list(components))


def results(*resources: dict[str, Any]) -> dict[str, str]:
    facts = normalise(bundle(*resources)).facts
    return {c: str(ms[0].value) for c, ms in facts.measurements.items()}


EGFR, KRAS, BRAF, ALK, EML4 = ("HGNC:3236", "EGFR"), ("HGNC:6407", "KRAS"), ("HGNC:1097", "BRAF"), ("HGNC:427", "ALK"), ("HGNC:3326", "EML4")
ABL1 = ("HGNC:76", "ABL1")

# (what the hospital sent, the results Eligo keeps)
GENOMIC = [
    # a sensitizing EGFR variant: the gene and the named variant, nothing of the others
    (variant(PRESENT, gene(*EGFR), protein("NP_005219.2:p.Leu858Arg")), {"egfr_mutation": "positive", "egfr_l858r": "positive"}),
    (variant(PRESENT, gene(*EGFR), protein("NP_005219.2:p.Glu746_Ala750del")), {"egfr_mutation": "positive", "egfr_exon19_deletion": "positive"}),
    (variant(PRESENT, gene(*EGFR), protein("p.(Asp770_Asn771insSerValAsp)")), {"egfr_mutation": "positive", "egfr_exon20_insertion": "positive"}),
    (variant(PRESENT, gene(None, "EGFR"), protein("p.T790M")), {"egfr_mutation": "positive", "egfr_t790m": "positive"}),
    # EGFR wild type: the gene and every variant of it negative
    (variant(ABSENT, gene(*EGFR)), {"egfr_mutation": "negative", "egfr_l858r": "negative", "egfr_t790m": "negative",
                                    "egfr_exon19_deletion": "negative", "egfr_exon20_insertion": "negative"}),
    # a named variant absent: that variant alone (T790M not detected says nothing of L858R)
    (variant(ABSENT, gene(*EGFR), protein("p.Thr790Met")), {"egfr_t790m": "negative"}),
    # KRAS G12D is a KRAS mutation, and no answer to "KRAS G12C"
    (variant(PRESENT, gene(*KRAS), protein("p.Gly12Asp")), {"kras_mutation": "positive"}),
    (variant(PRESENT, gene(*KRAS), protein("p.Gly12Cys")), {"kras_mutation": "positive", "kras_g12c": "positive"}),
    (variant(PRESENT, gene(*BRAF), protein("p.Val600Glu")), {"braf_mutation": "positive", "braf_v600": "positive", "braf_v600e": "positive"}),
    (variant(PRESENT, gene(*BRAF), protein("p.Val600Lys")), {"braf_mutation": "positive", "braf_v600": "positive"}),
    # a fusion: two genes studied; an ALK point variant is no rearrangement
    (variant(PRESENT, gene(*EML4), gene(*ALK)), {"alk_rearrangement": "positive"}),
    (variant(PRESENT, gene(*ALK), protein("p.Phe1174Leu")), {}),
    (variant(ABSENT, gene(*ALK)), {"alk_rearrangement": "negative"}),
    # ABL1 (issue 14, holdout T272): its own kinase-domain mutations beside its fusion row. T315I
    # is a kinase-domain mutation of the gene; another kinase-domain change is no T315I
    (variant(PRESENT, gene(*ABL1), protein("NP_005148.2:p.Thr315Ile")), {"abl1_mutation": "positive", "abl1_kinase_domain_mutation": "positive", "abl1_t315i": "positive"}),
    (variant(PRESENT, gene(None, "ABL1"), protein("p.E255K")), {"abl1_mutation": "positive", "abl1_kinase_domain_mutation": "positive"}),
    # a change outside the kinase domain is an ABL1 mutation, no kinase-domain one
    (variant(PRESENT, gene(*ABL1), protein("p.Pro1090Leu")), {"abl1_mutation": "positive"}),
    # ABL1 reported absent alone is no ABL1 mutation, and no word of BCR-ABL1 (a kinase-domain test
    # runs on the fusion itself); the fusion reported absent is no word of ABL1's own variants
    (variant(ABSENT, gene(*ABL1)), {"abl1_mutation": "negative", "abl1_kinase_domain_mutation": "negative", "abl1_t315i": "negative"}),
    (variant(ABSENT, gene(*ABL1), protein("p.Thr315Ile")), {"abl1_t315i": "negative"}),
    # an absent change is that change's absence alone, never a wider variant's holding it
    (variant(ABSENT, gene(*BRAF), protein("p.Val600Glu")), {"braf_v600e": "negative"}),
    (variant(ABSENT, gene("HGNC:1014", "BCR"), gene(*ABL1)), {"bcr_abl1": "negative"}),
    # a fusion is no ABL1 point mutation
    (variant(PRESENT, gene("HGNC:1014", "BCR"), gene(*ABL1)), {"bcr_abl1": "positive"}),
    # a variant of benign or uncertain significance is no alteration
    (variant(PRESENT, gene(*EGFR), protein("p.Gln787Gln"), component("53037-8", {"coding": [{"system": LOINC, "code": "LA6675-8", "display": "Benign"}]})), {}),
    (variant(PRESENT, gene(*KRAS), component("53037-8", {"text": "Uncertain significance"})), {}),
    # a gene Eligo does not read, or a result that is neither present nor absent
    (variant(PRESENT, gene("HGNC:11389", "STK11")), {}),
    (variant({"text": "indeterminate"}, gene(*EGFR)), {}),
]


@pytest.mark.parametrize("resource, expected", GENOMIC)
def test_a_genetic_variant_assessment_says_what_it_says_of_each_marker(resource, expected):
    assert results(resource) == expected


PROTEIN = [
    (observation(LOINC, "85319-2", valueCodeableConcept=POSITIVE), {"her2": "positive"}),
    (observation(LOINC, "48676-1", valueString="Negative"), {"her2": "negative"}),
    (observation(LOINC, "85337-4", valueCodeableConcept=POSITIVE), {"er": "positive"}),
    (observation(LOINC, "16113-3", valueCodeableConcept=NEGATIVE), {"pr": "negative"}),
    (observation(LOINC, "83052-1", valueCodeableConcept=POSITIVE), {"pd_l1": "positive"}),
    (observation(ELIGO, "pd-l1-tps", valueQuantity=quantity(60, "%")), {"pd_l1_tps": "60.0"}),
    # an Eligo marker code, and what it says of its gene's others
    (observation(ELIGO, "kras-g12c", valueCodeableConcept=POSITIVE), {"kras_g12c": "positive", "kras_mutation": "positive"}),
    (observation(ELIGO, "braf-v600e", valueString="positive"), {"braf_v600e": "positive", "braf_mutation": "positive", "braf_v600": "positive"}),
    (observation(ELIGO, "egfr-mutation", valueString="negative"), {"egfr_mutation": "negative", "egfr_l858r": "negative", "egfr_t790m": "negative",
                                                                   "egfr_exon19_deletion": "negative", "egfr_exon20_insertion": "negative"}),
    (observation(ELIGO, "egfr-t790m", valueString="negative"), {"egfr_t790m": "negative"}),
    (observation(ELIGO, "flt3-itd", valueString="positive"), {"flt3_itd": "positive"}),
    (observation(ELIGO, "bcr-abl1", valueString="positive"), {"bcr_abl1": "positive"}),
    (observation(ELIGO, "abl1-t315i", valueString="positive"), {"abl1_t315i": "positive", "abl1_mutation": "positive", "abl1_kinase_domain_mutation": "positive"}),
    (observation(ELIGO, "abl1-mutation", valueString="negative"), {"abl1_mutation": "negative", "abl1_kinase_domain_mutation": "negative", "abl1_t315i": "negative"}),
]


@pytest.mark.parametrize("resource, expected", PROTEIN)
def test_a_protein_marker_or_an_eligo_marker_code_is_a_result(resource, expected):
    assert results(resource) == expected


def test_a_bcr_abl1_fusion_is_the_philadelphia_chromosome_and_another_abl1_fusion_is_not():
    assert results(variant(PRESENT, gene("HGNC:1014", "BCR"), gene("HGNC:76", "ABL1"))) == {"bcr_abl1": "positive"}
    assert results(variant(PRESENT, gene("HGNC:8064", "NUP214"), gene("HGNC:76", "ABL1"))) == {}


def test_the_newest_report_of_a_gene_counts():
    older = variant(ABSENT, gene(*EGFR))
    older["effectiveDateTime"] = "2025-01-10"
    newer = variant(PRESENT, gene(*EGFR), protein("p.Leu858Arg"))
    assert results(older, newer)["egfr_mutation"] == "positive"
