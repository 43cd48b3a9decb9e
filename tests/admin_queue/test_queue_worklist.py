"""The missing-data worklist: for one patient, the data items whose absence leaves open
matches undecided, the item deciding most trials first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matcher.models import Patient
from matcher.queue import worklist as worklist_module
from matcher.queue.worklist import missing_data_worklist
from matcher.results.render import render

pytestmark = pytest.mark.django_db

FACTS = {
    "measurements": {"bilirubin": [{"concept": "bilirubin", "value": 0.8, "unit": "mg/dL", "date": "2026-01-02"}]},
    "events": {"hiv": [{"concept": "hiv", "date": "2020-05-01", "active": True}]},
}


@pytest.fixture
def patient(api):
    return Patient.objects.create(
        client=api.eligo_client, identifier_value="W1", format="native", record={}, facts=FACTS
    )


@pytest.fixture
def result_for(api, make_results, patient, monkeypatch):
    """One result of the patient per call, on the next seed trial: (eligibility, lines as
    (position, outcome, review, concepts)). The outcomes are stored; the concepts, which the
    worklist groups by, are what rendering the line says it used: the seed lines' own concepts
    are replaced by the ones given, so each case can name the data items it is about."""
    state = {"next": 0}
    concepts: dict[tuple[int, int], tuple[str, ...]] = {}

    def patched(pinned, overrides=None):
        shown = render(pinned, overrides)
        return {
            pk: [replace(line, concepts=concepts.get((pk, line.position), line.concepts)) for line in lines]
            for pk, lines in shown.items()
        }

    monkeypatch.setattr(worklist_module, "render", patched)

    def make(eligibility: str, rows, **fields):
        made = make_results(
            api.eligo_client, 1, patient=patient, trial_index=state["next"], criteria=rows,
            eligibility=eligibility, **fields,
        )[0]
        state["next"] += 1
        concepts.update({(made.pk, position): tuple(names) for position, _, _, names in rows})
        return made

    return make


def _summary(items):
    return [str(item) for item in items]


def test_concepts_are_ranked_by_how_many_distinct_trials_they_decide(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"]), (2, "unknown", False, ["creatinine"])])
    result_for("eligible", [(1, "unknown", False, ["lvef"])])
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"]), (2, "unknown", False, ["creatinine"])])
    result_for("possibly_eligible", [(3, "unknown", False, ["ecog"])])
    assert _summary(missing_data_worklist(patient)) == [
        "lvef: decides 3 trials", "creatinine: decides 2 trials", "ecog: decides 1 trial",
    ]


def test_two_lines_of_one_trial_count_that_trial_once(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["ecog"]), (2, "unknown", False, ["ecog"])])
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"])])
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"])])
    items = missing_data_worklist(patient)
    assert _summary(items) == ["lvef: decides 2 trials", "ecog: decides 1 trial"]
    assert len(items[1].criteria) == 2


def test_each_item_lists_its_trials_and_criteria(result_for, patient, seeded):
    first = result_for("possibly_eligible", [(1, "unknown", False, ["lvef"])])
    second = result_for("possibly_eligible", [(4, "unknown", False, ["lvef"])])
    (item,) = missing_data_worklist(patient)
    assert item.trials == sorted([first.trial.nct_id, second.trial.nct_id])
    assert {(c.result_id, c.position) for c in item.criteria} == {(first.pk, 1), (second.pk, 4)}
    assert all(c.text for c in item.criteria)


def test_ineligible_gone_decided_and_review_lines_are_left_out(result_for, patient):
    result_for("ineligible", [(1, "unknown", False, ["creatinine"])])
    result_for("possibly_eligible", [(1, "unknown", False, ["ecog"])], state="gone")
    result_for("possibly_eligible", [(1, "unknown", True, ["nyha"]), (2, "met", False, ["anc"])])
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"])])
    assert _summary(missing_data_worklist(patient)) == ["lvef: decides 1 trial"]


def test_concepts_are_labelled_from_the_catalogue(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["lvef"]), (2, "unknown", False, ["not_a_catalogue_id"])])
    labels = {item.concept: item.label for item in missing_data_worklist(patient)}
    assert labels == {"lvef": "left ventricular ejection fraction", "not_a_catalogue_id": "not a catalogue id"}


def test_a_multi_concept_line_counts_only_for_what_the_record_lacks(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["bilirubin", "alt"])])
    assert [item.concept for item in missing_data_worklist(patient)] == ["alt"]


def test_an_event_missing_from_the_record_is_not_data_to_look_up(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["hbv", "hbv_dna"])])
    assert [item.concept for item in missing_data_worklist(patient)] == ["hbv_dna"]


def test_a_line_whose_data_is_all_on_record_counts_for_it_and_says_what_is_held(result_for, patient):
    result_for("possibly_eligible", [(1, "unknown", False, ["bilirubin"])])
    (item,) = missing_data_worklist(patient)
    assert (item.concept, item.on_record) == ("bilirubin", "0.8 mg/dL on 2026-01-02")
