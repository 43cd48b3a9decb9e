"""Keeping health data out of the logs: a filter on every handler that scrubs database errors and
the SQL debug log.

A database error's text is not safe: PostgreSQL's ``DETAIL`` quotes the row (a unique violation
names the patient's identifier), its primary message can quote a value (``invalid input syntax
for type integer: "..."``), and Django's SQL debug log interpolates every parameter. So a record
that carries a database exception keeps its traceback's frames but each database error in the
chain is reduced to its class, SQLSTATE and the schema names PostgreSQL reports (constraint,
table, column); and a ``django.db.backends`` record keeps its SQL with every literal masked and
no parameters. The filter is on the handlers, not on loggers, so records propagated from child
loggers (``django.db.backends.schema``) and from any other logger pass through it too.
"""

from __future__ import annotations

import logging
import re
import traceback
from types import TracebackType
from typing import Any

from django.db import Error as DjangoDatabaseError

# A quoted SQL literal ('it''s' included) or a number: linear, every branch starts differently.
_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b")


def _is_database_error(exc: BaseException) -> bool:
    if isinstance(exc, DjangoDatabaseError):
        return True
    module = type(exc).__module__ or ""
    return module.startswith(("psycopg", "psycopg2", "sqlite3"))


def _safe_description(exc: BaseException) -> str:
    """What may be said of a database error: its kind and the schema it concerns, no data."""
    source = exc
    if isinstance(exc, DjangoDatabaseError) and exc.__cause__ is not None:
        source = exc.__cause__  # Django re-raises the driver's error; the driver's has the diagnostics
    diag = getattr(source, "diag", None)
    parts = [f"sqlstate {getattr(source, 'sqlstate', None) or getattr(diag, 'sqlstate', None) or 'unknown'}"]
    for name in ("constraint_name", "table_name", "column_name"):
        value = getattr(diag, name, None) if diag is not None else None
        if value:
            parts.append(f"{name.split('_')[0]} {value}")
    return f"{type(exc).__module__}.{type(exc).__qualname__}: database error ({', '.join(parts)}; detail removed)"


def _scrubbed_traceback(exc_info: tuple[type[BaseException], BaseException, TracebackType | None]) -> str:
    """The traceback as the formatter would write it, database errors' messages replaced."""
    lines: list[str] = []
    seen: set[int] = set()

    def render(exc: BaseException) -> None:
        seen.add(id(exc))
        cause = exc.__cause__ if exc.__cause__ is not None and id(exc.__cause__) not in seen else None
        context = (
            exc.__context__
            if cause is None and not exc.__suppress_context__ and exc.__context__ is not None and id(exc.__context__) not in seen
            else None
        )
        if cause is not None:
            render(cause)
            lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif context is not None:
            render(context)
            lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        if _is_database_error(exc):
            lines.append(_safe_description(exc) + "\n")
        else:
            lines.extend(traceback.format_exception_only(type(exc), exc))

    render(exc_info[1])
    return "".join(lines).rstrip("\n")


def _chain_has_database_error(exc: BaseException | None) -> bool:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if _is_database_error(exc):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _scrub_value(value: Any) -> Any:
    """A database exception becomes its safe description; text quoting one loses its DETAIL."""
    if isinstance(value, BaseException) and _is_database_error(value):
        return _safe_description(value)
    if isinstance(value, str) and "DETAIL:" in value:
        return value.split("DETAIL:", 1)[0] + "(detail removed)"
    return value


class ScrubDatabaseDetail(logging.Filter):
    """Passes every record; rewrites those that could carry a row's values (see module doc)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc_info: Any = record.exc_info
        if exc_info and exc_info[1] is not None and _chain_has_database_error(exc_info[1]):
            record.exc_text = _scrubbed_traceback(exc_info)
            record.exc_info = None
        if isinstance(record.args, tuple):
            record.args = tuple(_scrub_value(a) for a in record.args)
        elif isinstance(record.args, dict):  # logger.log(level, "%(exc)s", {...}): Celery's task failures
            record.args = {k: _scrub_value(v) for k, v in record.args.items()}
        record.msg = _scrub_value(record.msg)
        if record.name.startswith("django.db.backends"):
            self._scrub_sql(record)
        return True

    @staticmethod
    def _scrub_sql(record: logging.LogRecord) -> None:
        """Django logs each query as "(%.3f) %s; args=%s; alias=%s" (the SQL with its values
        interpolated) and the schema editor as "%s; (params %r)", both with ``sql`` and
        ``params`` attributes: literals masked, parameters gone."""
        sql = getattr(record, "sql", None)
        if isinstance(sql, str):
            record.sql = _LITERAL.sub("?", sql)
        if hasattr(record, "params"):
            record.params = "<removed>"
        args = record.args
        if not isinstance(args, tuple):
            if args:
                record.args = None
                record.msg = "<removed>"
            return
        if len(args) == 4 and isinstance(args[0], float):
            duration, logged_sql, _params, alias = args
            record.args = (duration, _LITERAL.sub("?", str(logged_sql)), "<removed>", alias)
        else:
            record.args = tuple(_LITERAL.sub("?", a) if isinstance(a, str) else "<removed>" for a in args)
