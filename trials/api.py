"""Trials over REST: read for every client, write for trial managers (contract section 3)."""

from __future__ import annotations

import django_filters
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response

from api_common.errors import FieldError
from api_common.permissions import CanManageTrials
from trials import limits, services
from trials.curation_api import NEWEST_VERSION_ATTR, CurationActions, criteria_answer, services_newest_held
from trials.importers import parse_ctgov_payload
from trials.models import CriteriaVersion, Criterion, Site, Trial
from trials.records import OVERALL_STATUSES, CriterionLine, SourceFormatError


class CriterionSerializer(serializers.ModelSerializer):
    """The schema of one line (``criteria_answer`` writes it)."""

    position = serializers.IntegerField(help_text="1-based, in the version's order")
    rule = serializers.CharField(allow_null=True, help_text="the line in the rule language; null for a heading")

    class Meta:
        model = Criterion
        fields = ["position", "type", "text", "review", "structured", "rule", "corrected"]


class SiteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Site
        fields = ["facility", "city", "state", "country", "latitude", "longitude"]


class TrialSerializer(serializers.ModelSerializer):
    status = serializers.CharField(source="overall_status")
    conditions = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()
    criteria_version = serializers.SerializerMethodField()
    version = serializers.SerializerMethodField()
    held_version = serializers.SerializerMethodField()
    sites = SiteSerializer(many=True)

    class Meta:
        model = Trial
        fields = [
            "nct_id",
            "title",
            "status",
            "phase",
            "conditions",
            "criteria",
            "criteria_version",
            "version",
            "held_version",
            "brief_summary",
            "study_type",
            "sponsor",
            "enrollment",
            "interventions",
            "arms",
            "sites",
            "minimum_age",
            "maximum_age",
            "sex",
            "last_update",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_conditions(self, trial: Trial) -> list[str]:
        return [c.name for c in trial.condition_rows.all()]

    @extend_schema_field(CriterionSerializer(many=True))
    def get_criteria(self, trial: Trial) -> list[dict]:
        return criteria_answer(trial.current_criteria)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_criteria_version(self, trial: Trial) -> int | None:
        return trial.current_criteria.number if trial.current_criteria else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_version(self, trial: Trial) -> int | None:
        """Contract section 6: the number of the criteria version in use."""
        return self.get_criteria_version(trial)

    @extend_schema_field(serializers.DictField(allow_null=True))
    def get_held_version(self, trial: Trial) -> dict | None:
        """The newest version when golden patients hold it: its number and disagreements."""
        return services_newest_held(trial)


class CriterionInputSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["inclusion", "exclusion"])
    text = serializers.CharField(allow_blank=False)


class TrialPatchSerializer(serializers.Serializer):
    """What a trial manager may change by hand: the status, and the criteria lines."""

    status = serializers.ChoiceField(choices=sorted(OVERALL_STATUSES), required=False)
    criteria = CriterionInputSerializer(many=True, required=False, allow_empty=False)

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError({"status": "give 'status' and/or 'criteria'"})
        return attrs


class TrialFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(
        field_name="overall_status", choices=[(s, s) for s in sorted(OVERALL_STATUSES)]
    )
    condition = django_filters.CharFilter(method="filter_condition", help_text="Condition name, case-insensitive substring.")
    phase = django_filters.CharFilter(field_name="phase", lookup_expr="iexact")

    class Meta:
        model = Trial
        fields = ["status", "condition", "phase"]

    def filter_condition(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(condition_rows__name__icontains=value).distinct()


class TrialPagination(CursorPagination):
    ordering = "nct_id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def trials_for_api() -> QuerySet:
    """Trials with everything their answer reads, in a fixed number of queries per page: the
    newest criteria version (``held_version``) comes in one prefetch, not one query a trial."""
    newest = CriteriaVersion.objects.filter(trial=OuterRef("trial")).order_by("-number").values("number")[:1]
    return Trial.objects.select_related("current_criteria").prefetch_related(
        "condition_rows",
        "sites",
        Prefetch("current_criteria__criteria", queryset=Criterion.objects.order_by("position")),
        Prefetch(
            "criteria_versions",
            queryset=CriteriaVersion.objects.filter(number=Subquery(newest)),
            to_attr=NEWEST_VERSION_ATTR,
        ),
    )


class TrialViewSet(CurationActions, viewsets.ModelViewSet):
    """Trials by NCT id. Writes need a client created with ``--manage-trials``."""

    serializer_class = TrialSerializer
    lookup_field = "nct_id"
    lookup_value_regex = "NCT[0-9]{8}"
    filterset_class = TrialFilter
    pagination_class = TrialPagination
    permission_classes = [CanManageTrials]
    http_method_names = ["get", "post", "patch", "put", "delete", "head", "options"]  # put, delete: curation actions only

    @property
    def max_body_bytes(self) -> int | None:
        """A POST is one registry study, results sections included: up to 5 MiB. A PATCH (a
        status, criteria lines) keeps the API's default limit (matcher.api.parsers)."""
        return 5 * 1024 * 1024 if self.request.method == "POST" else None

    def get_queryset(self) -> QuerySet:
        return trials_for_api()

    @extend_schema(
        request=OpenApiTypes.OBJECT,
        responses={200: TrialSerializer, 201: TrialSerializer},
        description="Upsert one ClinicalTrials.gov API v2 study (an object with `protocolSection`) by NCT id.",
        examples=[OpenApiExample("study", value={"protocolSection": {"identificationModule": {"nctId": "NCT01234567"}}})],
    )
    def create(self, request: Request, *args, **kwargs) -> Response:
        if not isinstance(request.data, dict):
            raise FieldError("$", "expected one study object with 'protocolSection'")
        try:
            (record,) = parse_ctgov_payload(request.data)
        except SourceFormatError as exc:
            raise FieldError(*_split_path(str(exc))) from None
        if problem := limits.record_problem(record.criteria):
            raise FieldError(*problem)
        result = services.import_records([record], actor=request.user)[0]
        trial = trials_for_api().get(pk=result.trial.pk)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(TrialSerializer(trial).data, status=code)

    @extend_schema(request=TrialPatchSerializer, responses={200: TrialSerializer})
    def partial_update(self, request: Request, *args, **kwargs) -> Response:
        trial = self.get_object()
        patch = TrialPatchSerializer(data=request.data)
        patch.is_valid(raise_exception=True)
        data = patch.validated_data
        if "criteria" in data and (problem := limits.criteria_problem([c["text"] for c in data["criteria"]])):
            raise FieldError(*problem)
        if "criteria" in data:
            lines = [CriterionLine(type=c["type"], text=c["text"]) for c in data["criteria"]]
            services.set_criteria(
                trial, lines, criteria_text="\n".join(c["text"] for c in data["criteria"]), reason="edit", actor=request.user
            )
        if "status" in data:
            services.set_status(trial, data["status"], actor=request.user)
        return Response(TrialSerializer(trials_for_api().get(pk=trial.pk)).data)


def _split_path(message: str) -> tuple[str | None, str]:
    """Importer errors read "path: message"; the API answers them as field and message."""
    path, sep, rest = message.partition(": ")
    return (path, rest) if sep else (None, message)
