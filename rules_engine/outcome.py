"""What an evaluation returns: the contract's outcome words, per criterion and per trial."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Eligibility(StrEnum):
    ELIGIBLE = "eligible"
    POSSIBLY_ELIGIBLE = "possibly_eligible"
    INELIGIBLE = "ineligible"


ELIGIBILITY_RANK = {Eligibility.ELIGIBLE: 0, Eligibility.POSSIBLY_ELIGIBLE: 1, Eligibility.INELIGIBLE: 2}


@dataclass(frozen=True)
class CriterionOutcome:
    """One criterion's verdict. ``concepts`` names the data items that decided it, or would
    have (the missing-data worklist groups unknowns by them). ``changes_on`` is the date on
    which the outcome would change with time alone (a washout ending, a birthday), if any."""

    index: int
    type: str
    text: str
    outcome: Outcome
    review: bool
    reason: str
    concepts: tuple[str, ...] = ()
    changes_on: date | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "outcome": str(self.outcome),
            "review": self.review,
            "reason": self.reason,
        }
        return data


@dataclass(frozen=True)
class TrialOutcome:
    trial_id: str
    version: int
    eligibility: Eligibility
    score: float
    criteria: tuple[CriterionOutcome, ...] = field(default_factory=tuple)
    error: str | None = None

    @property
    def changes_on(self) -> date | None:
        dates = [c.changes_on for c in self.criteria if c.changes_on is not None]
        return min(dates) if dates else None
