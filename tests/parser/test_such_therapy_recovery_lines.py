"""Recovery from the therapy a line has just named ("... or who have not recovered from side
effects of such therapy", "and recovered from the toxic effects of that therapy") and side effects
named after their therapy ("recovered from all prior treatment side effects"): read by the record's
toxicity grade, or as a surgery's recovery where the sentence named only a surgery
(``topics.such_recovery``). Each row is a corpus wording (paraphrased), with its rendering.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
NOT_RECOVERED = 'toxicity-grade >= 2 or (toxicity-grade >= 1 and review ambiguous "recovery without a grade: whether a grade 1 toxicity left counts as recovered")'
RECOVERED = 'toxicity-grade <= 1 and (toxicity-grade <= 0 or review ambiguous "recovery without a grade: whether a grade 1 toxicity left counts as recovered")'
SURGERY = 'review ambiguous "whether the patient has recovered from the surgery"'

CASES = [
    # the washout or the recovery: either excludes (read as "and" before, the washout alone decided nothing)
    (E, "Patients who have received immunotherapy ≤ 1 week prior to starting study drug or who have not recovered from side effects of such therapy.",
     "immunotherapy within 1 week or " + NOT_RECOVERED),
    (E, "Patients who have received Glivec ≤ 2 weeks or who have not recovered from the side effects of such therapy",
     'named-medication is "glivec imatinib" within 2 weeks or ' + NOT_RECOVERED),
    (E, "Receipt of any investigational compound within 28 days prior to the first dose or failure to have recovered from the side effects of such prior therapy",
     "investigational-agent within 28 days or " + NOT_RECOVERED),
    # a surgery named alone: its recovery is no graded toxicity
    (E, "Patients who have undergone major surgery ≤ 2 weeks prior to starting study drug or who have not recovered from side effects of such therapy.",
     "major-surgery within 2 weeks or (major-surgery and " + SURGERY + ")"),
    (E, "Has undergone surgery ≤ 2 weeks prior to starting study drug or has not recovered from side effects of such surgery.",
     "surgery within 2 weeks or (surgery and " + SURGERY + ")"),
    # "that therapy" in an inclusion: recovered
    (I, "Patients must have been off all prior therapy for CML for 2 weeks prior to start of study therapy and recovered from the toxic effects of that therapy.",
     RECOVERED + " and not anticancer-therapy within 2 weeks"),
    # the side effects after the therapy's name
    (I, "Patient is at least 4 weeks from prior treatment and has recovered from all prior treatment side effects",
     "no anticancer-therapy within 4 weeks exclusive and " + RECOVERED),
    (I, "Recovery from prior chemotherapy side effects", RECOVERED),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES)
def test_such_therapy_recovery(ctype: CriterionType, text: str, rendered: str) -> None:
    c = parse_line(text, ctype)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered
