"""MedPath registry pages (the project's seed trials) -> ``TrialRecord``.

A pure function from page text to a record: no Django, no database. Two page layouts exist:

* **Layout A** (seeds 000, 001, 003, 004): a ``MedPath`` header line, the title, phase and status
  lines, then one label per line (``Conditions``, ``Registration Number``, ...) followed by its
  value lines; the criteria sit under ``Inclusion Criteria`` / ``Exclusion Criteria`` headings
  as numbered (``  1. ``) or bulleted (``  • ``) items.
* **Layout B** (seed 002): no header, labels and values written as ``- Label`` / ``- value``
  pairs, and no criteria headings: an *inclusion* item is a lone ``-`` line followed by its
  text, an *exclusion* item is ``- text`` on one line. An item whose text ends with ``:`` (e.g.
  "Adequate kidney, liver, lung and heart function, defined as:") may be followed by plain
  continuation lines: each becomes its own criterion line, a child of that heading item
  (``CriterionLine.parent``).

Nothing inside the criteria region is dropped: every non-empty line there is either a heading or
a criterion line, or the page is rejected with a ``SourceFormatError`` naming the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path

from trials.importers.lines import criterion_lines
from trials.records import OVERALL_STATUSES, Arm, CriterionLine, Site, SourceFormatError, TrialRecord

__all__ = ["parse_medpath", "load_seed_dir", "extract_dose_levels"]

NCT_ID = re.compile(r"NCT\d{8}")

# Labels before the criteria region ("Recruitment & Eligibility" opens the region's fields).
_HEAD_LABELS = frozenset(
    {
        "Conditions",
        "Interventions",
        "Registration Number",
        "Lead Sponsor",
        "Brief Summary",
        "Detailed Description",
    }
)
_RECRUITMENT = "Recruitment & Eligibility"
_RECRUITMENT_FIELDS = ("Status", "Sex", "Target Recruitment")
# Labels after the criteria region; the first of them ends the region.
_TAIL_LABELS = frozenset(
    {
        "Study & Design",
        "Study Type",
        "Study Design",
        "Arm && Interventions",
        "Primary Outcome Measures",
        "Secondary Outcome Measures",
        "Other Outcome Measures",
        "Trial Locations",
    }
)
_LOCATIONS = re.compile(r"Locations \((\d+)\)")
_SEX = {"ALL": "ALL", "FEMALE": "FEMALE", "MALE": "MALE"}

_CRITERIA_HEADING = re.compile(r"\s*(inclusion|exclusion)\s+criteria\s*:?\s*", re.IGNORECASE)
_NUMBERED_ITEM = re.compile(r"(?P<indent>\s*)(?P<num>\d+)\.\s+(?P<text>\S.*?)\s*")
_BULLET_ITEM = re.compile(r"(?P<indent>\s*)[•·*\-]\s+(?P<text>\S.*?)\s*")

# A flag emoji is a pair of regional-indicator symbols.
_FLAG = re.compile("^[\U0001f1e6-\U0001f1ff]{2}")


def parse_medpath(text: str, filename: str) -> TrialRecord:
    """Read one MedPath page. ``filename`` is only used in error messages."""
    return _Page(text, filename).parse()


def load_seed_dir(path: str | Path) -> list[TrialRecord]:
    """Every ``*.txt`` page in ``path``, in sorted file-name order."""
    directory = Path(path)
    return [
        parse_medpath(file.read_text(encoding="utf-8"), str(directory / file.name))
        for file in sorted(directory.glob("*.txt"))
    ]


# --- dose levels ---------------------------------------------------------------------------

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DOSE_VALUE = r"\d+(?:\.\d+)?\s*[×xX]\s*10(?:\s*\\?\^\s*-?\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)"
_DOSE_LIST = re.compile(
    rf"(?P<values>{_DOSE_VALUE}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+){_DOSE_VALUE})*)"
    r"(?:\s*(?P<unit>(?:(?:[A-Za-z][\w+\-]*\s+){0,3}?[A-Za-z][\w+\-]*)?\s*/\s*(?:kg|m2|m²|L)\b))?"
)

_RANGE_BEFORE = re.compile(r"(?:\b(?:from|between|to)|\d\s*[-–])\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d", re.IGNORECASE)


def _normalise_dose(value: str) -> str:
    value = value.replace("\\", "").replace(" ", "")
    value = re.sub(r"[×X]", "x", value, count=1)
    base, _, exponent = value.partition("x10")
    if exponent and not exponent.startswith("^"):
        exponent = "^" + exponent.translate(_SUPERSCRIPTS)
    return f"{base}x10{exponent}"


def extract_dose_levels(text: str) -> tuple[str, ...]:
    """Dose levels written in scientific notation, e.g. ``2.0×10\\^7, 6.0×10\\^7, and 2.0×10\\^8
    cells/kg`` -> ``("2.0x10^7 cells/kg", "6.0x10^7 cells/kg", "2.0x10^8 cells/kg")``.
    Ranges ("from 1×10^5 to 1×10^8") are not dose levels and are not listed."""
    levels: list[str] = []
    for match in _DOSE_LIST.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(text, match.end("values")):
            continue
        unit = re.sub(r"\s*/\s*", "/", (match.group("unit") or "").strip())
        for value in re.findall(_DOSE_VALUE, match.group("values")):
            dose = _normalise_dose(value)
            if unit:
                dose = f"{dose}{unit}" if unit.startswith("/") else f"{dose} {unit}"
            if dose not in levels:
                levels.append(dose)
    return tuple(levels)


# --- the page ----------------------------------------------------------------------------


def _unlabel(line: str) -> str:
    """A label or value line without the layout-B ``- `` prefix."""
    s = line.strip()
    return s[2:].strip() if s.startswith("- ") else s


def _phase_word(word: str) -> str | None:
    w = " ".join(word.split())
    if re.fullmatch(r"(?i)early\s*phase\s*1", w):
        return "EARLY_PHASE1"
    m = re.fullmatch(r"(?i)phase\s*(\d)(?:\s*(?:/|,|and)\s*(?:phase\s*)?(\d))?", w)
    if m:
        return "/".join(f"PHASE{n}" for n in m.groups() if n)
    if w.upper() in {"NA", "N/A", "NOT APPLICABLE"}:
        return "NA"
    return None


def _status_word(word: str) -> str:
    """'Not yet recruiting' / 'NOT_YET_RECRUITING' -> 'NOT_YET_RECRUITING' (not checked)."""
    return re.sub(r"[^A-Z0-9]+", "_", word.strip().upper()).strip("_")


class _Page:
    def __init__(self, text: str, filename: str):
        self.filename = filename
        # Split on "\n" only, so line numbers match what an editor shows.
        self.lines = [line.rstrip("\r") for line in text.lstrip("\ufeff").split("\n")]

    # 1-based line numbers throughout; self.lines[n - 1] is line n.
    def error(self, lineno: int | str, message: str) -> SourceFormatError:
        """``lineno`` is a line number, or a range "1-27" of lines searched in vain."""
        where = f"lines {lineno}" if isinstance(lineno, str) else f"line {lineno}"
        return SourceFormatError(f"{self.filename} {where}: {message}")

    def line(self, n: int) -> str:
        return self.lines[n - 1]

    def nonempty(self, start: int, end: int) -> list[tuple[int, str]]:
        """(line number, text) of the non-empty lines in [start, end)."""
        return [(n, self.line(n)) for n in range(start, end) if self.line(n).strip()]

    # -- structure --

    def parse(self) -> TrialRecord:
        last = len(self.lines)
        nul = next((n for n in range(1, last + 1) if "\x00" in self.line(n)), None)
        if nul is not None:  # PostgreSQL text cannot hold it
            raise self.error(nul, "contains a NUL character")
        recruitment = next(
            (n for n in range(1, last + 1) if _unlabel(self.line(n)) == _RECRUITMENT), None
        )
        if recruitment is None:
            raise self.error(
                f"1-{last}", f"no '{_RECRUITMENT}' section, so no eligibility criteria"
            )
        fields, crit_start = self.recruitment_fields(recruitment + 1)
        crit_end = next(
            (
                n
                for n in range(crit_start, last + 1)
                if _unlabel(self.line(n)) in _TAIL_LABELS or _LOCATIONS.fullmatch(_unlabel(self.line(n)))
            ),
            last + 1,
        )
        preamble, head = self.sections(1, recruitment, _HEAD_LABELS)
        _, tail = self.sections(crit_end, last + 1, _TAIL_LABELS, with_locations=True)

        title, phase, page_status = self.read_preamble(preamble, recruitment)
        nct_id = self.read_nct_id(head, recruitment)
        status = self.read_status(fields, page_status, recruitment)
        criteria = self.read_criteria(crit_start, crit_end)
        interventions = tuple(v for _, v in self.list_values(head.get("Interventions")))
        return TrialRecord(
            nct_id=nct_id,
            title=title,
            overall_status=status,
            brief_summary=self.text_value(head.get("Brief Summary")),
            phase=phase,
            study_type=self.single_value(tail.get("Study Type")),
            conditions=tuple(v for _, v in self.list_values(head.get("Conditions"))),
            interventions=interventions,
            sponsor=self.single_value(head.get("Lead Sponsor")),
            enrollment=self.read_enrollment(fields.get("Target Recruitment")),
            arms=self.read_arms(tail.get("Arm && Interventions"), interventions),
            sites=self.read_sites(tail.get("Locations")),
            sex=self.read_sex(fields.get("Sex")),
            criteria_text=self.region_text(crit_start, crit_end),
            criteria=criteria,
            source="seed",
        )

    def recruitment_fields(self, start: int) -> tuple[dict[str, tuple[int, str]], int]:
        """The Status / Sex / Target Recruitment label-value pairs right after 'Recruitment &
        Eligibility'; returns them and the first line after them (the criteria region)."""
        fields: dict[str, tuple[int, str]] = {}
        n, last = start, len(self.lines)
        while n <= last:
            if not self.line(n).strip():
                n += 1
                continue
            label = _unlabel(self.line(n))
            if label not in _RECRUITMENT_FIELDS:
                break
            if label in fields:
                raise self.error(n, f"second '{label}' field")
            value_line = next((m for m in range(n + 1, last + 1) if self.line(m).strip()), None)
            if value_line is None:
                raise self.error(n, f"'{label}' has no value")
            fields[label] = (value_line, _unlabel(self.line(value_line)))
            n = value_line + 1
        return fields, n

    def sections(
        self, start: int, end: int, labels: frozenset[str], with_locations: bool = False
    ) -> tuple[list[tuple[int, str]], dict[str, tuple[int, int, int]]]:
        """Split lines [start, end) at label lines. Returns the non-empty lines before the first
        label, and {label: (label line, body start, body end)}."""
        found: dict[str, tuple[int, int, int]] = {}
        marks: list[tuple[str, int]] = []
        for n in range(start, end):
            label = _unlabel(self.line(n))
            if with_locations and _LOCATIONS.fullmatch(label):
                label = "Locations"
            elif label not in labels:
                continue
            if any(seen == label for seen, _ in marks):
                raise self.error(n, f"second '{label}' section")
            marks.append((label, n))
        preamble_end = marks[0][1] if marks else end
        for i, (label, n) in enumerate(marks):
            body_end = marks[i + 1][1] if i + 1 < len(marks) else end
            found[label] = (n, n + 1, body_end)
        return self.nonempty(start, preamble_end), found

    # -- single fields --

    def list_values(self, section: tuple[int, int, int] | None) -> list[tuple[int, str]]:
        if section is None:
            return []
        _, start, end = section
        return [(n, _unlabel(s)) for n, s in self.nonempty(start, end)]

    def single_value(self, section: tuple[int, int, int] | None, required: bool = False) -> str:
        if section is None:
            return ""
        label_line, start, end = section
        values = self.list_values(section)
        if not values:
            if required:
                raise self.error(label_line, f"'{_unlabel(self.line(label_line))}' has no value")
            return ""
        if len(values) > 1:
            n, extra = values[1]
            raise self.error(
                n, f"'{_unlabel(self.line(label_line))}' has a second value line {extra!r}"
            )
        return values[0][1]

    def text_value(self, section: tuple[int, int, int] | None) -> str:
        if section is None:
            return ""
        _, start, end = section
        return "\n".join(self.line(n) for n in range(start, end)).strip()

    def region_text(self, start: int, end: int) -> str:
        return "\n".join(self.line(n) for n in range(start, end)).strip("\n")

    def read_preamble(self, preamble: list[tuple[int, str]], limit: int) -> tuple[str, str, str]:
        lines = list(preamble)
        if lines and lines[0][1].strip() == "MedPath":
            lines.pop(0)
        if not lines:
            raise self.error(f"1-{limit}", "no title")
        title = lines[0][1].strip()
        phase = status = ""
        for n, s in lines[1:]:
            word = s.strip()
            if (p := _phase_word(word)) is not None and not phase:
                phase = p
            elif _status_word(word) in OVERALL_STATUSES and not status:
                status = _status_word(word)
            else:
                raise self.error(n, f"{word!r} is neither a phase nor a known status")
        return title, phase, status

    def read_nct_id(self, head: dict[str, tuple[int, int, int]], limit: int) -> str:
        section = head.get("Registration Number")
        if section is None:
            raise self.error(f"1-{limit - 1}", "no 'Registration Number' (NCT id) before the criteria")
        nct_id = self.single_value(section, required=True)
        if not NCT_ID.fullmatch(nct_id):
            raise self.error(self.list_values(section)[0][0], f"{nct_id!r} is not an NCT id (NCT + 8 digits)")
        return nct_id

    def read_status(self, fields: dict[str, tuple[int, str]], page_status: str, limit: int) -> str:
        if "Status" not in fields:
            if page_status:
                return page_status
            raise self.error(f"1-{limit}", "no recruitment status")
        n, word = fields["Status"]
        status = _status_word(word)
        if status not in OVERALL_STATUSES:
            raise self.error(n, f"unknown status {word!r}")
        if page_status and page_status != status:
            raise self.error(n, f"status {word!r} contradicts the page header's {page_status}")
        return status

    def read_sex(self, field: tuple[int, str] | None) -> str:
        if field is None:
            return ""
        n, word = field
        sex = _SEX.get(word.strip().upper())
        if sex is None:
            raise self.error(n, f"unknown sex {word!r}")
        return sex

    def read_enrollment(self, field: tuple[int, str] | None) -> int | None:
        if field is None:
            return None
        n, word = field
        word = word.strip()
        if word.lower() == "not specified":
            return None
        if not re.fullmatch(r"\d+", word):
            raise self.error(n, f"target recruitment {word!r} is neither a number nor 'Not specified'")
        return int(word)

    # -- criteria --

    def read_criteria(self, start: int, end: int) -> tuple[CriterionLine, ...]:
        lines = self.nonempty(start, end)
        if not lines:
            raise self.error(start, "no eligibility criteria")
        if any(_CRITERIA_HEADING.fullmatch(s) for _, s in lines):
            return self.headed_criteria(lines)
        return self.dashed_criteria(lines)

    def headed_criteria(self, lines: list[tuple[int, str]]) -> tuple[CriterionLine, ...]:
        """Layout A: headings, then numbered or bulleted items; deeper indentation nests. The
        page is checked here (every line placed, items numbered in order); the lines themselves
        come from the one splitter every importer uses."""
        kind: str | None = None
        expected_number = 1
        indents: list[int] = []  # indents of the open items
        for n, s in lines:
            heading = _CRITERIA_HEADING.fullmatch(s)
            if heading:
                kind, expected_number, indents = heading.group(1).lower(), 1, []
                continue
            item = _NUMBERED_ITEM.fullmatch(s) or _BULLET_ITEM.fullmatch(s)
            if item is None:
                raise self.error(n, f"cannot place {s.strip()!r}: not a criteria heading or item")
            if kind is None:
                raise self.error(n, "criterion before any Inclusion/Exclusion Criteria heading")
            indent = len(item.group("indent").expandtabs())
            while indents and indents[-1] >= indent:
                indents.pop()
            if not indents and "num" in item.groupdict():
                if int(item.group("num")) != expected_number:
                    raise self.error(
                        n, f"item {item.group('num')} where item {expected_number} was expected"
                    )
                expected_number += 1
            indents.append(indent)
        out = criterion_lines(lines)
        if not out:
            raise self.error(lines[0][0], "criteria headings but no criteria")
        return out

    def dashed_criteria(self, lines: list[tuple[int, str]]) -> tuple[CriterionLine, ...]:
        """Layout B: a lone '-' line and its text is an inclusion item, '- text' an exclusion
        item; plain lines after an item ending in ':' are its children. The page is checked
        here; the splitter is handed the same lines with the headings the layout implies."""
        pending_dash: int | None = None  # line of a lone '-' waiting for its text
        top_text: str | None = None  # text of the last top-level item
        seen_exclusion = False
        headed: list[tuple[int, str]] = []
        for n, s in lines:
            stripped = s.strip()
            if stripped == "-":
                if pending_dash is not None:
                    raise self.error(pending_dash, "'-' with no criterion text")
                if seen_exclusion:
                    raise self.error(n, "lone '-' (inclusion item) after exclusion items began")
                if not headed:
                    headed.append((n, "Inclusion Criteria"))
                pending_dash = n
            elif pending_dash is not None:
                if stripped.startswith("- "):
                    raise self.error(pending_dash, "'-' with no criterion text")
                top_text, pending_dash = stripped, None
            elif stripped.startswith("- "):
                if not seen_exclusion:
                    headed.append((n, "Exclusion Criteria"))
                top_text, seen_exclusion = stripped[2:].strip(), True
            elif top_text is not None and top_text.endswith(":"):
                pass  # a child of the item above
            else:
                raise self.error(
                    n, f"cannot place {stripped!r}: not a '-' criterion and not under one ending in ':'"
                )
            headed.append((n, s))
        if pending_dash is not None:
            raise self.error(pending_dash, "'-' with no criterion text")
        return criterion_lines(headed)

    # -- design and locations --

    def read_arms(
        self, section: tuple[int, int, int] | None, interventions: tuple[str, ...]
    ) -> tuple[Arm, ...]:
        rows = [s.strip() for _, s in self.list_values(section)]
        if not rows:
            return ()
        if rows[0] == "GroupInterventionDescription":
            rows = rows[1:]
        elif rows[0].startswith("Group Intervention Description"):
            rows[0] = rows[0][len("Group Intervention Description") :].strip()
            rows = [r for r in rows if r]
        names = {i.split(":", 1)[1].strip() if ":" in i else i: i for i in interventions}
        return tuple(self.arm_row(row, names) for row in rows)

    @staticmethod
    def arm_row(row: str, names: dict[str, str]) -> Arm:
        """A flattened table row 'label' + 'intervention name(s)' + 'description'. Split at the
        first known intervention name after the start; without one the row stays whole."""
        hits = [(row.find(name, 1), name) for name in names if row.find(name, 1) > 0]
        if not hits:
            return Arm(label=row, dose_levels=extract_dose_levels(row))
        at = min(hits)[0]
        label, rest, used = row[:at].strip(), row[at:], []
        while True:
            name = next((nm for nm in sorted(names, key=len, reverse=True) if rest.startswith(nm)), None)
            if name is None:
                break
            used.append(names[name])
            rest = rest[len(name) :].lstrip(" ,")
        description = rest.strip()
        return Arm(
            label=label,
            description=description,
            interventions=tuple(used),
            dose_levels=extract_dose_levels(description),
        )

    def read_sites(self, section: tuple[int, int, int] | None) -> tuple[Site, ...]:
        if section is None:
            return ()
        label_line, start, end = section
        expected = int(_LOCATIONS.fullmatch(_unlabel(self.line(label_line))).group(1))
        lines = [(n, s.strip()) for n, s in self.nonempty(start, end) if not s.strip().startswith("©")]
        sites: list[Site] = []
        i = 0
        while i < len(lines):
            n, facility = lines[i]
            if _FLAG.match(facility):
                raise self.error(n, f"location address {facility!r} without a facility line")
            i += 1
            if i >= len(lines):
                raise self.error(n, f"facility {facility!r} has no address line")
            address = lines[i][1]
            if _FLAG.match(address):
                address = _FLAG.sub("", address).strip()
                if not address:
                    i += 1
                    if i >= len(lines):
                        raise self.error(lines[i - 1][0], "flag with no address line after it")
                    address = lines[i][1]
            i += 1
            parts = [p.strip() for p in address.split(",")]
            if len(parts) >= 3:
                city, state, country = parts[0], ", ".join(parts[1:-1]), parts[-1]
            elif len(parts) == 2:
                city, state, country = parts[0], "", parts[1]
            else:
                city, state, country = "", "", parts[0]
            sites.append(Site(facility=facility, city=city, state=state, country=country))
        if len(sites) != expected:
            raise self.error(label_line, f"'Locations ({expected})' but {len(sites)} locations read")
        return tuple(sites)
