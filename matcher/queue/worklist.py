"""The missing-data worklist: what to look up for a patient first, the data items whose
absence leaves open matches undecided, ranked by how many trials each would help decide."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import F

from matcher.models import MatchResult, Patient
from matcher.results.render import PINNED_FIELDS, Pinned, render
from rules_engine.concepts import CONCEPTS
from rules_engine.concepts import Kind as ConceptKind
from rules_engine.facts import PatientFacts


def concept_label(concept_id: str) -> str:
    """The catalogue's plain-language name; an id the catalogue lacks is shown readable."""
    found = CONCEPTS.get(concept_id)
    return found.label if found is not None else concept_id.replace("_", " ")


@dataclass(frozen=True)
class WorklistCriterion:
    result_id: int
    nct_id: str
    position: int
    type: str
    text: str
    reason: str


@dataclass
class WorklistItem:
    """One missing data item and every open match it would help decide."""

    concept: str
    label: str
    trials: list[str] = field(default_factory=list)  # NCT ids, sorted
    criteria: list[WorklistCriterion] = field(default_factory=list)
    on_record: str = ""  # the latest value held, when there is one but it does not decide

    @property
    def trial_count(self) -> int:
        return len(self.trials)

    def __str__(self) -> str:
        n = self.trial_count
        return f"{self.concept}: decides {n} trial{'s' if n != 1 else ''}"


def _latest_on_record(facts: PatientFacts, concept: str) -> str:
    items = [(m.date, f"{m.value}{' ' + m.unit if m.unit else ''}") for m in facts.measurements.get(concept, ())]
    items += [(e.date, "recorded") for e in facts.events.get(concept, ())]
    if not items:
        return ""
    day, text = max(items, key=lambda i: i[0] or date.min)
    return f"{text} on {day}" if day else text


def _wanted(concepts: list[str], held: set[str]) -> list[str]:
    """The concepts of an unknown line worth looking up: those the record lacks, leaving out
    events (a diagnosis or therapy absent from the record is taken as absent, so its absence
    never leaves a line unknown); failing that, whatever the line names."""
    missing = [c for c in concepts if c not in held]
    measured = [c for c in missing if c not in CONCEPTS or CONCEPTS[c].kind is not ConceptKind.EVENT]
    return measured or missing or list(concepts)


def missing_data_worklist(patient: Patient) -> list[WorklistItem]:
    """What to look up for this patient first: the data items whose absence leaves open
    matches undecided, most trials decided first.

    Over the patient's active eligible / possibly eligible results, each ``unknown`` criterion
    that is not marked for review (review lines need a person's judgement, not data) counts
    for its concepts. A line naming several concepts counts only for the measurements and tests
    the record does not hold at all ("no HIV viral load on record" should not also send someone
    to look for an HIV diagnosis); when it holds all of them (too old, say) it counts for all,
    and the item says what is on record. Ranked by distinct trials, then criteria, then label.
    """
    facts = PatientFacts.from_json(patient.facts)
    held = set(facts.measurements) | set(facts.events)
    # Only results with a line the engine left unknown, not for review, can count: the others
    # are not rendered. (An override only ever decides a line, so it cannot add one.)
    results = list(
        MatchResult.objects.filter(
            patient=patient, state=MatchResult.State.ACTIVE, eligibility__in=["eligible", "possibly_eligible"],
            outcomes__contains="u",
        )
        .values(*PINNED_FIELDS, nct_id=F("trial__nct_id"))
        .order_by("trial__nct_id")
    )
    lines = render([Pinned.of(r) for r in results])
    items: dict[str, WorklistItem] = {}
    for result in results:
        nct = result["nct_id"]
        for line in lines[result["id"]]:
            if line.outcome != "unknown" or line.review:
                continue
            for concept in dict.fromkeys(_wanted(list(line.concepts), held)):
                item = items.get(concept)
                if item is None:
                    item = items[concept] = WorklistItem(concept, concept_label(concept), on_record=_latest_on_record(facts, concept))
                if nct not in item.trials:
                    item.trials.append(nct)
                item.criteria.append(WorklistCriterion(result["id"], nct, line.position, line.type, line.text, line.reason))
    ranked = sorted(items.values(), key=lambda i: (-i.trial_count, -len(i.criteria), i.label))
    for item in ranked:
        item.trials.sort()
    return ranked
