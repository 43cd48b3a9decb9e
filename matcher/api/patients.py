"""Patients, match jobs and matches over REST (contract sections 2 and 3). Thin views: the
work is in matcher.patients.store and matcher.matching.jobs (writes), matcher.api.selectors
(reads, with tenancy) and matcher.intake (validation and normalisation)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from django.db import transaction
from django.http import Http404, HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api_common.errors import FieldError
from api_common.permissions import IsApiClient, client_of
from matcher import intake
from matcher.api import matches_json, selectors
from matcher.api.openapi import as_openapi_schema, paginated
from matcher.api.throttling import MATCH_QUEUE_THROTTLES
from matcher.audit import trail
from matcher.matching import on_demand
from matcher.matching.jobs import queue_match
from matcher.models import AccessEvent, MatchChange, MatchJob, Patient
from matcher.patients import store

FHIR_JSON = "application/fhir+json"
NATIVE_JSON = "application/vnd.eligo.patient+json"


class RawBodyParser(BaseParser):
    """Hands the view the body untouched: the intake validates it and names the bad element
    by its path, which a generic JSON parser's error could not do."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        return stream.read() if stream is not None else b""


def job_url(request: Request, job: MatchJob) -> str:
    return request.build_absolute_uri(reverse("match-job", args=[job.id]))


def job_summary(request: Request, job: MatchJob) -> dict:
    return {"id": str(job.id), "status": job.status, "url": job_url(request, job)}


JobSummary = inline_serializer(
    "JobSummary", {"id": serializers.UUIDField(), "status": serializers.CharField(), "url": serializers.URLField()}
)


class MatchJobSerializer(serializers.ModelSerializer):
    patient = serializers.UUIDField(source="patient_id")

    class Meta:
        model = MatchJob
        fields = ["id", "patient", "status", "created", "finished", "error", "trigger", "evaluated_at", "not_candidates"]

    not_candidates = serializers.IntegerField(
        source="gated", read_only=True,
        help_text="open trials not evaluated: a gate (diagnosis family, age, sex) the patient cannot pass",
    )


class PatientSerializer(serializers.ModelSerializer):
    identifier = serializers.SerializerMethodField()

    class Meta:
        model = Patient
        fields = ["id", "identifier", "format", "record", "facts", "ignored", "warnings", "created", "updated"]

    def get_identifier(self, patient: Patient) -> dict:
        return {"system": patient.identifier_system, "value": patient.identifier_value}


class CriterionOutcomeSerializer(serializers.Serializer):
    type = serializers.CharField()
    text = serializers.CharField()
    outcome = serializers.CharField()
    review = serializers.BooleanField()
    reason = serializers.CharField()


class MatchResultSerializer(serializers.Serializer):
    """The shape of one ranked result (the answer is built as plain data by the selector)."""

    rank = serializers.IntegerField()
    trial = serializers.CharField(help_text="NCT id")
    title = serializers.CharField()
    status = serializers.CharField()
    eligibility = serializers.ChoiceField(choices=["eligible", "possibly_eligible", "ineligible"])
    score = serializers.FloatField()
    criteria = CriterionOutcomeSerializer(many=True)
    error = serializers.CharField(help_text="set when this trial's evaluation failed; the job went on")
    changes_on = serializers.DateField(allow_null=True, help_text="the day time alone would change this verdict")
    first_seen = serializers.DateTimeField()
    last_changed = serializers.DateTimeField()


class PatientPagination(CursorPagination):
    ordering = "-created"
    page_size = 50


def _strict(request: Request) -> bool:
    """``?strict=true``: refuse any invalid resource (the lenient default keeps it and warns)."""
    return request.query_params.get("strict", "").strip().lower() in ("1", "true", "yes")


def intake_warnings(normalised: intake.NormalisedRecord) -> list[dict[str, str]]:
    """Resources kept but not read, and values read only in part: paths and type words only."""
    return [{"path": path, "error": error} for path, error in normalised.warnings]


class IntakeWarningSerializer(serializers.Serializer):
    """A resource kept but not read, or a value read in part: where, and what is wrong (type words)."""

    path = serializers.CharField(help_text="e.g. entry[2].resource")
    error = serializers.CharField()


