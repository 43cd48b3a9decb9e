"""A standing condition is present every day its record stays active (rules_engine.standing;
issue 14, rx5; holdout T315-vwd).

"... bleeding diathesis, and/or coagulopathy in the 6 months prior to screening": a von
Willebrand disease coded years ago and still active was dated by its onset, so the window was
not met and the patient was not excluded. A coagulation defect is a state: while active it is
present in any window reaching the evaluation day. An episode keeps its onset date: a record the
same resource codes as disseminated intravascular coagulation, an acute event (MI, stroke,
thrombosis, bleed), and any inactive record. Both evaluation paths agree (``decide``).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from rules_engine.criteria import Op, Predicate, Window
from rules_engine.facts import Event
from rules_engine.outcome import Outcome
from tests.fixtures.records import AS_OF, Part, condition, record
from tests.rules_engine.conftest import decide


def within(concept: str, months: int = 6) -> Predicate:
    return Predicate(concept, Op.WITHIN, window=Window(months, "months"))


def coded(*concepts: str, days_ago: int, active: bool = True, source: str = "c1") -> tuple[Part, ...]:
    """One Condition resource read as each of ``concepts`` (as the intake writes a code that two
    table rows read)."""
    return tuple(Part(event=Event(c, AS_OF - timedelta(days=days_ago), active, {}, source)) for c in concepts)


@pytest.mark.parametrize("pred,facts,expected", [
    (within("bleeding_diathesis"), record(condition("bleeding_diathesis", 3000)), Outcome.MET),  # lifelong, still active
    (within("bleeding_diathesis"), record(condition("bleeding_diathesis", 3000, active=False)), Outcome.NOT_MET),  # resolved: its onset
    (within("bleeding_diathesis"), record(condition("bleeding_diathesis", 30)), Outcome.MET),
    (within("bleeding_diathesis"), record(), Outcome.NOT_MET),
    (within("bleeding_diathesis"), record(*coded("bleeding_diathesis", "dic", days_ago=3000)), Outcome.NOT_MET),  # an episode: its onset
    (within("dic"), record(*coded("bleeding_diathesis", "dic", days_ago=3000)), Outcome.NOT_MET),
    (within("bleeding_diathesis"), record(*coded("bleeding_diathesis", days_ago=3000, source="c2"), *coded("dic", days_ago=3000)), Outcome.MET),
    (within("myocardial_infarction"), record(condition("myocardial_infarction", 3000)), Outcome.NOT_MET),  # acute events keep their day
    (within("stroke"), record(condition("stroke", 3000)), Outcome.NOT_MET),
    (within("thromboembolism"), record(condition("thromboembolism", 3000)), Outcome.NOT_MET),
    (within("hemorrhage"), record(condition("hemorrhage", 3000)), Outcome.NOT_MET),
    (Predicate("bleeding_diathesis", Op.NOT_WITHIN, window=Window(6, "months")), record(condition("bleeding_diathesis", 3000)), Outcome.NOT_MET),
], ids=["vwd-active", "resolved", "recent", "none", "dic-episode", "dic-itself", "other-resource", "mi", "stroke", "thrombosis", "bleed",
        "not-within"])
def test_an_active_standing_condition_is_inside_any_window_an_episode_keeps_its_day(pred, facts, expected):
    assert decide(pred, facts, AS_OF).outcome is expected
