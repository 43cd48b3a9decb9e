"""``index_reads`` turns sequential scans off for its block only."""

import pytest
from django.db import connection

from matcher.db.hints import index_reads

pytestmark = pytest.mark.django_db


def _setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return cursor.fetchone()[0]


def test_sequential_scans_are_off_only_inside_the_block():
    before = _setting()
    with index_reads():
        inside = _setting()
    assert (before, inside, _setting()) == ("on", "off", "on")
