"""Every kind a subject comes in: "of any histology", "of any grade", "including all risk groups".

"Non-small cell lung cancer of any histologic subtype", "atrial fibrillation of any grade",
"Myelodysplastic syndromes, including all risk groups", "cutaneous T-cell lymphoma of any
histology", "invasive breast cancer of any receptor subtype": the words say that no kind of the
subject is left out, so they narrow nothing the subject does not (about 30 corpus lines). Left as
words, they were a review beside the subject: an MDS on record was undecided for a line that takes
every MDS, and an exclusion of any-grade atrial fibrillation never excluded a patient with it.
The span is a remark (``remarks``), blanked once the topics have read the line.

Only "any" / "all" with a kind's noun right after it: a kind named ("any sarcomatoid histology")
narrows and is left, and so is a kind with an exception or a bound after it ("of any grade other
than alopecia", "of any grade >= 2"), which the line goes on to narrow.

The pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

_KIND = (
    r"(?:histolog(?:y|ies|ic(?:al)?)(?:[\s-]+(?:sub)?types?)?|grades?|(?:receptor\s+)?subtypes?|stages?"
    r"|(?:cytogenetic\s+)?risk\s+(?:groups?|categor(?:y|ies)|levels?))"
)
_KINDS = r"(?:risk\s+(?:groups|categories|levels)|(?:(?:WHO|FAB|French[\s-]American[\s-]British)\s+)?(?:sub)?types|histolog(?:ies|ic\s+(?:sub)?types)|stages|subgroups)"
# what would narrow the kind after all: an exception or a bound
_NARROWED = r"(?!\s+(?:of|for|factors?)\b)(?!\s*(?:other\s+than|except|excluding|but|unless|[<>≤≥=]|\d|or\s+(?:higher|greater|more|above|worse)))"

ANY_KIND = (
    r"\b(?:of|with)\s+any\s+" + _KIND + r"\b" + _NARROWED + r"|,?\s*\bincluding\s+all\s+" + _KINDS + r"\b" + _NARROWED
)
# a row of ``remarks``' gates: the pattern is tried only on a line holding one of these words
ANY_KIND_GATES = ("any", "all")
