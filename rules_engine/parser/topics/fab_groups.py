"""An MDS line that lists the French-American-British (FAB) groups it takes.

"Myelodysplastic syndrome (de novo or secondary) fitting any of the recognized French-American-
British classifications: refractory anemia, refractory anemia with ringed sideroblasts, refractory
anemia with excess blasts, refractory anemia with excess blasts in transformation, chronic
myelomonocytic leukemia with white blood cells less than 13,000 /mm3"; "Confirmed diagnosis of MDS
by standard criteria. Patients within each of the FAB diagnostic groups of RA, RARS, RAEB, RAEBt,
and CMML are eligible."

Two readings, both from the text's own words:

* the groups after "any of / each of / one of the FAB (or WHO) classifications / groups / subtypes"
  are alternatives: ``lead and (group 1 or group 2 or ...)``. Joined by the clause's commas, every
  group was asked at once (an MDS failed for want of a CMML beside it). A kind of MDS a hospital
  codes ("RA", "RARS", "RAEB") is read as its code (``mds_coded_kinds``); one no code names
  ("RAEBt") is an MDS of a kind a person reads (``Qualifier``),
  a group the topics read ("CMML with WBC < 13,000/mm3") is read as written;
* where such a list names CMML among the groups, the FAB scheme counts CMML as an MDS, and the
  line's "MDS" is "MDS or CMML" (read bare, a CMML failed "Confirmed diagnosis of MDS" of the
  line that lists it among the MDS groups it takes).

Found in the corpus: 3 lines name FAB groups with such a lead (NCT00796003, NCT00234000,
NCT03306264). The patterns are bounded; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.mds_coded_kinds import mds_kind_expr

_SCHEME = r"(?:FAB|WHO|French[\s-]+American[\s-]+British|World\s+Health\s+Organi[sz]ation)(?:\s*\(\s*(?:FAB|WHO)\s*\))?"
# "fitting any of the recognized French-American-British classifications:", "within each of the
# FAB diagnostic groups of", "including all FAB subtypes (": the lead-in of the list
_LEAD_IN = re.compile(
    r"\b(?:(?:fitting|within|in|meeting|belonging\s+to|of)\s+)?(?:any|each|one|all)\s+(?:of\s+)?(?:the\s+)?(?:following\s+)?(?:recogni[sz]ed\s+)?"
    + _SCHEME + r"\s+(?:diagnostic\s+)?(?:classifications?|subtypes?|sub-types?|groups?|subgroups?|categor(?:y|ies))(?:\s+of)?\s*:?\s*",
    I,
)
_ARE_ELIGIBLE = re.compile(r"\s*(?:are|is|will\s+be)\s+(?:all\s+)?eligible\s*\.?\s*$", I)
_MEMBER_CUT = re.compile(r"\s*,\s*(?:(?:and|or|and/or)\s+)?|\s+(?:and|or|and/or)\s+", I)
_CMML = re.compile(r"\bCMML\b|\bchronic\s+myelomonocytic\s+leuka?emia\b", I)
_KIND = "which kind of MDS: "
_MDS_WORDS = re.compile(r"\bMDS\b|myelodysplas", I)


def _member(text: str) -> Expr:
    coded = mds_kind_expr(text)  # a kind a hospital codes ("RA", "RAEB": mds_coded_kinds)
    if coded is not None:
        return coded
    read = read_expr(text, CriterionType.INCLUSION)
    if isinstance(read, Review):  # a kind of MDS no code names ("refractory anemia", "RAEBt")
        return all_of([predicate("mds", Op.PRESENT), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, _KIND + text)])
    return read


def fab_groups(clause: str, ctype: CriterionType) -> Expr | None:
    """The clause read as its lead and its list of FAB groups as alternatives (see the module), or
    None where it is not of that shape. Only an inclusion; only a clause that names MDS or lists a
    group the lead-in calls FAB/WHO."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _LEAD_IN.search(clause)
    if m is None:
        return None
    listed = _ARE_ELIGIBLE.sub("", clause[m.end():]).strip(" .;")
    if listed.startswith("("):
        if not listed.endswith(")") or "(" in listed[1:] or ")" in listed[:-1]:
            return None  # the list in a bracket the clause goes on after: another shape
        listed = listed[1:-1]
    if re.search(r"[()\[\]:;]", listed):
        return None  # a bracket or a sub-list inside the list: another shape
    members = [p.strip(" ,.") for p in _MEMBER_CUT.split(listed) if p.strip(" ,.")]
    if len(members) < 2:
        return None
    lead = clause[: m.start()].strip(" ,")
    if not (_MDS_WORDS.search(lead) or re.fullmatch(r"(?:all\s+)?(?:patients?|subjects?|participants?)?", lead, I)):
        return None
    either = any_of([_member(p) for p in members])
    if not lead or not re.search(r"[A-Za-z]{2}", lead) or re.fullmatch(r"(?:all\s+)?(?:patients?|subjects?|participants?)", lead, I):
        return either
    head = read_expr(lead, ctype)
    head = head if not isinstance(head, Review) else Alternative(head.reason, head.text or lead)
    return all_of([head, either])


