"""A result's line outcomes as one short string: one character per criterion position.

``m`` met, ``n`` not met, ``u`` unknown; upper case when the line is left to review. A trial of
28 lines costs 29 bytes in the row instead of 28 criterion rows (~6 KB with their indexes), yet
the queue and the curation pages can still count and filter lines by outcome: a character is
read by position, and ``u`` (unknown, not review) is what the worklists look for. The engine's
outcomes are stored, before any coordinator override; overrides are applied where they are read
(``effective``) and in the eligibility, score and unknown count the row stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import attrgetter

from rules_engine.outcome import CriterionOutcome, Outcome, TrialOutcome

_CODE = {Outcome.MET: "m", Outcome.NOT_MET: "n", Outcome.UNKNOWN: "u"}
_OUTCOME = {code: outcome for outcome, code in _CODE.items()}
# the code of an overridden line: an override sets met or not met and ends review
_OVERRIDE_CODE = {"met": "m", "not_met": "n"}
_CODE_OF_LINE = attrgetter("code")


def encode(criteria: Iterable[CriterionOutcome]) -> str:
    """The codes of ``criteria``, each as ``encode_one`` gives it, read off each line object
    (``CriterionOutcome.code``, kept on it): a new patient's job encodes ~850 results' ~24,000
    lines of ~8,000 objects, and a generator calling ``encode_one`` per line was ~8 ms of its
    ~105 ms of CPU (cProfile, bench/e2e.py's 1,000 trials, in-process); measured on 1,000
    trials of 28 lines, 8.7 -> 2.6 ms. ``encode_plain`` is the reference a test compares it with."""
    return "".join(map(_CODE_OF_LINE, criteria))


def encode_outcome(outcome: TrialOutcome) -> str:
    """``encode(outcome.criteria)`` as the outcome keeps it (``TrialOutcome.codes``): the engine
    gathers a patient's outcomes' codes by slot (``assemble.assemble_many``) rather than reading
    ~20,000 line objects again; ``tests/rules_engine/test_line_table.py`` pins the two."""
    return outcome.codes


def encode_plain(criteria: Iterable[CriterionOutcome]) -> str:
    return "".join(encode_one(c.outcome, c.review) for c in criteria)


def encode_one(outcome: Outcome, review: bool) -> str:
    return _CODE[outcome].upper() if review else _CODE[outcome]


def decode_one(code: str) -> tuple[Outcome, bool]:
    """(outcome, review) of one line's character."""
    return _OUTCOME[code.lower()], code.isupper()


def decode(codes: str) -> list[tuple[Outcome, bool]]:
    return [decode_one(code) for code in codes]


def effective(codes: str, overridden: Mapping[int, str]) -> str:
    """The codes with each overridden line (0-based position -> "met" / "not_met") set as the
    coordinator said: what a reader of outcomes sees, as the stored eligibility does."""
    if not overridden:
        return codes
    found = list(codes)
    for index, outcome in overridden.items():
        if 0 <= index < len(found):
            found[index] = _OVERRIDE_CODE[outcome]
    return "".join(found)


def is_against(ctype: str, code: str) -> bool:
    """A line that rules the patient out: an exclusion met, an inclusion not met."""
    return code.lower() == ("m" if ctype == "exclusion" else "n")
