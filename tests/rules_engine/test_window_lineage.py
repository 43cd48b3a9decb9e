"""A window asked of a concept whose record names only its parent: a stem cell transplant of
unrecorded type 30 days ago may have been the allogeneic one "No allogeneic HSCT within 100
days" excludes, so the line is open (unknown), never "no record". Hospitals code the generic
transplant often (ICD-10-CM Z94.84, SNOMED's "hemopoietic stem cell transplant"). Only parents
whose subtypes are exhaustive count (a transplant is allogeneic or autologous), as for a
presence (derive.lineage_unknown); both evaluation paths agree, and the reason says why."""

from __future__ import annotations

import pytest

from rules_engine.criteria import Op, Predicate, Window
from rules_engine.outcome import Outcome
from tests.fixtures.records import AS_OF, procedure, record
from tests.rules_engine.conftest import decide

ALLO_IN_100_DAYS = Predicate("allo_hsct", Op.WITHIN, window=Window(100, "days"))
NO_ALLO_IN_100_DAYS = Predicate("allo_hsct", Op.NOT_WITHIN, window=Window(100, "days"))


@pytest.mark.parametrize(
    "pred, facts, expected",
    [
        (ALLO_IN_100_DAYS, record(procedure("hsct", 30)), Outcome.UNKNOWN),  # type unrecorded, inside the window
        (NO_ALLO_IN_100_DAYS, record(procedure("hsct", 30)), Outcome.UNKNOWN),
        (ALLO_IN_100_DAYS, record(procedure("hsct", None)), Outcome.UNKNOWN),  # undated: may be inside
        (ALLO_IN_100_DAYS, record(procedure("hsct", 400)), Outcome.NOT_MET),  # outside the window whatever it was
        (ALLO_IN_100_DAYS, record(procedure("auto_hsct", 30)), Outcome.NOT_MET),  # its type is recorded: not allogeneic
        (ALLO_IN_100_DAYS, record(procedure("allo_hsct", 30)), Outcome.MET),
        (ALLO_IN_100_DAYS, record(), Outcome.NOT_MET),  # no transplant on record: absent
        # a parent whose subtypes are not exhaustive decides nothing about the child (anticancer
        # therapy is chemotherapy or much else)
        (Predicate("chemotherapy", Op.WITHIN, window=Window(4, "weeks")), record(procedure("anticancer_therapy", 14)), Outcome.NOT_MET),
        # a surgery of unrecorded size 14 days ago may be the major one; a minor procedure is no surgery
        (Predicate("major_surgery", Op.WITHIN, window=Window(4, "weeks")), record(procedure("surgery", 14)), Outcome.UNKNOWN),
        (Predicate("major_surgery", Op.WITHIN, window=Window(4, "weeks")), record(procedure("minor_surgery", 14)), Outcome.NOT_MET),
        (Predicate("surgery", Op.WITHIN, window=Window(4, "weeks")), record(procedure("minor_surgery", 14)), Outcome.NOT_MET),
    ],
    ids=["generic-inside", "generic-inside-negated", "generic-undated", "generic-outside", "auto", "allo", "none", "non-exhaustive",
         "surgery-of-unrecorded-size", "minor-procedure-no-major", "minor-procedure-no-surgery"],
)
def test_a_parent_recorded_inside_the_window_leaves_its_subtype_open(pred, facts, expected):
    assert decide(pred, facts, AS_OF).outcome is expected


def test_the_reason_names_the_parent_and_the_subtype_it_may_be():
    reason = decide(ALLO_IN_100_DAYS, record(procedure("hsct", 30)), AS_OF).reason
    assert "without its subtype: may be allogeneic" in reason and "within 100 days" in reason


def test_the_open_window_closes_with_time_alone_on_the_day_the_parent_leaves_it():
    line = decide(ALLO_IN_100_DAYS, record(procedure("hsct", 30)), AS_OF)
    assert line.changes_on is not None and (line.changes_on - AS_OF).days == 71
