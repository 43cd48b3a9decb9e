"""A kind of myelodysplastic syndrome by its FAB or WHO name, read as the ICD-10-CM kind a hospital
codes (D46.0 refractory anaemia, D46.1 RARS, D46.2x RAEB-1/-2, D46.A/B RCMD, D46.Z other).

MDS trials take or exclude kinds by name ("FAB diagnostic groups of RA, RARS, RAEB, RAEBt and
CMML", "RAEB-2 with >= 10% marrow blasts", "refractory anemia with ringed sideroblasts (RARS)").
Read as a person's question ("which kind of MDS"), a record coded D46.21 stayed undecided for a
line taking RAEB and a coded refractory anaemia for a line taking only RAEB. The record's code
decides where the name and the code mean the same disease; where the schemes differ the record
leaves it open (a ``Qualifier``), never decided:

* RAEB, RAEB-1, RAEB-2: the coded kind (a RAEB of unstated type, D46.20, leaves -1 and -2 open);
* RARS: D46.1; a WHO RCMD with ring sideroblasts (D46.B) is a RARS by FAB, not by WHO: open;
* RCMD: D46.A or D46.B (WHO 2008 made them one); "RCMD-RS" / "RARS with multilineage
  dysplasia": D46.B;
* RA, "refractory anemia": D46.0 / D46.4. FAB's RA is wider than WHO's (it holds the WHO RCMD,
  the MDS with isolated del(5q) and the unclassifiable ones), so a record of those is open;
  "refractory cytopenia with unilineage dysplasia" likewise;
* RAEB in transformation (RAEB-T) is an MDS by FAB and an AML by WHO (ICD-10-CM codes it C92.0):
  not read here, its callers keep it a person's.

A record that says only "MDS" (D46.9) leaves every kind open (``mds`` is exhaustive in the
concept catalogue); a patient without an MDS has none of them. Every pattern is a bounded
alternation of literals; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

_ANAEMIA = r"an(?:a)?emia"
_SIDEROBLASTS = r"ring(?:ed)?[\s-]*sideroblasts?"
_MULTI = r"multi[\s-]?lineage\s+dysplasia"
_TYPE = r"(?:\s*[-–]\s*|\s+(?:type\s+)?|)"

# (kind, pattern over the whole name, brackets and scheme words trimmed). Order matters: the
# narrower name first.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, I))
    for kind, pattern in (
        (
            "raeb_t",
            r"(?:RAEB|refractory\s+"
            + _ANAEMIA
            + r"\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?)"
            + _TYPE
            + r"(?:T\b|in\s+transformation)",
        ),
        (
            "raeb_1",
            r"(?:RAEB|refractory\s+"
            + _ANAEMIA
            + r"\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?)"
            + _TYPE
            + r"(?:1|I)(?![\w.])",
        ),
        (
            "raeb_2",
            r"(?:RAEB|refractory\s+"
            + _ANAEMIA
            + r"\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?)"
            + _TYPE
            + r"(?:2|II)(?![\w.])",
        ),
        ("raeb", r"RAEB|refractory\s+" + _ANAEMIA + r"\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?"),
        (
            "rcmd_rs",
            r"RCMD[\s-]*RS|RARS\s+with\s+"
            + _MULTI
            + r"|refractory\s+(?:cytopenias?|"
            + _ANAEMIA
            + r")\s+with\s+"
            + _MULTI
            + r"\s+and\s+"
            + _SIDEROBLASTS
            + r"|refractory\s+"
            + _ANAEMIA
            + r"\s+with\s+"
            + _SIDEROBLASTS
            + r"\s+(?:and|with)\s+"
            + _MULTI,
        ),
        ("rcmd", r"RCMD|refractory\s+(?:cytopenias?|" + _ANAEMIA + r")\s+with\s+" + _MULTI),
        ("rars", r"RARS|refractory\s+" + _ANAEMIA + r"\s+with\s+" + _SIDEROBLASTS),
        ("rcud", r"RCUD|refractory\s+cytopenias?\s+with\s+uni[\s-]?lineage\s+dysplasia"),
        ("ra", r"(?-i:RA)|refractory\s+" + _ANAEMIA),
    )
)

# what may stand around the name: its abbreviation or spelling out in brackets, the scheme, a
# "subtype" word ("RAEB-1 subtype", "RARS (FAB)", "refractory anemia (RA)")
_BRACKET = re.compile(r"\s*[(\[][^()\[\]]{0,60}[)\]]\s*$")
_AROUND = re.compile(
    r"^\s*(?:(?:the|an?)\s+)?(?:(?:FAB|WHO)\s+)?(?:sub-?types?\s+(?:of\s+)?)?|\s*(?:(?:FAB|WHO)\s+)?(?:sub-?types?|groups?|kinds?|classification)?\s*\.?\s*$",
    I,
)


def _name(words: str) -> str:
    name = " ".join(words.split())
    for _ in range(2):
        name = _BRACKET.sub("", name)
        name = _AROUND.sub("", name).strip(" ,.;:")
    return name


def _kind(words: str) -> str | None:
    name = _name(words)
    for kind, pattern in _KINDS:
        if pattern.fullmatch(name):
            return kind
    return None


def _open(words: str, *concepts: str) -> Expr:
    """A record of one of ``concepts`` may be the kind by one scheme and not by the other."""
    return all_of(
        [
            any_of([predicate(c, Op.PRESENT) for c in concepts]),
            Qualifier(
                ReviewReason.UNSUPPORTED_CONCEPT,
                "which kind of MDS: " + " ".join(words.split()) + " (the schemes differ on the kind on record)",
            ),
        ]
    )


def mds_kind_expr(words: str) -> Expr | None:
    """The kind of MDS ``words`` name (the whole of them, a bracket or scheme word aside) as the
    coded kinds that are it, or None when they name none or RAEB in transformation (see the
    module). "RA" counts only in capitals."""
    kind = _kind(words)
    if kind is None or kind == "raeb_t":
        return None
    if kind in ("raeb", "raeb_1", "raeb_2", "rcmd", "rcmd_rs"):
        return predicate(f"mds_{kind}", Op.PRESENT)
    if kind == "rars":
        return any_of([predicate("mds_rars", Op.PRESENT), _open(words, "mds_rcmd_rs")])
    # RA by FAB holds WHO's RCMD, del(5q) and unclassifiable MDS; RCUD holds refractory
    # neutropenia and thrombocytopenia, which a hospital may code as another MDS
    return any_of(
        [predicate("mds_refractory_anemia", Op.PRESENT), _open(words, "mds_rcmd", "del_5q", "mds_other_kind")]
    )
