"""Notes on therapy a line writes beside its requirement.

"Prior radiotherapy is permitted", "Patients who received ... for the disease state are eligible",
"(receipt of G-CSF within 7 days is allowed)": a note that permits a therapy or its receipt annotates
the line or widens it, and never asks for the therapy. The line assembly (``line``) asks these of
each clause after the first, beside the group permissions (``permitted_groups``) whose permission
words they share; they change no expression, so they stand apart from the residue policy.
"""

from __future__ import annotations

import re

from rules_engine.concepts import HEMATOLOGIC_DISEASES, related
from rules_engine.criteria import CriterionType, Expr
from rules_engine.derive import openers
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import I, NEGATED, content_words, predicates
from rules_engine.parser.remarks import blank_remarks
from rules_engine.parser.permitted_groups import PERMISSION
from rules_engine.parser.widening import TREATMENT_CONCEPTS, WIDENING_CLAUSE


# A sentence permitting a therapy ("Administration of hydrea to control high WBC count is
# permitted", "Hydroxyurea for cyto-reduction is allowed prior to the start of therapy"; 27 corpus
# trials permit hydroxyurea, leukapheresis or cytoreduction so): it excepts from a washout line.
# Beside a line that asks only which disease, its status and its blasts it widens nothing there,
# and read as an alternative it left the line to review for every patient. Beside anything else
# (a therapy, a drug, a count) it is still an exception (``attach_widening``).
_THERAPY_PERMISSION = re.compile(
    r"\b(?:hydroxyurea|hydroxycarbamide|hydrea|(?:leuk)?a?pheresis|leukocytapheresis|cyto-?reduct\w*|intrathecal\s+\w+|"
    r"(?:administration|use)\s+of|treatment\s+with|therapy\s+with)\b",
    I,
)


# what a disease line asks (which disease, its status, its blasts): no therapy a permission
# could except from
_DISEASE_STATE = frozenset({
    *HEMATOLOGIC_DISEASES,
    "relapsed", "refractory", "remission", "bm_blasts", "pb_blasts", "extramedullary_disease", "cns_involvement", "mrd",
})


# A sentence permitting the drugs that lower a blood pressure beside the pressure's bound
# ("Uncontrolled hypertension as defined as diastolic > 90mmHg OR systolic > 140mmHg; the use of
# anti-hypertensive medication to control hypertension is permitted", "The addition of
# anti-hypertensives to control blood pressure is allowed", "Note: Initiation or adjustment of
# antihypertensive medication(s) is permitted prior to study entry"): the bound is still asked of
# the pressure measured, on the drugs or not. Read as an exception, it left a patient on record
# with hypertension and a pressure past the bound unknown.
_ANTIHYPERTENSIVE = re.compile(r"\banti-?\s?hypertensives?\b", I)
_PRESSURES = frozenset({"systolic_bp", "diastolic_bp", "hypertension"})


def therapy_note(clause_text: str, exprs: list[Expr]) -> bool:
    """Whether a permission clause permits a therapy the line's own readings never name."""
    head = WIDENING_CLAUSE.split(clause_text, maxsplit=1)[0]
    named = {p.concept for e in exprs for p in predicates(e)}
    # (a clause that bounds a pressure of its own is more than the note: "... is allowed prior to
    # screening, Systolic blood pressure (SBP) <90 mmHg" runs the next requirement on)
    if (_ANTIHYPERTENSIVE.search(head) and named <= _PRESSURES and named & {"systolic_bp", "diastolic_bp"}
            and not any(it.concepts & _PRESSURES for it in extract(clause_text, CriterionType.INCLUSION))):
        return True
    if not _THERAPY_PERMISSION.search(head):
        return False
    return bool(named) and named <= _DISEASE_STATE


