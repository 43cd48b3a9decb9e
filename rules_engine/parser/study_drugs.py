"""What "the study drug" stands for: the drugs the trial gives.

A line such as "Known hypersensitivity to any study drug" or "... deemed that continuation of
study drug is in the best interest of the subject" names no drug: the text alone leaves it to a
person, so an allergy to the very drug the trial gives was unknown, and a rollover study's patient
who never took its drug could come out eligible. The registry record says which drugs the trial
gives (``armsInterventionsModule``), so where a line speaks of them in one of two shapes the
line is read with the trial's drug names put in their place:

* a hypersensitivity, allergy or intolerance to the study drug(s), medication, product or agent
  ("to any of the study drugs or their components" -> "to cytarabine or their components");
* in an inclusion, the continuation of the study drug (a rollover study): the patient must have
  received one of the drugs, and the rest of the line is read as before.

Elsewhere "study drug" is the time the study starts ("within 14 days prior to study drug"), or
other investigational drugs ("any investigational agent within 30 days"), and is left alone.
Placebo is never put in, and a trial that gives anything the parser would not read as one drug
(a regimen, a cell product) reads every line as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rules_engine.parser.topics.events import _DRUG as INN_DRUG  # the INN suffixes the parser reads a drug by
from rules_engine.parser.topics.products import PRODUCT_NAMES

# "Drug: Dasatinib (BMS-354825)" -> "Dasatinib": the form ``trials.importers`` stores.
_KINDS = ("drug", "biological")
_NOT_A_DRUG = re.compile(r"\b(?:placebo|saline|vehicle|standard of care|best supportive care|observation)\b", re.I)
_SALT = re.compile(
    r"\s++(?:hydrochloride|hcl|mesylate|citrate|sodium|acetate|phosphate|maleate|sulfate|tartrate|malate|tosylate|"
    r"dimeglumine|besylate|fumarate|succinate|bromide|chloride)$",
    re.I,
)
# a development code ("AZD0530", "BI 6727", "ABT-199")
_CODE = re.compile(r"[a-z]{2,5}[- ]?\d{3,6}[a-z]?", re.I)
_MAX_DRUGS = 8
# what joins the drugs one intervention lists (not "/": "5-FU/leucovorin" names a regimen)
_PIECES = re.compile(r"\s*(?:,|\+|\band\b)\s*", re.I)
_OBJECT = r"(?:any (?:one )?of |any |either of |each of |all )?(?:the |these |its )?(?:study|investigational|trial|protocol) (?:(?:medicinal|medical) )?(?:drugs?|medications?|products?|agents?|treatments?)\b(?:\(s\))?"
# the object itself, not a part of it ("any study drug component": an excipient may be meant)
_NOT_A_PART = r"(?!\s*+(?:components?|excipients?|formulations?|ingredients?|class)\b)"
_ALLERGY_TO = re.compile(
    r"\b(?:hypersensitivit(?:y|ies)|allerg(?:y|ies|ic reactions?)|intolerance)(?: reactions?)?"
    r"(?: or (?:hypersensitivit(?:y|ies)|allerg(?:y|ies|ic reactions?)|intolerance)(?: reactions?)?)?"
    rf" to (?P<object>{_OBJECT}){_NOT_A_PART}",
    re.I,
)
_CONTINUATION = re.compile(
    rf"\bcontinu(?:ation|ing|e)(?: of| on| with| to receive| receiving)? (?:the )?(?:study|investigational|trial|protocol) "
    rf"(?:drugs?|medications?|products?|agents?|treatments?|therapy)\b{_NOT_A_PART}",
    re.I,
)


def study_drug_names(interventions: Iterable[str]) -> tuple[str, ...]:
    """The names a line may be read with, from the stored intervention labels ("Drug: X",
    "Biological: Y"; a bare name is taken as it is). Each must name one drug the parser knows as
    one (a generic or brand it lists, an INN-suffixed name, a development code): a regimen
    ("FOLFIRINOX", "systemic chemotherapy") or a cell product named as the study drug would make
    an allergy to one of its parts pass. Empty when any drug the trial gives is not such a name,
    so the lines are read as written."""
    names: list[str] = []
    for label in interventions:
        kind, sep, name = label.partition(":")
        if sep and kind.strip().lower() not in _KINDS:
            continue
        name = " ".join((name if sep else label).split("(")[0].split())
        if _NOT_A_DRUG.search(name):
            continue
        # one intervention may list several drugs ("clofarabine, cytarabine, idarubicin",
        # "ixabepilone + capecitabine"): each one drug, or the whole is read as before
        pieces = [name] if _one_drug(_SALT.sub("", name)) else _PIECES.split(name)
        for piece in pieces:
            piece = _SALT.sub("", piece.strip())
            if not _one_drug(piece):
                return ()
            if piece.lower() not in (n.lower() for n in names):
                names.append(piece)
    return tuple(names) if len(names) <= _MAX_DRUGS else ()


def _one_drug(name: str) -> bool:
    low = name.lower()
    return low in PRODUCT_NAMES or re.fullmatch(INN_DRUG, low) is not None or _CODE.fullmatch(name) is not None


def read_with_drugs(text: str, drugs: Sequence[str]) -> str:
    """``text`` with each hypersensitivity to "the study drug" naming the drugs instead (the
    text itself when there is none, or no drug)."""
    if not drugs:
        return text
    joined = " or ".join(drugs)
    return _ALLERGY_TO.sub(lambda m: m.group(0)[: m.start("object") - m.start(0)] + joined, text)


def speaks_of_drugs(text: str, drugs: Sequence[str]) -> bool:
    """Whether the trial's drugs change how ``text`` is read (one of the two shapes above)."""
    return read_with_drugs(text, drugs) != text or asks_continuation(text, drugs)


def asks_continuation(text: str, drugs: Sequence[str]) -> bool:
    """Whether an inclusion asks that the patient go on with the trial's drug (a rollover)."""
    return bool(drugs) and _CONTINUATION.search(text) is not None


def received_line(drugs: Sequence[str]) -> str:
    """The line whose reading a continuation adds: the patient has had one of the drugs."""
    return f"Prior treatment with {' or '.join(drugs)}"
