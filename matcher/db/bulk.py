"""Bulk inserts for the matching hot path: PostgreSQL ``COPY``, ``bulk_create`` elsewhere.

A new patient at 1,000 open trials writes 1,000 results and 1,000 change rows in one
transaction; through ``bulk_create`` they took longer than evaluating every trial. ``COPY``
needs the primary keys up front (changes point at their result), so they are drawn from the
table's sequence first.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from django.db import connection, models
from django.db.models.base import ModelState
from psycopg.abc import Buffer
from psycopg.types.uuid import UUIDBinaryDumper

M = TypeVar("M", bound=models.Model)


@contextlib.contextmanager
def _copy(table: str, columns: Sequence[str]) -> Iterator[Any]:
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            yield copy


def copy_rows(table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Rows as tuples in ``columns`` order, through COPY (PostgreSQL only)."""
    with _copy(table, columns) as copy:
        for row in rows:
            copy.write_row(row)


def copy_binary(table: str, columns: Sequence[str], types: Sequence[int], rows: Iterable[tuple]) -> None:
    """``copy_rows`` in COPY's binary format, each column dumped as its type (``types``: the
    columns' type oids, ``_binary_types``) by psycopg's C dumpers.

    Measured (a temporary table of a result's 23 columns, 686 rows, 40 runs, machine under
    load): text 6.8-7.2 ms of the client's CPU, binary 1.6-2.0 ms; the text format looks up a
    dumper for each value's Python type and formats it. The values must be of their columns'
    Python types (the text format would let any text through for PostgreSQL to parse): a
    caller says so (``insert_models(..., binary=True)``). ``tests/api/test_copy_text.py`` reads
    rows back equal to the text format's."""
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.adapters.register_dumper(uuid.UUID, _UUIDBinaryDumper)  # this cursor's alone
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(list(types))
            for row in rows:
                copy.write_row(row)


class _UUIDBinaryDumper(UUIDBinaryDumper):
    """psycopg's binary UUID dumper, also taking a UUID's text (as the text format does)."""

    def dump(self, obj: Any) -> Buffer:
        return (obj if isinstance(obj, uuid.UUID) else uuid.UUID(str(obj))).bytes


# the column types the binary format is used for: psycopg dumps each of them in C, the UUID aside
_BINARY_TYPES = frozenset(
    {"int2", "int4", "int8", "float8", "varchar", "text", "bool", "date", "timestamptz", "uuid"}
)
_TYPES_OF: dict[tuple[str, str, tuple[str, ...]], tuple[int, ...] | None] = {}


def _binary_types(table: str, columns: Sequence[str]) -> tuple[int, ...] | None:
    """The type oids of ``table``'s ``columns``, read from the catalogue once per process and
    database, or None when one is of a type ``copy_binary`` leaves to the text format. A
    migration changing such a column's type needs the workers restarted (as any deploy does):
    the binary format refuses a value of another type than the one read."""
    key = (connection.settings_dict["NAME"], table, tuple(columns))
    if key not in _TYPES_OF:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT a.attname, t.typname, a.atttypid FROM pg_attribute AS a JOIN pg_type AS t ON t.oid = a.atttypid"
                " WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped",
                [table],
            )
            found = {name: (typname, oid) for name, typname, oid in cursor.fetchall()}
        typed = [found.get(c) for c in columns]
        _TYPES_OF[key] = (
            tuple(t[1] for t in typed if t is not None)
            if all(t is not None and t[0] in _BINARY_TYPES for t in typed)
            else None
        )
    return _TYPES_OF[key]


