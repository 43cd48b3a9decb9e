"""The access trail over REST (contract section 6): a client reads who touched its patients."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api_common.permissions import IsApiClient, client_of
from matcher.api import selectors
from matcher.models import AccessEvent


class AccessEventSerializer(serializers.ModelSerializer):
    actor = serializers.SerializerMethodField(help_text='"client:<name>" for an API client, "staff:<username>" for a person in admin')
    client = serializers.SerializerMethodField()
    patient = serializers.UUIDField(allow_null=True, help_text="null once the patient was deleted")

    class Meta:
        model = AccessEvent
        fields = ["at", "actor", "client", "patient", "action"]

    def get_actor(self, event: AccessEvent) -> str:
        return f"{event.actor_kind}:{event.actor_name}"

    def get_client(self, event: AccessEvent) -> str:
        return self.context["client"].name


class AccessEventPagination(CursorPagination):
    ordering = ("-at", "-id")
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500


class AuditEvents(APIView):
    permission_classes = [IsApiClient]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "patient", str, description="only this patient's events (another client's patient: 404); without it, all of the client's patients'"
            )
        ],
        responses=AccessEventSerializer(many=True),
        description=(
            "Who read or wrote the client's patients' data (API calls and coordinators' views in admin), "
            "newest first, cursor-paginated. Events carry no values; a deleted patient's events keep "
            "everything but the patient id."
        ),
    )
    def get(self, request: Request) -> Response:
        client = client_of(request)
        patient = request.query_params.get("patient")
        events = selectors.access_events_of(client, selectors.patient_of(client, patient).id if patient is not None else None)
        paginator = AccessEventPagination()
        page = paginator.paginate_queryset(events, request, view=self)
        return paginator.get_paginated_response(AccessEventSerializer(page, many=True, context={"client": client}).data)
