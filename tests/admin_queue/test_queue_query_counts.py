"""The queue's page costs a fixed number of queries, however many matches there are: no query
per row, no COUNT(*) of everything. Pinned with 10 and with 10,000 results."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

URL = "/admin/matcher/matchresult/"

# session, user, queue visit (read, write), the user's permissions (own, group's), the filters'
# choices (trials, clients, coordinators), the paginator's count of the filtered rows and the
# page's rows: 11, pinned so that any new query shows up here.
PLAIN = 11
FILTERED = {"new": "1", "assignee": "me", "eligibility": "possibly_eligible", "review_status__exact": "new"}


def _queries(client, params) -> tuple[int, int, list[str]]:
    client.get(URL, params)  # first view creates the queue visit row; count a steady-state view
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(ctx), len(response.context["cl"].result_list), [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize(
    "params, grows",
    [({}, True), (FILTERED, True), ({"changed": "1"}, False), ({"q": "NCT06559644"}, False)],
    ids=["plain", "filtered", "changed-since-run", "search"],
)
def test_the_queue_makes_as_many_queries_for_10000_matches_as_for_10(
    logged_in, api, make_results, coordinator, params, grows
):
    make_results(api.eligo_client, 10, assigned_to=coordinator)
    small, shown_small, _ = _queries(logged_in, params)
    make_results(api.eligo_client, 9_990, assigned_to=coordinator)
    large, shown_large, sql = _queries(logged_in, params)
    if grows:
        assert (shown_small, shown_large) == (10, 50)  # the page really lists the bigger table
    assert small == large, "\n".join(sql)


def test_the_queue_page_is_pinned_at_its_query_count(logged_in, api, make_results, coordinator):
    make_results(api.eligo_client, 10_000, assigned_to=coordinator)
    count, shown, sql = _queries(logged_in, {})
    assert shown == 50
    assert count == PLAIN, "\n".join(sql)
