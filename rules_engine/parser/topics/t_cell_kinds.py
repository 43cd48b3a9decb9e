"""The kinds of mature T-cell and NK-cell lymphoma trials name, read as the kinds hospitals code.

PTCL and CTCL trials take or exclude T/NK-cell lymphomas by kind: "PTCL not otherwise specified
(NOS)", "Angioimmunoblastic T-cell lymphoma", "Anaplastic large cell lymphoma, ALK-",
"Extranodal NK/T-cell lymphoma - nasal type", "Natural Killer (NK) cell lymphomas" (excluded),
"Mycosis fungoides", "Sézary syndrome", "cutaneous T-cell lymphoma (CTCL)" (~70 corpus lines).
Read as "lymphoma" or "T-cell lymphoma" beside unread words, every one of them was a person's
question, and an NK/T-cell lymphoma excluded by name met a PTCL trial's review (holdout
NCT00704691). ICD-10-CM codes these kinds: mycosis fungoides C84.0, Sézary syndrome C84.1,
cutaneous T-cell lymphoma unspecified C84.A, primary cutaneous CD30-positive T-cell
proliferations C86.6 (the cutaneous ones), PTCL not classified C84.4, anaplastic large cell
lymphoma ALK-positive C84.6 and ALK-negative C84.7, extranodal NK/T-cell lymphoma nasal type
C86.0 and blastic NK-cell lymphoma C86.4 (the NK ones), angioimmunoblastic T-cell lymphoma C86.5
hepatosplenic C86.1, enteropathy-type C86.2 and subcutaneous panniculitis-like C86.3
(matcher/intake/codes.toml). ``t_cell_lymphoma`` is exhaustive, so a record coded only as a T/NK
lymphoma of another or no stated kind (C84.9, C84.Z) leaves every kind open.

Rows for events' table of cancers (``events._CANCERS``: concept, pattern, gate words), read
before the T-cell lymphoma family's row so that the first reading of a span, the kind, stands.
"The T-cell lymphoma family" itself ("peripheral T-cell lymphomas", "PTCL", "T/NK-cell
lymphoma") stays the family. A primary cutaneous ALCL (a cutaneous lymphoma, C86.6, not the
systemic one) is not read as ALCL.
"""

from __future__ import annotations

_LYMPHOMA = r"(?:non-?\s*Hodgkin'?s?\s+)?(?:lymphomas?|NHL)"
_T_CELL = r"T[\s-]?cell"