def intake_warnings_schema() -> serializers.Serializer:
    return IntakeWarningSerializer(many=True)

STRICT_PARAMETER = OpenApiParameter(
    "strict", bool, description="refuse any resource that fails validation (400 naming it) instead of keeping it with a warning"
)


def _read_body(request: Request) -> tuple[bytes, str]:
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > intake.MAX_BUNDLE_BYTES:
        raise FieldError("$", f"is larger than {intake.MAX_BUNDLE_BYTES} bytes, the most Eligo reads", status_code=413)
    body = request.data if isinstance(request.data, bytes) else request.body
    fmt = Patient.Format.NATIVE if request.content_type.startswith(NATIVE_JSON) else Patient.Format.FHIR
    return body, fmt


# The most entries a posted Bundle may hold. Validation costs ~65 µs per entry even for a type
# Eligo does not read, so 5 MiB of tiny entries (100,000) took 10 s of a web worker; years of a
# leukemia patient's daily labs are a few thousand entries.
MAX_BUNDLE_ENTRIES = 20_000


def bounded_bundle(data: Any) -> Any:
    entries = data.get("entry") if isinstance(data, dict) else None
    if isinstance(entries, list) and len(entries) > MAX_BUNDLE_ENTRIES:
        raise FieldError("entry", f"holds {len(entries)} entries; Eligo reads at most {MAX_BUNDLE_ENTRIES}", status_code=413)
    return data


def check_key_length(identifier: tuple[str, str], path: str) -> None:
    """The upsert key is stored in columns of a bounded length: a longer one is the client's
    mistake (a 400 naming it), not a database error (it was a 500)."""
    for name, value in zip(("system", "value"), identifier, strict=True):
        limit = getattr(Patient._meta.get_field(f"identifier_{name}"), "max_length", None) or 0
        if len(value) > limit:
            raise FieldError(f"{path}.{name}", f"is longer than {limit} characters, the most Eligo stores")


class PatientListCreate(APIView):
    permission_classes = [IsApiClient]
    throttle_classes = MATCH_QUEUE_THROTTLES
    parser_classes = [RawBodyParser]

    @extend_schema(
        request={
            FHIR_JSON: OpenApiTypes.OBJECT,
            "application/json": OpenApiTypes.OBJECT,
            NATIVE_JSON: as_openapi_schema(intake.NATIVE_SCHEMA),
        },
        responses={
            201: inline_serializer(
                "PatientCreated", {"id": serializers.UUIDField(), "match_job": JobSummary, "warnings": intake_warnings_schema()}
            ),
            200: inline_serializer(
                "PatientUpdated", {"id": serializers.UUIDField(), "match_job": JobSummary, "warnings": intake_warnings_schema()}
            ),
            400: OpenApiResponse(description="the message names the offending element, e.g. entry[3].resource.valueQuantity.value"),
            413: OpenApiResponse(description="body over the size limit (5 MiB)"),
        },
        description=(
            "Upsert a patient by (client, Patient's first identifier) from a FHIR R4 Bundle "
            f"(`{FHIR_JSON}` or `application/json`) or Eligo's own patient JSON (`{NATIVE_JSON}`). "
            "Every accepted post queues a match job. Lenient by default: a resource that fails validation or "
            "cannot be read is kept, skipped for matching and listed in `warnings`; 400 only when the patient "
            "is unknowable (no or several Patients, no identifier, a resource about another patient, not a Bundle)."
        ),
        parameters=[STRICT_PARAMETER],
    )
    def post(self, request: Request) -> Response:
        client = client_of(request)
        body, fmt = _read_body(request)
        try:
            if fmt == Patient.Format.NATIVE:
                record = intake.parse_json(body)
                normalised = intake.normalise_native(record)
                key_path = "identifier"
            else:
                validated = intake.validate_bundle(bounded_bundle(intake.parse_json(body)), strict=_strict(request))
                record = validated.data
                normalised = intake.normalise(validated)
                key_path = f"entry[{validated.patient.index}].resource.identifier[0]"
        except intake.BundleTooLarge as exc:
            raise FieldError(exc.path, exc.message, status_code=413) from None
        except intake.IntakeError as exc:
            raise FieldError(exc.path, exc.message) from None
        check_key_length(normalised.identifier, key_path)
        patient, created, job = store.upsert_patient(client, normalised, record, fmt, actor=request.user)
        return Response(
            {"id": str(patient.id), "match_job": job_summary(request, job), "warnings": intake_warnings(normalised)},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        operation_id="patients_list",
        responses=paginated("PaginatedPatients", PatientSerializer(many=True)),
        description="This client's patients, newest first. Cursor-paginated.",
    )
    def get(self, request: Request) -> Response:
        client = client_of(request)
        paginator = PatientPagination()
        page = paginator.paginate_queryset(selectors.patients_of(client), request, view=self)
        response = paginator.get_paginated_response(PatientSerializer(page, many=True).data)
        trail.record_read(AccessEvent.Action.PATIENT_LIST, request.user, client, [p.id for p in page or []])
        return response


