"""The plain shape every importer produces and the trial services store.

Importers (seed pages, ClinicalTrials.gov v2 JSON) are pure functions from text or JSON to a
``TrialRecord``: they never touch the database, so a failed import cannot half-write, and the
same upsert service stores whatever the source was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CriterionLine:
    """One eligibility line in source order. ``parent`` is the index (in the same list) of the
    heading line it is nested under, if any; ``source_line`` is its 1-based line number in the
    source text, for error messages."""

    type: str  # "inclusion" | "exclusion"
    text: str
    parent: int | None = None
    source_line: int | None = None


@dataclass(frozen=True)
class Site:
    facility: str
    city: str = ""
    state: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Arm:
    label: str
    type: str = ""
    description: str = ""
    interventions: tuple[str, ...] = ()
    dose_levels: tuple[str, ...] = ()  # e.g. ("2.0x10^7 cells/kg", ...) where the source gives them


@dataclass(frozen=True)
class TrialRecord:
    nct_id: str
    title: str
    overall_status: str  # ClinicalTrials.gov overallStatus word, e.g. RECRUITING
    brief_summary: str = ""
    phase: str = ""  # e.g. "EARLY_PHASE1", "PHASE1", "PHASE1/PHASE2", "" when not given
    study_type: str = ""
    conditions: tuple[str, ...] = ()
    interventions: tuple[str, ...] = ()
    sponsor: str = ""
    enrollment: int | None = None
    arms: tuple[Arm, ...] = ()
    sites: tuple[Site, ...] = ()
    minimum_age: str = ""  # the registry's own words, e.g. "18 Years"
    maximum_age: str = ""
    sex: str = ""  # ALL | FEMALE | MALE, as the registry says
    last_update: date | None = None
    criteria_text: str = ""  # the whole eligibility text as the source gives it
    criteria: tuple[CriterionLine, ...] = field(default_factory=tuple)
    source: str = ""  # "seed" | "ctgov"


# ClinicalTrials.gov API v2 overallStatus words.
OVERALL_STATUSES = frozenset(
    {
        "ACTIVE_NOT_RECRUITING",
        "COMPLETED",
        "ENROLLING_BY_INVITATION",
        "NOT_YET_RECRUITING",
        "RECRUITING",
        "SUSPENDED",
        "TERMINATED",
        "WITHDRAWN",
        "AVAILABLE",
        "NO_LONGER_AVAILABLE",
        "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING",
        "WITHHELD",
        "UNKNOWN",
    }
)

# Contract section 3: only these are evaluated and listed.
OPEN_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})


class SourceFormatError(ValueError):
    """A source that cannot be read. The message names the file (or JSON path) and the line or
    field, so the person fixing it knows where to look."""
