"""Conditions exclusions name that hospitals code, beside the history table's own: "Chronic Grade >= 2
diarrhea", "Known G6PD deficiency", "History of pancreatitis", "Patients undergoing renal
dialysis" (about 60 corpus lines left wholly to review before these rows).

Each is a concept with its ICD-10-CM codes (codes.toml): ``diarrhea`` (R19.7, K59.1),
``g6pd_deficiency`` (D55.0, D75.A), ``pancreatitis`` (K85, K86.0, K86.1), ``dialysis``
(dependence on renal dialysis, Z99.2, or an encounter for it, Z49), the electrolyte disorders
(E83.42, E83.51, E83.52, E87.1, E87.6) and diseases of the eye (glaucoma H40, retinopathy and
macular degeneration H35.0, H35.3, retinal detachment H33, uveitis H20, H30). The rows are read by the history
table of ``events``, so each keeps every rule of a history item (an exclusion reads it wherever
named, an inclusion only where it asks about it, a window beside it holds); a grade written
beside it narrows it (``event_grades``), and "chronic", "unresolved" or "watery" stay a review
beside it. A therapy or a drug "associated with pancreatitis", or "potential diarrhea from study
drugs", is not the patient's condition: a cause or a risk before the name keeps it unread.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

from rules_engine.parser.topics.retinal_conditions import RETINAL_CONDITIONS

_NOT_THE_PATIENTS = r"(?<!associated with )(?<!risk of )(?<!risk for )(?<!potential )(?<!cause )(?<!causing )(?<!induce )"

# (concept, pattern, gate words one of which the clause must hold)
HISTORY_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("diarrhea", _NOT_THE_PATIENTS + r"(?<![-\w])diarrho?ea(?:\s+syndromes?)?(?![-\w])", ("diarrh",)),
    ("g6pd_deficiency",
     r"(?:glucose[\s-]*6[\s-]*phosphate[\s-]+dehydrogenase|\bG6PD\b|\bGP6D\b|\bG-6-PD\b)(?:\s*\(\s*(?:G6PD|GP6D)\s*\))?\s+deficien(?:cy|t)"
     r"|(?:G6PD|glucose[\s-]*6[\s-]*phosphate[\s-]+dehydrogenase)\s*\(\s*(?:G6PD|glucose[\s-]*6[\s-]*phosphate[\s-]+dehydrogenase)\s*\)\s*deficien(?:cy|t)",
     ("g6pd", "gp6d", "g-6-pd", "phosphate")),
    ("pancreatitis", _NOT_THE_PATIENTS + r"(?:(?:acute|chronic)\s+(?:(?:and/or|or|and)\s+(?:acute|chronic)\s+)?)?pancreatitis", ("pancreatitis",)),
    # "Previous pericarditis", "Symptomatic pericarditis" (I30-I32, I01.0, I09.2): a cardiac
    # disease of its own ("symptomatic" stays a review beside it); an inflammation the study drug
    # may cause ("mesothelin induced pericarditis") is no record's
    ("pericarditis", _NOT_THE_PATIENTS + r"(?<!induced )(?<!-induced )(?<![-\w])(?:(?:acute|chronic|constrictive|rheumatic)\s+)?pericarditis\b", ("pericarditis",)),
    # electrolyte disorders a record codes (E83.51, E83.52, E83.42, E87.1, E87.6); a bound on the
    # lab itself ("sodium < 130 mmol/L") is the lab topic's
    ("hypokalemia", r"hypoka(?:l|la)(?:a)?emia", ("hypoka",)),
    ("hypomagnesemia", r"hypomagnes(?:a)?emia", ("hypomagnes",)),
    ("hypocalcemia", r"hypocalc(?:a)?emia", ("hypocalc",)),
    ("hypercalcemia", r"hypercalc(?:a)?emia", ("hypercalc",)),
    ("hyponatremia", r"hyponatr(?:a)?emia", ("hyponatr",)),
    # diseases of the eye trials of retinotoxic drugs exclude (H40, H35.0, H35.3, H20)
    ("glaucoma", r"\bglaucoma", ("glaucoma",)),
    # ("central serous retinopathy (CSR)" or "chorioretinopathy", H35.71; "retinal vein occlusion
    # (RVO)", H34.8: the qualifier and the abbreviation are the name's, left they were reviews)
    # ("retinal pathology" is retinal disease at large: "History or evidence of retinal pathology")
    # (retinal vein occlusion, central serous retinopathy and macular degeneration are read first,
    # each its own kind of retinal disease: topics.retinal_conditions)
    *RETINAL_CONDITIONS,
    ("retinal_disease", r"retinopath(?:y|ies)"
     r"|retinal\s+(?:degenerat\w*|disease|detachment|disorders?|patholog(?:y|ies))|\buveitis", ("retin", "uveitis")),
    # (an example of an unread condition, "renal failure including dialysis", is that condition's;
    # "not receiving dialysis" after a diagnosis narrows it, which the clause joins would widen)
    ("dialysis",
     r"(?<!including )(?<!such as )(?<!e\.g\. )(?<!e\.g\., )(?<!not receiving )(?<!not on )(?<!not requiring )(?<!not undergoing )(?:(?:(?:renal|kidney|hemo-?|haemo-?|peritoneal)\s+)?dialysis(?:[\s-]+dependen(?:ce|t))?|\bhemodialysis(?:[\s-]+dependen(?:ce|t))?|\bhaemodialysis)"
     # a duration of it ("Dialysis therapy for > 14 days from transplantation") is no window
     r"(?![^;.]{0,16}\bfor\s*(?:[<>≤≥]\s*|more\s+than\s+|at\s+least\s+)?\d)",
     ("dialysis",)),
)
