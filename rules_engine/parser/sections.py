"""Split a registry's eligibility text into criterion lines, keeping headings as parents.

Two layouts are handled (and text with no headings at all):

* ClinicalTrials.gov markdown: "Inclusion Criteria:" / "Exclusion Criteria:" headings, ``*`` /
  ``-`` bullets, nested bullets by indentation, numbered items ("1." "1)" "(1)" "a)"), and
  indented continuation paragraphs ("NOTE: ...") that belong to the item above them;
* the older indented layout: "DISEASE CHARACTERISTICS:" / "PATIENT CHARACTERISTICS:" / "PRIOR
  CONCURRENT THERAPY:" section headings, "Age:" / "Performance status:" sub-headings, ``-`` items
  with wrapped continuation lines, and its flowed variant where the sub-headings run inline
  ("PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ...").

The type headings ("Inclusion Criteria:") only switch the type; every other heading becomes a
line of its own that later lines name as ``parent``: headings are never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rules_engine.criteria import CriterionType


@dataclass(frozen=True)
class ParsedLine:
    """One line of eligibility text in source order.

    ``parent`` is the index (in the same list) of the heading it is nested under; ``heading`` is
    True for a line that other lines name as their parent; ``source_line`` is the 1-based line
    number of its first physical line; ``type_assumed`` is True when the text gave no
    inclusion/exclusion heading above it and the line was taken as inclusion.
    """

    type: CriterionType
    text: str
    parent: int | None = None
    source_line: int | None = None
    heading: bool = False
    type_assumed: bool = False


_TYPE_HEADING = re.compile(
    r"""^[\W_]*(?:(?:key|main|major|general|specific|additional|other)\s+)?
        (?P<kind>inclusion|exclusion|eligibility|ineligibility)
        (?:\s+criteria|\s+criterion)?(?:\s*\([^)]{0,40}\))?\s*[:.]?[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SECTION_HEADING = re.compile(r"^(?P<head>[A-Z][A-Z /&,()'-]{3,60}):\s*(?P<rest>.*)$")
_BULLET = re.compile(
    r"""^(?P<indent>\s*)
        (?P<marker>[*\-•·▪◦●○+]|o(?=\s)|\d{1,2}\\?[.)](?!\d)|\(\d{1,2}\)|[a-zA-Z]\)|[a-h]\.(?=\s)|[ivx]{1,4}[.)](?=\s))
        \s*(?P<text>.*)$""",
    re.VERBOSE,
)
_SUBHEADING_WORDS = (
    "Age|Sex|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hematologic|"
    "Hepatic|Renal|Cardiovascular|Cardiac|Pulmonary|Neurologic|Gastrointestinal|Immunologic|"
    "Metabolic|Other|Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery|"
    "Hormone receptor status|Prior therapy|Concurrent therapy"
)
_INLINE_SUBHEADING = re.compile(rf"(?<![\w-])(?:{_SUBHEADING_WORDS}):\s+")
_SUBHEADING_LINE = re.compile(rf"^(?:{_SUBHEADING_WORDS}):\s*(?P<rest>.*)$")
_ALL_CAPS_HEADINGS = re.compile(
    r"\b(DISEASE CHARACTERISTICS|PATIENT CHARACTERISTICS|PRIOR CONCURRENT THERAPY):\s*"
)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~^|])")


def _clean(text: str) -> str:
    text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t"))


@dataclass
class _Item:
    type: CriterionType
    parts: list[str]
    indent: int
    level: int  # 0 section heading, 1 sub-heading, 2 item
    source_line: int
    parent: int | None = None
    heading: bool = False
    type_assumed: bool = False
    open: bool = True  # may still take continuation text


