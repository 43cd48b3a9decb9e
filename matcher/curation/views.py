"""The curators' pages in admin (issue 17): a trial's lines with their source text, rule and
outcome counts across current patients; a rule edited in a text box with live validation and a
preview of the verdicts it would change; held versions with their disagreements and a publish
button; the worklist. Thin views: the work is in ``lines`` and ``trials.services``."""

from __future__ import annotations

import json
from collections import Counter

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from matcher.curation import lines
from rules_engine.rule_language import RuleError, parse_rule, unit_warnings
from trials import services
from trials.curation_api import criteria_answer
from trials.models import CriteriaVersion, Trial

PERMISSION = "trials.change_criteriaversion"


def _curator(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def trial_page(request: HttpRequest, nct_id: str) -> HttpResponse:
    _curator(request)
    trial = get_object_or_404(Trial.objects.select_related("current_criteria"), nct_id=nct_id)
    # the lines an edit builds on are the newest version's (held or in use); the counts are of
    # the version in use, matched by line (type and text), so a held re-import still shows them
    newest = services.newest_version(trial)
    counts = lines.outcome_counts(trial) if trial.current_criteria else {}
    in_use = dict(enumerate(trial.current_criteria.criteria.order_by("position").values_list("type", "text"))) if trial.current_criteria else {}
    by_line = {in_use[pos]: c for pos, c in counts.items() if pos in in_use}
    rows = []
    for line in criteria_answer(newest, list(newest.criteria.order_by("position")) if newest else []):
        c: Counter = by_line.get((line["type"], line["text"]), Counter())
        rows.append({**line, "met": c.get("met", 0), "not_met": c.get("not_met", 0), "unknown": c.get("unknown", 0)})
    held = CriteriaVersion.objects.filter(trial=trial, held=True).order_by("-number")
    if trial.current_criteria:
        held = held.filter(number__gt=trial.current_criteria.number)
    context = {
        **admin.site.each_context(request),
        "title": f"Curate {trial.nct_id}",
        "trial": trial,
        "rows": rows,
        "held": list(held),
        "newest": newest.number if newest else None,
        "goldens": list(trial.golden_patients.all()),
        "validate_url": reverse("curation-validate", args=[trial.nct_id]),
    }
    return TemplateResponse(request, "admin/curation/trial.html", context)


@require_POST
def validate_rule(request: HttpRequest, nct_id: str) -> JsonResponse:
    """The text box's live check: parse errors with line and column, unit warnings, and the
    verdicts the edit would change across current patients."""
    _curator(request)
    trial = get_object_or_404(Trial.objects.select_related("current_criteria"), nct_id=nct_id)
    try:
        body = json.loads(request.body or b"{}")
        position, text = int(body["position"]), str(body["rule"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"ok": False, "error": {"message": "give 'position' and 'rule'", "line": 1, "column": 1}}, status=400)
    try:
        rule = parse_rule(text)
    except RuleError as exc:
        return JsonResponse({"ok": False, "error": {"message": exc.message, "line": exc.line, "column": exc.column}})
    answer: dict = {"ok": True, "warnings": unit_warnings(rule)}
    if trial.current_criteria and 1 <= position <= trial.current_criteria.criteria.count() and body.get("preview", True):
        found = lines.preview(trial, position, rule)
        answer["preview"] = {"patients": found.patients, "changed": found.changed, "examples": found.examples,
                             "truncated": found.truncated}
    return JsonResponse(answer)


@require_POST
def save_rule(request: HttpRequest, nct_id: str) -> HttpResponse:
    _curator(request)
    trial = get_object_or_404(Trial, nct_id=nct_id)
    position = int(request.POST.get("position", "0"))
    try:
        version = services.correct_line(
            trial, position, request.POST.get("rule", ""), int(request.POST.get("version", "0")), actor=request.user
        )
    except RuleError as exc:
        messages.error(request, f"Line {position}: column {exc.column}: {exc.message}")
    except services.StaleVersion as exc:
        messages.error(request, f"Not saved: someone saved version {exc.newest} meanwhile; reload and edit again.")
    except IndexError:
        messages.error(request, f"Not saved: the trial has no line {position}.")
    else:
        if version.held:
            messages.warning(request, f"Version {version.number} is held: golden patients disagree.")
        else:
            messages.success(request, f"Line {position} saved as version {version.number}.")
    return redirect("curation-trial", nct_id)


@require_POST
def publish(request: HttpRequest, nct_id: str, number: int) -> HttpResponse:
    _curator(request)
    trial = get_object_or_404(Trial, nct_id=nct_id)
    try:
        services.publish_version(trial, number, actor=request.user)
    except (services.NotHeld, CriteriaVersion.DoesNotExist) as exc:
        messages.error(request, f"Not published: {exc}")
    else:
        messages.success(request, f"Version {number} published and in use.")
    return redirect("curation-trial", nct_id)


def worklist_page(request: HttpRequest) -> HttpResponse:
    _curator(request)
    context = {**admin.site.each_context(request), "title": "Curation worklist", "rows": lines.worklist()}
    return TemplateResponse(request, "admin/curation/worklist.html", context)


urlpatterns = [
    path("worklist/", admin.site.admin_view(worklist_page), name="curation-worklist"),
    path("trial/<str:nct_id>/", admin.site.admin_view(trial_page), name="curation-trial"),
    path("trial/<str:nct_id>/validate", admin.site.admin_view(validate_rule), name="curation-validate"),
    path("trial/<str:nct_id>/save", admin.site.admin_view(save_rule), name="curation-save"),
    path("trial/<str:nct_id>/versions/<int:number>/publish", admin.site.admin_view(publish), name="curation-publish"),
]
