"""FHIR routes (thin): the trial-matching operation and ResearchSubject. The work is in
``matcher.fhir.operation`` / ``service`` / ``studies`` / ``research_subject`` and, for storing
the patient, ``matcher.patients.store`` -- the same path a post to ``/patients`` takes."""

from __future__ import annotations

import json
import re
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api_common.errors import FieldError
from api_common.permissions import IsApiClient, client_of
from matcher import intake
from matcher.api import selectors
from matcher.api.patients import (
    STRICT_PARAMETER,
    RawBodyParser,
    bounded_bundle,
    check_key_length,
    intake_warnings,
    job_summary,
)
from matcher.api.throttling import MATCH_QUEUE_THROTTLES
from matcher.audit import trail
from matcher.fhir import research_subject, service
from matcher.fhir.operation import filters_of, split_request
from matcher.models import AccessEvent, MatchJob, Patient
from matcher.patients import store

FHIR_JSON = "application/fhir+json"
_NCT = re.compile(r"NCT\d{8}")


def fhir_response(data: dict[str, Any], status_code: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(data), status=status_code, content_type=FHIR_JSON)


def _outcome(warnings: list[dict[str, str]]) -> dict[str, Any]:
    """The intake's warnings as the searchset's OperationOutcome entry (``search.mode`` outcome)."""
    return {
        "resource": {
            "resourceType": "OperationOutcome",
            "issue": [
                {"severity": "warning", "code": "processing", "diagnostics": w["error"], "expression": [w["path"]]}
                for w in warnings
            ],
        },
        "search": {"mode": "outcome"},
    }


EXAMPLE_REQUEST = {
    "patientData": {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "identifier": [{"system": "urn:oid:1.2.3", "value": "MRN-1"}], "birthDate": "1971-05-24", "gender": "male"}},
            {"resource": {"resourceType": "Condition", "subject": {"reference": "urn:uuid:1"}, "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C92.02"}]}}},
            {"resource": {"resourceType": "Parameters", "parameter": [{"name": "zipCode", "valueString": "02115"}, {"name": "travelRadius", "valueString": "50"}, {"name": "recruitmentStatus", "valueString": "active"}]}},
        ],
    }
}
EXAMPLE_ANSWER = {
    "resourceType": "Bundle",
    "type": "searchset",
    "total": 1,
    "entry": [
        {
            "fullUrl": "https://eligo.example.org/api/v1/trials/NCT06585345",
            "resource": {
                "resourceType": "ResearchStudy",
                "id": "NCT06585345",
                "identifier": [{"system": "http://clinicaltrials.gov", "value": "NCT06585345"}],
                "title": "CAR-T cells for relapsed or refractory AML",
                "status": "active",
                "phase": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/research-study-phase", "code": "phase-1"}]},
                "condition": [{"text": "Acute Myeloid Leukemia"}],
                "contained": [{"resourceType": "Location", "id": "site-1", "name": "Example Cancer Center", "position": {"latitude": 42.34, "longitude": -71.1}}],
                "site": [{"reference": "#site-1"}],
                "extension": [
                    {"url": "urn:eligo:fhir:extension:eligibility", "valueCode": "eligible"},
                    {"url": "urn:eligo:fhir:extension:score", "valueDecimal": 0.93},
                    {"url": "urn:eligo:fhir:extension:nearest-site-miles", "valueDecimal": 1.2},
                    {"url": "urn:eligo:fhir:extension:criterion", "extension": [
                        {"url": "type", "valueCode": "inclusion"}, {"url": "position", "valueInteger": 1},
                        {"url": "text", "valueString": "ECOG 0-3"}, {"url": "outcome", "valueCode": "met"},
                        {"url": "review", "valueBoolean": False}, {"url": "reason", "valueString": "ECOG 1 (2026-11-02) is within 0-3"},
                    ]},
                ],
            },
            "search": {"mode": "match", "score": 0.93},
        }
    ],
}


