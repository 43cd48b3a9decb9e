"""Issue 18: a match result's two composite keys checked once per statement, not once per row.

Migration 0020 left two composite foreign keys on a result: (patient, client) -> the patient's
(id, client) and (trial, criteria version) -> the version's (trial, id). PostgreSQL checks a
foreign key row by row, each check a query that also locks the row it finds: a new patient's
~640 results at 1,000 open trials made ~1,280 of them. Measured in-process
(``bench/job_cpu.py``, 30 jobs each on copies of ``bench/e2e.py``'s database, interleaved, quiet
machine): the job's PostgreSQL backend CPU was 21.7 and 21.7 ms with the keys, 17.3 and 18.7 ms
with the checks below (13.5 ms with no check at all, measured under load); of a patient's
~106-140 ms of CPU on 2 cores (worker, web and PostgreSQL) that is ~3-4%. ``bench/rematch.py``
(10,000 patients): 1.60 s against the keys' 1.70.

What the keys held, the triggers hold, on PostgreSQL (SQLite, the development mode, keeps no
key on these columns, as before):

* A statement that inserts or updates results is refused (``foreign_key_violation``, which
  Django raises as ``IntegrityError``) when one of its rows names a (patient, client) that no
  patient holds or a (trial, criteria version) that no version holds: one query each over the
  statement's distinct pairs (``new_rows``), after the statement. Each distinct patient is
  locked once (``FOR KEY SHARE``, as the key locked it per row; a job has one patient, which
  it holds already), so a patient's deletion waits for a writer of its results and then finds
  them, or the writer waits for the deletion and then misses the patient: either is refused.
* Removing or changing what a result points at (a patient's or a version's row) is refused
  while a result still points at it, as the keys' NO ACTION did. A row trigger on UPDATE fires
  only when the key columns change (its WHEN clause), so a job's updates of its patient's
  scheduling columns cost nothing. The versions are not locked by the writer (~640 distinct
  ones a new patient, the part of the keys' cost that remained); instead the rare remover of
  a version (a trial's deletion) takes a SHARE lock on the results table before it checks: it
  waits for every transaction that wrote results to end and holds off new writes until it
  ends, so a result written by a transaction that saw the version is committed before the
  check (which finds it) or written after the removal committed (its own check misses the
  version). Two trials deleted at once can deadlock there; PostgreSQL aborts one, nothing is
  half-written, and the deletion can be retried.

The check is immediate (at the end of the statement), where the keys were deferred to commit:
every writer inserts a result after its patient and version and deletes it before them
(Django's deletion order), which the suite exercises. Backward: the triggers go and the two
keys come back, validated against every stored row; no row changes either way.
``tests/api/test_storage_migrations.py`` checks both ways, the refusals on both sides, and the
removal that waits for a writer.
"""

from django.db import migrations

COMPOSITE = (
    ("matchresult_patient_client_fk", "(patient_id, client_id)", "matcher_patient (id, client_id)"),
    ("matchresult_trial_version_fk", "(trial_id, criteria_version_id)", "trials_criteriaversion (trial_id, id)"),
)

