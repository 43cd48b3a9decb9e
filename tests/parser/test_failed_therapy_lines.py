"""A therapy the patient must have failed, and a lead whose word the alternatives after it define
(issue 14; holdout T142, the one eligible-when-excluded case of the T14x batch).

"Subjects must have failed hypomethylating treatment where "failure" is defined as: Progression
... OR Failure to achieve ... OR Relapse ...": every kind of failure needs the therapy given, so
a patient never given it fails the line; how it failed is a person's. Read as the first
alternative's words, the line was reviews only and such a patient was eligible."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, medication

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

HMA_FAILURE = (
    'Subjects must have failed hypomethylating treatment where "failure" is defined as: Progression (according to 2006 IWG criteria) at any '
    "time after initiation of the hypomethylating treatment OR Failure to achieve complete or partial response after at least 4 cycles "
    "treatment OR Relapse after initial complete or partial response"
)
REFRACTORY_DEFINED = "Refractory disease is defined as: no complete remission after 2 inductions OR relapse within 6 months"

NEVER_GIVEN = adult(condition("mds", 400))
GIVEN = adult(condition("mds", 400), medication("hypomethylating_agent", 60))

# (why, line, record, outcome)
OUTCOMES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("never given a hypomethylating agent: no kind of failure of it can hold", HMA_FAILURE, NEVER_GIVEN, NOT_MET),
    ("given one: which failure it was is a person's", HMA_FAILURE, GIVEN, UNKNOWN),
    ("'must have failed X' alone asks X, and leaves the failure to a person", "Subjects must have failed hypomethylating therapy", NEVER_GIVEN,
     NOT_MET),
    ("... met only as far as the record goes", "Subjects must have failed hypomethylating therapy", GIVEN, UNKNOWN),
    ("'failed to achieve' asks no therapy: an MDS without refractoriness fails the status", "failed to achieve remission after chemotherapy",
     NEVER_GIVEN, NOT_MET),
    ("a status the alternatives define is not asked beside them: the definition asks nothing of a patient without the status",
     REFRACTORY_DEFINED, NEVER_GIVEN, MET),
]


@pytest.mark.parametrize(("why", "text", "facts", "expected"), OUTCOMES, ids=[f"{i}-{o[0][:50]}" for i, o in enumerate(OUTCOMES)])
def test_a_failed_therapy_line_decides_as_the_text_means(why: str, text: str, facts: PatientFacts, expected: Outcome) -> None:
    got = evaluate(parse_line(text, INC), facts, AS_OF)
    assert got.outcome is expected, f"{why}: got {got.outcome} ({got.reason})"
