"""An impaired function of the digestive tract, as the oral-drug exclusions name it: "Impairment of
gastrointestinal (GI) function or GI disease that may significantly alter the absorption of
nilotinib (e.g. ulcerative diseases, uncontrolled nausea, vomiting, diarrhea, malabsorption
syndrome, or small bowel resection)", "No impairment of GI function that may significantly alter
the absorption of PTK787", "Impaired GI function" (about 45 corpus lines). Before this reader the
impairment was an unread alternative beside the GI disease, so no record, however clean,
decided the line. The oral kinase-inhibitor template names the same impairment by its cause:
"Unable to swallow capsules or malabsorption syndrome, disease significantly affecting
gastrointestinal function, or resection of the stomach or small bowel, ..." (about 25 corpus
lines: "disease that significantly affects gastrointestinal function", "any other condition
significantly affecting GI function"), read the same way, the weighing ("significantly") the
impairment's own review.

What impairs the tract's function is what these lines go on to list, each a concept with its codes:
a disease of the tract (an organic one, ``gastrointestinal_disease``, counts; any other digestive
disorder on record, reflux or a polyp, is left to a person, as ``events._gastrointestinal``
reads "GI disease"), malabsorption (K90), diarrhoea (R19.7), nausea and vomiting (R11), a
swallowing disorder (R13) and an operated gut, resected, bypassed or with a stoma
(``gi_resection``: Z90.3, Z90.49, Z98.0, Z93.2-Z93.4, Z98.84). A record holding none of them
holds no impairment (absent means absent); a record holding one is left to a person, never
excluded on a guess: what the line weighs ("that may significantly alter the absorption") is the
impairment's own review, and where the clause states nothing (the line may state it in a clause
of its own) whether the condition impairs the function as the line means is.

Read where the line excludes it: an exclusion, or an inclusion negating it ("No impairment ...");
never on a heading whose lines below list the kinds ("..., including any of the following:").

The pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op, ReviewReason
from rules_engine.parser.safety import Qualifier
from rules_engine.parser.topics.cardiac_impairment import HEADING
from rules_engine.parser.items import NEGATED, I, Item, all_of, any_of, predicate

_GI = r"(?:GI|gastro-?\s?intestinal)(?:\s*\(\s*GI\s*\))?(?:\s+tract)?"
_IMPAIRED_GI = re.compile(
    rf"\bimpairment\s+of\s+(?:the\s+)?{_GI}\s+functions?\b|\bimpaired\s+{_GI}\s+functions?\b|\b{_GI}\s+(?:function\s+)?impairment\b"
    # "disease significantly affecting gastrointestinal function", "disease that significantly
    # affects GI function", "condition significantly affecting the gastrointestinal function"
    rf"|\b(?:diseases?|conditions?|disorders?)\s+(?:that\s+|which\s+)?(?:(?:may|could|would|might)\s+)?(?:significantly\s+)?affect(?:s|ing)?\s+(?:the\s+)?{_GI}\s+functions?\b",
    I,
)
# the weighing in that wording: the impairment's own review, whatever its effect on absorption
_AFFECTING = "whether the condition on record significantly affects the gastrointestinal function"
_GI_ANY = ("whether the digestive disorder on record (reflux, gastritis, a functional bowel disorder, diverticulosis, "
           "haemorrhoids, a polyp) impairs the gastrointestinal function the line means")
# the effect the line weighs ("that may significantly alter the absorption of nilotinib", "may
# affect absorption"): it governs the impairment as much as the disease beside it, so the
# impairment carries it as its own review (left to the residue, it went to the disease alone,
# and any GI disease on record excluded the patient as an impairment)
_ABSORPTION_AFTER = re.compile(r"[^.;]{0,120}?\b(?:alter|affect|interfere|impair|reduc|compromis|limit|influenc|modify|prevent)\w*\b[^.;]{0,40}?\babsor", I)
# ... and where the clause states none, the one its line may state in another clause ("No impaired
# GI function OR GI disease that may significantly alter the absorption of vatalanib", handed over
# as "No impaired gastrointestinal (GI) function"): a condition on record is left to a person
_IMPAIRS = "whether the condition on record impairs the gastrointestinal function as the line means"
# what impairs the tract's function, each read from its codes (see above)
IMPAIRING = ("gastrointestinal_disease", "malabsorption", "diarrhea", "nausea_vomiting", "dysphagia", "gi_resection")


def gi_function_items(text: str, ctype: CriterionType) -> list[Item]:
    """Each "impairment of GI function" a line excludes (see the module's doc)."""
    low = text.lower()
    if ("impair" not in low and "affect" not in low) or ("gi" not in low and "gastro" not in low):
        return []
    if ctype is CriterionType.INCLUSION and NEGATED.match(text) is None or HEADING.search(text):
        return []  # (a heading: its lines below decide, as for the heart's impairment)
    out: list[Item] = []
    for m in _IMPAIRED_GI.finditer(text):
        expr = any_of([predicate(c, Op.PRESENT) for c in IMPAIRING]
                      + [all_of([predicate("digestive_tract_disease", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, _GI_ANY)])])
        weighed = "whether it may alter the drug's absorption" if _ABSORPTION_AFTER.match(text, m.end()) else _IMPAIRS
        if weighed == _IMPAIRS and "affect" in m.group(0).lower():
            weighed = _AFFECTING
        expr = all_of([expr, Qualifier(ReviewReason.JUDGEMENT, weighed)])
        out.append(Item(m.start(), m.end(), expr, frozenset(IMPAIRING) | {"digestive_tract_disease"}))
    return out