class PatientDetail(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(responses=PatientSerializer)
    def get(self, request: Request, patient_id: str) -> Response:
        client = client_of(request)
        patient = selectors.patient_of(client, patient_id)
        data = PatientSerializer(patient).data
        trail.record_read(AccessEvent.Action.PATIENT_READ, request.user, client, [patient.id])
        return Response(data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, patient_id: str) -> Response:
        store.delete_patient(selectors.patient_of(client_of(request), patient_id), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PatientMatch(APIView):
    permission_classes = [IsApiClient]
    throttle_classes = MATCH_QUEUE_THROTTLES

    @extend_schema(request=None, responses={202: JobSummary})
    def post(self, request: Request, patient_id: str) -> Response:
        patient = selectors.patient_of(client_of(request), patient_id)
        with transaction.atomic():
            job = queue_match(patient, MatchJob.Trigger.REQUESTED)
            trail.record_write(AccessEvent.Action.MATCH_JOB_CREATE, request.user, patient.client_id, patient.id)
        return Response(job_summary(request, job), status=status.HTTP_202_ACCEPTED)


class MatchJobDetail(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(responses=MatchJobSerializer)
    def get(self, request: Request, job_id: str) -> Response:
        client = client_of(request)
        job = selectors.job_of(client, job_id)
        data = MatchJobSerializer(job).data
        trail.record_read(AccessEvent.Action.MATCH_JOB_READ, request.user, client, [job.patient_id])
        return Response(data)


ELIGIBILITY_WORDS = ["eligible", "possibly_eligible", "ineligible"]
CRITERIA_FORMS = ["all", "failing"]
MAX_PAGE_SIZE = 1000

CRITERIA_PARAMETER = OpenApiParameter(
    "criteria", str, enum=CRITERIA_FORMS,
    description=(
        "`all` (default): every criterion. `failing`: only the top-level lines that decide the verdict against "
        "the patient (an inclusion not met, an exclusion met) and, for a possibly eligible verdict, the undecided "
        "lines (unknown, not left to review) that keep it open; none for an eligible verdict."
    ),
)


def _failing(request: Request) -> bool:
    form = request.query_params.get("criteria", "all") or "all"
    if form not in CRITERIA_FORMS:
        raise FieldError("criteria", f"unknown value {form!r}; use one of {', '.join(CRITERIA_FORMS)}")
    return form == "failing"


def _page_size(request: Request) -> int | None:
    raw = request.query_params.get("page_size")
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_SIZE:
        raise FieldError("page_size", f"must be a whole number from 1 to {MAX_PAGE_SIZE}")
    return int(raw)


def _encode_cursor(key: selectors.RankKey) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key), separators=(",", ":")).encode()).decode().rstrip("=")


def _decode_cursor(request: Request) -> selectors.RankKey | None:
    """The rank key of the last result of the previous page. Opaque to clients; anything that
    does not decode to one is a 400 naming ``cursor``, never a 500."""
    raw = request.query_params.get("cursor")
    if not raw:
        return None
    try:
        if len(raw) > 200:
            raise ValueError
        rank, score, nct = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if type(rank) is not int or not isinstance(score, int | float) or not isinstance(nct, str):
            raise ValueError
        return (rank, float(score), nct)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise FieldError("cursor", "is not a cursor this API gave out") from None


