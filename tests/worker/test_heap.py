"""A worker keeps the cycle collector off its compiled engine (matcher.matching.heap says why)."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture
def collector():
    """Whatever a test does to the collector is undone after it."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.django_db
def test_a_compile_leaves_what_it_built_out_of_the_collectors_sight(seeded, collector):
    from matcher.matching.engine_cache import EngineCache

    gc.unfreeze()
    EngineCache().sync()
    assert gc.get_freeze_count() > 0


@pytest.mark.django_db
def test_a_job_that_compiles_nothing_new_freezes_nothing_more(seeded, collector):
    from matcher.matching.engine_cache import EngineCache

    cache = EngineCache()
    cache.sync()
    frozen = gc.get_freeze_count()
    cache.sync()
    assert gc.get_freeze_count() <= frozen  # frozen objects can still be freed


def test_a_worker_child_collects_young_objects_in_large_batches(collector):
    from celery.signals import worker_process_init

    from matcher.matching.heap import WORKER_THRESHOLDS

    gc.set_threshold(700, 10, 10)
    worker_process_init.send(sender=None)
    assert gc.get_threshold() == WORKER_THRESHOLDS
