"""Words a line writes that ask nothing of the patient.

A pointer to another section ("See Disease Characteristics"), a consent ("willing to undergo"),
what counts towards a limit or a status ("do not count as prior therapy"), both sexes named,
where disease may have spread said with no verb, "Not specified" under a label, what the study
team will do. Read as requirements, each failed the patients
the line never meant to exclude. They are recognised before and beside the clause readings of
the line assembly (``line``), which decides what the line asks instead.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.clauses import Clause
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, content_words, predicates
from rules_engine.parser.remarks import blank_remarks


# "See Disease Characteristics No prior systemic chemotherapy": a pointer to another section run
# into the line (the PDQ layout); the line proper follows it, and its "No" opens it, or its
# comparator ("See Disease Characteristics Greater than 4 weeks since prior flutamide": dropped
# with the pointer, the bare "4 weeks since" left was read as at least 4 weeks)
CROSS_REFERENCE = re.compile(
    r"^\W*see\s+(?:the\s+)?(?:disease\s+characteristics|patient\s+characteristics|prior\s+concurrent\s+therapy|general|other|menopausal\s+status|"
    r"chemotherapy|radiotherapy|radiation\s+therapy|surgery|biologic\s+therapy|endocrine\s+therapy|hormonal\s+therapy|immunotherapy)\b[^\w<>≤≥=]*(?=[\w<>≤≥])",
    I,
)


_SEX_CONCEPT = frozenset({"sex"})
# what may stand beside the sexes in such a line: the persons and the verdict, nothing that could
# state a requirement ("Age 18 years, male or female" states an age the topics do not read)
_OPEN_FILLER = re.compile(r"(?:\W|\b(?:patients?|subjects?|participants?|both|are|is|eligible|included|may|can|be|enrolled)\b)*", I)


def _open_to_both(clause: Clause) -> bool:
    """Whether a clause read without residue only names both sexes and its persons."""
    if not clause.items or not all(it.expr is None and it.concepts == _SEX_CONCEPT for it in clause.items):
        return False
    rest = "".join(" " if any(it.start <= k < it.end for it in clause.items) else ch for k, ch in enumerate(clause.text))
    return _OPEN_FILLER.fullmatch(rest) is not None


# where disease has spread, the subject of a fragment that may permit it rather than ask for it
_SITES = frozenset({"cns_involvement", "extramedullary_disease", "brain_metastases", "leptomeningeal_disease"})
# any word that gives a fragment its role: a verb, the patient, a status or a limit
_ROLE_WORDS = re.compile(
    r"\b(?:must|should|shall|will|may|can|have|has|had|having|with|without|is|are|was|were|be|been|documented|confirmed|proven|evidence|"
    r"diagnos\w*|patients?|subjects?|participants?|relapse\w*|recurr\w*|refractory|isolated|only|allowed|permitted|eligible|excluded|"
    r"known|history|prior|previous|active|current|no|not|none|unless|except|if)\b",
    I,
)


def site_fragment(text: str) -> bool:
    """An inclusion clause that names where disease has spread, with more words than the site
    and no word that says its role ("CNS or other sites of extramedullary disease. No cranial
    irradiation is allowed during the protocol therapy"): such a fragment permits the spread as
    often as it asks for it, so it is a person's to read. Read as asked for, it failed every
    patient without extramedullary disease; a bare "Extramedullary disease" stays a requirement."""
    if _ROLE_WORDS.search(text):
        return False
    items = [it for it in extract(text, CriterionType.INCLUSION) if it.expr is not None]
    named = [p for it in items for p in predicates(it.expr)]
    if not named or not all(p.concept in _SITES and p.op is Op.PRESENT for p in named):
        return False
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(text))
    return bool(content_words(blank_remarks(masked)))


WILLING = re.compile(
    r"^\W*(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:\w+\s+){0,4}?)?(?:(?:must|should|shall)\s+be\s+|is\s+|are\s+)?"
    r"(?:(?:able\s+and\s+)?willing(?:\s+and\s+able)?|agree[sd]?|consent(?:s|ed)?)\s+to\b",
    I,
)


# a sentence saying whose doses count towards the trial's dose finding ("Those aged 12 years or
# older may be counted towards the MTD in the Phase I portion"): read as a requirement, its age
# failed every child the line before it declared eligible ("All ages are eligible")
# ... or what does not count towards a limit the line before sets ("Prior low-dose azacitidine, growth
# factors ... for treatment of preceding MDS/MPD do not count as prior induction/reinduction
# therapy"; 10 corpus lines say "do/does not count"): read as a requirement, every patient without
# a growth factor failed. A line that is nothing else is left to its reader
# ... or which events count towards a status the line defines ("Hemoglobin levels within 7 days
# prior to administration of an RBC transfusion must be <= 9.0 g/dL in order for the transfusion to
# be counted towards RBC transfusion-dependent status. RBC transfusions administered when
# hemoglobin levels were > 9.0 g/dL ... will not qualify as a required transfusion"): read as a
# requirement, its haemoglobin failed every anaemic patient with MDS the trial is for
COUNTED = re.compile(
    r"\b(?:may|will|can|shall)\s+(?:also\s+|only\s+)?be\s+counted\s+(?:towards?|in|for)\b|\b(?:do|does|will)\s+not\s+count\s+(?:as|towards?|in|against|for)\b"
    r"|\bwill\s+not\s+qualify\s+as\b|\bin\s+order\s+for\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s+to\s+be\s+counted\b",
    I,
)


# A line that states there is no requirement, as the registry's older PDQ layout writes it under
# a label ("Hematopoietic: Not specified", "Chemotherapy: See Disease Characteristics": what the
# trial asks is stated in that other section). Whole lines only: "not specified otherwise" or a
# "see" naming anything but a section of that layout stays to be read.
NO_REQUIREMENT = re.compile(
    r"[-*•\s]{0,4}(?:not specified|unspecified|none specified|no restrictions?|no limitations?|unrestricted"
    r"|no requirements?|see (?:the )?(?:disease|patient) characteristics|see prior concurrent therapy"
    r"|see (?:chemotherapy|biologic therapy|endocrine therapy|radiotherapy|surgery))[.;]?",
    re.I,
)


# A line that says what the trial does not ask ("Measurable or evaluable disease is not required",
# "Patients are not required to have measurable disease", "HIV testing is not required for entry
# into this protocol"; 5 corpus lines whole). Read as a requirement, its noun was asked for: "Measurable
# disease is not required but is allowed" failed every patient without measurable disease, and "The
# presence of objective metastatic disease is NOT required for study eligibility" every patient without
# metastases. Whole lines only, and none that also asks something ("must", "unless", "if", ...).
_NOT_REQUIRED = re.compile(
    r"[\W\d]{0,6}+(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:are|is)\s+not\s+required\s+to\s+(?:have|be)\s+[^.;:]{1,120}?"
    r"|(?:the\s+)?(?:patients?|subjects?|participants?)\s+(?:need|do)\s+not\s+(?:need\s+to\s+)?have\s+[^.;:]{1,120}?"
    r"|[^.;:]{1,120}?\s+(?:is|are)\s+not\s+(?:required|necessary|mandatory))"
    r"(?:\s+(?:for|to\s+be)\s+(?:study\s+)?(?:eligib\w*|entry|enrol+ment|participation|inclusion|registration)"
    r"(?:\s+(?:in|on|into|for)\s+this\s+(?:study|trial|protocol))?)?"
    r"(?:\s*,?\s*but\s+(?:is|are)\s+(?:allowed|permitted|acceptable))?[\s.;]*+",
    I,
)
_ASKS_TOO = re.compile(r"\b(?:must|should|unless|except|if|however|only|provided|required\s+to\s+(?!have|be\b)\w+)\b", I)


def not_required(text: str) -> bool:
    """Whether the whole line only says what the trial does not ask."""
    return _NOT_REQUIRED.fullmatch(text) is not None and _ASKS_TOO.search(text) is None


# what the study team will do, written as a line of its own under the line it annotates ("If there
# is CNS involvement that is known prior to enrollment or identified subsequently, it will be treated
# accordingly"): it asks nothing of the patient. Joined to its heading as a requirement, it asked
# every patient for CNS involvement and failed all those without it (holdout T92).
STUDY_ACTION = re.compile(
    r"^\W*(?:if\b[^.;]{3,160}?,\s*)?(?:it|they|this|these|the\s+(?:patient|subject|participant|disease|involvement|condition)s?)\s+will\s+be\s+"
    r"(?:treated|managed|handled|addressed|followed|monitored)(?:\s+(?:accordingly|appropriately|as\s+clinically\s+indicated))?\W*$",
    re.I,
)
