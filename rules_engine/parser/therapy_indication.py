"""A therapy named with the disease it was given for: "Received prior treatment with HMA or
chemotherapy for antecedent myelodysplastic syndrome (MDS)", "Prior chemotherapy for CML",
"No previous cytotoxic chemotherapy for the treatment of AML", "Prior hypomethylating agent
therapy for MDS" (issue 14).

The residue reading drops a cancer a therapy was for when it is the trial's own ("No prior
chemotherapy for NSCLC": every patient has it, so it narrows nothing), and the events topic reads
some of them as the disease beside the therapy ("chemotherapy and AML"), others not at all. Where
the disease is not every patient's (an antecedent MDS in an AML trial, a CML in a trial of Ph+
leukaemias), dropped it made the line ask for any such therapy: a therapy-related AML after
chemotherapy for a breast cancer was excluded by "chemotherapy for antecedent MDS" (holdout T232).

A record tells part of it apart: a therapy given for a disease the record never held was not
given for it. The reading here asks each therapy the words name with the disease (on record
now or ever); and where the record holds another disease the therapy may have been for
(``therapy_for_earlier_disease`` beside it, derive.OPEN_BESIDE) the line is left open, never
met; the AML an antecedent disorder became is no such other disease. An AML with myelodysplasia-related changes may follow an MDS no code states: for an
antecedent myeloid disorder that leaves the disease a person's. Only where the words after "for"
are nothing but diseases Eligo names ("AML or an AHD" keeps its reading: the AHD is no name here)
and the line is one plain phrase with the therapy (no sentence, item, list, exception or condition
before it, which the phrase may end rather than scope).
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, MALIGNANCIES, ancestors
from rules_engine.criteria import Expr, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.items import all_of, any_of, map_leaves

I = re.IGNORECASE

GATE = re.compile(r"\b(?:therap(?:y|ies)|treatments?|chemotherapy|regimens?|agents?|HMAs?)\s+for\s", I)
_FOR = re.compile(
    r"\b(?:therap(?:y|ies)|treatments?|chemotherapy|regimens?|agents?|HMAs?)\s+for\s+(?:the\s+(?:treatment|management)\s+of\s+)?"
    r"(?P<what>[A-Za-z][\w' /-]{1,60}?)(?:\s*\(\s*[A-Za-z]{2,6}\s*\))?\s*(?P<end>[.;]?\s*$)",
    I,
)
_LEAD = re.compile(r"^(?:an?|the|any|antecedent|prior|previous|preceding|earlier|your|their|this)\s+", I)
# words that make the phrase after "for" more than the disease: a time, a setting (what the
# residue reading keeps: "for metastatic disease"), an exception, a further clause
_MORE = re.compile(
    r"\b(?:except\w*|other|than|with|without|who|whom|that|which|within|unless|if|for|after|before|prior|since|not|no|in|on|during|at|until|when|while|"
    r"includ\w*|exclud\w*|metasta\w*|advanced|recurren\w*|relaps\w*|refractory|resistant|adjuvant|neo-?adjuvant|locally|stage|extensive|limited|"
    r"progressi\w*|palliative|curative|disease|complications?|\d+)\b",
    I,
)
_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/)\s*", I)
# what ends the clause a therapy-for phrase could belong to: another sentence or item, or an
# exception or condition ("bevacizumab for their disease unless in the context of primary therapy
# for newly diagnosed glioma": the indication is the exception's)
# ... or a list the phrase may end rather than scope ("Any prior systemic anticancer therapy
# including cytotoxic therapy, ..., adjuvant, or neo-adjuvant therapy for NSCLC": the head counts
# whatever it was for); a plain "HMA or chemotherapy for ..." is one phrase
_BEFORE = re.compile(r"[;:,(]|\.\s|\b(?:unless|except\w*|provided|if|other\s+than|excluding|but|including|such\s+as|e\.g|i\.e|as\s+well\s+as)\b", I)
# the disease said to have come before the one the trial treats ("for antecedent MDS", "for a
# preceding myelodysplastic syndrome"): only such a disease is read (one a record lacks was never
# treated); the trial's own ("No prior therapy for CLL") narrows nothing, since a record without
# its code may still be that patient's
_EARLIER_WORD = re.compile(r"(?:an?\s+|any\s+)?(?:antecedent|preceding|pre-?existing|earlier|previous|prior)\b", I)
_THERAPIES = frozenset({"anticancer_therapy", "named_medication"})
_ASKS = (Op.PRESENT, Op.WITHIN, Op.IS)
_LIFETIME = Window(100.0, "years")
EARLIER = "therapy_for_earlier_disease"
# the disorders an AML with myelodysplasia-related changes may have followed, uncoded
_ANTECEDENT = frozenset({"mds", "mpn", "cmml", "jmml"})


def _diseases(what: str) -> tuple[str, ...] | None:
    """The disease concepts ``what`` names, each of its parts exactly one; None when any part
    names none (or more than one), or is no disease a therapy is given for."""
    from rules_engine.parser.topics.events import named_diseases  # (events imports the parser)

    found: list[str] = []
    for part in _SPLIT.split(what.strip()):
        while _LEAD.match(part):
            part = _LEAD.sub("", part, count=1)
        if not part:
            continue
        if _MORE.search(part) or len(part.split()) > 5:
            return None
        named = named_diseases(part)
        if len(named) != 1 or named[0] not in CONCEPTS or not (named[0] in MALIGNANCIES or named[0] in _ANTECEDENT):
            return None
        found.append(named[0])
    return tuple(dict.fromkeys(found)) or None


def _disease(concept: str) -> Expr:
    ever = any_of([Predicate(concept, Op.PRESENT), Predicate(concept, Op.WITHIN, None, None, False, _LIFETIME)])
    if concept in _ANTECEDENT:
        uncoded = all_of([Predicate("aml_mrc", Op.PRESENT), Review(ReviewReason.AMBIGUOUS, "whether the AML's myelodysplasia-related changes followed an earlier disorder the therapy was given for")])
        return any_of([ever, uncoded])
    return ever


def _therapy(e: Expr) -> bool:
    return isinstance(e, Predicate) and e.op in _ASKS and (e.concept in _THERAPIES or "anticancer_therapy" in ancestors(e.concept)) and (
        e.op is Op.IS or e.value is None or isinstance(e.value, tuple)
    ) and (e.concept == "named_medication") is (e.op is Op.IS)


def indicated_therapy(expr: Expr, text: str) -> Expr:
    """``expr`` with each therapy asked only as given for the disease the line names after it
    (see the module's doc); unchanged where the words are not that shape."""
    if not GATE.search(text):
        return expr
    flat = " ".join(text.split())
    m = _FOR.search(flat)
    if m is None or _BEFORE.search(flat, 0, m.start()):
        return expr  # (one clause: a therapy of an earlier sentence, item or exception is not this one's)
    if not _EARLIER_WORD.match(m.group("what")):
        return expr  # (the trial's own disease: a record without its code may still be that patient's, so it narrows nothing)
    diseases = _diseases(m.group("what"))
    if diseases is None:
        return expr
    named = any_of([_disease(d) for d in diseases])
    # (an antecedent disorder's therapy beside the AML it became is that disorder's: the AML is the
    # later disease, never the earlier one the therapy may have been for)
    excepted = tuple(diseases) + (("aml",) if any(d in _ANTECEDENT for d in diseases) and "aml" not in diseases else ())
    other = Not(Predicate(EARLIER, Op.PRESENT, excepted))

    def leaf(e: Expr) -> Expr:
        if not _therapy(e):
            return e
        assert isinstance(e, Predicate)
        if e.concept == "named_medication":
            return all_of([e, named])
        return all_of([e, named, other])

    out = map_leaves(expr, leaf)
    return out if out != expr else expr