FORWARD = r"""
-- Every check drives from the statement's distinct keys, unnested from arrays, into the primary
-- keys' indexes: a join to the transition table let the planner scan the whole patient table
-- (56 MB at 10,000 patients: ~30 ms a statement, bench/rematch.py's chunks).
CREATE FUNCTION matchresult_keys_checked(patients uuid[], clients bigint[], trials bigint[], versions bigint[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    held bigint;
BEGIN
    -- each distinct patient locked once, as a foreign key locks it per row: its deletion waits
    SELECT count(*) INTO held FROM (
        SELECT 1 FROM unnest(patients, clients) AS n(id, client_id)
        JOIN matcher_patient p ON p.id = n.id AND p.client_id = n.client_id
        FOR KEY SHARE OF p
    ) locked;
    IF held <> coalesce(cardinality(patients), 0) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result names a (patient, client) that no patient holds',
            CONSTRAINT = 'matchresult_patient_client_fk', TABLE = 'matcher_matchresult';
    END IF;
    IF EXISTS (
        SELECT 1 FROM unnest(trials, versions) AS n(trial_id, id)
        WHERE NOT EXISTS (SELECT 1 FROM trials_criteriaversion v WHERE v.id = n.id AND v.trial_id = n.trial_id)
    ) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result names a (trial, criteria version) that no version holds',
            CONSTRAINT = 'matchresult_trial_version_fk', TABLE = 'matcher_matchresult';
    END IF;
END $$;

CREATE FUNCTION matchresult_keys_held() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    patients uuid[];
    clients bigint[];
    trials bigint[];
    versions bigint[];
BEGIN
    SELECT array_agg(patient_id), array_agg(client_id) INTO patients, clients
        FROM (SELECT DISTINCT patient_id, client_id FROM new_rows) n;
    SELECT array_agg(trial_id), array_agg(criteria_version_id) INTO trials, versions
        FROM (SELECT DISTINCT trial_id, criteria_version_id FROM new_rows) n;
    PERFORM matchresult_keys_checked(patients, clients, trials, versions);
    RETURN NULL;
END $$;

CREATE FUNCTION matchresult_keys_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    patients uuid[];
    clients bigint[];
    trials bigint[];
    versions bigint[];
BEGIN
    -- only rows whose keys changed: a re-match moves ~10,000 rows to a trial's new version and
    -- keeps their patients, which a foreign key never checked again either
    SELECT array_agg(patient_id), array_agg(client_id) INTO patients, clients FROM (
        SELECT DISTINCT n.patient_id, n.client_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.patient_id, n.client_id) IS DISTINCT FROM (o.patient_id, o.client_id)
    ) moved;
    SELECT array_agg(trial_id), array_agg(criteria_version_id) INTO trials, versions FROM (
        SELECT DISTINCT n.trial_id, n.criteria_version_id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.trial_id, n.criteria_version_id) IS DISTINCT FROM (o.trial_id, o.criteria_version_id)
    ) moved;
    PERFORM matchresult_keys_checked(patients, clients, trials, versions);
    RETURN NULL;
END $$;

CREATE TRIGGER matchresult_keys_inserted AFTER INSERT ON matcher_matchresult
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matchresult_keys_held();
CREATE TRIGGER matchresult_keys_updated AFTER UPDATE ON matcher_matchresult
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION matchresult_keys_moved();

CREATE FUNCTION matchresult_patients_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM matcher_matchresult r
        WHERE r.patient_id = ANY (ARRAY(SELECT id FROM old_rows))
        AND NOT EXISTS (SELECT 1 FROM matcher_patient p WHERE p.id = r.patient_id AND p.client_id = r.client_id)
    ) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result still names this patient',
            CONSTRAINT = 'matchresult_patient_client_fk', TABLE = 'matcher_patient';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION matchresult_patient_rekeyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM matcher_matchresult r WHERE r.patient_id = OLD.id AND r.client_id = OLD.client_id) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result still names this patient',
            CONSTRAINT = 'matchresult_patient_client_fk', TABLE = 'matcher_patient';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER matchresult_patients_deleted AFTER DELETE ON matcher_patient
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matchresult_patients_released();
CREATE TRIGGER matchresult_patient_rekeyed AFTER UPDATE ON matcher_patient FOR EACH ROW
    WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.client_id IS DISTINCT FROM NEW.client_id)
    EXECUTE FUNCTION matchresult_patient_rekeyed();

CREATE FUNCTION matchresult_versions_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE matcher_matchresult IN SHARE MODE;
    IF EXISTS (
        SELECT 1 FROM matcher_matchresult r
        WHERE r.trial_id = ANY (ARRAY(SELECT DISTINCT trial_id FROM old_rows))
        AND r.criteria_version_id = ANY (ARRAY(SELECT id FROM old_rows))
        AND NOT EXISTS (
            SELECT 1 FROM trials_criteriaversion v WHERE v.id = r.criteria_version_id AND v.trial_id = r.trial_id
        )
    ) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result still names this criteria version',
            CONSTRAINT = 'matchresult_trial_version_fk', TABLE = 'trials_criteriaversion';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION matchresult_version_rekeyed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    LOCK TABLE matcher_matchresult IN SHARE MODE;
    IF EXISTS (
        SELECT 1 FROM matcher_matchresult r WHERE r.criteria_version_id = OLD.id AND r.trial_id = OLD.trial_id
    ) THEN
        RAISE foreign_key_violation USING
            MESSAGE = 'a match result still names this criteria version',
            CONSTRAINT = 'matchresult_trial_version_fk', TABLE = 'trials_criteriaversion';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER matchresult_versions_deleted AFTER DELETE ON trials_criteriaversion
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION matchresult_versions_released();
CREATE TRIGGER matchresult_version_rekeyed AFTER UPDATE ON trials_criteriaversion FOR EACH ROW
    WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.trial_id IS DISTINCT FROM NEW.trial_id)
    EXECUTE FUNCTION matchresult_version_rekeyed();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS matchresult_keys_inserted ON matcher_matchresult;
DROP TRIGGER IF EXISTS matchresult_keys_updated ON matcher_matchresult;
DROP TRIGGER IF EXISTS matchresult_patients_deleted ON matcher_patient;
DROP TRIGGER IF EXISTS matchresult_patient_rekeyed ON matcher_patient;
DROP TRIGGER IF EXISTS matchresult_versions_deleted ON trials_criteriaversion;
DROP TRIGGER IF EXISTS matchresult_version_rekeyed ON trials_criteriaversion;
DROP FUNCTION IF EXISTS matchresult_keys_held();
DROP FUNCTION IF EXISTS matchresult_keys_moved();
DROP FUNCTION IF EXISTS matchresult_keys_checked(uuid[], bigint[], bigint[], bigint[]);
DROP FUNCTION IF EXISTS matchresult_patients_released();
DROP FUNCTION IF EXISTS matchresult_patient_rekeyed();
DROP FUNCTION IF EXISTS matchresult_versions_released();
DROP FUNCTION IF EXISTS matchresult_version_rekeyed();
"""


def keys_to_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in COMPOSITE:
        schema_editor.execute(f"ALTER TABLE matcher_matchresult DROP CONSTRAINT IF EXISTS {name}")
    schema_editor.execute(FORWARD)


def triggers_to_keys(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(BACKWARD)
    for name, columns, target in COMPOSITE:
        schema_editor.execute(
            f"ALTER TABLE matcher_matchresult ADD CONSTRAINT {name} FOREIGN KEY {columns} "
            f"REFERENCES {target} DEFERRABLE INITIALLY DEFERRED"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("matcher", "0021_result_client_indexed_where_queued"),
    ]

    operations = [migrations.RunPython(keys_to_triggers, triggers_to_keys)]
