"""What a trial's lines do to current patients: outcome counts per line, the curators'
worklist, and the verdicts a rule edit would change. Reads stored results only (one grouped
query per page), except the preview, which evaluates the one edited line per patient."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F

from matcher.matching import clock
from matcher.models import CriterionResult, MatchResult
from rules_engine.criteria import Criterion as EngineCriterion
from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import Rule
from trials.models import CriteriaVersion, Trial
from trials.records import OPEN_STATUSES

PREVIEW_EXAMPLES = 5
# The edit is evaluated per current patient, about 2 ms each (bench/curation_page.py: 20 s for
# 10,000); the live check stops at this many and says so ("truncated").
PREVIEW_MAX_PATIENTS = 2_000


def _current(trial: Trial):
    return MatchResult.objects.filter(trial=trial, state=MatchResult.State.ACTIVE, criteria_version=trial.current_criteria_id)


def outcome_counts(trial: Trial) -> dict[int, Counter]:
    """0-based position -> Counter of outcomes across the trial's current results."""
    out: dict[int, Counter] = {}
    rows = (
        CriterionResult.objects.filter(
            result__trial=trial, result__state=MatchResult.State.ACTIVE, result__criteria_version=trial.current_criteria_id
        )
        .values("position", "outcome")
        .annotate(n=Count("id"))
    )
    for row in rows:
        out.setdefault(row["position"], Counter())[row["outcome"]] = row["n"]
    return out


def worklist(limit: int = 50) -> list[dict[str, Any]]:
    """Lines of open trials ranked by how many current verdicts they leave undecided: an
    unknown (or review) outcome on a possibly eligible result is a verdict a correction of that
    line could settle."""
    rows = (
        CriterionResult.objects.filter(
            result__state=MatchResult.State.ACTIVE,
            result__eligibility="possibly_eligible",
            result__trial__overall_status__in=OPEN_STATUSES,
            result__criteria_version=F("result__trial__current_criteria"),
            outcome="unknown",
        )
        .values("result__trial__nct_id", "position")
        .annotate(undecided=Count("id"))
        .order_by("-undecided", "result__trial__nct_id", "position")[:limit]
    )
    found = [(r["result__trial__nct_id"], r["position"], r["undecided"]) for r in rows]
    texts = {
        (nct, pos): (text, ctype)
        for nct, pos, text, ctype in CriteriaVersion.objects.filter(
            trial__nct_id__in={f[0] for f in found}, trial__current_criteria=F("pk")
        ).values_list("trial__nct_id", "criteria__position", "criteria__text", "criteria__type")
    }
    return [
        {"trial": nct, "position": pos + 1, "undecided": n, "text": texts.get((nct, pos), ("", ""))[0],
         "type": texts.get((nct, pos), ("", ""))[1]}
        for nct, pos, n in found
    ]


@dataclass
class Preview:
    patients: int
    changed: int
    examples: list[dict[str, str]]
    truncated: bool = False


def _verdict(types: list[str], parents: list[int | None], outcomes: dict[int, tuple[str, bool]]) -> str:
    """Contract section 4 from stored outcomes; only top-level lines decide."""
    deciding = [(types[i], *outcomes.get(i, ("unknown", True))) for i in range(len(types)) if parents[i] is None]
    if any((t == "inclusion" and o == "not_met") or (t == "exclusion" and o == "met") for t, o, _ in deciding):
        return "ineligible"
    if all(o != "unknown" for _, o, review in deciding if not review):
        return "eligible"
    return "possibly_eligible"


def preview(trial: Trial, position: int, rule: Rule) -> Preview:
    """Which current verdicts the edit of line ``position`` (1-based) would change: the edited
    line evaluated for each current patient, the verdict recomputed from the stored outcomes of
    the others."""
    version = trial.current_criteria
    assert version is not None
    lines = list(version.criteria.order_by("position").values_list("type", "text", "parent_position"))
    index = position - 1
    ctype, text, parent = lines[index]
    edited = TrialCriteria(
        trial_id=trial.nct_id, version=version.number,
        criteria=(EngineCriterion(CriterionType(ctype), text, rule.expr, rule.applies_if),),
    )
    types = [t for t, _, _ in lines]
    parents = [p for _, _, p in lines]
    results = list(
        _current(trial).order_by("patient_id").values_list("pk", "patient_id", "eligibility", "patient__facts")[
            : PREVIEW_MAX_PATIENTS + 1
        ]
    )
    truncated = len(results) > PREVIEW_MAX_PATIENTS
    results = results[:PREVIEW_MAX_PATIENTS]
    stored: dict[int, dict[int, tuple[str, bool]]] = {}
    for result_id, pos, outcome, review in CriterionResult.objects.filter(result_id__in=[r[0] for r in results]).values_list(
        "result_id", "position", "outcome", "review"
    ):
        stored.setdefault(result_id, {})[pos] = (outcome, review)
    today = clock.today()
    changed = 0
    examples: list[dict[str, str]] = []
    for result_id, patient_id, old, facts in results:
        new_line = evaluate_reference(edited, PatientFacts.from_json(facts), today).criteria[0]
        outcomes = dict(stored.get(result_id, {}))
        outcomes[index] = (str(new_line.outcome), new_line.review)
        new = _verdict(types, parents, outcomes)
        if new != old:
            changed += 1
            if len(examples) < PREVIEW_EXAMPLES:
                examples.append({"patient": str(patient_id), "result": str(result_id), "from": old, "to": new})
    return Preview(patients=len(results), changed=changed, examples=examples, truncated=truncated)
