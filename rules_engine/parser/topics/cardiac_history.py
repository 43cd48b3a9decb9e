"""A phrase of the cardiac-history lists the corpus copies from trial to trial (the sorafenib
family's "Cardiac disease: Congestive heart failure > class II NYHA. Patients must not have
unstable angina (anginal symptoms at rest) or new onset angina (began within the last 3
months) ..."; ~15 corpus lines): "(anginal symptoms at rest)" after an unstable angina defines
it (angina at rest is unstable angina by definition, which the line asks already) and asks
nothing more. Left, it was an unread alternative that kept the whole line unknown for every
patient, one with no heart disease on record too.

(The same family's "coronary/peripheral artery bypass graft" is left unread: the list's window,
"Any of the following within 6 months prior to ...:", reaches only its first item, so a bypass
read there would be asked ever, and a graft of years ago would exclude.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.parser.items import I, Item

_AT_REST = re.compile(r"\(\s*(?:i\.?\s?e\.?\s*,?\s*)?anginal\s+symptoms\s+at\s+rest\s*\)", I)


def cardiac_history_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    """The unstable angina's bracketed definition, consumed: no requirement of its own."""
    return [Item(m.start(), m.end(), None, frozenset()) for m in _AT_REST.finditer(text) if free(m.start(), m.end())]
