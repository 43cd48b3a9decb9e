"""Numbers written as words ("under twenty-one", "eighteen years or older", "two times ULN").

Only a number word that a measure follows (years, months, weeks, days, times, x, fold, ULN,
percent) or that a bound precedes (under, over, aged, than, at least, ...) is rewritten: "one of
the following" and "two prior regimens" keep their words. One alternation of whole words, no
nested repetition: linear in the text's length.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNIT_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(_TENS)
_NUMBER_WORD = rf"(?:(?:{_TENS_WORD})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one\s+)?hundred|{_UNIT_WORD})"
_AFTER = r"(?=\s*(?:\(\s*\d+\s*\)\s*)?(?:years?|yrs?|months?|weeks?|days?|hours?|times|fold|x\b|×|ULN\b|percent\b|%|or\s+(?:older|younger|more|less|above|over|greater)))"
_BEFORE = r"(?:under|over|aged|age|than|least|above|below|exceed|exceeding|between|and|to)"
_SPELLED = re.compile(rf"\b(?:(?P<pre>{_BEFORE})\s+(?P<a>{_NUMBER_WORD})\b(?!\s+of\b)(?!-)|(?P<b>{_NUMBER_WORD})\b(?!-){_AFTER})", re.I)


# substrings one of which every number word but "one" contains ("one" hides in "bone", "none")
_CHEAP = ("zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
          "thirty", "forty", "fifty", "ninety", "hundred")
_ONE = re.compile(r"\bone\s+(?:years?|months?|weeks?|days?|hours?|times|fold|hundred)\b")


def _value(word: str) -> int:
    words = re.split(r"[\s-]+", word.lower())
    if words[-1] == "hundred":
        return 100
    total = 0
    for w in words:
        total += _TENS.get(w, _UNITS.get(w, 0))
    return total


def spell_numbers(text: str) -> str:
    """``text`` with each number word that states a measure or a bound written in digits; a
    number word followed by its digits ("eighteen (18) years") keeps the digits only."""
    low = text.lower()
    if not any(w in low for w in _CHEAP) and not ("one" in low and _ONE.search(low)):
        return text  # the common case, decided by substring tests alone
    if not _SPELLED.search(text):
        return text

    def repl(m: re.Match[str]) -> str:
        if m.group("a"):
            return f"{m.group('pre')} {_value(m.group('a'))}"
        return str(_value(m.group("b")))

    out = _SPELLED.sub(repl, text)
    return re.sub(r"\b(\d{1,3})\s*\(\s*\1\s*\)", r"\1", out)
