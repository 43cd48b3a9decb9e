"""Split a registry's eligibility text into criterion lines: the one splitter.

Both importers (the seed pages and ClinicalTrials.gov v2 JSON) and the coverage tool call
``split_criteria``, so what is measured is what is imported. The shapes below were mined from
real registry text (the v2 API's markdown and the older ClinicalTrials.gov layout):

* **Type headings** set inclusion/exclusion in their many spellings ("Inclusion Criteria:",
  "Key Exclusion Criteria", "EXCLUSION CRITERIA:", "Exclusion:", "- Inclusion criteria",
  "Inclusion Criteria: Age >= 18" with a first criterion on the same line). A pure type heading
  is not a line; any other heading is a line that the lines under it name as ``parent``.
* **Items**: ``*`` ``-`` ``•`` ``o`` bullets, "1." "1)" "(1)" "a)" "a." "i." markers, circled
  numbers, nesting by indentation, wrapped continuation lines (deeper indent, or no blank line
  before them) joined to their item. A line ending with ":" heads the lines under it, including
  plain unbulleted lines at its own indent (one child each).
* **Alternatives**: sibling items joined by "OR" (a separator line "OR" between them, or an item
  ending with "or") are kept as one line "A OR B", so the parser reads one alternative rather
  than two conditions that must both hold.
* **Prose**: a paragraph (lines with no blank line between them) is one line; paragraphs are
  split at blank lines, never at sentences (a sentence often qualifies the one before it).
* **Escapes** of the v2 API (``\\<`` ``\\>`` ``\\=`` ``\\*`` ``\\[`` ``2\\.``) are removed; control
  characters and every Unicode space become plain spaces; "\\r\\n" and "\\r" end lines.
* **The older layout** (PDQ): "DISEASE CHARACTERISTICS:" / "PATIENT CHARACTERISTICS:" / "PRIOR
  CONCURRENT THERAPY:" sections, with "Age:" / "Performance status:" / "Hepatic:" ...
  sub-headings (colon optional) whose label stays the parent of the lines under it, so the
  parser reads "Under 80" under "Age:" as an age bound. Its flowed variant runs everything into
  one paragraph ("PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Karnofsky
  greater than 70% Hepatic: Bilirubin no greater than 2.0 mg/dL Transaminases no greater than
  2.5 times normal ..."): it is split at the labels, then at the seams where one criterion runs
  into the next (a capitalised word after a number, unit or closing bracket or after a
  lower-case content word; never after a function word such as "of", "with", "known").
* **Donor criteria**: a sub-heading naming the donor ("Donor Inclusion Criteria:", "DONOR:",
  "Donor Selection:", "Donors must meet the following criteria:", "- Donor Inclusion Criteria")
  scopes the lines under it until the next heading that is not the donor's ("Exclusion
  Criteria", "RECIPIENT:", a section). Those lines are nested under the donor heading (so the
  stored lines carry it: nothing else is needed to re-read them) and ``donor`` is True; an item
  written "DONOR: ..." is a donor line on its own. The parser makes every donor line a review
  line saying so (see ``criteria._build``): a donor's criteria are never evaluated against the
  patient's record, and are not dropped either, because the trial does require the donor.

Every regular expression here is linear: no quantified group whose repetitions can match the
same text in more than one way, and the few that classify headings only ever see the first
couple of hundred characters of a line, so a 100,000-character line or 5,000 lines split in
time proportional to their length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rules_engine.criteria import CriterionType
from rules_engine.parser.interrupting_lines import criterion_sentence
from rules_engine.parser.organ_labels import sibling_organ_labels


@dataclass(frozen=True)
class ParsedLine:
    """One line of eligibility text in source order.

    ``parent`` is the index (in the same list) of the heading it is nested under; ``heading`` is
    True for a line that other lines name as their parent; ``source_line`` is the 1-based line
    number of its first physical line; ``type_assumed`` is True when the text gave no
    inclusion/exclusion heading above it and the line was taken as inclusion; ``donor`` is True
    for a donor's criterion (and the donor heading itself).
    """

    type: CriterionType
    text: str
    parent: int | None = None
    source_line: int | None = None
    heading: bool = False
    type_assumed: bool = False
    donor: bool = False


# --- cleaning --------------------------------------------------------------------------------

# control characters (tab and newline are handled apart) and every Unicode space -> " "
_JUNK = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]"
)
# the v2 API escapes markdown punctuation: "\>", "\<", "\=", "\*", "\[", "2\."
_ESCAPE = re.compile(r"\\(?=[^\w\s])")
_HEAD = 200  # heading patterns look at this many characters of a line, never more


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _scrub(raw: str) -> str:
    return _ESCAPE.sub("", _JUNK.sub(" ", raw)).replace("\t", "    ")


def _clean(text: str) -> str:
    return " ".join(text.split())


# --- line shapes -----------------------------------------------------------------------------

_TYPE_HEADING = re.compile(
    r"""[^\w(]*
        (?:(?:[A-Z]|[IVX]{1,4})\.\s+)?  # "A. INCLUSION CRITERIA", "II. Exclusion criteria": a lettered part
        (?:(?P<role>donors?|recipients?|patients?|participants?|subjects?)(?:'s)?\s+)?
        (?:(?:key|main|major|general|specific|additional|other|study|trial)\s+)?
        (?P<kind>inclusion|exclusion|eligibility|ineligibility|exclusionary)
        (?:\s+(?P<criteria>criteria|criterion|criterias|requirements))?
        (?:\s+\([^)]{0,40}\))?
        \s*(?P<colon>:)?""",
    re.IGNORECASE | re.VERBOSE,
)
# what may follow "Inclusion/Exclusion Criteria" on a heading line with no colon: the part of the
# study it is for ("for Dose Escalation Phase", "- for Phase I"), or a parenthesis the registry
# wrapped onto the next line ("(Patients meeting any of the following criteria are ineligible for");
# its closing words are dropped with it (``_Splitter.heading_paren``)
# the exclusion heading at the end of a bullet's text, in the heading's own capitals ("... capable
# of all self-care Exclusion Criteria"; never "meets the exclusion criteria")
_SWALLOWED_EXCLUSION_HEADING = re.compile(r"(?<=[\w.)])\s+(?-i:Exclusion)\s+[Cc]riteria\s*:?\s*$")
_HEADING_QUALIFIER = re.compile(r"(?:[-\u2013]\s*)?for\s+[\w ,/&'-]{1,50}|\([^()]{1,120}")
_PDQ_SECTION = re.compile(r"(DISEASE CHARACTERISTICS|PATIENT CHARACTERISTICS|PRIOR CONCURRENT THERAPY)\s*:?\s*")
_CAPS_HEADING = re.compile(r"[A-Z][A-Z0-9 /&,()'-]{2,80}:")
_BULLET = re.compile(
    r"""(?P<indent>\ *)
        (?P<marker>[*\-•·▪◦●○■□➢►✓+]|o(?=\ )|\d{1,2}[.)、）](?!\d)|\(\d{1,2}\)|\([a-hA-H]\)|[a-zA-Z]\)
          |[a-h]\.(?=\ )|[ivx]{1,4}[.)](?=\ )|[\u2460-\u2473])
        \ *(?P<text>.*)""",
    re.VERBOSE,
)
_SUBHEADING_WORDS = (
    "Age|Sex|Gender|Menopausal status|Performance status|Life expectancy|Hematopoietic|Hematologic|"
    "Hepatic|Renal|Cardiovascular|Cardiac|Pulmonary|Neurologic|Gastrointestinal|Immunologic|"
    "Metabolic|Other|Biologic therapy|Chemotherapy|Endocrine therapy|Radiotherapy|Surgery|"
    "Hormone receptor status|Prior therapy|Concurrent therapy|Transplantation"
)
_INLINE_LABEL = re.compile(rf"(?<![\w-])(?:{_SUBHEADING_WORDS}):\s+")
_LABEL_LINE = re.compile(rf"(?:{_SUBHEADING_WORDS})(?::\s*(?P<rest>.*)|\s*$)", re.IGNORECASE)
_OR_LINE = re.compile(r"(?:[*\-•]\s*)?(?:or|and/or)\s*[.:]?", re.IGNORECASE)
_ENDS_WITH_OR = re.compile(r"(?:^|[\s,;])(?:or|OR|Or)$")
# "Or patient who still refractory to first line chemotherapy", "OR Fractional shortening at least
# 29%": the item's own first word joins it to the item before ("Or, if of childbearing potential"
# stays: the comma opens a condition, not an alternative of the line above)
_OPENS_WITH_OR = re.compile(r"(?:or|OR|Or)\s+(?!more\b|less\b|greater\b|fewer\b)")
_DONOR_HEADING = re.compile(
    r"""[^\w]*
        donors?(?:'s)?
        (?:\s+(?:inclusion|exclusion|eligibility|selection|criteria|criterion|requirements?|characteristics|evaluation
               |screening|must\s+(?:meet|fulfil|fulfill|satisfy|have|be)|the|following|these|all|of))*
        [\s.]*(?::\s*)?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TYPE_WORD = re.compile(r"\b(inclusion|exclusion)\b", re.IGNORECASE)
_DONOR_WORD = re.compile(r"\b(?:criteria|criterion|inclusion|exclusion|eligibility|selection|requirements?)\b", re.IGNORECASE)
_DONOR_ITEM = re.compile(r"[^\w]*donors?\s*:", re.IGNORECASE)
# "RECIPIENT:", "Recipient criteria:", "Patient selection": the patient's own section after a donor's
_ROLE_HEADING = re.compile(
    r"[^\w]*(?:recipients?|patients?|participants?|hosts?)(?:'s)?"
    r"(?:\s+(?:criteria|criterion|requirements?|selection|characteristics))?\s*:?\s*$",
    re.IGNORECASE,
)


def is_donor_heading(text: str) -> bool:
    """A heading that scopes a donor's criteria ("Donor Inclusion Criteria:", "DONOR:")."""
    if len(text) > 120 or _DONOR_HEADING.match(text) is None:
        return False
    # "Donor Selection", "DONOR:" are headings; "Donor" alone or "Donor available" are not
    return text.rstrip().endswith(":") or _DONOR_WORD.search(text) is not None


def is_donor_item(text: str) -> bool:
    """A line written as the donor's own ("DONOR: Age =< 60 years")."""
    return bool(_DONOR_ITEM.match(text[:_HEAD]))


def _type_heading(text: str) -> tuple[CriterionType, str | None, str] | None:
    """(type, role, text after the heading) for a type heading, else None."""
    m = _TYPE_HEADING.match(text[:_HEAD])
    if m is None:
        return None
    rest = text[m.end():].strip()
    if rest.strip(" .:-*_") == "":
        rest = ""
    if rest and not m.group("colon") and m.group("criteria") and _HEADING_QUALIFIER.fullmatch(rest):
        rest = ""  # "Exclusion Criteria for Dose Escalation Phase", "... - for Phase I": the heading's own scope
    if rest and not m.group("colon"):
        return None  # "Inclusion of patients with ..." is a criterion, not a heading
    kind = m.group("kind").lower()
    ctype = CriterionType.EXCLUSION if kind in ("exclusion", "ineligibility", "exclusionary") else CriterionType.INCLUSION
    role = (m.group("role") or "").lower().rstrip("s") or None
    return ctype, role, rest


def _marker(marker: str) -> str:
    if marker[0].isdigit() or marker[:2].strip("(").isdigit() or "\u2460" <= marker[0] <= "\u2473":
        return "number"
    if marker[0].isalpha() or marker.startswith("("):
        return "number" if marker[1:2].isdigit() else "letter"
    return "bullet"


# --- run-on criteria of the flowed older layout ----------------------------------------------

_GLUE = frozenset(
    """a an the of to by with without for from in on at as per than and or nor but if unless except
    including include includes such e.g. e.g., i.e. i.e., via known prior previous see both either
    neither between into onto under over within after before during is are be been was were has
    have had no not any all other only""".split()
)
_TITLE = re.compile(r"[A-Z][a-z]")
_ACRONYM = re.compile(r"[A-Z]{2,}")


def _split_runon(text: str) -> list[str]:
    """Where flattened criteria run into each other, a new one starts with a capitalised word
    after a number, unit, bracket or lower-case content word ("... 3,000 Platelets at least
    75,000", "... mg/dL Transaminases ...", "... nursing No serious ..."). Linear in the tokens."""
    tokens = text.split()
    pieces: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        acronym = _ACRONYM.match(token) is not None and (prev[-1:].isdigit() or prev[-1:] == "%" or "/" in prev)
        if i and pieces[-1] and (_TITLE.match(token) or acronym):
            if (
                prev[-1] not in ",:;(-/"
                and prev.lower() not in _GLUE
                and (prev[0].islower() or prev[0].isdigit() or prev[-1] in ")]%")
                and len(pieces[-1]) >= 2
            ):
                pieces.append([])
        pieces[-1].append(token)
    return [" ".join(p) for p in pieces if p]


# --- the splitter ----------------------------------------------------------------------------


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
    donor: bool = False
    marker: str = ""  # "bullet" | "number" | "letter" | "" (plain): siblings share it
    interrupts: bool = False  # a plain line written left of the bulleted list open above it

    @property
    def text(self) -> str:
        return " ".join(self.parts)


class _Splitter:
    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.ctype = CriterionType.INCLUSION
        self.typed = False
        self.section: int | None = None  # current level-0 heading
        self.subsection: int | None = None  # current level-1 heading
        self.donor: int | None = None  # the donor heading whose scope this is
        self.stack: list[int] = []  # open items, by indent
        self.pending_bullet: int | None = None  # indent of a bullet alone on its line
        self.pending_or = False  # an "OR" line since the last item
        self.list_head: int | None = None  # an item ending ":" taking plain lines as children
        self.roman: tuple[int, int] | None = None  # a dedented roman list: (its indent, the shift that nests it)
        self.heading_paren = False  # a type heading's parenthesis runs on to the next line

    # -- adding --

    def add(self, text: str, indent: int, level: int, line_no: int, donor: bool = False, marker: str = "") -> int:
        previous: int | None = None
        if level == 0:
            parent = None
        elif level == 1:
            parent = self.section
        else:
            while self.stack and self.items[self.stack[-1]].indent >= indent:
                previous = self.stack.pop()
            if self._snaps_to_top(indent, previous, marker):
                previous = self.stack.pop()
            if marker and self.stack and _is_note(self.items[self.stack[-1]]):
                self.stack.pop()  # a bullet after a note between the list's items: the list's, not the note's
            parent = self.stack[-1] if self.stack else (self.subsection if self.subsection is not None else self.section)
        if (
            level == 2
            and previous is not None
            and self.items[previous].parent == parent
            and self.items[previous].marker == marker
            and self.ctype is CriterionType.INCLUSION  # exclusion lines are alternatives already
        ):
            # "A OR B": one line, so the alternative is read as one
            ends_or = _ENDS_WITH_OR.search(self.items[previous].parts[-1])
            if self.pending_or or ends_or:
                item = self.items[previous]
                if ends_or and not self.pending_or and ";" in " ".join(item.parts)[: -len(ends_or.group())]:
                    # "1. High risk AML ... inv(3); t(3;3); ... complex karyotype; or" / "2. High
                    # risk MDS ...": the bullet's "or" joins whole items, but after the item's own
                    # semicolon list it read as one more item of that list (AML and MDS both
                    # asked). Written as the capital OR the other joins carry, the line parser
                    # cuts the alternatives there (``line._top_level_or``).
                    item.parts[-1] = item.parts[-1][: ends_or.end() - 2].rstrip() + " OR"
                item.parts.append(f"OR {text}" if self.pending_or else text)
                self.pending_or = False
                self.stack.append(previous)
                return previous
            # "A" / "Or B": an item that opens with its "or" is the alternative of the one before
            # it (not under a heading of its own: a heading's list is its children's)
            opens = _OPENS_WITH_OR.match(text)
            if opens and not self.items[previous].heading and text[opens.end():].strip():
                item = self.items[previous]
                item.parts.append(f"OR {text[opens.end():]}")
                self.stack.append(previous)
                return previous
        self.pending_or = False
        in_donor = donor or (self.donor is not None and level == 2)
        self.items.append(
            _Item(self.ctype, [text], indent, level, line_no, parent, type_assumed=not self.typed, donor=in_donor, marker=marker)
        )
        index = len(self.items) - 1
        if parent is not None:
            self.items[parent].heading = True
        if level == 2:
            self.stack.append(index)
        return index

    def _roman_indent(self, marker: str, indent: int) -> int:
        """The indent a bullet is nested at. A list numbered "i.", "ii.", ... written at or left of
        the item that announces it ("2. <75 years of age with at least 1 of the following:" then
        "i. Poor performance status ..." four columns left): registries flush such
        a list left, but it is the announcing item's, so it and everything nested under it are
        shifted right of that item until a line comes back to the list's own indent."""
        if (
            _ROMAN_FIRST.fullmatch(marker) and self.items and self.items[-1].level == 2 and indent <= self.items[-1].indent
            and _ANNOUNCES_LIST.search(self.items[-1].text[-_HEAD:])
        ):
            self.roman = (indent, self.items[-1].indent + 1 - indent)
        elif self.roman is not None and indent < self.roman[0]:
            self.roman = None
        return indent + self.roman[1] if self.roman is not None else indent

    def _snaps_to_top(self, indent: int, closed: int | None, marker: str) -> bool:
        """An item that closes a deeper list but stops short of it sits between two open levels
        ("  - A, any of the following:" / "       - a1" / "    - B"): registries re-indent the first
        line of a text, so the item belongs to the nearer level, and with the same kind of
        marker it is the open item's sibling, not its child (else every later criterion
        becomes an alternative of the first one's list)."""
        if closed is None or not self.stack or not marker:
            return False
        top = self.items[self.stack[-1]]
        closed_indent = self.items[closed].indent
        return top.marker == marker and top.indent < indent < closed_indent and indent - top.indent < closed_indent - indent

    def add_subheading(self, text: str, indent: int, line_no: int, donor: bool = False) -> int:
        self.stack = []
        self.list_head = None
        index = self.add(text, indent, 1, line_no, donor=donor)
        self.subsection = index
        self.donor = index if donor else None
        return index

    def add_flowed(self, body: str, indent: int, line_no: int) -> None:
        """Text run in after a section heading: split at the labels, then at run-on seams."""
        pieces = _INLINE_LABEL.split(body)
        heads = _INLINE_LABEL.findall(body)
        for piece in _split_runon(pieces[0]) if pieces[0].strip() else []:
            self.add(piece, indent + 1, 2, line_no)
        for head, piece in zip(heads, pieces[1:]):
            self.add_subheading(head.strip(), indent, line_no)
            for part in _split_runon(piece):
                self.add(part, indent + 1, 2, line_no)

    def set_type(self, ctype: CriterionType) -> None:
        self.ctype = ctype
        self.typed = True

    # -- reading --

    def feed(self, number: int, raw: str, blank_before: bool) -> None:
        stripped = _clean(raw)
        indent = len(raw) - len(raw.lstrip(" "))
        bullet = _BULLET.fullmatch(raw) if raw else None
        if bullet is not None and re.match(r"\s*\d{1,2}[.)]\d", raw):
            bullet = None  # "1.5 x ULN" at the start of a wrapped line is a number
        body = _clean(bullet.group("text")) if bullet is not None else stripped

        if _OR_LINE.fullmatch(stripped):
            self.pending_or = True
            return

        if self.heading_paren:
            self.heading_paren = False
            close = stripped.find(")")
            if bullet is None and close >= 0 and stripped[close + 1:].strip(" .:") == "":
                return  # "participation in the trial):" closes the heading's parenthesis

        # a sentence the registry wrapped just before "inclusion" or "eligibility criteria" ("...
        # requiring treatment at the time of" / "inclusion") runs on in lower case: taken as a
        # heading, it turned every exclusion after it into an inclusion
        wrapped = bullet is None and not blank_before and bool(self.items) and body[:1].islower()
        heading = None if wrapped else _type_heading(body)
        if heading is not None:
            ctype, role, rest = heading
            self.heading_paren = body.count("(") > body.count(")")
            self.set_type(ctype)
            self.stack, self.pending_bullet, self.list_head, self.roman = [], None, None, None
            if role == "donor":
                self.add_subheading(body[: len(body) - len(rest)].strip(), indent, number, donor=True)
            else:
                self.subsection = None
                self.donor = None
            if rest:
                self.add(rest, indent + 1, 2, number)
            return

        if bullet is None and (pdq := _PDQ_SECTION.match(stripped)) is not None:
            self.stack, self.pending_bullet, self.list_head, self.roman = [], None, None, None
            self.subsection = self.donor = None
            self.ctype = CriterionType.INCLUSION  # each section starts over; its own headings switch
            self.section = self.add(f"{pdq.group(1)}:", indent, 0, number)
            rest = stripped[pdq.end():]
            if rest:
                self.add_flowed(rest, indent, number)
            return

        short = len(body) <= 120
        if short and is_donor_heading(body) and (bullet is None or not body.endswith(".")):
            self.pending_bullet = None
            self.add_subheading(body, indent, number, donor=True)
            return
        if short and bullet is None and (_ROLE_HEADING.match(body) or (_CAPS_HEADING.fullmatch(body) and self.section is None)):
            # "RECIPIENT:", "Patients:", "PHASE II TRIAL:": a sub-heading that ends a donor's scope
            self.pending_bullet = None
            self.add_subheading(body, indent, number)
            return

        if bullet is None and self.section is not None and (label := _LABEL_LINE.match(stripped[:_HEAD])) is not None:
            rest = label.group("rest") or ""
            self.pending_bullet = None
            if rest and _INLINE_LABEL.search(rest):
                self.stack = []
                self.add_flowed(stripped, indent, number)
            else:
                head = stripped[: len(stripped) - len(rest)].strip() if rest else stripped
                self.add_subheading(head, indent, number)
                if rest:
                    self.add(rest, indent + 1, 2, number)
            return

        if bullet is not None and body and not blank_before and self.items and _inline_next(bullet.group("marker"), self.items[-1].text):
            # "... brain metastases unless: (1) metastases have been locally treated ..., AND" then
            # "(2) patient has no residual ..." wrapped onto the next line: the enumeration the
            # line began inline runs on, one line (split, the exception's second condition stood
            # as a requirement of its own under the first)
            self.items[-1].parts.append(stripped)
            return
        if bullet is not None:
            if not body:
                self.pending_bullet = len(bullet.group("indent"))
                return
            self.pending_bullet = None
            self.list_head = None
            self.add(body, self._roman_indent(bullet.group("marker"), len(bullet.group("indent"))), 2, number,
                     donor=is_donor_item(body), marker=_marker(bullet.group("marker")))
            return
        if self.roman is not None and blank_before and indent <= self.roman[0]:
            self.roman = None  # a paragraph back at the list's own indent: the list is over

        # a plain line
        if self.pending_bullet is not None:
            self.add(stripped, self.pending_bullet, 2, number)
            self.pending_bullet = None
            self.list_head = None
            return
        last = self.items[-1] if self.items else None
        if self.list_head is not None and indent <= self.items[self.list_head].indent + 1 and not blank_before:
            if last is not None and last.parts[-1][-1:] in ".;:":
                self.add(stripped, self.items[self.list_head].indent + 1, 2, number)  # one child each
            else:
                last.parts.append(stripped)  # a wrapped sentence
            return
        typed_heading = stripped.endswith(":") and len(stripped) <= 120 and _TYPE_WORD.search(stripped) is not None
        if last is not None and last.level == 2 and (indent > last.indent or (not blank_before and not typed_heading)):
            if last.parts[-1].endswith(":") and indent <= last.indent + 1 and not self.pending_or:
                # "Adequate organ function, defined as:" then plain lines: each is a child
                index = len(self.items) - 1
                self.list_head = index
                self.add(stripped, last.indent + 1, 2, number)
                return
            if indent > last.indent or not (stripped.endswith(":") and blank_before):
                last.parts.append(f"OR {stripped}" if self.pending_or else stripped)
                self.pending_or = False
                return
        self.list_head = None
        if stripped.endswith(":") and len(stripped) <= 120:
            kinds = {w.lower() for w in _TYPE_WORD.findall(stripped)}
            if len(kinds) == 1:  # "Exclusion criteria for cohort B:"
                self.set_type(CriterionType.INCLUSION if kinds == {"inclusion"} else CriterionType.EXCLUSION)
            if self.section is not None and self.donor is None:
                self.add_subheading(stripped, indent, number)
            else:
                # a study period's heading closes the one before it at its own indent ("Dose
                # escalation period ...:" then "Dose confirmation period ...:"): the periods are
                # siblings, each over its own lines (nested, the second period's lines were asked
                # of the first's patients too)
                period = _PERIOD_HEADING.search(stripped) is not None
                self.stack = [
                    i for i in self.stack
                    if self.items[i].indent < indent and not (period and self.items[i].indent == indent - 1 and _PERIOD_HEADING.search(self.items[i].text))
                ]
                # a plain-text heading ("Adequate organ function, defined as:"): what follows at
                # the same indent or deeper is nested under it
                index = self.add(stripped, indent, 2, number)
                self.items[index].indent = indent - 1
            return
        interrupts = bool(self.stack) and bool(self.items[self.stack[-1]].marker) and self.items[self.stack[-1]].indent > indent
        index = self.add(stripped, indent, 2, number)
        self.items[index].interrupts = interrupts


def _is_note(item: _Item) -> bool:
    """A finished sentence written left of the bulleted list it stands in ("  - History of ...
    malignancy, except for below:" / "Exception: Subjects who have been disease-free for 2 years
    ... are eligible." / "  - Prior treatment with temozolomide ..."): a note between the items,
    not a heading, so the bullets after it stay the list's own (nested under the note, every
    later exclusion was one of its alternatives, joined with its unread words, and decided
    nothing). A lead-in that announces a list ("... any of the following.") still heads it."""
    text = item.text.rstrip()
    return item.interrupts and not item.marker and (text.endswith(".") or criterion_sentence(text)) and _ANNOUNCES_ITEMS.search(text) is None


_ANNOUNCES_ITEMS = re.compile(r"\bfollowing\b", re.I)
_ROMAN_FIRST = re.compile(r"\(?i[.)]")
# the heading of one period, part or cohort of a study ("Dose escalation period for both
# schedules:", "Dose expansion cohort:", "Phase 2 portion:", "Part A:")
_PERIOD_HEADING = re.compile(
    r"^\W*(?:dose[\s-]+(?:escalation|expansion|confirmation|finding)|(?:escalation|expansion|confirmation)\s+(?:period|phase|part|portion|cohort|stage)"
    r"|phase\s+(?:I{1,3}|[123])[ab]?\s+(?:portion|part|period|cohort|stage)|part\s+[A-Z0-9]{1,2}\b|cohort\s+[A-Z0-9]{1,2}\b)[^:]{0,80}:\s*$",
    re.I,
)
# the announcing item says its list is the alternatives or items that follow ("with at least 1 of the
# following:"); a list under "... defined as:" flushed left stays where it stands (nested, its
# definition's members were joined as requirements all at once)
_ANNOUNCES_LIST = re.compile(r"\bfollowing\b[^:]{0,40}:\s*$", re.I)


def _inline_next(marker: str, text: str) -> bool:
    """Whether a "(N)" marker continues an enumeration begun inside ``text`` ("... unless: (1) ...
    AND"), its item N - 1 the last one written there and the text not ended."""
    m = re.fullmatch(r"\((\d{1,2})\)", marker)
    if m is None or int(m.group(1)) < 2 or text.rstrip()[-1:] in ".:":
        return False
    before = [int(n) for n in re.findall(r"\((\d{1,2})\)", text)]
    return bool(before) and before[-1] == int(m.group(1)) - 1 and not text.lstrip().startswith(f"({before[-1]})")


def split_criteria(text: str) -> list[ParsedLine]:
    """Split eligibility text into lines with their type, parent heading and source line."""
    return split_numbered(enumerate(_lines(text or ""), start=1))


def split_numbered(lines) -> list[ParsedLine]:  # type: ignore[no-untyped-def]
    """``split_criteria`` over (line number, line) pairs an importer already holds (the seed
    importer's pages number their lines from the top of the page)."""
    splitter = _Splitter()
    blank_before = False
    for number, raw in _joined_flowed(list(lines)):
        raw = raw.rstrip()
        if not raw.strip():
            blank_before = True
            continue
        splitter.feed(number, raw, blank_before)
        blank_before = False
    parsed = [
        ParsedLine(
            type=item.type,
            text=item.text,
            parent=item.parent,
            source_line=item.source_line,
            heading=item.heading,
            type_assumed=item.type_assumed,
            donor=item.donor or _under_donor(splitter.items, item),
        )
        for item in splitter.items
    ]
    return _swallowed_exclusion_heading(_nest_flat_lead_ins(sibling_organ_labels(_end_diagnosis_lists(parsed))))


def _swallowed_exclusion_heading(lines: list[ParsedLine]) -> list[ParsedLine]:
    """"-  Performance status is normal ... self-care Exclusion\n   Criteria": the registry wrapped
    the exclusion heading into the last inclusion's bullet, so the lines after it, up to the first
    line already typed an exclusion, are exclusions (read as inclusions, "Patients who are pregnant
    or breast feeding" was asked for). The heading's words leave the bullet."""
    out = list(lines)
    for index, line in enumerate(lines):
        m = _SWALLOWED_EXCLUSION_HEADING.search(line.text) if line.type is CriterionType.INCLUSION and len(line.text) > 40 else None
        if m is None:
            continue
        out[index] = replace(line, text=line.text[: m.start()])
        for later in range(index + 1, len(lines)):
            if lines[later].type is not CriterionType.INCLUSION:
                break
            out[later] = replace(out[later], type=CriterionType.EXCLUSION, type_assumed=False)
        break
    return out


# "Patient must have one of the following diagnoses:" then, at the same bullet level, the
# diagnoses and after them the trial's other requirements: registries often indent them all
# alike. A requirement is never an alternative of a diagnosis (ECOG <= 1 met would have stood in
# for the diagnosis), so the list ends at the first line that opens as a requirement and the rest
# are the heading's siblings. Moving a line out of alternatives only ever asks more of a patient.
_DIAGNOSIS_LIST = re.compile(
    r"\b(?:one|any|either)\s+of\s+the\s+following\s+(?:\w+\s+){0,2}?(?:diagnos[ie]s|diseases?|conditions|malignanc(?:y|ies)|disorders|histolog(?:y|ies)|indications)\b",
    re.IGNORECASE,
)
_REQUIREMENT_OPENING = re.compile(
    r"\W*(?:adequate|sufficient|must|patients?\s+must|no|not|ecog|karnofsky|lansky|zubrod|performance|life\s+expectancy|willing|able|"
    r"ability|signed|provide|negative|left\s+ventricular|(?:serum\s+)?creatinine|(?:total\s+)?bilirubin|age[ds]?)\b",
    re.IGNORECASE,
)


def _end_diagnosis_lists(lines: list[ParsedLine]) -> list[ParsedLine]:
    out = list(lines)
    for index, line in enumerate(lines):
        if not _DIAGNOSIS_LIST.search(line.text[:_HEAD]):
            continue
        children = [i for i in range(index + 1, len(lines)) if lines[i].parent == index]
        ended = False
        for i in children:
            ended = ended or (i != children[0] and _REQUIREMENT_OPENING.match(lines[i].text[:_HEAD]) is not None)
            if ended:
                out[i] = replace(out[i], parent=line.parent)
    return out


def _under_donor(items: list[_Item], item: _Item) -> bool:
    seen = 0
    parent = item.parent
    while parent is not None and seen < 64:
        if items[parent].donor and items[parent].level <= 1:
            return True
        parent = items[parent].parent
        seen += 1
    return False


def _joined_flowed(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A flowed paragraph (a section heading with its text run on over wrapped lines, no
    bullets) is joined into one line so its inline labels split."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        number, raw = lines[i]
        raw = _scrub(raw)
        stripped = raw.strip()
        m = _PDQ_SECTION.match(stripped)
        if m is not None and stripped[m.end():].strip():
            joined = [raw.rstrip()]
            j = i + 1
            while j < len(lines):
                following = _scrub(lines[j][1])
                if not following.strip() or _BULLET.fullmatch(following) or _PDQ_SECTION.match(following.strip()):
                    break
                joined.append(following.strip())
                j += 1
            out.append((number, " ".join(joined)))
            i = j
            continue
        out.append((number, raw))
        i += 1
    return out


# "Seropositive for:" then, at its own bullet level, "HIV ab", "Hepatitis B sAg or PCR+",
# "Hepatitis C ab or PCR+", then the trial's next exclusions: the registry flattened the list, and
# the lead-in alone was a line that asks nothing readable. An exclusion's lead-in ending in a
# preposition takes the short lines after it as its list, up to the first that opens as a
# criterion of its own. Only exclusions: their heading excludes by any of its lines, as the lines
# excluded on their own, so the nesting changes what the lead-in line says, never a verdict (an
# inclusion's heading may negate, except or offer alternatives, where a list read too long would).
_FLAT_LEAD_IN = re.compile(r"[^:]{0,60}\b(?:for|of|with|to|against)\s*:", re.IGNORECASE)
_NOT_A_LIST_LEAD = re.compile(r"\b(?:except\w*|unless|all|both|following)\b", re.IGNORECASE)
_OWN_CRITERION = re.compile(
    r"\W*(?:history|any|active|uncontrolled|known|prior|previous|current|concurrent|concomitant|no|not|patients?|subjects?|participants?|"
    r"must|evidence|presence|pregnan\w*|lactating|breast\w*|wom[ae]n|men|females?|males?|inability|unable|severe|significant|serious|"
    r"clinically|drug|alcohol|use|treatment|receipt|received|major|other|has|have|had|is|are|uncontrolled)\b",
    re.IGNORECASE,
)
_LIST_ENTRY_WORDS = 8


def _nest_flat_lead_ins(lines: list[ParsedLine]) -> list[ParsedLine]:
    out = list(lines)
    parents = {line.parent for line in lines}
    for index, line in enumerate(lines):
        if (
            line.type is not CriterionType.EXCLUSION
            or index in parents
            or line.donor
            or not _FLAT_LEAD_IN.fullmatch(line.text.strip())
            or _NOT_A_LIST_LEAD.search(line.text)
        ):
            continue
        nested = 0
        for i in range(index + 1, len(lines)):
            entry = lines[i]
            if (
                entry.parent != line.parent
                or entry.type is not CriterionType.EXCLUSION
                or i in parents
                or entry.text.rstrip().endswith(":")
                or len(entry.text.split()) > _LIST_ENTRY_WORDS
                or _OWN_CRITERION.match(entry.text)
            ):
                break
            out[i] = replace(out[i], parent=index)
            nested += 1
        if nested:
            out[index] = replace(out[index], heading=True)
    return out
