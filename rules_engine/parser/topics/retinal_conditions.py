"""The retinal diseases exclusions name by themselves, before the broad ``retinal_disease``.

"Retinal vein occlusion or central serous retinopathy", "history of macular degeneration" (trials
of MEK and FGFR inhibitors, which cause both): each names one disease, read before as the broad
``retinal_disease``, so a patient with macular degeneration met an RVO exclusion and one with RVO
a macular degeneration line. Each is its own concept now, a kind of ``retinal_disease``
(ICD-10-CM H34.81, H34.83; H35.71; H35.30-H35.32, H35.35 in codes.toml), so a line naming it is
met by its own record only, while a line naming retinal disease at large still counts them all.

Read by the history table of ``events`` ahead of ``retinal_disease`` (``history_conditions``
splices these rows before it), which takes the words first. Every pattern is an alternation of
literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

RETINAL_CONDITIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # "retinal vein occlusion (RVO)", "central/branch retinal vein occlusion"; never the bare
    # abbreviation, which lines write after "risk factors for" / "predisposing factors to" (what
    # they name there is no record of the occlusion: read, "ocular hypertension" among its
    # examples became hypertension)
    (
        "retinal_vein_occlusion",
        r"(?:(?:central|branch|hemi-?central)\s+(?:or\s+(?:central|branch)\s+)?)?retinal\s+vein\s+occlusions?(?:\s*\(\s*[CB]?RVO\s*\))?",
        ("retin",),
    ),
    # "central serous retinopathy (CSR)", "central serous chorioretinopathy (CSC)"
    (
        "central_serous_retinopathy",
        r"central\s+serous\s+(?:chorio-?)?retinopath(?:y|ies)(?:\s*\(\s*CSC?R?\s*\))?",
        ("serous",),
    ),
    # "macular degeneration (AMD)"; a kind written before it ("neovascular", "wet", "age-related")
    # stays a review beside it: a dry or a cystoid degeneration is not what such a line names
    (
        "macular_degeneration",
        r"macular\s+degeneration(?:\s*\(\s*(?:AMD|ARMD)\s*\))?",
        ("macular",),
    ),
)
