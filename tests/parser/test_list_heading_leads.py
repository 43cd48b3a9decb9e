"""An exclusion heading over a list, by what its lead says (``parser.criteria``).

- "X, or any of the following:": X excludes, and so does each line (joined with AND, each only
  beside the other);
- "... cardiac disease ... including any of the following:": each line excludes of its own; a heart
  disease the list leaves out is a person's question (joined with AND, an ejection fraction of 40%
  excluded no one without a coded heart disease);
- "Cardiac conditions as follows:": a label, asking nothing of its own.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, condition, lvef

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OR_ANY = "Congenital long QT syndrome, or any of the following:"
DEFINING = "Patient has active cardiac disease or a history of cardiac dysfunction including any of the following:"
LABEL = "Cardiac conditions as follows:"
KIDS = ["LVEF < 50%", "Myocardial infarction within 6 months"]


def decide(heading: str, facts: PatientFacts) -> Outcome:
    rows = [("exclusion", heading, None), *(("exclusion", kid, 0) for kid in KIDS)]
    trial = TrialCriteria("NCT00000097", 1, parse_lines(rows))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


CASES = [
    (OR_ANY, "a listed line alone excludes", adult(lvef(40)), MET),
    (OR_ANY, "the heading's syndrome alone excludes", adult(lvef(60), condition("long_qt_syndrome")), MET),
    (OR_ANY, "neither: not excluded", adult(lvef(60)), NOT_MET),
    (DEFINING, "a listed line alone excludes", adult(lvef(40)), MET),
    (DEFINING, "nothing listed, no heart disease: not excluded", adult(lvef(60)), NOT_MET),
    (DEFINING, "a heart disease the list leaves out: a person's", adult(lvef(60), condition("conduction_disorder")), UNKNOWN),
    (LABEL, "a listed line alone excludes", adult(lvef(40)), MET),
    (LABEL, "a heart disease the list leaves out: the label asks nothing", adult(lvef(60), condition("conduction_disorder")), NOT_MET),
]


@pytest.mark.parametrize(("heading", "facts", "expected"), [pytest.param(h, f, o, id=f"{h[:20]}: {w}") for h, w, f, o in CASES])
def test_an_exclusion_heading_joins_its_list_as_its_lead_says(heading: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(heading, facts) is expected
