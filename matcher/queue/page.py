"""What the match page shows beside the verdict: its workflow forms, the criteria in the
order a coordinator reads them (failing, then unknown), the patient facts the reasons used,
and the history of people's events and the machine's changes merged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from matcher.models import (
    MatchChange,
    MatchEvent,
    MatchResult,
)
from matcher.queue.filters import ELIGIBILITY_LABELS
from matcher.queue.worklist import concept_label
from matcher.results import history
from matcher.results.render import Line
from rules_engine.facts import PatientFacts


class StatusActionForm(forms.Form):
    status = forms.ChoiceField(choices=MatchResult.ReviewStatus.choices)
    reason = forms.CharField(
        required=False, max_length=300, widget=forms.TextInput(attrs={"size": 60}),
        help_text="Required for enrolled, not eligible, declined and deferred.",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("status") in MatchResult.CLOSING_STATUSES and not (data.get("reason") or "").strip():
            self.add_error("reason", "This status closes the match: give a reason.")
        return data


class UserChoiceField(forms.ModelChoiceField):
    """Users by their username (their ``str`` may be a full name, or nothing useful)."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_username())


class AssignForm(forms.Form):
    assignee = UserChoiceField(queryset=get_user_model().objects.none(), required=False, empty_label="nobody")

    def __init__(self, result: MatchResult, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(
            Q(coordinator_assignments__client_id=result.client_id) | Q(pk=result.assigned_to_id)
        ).distinct().order_by("username")
        field = cast(UserChoiceField, self.fields["assignee"])
        field.queryset = users
        field.initial = result.assigned_to_id


class NoteForm(forms.Form):
    text = forms.CharField(label="note", widget=forms.Textarea(attrs={"rows": 3, "cols": 70}))


class OverrideForm(forms.Form):
    position = forms.TypedChoiceField(label="criterion", coerce=int)
    outcome = forms.ChoiceField(choices=[("met", "met"), ("not_met", "not met")])
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2, "cols": 70}), help_text="What the override rests on (e.g. echo on paper chart: LVEF 55%)."
    )

    def __init__(self, rows: list[Line], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.TypedChoiceField, self.fields["position"]).choices = [
            (r.position, f"#{r.position + 1} {r.type}: {_short(r.text)}") for r in rows
        ]


def format_moment(moment: datetime | None) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "—"


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    what: str
    detail: str
    machine: bool


@dataclass(frozen=True)
class FactRow:
    concept: str
    label: str
    values: list[str]


def rules_out(row: Line) -> bool:
    """An inclusion not met, or an exclusion met: the line that (if top-level) rules the trial out."""
    if row.type == "exclusion":
        return row.outcome == "met"
    return row.outcome == "not_met"


def reading_order(row: Line) -> tuple[int, int]:
    """Failing lines first, then unknown ones, then the rest; source order within each."""
    group = 0 if rules_out(row) else 1 if row.outcome == "unknown" else 2
    return group, row.position


def facts_used(rows: list[Line], facts: PatientFacts, evaluated_at: date) -> list[FactRow]:
    """Every concept a criterion used or would have used, with what the record holds for it."""
    concepts = list(dict.fromkeys(c for r in sorted(rows, key=reading_order) for c in r.concepts))
    out = []
    for concept in concepts:
        values: list[str] = []
        if concept == "age":
            age = facts.age_on(evaluated_at)
            values = [f"{age} years on {evaluated_at}"] if age is not None else []
        elif concept == "sex":
            values = [facts.sex] if facts.sex else []
        for m in facts.measurements.get(concept, ()):
            unit = f" {m.unit}" if m.unit and m.unit != "1" else ""
            uln = f" (ULN {m.uln:g})" if m.uln is not None else ""
            values.append(f"{_number(m.value)}{unit}{uln} on {m.date or 'an unknown date'}")
        for e in facts.events.get(concept, ()):
            state = "recorded" if e.active else "recorded, not active"
            extra = ", ".join(f"{k}: {v}" for k, v in sorted(e.attributes.items()))
            values.append(f"{state} on {e.date or 'an unknown date'}" + (f" ({extra})" if extra else ""))
        out.append(FactRow(concept, concept_label(concept), values))
    return out


def _number(value: object) -> str:
    """Two decimals at most, no trailing zeros: 26.089285714285715 reads 26.09, 60.0 reads 60."""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


_CHANGE_WORDS: dict[str, str] = {
    MatchChange.Kind.APPEARED: "Match appeared",
    MatchChange.Kind.DISAPPEARED: "Match gone",
    MatchChange.Kind.CHANGED: "Eligibility changed",
}


def _label(value: str) -> str:
    return ELIGIBILITY_LABELS.get(value, value.replace("_", " "))


def _status_label(value: str) -> str:
    try:
        return str(MatchResult.ReviewStatus(value).label)
    except ValueError:
        return value


def merged_history(result: MatchResult) -> list[HistoryEntry]:
    """People's events and the machine's changes, merged, newest first."""
    entries = []
    for e in result.events.select_related("actor"):
        who = e.actor.get_username() if e.actor_id and e.actor else "—"
        if e.kind == MatchEvent.Kind.STATUS:
            what = f"Review status: {_status_label(e.old_value)} → {_status_label(e.new_value)}"
        elif e.kind == MatchEvent.Kind.ASSIGNEE:
            what = f"Assigned: {e.old_value or 'nobody'} → {e.new_value or 'nobody'}"
        elif e.kind == MatchEvent.Kind.NOTE:
            what = "Note"
        else:
            what = f"Override: {e.old_value.replace('_', ' ')} → {e.new_value.replace('_', ' ')}"
        entries.append(HistoryEntry(e.created, who, what, e.text, False))
    for c in history.ChangeHistory.where(result=result):
        what = _CHANGE_WORDS.get(c.kind, c.kind)
        if c.kind == MatchChange.Kind.CHANGED:
            what += f": {_label(c.old_eligibility)} → {_label(c.new_eligibility)}"
        elif c.kind == MatchChange.Kind.APPEARED:
            what += f": {_label(c.new_eligibility)}"
        detail = c.get_cause_display() + (f" — {c.detail}" if c.detail else "")
        entries.append(HistoryEntry(c.created, "matching", what, detail, True))
    return sorted(entries, key=lambda h: h.when, reverse=True)