MatchResultHead = {
    "patient": serializers.UUIDField(),
    "job": serializers.UUIDField(allow_null=True),
    "evaluated_at": serializers.DateField(allow_null=True),
    "results": MatchResultSerializer(many=True),
}


class PatientMatches(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "eligibility", str, many=True, enum=ELIGIBILITY_WORDS, description="only results with this eligibility (repeatable, or comma-separated)"
            ),
            OpenApiParameter(
                "page_size", int,
                description=f"cursor pagination: at most this many results (1-{MAX_PAGE_SIZE}) and `next`; without it every result",
            ),
            OpenApiParameter("cursor", str, description="the page after the one whose `next` gave this cursor"),
            CRITERIA_PARAMETER,
        ],
        responses=inline_serializer(
            "Matches",
            {
                **MatchResultHead,
                "next": serializers.URLField(
                    required=False, allow_null=True,
                    help_text="only with `page_size`: the next page, or null on the last",
                ),
            },
        ),
        description=(
            "The patient's current results from its latest succeeded job, ranked (eligible, possibly eligible, "
            "ineligible; higher score first). Each result keeps its rank in the whole list when filtered or paged."
        ),
    )
    def get(self, request: Request, patient_id: str) -> HttpResponse:
        patient = selectors.patient_of(client_of(request), patient_id)
        wanted = [w for v in request.query_params.getlist("eligibility") for w in v.split(",") if w]
        unknown = [w for w in wanted if w not in ELIGIBILITY_WORDS]
        if unknown:
            raise FieldError("eligibility", f"unknown value {unknown[0]!r}; use one of {', '.join(ELIGIBILITY_WORDS)}")
        failing, page_size, after = _failing(request), _page_size(request), _decode_cursor(request)
        job = selectors.latest_succeeded_job(patient)
        head: dict[str, object] = {"patient": str(patient.id), "job": None, "evaluated_at": None}
        results: list[dict] = []
        last = None
        if job is not None:
            head.update(job=str(job.id), evaluated_at=job.evaluated_at)
            page = selectors.results_page(patient, wanted or None, after=after, limit=page_size, failing=failing)
            results, last = page.results, page.last
        trail.record_read(AccessEvent.Action.MATCHES_READ, request.user, patient.client_id, [patient.id])
        if page_size is not None:
            head["next"] = None
            if last is not None:
                query = request.query_params.copy()
                query["cursor"] = _encode_cursor(last)
                head["next"] = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        # Encoded here rather than by the renderer: at 1,000 open trials it is 8 MB (see
        # matches_json); JSON is the only format the API speaks.
        return HttpResponse(matches_json.render(head, results), content_type="application/json")


class GateSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="the line's 1-based position in the criteria version")
    text = serializers.CharField()
    reason = serializers.CharField()


class OneMatchSerializer(MatchResultSerializer):
    rank = serializers.IntegerField(allow_null=True, help_text="its place in /matches; null when not stored")
    first_seen = serializers.DateTimeField(allow_null=True)
    last_changed = serializers.DateTimeField(allow_null=True)
    stored = serializers.BooleanField(help_text="false: not among the stored results, judged now for this answer")
    evaluated_at = serializers.DateField(help_text="the evaluation date of this verdict")
    gate = GateSerializer(
        allow_null=True,
        help_text=(
            "set when the trial is not a candidate for the patient: the inclusion line about diagnosis family, "
            "age or sex it cannot meet, which alone makes it ineligible (such trials are counted, not stored)"
        ),
    )