def copy_text(table: str, columns: Sequence[str], lines: Iterable[str]) -> None:
    """Rows already encoded as COPY text lines (``copy_field`` joined by tabs, newline-ended).

    For rows whose columns mostly repeat: a caller encodes each distinct run of values once,
    where ``copy_rows`` would format every value of every row again."""
    with _copy(table, columns) as copy:
        batch: list[str] = []
        for line in lines:
            batch.append(line)
            if len(batch) == 5000:
                copy.write("".join(batch))
                batch.clear()
        if batch:
            copy.write("".join(batch))


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def copy_field(value: object) -> str:
    """One value in COPY's text format: NULL as \\N, booleans as t/f, and the four characters
    that would end a field or row (backslash, tab, newline, carriage return) escaped."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return str.translate(value, _COPY_ESCAPES)
    return str(value)


def insert_models(model: type[M], objs: Sequence[M], *, binary: bool = False) -> None:
    """Insert unsaved instances, setting their primary keys, as ``bulk_create`` would.

    ``binary``: through COPY's binary format when every column is plain (``copy_binary``), for
    a caller whose values are of their columns' Python types (an int for an integer, a date for
    a date, an aware datetime for a timestamp; a UUID may also be its text)."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(objs, batch_size=1000)
        return
    relations = _forward_keys(model)
    for obj in objs:
        # result=row -> result_id, as bulk_create does (a private Django method the stubs omit);
        # it acts only on related objects held in the instance's cache, so one holding none is
        # skipped (a job's ~850 new results: ~2 ms). Read from the state's ``__dict__``: Django
        # makes the cache on first read (``ModelStateFieldsCacheDescriptor``), a new empty dict
        # for each of those rows (~1% of a new patient's job, pyinstrument, machine under load);
        # absent and empty are alike here
        cache = obj._state.__dict__.get("fields_cache")
        if cache and (relations is None or not point_at_saved(obj, cache, relations)):
            obj._prepare_related_fields_for_save(operation_name="insert_models")  # type: ignore[attr-defined]
    opts = model._meta
    pk = opts.pk
    missing = [o for o in objs if o.pk is None]
    if missing:
        with connection.cursor() as cursor:
            # one array, not a row per key: fetching ~850 rows was ~2 ms of a job's CPU. The
            # sequence is named by a sub-select, evaluated once: as nextval's argument the
            # catalogue look-up ran for every key (850 keys: 4.8 -> 1.7 ms of PostgreSQL CPU,
            # the backend's, 30 runs each on bench/e2e.py's database)
            cursor.execute(
                "SELECT array_agg(nextval((SELECT pg_get_serial_sequence(%s, %s))::regclass) ORDER BY n)"
                " FROM generate_series(1, %s) AS n",
                [opts.db_table, pk.column, len(missing)],
            )
            (keys,) = cursor.fetchone()
            for obj, pk_value in zip(missing, keys, strict=True):
                obj.pk = pk_value
    fields = opts.concrete_fields
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            # one timestamp for the batch, as one transaction writes it (Django's own pre_save)
            stamp = field.pre_save(objs[0], True)
            for obj in objs:
                setattr(obj, field.attname, stamp)
    columns = [f.column for f in fields]
    types = _binary_types(opts.db_table, columns) if binary and _all_plain(fields) else None
    if types is not None:
        copy_binary(opts.db_table, columns, types, map(_row_of(fields), objs))
    else:
        copy_rows(opts.db_table, columns, map(_row_of(fields), objs))
    alias = connection.alias  # read once: ``connection`` is a proxy, ~2 ms over a job's ~850 rows
    for obj in objs:
        obj._state.adding, obj._state.db = False, alias


_FORWARD_KEYS: dict[type[models.Model], dict[str, tuple[str, str]] | None] = {}


def _forward_keys(model: type[models.Model]) -> dict[str, tuple[str, str]] | None:
    """A model's foreign keys, name -> (attribute, the related model's key attribute), when
    every relation it holds is a plain ``ForeignKey`` (no one-to-one, no generic relation), the
    ones ``point_at_saved`` handles; else None."""
    if model not in _FORWARD_KEYS:
        opts = model._meta
        keys = [f for f in opts.concrete_fields if f.is_relation]
        plain = not opts.private_fields and all(type(f) is models.ForeignKey for f in keys)
        _FORWARD_KEYS[model] = (
            {f.name: (f.attname, f.target_field.attname) for f in keys} if plain else None  # type: ignore[attr-defined]
        )
    return _FORWARD_KEYS[model]


def point_at_saved(obj: models.Model, cache: dict[str, Any], relations: dict[str, tuple[str, str]]) -> bool:
    """What Django's ``_prepare_related_fields_for_save`` does for an instance whose cached
    relations are all plain foreign keys to saved rows: a key still empty takes the related
    row's key (``result=row`` -> ``result_id``, the row inserted since), and a cached object
    whose key no longer matches is dropped from the cache. False, having changed nothing
    Django's method would not, for anything else (an unsaved related row: Django's raises).

    Why: a trial's re-match chunk writes ~500 changes, each holding its result and its trial
    change; Django's method walks every concrete field through descriptors for each, ~1.5% of
    the chunk's worker CPU (``bench/rematch_cpu.py``, pyinstrument, machine under load).
    ``tests/api/test_store_shortcuts.py`` pins the instances it leaves to Django's."""
    values = obj.__dict__
    for name, related in cache.items():
        found = relations.get(name)
        if found is None:
            return False
        if related is None:
            continue
        attname, target = found
        key = getattr(related, target)
        if key is None:
            return False
        current = values.get(attname)
        if current is None or current == "":  # Django's ``in field.empty_values``, for a key
            values[attname] = key
        elif values[attname] != key:
            return False  # Django's drops the stale cached object
    return True


