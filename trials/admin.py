"""Trials in Django admin: find a trial fast, read its current criteria in order, correct a line
the parser structured wrongly."""

from __future__ import annotations

import dataclasses
import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join

from rules_engine.criteria import criterion_from_json
from trials import golden, services
from trials.models import CriteriaVersion, Criterion, GoldenPatient, Site, Trial, TrialChange, TrialCondition
from trials.services import correct_criterion

_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}


def _correct_url(criterion: Criterion) -> str:
    return reverse("admin:trials_criteriaversion_correct_criterion", args=[criterion.pk])


class CorrectionForm(forms.Form):
    """Checks a correction the way the engine will read it, so a typo is caught here and not
    found later as a line that silently never matches."""

    structured = forms.CharField(
        label="structure (rules engine criterion JSON)",
        widget=forms.Textarea(attrs={"rows": 24, "cols": 100, "style": "font-family: monospace"}),
    )

    def __init__(self, row: Criterion, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {"structured": json.dumps(row.structured, indent=2)})
        super().__init__(*args, **kwargs)
        self.row = row

    def clean_structured(self) -> dict:
        try:
            data = json.loads(self.cleaned_data["structured"])
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(f"Not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") from exc
        if not isinstance(data, dict):
            kind = "null" if data is None else _JSON_TYPES.get(type(data), type(data).__name__)
            raise forms.ValidationError(f"The structure must be a JSON object ({{...}}), not {kind}.")
        # Type, text and parent are the line's own: a correction changes its structure only.
        row = self.row
        data = {**data, "type": row.type, "text": row.text, "parent": row.parent_position}
        try:
            criterion = criterion_from_json(data)
        except KeyError as exc:
            raise forms.ValidationError(f"The rules engine rejects this structure: missing key {exc}.") from exc
        except (ValueError, TypeError, AttributeError) as exc:
            raise forms.ValidationError(f"The rules engine rejects this structure: {exc}.") from exc
        # Stored as the engine writes it, so what is saved is exactly what will be evaluated.
        return dataclasses.replace(criterion, corrected=True).to_json()


class ConditionFilter(admin.SimpleListFilter):
    """The most common conditions only: a list of every condition name would not load at scale."""

    title = "condition"
    parameter_name = "condition"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[str, str]]:
        from django.db.models import Count

        top = (
            TrialCondition.objects.values("name")
            .annotate(n=Count("id"))
            .order_by("-n", "name")[:30]
        )
        return [(row["name"], f"{row['name']} ({row['n']})") for row in top]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value():
            return queryset.filter(condition_rows__name=self.value()).distinct()
        return queryset


class ConditionInline(admin.TabularInline):
    model = TrialCondition
    extra = 0
    fields = ["position", "name"]


class SiteInline(admin.TabularInline):
    model = Site
    extra = 0
    fields = ["position", "facility", "city", "state", "country", "latitude", "longitude"]


