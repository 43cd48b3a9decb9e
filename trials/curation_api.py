"""The curators' calls on a trial (issue 17, contract section 6): correct one line in the rule
language, golden patients, publish a held version. Mixed into ``trials.api.TrialViewSet`` so
they live under ``/api/v1/trials/{nct_id}/`` and share its permissions (reads for every client,
writes for trial managers)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.db import IntegrityError, transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import MethodNotAllowed, NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from api_common.errors import FieldError
from rules_engine.criteria import CriteriaFormatError, criterion_from_json
from rules_engine.rule_language import RuleError, RuleRenderError, render_rule
from trials import golden, services
from trials.models import CriteriaVersion, Criterion, GoldenPatient, Trial

MAX_GOLDEN_BYTES = 1024 * 1024  # a test patient is one record; the intake's own limit is larger
MAX_GOLDEN_PER_TRIAL = 50  # each runs on every new version, inside its transaction


@lru_cache(maxsize=65536)
def _rule_of(criterion_pk: int, structured_json: str) -> str | None:
    import json

    data = json.loads(structured_json)
    try:
        criterion = criterion_from_json({**data, "type": data.get("type", "inclusion")})
        return render_rule(criterion.expr, criterion.applies_if)
    except (CriteriaFormatError, RuleRenderError, KeyError, TypeError, ValueError):
        return None


def rule_of(row: Criterion) -> str | None:
    """The line in the rule language (criterion rows never change, so by pk it is cached)."""
    import json

    if row.structured is None:
        return None
    return _rule_of(row.pk, json.dumps(row.structured, sort_keys=True))


def criteria_answer(version: CriteriaVersion | None, rows: list[Criterion] | None = None) -> list[dict[str, Any]]:
    """Every line of a version as the trial answer carries it: 1-based ``position``, ``rule``
    (null for a heading: its children carry the rules), ``corrected``."""
    if version is None:
        return []
    rows = list(version.criteria.all()) if rows is None else rows
    headings = {r.parent_position for r in rows if r.parent_position is not None}
    return [
        {
            "position": r.position + 1,
            "type": r.type,
            "text": r.text,
            "review": r.review,
            "structured": r.structured,
            "rule": None if r.position in headings else rule_of(r),
            "corrected": r.corrected,
        }
        for r in rows
    ]


class RuleInput(serializers.Serializer):
    rule = serializers.CharField(allow_blank=True, trim_whitespace=False)
    version = serializers.IntegerField(min_value=1)


class GoldenInput(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    patient = serializers.JSONField()
    # a CharField checked by hand: a second choice field over the eligibility words would give
    # the schema two names for one enum
    expected = serializers.CharField(help_text="eligible, possibly_eligible or ineligible")
    criteria = serializers.DictField(
        child=serializers.ChoiceField(choices=["met", "not_met", "unknown"]), required=False, default=dict
    )

    def validate_expected(self, value: str) -> str:
        if value not in GoldenPatient.Expected.values:
            raise serializers.ValidationError(f"one of {', '.join(GoldenPatient.Expected.values)}")
        return value

    def validate_criteria(self, value: dict) -> dict:
        for key in value:
            if not str(key).isdigit() or int(key) < 1:
                raise serializers.ValidationError(f"{key!r}: a 1-based line position")
        return {str(int(k)): v for k, v in value.items()}


def golden_answer(g: GoldenPatient) -> dict[str, Any]:
    return {"id": g.pk, "name": g.name, "patient": g.patient, "expected": g.expected, "criteria": g.criteria,
            "last_run": g.last_run}


def version_answer(version: CriteriaVersion) -> dict[str, Any]:
    return {"version": version.number, "held": version.held, "disagreements": version.disagreements}


class CurationActions:
    """Actions of ``TrialViewSet``; the whole-trial PUT and DELETE stay refused."""

    get_object: Any

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise MethodNotAllowed(request.method or "PUT")

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise MethodNotAllowed(request.method or "DELETE")

    @extend_schema(
        request=RuleInput,
        responses={200: OpenApiTypes.OBJECT},
        description="Correct one line (1-based position) in the rule language (docs/rule-language.md), built on "
        "`version`, the newest version: a new version, held when the trial's golden patients disagree. "
        "400 names the position and column of a rule that does not parse; 409 when `version` is no longer the newest.",
    )
    @action(detail=True, methods=["put"], url_path=r"criteria/(?P<position>[0-9]{1,6})")
    def criteria_line(self, request: Request, position: str, **kwargs: Any) -> Response:
        trial: Trial = self.get_object()
        data = RuleInput(data=request.data)
        data.is_valid(raise_exception=True)
        where = int(position)
        try:
            version = services.correct_line(
                trial, where, data.validated_data["rule"], data.validated_data["version"], actor=request.user
            )
        except RuleError as exc:
            raise FieldError(
                "rule", f"line {where} (position {where}), column {exc.column}: {exc.message}"
                + (f" (rule line {exc.line})" if exc.line != 1 else "")
            ) from None
        except services.StaleVersion as exc:
            raise FieldError(
                "version", f"version {data.validated_data['version']} is no longer current; the newest is {exc.newest}",
                status_code=status.HTTP_409_CONFLICT,
            ) from None
        except IndexError:
            raise NotFound(f"position: the trial's version has no line {where}") from None
        return Response(version_answer(version))

    @extend_schema(request=GoldenInput, responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get", "post"], url_path="golden-patients")
    def golden_patients(self, request: Request, **kwargs: Any) -> Response:
        trial: Trial = self.get_object()
        if request.method == "GET":
            return Response({"results": [golden_answer(g) for g in trial.golden_patients.all()]})
        if len(request.body or b"") > MAX_GOLDEN_BYTES:
            raise FieldError("patient", f"is larger than {MAX_GOLDEN_BYTES} bytes", status_code=413)
        data = GoldenInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if problem := golden.validate_record(values["patient"]):
            raise FieldError(*problem)
        with transaction.atomic():
            Trial.objects.select_for_update().get(pk=trial.pk)
            if trial.golden_patients.count() >= MAX_GOLDEN_PER_TRIAL:
                raise FieldError("name", f"a trial has at most {MAX_GOLDEN_PER_TRIAL} golden patients")
            try:
                with transaction.atomic():
                    made = GoldenPatient.objects.create(trial=trial, created_by=request.user, **values)
            except IntegrityError:
                raise FieldError("name", "this trial already has a golden patient of that name") from None
            golden.run_on_current(trial, [made])
        return Response(golden_answer(made), status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["delete"], url_path=r"golden-patients/(?P<golden_id>[0-9]{1,12})")
    def golden_patient(self, request: Request, golden_id: str, **kwargs: Any) -> Response:
        trial: Trial = self.get_object()
        deleted, _ = trial.golden_patients.filter(pk=int(golden_id)).delete()
        if not deleted:
            raise NotFound(f"id: the trial has no golden patient {golden_id}")
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=["post"], url_path=r"criteria-versions/(?P<number>[0-9]{1,9})/publish")
    def publish(self, request: Request, number: str, **kwargs: Any) -> Response:
        trial: Trial = self.get_object()
        try:
            version = services.publish_version(trial, int(number), actor=request.user)
        except CriteriaVersion.DoesNotExist:
            raise NotFound(f"number: the trial has no criteria version {number}") from None
        except services.NotHeld as exc:
            raise FieldError("number", str(exc), status_code=status.HTTP_409_CONFLICT) from None
        return Response({**version_answer(version), "published_at": version.published_at.isoformat() if version.published_at else None})


# where ``trials_for_api`` puts each trial's newest version (a list of at most one)
NEWEST_VERSION_ATTR = "newest_versions"


def services_newest_held(trial: Trial) -> dict[str, Any] | None:
    """The newest version's answer when it is held; read from the prefetch when the trial came
    through ``trials_for_api`` (a list answer asks no query per trial), else asked for."""
    prefetched = getattr(trial, NEWEST_VERSION_ATTR, None)
    newest = (prefetched[0] if prefetched else None) if prefetched is not None else services.newest_version(trial)
    if newest is None or not newest.held:
        return None
    return version_answer(newest)
