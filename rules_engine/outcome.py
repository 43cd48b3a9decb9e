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
    def verdict_bytes(self) -> bytes:
        """Outcome, review (1 or 0) and reason joined by NUL, in UTF-8: what a stored verdict's
        digest is made of (``matcher.results.digests``). Kept on the object, as the object is
        immutable: the engine hands one object for a line repeated across trials and reuses it
        for patients judged alike (``assemble.LineTable.last``), so most lines are joined and
        encoded once per process rather than once per trial and patient. Bytes, not text: every
        verdict's text holds a character beyond Latin-1 ("≥"), so joining text pieces of mixed
        widths and encoding the 2.5 MB a patient's ~1,000 verdicts make took ~7 of the ~30 ms
        of digesting them that joining the bytes saves (bench/e2e.py's 1,000 trials)."""
        return "\0".join((self.outcome.value, "1" if self.review else "0", self.reason)).encode()

    @cached_property
    def code(self) -> str:
        """The line's character in a stored result (``matcher.results.compact``): ``m`` met, ``n``
        not met, ``u`` unknown, upper case when left to review. Kept on the object for the same
        reason as ``verdict_bytes``: a job encodes ~24,000 lines of ~8,000 objects."""
        letter = self.outcome.value[0]
        return letter.upper() if self.review else letter

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


def with_changes_on(outcome: TrialOutcome, day: date | None) -> TrialOutcome:
    """``outcome`` with its ``changes_on`` already known: the caller found it from the lines that
    can carry one (``assemble.assemble_many``, from each trial's timed lines), so it is not
    walked again from every line. It must be the walk's answer (``min`` of the lines' dates):
    set once, as ``cached_property`` itself would set it, before anyone read it."""
    assert "changes_on" not in outcome.__dict__, "changes_on was read before it was set"
    outcome.__dict__["changes_on"] = day
    return outcome
