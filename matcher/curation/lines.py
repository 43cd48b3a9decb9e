"""What a trial's lines do to current patients: outcome counts per line, the curators'
worklist, and the verdicts a rule edit would change. Reads stored results only (each result's
line codes, counted here), except the preview, which evaluates the one edited line per patient."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from matcher.matching import clock
from matcher.models import CriterionOverride, MatchResult
from matcher.results import compact
from matcher.results.lines import version_lines
from matcher.results.overrides import placed
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


def _effective_codes(rows: list[tuple[int, int, str]], overrides: QuerySet[CriterionOverride]) -> dict[int, str]:
    """result id -> its line codes as readers see them, the active overrides applied: rows are
    (result id, criteria version pk, stored codes), ``overrides`` a query covering at least
    their active overrides (by trial or verdict, not by an IN list of ~10,000 result ids).
    Overrides are few; one query finds them."""
    found: dict[int, list[CriterionOverride]] = {}
    for o in overrides.filter(active=True):
        found.setdefault(o.result_id, []).append(o)
    if not found:
        return {result_id: codes for result_id, _, codes in rows}
    lines = version_lines({version_pk for _, version_pk, _ in rows})
    out = {}
    for result_id, version_pk, codes in rows:
        placed_here = placed(lines[version_pk], found.get(result_id, []))
        out[result_id] = compact.effective(codes, {i: o.outcome for i, o in placed_here.items()})
    return out


def outcome_counts(trial: Trial) -> dict[int, Counter]:
    """0-based position -> Counter of outcomes across the trial's current results."""
    out: dict[int, Counter] = {}
    rows = list(_current(trial).values_list("pk", "criteria_version_id", "outcomes"))
    for codes in _effective_codes(rows, CriterionOverride.objects.filter(result__trial=trial)).values():
        for position, code in enumerate(codes):
            out.setdefault(position, Counter())[str(compact.decode_one(code)[0])] += 1
    return out


def worklist(limit: int = 50) -> list[dict[str, Any]]:
    """Lines of open trials ranked by how many current verdicts they leave undecided: an
    unknown (or review) outcome on a possibly eligible result is a verdict a correction of that
    line could settle. Counted from each result's line codes, a character per line."""
    rows = list(
        MatchResult.objects.filter(
            state=MatchResult.State.ACTIVE,
            eligibility="possibly_eligible",
            trial__overall_status__in=OPEN_STATUSES,
            criteria_version=F("trial__current_criteria"),
        ).values_list("pk", "criteria_version_id", "outcomes", "trial__nct_id")
    )
    nct_of = {pk: nct for pk, _, _, nct in rows}
    undecided: Counter[tuple[str, int]] = Counter()
    overrides = CriterionOverride.objects.filter(result__state=MatchResult.State.ACTIVE, result__eligibility="possibly_eligible")
    for result_id, codes in _effective_codes([r[:3] for r in rows], overrides).items():
        for position, code in enumerate(codes):
            if code in "uU":
                undecided[(nct_of[result_id], position)] += 1
    found = sorted(undecided.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))[:limit]
    texts = {
        (nct, pos): (text, ctype)
        for nct, pos, text, ctype in CriteriaVersion.objects.filter(
            trial__nct_id__in={nct for (nct, _), _ in found}, trial__current_criteria=F("pk")
        ).values_list("trial__nct_id", "criteria__position", "criteria__text", "criteria__type")
    }
    return [
        {"trial": nct, "position": pos + 1, "undecided": n, "text": texts.get((nct, pos), ("", ""))[0],
         "type": texts.get((nct, pos), ("", ""))[1]}
        for (nct, pos), n in found
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
        _current(trial).order_by("patient_id").values_list(
            "pk", "patient_id", "eligibility", "patient__facts", "criteria_version_id", "outcomes"
        )[: PREVIEW_MAX_PATIENTS + 1]
    )
    truncated = len(results) > PREVIEW_MAX_PATIENTS
    results = results[:PREVIEW_MAX_PATIENTS]
    codes_of = _effective_codes([(r[0], r[4], r[5]) for r in results], CriterionOverride.objects.filter(result__trial=trial))
    stored: dict[int, dict[int, tuple[str, bool]]] = {
        result_id: {pos: (str(outcome), review) for pos, (outcome, review) in enumerate(compact.decode(codes))}
        for result_id, codes in codes_of.items()
    }
    today = clock.today()
    changed = 0
    examples: list[dict[str, str]] = []
    for result_id, patient_id, old, facts, _, _ in results:
        new_line = evaluate_reference(edited, PatientFacts.from_json(facts), today).criteria[0]
        outcomes = dict(stored.get(result_id, {}))
        outcomes[index] = (str(new_line.outcome), new_line.review)
        new = _verdict(types, parents, outcomes)
        if new != old:
            changed += 1
            if len(examples) < PREVIEW_EXAMPLES:
                examples.append({"patient": str(patient_id), "result": str(result_id), "from": old, "to": new})
    return Preview(patients=len(results), changed=changed, examples=examples, truncated=truncated)
