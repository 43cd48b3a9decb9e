"""A therapy named by the disease it is directed against (rows of ``normalize._SUBS``: pattern,
replacement, gate words).

* "Prior anti-leukemia therapy within 2 weeks", "antileukemic treatment (except hydroxyurea)",
  "No prior anti-lymphoma therapy", "anti-myeloma agents", "anti-myeloma drug therapy" (about 26
  corpus trials): a therapy against the patient's cancer is anticancer therapy, the words the
  therapy readers know. Left as
  written, the disease word was read as the disease ("Prior anti-lymphoma therapy" excluded every
  lymphoma, treated or not) or the line was a review (a patient given cytarabine last week was
  "possibly eligible").
* "cancer immunotherapy of any type", "anti-cancer immunotherapy", "anti-leukemic chemotherapy",
  "antineoplastic chemotherapy", "anti-tumor immunotherapy" (about 24 corpus trials): the words
  before the class say what every such therapy is for and ask nothing of it. Left, they were an
  unread review beside the class, or "cancer" was read as another malignancy ("Prior cancer
  immunotherapy" excluded a patient for the cancer the trial treats). A bare "cancer" is dropped
  only after a lead word or a list's comma: after a site ("breast cancer immunotherapy") it names
  which cancer the therapy was for, and is left to the readers of that.

Every pattern is literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

# the diseases a therapy is said to be against, after "anti" ("anti-leukemia", "antileukemic")
_DISEASES = r"leukemi(?:as?|c)|lymphomas?|myelomas?"

ANTI_DISEASE_THERAPY = (
    rf"\banti-?\s?(?:{_DISEASES})\s+(?:drug\s+(?=therap))?(?=(?:therap(?:y|ies)|treatments?|agents?|drugs?|medications?)\b)",
    "anticancer ",
    ("anti",),
)

ANTI_DISEASE_CLASS = (
    rf"\banti-?\s?(?:{_DISEASES}|cancer|tumou?r|neoplastic)\s+(?=(?:immunotherap|chemotherap)\w{{0,6}}\b)",
    "",
    ("anti",),
)

# "cancer immunotherapy" after the words a therapy's line opens with, or a list's comma (the
# lookahead first, so the leads are tried only where "cancer" starts)
_LEADS = "".join(
    rf"|(?<=\b{w}\s)"
    for w in (
        "any",
        "prior",
        "previous",
        "no",
        "other",
        "received",
        "receiving",
        "concurrent",
        "concomitant",
        "of",
        "with",
        "or",
        "and",
    )
)
CANCER_IMMUNOTHERAPY = (
    rf"(?=cancer\s)(?:^|(?<=[,;:(]\s){_LEADS})cancer\s+(?=immunotherap\w{{0,6}}\b)",
    "",
    ("cancer",),
)

ROWS = (ANTI_DISEASE_THERAPY, ANTI_DISEASE_CLASS, CANCER_IMMUNOTHERAPY)
