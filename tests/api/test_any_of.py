"""``matcher.db.arrays.AnyOf`` (one array parameter) selects, updates and locks the rows
``__in`` does: by UUID key, by a foreign key to one, by integer key, from strings, and none."""

from __future__ import annotations

import uuid

import pytest

from matcher.db.arrays import AnyOf
from matcher.models import MatchResult, Patient


def _patients(api, n: int) -> list[Patient]:
    return [
        Patient.objects.create(
            client=api.eligo_client, identifier_system="urn:test", identifier_value=f"p{i}", format="fhir", record={}, facts={}
        )
        for i in range(n)
    ]


def test_any_of_selects_the_rows_in_selects(api, seeded):
    from datetime import date

    from trials.models import Trial

    patients = _patients(api, 5)
    trial = Trial.objects.exclude(current_criteria=None).order_by("nct_id").first()
    assert trial is not None
    results = [
        MatchResult.objects.create(
            patient=p, client=api.eligo_client, trial=trial, criteria_version=trial.current_criteria,
            eligibility="eligible", score=1.0, evaluated_at=date(2026, 11, 22), digest="d", outcomes="m",
        )
        for p in patients[:4]
    ]
    some = [p.pk for p in patients[1:4]] + [uuid.uuid4()]  # one that is nobody's
    cases = [
        (Patient, "pk", some),
        (Patient, "pk", [str(pk) for pk in some]),
        (Patient, "pk", []),
        (MatchResult, "patient_id", some),
        (MatchResult, "pk", [r.pk for r in results[::2]] + [10**12]),
        (MatchResult, "pk", []),
    ]
    for model, column, values in cases:
        plain = sorted(model.objects.filter(**{f"{column}__in": values}).values_list("pk", flat=True), key=str)
        fast = sorted(model.objects.filter(AnyOf(column, values)).values_list("pk", flat=True), key=str)
        assert fast == plain, (model, column, values)
    assert MatchResult.objects.filter(AnyOf("patient_id", some)).count() == 3
    assert Patient.objects.filter(AnyOf("pk", some)).update(identifier_system="urn:changed") == 3
    assert Patient.objects.filter(identifier_system="urn:changed").count() == 3
    locked = list(Patient.objects.select_for_update().filter(AnyOf("pk", some)).order_by("pk").values_list("pk", flat=True))
    assert locked == sorted(some[:3])


@pytest.mark.parametrize("value", ["x', 'y", "{1,2}", 1.5, True, None])
def test_any_of_takes_keys_only(value):
    with pytest.raises((TypeError, ValueError)):
        str(Patient.objects.filter(AnyOf("pk", [value])).query)
