"""The language's words and limits, and ``Rule``: one line as it reads. Every other module
takes its spellings from here, so the grammar, the renderer and the document cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass

from ..criteria import Expr, Op, ReviewReason

MAX_LENGTH = 20_000  # characters; the longest line the corpus renders to is a third of this (6,547)
MAX_DEPTH = 40  # nested groups and negations; the corpus nests at most 10 deep

COMPARISONS = {">=": Op.GTE, "<=": Op.LTE, ">": Op.GT, "<": Op.LT, "=": Op.EQ, "!=": Op.NEQ}
COMPARISON_OF = {op: word for word, op in COMPARISONS.items()}
# typographic spellings a pasted registry line carries; rendered back in ASCII
COMPARISON_ALIASES = {"≥": ">=", "≤": "<=", "≠": "!=", "==": "="}

# review reasons in the language; a bare ``review "..."`` is the investigator's judgement
REASON_WORDS = {
    "judgement": ReviewReason.JUDGEMENT,
    "consent": ReviewReason.CONSENT,
    "unsupported": ReviewReason.UNSUPPORTED_CONCEPT,
    "ambiguous": ReviewReason.AMBIGUOUS,
    "unparsed": ReviewReason.UNPARSED,
}
REASON_WORD = {reason: word for word, reason in REASON_WORDS.items()}
DEFAULT_REASON = ReviewReason.JUDGEMENT

# window units (the model's words) and their singular spellings
WINDOW_UNITS = ("days", "weeks", "months", "years")
WINDOW_WORD = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months",
                "months": "months", "year": "years", "years": "years"}
# UCUM time units written as words after a number ("age >= 18 years")
TIME_UNIT_WORDS = {"years": "a", "months": "mo", "weeks": "wk", "days": "d"}
TIME_UNIT_CODE = {"year": "a", "years": "a", "month": "mo", "months": "mo", "week": "wk", "weeks": "wk",
                   "day": "d", "days": "d"}

KEYWORDS = (
    "if", "and", "or", "not", "no", "is", "in", "between", "exclusive", "within", "other", "than",
    "x", "uln", "review", "requirement", *REASON_WORDS, *WINDOW_WORD,
)

KEYWORD_SET = frozenset(KEYWORDS)


@dataclass(frozen=True)
class Rule:
    """One line in the language: its expression and, when it concerns only some patients, the
    condition that limits it (``Criterion.applies_if``)."""

    expr: Expr
    applies_if: Expr | None = None

