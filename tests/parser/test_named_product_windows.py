"""A named product asked within a window is dated by its own records (issue 14, holdout NCT01602952,
NCT00516828, NCT00357305, NCT00089037, NCT00718159, NCT01519011).

A record of a medication carries its own date (the end of its period, or the evaluation date while
it is still taken), so "Patients who have received Nilotinib and Dasatinib ≤4 weeks prior to
starting study drug" asks each product within 4 weeks (``named-medication is nilotinib within 4
weeks``), decided by the records that name it, never by another drug's date. Before, such a line
was met or not by name and its time left to a person: every patient given the product at any time
was unknown.

- A window right after the products and counted back from the study's start ("within 6 months
  prior to registration", "≤ 1 week") dates each product; a window elsewhere in the clause ("for
  more than 4 weeks during ...", another clause's "within 2 weeks") is still a person's.
- A washout ("At least 2 days since prior hydroxyurea", "More than 2 weeks since prior valproic
  acid") holds no record of the product inside its window: the bound itself meets "at least".
- "Concomitant use of X", "Use of St. John's Wort or rifampin", "No concurrent voriconazole": taken
  in the last 2 weeks or still taken is taken now; up to 8 weeks ago a course may still be under
  way (a person's); older, not now. A dose the line sets ("aspirin (> 150 mg/day)") stays a person's.
- A line that sets a product's time of its own elsewhere ("prior metformin use is allowed if last
  dose was 3 months previous", "must be off of these medications for at least 3 days") leaves
  "taken now" to a person; a duty ahead of the patient ("contraception ... at least 5 months after
  the last dose of atezolizumab") names the study's products, which nothing on record dates.
- Named products discontinued a time before the study ("should have discontinued therapy with
  imatinib, ..., omacetaxine or other anti-leukemia therapy (except hydroxyurea) >= 48 hours prior
  to start of study therapy") are each washed out by their own dates, with the class the list ends on.
- A record naming the product without a date, or a medication named by no words, leaves the line
  unknown (it may be the product, given inside the window).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import parse_rule, render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, result

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def named(words: str, days_ago: int | None = 200, ongoing: bool = False):
    attributes = {"quote": words, "words": words} | ({"ongoing": True} if ongoing else {})
    return medication("named_medication", days_ago, **attributes)


def unnamed(days_ago: int = 200):
    """A medication the record names only by a code: no words to compare."""
    return medication("named_medication", days_ago)


ROWS = [
    # (line, type, met, not met, unknown)
    ("Patients who have received Nilotinib and Dasatinib ≤4 weeks prior to starting study drug.", E,
     [adult(named("dasatinib", 20)), adult(named("nilotinib", 0, ongoing=True)), adult(named("nilotinib", 14), named("imatinib", 400))],
     [adult(), adult(named("nilotinib", 40)), adult(named("aspirin", 2), named("dasatinib", 90))],
     [adult(named("nilotinib", None)), adult(unnamed(3))]),
    ("Prior treatment with Gemcitabine within 6 months prior to registration.", E,
     [adult(named("gemcitabine 1000 mg/m2", 60))], [adult(named("gemcitabine", 400)), adult(named("cytarabine", 10))], [adult(named("gemcitabine", None))]),
    ("Patients who have received Imatinib, interferon, other anti cancer drug or chemotherapy ≤ 1 week", E,
     [adult(named("imatinib 400 mg", 5)), adult(named("interferon alfa", 3))], [], [adult(named("imatinib", 20))]),
    ("At least 2 days since prior hydroxyurea", I,
     [adult(), adult(named("hydroxyurea 500 mg", 2)), adult(named("hydroxyurea", 30))], [adult(named("hydroxyurea", 1)), adult(named("hydroxyurea", 0, ongoing=True))],
     [adult(named("hydroxyurea", None))]),
    ("More than 2 weeks since prior valproic acid or other HDAC inhibitors", I,
     [adult(named("valproic acid", 30))], [adult(named("valproic acid", 3))], []),
    ("No concurrent voriconazole", I,
     [adult(), adult(named("voriconazole", 120))], [adult(named("voriconazole 200 mg", 0, ongoing=True)), adult(named("voriconazole", 10))],
     [adult(named("voriconazole", 30))]),
    ("Use of St. John's Wort or rifampin.", E,
     [adult(named("rifampin", 0, ongoing=True))], [adult(), adult(named("rifampin", 200))], [adult(named("rifampin", 40))]),
    # the dose is the line's: an aspirin record cannot say it
    ("Concomitant use of aspirin (> 150 mg/day)", E, [], [adult()], [adult(named("aspirin 81 mg", 0, ongoing=True))]),
    # a window belonging to another clause dates nothing of the product
    ("Prior imatinib; chemotherapy within 2 weeks prior to registration", E, [adult(named("imatinib", 400))], [], []),
    # a line that sets its own time or lets the product be: "taken now" is a person's
    ("Patients who are currently taking metformin; prior metformin use is allowed if last dose was 3 months previous to this trial", E,
     [], [adult()], [adult(named("metformin", 60)), adult(named("metformin", 0, ongoing=True))]),
    ("Patients taking Itraconazole or Phenytoin will be excluded. Patients must be off of these medications for at least 3 days prior to entering this trial.", I,
     [], [], [adult(named("phenytoin", 10))]),
    # a duty ahead of the patient names the study's products, dated by nothing on record
    ("For women of childbearing potential: agreement to use two forms of contraception for at least 3 months after the last dose of cobimetinib "
     "and at least 5 months after the last dose of atezolizumab or pembrolizumab", I, [], [], [adult(named("pembrolizumab", 60))]),
    # named products discontinued before the study, and the class the list closes with
    ("Patients should have discontinued therapy with imatinib, dasatinib, nilotinib, ponatinib, omacetaxine or other anti-leukemia therapy "
     "(except hydroxyurea) >= 48 hours prior to start of study therapy", I,
     [adult(), adult(named("nilotinib", 30))], [adult(named("nilotinib 300 mg", 0, ongoing=True)), adult(named("ponatinib", 1))], []),
    ("Patients must have discontinued imatinib at least 7 days prior to study entry", I,
     [adult(named("imatinib", 30))], [adult(named("imatinib", 3))], [adult(named("imatinib", None))]),
    # a list running on with "and" to a class keeps its last product unread (all of them, maybe)
    ("Previous treatment with carboplatin, paclitaxel, doxorubicin, cyclophosphamide and a Poly-(ADP-ribose)-Polymerase (PARP) inhibitor.", E,
     [], [], [adult(named("cyclophosphamide", 300))]),
    # "ongoing adverse events from previous treatment": not recovered, by the toxicity grade
    ("Previous treatment with azacitidine or other demethylating agents within 21 days prior to starting study therapy or ongoing "
     "adverse events from previous treatment, regardless of the time period", E,
     [adult(named("azacitidine", 10)), adult(named("azacitidine", 60), result("toxicity_grade", 3))], [adult(named("azacitidine", 60))], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_named_product_within_a_window_is_dated_by_its_own_records(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize("rule", ["named-medication is imatinib within 1 week", 'not named-medication is "valproic acid" within 2 weeks exclusive',
                                  'drug-hypersensitivity is cisplatin within 6 months'])
def test_a_named_product_window_reads_back_as_written(rule: str) -> None:
    parsed = parse_rule(rule)
    assert render_rule(parsed.expr, parsed.applies_if) == rule


def test_only_a_named_product_takes_a_window_after_is() -> None:
    with pytest.raises(Exception, match="only a named product"):
        parse_rule("sex is female within 1 week")


def test_a_named_product_window_changes_on_the_day_its_own_record_leaves_it() -> None:
    """Time alone changes "gemcitabine within 6 weeks" when the gemcitabine leaves the window,
    not when a later drug (aspirin two days ago) would."""
    from datetime import timedelta

    from rules_engine.criteria import Op, Predicate, Window
    from rules_engine.semantics import changes_on
    from rules_engine.snapshot import snapshot
    from tests.fixtures.records import AS_OF

    pred = Predicate("named_medication", Op.IS, "gemcitabine", window=Window(6.0, "weeks"))
    snap = snapshot(adult(named("gemcitabine", 30), named("aspirin", 2)), AS_OF)
    assert changes_on(pred, snap, Outcome.MET) == AS_OF + timedelta(days=42 - 30 + 1)
