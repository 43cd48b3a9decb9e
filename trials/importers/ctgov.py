"""ClinicalTrials.gov API v2 study JSON -> ``TrialRecord``.

Pure functions: no Django, no database, no network. Every rejection is a ``SourceFormatError``
whose message starts with the JSON path of the offending field, e.g.
``$[3].protocolSection.statusModule.overallStatus: unknown status 'RECRUITNG'``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rules_engine.parser import parse_lines
from rules_engine.parser.criteria import LineParser
from rules_engine.parser.line import parse_line
from rules_engine.parser.registry_fields import REGISTRY_HEADING, registry_lines
from trials.importers.lines import split_text
from trials.importers.medpath import NCT_ID, extract_dose_levels
from trials.records import OVERALL_STATUSES, Arm, CriterionLine, Site, SourceFormatError, TrialRecord

__all__ = ["CriteriaReader", "criteria_lines", "parse_ctgov_study", "parse_ctgov_payload", "split_ctgov_criteria"]

# designModule.phases words of API v2.
PHASES = frozenset({"NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"})
SEXES = frozenset({"ALL", "FEMALE", "MALE"})


def parse_ctgov_payload(data: list | dict, path: str = "$") -> list[TrialRecord]:
    """One study object, or a list of them (as the API's ``studies`` array or a saved dump)."""
    if isinstance(data, dict):
        return [parse_ctgov_study(data, path)]
    if not isinstance(data, list):
        raise SourceFormatError(f"{path}: expected a study object or a list of them, got {_kind(data)}")
    records: list[TrialRecord] = []
    first_seen: dict[str, str] = {}
    for i, study in enumerate(data):
        item = f"{path}[{i}]"
        record = parse_ctgov_study(study, item)
        if record.nct_id in first_seen:
            raise SourceFormatError(
                f"{item}.protocolSection.identificationModule.nctId: "
                f"duplicate of {first_seen[record.nct_id]} ({record.nct_id})"
            )
        first_seen[record.nct_id] = item
        records.append(record)
    return records


# (eligibilityCriteria, minimumAge, maximumAge, sex) -> the study's criteria lines.
CriteriaReader = Callable[[str, str, str, str], tuple[CriterionLine, ...]]


def parse_ctgov_study(
    study: dict, path: str = "$", line_parser: LineParser = parse_line, criteria_reader: CriteriaReader | None = None
) -> TrialRecord:
    """One v2 study (an object with ``protocolSection``). ``path`` prefixes error messages.
    ``line_parser``: how the text's lines are read to find what the registry fields add (a
    bulk import passes a cache of ``parse_line``'s answers). ``criteria_reader``: answers as
    ``criteria_lines(..., line_parser)`` does (a bulk import passes a cache of whole texts'
    answers, ``trials.parse_cache.CriteriaCache``)."""
    ps_path = f"{path}.protocolSection"
    if not isinstance(study, dict):
        raise SourceFormatError(
            f"{ps_path}: expected a study object with protocolSection, got {_kind(study)}"
        )
    if "protocolSection" not in study:
        raise SourceFormatError(f"{ps_path}: missing (not a ClinicalTrials.gov v2 study object)")
    ps = _Node.at(study, "protocolSection", path)

    ident = ps.object("identificationModule")
    status_m = ps.object("statusModule")
    design = ps.object("designModule")
    arms_m = ps.object("armsInterventionsModule")
    elig = ps.object("eligibilityModule")

    nct_id = ident.string("nctId", required=True)
    if not NCT_ID.fullmatch(nct_id):
        raise ident.error("nctId", f"{nct_id!r} is not an NCT id (NCT + 8 digits)")

    title = ident.string("briefTitle") or ident.string("officialTitle")
    if not title.strip():
        raise ident.error("briefTitle", "missing (and no officialTitle)")

    status = status_m.string("overallStatus", required=True)
    if status not in OVERALL_STATUSES:
        raise status_m.error("overallStatus", f"unknown status {status!r}")

    phases = design.string_list("phases")
    for i, phase in enumerate(phases):
        if phase not in PHASES:
            raise SourceFormatError(f"{design.path}.phases[{i}]: unknown phase {phase!r}")

    sex = elig.string("sex")
    if sex and sex not in SEXES:
        raise elig.error("sex", f"unknown sex {sex!r}")

    criteria_text = elig.string("eligibilityCriteria")
    return TrialRecord(
        nct_id=nct_id,
        title=title,
        overall_status=status,
        brief_summary=ps.object("descriptionModule").string("briefSummary"),
        phase="/".join(phases),
        study_type=design.string("studyType", max_length=40),
        conditions=tuple(ps.object("conditionsModule").string_list_of("conditions", 300)),
        interventions=tuple(
            _intervention_label(item.string("type"), item.string("name", required=True))
            for item in arms_m.objects("interventions")
        ),
        sponsor=ps.object("sponsorCollaboratorsModule").object("leadSponsor").string("name", max_length=300),
        enrollment=design.object("enrollmentInfo").integer("count"),
        arms=tuple(_arm(group) for group in arms_m.objects("armGroups")),
        sites=tuple(_site(loc) for loc in ps.object("contactsLocationsModule").objects("locations")),
        minimum_age=elig.string("minimumAge", max_length=40),
        maximum_age=elig.string("maximumAge", max_length=40),
        sex=sex,
        last_update=_date(status_m.object("lastUpdatePostDateStruct"), "date"),
        criteria_text=criteria_text,
        criteria=(criteria_reader or (lambda *fields: criteria_lines(*fields, line_parser=line_parser)))(
            criteria_text, elig.string("minimumAge"), elig.string("maximumAge"), sex
        ),
        source="ctgov",
    )


# --- typed access with paths ------------------------------------------------------------------


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)


