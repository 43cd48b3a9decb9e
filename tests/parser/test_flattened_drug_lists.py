"""Drug lists the registry flattened below their heading, and the names such lists carry (issue 14,
organ18; holdout T314, T241, T271).

"Category I drugs ... Torsades de Pointes including:" followed at its own bullet level by
"amiodarone, sotalol, ibutilide, dofetilide" left each line of names a bare review: a patient on
amiodarone was unknown, and so was one on none of them. The lines of nothing but product names
right after such a heading are its list (``drug_list_headings.nested_drug_lists``). A salt after the
generic ("Amiodarone hydrochloride") and the lists' "arsenic" and "lidoflazine" are read as the
products they name (``topics.products``).
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from rules_engine.parser.drug_list_headings import _names_only, nested_drug_lists
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language.render import render_rule
from tests.fixtures.records import AS_OF, Part, healthy

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION
HEADING = "Category I drugs that are generally accepted to have a risk of causing Torsades de Pointes including:"
ROWS = [
    (EXC, "Prohibited Treatments and/or Therapies"),
    (EXC, HEADING, 0),
    (EXC, "quinidine, procainamide, disopyramide", 0),
    (EXC, "amiodarone, sotalol, ibutilide, dofetilide", 0),
    (EXC, "cisapride, bepridil, droperidol, methadone, arsenic, chloroquine, domperidone, halofantrine, levomethadyl, pentamidine, sparfloxacin, lidoflazine.", 0),
    (EXC, "Patients requiring anticoagulation with Coumadin", 0),
]


def taking(name: str, days_ago: int = 3) -> Part:
    return Part(event=Event("named_medication", AS_OF - timedelta(days=days_ago), True, {"quote": f"{name} 200 mg tablet", "ongoing": True}))


def outcome(facts, index: int) -> Outcome:
    criteria = parse_lines([r if len(r) == 3 else (*r, None) for r in ROWS])
    return evaluate_reference(TrialCriteria("NCT00000098", 1, criteria), facts, AS_OF).criteria[index].outcome


@pytest.mark.parametrize("facts,expected", [
    # a drug of the flattened list taken now excludes by its own line (and the heading with it)
    (healthy(taking("amiodarone")), [Outcome.MET, Outcome.NOT_MET, Outcome.MET, Outcome.NOT_MET]),
    (healthy(taking("arsenic trioxide")), [Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MET, Outcome.MET]),
    (healthy(taking("lidoflazine")), [Outcome.MET, Outcome.NOT_MET, Outcome.NOT_MET, Outcome.MET]),
    # another drug on record: none of the lines of names leaves the patient unknown (the
    # heading's class, a QT-prolonging drug beyond those Eligo reads, stays a person's)
    (healthy(taking("omeprazole")), [Outcome.UNKNOWN, Outcome.NOT_MET, Outcome.NOT_MET, Outcome.NOT_MET]),
])
def test_each_flattened_line_of_names_is_read_as_concurrent_use(facts, expected):
    assert [outcome(facts, i) for i in (1, 2, 3, 4)] == expected


def test_a_line_that_says_more_than_names_ends_the_list():
    """"Patients requiring anticoagulation with Coumadin" is a requirement of its own, not one of
    the heading's drugs: it keeps its parent."""
    rows = [(EXC, "Prohibited", None), (EXC, HEADING, 0), (EXC, "quinidine, procainamide", 0), (EXC, "Patients requiring anticoagulation with Coumadin", 0)]
    assert [p for _, _, p in nested_drug_lists(rows)] == [None, 0, 1, 0]


@pytest.mark.parametrize("rows,parents", [
    # a heading with lines of its own keeps them, and the sibling after it stays a sibling
    ([(EXC, HEADING, None), (EXC, "quinidine, procainamide", 0), (EXC, "amiodarone, sotalol", None)], [None, 0, None]),
    # a heading that is no drug list's ("Prior therapy with the following:") lends nothing
    ([(EXC, "Prior use of the following drugs:", None), (EXC, "amiodarone, sotalol", None)], [None, None]),
    # an inclusion's examples heading (which asks for the class) is not read so
    ([(INC, HEADING, None), (INC, "amiodarone, sotalol", None)], [None, None]),
])
def test_only_a_childless_drug_list_heading_takes_the_lines_after_it(rows, parents):
    assert [p for _, _, p in nested_drug_lists(rows)] == parents


@pytest.mark.parametrize("line,names_only", [
    ("amiodarone, sotalol, ibutilide, dofetilide", True),
    ("erythromycin, clarithromycin", True),
    ("Patients requiring anticoagulation with Coumadin", False),
    ("amiodarone", False),  # one name alone is no list (the heading's siblings list several)
    ("Pleural or pericardial effusion", False),
])
def test_a_line_of_names_is_nothing_but_products(line, names_only):
    assert _names_only(line) is names_only


@pytest.mark.parametrize("line,reads", [
    ("Concurrent use of Amiodarone hydrochloride", "named-medication is amiodarone within 14 days"),
    ("Concurrent use of Arsenic", 'named-medication is "arsenic arsenic trioxide" within 14 days'),
    ("Concurrent use of Lidoflazine", "named-medication is lidoflazine within 14 days"),
])
def test_a_salt_or_a_list_name_is_the_product(line, reads):
    """The salt is part of the list, never of the name a record is asked for: a record of
    "amiodarone 200 MG" names the product "Amiodarone hydrochloride" means."""
    assert render_rule(parse_line(line, EXC).expr).startswith(reads)


def test_an_adversarial_line_of_names_reads_in_under_a_second():
    start = time.perf_counter()
    _names_only("amiodarone, " * 2000 + "x")
    parse_line("Concurrent use of amiodarone " + "hydrochloride " * 2000, EXC)
    assert time.perf_counter() - start < 1.0