def fab_cmml(expr: Expr, text: str) -> Expr:
    """The line's bare "MDS" read as "MDS or CMML" where its FAB groups list CMML (see the module)."""
    m = _LEAD_IN.search(text)
    if m is None or not _CMML.search(text, m.end()) or not re.search(r"FAB|French", m.group(0), I):
        return expr
    return _widen(expr)


# a sentence that names CMML among the kinds of MDS it takes by the FAB scheme ("Patients with
# chronic myelomonocytic leukemia (CMML), refractory anemia (RA), or refractory anemia with ringed
# sideroblasts (RARS) according to FAB classification ... must meet >= 1 of the following")
_FAB = re.compile(r"\bFAB\b|\bFrench[\s-]+American[\s-]+British\b", I)
_SENTENCE = re.compile(r"[^.;]{1,600}")
_FAB_KIND = re.compile(r"\brefractory\s+an(?:a)?emia\b|(?-i:\bRAEB|\bRARS\b|\bRA\b)|\bMDS\b|\bmyelodysplas", I)


def names_cmml_as_fab_mds(text: str) -> bool:
    """Whether an inclusion line names CMML among the MDS kinds it takes by the FAB scheme: the
    trial then counts a CMML as an MDS (see the module), in its other lines as in this one."""
    if "FAB" not in text and "French" not in text:
        return False
    return any(_CMML.search(s.group(0)) and _FAB.search(s.group(0)) and _FAB_KIND.search(_CMML.sub(" ", s.group(0)))
               for s in _SENTENCE.finditer(text))


def fab_mds(expr: Expr) -> Expr:
    """A line's bare "MDS" read as "MDS or CMML", in a trial that takes CMML as an MDS by FAB
    (``names_cmml_as_fab_mds`` on another of its inclusions): "Diagnosis of myelodysplastic
    syndromes (MDS)" beside "Patients with CMML, RA, or RARS according to FAB classification must
    meet ..." (read bare, the CMML the trial names failed its diagnosis line)."""
    return _widen(expr)


def _widen(expr: Expr) -> Expr:
    if isinstance(expr, Predicate):
        if expr.concept == "mds" and expr.op is Op.PRESENT and expr.window is None:
            return Any_((expr, predicate("cmml", Op.PRESENT)))
        return expr
    if isinstance(expr, All):
        if any(isinstance(p, Review) and p.text.startswith(_KIND) for p in expr.parts):
            return expr  # a kind of MDS the list names ("refractory anemia"): an MDS, never a CMML
        return All(tuple(_widen(p) for p in expr.parts))
    if isinstance(expr, Any_):
        if predicate("cmml", Op.PRESENT) in expr.parts:
            return expr  # widened already, or a list that names the CMML itself
        return Any_(tuple(_widen(p) for p in expr.parts))
    if isinstance(expr, Not):
        return expr  # a negated MDS is what the line rules out: left as written
    return expr
