"""Registry notes ("NOTE: ...", "Note: ..."): an annotation of another line or a criterion of
their own, decided by what the note says.

The shared corpus holds ~300 notes. Their shapes, and what each is here:

* a note that only permits ("Note: Prior use of bevacizumab is allowed.", "NOTE: patients on a
  stable dose of bisphosphonates ... are acceptable", "Note: Subjects with =< grade 2 neuropathy
  are an exception to this criterion and may qualify"): it widens the line it annotates and
  asks nothing itself, so a top-level line of its own is no requirement (``permitting_note``).
  Read as a review it left every patient of the trial possibly eligible at best; it never
  decided against anyone. A note the splitter put under the line it annotates keeps its
  reading, an exception read with that line (the heading join), so that line never decides
  against the patients the note lets in. A note that also forbids, requires or restricts
  ("... are allowed; however intranasal vaccines ... are not allowed", "may only be enrolled
  in Stratum C", "must", "should") is read as the criterion it states;
* the PDQ layout's note on lymphoma terminology ("NOTE: A new classification scheme for adult
  non-Hodgkin's lymphoma has been adopted by PDQ. The terminology ...  However, this protocol
  uses the former terminology."), run into whatever line precedes it: it explains words, so it
  is taken out of the line (``strip_terminology_note``). Read with the line, "adult" and
  "lymphoma" became an age >= 18 and a lymphoma diagnosis asked by a line about radiation ports
  or donors;
* a note that states a requirement, a prohibition, a definition or an instruction stays the
  criterion (or the clause) it is: read where the topics can, a review where they cannot.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

_NOTE_LEAD = re.compile(r"^\W{0,3}note\s*:\s*\**\s*", I)

# what a note says to permit
_PERMITS = re.compile(
    r"\b(?:(?:is|are|will\s+be|may\s+be|can\s+be|would\s+be|be)\s+(?:also\s+|still\s+)?(?:eligible|allowed|permitted|acceptable|considered(?!\s+(?:a|an|as|to|the)\b)|enrolled|included)"
    r"|may\s+(?:still\s+)?qualify|(?:is|are)\s+an?\s+exceptions?\b(?:\s+to\s+this\s+criterion)?"
    r"|(?:is|are)\s+not\s+considered\s+exclusionary)\b",
    I,
)
# any word that makes a note more than a permission: a prohibition, a requirement, a restriction
# or a turn ("however", "but") to one
_MORE_THAN_PERMITTING = re.compile(
    r"\b(?:not|no|never|nor|none|must|should|shall|need|needs|required?|requires|requirement|ineligible|excluded?|exclusion|prohibited|forbidden"
    r"|however|but|unless|except|only|cannot|contraindicated|discontinued?|stop(?:ped)?|completed?|closed?|longer|until)\b|n't\b",
    I,
)


def permitting_note(text: str) -> bool:
    """Whether ``text`` is a note that only permits what another line would exclude."""
    lead = _NOTE_LEAD.match(text)
    if lead is None:
        return False
    body = text[lead.end():]
    if not _PERMITS.search(body):
        return False
    return not _MORE_THAN_PERMITTING.search(_PERMITS.sub(" ", body))


# the PDQ layout's note on lymphoma terminology, its sentences as the registry writes them
_TERMINOLOGY_NOTE = re.compile(
    r"\bNOTE\s*:\s*A\s+new\s+classification\s+scheme\s+for\s+[^.;:]{1,80}?\s+has\s+been\s+adopted\s+by\s+PDQ\s*\."
    r"(?:\s*The\s+terminology\s+of\s+[^.;:]{1,200}?\s+will\s+replace\s+[^.;:]{1,200}?\.)?"
    r"(?:\s*However\s*,?\s+this\s+protocol\s+uses\s+the\s+(?:former|new|older|newer)\s+terminology\s*\.?)?",
    I,
)


# A sentence that gives the protocol's reason for its line ("(The experimental treatment being
# evaluated in this protocol depends on an intact immune system. Patients who are HIV seropositive
# can have decreased immune competence and thus may be less responsive to the experimental
# treatment.)" under "Seronegative for HIV antibody", 6 corpus inclusions): it explains, asks
# nothing. Read with the line, its "Patients who are HIV seropositive" became a requirement of HIV
# beside the absence the line asks, and no patient met the line. Only a sentence that explains
# and says nothing a criterion could (a number, a verdict, a prohibition or a permission).
_GIVES_REASON = re.compile(
    r"\b(?:depends?\s+on|thus|therefore|because|less\s+responsive|more\s+susceptible|rationale)\b", I
)
_SENTENCE = re.compile(r"[^.()]+\.?")
_EXAMPLE_MARK = re.compile(r"\b(?:e\.g|i\.e|eg|ie)\.$", I)  # "(e.g. because of alcoholism, ...)": examples, not a reason
_SENTENCE_START = re.compile(r"\s*(?:(?i:note)\s*:\s*)?(?:[A-Z]|because\b)")
_DECIDES = re.compile(r"\d|\b(?:eligib\w*|exclu\w*|inclu\w*|allowed|permitted|acceptable)\b", I)


def strip_rationale(text: str) -> str:
    """``text`` without the sentences that only give its reason."""
    if not _GIVES_REASON.search(text):
        return text
    kept = text
    for m in reversed(list(_SENTENCE.finditer(text))):
        said = m.group(0)
        before = text[: m.start()].rstrip()
        opens = before.endswith((".", "(")) and not _EXAMPLE_MARK.search(before) and _SENTENCE_START.match(said)
        closes = said.rstrip().endswith(".") or text[m.end(): m.end() + 1] in (")", "")
        if opens and closes and _GIVES_REASON.search(said) and not _MORE_THAN_PERMITTING.search(said) and not _DECIDES.search(said):
            kept = kept[: m.start()] + " " + kept[m.end():]
    if kept == text:
        return text
    kept = re.sub(r"\(\s*\)|\bnote\s*:\s*$", " ", kept, flags=I)
    return re.sub(r"\s+", " ", kept).strip()


def strip_terminology_note(text: str) -> str:
    """``text`` without the PDQ layout's note on terminology (it explains words, asks nothing)."""
    if "PDQ" not in text:
        return text
    return _TERMINOLOGY_NOTE.sub(" ", text).strip()


