"""Tumour biomarker results: what a genetic variant assessment (HL7 Genomics Reporting IG and
mCODE, LOINC 69548-6) or an Eligo marker code says of each marker a trial may ask.

A genomic report is not one yes / no: it names a gene, a result (Present / Absent) and, when a
variant was found, which one. So one Observation may decide several markers (a KRAS p.Gly12Cys
is a KRAS mutation and a KRAS G12C), and says nothing of others (a KRAS G12D is no answer to "KRAS
G12C" either way: another variant of the gene is not this one's absence). The rules, all data
in codes.toml (``[genomic]``, ``[[gene]]``):

* a Present sequence variant makes its gene's concept positive, and each variant concept whose
  protein change it is; a benign, likely benign or uncertain variant is no alteration (not read);
* a gene reported Absent with no variant named is wild type: its concept and every variant
  concept of it negative; an Absent named variant is negative for that variant alone;
* a fusion gene (ALK, ROS1, RET, NTRK, KMT2A, BCR-ABL1) is positive only for a fusion (two genes
  studied, or a fusion change type), never for a point variant of the gene; a fusion named by
  its two partners (BCR-ABL1) is negative only when both are studied, since one partner reported
  absent is that gene's own variant test (an ABL1 kinase-domain test run on BCR-ABL1 itself);
* a gene may have two rows, a fusion and its own sequence variants (ABL1: BCR-ABL1, and the
  kinase-domain mutations as T315I), each reading what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .codes import CodeTables
from .values import coding_list

# one-letter codes of the amino acids, by their three-letter HGVS spelling
_AMINO = {
    "ala": "A", "arg": "R", "asn": "N", "asp": "D", "cys": "C", "gln": "Q", "glu": "E", "gly": "G", "his": "H", "ile": "I",
    "leu": "L", "lys": "K", "met": "M", "phe": "F", "pro": "P", "ser": "S", "thr": "T", "trp": "W", "tyr": "Y", "val": "V",
    "ter": "*", "sec": "U", "xaa": "X",
}
_THREE = re.compile(r"(?<![A-Za-z])(" + "|".join(_AMINO) + r")", re.I)
# "V600E", "E746_A750del", "D770_N771insSVD", "L747_P753delinsS": first residue and its codon
_CHANGE = re.compile(r"^(?P<aa>[A-Z*])(?P<codon>\d{1,5})(?P<rest>[A-Za-z0-9_*]{0,40})$")


@dataclass(frozen=True)
class Variant:
    concept: str
    protein: frozenset[str] = frozenset()
    codons: tuple[int, int] | None = None
    change: str | None = None  # "del" | "ins" | "sub"

    def matches(self, change: str) -> bool:
        if change in self.protein:
            return True
        m = _CHANGE.match(change)
        if self.codons is None or m is None:
            return False
        codon, rest = int(m.group("codon")), m.group("rest")
        if not self.codons[0] <= codon <= self.codons[1]:
            return False
        if self.change == "del":
            return "del" in rest
        if self.change == "ins":
            return ("ins" in rest and "delins" not in rest) or "dup" in rest
        return bool(re.fullmatch(r"[A-Z]", rest))  # a substitution of this codon


@dataclass(frozen=True)
class Gene:
    symbol: str
    hgnc: str
    concept: str
    fusion: bool
    partners: frozenset[str]
    variants: tuple[Variant, ...]


def protein_change(text: Any) -> str | None:
    """The one-letter protein change of a p.HGVS ("NP_005219.2:p.Leu858Arg", "p.(V600E)",
    "p.Glu746_Ala750del") without its sequence and brackets; None when it is none."""
    if not isinstance(text, str) or "p." not in text[:200]:
        return None
    change = text[:200].split("p.", 1)[1].strip().strip("()[] ")
    change = _THREE.sub(lambda m: _AMINO[m.group(1).lower()], change)
    return change if _CHANGE.match(change) else None


def genes(codes: CodeTables) -> tuple[Gene, ...]:
    out = []
    for row in codes.raw.get("gene", ()):
        variants = tuple(
            Variant(
                v["concept"],
                frozenset(v.get("protein", ())),
                (int(v["codons"][0]), int(v["codons"][1])) if "codons" in v else None,
                v.get("change"),
            )
            for v in row.get("variants", ())
        )
        out.append(Gene(row["symbol"], row["hgnc"], row["concept"], row.get("kind") == "fusion", frozenset(row.get("partner", ())), variants))
    return tuple(out)


def _texts(concept: Any) -> list[str]:
    """Every code, display and text of a CodeableConcept, stripped."""
    found = [getattr(concept, "text", None)] if concept is not None else []
    for coding in coding_list(concept):
        found += [coding.code, coding.display]
    return [t.strip() for t in found if isinstance(t, str) and t.strip()]


def _component_values(res: Any, codes: list[str]) -> list[list[str]]:
    """The texts of each component whose LOINC is one of ``codes`` (a value's codes and words)."""
    out = []
    for comp in getattr(res, "component", None) or []:
        if any(c.code in codes for c in coding_list(comp.code)):
            texts = _texts(comp.valueCodeableConcept)
            if isinstance(comp.valueString, str):
                texts.append(comp.valueString.strip())
            out.append(texts)
    return out


def _genes(codes: CodeTables, texts: list[str]) -> list[Gene]:
    """Every row of the gene a component names: a gene may have a fusion row and a sequence
    variant row (ABL1: BCR-ABL1, and its own kinase-domain mutations)."""
    keys = {t.upper() for t in texts}
    return [g for g in genes(codes) if g.hgnc in keys or g.symbol in keys]


def _says(words: list[str], texts: list[str]) -> bool:
    low = " ".join(texts).lower()
    return any(w.lower() in low for w in words)


def variant_results(codes: CodeTables, res: Any, result: str) -> tuple[list[tuple[str, str]], str | None]:
    """The (concept, positive / negative) pairs a genetic variant assessment with ``result``
    says, or a reason it says none."""
    table = codes.raw["genomic"]
    gene_components = _component_values(res, table["gene_component"])
    studied = [g for t in gene_components for g in _genes(codes, t)]
    names = {t.upper() for texts in gene_components for t in texts}
    if not studied:
        return [], "names no gene Eligo reads (component 48018-6)"
    changes = [c for texts in _component_values(res, table["protein_component"]) for c in map(protein_change, texts) if c]
    change_type = [t for texts in _component_values(res, table["change_type_component"]) for t in texts]
    significance = [t for texts in _component_values(res, table["significance_component"]) for t in texts]
    fusion = len(gene_components) > 1 or _says(table["fusion"], change_type)
    copy_number = _says(table["copy_number"], change_type)
    out: list[tuple[str, str]] = []
    for gene in dict.fromkeys(studied):
        if result == "negative":
            if gene.fusion and gene.partners and not (fusion and bool(gene.partners & names)):
                continue  # one partner reported absent: its own variants, no word of the fusion
            if not gene.fusion and fusion:
                continue  # a fusion reported absent says nothing of the gene's own variants
            # an absent change is the absence of that change alone: never of a wider variant
            # concept that holds it (T315I not found is no word of ABL1's other kinase-domain
            # mutations, V600E not found none of V600K)
            named = [v for v in gene.variants if any(c in v.protein for c in changes)]
            if changes and not named:
                continue  # an absent variant Eligo does not name: nothing of the gene
            out += [(v.concept, "negative") for v in (named or gene.variants)]
            if not changes:
                out.append((gene.concept, "negative"))
            continue
        if any(s in table["not_an_alteration"] for s in significance) or _says(table["not_an_alteration_words"], significance):
            return [], "a variant of benign or uncertain significance is no alteration"
        if gene.fusion:
            partner_ok = not gene.partners or bool(gene.partners & names)
            if fusion and partner_ok:
                out.append((gene.concept, "positive"))
            continue
        if fusion or copy_number:
            continue  # a fusion or a copy-number change of a gene asked for its mutation
        out.append((gene.concept, "positive"))
        out += [(v.concept, "positive") for v in gene.variants if any(v.matches(c) for c in changes)]
    if not out:
        return [], "says nothing of a marker Eligo reads"
    return out, None


def implied(codes: CodeTables, concept: str, word: str) -> list[tuple[str, str]]:
    """What one marker's result says of the others of its gene: a variant found is its gene
    mutated; a wild-type gene has none of its variants."""
    out = [(concept, word)]
    for gene in genes(codes):
        found = next((v for v in gene.variants if v.concept == concept), None)
        if word == "positive" and found is not None:  # "V600E" is a V600 variant too
            out.append((gene.concept, "positive"))
            out += [(v.concept, "positive") for v in gene.variants if any(v.matches(p) for p in found.protein)]
        if word == "negative" and concept == gene.concept:
            out += [(v.concept, "negative") for v in gene.variants]
    return list(dict.fromkeys(out))
