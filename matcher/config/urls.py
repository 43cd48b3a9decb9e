from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from matcher.api import audit as audit_api
from matcher.api import patients as api
from matcher.api import webhook as webhook_api
from matcher.api.health import health
from matcher.fhir import views as fhir_api
from trials.api import TrialViewSet

router = SimpleRouter(trailing_slash=False)
router.register("trials", TrialViewSet, basename="trial")

api_v1 = [
    path("health", health, name="health"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("patients", api.PatientListCreate.as_view(), name="patients"),
    path("patients/<str:patient_id>", api.PatientDetail.as_view(), name="patient"),
    path("patients/<str:patient_id>/match", api.PatientMatch.as_view(), name="patient-match"),
    path("patients/<str:patient_id>/matches", api.PatientMatches.as_view(), name="patient-matches"),
    path("patients/<str:patient_id>/matches/changes", api.PatientMatchChanges.as_view(), name="patient-match-changes"),
    path("patients/<str:patient_id>/matches/<str:nct_id>", api.PatientMatchDetail.as_view(), name="patient-match-detail"),
    path("match-jobs/<str:job_id>", api.MatchJobDetail.as_view(), name="match-job"),
    path("audit-events", audit_api.AuditEvents.as_view(), name="audit-events"),
    path("webhook", webhook_api.WebhookView.as_view(), name="webhook"),
    path("webhook/deliveries", webhook_api.WebhookDeliveries.as_view(), name="webhook-deliveries"),
    path("fhir/match", fhir_api.FhirMatch.as_view(), name="fhir-match"),
    path("fhir/ResearchSubject", fhir_api.ResearchSubjectList.as_view(), name="fhir-research-subject"),
    *router.urls,
]

urlpatterns = [
    path("admin/curation/", include("matcher.curation.views")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
]