class CurrentCriteriaInline(admin.TabularInline):
    """The current version's lines, in source order, with their type and whether they need review."""

    model = Criterion
    fk_name = "version"
    extra = 0
    can_delete = False
    fields = ("position", "type", "text", "review", "corrected", "correct")
    readonly_fields = ("position", "type", "text", "review", "corrected", "correct")
    ordering = ["position"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="")
    def correct(self, criterion: Criterion) -> str:
        """Only the current version is corrected: an old one is the record of what a match used."""
        if criterion.version.trial.current_criteria_id != criterion.version_id:
            return ""
        return format_html('<a href="{}">correct</a>', _correct_url(criterion))


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    list_display = ["nct_id", "title", "overall_status", "phase", "current_version", "updated"]
    list_filter = ["overall_status", "phase", ConditionFilter]
    search_fields = ["=nct_id", "title"]
    list_select_related = ["current_criteria"]
    readonly_fields = ["curation", "current_criteria", "criteria_lines", "created", "updated", "updated_by"]
    inlines = [ConditionInline, SiteInline]
    show_full_result_count = False  # COUNT(*) over every trial on each page load does not scale

    def save_model(self, request: HttpRequest, obj: Trial, form, change: bool) -> None:
        """A status edited here goes through the same service as the API and imports, so it is
        recorded as a trial change and re-matches every stored patient. The staff user is
        recorded as the actor of both."""
        obj.updated_by = request.user  # type: ignore[assignment]  # the admin lets no anonymous user in
        if change and "overall_status" in form.changed_data:
            new_status = obj.overall_status
            obj.overall_status = form.initial["overall_status"]
            with transaction.atomic():
                super().save_model(request, obj, form, change)
                services.set_status(obj, new_status, actor=request.user)
            return
        super().save_model(request, obj, form, change)

    @admin.display(description="criteria")
    def current_version(self, trial: Trial) -> str:
        return f"v{trial.current_criteria.number}" if trial.current_criteria else "-"

    @admin.display(description="curation")
    def curation(self, trial: Trial) -> str:
        """Where a curator corrects this trial's lines in the rule language, with outcome counts
        and golden patients: the raw correction form below is the fallback, not the way in."""
        if not trial.pk:
            return "-"
        return format_html('<a href="{}">correct lines in the rule language</a>', reverse("curation-trial", args=[trial.nct_id]))

    @admin.display(description="current criteria, in source order")
    def criteria_lines(self, trial: Trial) -> str:
        if trial.current_criteria is None:
            return "-"
        rows = format_html_join(
            "",
            '<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href="{}">correct</a></td></tr>',
            (
                (c.position + 1, c.type, "review" if c.review else "structured", c.text, _correct_url(c))
                for c in trial.current_criteria.criteria.order_by("position")
            ),
        )
        return format_html(
            "<table><thead><tr><th>#</th><th>type</th><th>structure</th><th>text</th><th></th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )


@admin.register(CriteriaVersion)
class CriteriaVersionAdmin(admin.ModelAdmin):
    """Every version stays readable: the lines as they were when a match used them."""

    list_display = ["trial", "number", "reason", "parser_version", "created", "created_by"]
    list_filter = ["reason"]
    search_fields = ["=trial__nct_id"]
    list_select_related = ["trial"]
    inlines = [CurrentCriteriaInline]
    readonly_fields = ["trial", "number", "criteria_text", "reason", "parser_version", "created", "created_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        correct = path(
            "criterion/<int:criterion_id>/correct/",
            self.admin_site.admin_view(self.correct_criterion_view),
            name="trials_criteriaversion_correct_criterion",
        )
        return [correct, *super().get_urls()]

    def correct_criterion_view(self, request: HttpRequest, criterion_id: int) -> HttpResponse:
        """A coordinator's fix of one line's structure, kept as a new version so the old one
        still shows what earlier matches were evaluated against."""
        if not request.user.has_perm("trials.change_criterion"):
            raise PermissionDenied
        row = get_object_or_404(Criterion.objects.select_related("version__trial"), pk=criterion_id)
        version = row.version
        form = CorrectionForm(row, request.POST if request.method == "POST" else None)
        with transaction.atomic():
            # Locked so a re-import cannot slip a newer version in between this check and the write.
            locked = Trial.objects.select_for_update(of=("self",)).select_related("current_criteria")
            trial = locked.get(pk=version.trial_id)
            if trial.current_criteria_id != version.pk:
                current = f"v{trial.current_criteria.number}" if trial.current_criteria else "none"
                messages.error(
                    request,
                    f"Line {row.position + 1} of {trial.nct_id} v{version.number} cannot be corrected: "
                    f"only the current version can be (it is {current}).",
                )
                return redirect(reverse("admin:trials_criteriaversion_change", args=[version.pk]))
            if request.method == "POST" and form.is_valid():
                corrected = correct_criterion(row, form.cleaned_data["structured"], actor=request.user)
                number = corrected.version.number
                message = f"Line {row.position + 1} corrected: {trial.nct_id} criteria are now v{number}."
                self.log_change(request, corrected.version, message)
                messages.success(request, message)
                return redirect(reverse("admin:trials_criteriaversion_change", args=[corrected.version_id]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Correct line {row.position + 1} of {trial.nct_id} v{version.number}",
            "version": version,
            "row": row,
            "form": form,
        }
        return TemplateResponse(request, "admin/trials/correct_criterion.html", context)


@admin.register(TrialChange)
class TrialChangeAdmin(admin.ModelAdmin):
    list_display = ["trial", "kind", "old_value", "new_value", "actor", "created", "processed", "chunks", "chunks_done", "outcome"]
    list_filter = ["kind"]
    search_fields = ["=trial__nct_id"]
    list_select_related = ["trial", "actor"]
    readonly_fields = ["trial", "kind", "old_value", "new_value", "actor", "created", "processed", "chunks", "chunks_done", "outcome"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class GoldenPatientForm(forms.ModelForm):
    """A golden patient is refused, naming the element, when its record cannot be read: the
    same check as ``POST /api/v1/trials/{nct_id}/golden-patients``."""

    class Meta:
        model = GoldenPatient
        fields = ["trial", "name", "patient", "expected", "criteria"]

    def clean_patient(self) -> object:
        record = self.cleaned_data["patient"]
        problem = golden.validate_record(record)
        if problem is not None:
            raise forms.ValidationError(f"{problem[0]}: {problem[1]}")
        return record


@admin.register(GoldenPatient)
class GoldenPatientAdmin(admin.ModelAdmin):
    """Curators attach, read and remove a trial's golden patients here as through the API; a new
    one is run at once on the version in use, and its last run is shown."""

    form = GoldenPatientForm
    list_display = ("trial", "name", "expected", "last_verdict", "agrees")
    list_filter = ("expected",)
    search_fields = ("trial__nct_id", "name")
    readonly_fields = ("last_run", "created", "created_by")

    @admin.display(description="last verdict")
    def last_verdict(self, obj: GoldenPatient) -> str:
        return str((obj.last_run or {}).get("verdict", "not run"))

    @admin.display(description="agrees", boolean=True)
    def agrees(self, obj: GoldenPatient) -> bool | None:
        return None if obj.last_run is None else bool(obj.last_run.get("agrees"))

    def save_model(self, request: HttpRequest, obj: GoldenPatient, form: forms.ModelForm, change: bool) -> None:
        if not change:
            obj.created_by = request.user  # type: ignore[assignment]
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            golden.run_on_current(obj.trial, [obj])