def _row_of(fields: Sequence[models.Field]) -> Callable[[models.Model], tuple]:
    """How to read a row's values off an instance, in ``fields`` order. When every column is
    plain (``_value_of``) they are read in C: a tuple built by a generator over a reader per
    column was ~10 ms of a job's ~850 results (22 columns).

    They are read from the instance's ``__dict__`` (``_from_dict``), where Django keeps every
    loaded column: a key's attribute (``trial_id``) is a data descriptor, so ``attrgetter``
    called Django's Python ``__get__`` for each of a result's 7 keys, ~93,000 calls in 20 jobs
    of ``bench/job_cpu.py`` (cProfile), ~2 ms a job. An instance lacking one (a deferred
    column) is read through its attributes, as before."""
    if len(fields) > 1 and all(isinstance(f, _PLAIN) for f in fields):
        return _from_dict(tuple(f.attname for f in fields))
    values = [_value_of(f) for f in fields]
    return lambda obj: tuple(value(obj) for value in values)


def _all_plain(fields: Sequence[models.Field]) -> bool:
    return all(isinstance(f, _PLAIN) for f in fields)


def _from_dict(attnames: tuple[str, ...]) -> Callable[[models.Model], tuple]:
    """``attrgetter(*attnames)``, read from the instance's ``__dict__`` (see ``_row_of``);
    ``tests/api/test_copy_text.py`` pins the two to one tuple."""
    fast, slow = itemgetter(*attnames), attrgetter(*attnames)

    def read(obj: models.Model) -> tuple:
        try:
            return fast(obj.__dict__)
        except KeyError:
            return slow(obj)

    return read