def split_criteria(text: str) -> list[ParsedLine]:
    """Split eligibility text into lines with their type, parent heading and source line."""
    items: list[_Item] = []
    ctype = CriterionType.INCLUSION
    typed = False
    section: int | None = None  # index of the current level-0 heading
    subsection: int | None = None  # index of the current level-1 heading
    stack: list[int] = []  # open bullet items, by indent
    pending_bullet: int | None = None  # an empty bullet marker ("-" alone on its line)
    blank_before = False

    def add(parts: str, indent: int, level: int, line_no: int) -> int:
        nonlocal stack
        if level == 0:
            parent = None
        elif level == 1:
            parent = section
        else:
            while stack and items[stack[-1]].indent >= indent:
                stack.pop()
            parent = stack[-1] if stack else (subsection if subsection is not None else section)
        items.append(_Item(ctype, [parts], indent, level, line_no, parent, type_assumed=not typed))
        index = len(items) - 1
        if parent is not None:
            items[parent].heading = True
        if level == 2:
            stack.append(index)
        return index

    def add_flowed(body: str, indent: int, line_no: int) -> None:
        """Text after a section heading in the flowed layout: split at inline sub-headings."""
        nonlocal subsection, stack
        pieces = _INLINE_SUBHEADING.split(body)
        heads = _INLINE_SUBHEADING.findall(body)
        if pieces[0].strip():
            add(pieces[0].strip(), indent + 1, 2, line_no)
        for head, piece in zip(heads, pieces[1:]):
            stack = []
            subsection = add(head.strip(), indent, 1, line_no)
            if piece.strip():
                add(piece.strip(), indent + 1, 2, line_no)

    for number, raw in _physical_lines(text):
        if not raw.strip():
            blank_before = True
            continue
        indent = _indent(raw)
        stripped = _clean(raw)
        was_blank, blank_before = blank_before, False
        if not stripped:
            continue
        heading_match = _TYPE_HEADING.match(stripped)
        if heading_match is None:
            bullet = _BULLET.match(raw.replace("\\", "") if raw.lstrip().startswith(("\\", "*", "-")) else raw)
            if bullet is not None:
                heading_match = _TYPE_HEADING.match(_clean(bullet.group("text")))
        if heading_match is not None:
            kind = heading_match.group("kind").lower()
            ctype = CriterionType.EXCLUSION if kind in ("exclusion", "ineligibility") else CriterionType.INCLUSION
            typed = True
            stack = []
            if section is None:
                subsection = None
            # a type heading nested in a section ("DISEASE CHARACTERISTICS:" / "Inclusion
            # criteria:") keeps the section as parent of what follows
            subsection = None
            pending_bullet = None
            continue
        section_match = _ALL_CAPS_HEADINGS.match(stripped) or (
            _SECTION_HEADING.match(stripped) if stripped.endswith(":") and stripped.isupper() else None
        )
        if section_match is not None and not _BULLET.match(raw):
            stack = []
            subsection = None
            ctype = CriterionType.INCLUSION  # each section starts over; its own headings switch
            head = stripped[: section_match.end()].strip()
            rest = stripped[section_match.end():].strip()
            section = add(head, indent, 0, number)
            if rest:
                add_flowed(rest, indent, number)
            pending_bullet = None
            continue
        sub_match = _SUBHEADING_LINE.match(stripped)
        if sub_match is not None and not _BULLET.match(raw) and section is not None:
            stack = []
            rest = sub_match.group("rest")
            if rest and _INLINE_SUBHEADING.search(rest):
                add_flowed(stripped, indent, number)
            else:
                head = stripped[: len(stripped) - len(rest)].strip() if rest else stripped
                subsection = add(head, indent, 1, number)
                if rest:
                    add(rest, indent + 1, 2, number)
            pending_bullet = None
            continue
        bullet = _BULLET.match(raw)
        if bullet is not None and not _looks_like_number(bullet, raw):
            body = _clean(bullet.group("text"))
            if not body:
                pending_bullet = len(bullet.group("indent"))
                continue
            add(body, len(bullet.group("indent")), 2, number)
            pending_bullet = None
            continue
        # plain text line
        if pending_bullet is not None:
            add(stripped, pending_bullet, 2, number)
            pending_bullet = None
            continue
        last = items[-1] if items else None
        if last is not None and last.level == 2 and (indent > last.indent or not was_blank):
            if not (stripped.endswith(":") and was_blank):
                last.parts.append(stripped)
                continue
        if stripped.endswith(":") and len(stripped) <= 120:
            stack = []
            level = 1 if section is not None else 2
            index = add(stripped, indent, level, number)
            if level == 1:
                subsection = index
            else:
                # a plain-text heading ("Adequate organ function, defined as:"): what follows at
                # the same indent or deeper is nested under it
                items[index].indent = indent - 1
            continue
        add(stripped, indent, 2, number)

    return [
        ParsedLine(
            type=item.type,
            text=" ".join(item.parts),
            parent=item.parent,
            source_line=item.source_line,
            heading=item.heading,
            type_assumed=item.type_assumed,
        )
        for item in items
    ]


def _physical_lines(text: str) -> list[tuple[int, str]]:
    """Source lines with their numbers; a flowed paragraph (a section heading with its text run
    on over wrapped lines, no bullets) is joined into one line so its inline sub-headings split."""
    raw_lines = text.splitlines()
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(raw_lines):
        raw = raw_lines[i]
        stripped = raw.strip()
        if _ALL_CAPS_HEADINGS.match(stripped) and _ALL_CAPS_HEADINGS.sub("", stripped, count=1).strip():
            joined = [raw.rstrip()]
            j = i + 1
            while j < len(raw_lines) and raw_lines[j].strip() and not _BULLET.match(raw_lines[j]):
                joined.append(raw_lines[j].strip())
                j += 1
            out.append((i + 1, " ".join(joined)))
            i = j
            continue
        out.append((i + 1, raw))
        i += 1
    return out


_NUMBERISH = re.compile(r"^\s*\d{1,2}[.)]\d")


def _looks_like_number(bullet: re.Match[str], raw: str) -> bool:
    """"1.5 x ULN" at the start of a wrapped line is a number, not an item marker."""
    return bool(_NUMBERISH.match(raw))