T_CELL_KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # mycosis fungoides and Sézary syndrome, the two named cutaneous T-cell lymphomas ("Mycosis
    # fungoides/Sezary syndrome", "MF/SS": letters read only in brackets after the name)
    ("mycosis_fungoides", r"mycosis\s+fungoides(?:\s*\(\s*MF\s*\))?", ("mycosis",)),
    ("sezary_syndrome", r"S[eé]zary'?s?\s+(?:syndrome|disease)(?:\s*\(\s*SS\s*\))?", ("zary",)),
    # the cutaneous T-cell lymphomas ("cutaneous T-cell lymphoma (CTCL)", "CTCL")
    ("ctcl", r"(?:primary\s+)?cutaneous\s+" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?:\s*[(\[]\s*CTCLs?\s*[)\]])?|(?-i:\bCTCLs?\b)", ("cutaneous", "ctcl")),
    # peripheral T-cell lymphoma not otherwise specified ("PTCL-NOS", "Peripheral T cell Lymphoma
    # (PTCL) Not Otherwise Specified (NOS)", "Unspecified peripheral T-cell lymphoma")
    (
        "ptcl_nos",
        r"(?:unspecified\s+peripheral\s+" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?!\s*(?:,\s*)?(?:not\s+otherwise|NOS\b|unspecified))"
        r"|(?:peripheral\s+" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?:\s*\(\s*PTCLs?\s*\))?|(?-i:PTCL))"
        r"\s*(?:,\s*|-\s*)?(?:not\s+otherwise\s+specified(?:\s*\(\s*NOS\s*\))?|(?-i:NOS)\b|unspecified\b))",
        ("peripheral", "ptcl"),
    ),
    # anaplastic large cell lymphoma, systemic ("Anaplastic large cell lymphoma (ALCL)", "Systemic
    # T cell/null anaplastic large cell lymphoma", "ALK-positive anaplastic large cell T-cell
    # lymphomas (ALCL)"); never the primary cutaneous one
    (
        "alcl",
        r"(?<!cutaneous\s)(?:(?:primary\s+)?systemic\s+(?:type\s+)?(?:" + _T_CELL + r"(?:\s*/\s*null)?\s+)?)?anaplastic\s+large[\s-]+(?:" + _T_CELL + r"\s*/\s*null[\s-]+)?cell\s+(?:"
        + _T_CELL + r"\s+)?" + _LYMPHOMA + r"(?:\s*\(\s*ALCL\s*\))?|(?<!cutaneous\s)(?-i:\bALCL\b)",
        ("anaplastic", "alcl"),
    ),
    # angioimmunoblastic T-cell lymphoma, and its older name ("angioimmunoblastic lymphadenopathy
    # with dysproteinemia", AILD)
    (
        "aitl",
        r"angioimmunoblastic\s+(?:" + _T_CELL + r"\s+)?" + _LYMPHOMA + r"(?:\s*\(\s*AITL\s*\))?|angioimmunoblastic\s+lymphadenopathy(?:\s+with\s+dysproteina?emia)?|(?-i:\bAITL\b)",
        ("angioimmunoblastic", "aitl"),
    ),
    # the NK-cell lymphomas: extranodal NK/T-cell lymphoma, nasal type, and the blastic NK-cell one
    # ("Natural Killer (NK) cell lymphomas", "NK/T cell Lymphoma", "Nasal type extranodal NK/T-cell
    # lymphoma", "nasal Natural Killer (NK) cell lymphoma", "NK-cell lymphoma")
    (
        "nk_cell_lymphoma",
        r"(?<![/\w])(?:(?:nasal[\s-]+type\s+)?extra-?\s*nodal\s+|nasal\s+)?(?:natural[\s-]+killer(?:\s*\(\s*NK\s*\))?|(?-i:NK))(?:\s*/\s*T|\s*/\s*" + _T_CELL + r")?[\s-]*(?:cells?\s+)?" + _LYMPHOMA
        + r"(?:\s*\(\s*NK[\s-]*(?:/\s*T[\s-]*)?cell\s+lymphomas?\s*\))?(?:\s*(?:,\s*|-\s*)?nasal[\s-]+type)?",
        ("natural", "nk"),  # (the gate words: "nk" also stands in "extranodal NK/T")
    ),
    # three kinds ICD-10-CM codes apart (C86.1-C86.3): "Enteropathy-associated T cell lymphoma
    # (EATL)", "enteropathy- type T-cell lymphoma", "intestinal T-cell lymphoma", "Hepatosplenic
    # gamma-delta T-cell lymphoma", "Subcutaneous panniculitis-like T-cell lymphoma"
    (
        "eatl",
        r"(?:enteropathy[\s-]*(?:associated|type)?|intestinal)[\s-]+" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?:\s*\(\s*EATL\s*\))?|(?-i:\bEATL\b)",
        ("enteropathy", "intestinal", "eatl"),
    ),
    (
        "hstcl",
        r"hepatosplenic\s+(?:(?:gamma[\s/-]*delta|γ\s*[/-]?\s*δ|gd)\s+)?" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?:\s*\(\s*HSTCL\s*\))?",
        ("hepatosplenic",),
    ),
    (
        "sptcl",
        r"subcutaneous\s+panniculitis[\s-]+like\s+" + _T_CELL + r"\s+" + _LYMPHOMA + r"(?:\s*\(\s*SPTCL\s*\))?",
        ("panniculitis",),
    ),
    # the family's plural abbreviation ("Histologically confirmed PTCLs and NK/T cell lymphomas"),
    # which the family's own row reads only in the singular,
    # and the family as "T-/NK-cell lymphoma"
    ("t_cell_lymphoma", r"(?-i:\bPTCLs\b)|\bT-\s*/\s*NK[\s-]?cells?\s+lymphomas?", ("ptcl", "nk")),
)
