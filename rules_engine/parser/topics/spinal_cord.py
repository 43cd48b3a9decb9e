"""Spinal cord compression as registries write it: "Spinal cord compression", "Current symptomatic
spinal cord compression as confirmed by radiographic imaging", "Untreated or inadequately treated
spinal cord compression" (about 15 corpus lines left wholly to review, most of them exclusions of
trials for cancers that spread to bone).

A hospital codes it (ICD-10-CM G95.2x, SNOMED 71286001; codes.toml): ``spinal_cord_compression``.
The row is read by the history table of ``events``, so it keeps every rule of a history item; what
narrows it ("symptomatic", "untreated") stays a review beside it. A compression to come
("impending", "at risk for", "threatening") is none yet: those words are never read here and
leave the line to a person.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

# (concept, pattern, gate words one of which the clause must hold)
SPINAL_CORD_EVENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("spinal_cord_compression",
     r"(?<![-\w])(?<!risk of )(?<!risk for )(?<!threatening )(?<!impending )(?<!imminent )(?<!threatened )"
     # never from the middle of the name ("impending spinal cord compression" started at "cord")
     r"(?<!spinal )(?<!epidural )(?<!metastatic )(?<!malignant )"
     r"(?:(?:metastatic|malignant)\s+)?(?:(?:spinal|epidural)\s+)?cord\s+compressions?|compression\s+of\s+the\s+spinal\s+cord",
     ("cord", "compression")),
)