# A label naming a body system's diseases, before the diseases it stands for ("Cardiac disease:
# Congestive heart failure > class II NYHA ...", "Autoimmune disease: subjects with a documented
# history of inflammatory bowel disease ...", "Cardiac conditions: class 3-4 NYHA congestive heart
# failure, ...", a line "Cardiovascular disorders:" over a list): a heading for what follows, never
# an item of it (24 corpus lines). Read as one, "Cardiac disease:" excluded every patient with any
# heart condition on record, whatever the line went on to name, and "Autoimmune disease: ... bowel
# disease" asked both at once (a patient with Crohn's disease coded alone was not excluded).
_SYSTEMS = (
    r"(?:cardiac|cardiovascular|heart|vascular|pulmonary|lung|respiratory|autoimmune|hepatic|liver|renal|kidney|neurologic(?:al)?|psychiatric"
    r"|gastrointestinal|GI|ophthalmologic(?:al)?|endocrine|metabolic|infectious|systemic|medical|intercurrent|thromboembolic|bleeding)"
)
SYSTEM_LABEL = re.compile(
    rf"^\W{{0,3}}(?:(?:history\s+of|significant|serious|severe|uncontrolled|active|known|excluded)\s+)?{_SYSTEMS}(?:\s+and\s+{_SYSTEMS})?\s+"
    # ("Cardiac conditions as follows:": the same label over its list; read, the category was asked
    # beside every line under it, and an ejection fraction of 40% excluded no one without a coded
    # heart disease)
    r"(?:diseases?|disorders?|conditions?|dysfunction|illness(?:es)?|co-?morbidit(?:y|ies)|events?)\s*(?:as\s+follows\s*)?:\s*",
    I,
)


