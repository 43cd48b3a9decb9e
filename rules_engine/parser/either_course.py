""""Acute or chronic": both courses a disease can run, so the pair narrows nothing it qualifies.

Registries write the pair before a disease, an infection or a graft-versus-host disease ("Acute or
chronic liver or renal disease", "No acute or chronic pancreatitis", "Patients diagnosed with
acute or chronic hepatitis B or C", "active (acute or chronic) or uncontrolled severe infections",
"moderate or severe graft versus host disease (GVHD), whether acute or chronic": about 100 corpus
lines). Every such disease on record is one or the other, so the words ask nothing the disease
does not; left as words, they were a review beside it that kept every patient with the disease
(and, in an inclusion's negation, every patient) undecided. The span is a remark (``remarks``):
blanked once the topics have read the line, so a topic that reads the pair as part of a name
keeps it.

One course alone ("acute pancreatitis", "chronic active hepatitis") narrows and is left to be read.
After a virus's name, or a test "indicating" it, the pair qualifies that virus's infection
("hepatitis C virus acute or chronic infection", "HCV antibody indicating acute or chronic
infection"): blanked, the bare "infection" left behind read as any active infection, so it is left
alone there.
Before a leukaemia's name the pair names two diseases ("acute or chronic myeloid leukemia"), which
the diagnosis topic reads: left alone here.

The pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

EITHER_COURSE = (
    # (never where the pair qualifies an infection a name before it states: "hepatitis C virus acute
    # or chronic infection", "HCV antibody test indicating acute or chronic infection"; and never
    # right before another name read with the topics' items blanked, a run of spaces: the words
    # as written decide then, see above)
    r"(?<!virus\s)(?<!indicating\s)(?<!indicative\sof\s)(?:\(\s*)?(?:\bwhether\s+)?\b(?:acute\s*(?:,|/|\bor\b|\band/or\b)\s*chronic|chronic\s*(?:,|/|\bor\b|\band/or\b)\s*acute)\b(?:\s*\))?"
    r"(?!\s\s|\s+(?:myel|lymph|leuk|promyelo|monocyt|phase|blast))"
)
# a row of ``remarks``' gates: the pattern is tried only on a line holding one of these words
EITHER_COURSE_GATES = ("acute",)
