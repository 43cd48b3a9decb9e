"""Reads of a few results' criterion rows use the result_id index whatever the statistics."""

import pytest
from django.db import connection

from matcher.db.hints import index_reads
from matcher.models import CriterionResult

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


def test_the_criterion_rows_of_many_results_are_read_through_the_result_index():
    query = CriterionResult.objects.filter(result_id__in=list(range(1, 1001))).order_by("result_id", "position")
    sql, params = query.query.sql_with_params()
    with index_reads(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "criterionresult_result_id" in plan and "Seq Scan" not in plan
