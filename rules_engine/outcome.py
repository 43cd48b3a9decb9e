"""What an evaluation returns: the contract's outcome words, per criterion and per trial."""

from __future__ import annotations

import hashlib
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
        return self._verdict_text().encode()

    def _verdict_text(self) -> str:
        return "\0".join((self.outcome.value, "1" if self.review else "0", self.reason))

    @cached_property
    def verdict_md5(self) -> bytes:
        """The first 8 bytes of the MD5 of ``verdict_bytes``: the line's part in a stored verdict's
        digest (``matcher.results.digests``, the ``.`` format). The text itself is not kept (only
        rows stored in the older format read ``verdict_bytes``). Kept on the object, as ``code``
        is, so a line repeated across trials and patients is hashed once, and a trial's digest
        hashes its lines' 8 bytes each (~220 bytes) instead of their whole text (~3 KB)."""
        return hashlib.md5(self._verdict_text().encode()).digest()[:8]

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

    @cached_property
    def lines_md5(self) -> bytes:
        """Each line's ``verdict_md5``, in order, joined: the lines' part of a stored verdict's
        digest (``matcher.results.digests``). ``assemble.assemble_many`` gathers it by slot
        (``with_lines``): reading each line object of ~700 results again, scattered in memory,
        cost ~4 us a result (loaded machine), ~3 ms of a new patient's job."""
        return b"".join([c.verdict_md5 for c in self.criteria])

    @cached_property
    def codes(self) -> str:
        """Each line's ``code``, in order: the stored result's outcomes column
        (``matcher.results.compact.encode``), gathered by slot as ``lines_md5`` is."""
        return "".join([c.code for c in self.criteria])


def with_lines(outcome: TrialOutcome, lines_md5: bytes, codes: str) -> TrialOutcome:
    """``outcome`` with ``lines_md5`` and ``codes`` already known: the caller gathered them from
    its lines' own (``assemble.assemble_many``, by slot), so no line object is read again. They
    must be what the properties would give; set before anyone read them."""
    assert "lines_md5" not in outcome.__dict__ and "codes" not in outcome.__dict__, "read before they were set"
    outcome.__dict__["lines_md5"] = lines_md5
    outcome.__dict__["codes"] = codes
    return outcome


def with_changes_on(outcome: TrialOutcome, day: date | None) -> TrialOutcome:
    """``outcome`` with its ``changes_on`` already known: the caller found it from the lines that
    can carry one (``assemble.assemble_many``, from each trial's timed lines), so it is not
    walked again from every line. It must be the walk's answer (``min`` of the lines' dates):
    set once, as ``cached_property`` itself would set it, before anyone read it."""
    assert "changes_on" not in outcome.__dict__, "changes_on was read before it was set"
    outcome.__dict__["changes_on"] = day
    return outcome


_new = object.__new__
_set = object.__setattr__


def laid_outcome(
    trial_id: str,
    version: int,
    eligibility: Eligibility,
    score: float,
    criteria: tuple[CriterionOutcome, ...],
    lines_md5: bytes,
    codes: str,
    changes_on: date | None,
) -> TrialOutcome:
    """``with_changes_on(with_lines(TrialOutcome(trial_id, version, eligibility, score, criteria),
    lines_md5, codes), changes_on)``, its fields set as one dict: the frozen data class's
    ``__init__`` sets each field through ``object.__setattr__``, and the two helpers check and set
    theirs after it. Measured (timeit, machine under load): 11.0 -> 4.4 us an outcome, ~4.5 ms of
    a new patient's job at ~690 candidate trials (``assemble.assemble_many`` builds one per
    trial). The same promises as the helpers': ``lines_md5``, ``codes`` and ``changes_on`` are
    what the properties would give. ``tests/rules_engine/test_line_table.py`` pins it to them."""
    outcome = _new(TrialOutcome)
    _set(
        outcome,
        "__dict__",
        {
            "trial_id": trial_id,
            "version": version,
            "eligibility": eligibility,
            "score": score,
            "criteria": criteria,
            "error": None,
            "lines_md5": lines_md5,
            "codes": codes,
            "changes_on": changes_on,
        },
    )
    return outcome
