"""The coordinators' work as R4 ``ResearchSubject``: one per result a coordinator has worked
(a review status other than new, or any recorded action), its status mapped from the review
status by ``STATUS`` (docs/fhir.md), and a ``research_subject.status_changed`` webhook event
when the mapped status changes, recorded in the coordinator's transaction."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from matcher.fhir.studies import CTGOV, EXTENSION
from matcher.models import MatchEvent, MatchResult, Patient
from matcher.webhooks.delivery import record_client_event

EVENT = "research_subject.status_changed"
REVIEW_STATUS = EXTENSION + "review-status"  # valueCode: Eligo's review status, as the coordinator set it

# Eligo review status -> R4 ResearchSubject.status (research-subject-status).
STATUS = {
    MatchResult.ReviewStatus.NEW: "candidate",
    MatchResult.ReviewStatus.UNDER_REVIEW: "candidate",
    MatchResult.ReviewStatus.CONTACT_PENDING: "candidate",
    MatchResult.ReviewStatus.CONTACTED: "candidate",
    MatchResult.ReviewStatus.DEFERRED: "candidate",
    MatchResult.ReviewStatus.SCREENING: "screening",
    MatchResult.ReviewStatus.ENROLLED: "on-study",
    MatchResult.ReviewStatus.NOT_ELIGIBLE: "ineligible",
    MatchResult.ReviewStatus.DECLINED: "withdrawn",
}


def subject_status(review_status: str) -> str:
    return STATUS.get(review_status, "candidate")  # type: ignore[call-overload]


def worked_results(patient: Patient, study: str | None = None) -> QuerySet[MatchResult]:
    worked = Exists(MatchEvent.objects.filter(result=OuterRef("pk")))
    rows = (
        MatchResult.objects.filter(patient=patient)
        .filter(~Q(review_status=MatchResult.ReviewStatus.NEW) | worked)
        .select_related("trial")
        .order_by("trial__nct_id")
    )
    return rows.filter(trial__nct_id=study) if study else rows


def research_subject(row: MatchResult) -> dict[str, Any]:
    nct = row.trial.nct_id
    return {
        "resourceType": "ResearchSubject",
        "id": f"{row.patient_id}-{nct}",
        "extension": [{"url": REVIEW_STATUS, "valueCode": row.review_status}],
        "status": subject_status(row.review_status),
        "period": {"start": row.first_seen.isoformat()},
        "study": {"reference": f"ResearchStudy/{nct}", "identifier": {"system": CTGOV, "value": nct}},
        "individual": {"reference": f"Patient/{row.patient_id}"},
    }


def bundle_of(rows: list[MatchResult]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(rows),
        "entry": [{"resource": research_subject(r), "search": {"mode": "match"}} for r in rows],
    }


def announce_status_change(row: MatchResult, old_review_status: str, new_review_status: str) -> None:
    """Record the webhook event when the R4 status changes (call inside the coordinator's
    transaction: the delivery row commits with the review change, and is sent after commit)."""
    old, new = subject_status(old_review_status), subject_status(new_review_status)
    if old == new:
        return
    record_client_event(
        row.client_id,
        EVENT,
        {
            "event": EVENT,
            "patient": str(row.patient_id),
            "trial": row.trial.nct_id,
            "old_status": old,
            "new_status": new,
        },
    )
