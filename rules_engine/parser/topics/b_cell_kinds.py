"""Two mature B-cell neoplasms CLL and indolent-lymphoma trials name by kind: prolymphocytic
leukaemia and lymphoplasmacytic lymphoma (dx12; issue 14).

Prolymphocytic leukaemia ("prolymphocytic leukemia (PLL)", "B-cell prolymphocytic leukemia",
"B-PLL", "pro-lymphocytic leukemia"; ~12 corpus lines, most of them CLL trials that admit or
exclude it beside Richter's transformation) is coded by hospitals as one of two kinds: B-cell
(ICD-10-CM C91.3, ICD-O-3 9833/3) and T-cell (C91.6, 9834/3). The family is ``prolymphocytic_leukemia``,
exhaustive, so a T-PLL meets "prolymphocytic leukemia", a CLL does not, and a PLL coded without its
kind (ICD-O-3 9832/3) leaves each kind open. Left unread, the words were a review beside the CLL
and a T-PLL failed the line that admits it (holdout T304). The T-cell kind keeps its row in the
events topic (read first); the rows here go after it, the B-cell kind before the family.

Lymphoplasmacytic lymphoma ("Lymphoplasmacytic lymphoma (LPL)", "lymphoplasmacytic lymphoma /
Waldenström macroglobulinemia", "lymphoplasmocytic lymphoma (Waldenstrom's macroglobulinemia)";
~10 corpus lines) was "lymphoma" beside an unread word, so every lymphoma met a list item asking
for this one kind. It is read as the kind (ICD-O-3 9671/3) or a Waldenström's macroglobulinaemia,
which is a lymphoplasmacytic lymphoma (WHO) that hospitals code apart (C88.0); a Waldenström name
written beside it as its alias ("(Waldenström's macroglobulinemia)", "/ Waldenström
macroglobulinemia") is part of the same item. A record coded only as ICD-10-CM C83.0 (small cell
B-cell lymphoma, which holds LPL among other kinds) leaves it open.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, any_of, predicate

_LEUKEMIA = r"leuka?emias?"
# rows for the events topic's table of cancers (concept, pattern, gate words), after T-PLL's
PLL_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "b_pll",
        r"B[-\s]?cell\s+(?:pro-?lymphocytic\s+" + _LEUKEMIA + r"|PLL\b)\*?(?:\s*\(\s*B?-?PLL\s*\))?|(?-i:\bB-?PLL\b)|pro-?lymphocytic\s+" + _LEUKEMIA + r"\s+of\s+B[-\s]?cell\s+type",
        ("prolymphocytic", "pro-lymphocytic", "pll"),
    ),
    # the family by its name ("PLL" alone is left unread: "CLL/PLL (as defined by FAB)" is a CLL
    # with prolymphocytes, FAB's mixed type, no PLL)
    ("prolymphocytic_leukemia", r"(?<![\w-])pro-?lymphocytic\s+" + _LEUKEMIA + r"(?:\s*\(\s*PLL\s*\))?", ("prolymphocytic", "pro-lymphocytic")),
)

GATE = re.compile(r"lympho-?plasm", I)

_WALDENSTROM = r"waldenstr(?:ö|o|oe)m'?s?\s+(?:macroglobulin(?:a)?emia|disease)(?:\s*\(\s*WM\s*\))?"
_LPL = re.compile(
    r"\blympho-?plasm[ao]cytic\s+lymphomas?(?:\s*\(\s*LPL\s*\))?"
    # its Waldenström alias, in brackets or after a slash
    r"(?:\s*\(\s*" + _WALDENSTROM + r"\s*\)|\s*/\s*" + _WALDENSTROM + r")?",
    I,
)


def lymphoplasmacytic_items(text: str) -> list[Item]:
    """Each lymphoplasmacytic lymphoma the line names: the kind or a Waldenström's."""
    concepts = frozenset({"lymphoplasmacytic_lymphoma", "waldenstrom_macroglobulinemia"})
    expr = any_of([predicate("lymphoplasmacytic_lymphoma", Op.PRESENT), predicate("waldenstrom_macroglobulinemia", Op.PRESENT)])
    return [Item(m.start(), m.end(), expr, concepts) for m in _LPL.finditer(text)]
