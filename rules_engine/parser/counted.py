"""Lines that count their alternatives: "At least 2 of the following adverse prognostic factors:
Age >= 70 years; or AHD; or ECOG 2; or ...", "poor-risk features as defined by having 3 or more of
the following characteristics:", "No more than 1 of the following toxicities:".

Read as all of the alternatives, a patient with two of four failed the line; read as any one, a
patient with one passed it. The count is asked as it is written: any N of them holding together
(``at_least``), which in three-valued logic is met when N are met, not met when fewer than N could
be, and unknown otherwise - the count a person makes.
"""

from __future__ import annotations

import re
from itertools import combinations

from rules_engine.criteria import All, Any_, Expr, Not

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_N = r"(?:[1-5]|one|two|three|four|five)"

# the count a line or heading asks of what it lists; "more than one" is at least two and "no more
# than one" at most one. A count of therapy lines or courses ("at least 2 prior lines of
# chemotherapy") lists nothing and is not matched: the list must follow ("of the following", "of
# these", "of the below").
COUNT_OF_LIST = re.compile(
    r"(?:(?:\b(?:no|not)\s+more\s+than|\bat\s+most|≤)\s*(?P<most>" + _N + r")"
    r"|(?:\bat\s+least|≥|>=|\ba\s+minimum\s+of|\bany)\s*(?P<least>" + _N + r")"
    r"|(?P<more>" + _N + r")\s+or\s+more"
    r"|(?<!no\s)(?<!not\s)\bmore\s+than\s+(?P<over>one|1))\b"
    r"(?=(?:\s+[\w/()-]+){0,4}?\s+(?:of\s+(?:the\s+)?(?:following|these|below|above)|to\s+be\s+eligible)\b)",
    re.I,
)
# the headings hold11 read first: "Conditions that increase treatment related mortality (need more
# than one to be eligible):"
_NEED_MORE_THAN_ONE = re.compile(r"\bneed\s+more\s+than\s+(?:one|1)\s+to\s+be\s+eligible\b", re.I)

# the most alternatives a count is written out for (each group of them: 120 pairs at 16)
ALTERNATIVES_AT_MOST = 16
_GROUPS_AT_MOST = 200


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def count_asked(text: str) -> tuple[int, bool] | None:
    """(N, at most): what the text asks of its list - at least N of them, or (at most) no more
    than N; None when it counts nothing, or only one (one of the list is the plain alternatives
    the callers read already)."""
    m = COUNT_OF_LIST.search(text)
    if m is None:
        return (2, False) if _NEED_MORE_THAN_ONE.search(text) else None
    if m.group("most"):
        return _number(m.group("most")), True
    n = 2 if m.group("over") else _number(m.group("least") or m.group("more"))
    return None if n < 2 else (n, False)


def at_least(n: int, parts: list[Expr]) -> Expr | None:
    """Any ``n`` of ``parts`` holding together; None when the list cannot hold ``n`` or is too long
    to write out (a person counts it: the caller leaves the line as it was)."""
    if n < 1 or len(parts) < n or len(parts) > ALTERNATIVES_AT_MOST:
        return None
    if n == 1:
        return parts[0] if len(parts) == 1 else Any_(tuple(parts))
    if n == len(parts):
        return All(tuple(parts))
    groups = list(combinations(parts, n))
    if len(groups) > _GROUPS_AT_MOST:
        return None
    return Any_(tuple(All(g) for g in groups))


def counted(asked: tuple[int, bool], parts: list[Expr]) -> Expr | None:
    """The count ``count_asked`` read, over ``parts``: at least N, or no more than N (that is,
    not N + 1 of them)."""
    n, at_most = asked
    if not at_most:
        return at_least(n, parts)
    if n + 1 > len(parts):
        return None  # "no more than 3 of these 3" asks nothing; left as the caller read it
    over = at_least(n + 1, parts)
    return None if over is None else Not(over)


# the items of a list written into the line after its count: lettered "(a) ... (b) ...", or cut at
# semicolons outside brackets, an "or" / "and" after the semicolon dropped
_LETTER = re.compile(r"\(\s*[a-h]\s*\)\s*")
_JOINER = re.compile(r"\s*(?:or|and)\s+", re.I)
_TITLE_AT_MOST = 90


def listed(text: str) -> tuple[str, tuple[int, bool], list[str]] | None:
    """(the words before the count, the count, the items) of a line that counts a list it writes
    out after a colon ("At least 2 of the following adverse prognostic factors: Age >= 70 years; or
    AHD; or ..."); None for any other line, and for a list cut no way this reads (commas: a comma
    also separates an item's own words, "intermediate, or unfavorable karyotype")."""
    m = COUNT_OF_LIST.search(text)
    asked = count_asked(text) if m is not None else None
    if m is None or asked is None:
        return None
    colon = text.find(":", m.end())
    if colon < 0 or colon - m.end() > _TITLE_AT_MOST or ";" in text[m.end(): colon]:
        return None
    rest = text[colon + 1:]
    letters = list(_LETTER.finditer(rest))
    if len(letters) >= 2 and not rest[: letters[0].start()].strip():
        bounds = [x.start() for x in letters] + [len(rest)]
        items = [rest[letters[i].end(): bounds[i + 1]] for i in range(len(letters))]
    else:
        items, depth, start = [], 0, 0
        for i, ch in enumerate(rest):
            depth = depth + 1 if ch in "([" else max(depth - 1, 0) if ch in ")]" else depth
            if ch == ";" and depth == 0:
                items.append(rest[start:i])
                start = i + 1
        items.append(rest[start:])
        items = [_JOINER.sub("", x, count=1) if _JOINER.match(x) else x for x in items]
    items = [x.strip(" ,;.") for x in items]
    if len(items) < 2 or any(not re.search(r"[A-Za-z]{2}", x) for x in items):
        return None
    return text[: m.start()].strip(" ,;:"), asked, items