def therapy_permission(clause_text: str, exprs: list[Expr]) -> str | None:
    """How a later sentence that permits prior therapies joins what the line read before it
    ("Patients with MDS and <= 10% blasts. ... Prior cytokines, biologic therapies,
    targeted therapies, or single agent chemotherapy allowed."; "AML. Prior chemotherapy is
    allowed."). Such a permission speaks to another line's washout: read as a requirement,
    every patient without a targeted therapy failed the diagnosis line; joined as a widening,
    chemotherapy alone met it. Only a bare permission is a note: one with a condition ("... allowed
    if completed 4 weeks before") restricts the patients it names, and a subject naming a disease
    ("chemotherapy for MDS allowed") may widen who is eligible.

    "note": nothing read so far is related to what it permits (the sentence is skipped); "group":
    as "note", but the permission sets a condition, read as ``permitted_group`` reads it;
    "widens": a bare short form ("Prior single agent chemotherapy allowed.") beside a line that
    asks about such a therapy widens it, as "... is allowed" does; None: any other clause."""
    m = PERMISSION.search(clause_text)
    if m is None:
        return None
    subject, rest = clause_text[: m.start()], clause_text[m.end():]
    if NEGATED.match(subject) or re.search(r"\bexcept(?:ions?)?\b|\bunless\b|\bother\s+than\b", subject, I):
        return None
    conditional = bool(rest.strip(" .;,")) and not _BEFORE_THERAPY.fullmatch(rest.strip(" .;,"))
    items = [it for it in extract(subject, CriterionType.INCLUSION) if it.expr is not None]
    if not items or not all(it.concepts and it.concepts <= TREATMENT_CONCEPTS for it in items):
        return None
    # every other word of the subject a therapy's ("Patient with brain metastases previously
    # treated with surgery ... are allowed" permits patients with a disease, read or not)
    masked = "".join(" " if any(it.start <= i < it.end for it in items) else ch for i, ch in enumerate(subject))
    if any(w.lower() not in _THERAPY_FILLER for w in content_words(blank_remarks(masked))):
        return None
    named = {p.concept for e in exprs for p in predicates(e)}
    if not named:
        return None
    permitted = {c for it in items for c in it.concepts}
    # (hydroxyurea leaves chemotherapy open, derive.OPEN_BESIDE, and a named drug may be of any
    # class the line asks about: permitting either speaks to that line)
    if "named_medication" not in permitted and not any(related(a, b) or b in openers(a) for a in named for b in permitted):
        # ("Previous neo/adjuvant chemotherapy is allowed as long as it was completed >= 6 months
        # before ..." beside "No previous EGFR-TKI therapy": its condition restricts the patients
        # it names, read as the group permission a line opening with it is; joined as a widening
        # of the EGFR line, a patient given an EGFR-TKI met it through the chemotherapy)
        return "group" if conditional else "note"
    if conditional:
        return None
    return "widens" if m.group(0).lower() in ("allowed", "permitted") else None


# (the words of a therapy, its kind and its site, that the items may leave unread: "single agent
# chemotherapy", "biologic therapies", "palliative radiotherapy", "brain radiotherapy")
_THERAPY_FILLER = frozenset({
    "prior", "previous", "previously", "concurrent", "concomitant", "treatment", "treatments", "therapy", "therapies", "use", "administration",
    "single", "agent", "agents", "regimen", "regimens", "any", "other", "all", "received", "receipt", "course", "courses",
    "chemotherapy", "chemotherapies", "radiation", "radiotherapy", "irradiation", "surgery", "surgical", "immunotherapy", "immunotherapies",
    "biologic", "biologics", "biological", "cytokine", "cytokines", "monoclonal", "antibody", "antibodies", "targeted", "hormonal", "endocrine",
    "steroids", "corticosteroids", "growth", "factor", "factors", "supportive", "care", "transfusion", "transfusions",
    "palliative", "adjuvant", "neoadjuvant", "neo", "stereotactic", "radiosurgery", "srs", "local", "localized", "limited", "field", "brain", "cranial",
})


# what may follow a bare permission and set no condition: its time ("Procrit, G-CSF are allowed
# before therapy") or the study it admits to ("... are permitted to enroll on this study")
_BEFORE_THERAPY = re.compile(
    r"(?:before|prior\s+to)\s+(?:the\s+)?(?:start\s+of\s+)?(?:study\s+)?(?:therapy|treatment|entry|enrol+ment|registration)"
    r"|(?:to\s+(?:enrol+|participate|enter|be\s+enrolled)\s*)?(?:(?:on|in|into|for)\s+(?:this|the)\s+(?:study|trial|protocol))?",
    I,
)


# A sentence letting the patient go on with a therapy ("patients with known previous CNS leukemia
# may continue to receive intrathecal therapy with ara-C, methotrexate, and/or thiotepa", "may
# continue on daily vitamins", "may remain on these medications", "may receive hydroxyurea"; 27
# corpus lines): beside a line that asks only which disease and its state, it permits a therapy
# the line never forbade. Read as more of the line, its drugs became alternatives of the
# exclusion and left "Active CNS leukemia" unknown for every patient. "may receive no ..." forbids.
_RECEIPT_PERMISSION = re.compile(
    r"\b(?:may|can)\s+(?:still\s+|also\s+)?(?:continue\s+(?:to\s+(?:receive|take|use|be\s+(?:given|treated))|on|with)|remain\s+on|receive(?!\s+no\b))\b",
    I,
)


def receipt_note(clause_text: str, exprs: list[Expr]) -> bool:
    """Whether a clause only permits a therapy beside a line that asks nothing of therapies."""
    if not _RECEIPT_PERMISSION.search(clause_text):
        return False
    named = {p.concept for e in exprs for p in predicates(e)}
    return bool(named) and named <= _DISEASE_STATE
