"""The open catalogue a match job reads (``engine_cache.OpenCatalogue``: the trials alone, version
numbers remembered, unchanged rows' ``TrialRef`` kept) answers as the plain query does
(``engine_cache.plain_refs``): the same trials, versions, numbers and NCT id order, read after
read, as trials close, reopen, change criteria and are added."""

from __future__ import annotations

from dataclasses import astuple

from matcher.matching.engine_cache import OpenCatalogue, engine_cache, plain_refs
from trials import services
from trials.models import Trial
from trials.records import CriterionLine


def _plain() -> list[tuple]:
    return [astuple(t) for t in plain_refs(Trial.objects.open_to_matching())]


def _read(catalogue: OpenCatalogue) -> list[tuple]:
    return [astuple(t) for t in catalogue.read()]


def _amend_first_line(nct_id: str) -> None:
    trial = Trial.objects.get(nct_id=nct_id)
    lines = [
        CriterionLine(type=c.type, text=c.text + (" (amended)" if c.position == 0 else ""), parent=c.parent_position)
        for c in trial.current_criteria.criteria.order_by("position")
    ]
    assert services.set_criteria(trial, lines, reason="edit") is not None


def test_the_open_catalogue_answers_as_the_plain_query_as_the_catalogue_changes(seeded):
    catalogue = OpenCatalogue()
    first = _read(catalogue)
    assert first == _plain() and len(first) >= 3
    kept = {t.pk: t for t in catalogue.read()}
    assert all(kept[t.pk] is t for t in catalogue.read())  # a row read alike is the same object

    open_ids = [row[1] for row in first]
    services.set_status(Trial.objects.get(nct_id=open_ids[0]), "SUSPENDED")
    assert _read(catalogue) == _plain() and open_ids[0] not in [row[1] for row in _read(catalogue)]

    _amend_first_line(open_ids[1])
    after = _read(catalogue)
    assert after == _plain()
    amended = next(row for row in after if row[1] == open_ids[1])
    assert amended[3] == next(row for row in first if row[1] == open_ids[1])[3] + 1  # the new version's number

    services.set_status(Trial.objects.get(nct_id=open_ids[0]), "RECRUITING")
    assert _read(catalogue) == _plain()

    closed = Trial.objects.exclude(nct_id__in=open_ids).exclude(current_criteria=None).first()
    if closed is not None:  # a seed trial not open to matching opens
        services.set_status(closed, "NOT_YET_RECRUITING")
        assert _read(catalogue) == _plain() and closed.nct_id in [row[1] for row in _read(catalogue)]


def test_a_job_s_sync_hands_the_plain_catalogue(seeded):
    _, wanted = engine_cache.sync()
    assert [astuple(t) for t in wanted] == _plain()
    _amend_first_line(wanted[0].nct_id)
    _, wanted = engine_cache.sync()
    assert [astuple(t) for t in wanted] == _plain()