def _value_of(field: models.Field) -> Callable[[models.Model], object]:
    """How to read one column's value off an instance. Plain attributes (text, numbers, dates,
    foreign keys, UUIDs, and ``auto_now`` times once stamped) go to COPY as they are:
    ``get_db_prep_save`` on each made a job's 2,000 result and change rows take 0.14 s
    instead of 0.09 s. Fields that encode their value (JSON, anything unusual) still take
    Django's path."""
    if isinstance(field, _PLAIN):
        return attrgetter(field.attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


_PLAIN = (
    models.CharField, models.TextField, models.IntegerField, models.FloatField, models.BooleanField,
    models.DateField, models.ForeignKey, models.UUIDField, models.AutoField,
)  # DateTimeField is a DateField


T = TypeVar("T")


def spread_order(items: Sequence[T]) -> list[T]:
    """``items`` (sorted by an index's key) in the order that leaves that B-tree index densest
    when they are inserted together into its middle: by bit-reversed position (the first, the middle,
    then the quarters, the eighths...), so every leaf page the run spans keeps receiving keys
    until the end, instead of each page being left half full behind an ascending run.

    Why: a new patient's ~1,000 results go into the unique (patient, trial) index as one run at
    a random place. In key order every page PostgreSQL splits keeps half its keys and never
    gets more (its split-after-new-item heuristic skips keys wider than two int8s, and a UUID
    and an int8 are): 59 KB a patient, 53% full. Measured with 150 runs of 861 keys (uuid,
    bigint) into one index: key order 58.8 KB a run, descending 58.6, random 46.5, every third
    then the rest 45.0, bit-reversed 42.6-44.1. The rows and values stored are the same in any
    order (``tests/api/test_store_shortcuts.py``)."""
    n = len(items)
    if n < 3:
        return list(items)
    return list(map(items.__getitem__, _spread_positions(n)))


@functools.lru_cache(maxsize=64)
def _spread_positions(n: int) -> tuple[int, ...]:
    """``spread_order``'s positions for ``n`` items, made once per length: sorting 0..n-1 by
    their bit-reversed binary each time was ~0.7 ms of a job's ~700 new results (in-process,
    machine under load); ``tests/api/test_store_shortcuts.py`` pins them to that sort."""
    bits = (n - 1).bit_length()
    return tuple(sorted(range(n), key=lambda i: int(f"{i:0{bits}b}"[::-1], 2)))


def unsaved(model: type[M], **values: Any) -> M:
    """An unsaved instance, as ``model(**values)`` makes it, without ``Model.__init__``.

    A match job builds ~850 results and ~850 changes; ``__init__`` walks every field with its
    keyword handling and signals, which measured 32-75 us an instance on the shared machine,
    ~100 ms a job. Here each concrete field starts at its default (a callable default is
    called, as ``__init__`` would) and ``values`` are set by attribute name (``trial_id``) or,
    for a relation, by name (``result=row``: its id, and the object cached for
    ``insert_models`` to read the id from once the row has one). Only for models without
    ``pre_init`` / ``post_init`` receivers, which the hot path's models have none of;
    ``tests/api/test_store_shortcuts.py`` compares it with ``__init__`` field by field."""
    constant, called, relations = _plan(model)
    obj = model.__new__(model)
    obj._state = ModelState()
    fields = obj.__dict__
    # the defaults in one update, and ``values`` in another when none names a relation (a
    # result's do not): setting ~40 attributes one by one was ~8 ms of a job's ~850 results
    fields.update(constant)
    for attname, default in called:
        fields[attname] = default()
    if relations.keys().isdisjoint(values):
        fields.update(values)
        return obj
    for name, value in values.items():
        column = relations.get(name)
        if column is None:
            fields[name] = value
        else:
            fields[column] = None if value is None else value.pk
            obj._state.fields_cache[name] = value
    return obj


_PLANS: dict[type[models.Model], tuple[dict[str, Any], list[tuple[str, Any]], dict[str, str]]] = {}


def _plan(model: type[models.Model]) -> tuple[dict[str, Any], list[tuple[str, Any]], dict[str, str]]:
    """A model's defaults, split into constants and those called per instance (as ``__init__``
    calls a callable default), and its relations' names -> attribute names."""
    found = _PLANS.get(model)
    if found is None:
        defaults = [
            (f.attname, f.default if f.has_default() else f.get_default()) for f in model._meta.concrete_fields
        ]
        constant = {attname: default for attname, default in defaults if not callable(default)}
        called = [(attname, default) for attname, default in defaults if callable(default)]
        relations = {f.name: str(f.attname) for f in model._meta.concrete_fields if f.is_relation}
        found = _PLANS[model] = (constant, called, relations)
    return found


def update_models(model: type[M], objs: Sequence[M], fields: Sequence[str]) -> None:
    """Write ``fields`` of saved instances, as ``bulk_update(objs, fields)`` would.

    ``bulk_update`` writes one ``CASE WHEN id = ... THEN ...`` per field and row, which Django
    builds as expression objects: a trial reopening after it closed rewrites every gone result,
    and 10,000 rows x 15 fields took 36 s of a worker's CPU in it (bench/rematch.py's patients,
    measured in-process), five times the evaluating. On PostgreSQL the rows go as one array per
    column instead, zipped by ``unnest`` into one ``UPDATE ... FROM``: a statement with
    ``len(fields) + 1`` parameters whatever the row count. ``tests/api/test_store_shortcuts.py``
    compares the rows it writes with ``bulk_update``'s."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(objs, fields, batch_size=500)
        return
    opts = model._meta
    pk = opts.pk
    assert pk is not None
    columns = [_concrete(opts.get_field(name)) for name in fields]
    targets = [pk, *columns]
    arrays = [[value(obj) for obj in objs] for value in map(_saved_value, targets)]
    names = [f"c{i}" for i in range(len(targets))]
    sets = ", ".join(f'"{f.column}" = v.{n}' for f, n in zip(columns, names[1:], strict=True))
    unnest = ", ".join(f"%s::{_array_type(f)}" for f in targets)
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{opts.db_table}" AS t SET {sets} FROM unnest({unnest}) AS v({", ".join(names)}) '
            f'WHERE t."{pk.column}" = v.c0',
            arrays,
        )


def _saved_value(field: models.Field) -> Callable[[models.Model], object]:
    """How ``update_models`` reads a column off an instance: a plain attribute as it is (as
    ``_value_of`` does for COPY), anything else through ``get_db_prep_save``, as ``bulk_update``
    does (no ``pre_save``: an update stamps nothing). ``get_db_prep_save`` on every value of a
    reopening's 10,000 rows x 15 fields was 3.2 of the 5.5 profiled s in ``update_models``
    (cProfile, bench/rematch.py's reopen after closing, in-process)."""
    if isinstance(field, _PLAIN):
        return attrgetter(field.attname)
    return lambda obj: field.get_db_prep_save(getattr(obj, field.attname), connection)


def _concrete(field: object) -> models.Field:
    assert isinstance(field, models.Field) and field.concrete, "a column of the model's own table"
    return field


# the big and small kinds first: both count as AutoField to isinstance
_KEY_TYPES: list[tuple[type[models.Field], type[models.Field]]] = [
    (models.BigAutoField, models.BigIntegerField),
    (models.SmallAutoField, models.SmallIntegerField),
    (models.AutoField, models.IntegerField),
]


def _array_type(field: models.Field) -> str:
    """The column's type as an array; a key's is its target's, an identity column's the plain
    integer type."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    for auto, plain in _KEY_TYPES:  # an identity column's values are plain integers
        if isinstance(field, auto):
            field = plain()
            break
    db_type = field.db_type(connection)
    return f"{db_type}[]"
