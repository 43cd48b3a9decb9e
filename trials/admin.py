"""Trials in Django admin: find a trial fast, read its current criteria in order."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from trials.models import CriteriaVersion, Criterion, Site, Trial, TrialChange, TrialCondition


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
    fields = ["position", "type", "text", "review", "corrected"]
    readonly_fields = fields
    ordering = ["position"]

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    list_display = ["nct_id", "title", "overall_status", "phase", "current_version", "updated"]
    list_filter = ["overall_status", "phase", ConditionFilter]
    search_fields = ["=nct_id", "title"]
    list_select_related = ["current_criteria"]
    readonly_fields = ["current_criteria", "criteria_lines", "created", "updated"]
    inlines = [ConditionInline, SiteInline]
    show_full_result_count = False  # COUNT(*) over every trial on each page load does not scale

    @admin.display(description="criteria")
    def current_version(self, trial: Trial) -> str:
        return f"v{trial.current_criteria.number}" if trial.current_criteria else "-"

    @admin.display(description="current criteria, in source order")
    def criteria_lines(self, trial: Trial) -> str:
        if trial.current_criteria is None:
            return "-"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (c.position + 1, c.type, "review" if c.review else "structured", c.text)
                for c in trial.current_criteria.criteria.order_by("position")
            ),
        )
        return format_html(
            "<table><thead><tr><th>#</th><th>type</th><th>structure</th><th>text</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            rows,
        )


@admin.register(CriteriaVersion)
class CriteriaVersionAdmin(admin.ModelAdmin):
    """Every version stays readable: the lines as they were when a match used them."""

    list_display = ["trial", "number", "reason", "parser_version", "created"]
    list_filter = ["reason"]
    search_fields = ["=trial__nct_id"]
    list_select_related = ["trial"]
    inlines = [CurrentCriteriaInline]
    readonly_fields = ["trial", "number", "criteria_text", "reason", "parser_version", "created"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(TrialChange)
class TrialChangeAdmin(admin.ModelAdmin):
    list_display = ["trial", "kind", "old_value", "new_value", "created", "processed"]
    list_filter = ["kind"]
    search_fields = ["=trial__nct_id"]
    list_select_related = ["trial"]
    readonly_fields = ["trial", "kind", "old_value", "new_value", "created", "processed"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
