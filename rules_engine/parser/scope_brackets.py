"""A bracket naming the diseases a requirement is for, without the patients' word, into the
scope every trailing-scope reader knows (rows of ``normalize._SUBS``: pattern, replacement, gate
words).

"Hemoglobin level < 8.0 g/dL (for multiple myeloma, non-hodgkin lymphoma, or hodgkin lymphoma
only)", "Platelet count < 25,000 /μL (for ... only)": the bound concerns the patients with those
diseases. Said "(for patients with ... only)" the scope reader (``scopes.trailing_scope``) reads
it so; said bare, the bracket was dropped (every patient with a low count was excluded, whatever
his disease) or its disease read as an alternative (every patient with myeloma excluded). Only a
bracket that closes on "only", and not one naming people, a part of the study or a place ("(for
women of childbearing potential only)", "(for Phase 1 only)", "(For France only)"), which other
readers take.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

DISEASES_ONLY = (
    r"\(\s*(for|in)\s+(?!(?:patients?|subjects?|participants?|wom[ae]n|m[ae]n|males?|females?|those|the|all|phase|part|cohort|arms?|groups?|stage|dose|france|us|usa|eu)\b)"
    r"([a-z][^()\[\]:;]{1,80}?)\s+only\s*\)",
    r"(\1 patients with \2 only)",
    ("only",),
)

ROWS = (DISEASES_ONLY,)
