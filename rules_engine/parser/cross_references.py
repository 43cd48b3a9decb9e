"""Pointers to another part of the protocol: where a line's terms are spelled out, never a term.

Registries copy the protocol's cross-references into the line: a bracketed appendix or section
("angina as defined by Canadian Class II-IV (Appendix 3)", "NYHA Class II to IV definitions
(Appendix 4)", "creatinine clearance >= 30 mL/min [See Section 14.6 Appendix 6]"), a list kept in
an appendix ("potent inhibitors of CYP3A4 ... see detailed list in Appendix 5"), another line of
the same list ("(see exclusion criteria 10)", "(NB: Urine protein:creatinine ratio in exclusion
criteria)"), the protocol's own definition ("significant cardiovascular disease, as specified in
the protocol") and the list that follows ("a hematological malignancy as listed below", "measurable
disease, defined as follows:"). About 120 corpus lines. What is pointed at is read where it is
written (the other line, the items below) or is the protocol's detail of a term the line still
names; the pointer asks nothing itself. Left as words, it was an unparsed review: beside a bound,
a decided value became unknown, and in an exclusion it was one more alternative, so no patient
was ever cleared of it ("coronary artery disease or angina or review 'Appendix 3'").

The words around a pointer stay: "significant", "prohibited", "laboratory values" are still read
(and left to a person) where a topic does not read them, so a pointer blanked never turns a vague
requirement into a decided one. A pointer that an exception makes ("other than as specified in the
protocol") is left, and so is a note that further criteria exist ("see protocol for specific
exclusion criteria"), which ``review_reasons`` keeps a person's judgement.

The patterns are alternations of literals with bounded repeats; none nests a repetition.
"""

from __future__ import annotations

_PLACE = r"(?:appendix|appendices|annex|attachment|section|table)"
_LABEL = r"(?:[IVX]{1,5}|[A-Z]|\d[\d.]{0,8}[A-Za-z]?)"

# a bracketed appendix or section, with "see" or without ("(Appendix 3)", "[See Section 14.6 Appendix
# 6]", "(refer to Appendix B for the list)"; the "(see Appendix ...)" row of ``remarks`` takes round
# brackets opened by "see"), or another line of the same list ("(see exclusion criteria 10)", "(NB:
# Urine protein:creatinine ratio in exclusion criteria)")
BRACKETED_POINTER = (
    r"[(\[]\s*(?:please\s+)?(?:(?:see|refer\s+to|cf\.?|as\s+per|per)\s+)?(?:the\s+)?(?:protocol\s+)?"
    + _PLACE
    + r"\s+"
    + _LABEL
    + r"(?:\s*,?\s*(?:and\s+)?"
    + _PLACE
    + r"\s+"
    + _LABEL
    + r"){0,2}\b[^()\[\]]{0,80}[)\]]"
    r"|[(\[]\s*(?:please\s+)?(?:see|refer\s+to|cf\.?)\s+(?:the\s+)?(?:inclusion|exclusion|eligibility)\s+criteri(?:a|on)\s*(?:#|no\.?|number)?\s*\d{0,3}\s*[)\]]"
    r"|[(\[]\s*(?:NB|N\.B\.|note)\s*:\s*[^()\[\];]{1,60}?\s+(?:in|under)\s+(?:the\s+)?(?:inclusion|exclusion)\s+criteri(?:a|on)\s*(?:#|no\.?)?\s*\d{0,3}\s*[)\]]"
)
# a list or table kept in an appendix ("see detailed list in Appendix 5", "refer to the table in
# Appendix B")
LIST_POINTER = (
    r"\b(?:see|refer\s+to)\s+(?:the\s+)?(?:detailed\s+|full\s+|complete\s+)?(?:list|table)\s+(?:in|at)\s+(?:the\s+)?"
    + _PLACE
    + r"\s+"
    + _LABEL
    + r"\b"
)
# the protocol's own definition of a term the line names ("as specified in the protocol", "as
# defined in protocol section 5.2"); never after "other than", "except" or "unless", where it makes
# an exception
PROTOCOL_POINTER = (
    r"(?<!than\s)(?<!except\s)(?<!unless\s)\bas\s+(?:specified|outlined|defined|described|detailed)\s+(?:in|by)\s+(?:the\s+)?(?:study\s+)?protocol"
    r"(?:\s+section\s+\d[\d.]{0,8})?\b"
    # (or a section of it named alone: "measurable disease as defined in section 6")
    r"|(?<!than\s)(?<!except\s)(?<!unless\s)\bas\s+(?:specified|outlined|defined|described|detailed)\s+in\s+section\s+\d[\d.]{0,8}(?<!\.)"
    # (the PDQ summaries' sentence after a line: "More information about this criterion can be found
    # in the protocol."; 4 corpus lines, where an exclusion of another cancer was never cleared)
    r"|\bmore\s+(?:information|details?)\s+(?:about|on|regarding)\s+this\s+criteri(?:on|a)\s+(?:can|may)\s+be\s+found\s+in\s+the\s+(?:study\s+)?protocol\b"
)
# the list that follows or went before ("as listed below", "defined as follows:", "as outlined above")
LIST_BELOW = (
    r"\b(?:as\s+)?(?:listed|outlined|described|detailed|specified|shown|defined)\s+(?:below|above)\b"
    r"|\b(?:(?:(?:is|are)\s+)?(?:defined|listed|outlined|described|detailed|specified)\s+)?as\s+follows\b"
)
# the patterns with their rows of ``remarks``' gates: each is tried only on a line holding one of its words
CROSS_REFERENCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (BRACKETED_POINTER, ("appendi", "annex", "attachment", "section", "table", "criteri")),
    (LIST_POINTER, ("list", "table")),
    (PROTOCOL_POINTER, ("protocol", "section")),
    (LIST_BELOW, ("below", "above", "follows")),
)