class PatientMatchDetail(APIView):
    """One trial's full result for the patient: the stored one, or judged now when none is."""

    permission_classes = [IsApiClient]

    @extend_schema(
        operation_id="patients_match_retrieve",
        parameters=[CRITERIA_PARAMETER],
        responses={200: OneMatchSerializer, 404: OpenApiResponse(description="no such patient of this client, or no open trial with this NCT id")},
        description=(
            "The shape of one entry of `/matches` `results`, plus `stored`, `evaluated_at` and `gate`. For an open "
            "trial without a stored result (a trial that is not a candidate for the patient: `gate` names the line "
            "that excludes it) the verdict is computed now (not stored): `rank`, `first_seen` and `last_changed` "
            "are then null."
        ),
    )
    def get(self, request: Request, patient_id: str, nct_id: str) -> HttpResponse:
        patient = selectors.patient_of(client_of(request), patient_id)
        failing = _failing(request)
        result = selectors.stored_result(patient, nct_id.upper(), failing)
        if result is not None:
            result.update(stored=True, gate=None)
        else:
            trial = on_demand.open_trial(nct_id.upper())
            if trial is None:
                raise Http404
            judged = on_demand.evaluate_one(patient, trial)
            result = on_demand_result(judged, failing)
        trail.record_read(AccessEvent.Action.MATCHES_READ, request.user, patient.client_id, [patient.id])
        return HttpResponse(matches_json.render_one(result), content_type="application/json")


def on_demand_result(judged: on_demand.OnDemand, failing: bool) -> dict:
    outcome = judged.outcome
    criteria = [(c.type, c.text, str(c.outcome), c.review, c.reason) for c in outcome.criteria]
    if failing:
        criteria = selectors.failing_only(criteria, list(judged.parents), str(outcome.eligibility))
    return {
        "rank": None, "trial": judged.trial.nct_id, "title": judged.trial.title, "status": judged.trial.overall_status,
        "eligibility": str(outcome.eligibility), "score": outcome.score, "criteria": criteria,
        "error": outcome.error or "", "changes_on": outcome.changes_on, "first_seen": None, "last_changed": None,
        "stored": False, "evaluated_at": judged.evaluated_at,
        "gate": None if judged.gate is None else {
            "position": judged.gate.gate.index + 1, "text": judged.gate.gate.text, "reason": judged.gate.gate.reason,
        },
    }


class BlankAsNull(serializers.CharField):
    """An eligibility that was not there (before an appearance, after a disappearance) is null."""

    def to_representation(self, value: str) -> str | None:
        return value or None


class MatchChangeSerializer(serializers.ModelSerializer):
    trial = serializers.CharField(source="trial.nct_id")
    old_eligibility = BlankAsNull(allow_null=True)
    new_eligibility = BlankAsNull(allow_null=True)
    job = serializers.UUIDField(source="job_id", allow_null=True)
    trial_change = serializers.IntegerField(source="trial_change_id", allow_null=True)

    class Meta:
        model = MatchChange
        fields = ["id", "trial", "kind", "cause", "old_eligibility", "new_eligibility", "detail", "job", "trial_change", "created"]


class ChangePagination(CursorPagination):
    ordering = ("-created", "-id")
    page_size = 100


class PatientMatchChanges(APIView):
    """What each (re-)match changed for this patient, newest first, and why."""

    permission_classes = [IsApiClient]

    @extend_schema(
        parameters=[OpenApiParameter("trial", str, description="only changes of this trial (NCT id)")],
        operation_id="patients_matches_changes_list",
        responses=paginated("PaginatedMatchChanges", MatchChangeSerializer(many=True)),
        description=(
            "Per trial: whether the result `appeared`, `disappeared` or `changed` eligibility, and the cause: "
            "`patient_data`, `criteria_version`, `trial_status`, `time` or `override`. Cursor-paginated. "
            "A result's first appearance in the patient's own match job is not stored apart: its `id` is "
            "the result's, negated (unique among changes all the same)."
        ),
    )
    def get(self, request: Request, patient_id: str) -> Response:
        patient = selectors.patient_of(client_of(request), patient_id)
        changes = selectors.changes_of(patient)
        if request.query_params.get("trial"):
            changes = changes.filter(trial__nct_id=request.query_params["trial"])
        paginator = ChangePagination()
        page = paginator.paginate_queryset(changes, request, view=self)
        response = paginator.get_paginated_response(MatchChangeSerializer(page, many=True).data)
        trail.record_read(AccessEvent.Action.CHANGES_READ, request.user, patient.client_id, [patient.id])
        return response