def label_only(text: str) -> bool:
    """Whether ``text`` is a system's label and nothing else ("Cardiac disease:")."""
    m = SYSTEM_LABEL.match(text)
    return m is not None and not text[m.end():].strip()


# A footnote to a starred term ("NOTE: *Insertion of a vascular access device is not considered
# major or minor surgery") that the PDQ layout ran into the end of whatever item preceded it: when
# that item holds no star, the footnote belongs to another line (21 corpus lines). One that only
# permits or explains ("is not considered ...", "do not require a waiting period", "allowed
# provided ...") is taken off the item, which is then read alone: read with it, "No other
# concurrent investigational therapy NOTE: *Patients who relapse during ALL maintenance therapy
# do not require a waiting period" asked every patient for a relapsed ALL. A footnote that states
# a requirement ("*Primary site must be identified", "*Patients with PSA >= 5 ng/mL only are not
# eligible") stays with the item, where it is read or left to a person.
_FOOTNOTE = re.compile(r"\s+NOTE\s*:\s*\*+\s*(?P<body>\S.*)$", I | re.S)
_EXPLAINS = re.compile(
    r"\b(?:(?:is|are)\s+not\s+considered|do(?:es)?\s+not\s+require|(?:is|are)\s+not\s+required|(?:(?:is|are)\s+)?defined\s+as)\b",
    I,
)


def without_footnote(text: str) -> str:
    """``text`` without a trailing footnote that annotates another line's starred term."""
    m = _FOOTNOTE.search(text) if "*" in text else None
    if m is None or "*" in text[: m.start()]:
        return text
    body = m.group("body")
    explains = _EXPLAINS.search(body) and not re.search(r"\b(?:must|should|shall|ineligible|excluded)\b|\bnot\s+(?:eligible|allowed|permitted)\b", body, I)
    permits = _PERMITS.search(body) or re.search(r"(?<![Nn]ot )(?<![Nn]o )\b(?:allowed|permitted)\b", body)
    if explains or (permits and not _MORE_THAN_PERMITTING.search(_PERMITS.sub(" ", body).replace("allowed", " ").replace("permitted", " "))):
        return text[: m.start()].rstrip()
    return text


# Lines that are no criterion at all, which registries run into their lists: a sponsor's pointer
# to its own pages ("For more information regarding BMS clinical trial participation, please
# visit www.BMSStudyConnect.com": 12 corpus lines), and the NIH policy statement on the inclusion
# of women and minorities, its heading ("Inclusion of Women and Minorities", 4) and its sentence
# ("Both men and women and members of all races and ethnic groups are eligible for this trial",
# 7, in inclusion and exclusion lists alike). Each asks nothing of the patient, so it is no
# requirement; left to review, each left every patient of its trial possibly eligible at best.
# A statement naming one sex only ("Women of all races ... are eligible") is not taken: it may
# restrict, and stays with the topics. Anchored at both ends and made of fixed words and bounded
# runs without repetition of overlapping groups, so no search backtracks beyond the line.
_NON_CRITERION = re.compile(
    r"\W{0,6}(?:"
    r"for\s+more\s+information\s+(?:regarding|about|on)\s+[^.;:]{1,80}?,?\s+please\s+(?:visit|see|go\s+to|refer\s+to)\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?"
    r"|inclusion\s+of\s+women\s+and\s+minorities\s*:?"
    r"|(?:both\s+)?(?:men|males)\s+and\s+(?:women|females),?\s+(?:and\s+)?(?:members\s+)?of\s+all\s+races\s+and\s+ethnic\s+groups,?\s+are\s+eligible\s+(?:for|to\s+participate\s+in)\s+this\s+(?:trial|study)"
    r")\W{0,3}",
    I,
)


def non_criterion(text: str) -> bool:
    """Whether ``text`` is a line that states no criterion: a sponsor's pointer to its pages or the
    NIH statement on women and minorities (see ``_NON_CRITERION``)."""
    low = text.lower()
    if "visit" not in low and "minorities" not in low and "ethnic" not in low:  # the gate: most lines hold none
        return False
    return _NON_CRITERION.fullmatch(text.strip()) is not None