class _Node:
    """A JSON object and its path; typed getters raise ``SourceFormatError`` at the field's
    path. A missing object reads as an empty one, so a required field inside it is reported at
    its full path (``$.protocolSection.identificationModule.nctId: missing``)."""

    def __init__(self, data: dict, path: str):
        self.data, self.path = data, path

    @classmethod
    def at(cls, parent: dict, key: str, parent_path: str) -> _Node:
        value, path = parent.get(key), f"{parent_path}.{key}"
        if value is None:
            return cls({}, path)
        if not isinstance(value, dict):
            raise SourceFormatError(f"{path}: expected an object, got {_kind(value)}")
        return cls(value, path)

    def error(self, key: str, message: str) -> SourceFormatError:
        return SourceFormatError(f"{self.path}.{key}: {message}")

    def object(self, key: str) -> _Node:
        return _Node.at(self.data, key, self.path)

    def string(self, key: str, required: bool = False, max_length: int | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "missing")
            return ""
        if not isinstance(value, str):
            raise self.error(key, f"expected a string, got {_kind(value)}")
        if required and not value.strip():
            raise self.error(key, "empty")
        if "\x00" in value:  # PostgreSQL text cannot hold it: refused here, naming the field
            raise self.error(key, f"contains a NUL character at offset {value.index(chr(0))}")
        if max_length is not None and len(value) > max_length:
            raise self.error(key, f"{len(value)} characters, at most {max_length} are stored")
        return value

    def string_list_of(self, key: str, max_length: int) -> list[str]:
        out = self.string_list(key)
        for i, value in enumerate(out):
            if len(value) > max_length:
                raise SourceFormatError(f"{self.path}.{key}[{i}]: {len(value)} characters, at most {max_length} are stored")
        return out

    def integer(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"expected an integer, got {_kind(value)} {value!r}")
        return value

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error(key, f"expected a number, got {_kind(value)} {value!r}")
        return float(value)

    def _items(self, key: str) -> list[tuple[str, Any]]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, got {_kind(value)}")
        return [(f"{self.path}.{key}[{i}]", element) for i, element in enumerate(value)]

    def string_list(self, key: str) -> list[str]:
        out = []
        for path, element in self._items(key):
            if not isinstance(element, str):
                raise SourceFormatError(f"{path}: expected a string, got {_kind(element)}")
            if "\x00" in element:
                raise SourceFormatError(f"{path}: contains a NUL character")
            out.append(element)
        return out

    def objects(self, key: str) -> list[_Node]:
        out = []
        for path, element in self._items(key):
            if not isinstance(element, dict):
                raise SourceFormatError(f"{path}: expected an object, got {_kind(element)}")
            out.append(_Node(element, path))
        return out


def _intervention_label(kind: str, name: str) -> str:
    """('DRUG', 'Pembrolizumab') -> 'Drug: Pembrolizumab': the form armGroups.interventionNames,
    the registry's web pages and the seed pages use."""
    return f"{kind.replace('_', ' ').title()}: {name}" if kind else name


def _arm(group: _Node) -> Arm:
    description = group.string("description")
    return Arm(
        label=group.string("label", required=True),
        type=group.string("type"),
        description=description,
        interventions=tuple(group.string_list("interventionNames")),
        dose_levels=extract_dose_levels(description),
    )


def _site(location: _Node) -> Site:
    geo = location.object("geoPoint")
    return Site(
        facility=location.string("facility", max_length=300),
        city=location.string("city", max_length=120),
        state=location.string("state", max_length=120),
        country=location.string("country", max_length=120),
        latitude=geo.number("lat"),
        longitude=geo.number("lon"),
    )


def _date(node: _Node, key: str) -> date | None:
    text = node.string(key)
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    try:
        if not m:
            raise ValueError(text)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        raise node.error(key, f"{text!r} is not a date (YYYY-MM-DD or YYYY-MM)") from None


# --- criteria ------------------------------------------------------------------------------


def split_ctgov_criteria(text: str) -> tuple[CriterionLine, ...]:
    """``eligibilityCriteria`` through the one splitter (``rules_engine.parser.sections``)."""
    return split_text(text)


def criteria_lines(
    text: str, minimum_age: str, maximum_age: str, sex: str, line_parser: LineParser = parse_line
) -> tuple[CriterionLine, ...]:
    """The text's lines, then the registry's own age and sex fields where the text is silent
    on them (``rules_engine.parser.registry_fields`` has the policy), as children of one heading."""
    lines = split_ctgov_criteria(text)
    try:
        extra = registry_lines(parse_lines(lines, line_parser), minimum_age, maximum_age, sex)
    except Exception:  # noqa: BLE001 - the text could not be read: no field can be shown to be silent
        extra = []
    if not extra:
        return lines
    heading = len(lines)
    return (
        *lines,
        CriterionLine("inclusion", REGISTRY_HEADING, None, None),
        *(CriterionLine("inclusion", text, heading, None) for text in extra),
    )