class FhirMatch(APIView):
    """The trial-matching operation (mCODE clinical trial matching service protocol)."""

    permission_classes = [IsApiClient]
    throttle_classes = MATCH_QUEUE_THROTTLES  # stores and matches a patient, like a patient post
    parser_classes = [RawBodyParser]

    @extend_schema(
        operation_id="fhir_match",
        request={FHIR_JSON: OpenApiTypes.OBJECT, "application/json": OpenApiTypes.OBJECT},
        parameters=[STRICT_PARAMETER],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="a FHIR R4 searchset Bundle of ResearchStudy in rank order",
                                 examples=[OpenApiExample("searchset", value=EXAMPLE_ANSWER)]),
            202: OpenApiResponse(OpenApiTypes.OBJECT, description="the match job did not finish within the wait: {id, match_job, warnings}"),
            400: OpenApiResponse(description="names the element or parameter (zipCode, travelRadius) Eligo cannot use"),
            413: OpenApiResponse(description="body over the size limit (5 MiB)"),
        },
        examples=[OpenApiExample("patientData with Parameters", value=EXAMPLE_REQUEST, request_only=True)],
        description=(
            "Store and match the patient as `POST /patients` would (lenient unless `strict=true`), wait for the "
            "match job (up to 30 s) and answer a FHIR `searchset` Bundle of `ResearchStudy`, in rank order, each "
            "entry with `search.mode` match and `search.score` (Eligo's score, in [0, 1]); the verdict and every "
            "criterion as extensions (docs/fhir.md). Body: a Bundle, or `{\"patientData\": Bundle}`; a `Parameters` "
            "resource (an entry, or `parameters` beside `patientData`) may give `recruitmentStatus`, `phase`, "
            "`zipCode` and `travelRadius` (miles)."
        ),
    )
    def post(self, request: Request) -> HttpResponse:
        client = client_of(request)
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > intake.MAX_BUNDLE_BYTES:
            raise FieldError("$", f"is larger than {intake.MAX_BUNDLE_BYTES} bytes, the most Eligo reads", status_code=413)
        body = request.data if isinstance(request.data, bytes) else request.body
        strict = request.query_params.get("strict", "").strip().lower() in ("1", "true", "yes")
        try:
            bundle, params = split_request(intake.parse_json(body))
            filters = filters_of(params)
            validated = intake.validate_bundle(bounded_bundle(bundle), strict=strict)
            normalised = intake.normalise(validated)
        except intake.BundleTooLarge as exc:
            raise FieldError(exc.path, exc.message, status_code=413) from None
        except intake.IntakeError as exc:
            raise FieldError(exc.path, exc.message) from None
        check_key_length(normalised.identifier, f"entry[{validated.patient.index}].resource.identifier[0]")
        patient, _, job = store.upsert_patient(client, normalised, validated.data, Patient.Format.FHIR, actor=request.user)
        warnings = intake_warnings(normalised)
        job = service.wait_for_job(job, service.wait_seconds())
        if job.status != MatchJob.Status.SUCCEEDED:
            return Response(
                {"id": str(patient.id), "match_job": job_summary(request, job), "warnings": warnings},
                status=status.HTTP_202_ACCEPTED,
            )
        answer = service.studies_for(patient, filters, request.build_absolute_uri("/").rstrip("/"))
        trail.record_read(AccessEvent.Action.MATCHES_READ, request.user, client, [patient.id])
        if warnings:
            answer["entry"].append(_outcome(warnings))
        return fhir_response(answer)


class ResearchSubjectList(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(
        operation_id="fhir_research_subject_search",
        parameters=[
            OpenApiParameter("patient", str, required=True, description="the patient's id (as `/patients` answers it)"),
            OpenApiParameter("study", str, description="only this trial (NCT id)"),
        ],
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="a FHIR R4 searchset Bundle of ResearchSubject, one per result a coordinator has worked",
                                 examples=[OpenApiExample("subjects", value={
                                     "resourceType": "Bundle", "type": "searchset", "total": 1,
                                     "entry": [{"resource": {
                                         "resourceType": "ResearchSubject", "id": "0b7c3c1e-4f7e-4c1a-9d55-2f0f3b1d2a11-NCT06585345",
                                         "status": "screening", "period": {"start": "2026-11-22T10:00:00+00:00"},
                                         "extension": [{"url": "urn:eligo:fhir:extension:review-status", "valueCode": "screening"}],
                                         "study": {"reference": "ResearchStudy/NCT06585345", "identifier": {"system": "http://clinicaltrials.gov", "value": "NCT06585345"}},
                                         "individual": {"reference": "Patient/0b7c3c1e-4f7e-4c1a-9d55-2f0f3b1d2a11"}},
                                         "search": {"mode": "match"}}],
                                 })]),
            400: OpenApiResponse(description="names `patient` or `study`"),
            404: OpenApiResponse(description="no such patient of this client"),
        },
        description="The coordinators' work on a patient's matches as R4 ResearchSubject; status mapped from the review status (docs/fhir.md).",
    )
    def get(self, request: Request) -> HttpResponse:
        patient_id = request.query_params.get("patient", "").strip()
        if not patient_id:
            raise FieldError("patient", "is required: the patient's id")
        study = request.query_params.get("study", "").strip() or None
        if study is not None and not _NCT.fullmatch(study):
            raise FieldError("study", "must be an NCT id (NCT and 8 digits)")
        patient = selectors.patient_of(client_of(request), patient_id)
        rows = list(research_subject.worked_results(patient, study))
        answer = research_subject.bundle_of(rows)
        trail.record_read(AccessEvent.Action.MATCHES_READ, request.user, patient.client_id, [patient.id])
        return fhir_response(answer)
