"""``column = ANY(array)``: a filter on many keys as one query parameter.

A trial's re-match stores 1,000 patients per chunk and filters by their ids some ten times
(the row lock, the existing results, the facts versions, the time re-match). As ``pk__in=ids``
each query carried 1,000 placeholders: Django prepared every id and psycopg's client-side
binding split the statement at each placeholder and quoted each value, ~1.6 of the 34.7 s a
profiled reopen of bench/rematch.py took (cProfile, in-process, 10,000 patients). Here the ids
go as one array literal, joined once; PostgreSQL reads it as ``uuid[]`` or ``bigint[]``. Other
databases get the plain ``IN``. ``tests/api/test_any_of.py`` compares the rows with ``__in``'s.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import F, Field, Lookup


class AnyOf(Lookup):
    """``AnyOf("patient_id", ids)``: rows whose column is one of ``ids`` (UUIDs or integers);
    a filter expression, as ``filter(patient_id__in=ids)`` is."""

    lookup_name = "any_of"
    prepare_rhs = False

    def __init__(self, column: str | Any, values: Iterable[uuid.UUID | int | str]) -> None:
        super().__init__(F(column) if isinstance(column, str) else column, list(values))

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, params = self.process_lhs(compiler, connection)
        values = self.rhs
        if connection.vendor == "postgresql":
            field: Field = self.lhs.output_field
            db_type = field.db_type(connection)  # a foreign key's is its target's: uuid, bigint
            return f"{lhs} = ANY(%s::{db_type}[])", [*params, "{" + ",".join(_literal(v) for v in values) + "}"]
        if not values:
            return "1 = 0", list(params)
        marks = ", ".join(["%s"] * len(values))
        prep = self.lhs.output_field.get_db_prep_value
        return f"{lhs} IN ({marks})", [*params, *(prep(v, connection) for v in values)]


def _literal(value: object) -> str:
    """A key inside an array literal: only values with no quote, comma, brace or space."""
    if isinstance(value, uuid.UUID) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(value)
    if isinstance(value, str):
        return str(uuid.UUID(value))  # a UUID's text, checked
    raise TypeError(f"AnyOf takes UUIDs or integers, not {type(value).__name__}")
