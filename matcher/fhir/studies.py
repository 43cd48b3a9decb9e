"""A patient's ranked results as a FHIR R4 ``searchset`` Bundle of ``ResearchStudy``.

Plain data in, plain data out (the view validates nothing it builds: the tests parse every
answer with fhir.resources). Codes and extension URLs are listed in docs/fhir.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from matcher.fhir.geo import Point, nearest

CTGOV = "http://clinicaltrials.gov"
PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase"
EXTENSION = "urn:eligo:fhir:extension:"
ELIGIBILITY = EXTENSION + "eligibility"  # valueCode eligible / possibly_eligible / ineligible
SCORE = EXTENSION + "score"  # valueDecimal: Eligo's score, as in /matches
CRITERION = EXTENSION + "criterion"  # complex: type, position, text, outcome, review, reason
SITE_DISTANCE = EXTENSION + "nearest-site-miles"  # valueDecimal, when a zipCode was given
NO_GEOCODED_SITE = EXTENSION + "no-geocoded-site"  # valueBoolean true: kept, distance unknown

# ClinicalTrials.gov overallStatus -> R4 ResearchStudy.status (research-study-status).
STATUS = {
    "RECRUITING": "active",
    "ENROLLING_BY_INVITATION": "active",
    "NOT_YET_RECRUITING": "approved",
    "ACTIVE_NOT_RECRUITING": "closed-to-accrual",
    "SUSPENDED": "temporarily-closed-to-accrual",
    "COMPLETED": "completed",
    "TERMINATED": "administratively-completed",
    "WITHDRAWN": "withdrawn",
}
# ClinicalTrials.gov phases (joined by "/") -> R4 research-study-phase codes.
PHASE = {
    "NA": "n-a",
    "EARLY_PHASE1": "early-phase-1",
    "PHASE1": "phase-1",
    "PHASE2": "phase-2",
    "PHASE3": "phase-3",
    "PHASE4": "phase-4",
    "PHASE1/PHASE2": "phase-1-phase-2",
    "PHASE2/PHASE3": "phase-2-phase-3",
}
PHASE_WORDS = {code: set(word.split("/")) for word, code in PHASE.items()}


@dataclass
class Filters:
    """The trial-matching operation's parameters (mCODE matching service protocol)."""

    statuses: set[str] = field(default_factory=set)  # CT.gov words or R4 codes, upper-cased
    phases: set[str] = field(default_factory=set)  # CT.gov words or R4 codes, upper-cased
    origin: Point | None = None  # the zipCode's centroid
    radius: float | None = None  # travelRadius, miles


@dataclass(frozen=True)
class TrialInfo:
    nct_id: str
    title: str
    status: str
    phase: str
    conditions: tuple[str, ...]
    sites: tuple[dict[str, Any], ...]  # facility, city, state, country, latitude, longitude


def _phase_matches(wanted: set[str], phase: str) -> bool:
    words = set(phase.split("/")) if phase else set()
    for w in wanted:
        asked = PHASE_WORDS.get(w.lower(), {w})
        if asked <= words or w.lower() == PHASE.get(phase):
            return True
    return False


def _site_points(trial: TrialInfo) -> list[Point]:
    return [
        Point(s["latitude"], s["longitude"])
        for s in trial.sites
        if s.get("latitude") is not None and s.get("longitude") is not None
    ]


def distance_of(trial: TrialInfo, filters: Filters) -> tuple[bool, float | None]:
    """(kept, miles to the nearest site). A trial with no geocoded site is kept (unknown
    distance); one whose every geocoded site lies beyond the radius is not."""
    if filters.origin is None:
        return True, None
    miles = nearest(filters.origin, _site_points(trial))
    if miles is None:
        return True, None
    return (filters.radius is None or miles <= filters.radius), miles


def keep(trial: TrialInfo, filters: Filters) -> bool:
    if filters.statuses and not ({trial.status.upper(), STATUS.get(trial.status, "").upper()} & filters.statuses):
        return False
    if filters.phases and not _phase_matches(filters.phases, trial.phase):
        return False
    return True


def _criterion(position: int, criterion: tuple[Any, ...]) -> dict[str, Any]:
    kind, text, outcome, review, reason = criterion[:5]
    parts: list[dict[str, Any]] = [
        {"url": "type", "valueCode": kind},
        {"url": "position", "valueInteger": position},
        {"url": "text", "valueString": text or "-"},
        {"url": "outcome", "valueCode": outcome},
        {"url": "review", "valueBoolean": bool(review)},
    ]
    if reason:
        parts.append({"url": "reason", "valueString": reason})
    return {"url": CRITERION, "extension": parts}


def research_study(result: dict[str, Any], trial: TrialInfo, miles: float | None, filtered_by_distance: bool) -> dict[str, Any]:
    """One result as an R4 ResearchStudy: identity, status, phase, conditions, sites as
    contained Locations, and Eligo's verdict with every criterion as extensions."""
    contained = []
    for n, site in enumerate(trial.sites, start=1):
        location: dict[str, Any] = {"resourceType": "Location", "id": f"site-{n}"}
        if site.get("facility"):
            location["name"] = site["facility"]
        address = {k: site[k] for k in ("city", "state", "country") if site.get(k)}
        if address:
            location["address"] = address
        if site.get("latitude") is not None and site.get("longitude") is not None:
            location["position"] = {"latitude": site["latitude"], "longitude": site["longitude"]}
        contained.append(location)
    extensions: list[dict[str, Any]] = [
        {"url": ELIGIBILITY, "valueCode": result["eligibility"]},
        {"url": SCORE, "valueDecimal": result["score"]},
    ]
    if miles is not None:
        extensions.append({"url": SITE_DISTANCE, "valueDecimal": round(miles, 1)})
    elif filtered_by_distance:
        extensions.append({"url": NO_GEOCODED_SITE, "valueBoolean": True})
    extensions += [_criterion(n, c) for n, c in enumerate(result["criteria"], start=1)]
    study: dict[str, Any] = {
        "resourceType": "ResearchStudy",
        "id": trial.nct_id,
        "identifier": [{"system": CTGOV, "value": trial.nct_id}],
        "title": trial.title or trial.nct_id,
        "status": STATUS.get(trial.status, "in-review"),
    }
    if contained:
        study["contained"] = contained
        study["site"] = [{"reference": f"#{c['id']}"} for c in contained]
    study["extension"] = extensions
    if trial.phase in PHASE:
        study["phase"] = {"coding": [{"system": PHASE_SYSTEM, "code": PHASE[trial.phase]}], "text": trial.phase}
    if trial.conditions:
        study["condition"] = [{"text": c} for c in trial.conditions]
    return study


def searchset(results: Iterable[dict[str, Any]], trials: dict[str, TrialInfo], filters: Filters, base_url: str) -> dict[str, Any]:
    """The ranked results that pass the filters, in rank order, each ``search.mode`` match with
    ``search.score`` Eligo's score (in [0, 1])."""
    entries = []
    for result in results:
        trial = trials.get(result["trial"])
        if trial is None or not keep(trial, filters):
            continue
        kept, miles = distance_of(trial, filters)
        if not kept:
            continue
        entries.append(
            {
                "fullUrl": f"{base_url}/api/v1/trials/{trial.nct_id}",
                "resource": research_study(result, trial, miles, filters.origin is not None),
                "search": {"mode": "match", "score": min(1.0, max(0.0, float(result["score"])))},
            }
        )
    return {"resourceType": "Bundle", "type": "searchset", "total": len(entries), "entry": entries}
