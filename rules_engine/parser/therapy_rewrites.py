"""Rewrites of how a line words a prior therapy, into the words the therapy readers already know
(rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "Prior therapy for AML with decitabine, azacitidine, mitoxantrone, or etoposide", "Prior therapy
  for SMM with a proteasome inhibitor", "prior treatment for MDS with any hypomethylating agent"
  (4 corpus lines): the disease the therapy was for said before the therapy. Written after it
  ("Prior therapy with decitabine or azacitidine for AML") the product and class readers take the
  drugs and the disease reader the disease; said first, "for AML with" broke the therapy's
  reading and the drugs were left to a person (a patient given decitabine was "possibly
  eligible").
* "immunosuppressive medications (except prednisone)", "immunosuppressive agents other than
  steroids", "immunosuppressant therapy other than corticosteroids" (9 corpus lines): the
  catalogue's immunosuppressive therapy never holds a steroid (steroids are their own therapy,
  ``steroid_therapy``; codes.toml reads prednisone and the ATC H02AB glucocorticoids as that and
  nothing else), so excepting a steroid from it excepts nothing a record of it holds. Left, the
  exception was a review beside the therapy: a patient on tacrolimus was unknown. Only where the
  exception names steroids alone and ends there (a stop, a window, an example in brackets): a
  dose or a use after it ("except corticosteroids with a daily dosage ...") belongs to a steroid
  the line asks about too, and is left.

* "Prior myeloablative allogeneic or autologous HSCT" (2 corpus lines, and "myeloablative
  autologous"): an autologous transplant is the stem cell rescue of myeloablative therapy, so the
  word asks nothing more of it; of an allogeneic one it asks the conditioning's intensity, which no
  record holds. Said once before both, it stood unread beside each, and a patient with an
  autologous transplant was unknown; written out ("autologous HSCT or myeloablative allogeneic
  HSCT") it stays a review beside the allogeneic one only.
* "Prior allogeneic or autologous transplant using any hematopoietic stem cell source",
  "transplants from any source" (2 corpus lines): every source is every transplant, the words
  ask nothing (left, they were a review beside the autologous one).
* "any investigational agent (not FDA approved, for any indication)", "(not Food and Drug
  Administration [FDA] approved)" (2 corpus lines): the bracket says what an investigational
  agent is, no more than the words before it ask (left, it was a review beside the agent, and a
  patient given one last week was unknown).
* "No concurrent therapeutic doses (≥ 2 mg/day) of anticoagulants (e.g., warfarin)": the dose in
  brackets says which doses are therapeutic, which the words "therapeutic doses" already leave
  to a person beside the therapy (no record states the dose); left, the bracket turned the line
  into a bound over nothing, and a patient on no anticoagulant was unknown.

* "Patients must be previously untreated with chemotherapy or radiation therapy", "Naive to
  prior systemic anti-cancer therapy for melanoma", "Naive to prior chemotherapy or specific
  immunotherapy" (6 corpus lines): a line that opens so asks that none of the therapies was
  given, as "No prior ..." does. Left, the therapies were read as given with the opening a
  review beside them, and a patient never treated failed the inclusion. Only at the line's
  start and never before a list joined by "and" ("untreated with docetaxel and pemetrexed": no
  record of either, which "No prior X and Y" would not read).

* "Prior therapy with axitinib as well as any prior therapies with other VEGF pathway
  inhibitors": the next therapy's lead words said again after the joiner (``AS_WELL_AS_OTHER``).
* "Has taken proton pump inhibitors within 7 days": a drug taken is a drug received (``HAS_TAKEN``).
* "Participant must have completed prior chemotherapy at least 2 weeks prior to randomization":
  the NCI layout's washout (``COMPLETED_SINCE``).
* "At least 4 weeks since prior chemotherapy and recovered", "At least 3 weeks (6 for
  nitrosourea) since prior chemotherapy": the washout, its longer bracket after the therapy, and
  the recovery as the recovery reader knows it (``BRACKET_BEFORE_SINCE``, ``WASHOUT_RECOVERED``).

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

import re

# the diseases a prior therapy is said to be for ("AML", "lung cancer", "SMM", "MDS")
_DISEASE = (
    r"(?:(?:the|their|his\s+or\s+her|this)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:cancers?|carcinomas?|malignanc(?:y|ies)|tumou?rs?|neoplasms?|leukemias?|lymphomas?|myelomas?|AML|ALL|CLL|CML|MDS|SMM|MM|NHL|CMML|MPN|"
    r"myelodysplastic\s+syndromes?|myelofibrosis|disease)"
)


def _therapy_first(m: re.Match[str]) -> str:
    """"Prior therapy for AML with X" as "Prior therapy with X for AML"; a list of three or more
    ("decitabine, azacitidine, mitoxantrone, or etoposide") as "Prior X therapy for AML", the
    words under which the list splitter keeps the disease beside every product of the list."""
    lead, kind, disease, given = m.group("lead"), m.group("kind"), m.group("disease"), m.group("given")
    if "," in given:
        return f"{lead} {given} {kind} for {disease}"
    return f"{lead} {kind} with {given} for {disease}"


PRIOR_THERAPY_FOR_WITH = (
    r"\b(?P<lead>prior|previous)\s+(?P<kind>(?:systemic\s+)?(?:therapy|treatment))\s+for\s+(?P<disease>" + _DISEASE + r")\s+with\s+"
    r"(?:(?:an?|any|the)\s+)?(?P<given>[^.;()]{1,120}?)(?=\s*(?:[.;]|$))",
    _therapy_first,
    ("prior", "previous"),
)

_IMMUNOSUPPRESSIVE = r"(\bimmuno-?\s?suppress(?:ive|ant|ion)\s+(?:therap(?:y|ies)|agents?|drugs?|medications?|treatments?))"
_STEROIDS = r"(?:(?:low[\s-]dose|systemic|oral|prescribed|topical|inhaled)\s+)?(?:prednisone|prednisolone|(?:cortico)?steroids?|glucocorticoids?|corticosteroid\s+therapy)"
STEROIDS_EXCEPTED = (
    _IMMUNOSUPPRESSIVE + r"\s*(?:\(\s*(?:except(?:\s+for)?|other\s+than|excluding)\s+" + _STEROIDS + r"\s*\)"
    r"|,?\s*(?:except(?:\s+for)?|other\s+than|excluding)\s+" + _STEROIDS + r"(?=\s*(?:[,;.]|$|\(\s*e\.?\s?g\b|within\b|for\s+at\s+least\b|in\s+the\s+(?:past|last)\b)))",
    r"\1",
    ("immunosuppress", "immuno"),
)

# a transplant's noun after its kinds ("HSCT", "hematopoietic stem cell transplant (HSCT)")
_TRANSPLANT = (
    r"((?:hematopoietic\s+|haematopoietic\s+|bone\s+marrow\s+|peripheral\s+blood\s+)?(?:stem[\s-]+cell\s+|progenitor[\s-]+cell\s+)?"
    r"(?:transplant(?:ation)?s?|HSCT|SCT|HCT|BMT)\b(?:\s*\(\s*(?:HSCT|SCT|HCT|BMT)\s*\))?)"
)
MYELOABLATIVE_BOTH = (
    r"(?<![\w-])myeloablative\s+(allo(?:gene?ic)?)\s+(or|and/or)\s+(auto(?:logous)?)\s+" + _TRANSPLANT,
    r"\3 \4 \2 myeloablative \1 \4",
    ("myeloablative",),
)
MYELOABLATIVE_AUTOLOGOUS = (r"(?<![\w-])myeloablative\s+(?=auto(?:logous)?\s)", "", ("myeloablative",))

ANY_SOURCE = (
    r"\b(transplant(?:ation)?s?|HSCT|SCT|HCT|BMT)\s+(?:using|from)\s+any\s+(?:(?:hematopoietic|haematopoietic)\s+)?(?:(?:stem\s+cell|donor|graft)\s+)?source\b",
    r"\1",
    ("source",),
)

# "Prior allogeneic, syngeneic, or autologous bone marrow transplant or stem cell transplant less
# than 2 months previously", "hematopoietic stem cell transplantation (either allogeneic or
# autologous)": kinds that name both the allogeneic and the autologous transplant (and the
# syngeneic, a twin's) are every kind, the transplant itself. Left, the three-kind list was an
# unread alternative beside the transplant, and a patient never transplanted was a person's
_KIND = r"(?:allogene?ic|autologous|syngeneic)"
EVERY_KIND = (
    r"\b(?P<kinds>" + _KIND + r"\s*,\s*" + _KIND + r"\s*,?\s*(?:or|and/or)\s+" + _KIND + r")\s+(?=" + _TRANSPLANT + r")"
    r"|\b(?P<noun>transplant(?:ation)?s?|HSCT|SCT|HCT|BMT)\s*\(\s*either\s+(?P<pair>" + _KIND + r"\s+or\s+" + _KIND + r")\s*\)",
    lambda m: (
        ("" if m.group("kinds") else m.group("noun"))
        if re.search(r"allo", m.group("kinds") or m.group("pair"), re.I) and re.search(r"auto", m.group("kinds") or m.group("pair"), re.I)
        else m.group(0)
    ),
    ("syngeneic", "either"),
)

INVESTIGATIONAL_DEFINED = (
    r"(\binvestigational\s+(?:agents?|drugs?|products?|therap(?:y|ies)|medications?))\s*\(\s*(?:i\.?\s?e\.?,?\s*)?(?:not|non-?|un)\s*"
    r"(?:(?:FDA|Food\s+and\s+Drug\s+Administration(?:\s*\[\s*FDA\s*\])?)[\s-]+)?approved(?:\s*,?\s*for\s+any\s+indication)?\s*\)",
    r"\1",
    ("investigational",),
)

THERAPEUTIC_DOSE_DEFINED = (
    r"\b(therapeutic\s+doses?)\s*\(\s*(?:≥|>=|>|at\s+least|greater\s+than(?:\s+or\s+equal\s+to)?)\s*\d{1,3}(?:\.\d{1,2})?\s*mg\s*(?:/\s*|per\s+)(?:day|d)\s*\)",
    r"\1",
    ("therapeutic",),
)

UNTREATED_WITH = (
    r"^(\W*)(?:(?:patients?|subjects?|participants?)\s+(?:must|should|will|need\s+to)\s+be\s+)?"
    r"(?:(?:previously|prior)\s+untreated\s+with|na[iï]ve\s+to)\s+(?:(?:any|prior)\s+){0,2}(?![^.;]{0,200}\band\b)",
    r"\1No prior ",
    ("untreated", "naive", "naïve"),
)

# "Prior therapy with axitinib as well as any prior therapies with other VEGF pathway inhibitors"
# (2 corpus lines; "and any prior therapy with other ..." the same): the next therapy's lead words
# said again after the list's joiner. Left, they were an unread review beside every item (a
# patient given sunitinib was unknown); said "and other ..." the list reads as any list of
# therapies does (an exclusion's "and" between therapies is "or"). Only before "other", where the
# second item is a class the first belongs to
AS_WELL_AS_OTHER = (
    r"\b(?:as\s+well\s+as|and)\s+(?:any\s+)?(?:(?:prior|previous)\s+)?(?:therap(?:y|ies)|treatments?)\s+with\s+(?:any\s+)?(?=other\s)",
    "and ",
    ("well", "with"),
)

# "Has taken proton pump inhibitors within 7 days", "Patients who have taken NSAIDs in the past two
# weeks", "must not have taken any other investigational agents" (about 12 corpus lines): a drug
# taken is a drug received, the words every therapy reader knows as its lead (left, "has taken"
# was an unread review beside the therapy, and a patient never given one was unknown). Only after
# "has/have/had/having": "an echocardiogram taken within 4 weeks" dates a test; "have taken part
# in a study", "must have taken place" are no drug
HAS_TAKEN = (
    r"\b(has|have|had|having)\s+taken\b(?!\s+(?:part|place)\b)",
    r"\1 received",
    ("taken",),
)

# "At least 3 weeks (6 for nitrosourea) since prior chemotherapy", "More than 30 days (from the
# screening visit) since prior other investigational drugs" (3 corpus lines, 2 trials): the
# bracket between the span and "since" broke the washout's reading, and the therapy was asked of
# the patient (an inclusion every patient never given chemotherapy failed). Said after the
# therapy, as registries mostly write it ("since prior chemotherapy (6 weeks for nitrosoureas)"),
# a bare number in it given the span's unit
def _bracket_after(m: re.Match[str]) -> str:
    inner = m.group("inner").strip()
    bare = re.match(r"(\d{1,3})\s+(?=for\b)", inner)
    if bare is not None:
        inner = f"{bare.group(1)} {m.group('unit')} {inner[bare.end():]}"
    return f"{m.group('span')} since {m.group('what')} ({inner})"


BRACKET_BEFORE_SINCE = (
    r"^(?P<span>\W*(?:at\s+least|more\s+than|greater\s+than|over|[>≥])\s*\d{1,3}\s*(?P<unit>hours?|days?|weeks?|months?|years?))"
    r"\s*\((?P<inner>[^()]{1,60})\)\s*since\s+(?P<what>(?:the\s+)?(?:prior|previous|last)\s+[^.;:()]{1,80}?)(?=\s*(?:$|[.;]|,?\s+and\b))",
    _bracket_after,
    ("since",),
)

# "At least 4 weeks since prior chemotherapy and recovered", "At least 4 weeks since prior
# chemotherapy (6 weeks for nitrosoureas) and recovered" (the NCI layout: 64 corpus lines in 41
# trials): the washout, and recovery from that therapy, which the recovery reader knows said as
# "recovered from prior chemotherapy" (a toxicity of grade 2 or worse is not recovered; none on
# record is). Left, "recovered" was an unread review beside the washout, and every patient was
# unknown, though the record shows no therapy or no toxicity. Only the bare word closing the
# line: a recovery said with its own words ("recovered from surgery") is read as it is. The
# recovery is said first, so that the washout keeps the end of the line, where a longer washout
# in brackets is read (as ``normalize._washout`` does)
WASHOUT_RECOVERED = (
    r"^(?P<lead>\W*(?:at\s+least|more\s+than|greater\s+than|over|[>≥])\s*\d{1,3}\s*(?:hours?|days?|weeks?|months?|years?)"
    r"(?:\s*\([^()]{0,60}\))?\s+since\s+(?:the\s+)?(?:prior|previous|last)\s+)"
    # (the therapy's name alone: "palliative radiotherapy to the limbs", "resection of recurrent
    # tumor" say where or what for, which "recovered from" would not carry)
    r"(?P<what>(?:(?!\b(?:to|of|for|in|on|at)\b)[^.;:()]){1,80}?)(?P<br>\s*\([^()]{0,80}\))?\s*,?\s+and\s+(?:has\s+|have\s+)?(?:fully\s+)?recovered\s*\.?\s*$",
    lambda m: f"Recovered from prior {m.group('what')}; {m.group('lead')}{m.group('what')}{m.group('br') or ''}",
    ("recovered",),
)

# "Completed all prior therapy at least 3 weeks prior to registration", "Participant must have
# completed prior chemotherapy at least 2 weeks (washout period) prior to randomization", "Patients
# must have completed all previous anticancer therapy for at least 2 weeks prior to ..." (7 corpus
# lines): a washout, said as the NCI layout says one ("At least 2 weeks since prior
# chemotherapy"). Left, "must have completed prior" was an unread review, or the therapy was asked
# of the patient (an inclusion every patient never given chemotherapy failed). The time it counts
# from ("prior to registration", "previously") is the study's start the washout reader takes
COMPLETED_SINCE = (
    r"(?:^|(?<=[.;]\s))(?P<lead>\W*(?:\d{1,2}[.)]\s*)?)(?:(?:the\s+)?(?:patients?|subjects?|participants?)\s+)?(?:(?:must|should|shall|need\s+to)\s+)?(?:have\s+|has\s+)?"
    r"completed\s+(?:all\s+|any\s+)?(?:prior|previous)\s+(?P<what>[^\d.;:()]{1,60}?)\s+(?:for\s+)?"
    r"(?P<span>(?:at\s+least|≥|>=|more\s+than|a\s+minimum\s+of)\s*\d{1,3}\s*(?:days?|weeks?|months?))"
    r"(?:\s*\(\s*washout(?:\s+period)?\s*\))?(?:\s+previously|\s+(?:prior\s+to|before|from)\s+[^.;,()]{1,40}?)?(?=\s*(?:[.;,(]|\band\b|$))",
    lambda m: f"{m.group('lead')}{m.group('span')} since prior {m.group('what')}",
    ("completed",),
)

# "7 days or longer after any standard chemotherapy agent", "(no other concurrent chemotherapy
# agents)" (3 corpus lines): the agents of chemotherapy are chemotherapy. Left, "agent" was an
# unread review beside the washout, and a patient given chemotherapy three days ago was unknown.
# Only where the clause ends after it: "a chemotherapy agent or a high dose of a steroid within 21
# days" runs on to a window the list shares, which other readers decide
CHEMOTHERAPY_AGENT = (r"\b(chemotherapy)\s+agents?\b(?=\s*(?:[.;)]|$))", r"\1", ("agent",))

ROWS = (CHEMOTHERAPY_AGENT, UNTREATED_WITH, COMPLETED_SINCE, BRACKET_BEFORE_SINCE, WASHOUT_RECOVERED, HAS_TAKEN, AS_WELL_AS_OTHER, INVESTIGATIONAL_DEFINED, THERAPEUTIC_DOSE_DEFINED, PRIOR_THERAPY_FOR_WITH, STEROIDS_EXCEPTED, MYELOABLATIVE_BOTH, MYELOABLATIVE_AUTOLOGOUS, ANY_SOURCE, EVERY_KIND)
