"""What an evaluation returns: the contract's outcome words, per criterion and per trial."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
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

    @cached_property
    def verdict_text(self) -> str:
        """Outcome, review (1 or 0) and reason joined by NUL: what a stored verdict's digest is
        made of (``matcher.results.digests``). Kept on the object, as the object is immutable:
        the engine hands one object for a line repeated across trials and reuses it for patients
        judged alike (``assemble.LineTable.last``), so most lines are joined once per process
        rather than once per trial and patient."""
        return "\0".join((self.outcome.value, "1" if self.review else "0", self.reason))

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

    @cached_property
    def changes_on(self) -> date | None:
        """Found once per outcome (its criteria never change): storing a job's ~850 results read
        it twice each, ~28,000 lines walked per read."""
        return min((c.changes_on for c in self.criteria if c.changes_on is not None), default=None)
