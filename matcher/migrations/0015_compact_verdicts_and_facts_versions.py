"""Issue 18: results store verdicts, not prose.

Forward: every patient's facts become its version 1 (current, and pinned by all its results);
each result's criterion rows become its ``outcomes`` codes (the engine's outcome and review
flag, one character per position, as ``matcher.results.compact`` writes them); the rows go.

Backward: the criterion rows are made again from the codes, with their reasons and concepts
rendered by evaluating each result's criteria version against its pinned facts version at its
evaluation date (the rules engine is pure Python, so this needs no application model), the
coordinators' active overrides applied with the words the store used; ``facts_digest`` is the
pinned version's digest (the same hash). Facts versions other than the current one are lost.
"""

import hashlib
import json
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

_CODE = {"met": "m", "not_met": "n"}
_OUTCOME = {"m": "met", "n": "not_met", "u": "unknown"}
BATCH = 2000


def _digest(facts):
    return hashlib.md5(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


def forward(apps, schema_editor):
    Patient = apps.get_model("matcher", "Patient")
    Version = apps.get_model("matcher", "PatientFactsVersion")
    MatchResult = apps.get_model("matcher", "MatchResult")
    CriterionResult = apps.get_model("matcher", "CriterionResult")
    batch = []
    for pk, facts in Patient.objects.values_list("pk", "facts").iterator(chunk_size=BATCH):
        batch.append(Version(patient_id=pk, number=1, facts=facts, digest=_digest(facts)))
        if len(batch) >= BATCH:
            Version.objects.bulk_create(batch)
            batch = []
    Version.objects.bulk_create(batch)
    Patient.objects.update(facts_version=Subquery(Version.objects.filter(patient=OuterRef("pk")).values("pk")[:1]))
    MatchResult.objects.update(
        facts_version=Subquery(Patient.objects.filter(pk=OuterRef("patient_id")).values("facts_version")[:1])
    )
    codes = {}
    rows = CriterionResult.objects.order_by("result_id", "position").values_list(
        "result_id", "outcome", "review", "engine_outcome", "engine_review", "override_id"
    )
    for result_id, outcome, review, engine_outcome, engine_review, override_id in rows.iterator(chunk_size=10000):
        engine = engine_outcome or outcome
        flagged = engine_review if override_id else review
        code = _CODE.get(engine, "u")
        codes.setdefault(result_id, []).append(code.upper() if flagged else code)
        if len(codes) > BATCH:
            last = max(codes)
            _write_codes(MatchResult, {k: v for k, v in codes.items() if k != last})
            codes = {last: codes[last]}
    _write_codes(MatchResult, codes)
    _checks_now(schema_editor)


def _checks_now(schema_editor):
    """Deferred foreign-key checks of the rows just written run now, so the schema changes that
    follow in this transaction do not meet pending trigger events (PostgreSQL)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _write_codes(MatchResult, codes):
    found = list(MatchResult.objects.filter(pk__in=list(codes)))
    for row in found:
        row.outcomes = "".join(codes[row.pk])
    MatchResult.objects.bulk_update(found, ["outcomes"], batch_size=BATCH)


def backward(apps, schema_editor):
    from rules_engine.assemble import Memo, assemble
    from rules_engine.criteria import TrialCriteria, criterion_from_json
    from rules_engine.facts import PatientFacts
    from rules_engine.semantics import predicate_outcome
    from rules_engine.snapshot import snapshot

    MatchResult = apps.get_model("matcher", "MatchResult")
    Version = apps.get_model("matcher", "PatientFactsVersion")
    Patient = apps.get_model("matcher", "Patient")
    CriterionResult = apps.get_model("matcher", "CriterionResult")
    CriterionOverride = apps.get_model("matcher", "CriterionOverride")
    Criterion = apps.get_model("trials", "Criterion")
    CriteriaVersion = apps.get_model("trials", "CriteriaVersion")

    trials = {}

    def trial_of(version_pk):
        if version_pk not in trials:
            version = CriteriaVersion.objects.select_related("trial").get(pk=version_pk)
            lines = list(Criterion.objects.filter(version_id=version_pk).order_by("position"))
            criteria = tuple(
                criterion_from_json({
                    **(c.structured or {"expr": {"node": "review", "reason": "unparsed"}}),
                    "type": c.type, "text": c.text, "parent": c.parent_position,
                })
                for c in lines
            )
            trials[version_pk] = ([c.pk for c in lines], TrialCriteria(version.trial.nct_id, version.number, criteria))
        return trials[version_pk]

    facts_of = {}
    overrides = defaultdict(list)
    for o in CriterionOverride.objects.filter(active=True).select_related("author").order_by("created", "pk"):
        overrides[o.result_id].append(o)
    pending = []
    results = MatchResult.objects.order_by("patient_id", "facts_version_id", "evaluated_at").values_list(
        "pk", "patient_id", "facts_version_id", "criteria_version_id", "evaluated_at", "outcomes"
    )
    group, snap, memo = None, None, None
    for pk, patient_id, version_pk, criteria_version_pk, evaluated_at, codes in results.iterator(chunk_size=BATCH):
        if not codes:
            continue
        if (patient_id, version_pk, evaluated_at) != group:
            group = (patient_id, version_pk, evaluated_at)
            if version_pk not in facts_of:
                found = Version.objects.filter(pk=version_pk).values_list("facts", "digest").first()
                if found is None:
                    facts = Patient.objects.get(pk=patient_id).facts
                    found = (facts, _digest(facts))
                facts_of[version_pk] = found
            snap = snapshot(PatientFacts.from_json(facts_of[version_pk][0]), evaluated_at)
            memo = Memo()
        criterion_pks, trial = trial_of(criteria_version_pk)
        rendered = assemble(trial, snap, lambda p, snap=snap: predicate_outcome(p, snap), memo).criteria
        placed = {}
        index_of = {(c.type, c.text): c.index for c in rendered}
        for o in overrides.get(pk, []):
            index = index_of.get((o.criterion_type, o.criterion_text))
            if index is not None:
                placed[index] = o
        for c, code in zip(rendered, codes):
            engine_outcome, engine_review = _OUTCOME[code.lower()], code.isupper()
            o = placed.get(c.index)
            outcome, review, reason = engine_outcome, engine_review, c.reason
            if o is not None:
                who = o.author.username if o.author_id and o.author else "a coordinator"
                outcome, review = o.outcome, False
                reason = (
                    f"overridden by {who} (v{o.version}): {o.outcome.replace('_', ' ')}: {o.note} "
                    f"[engine: {engine_outcome}: {c.reason}]"
                )
            pending.append(CriterionResult(
                result_id=pk, criterion_id=criterion_pks[c.index], position=c.index, outcome=outcome, review=review,
                reason=reason, concepts=list(c.concepts), engine_outcome=engine_outcome,
                engine_reason=c.reason if o else "", engine_review=engine_review if o else False,
                override_id=o.pk if o else None,
            ))
        if len(pending) >= 10000:
            CriterionResult.objects.bulk_create(pending)
            pending = []
    CriterionResult.objects.bulk_create(pending)
    MatchResult.objects.update(
        facts_digest=Subquery(Version.objects.filter(pk=OuterRef("facts_version_id")).values("digest")[:1])
    )
    MatchResult.objects.filter(facts_digest__isnull=True).update(facts_digest="")
    _checks_now(schema_editor)



class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0014_candidates_only'),
    ]

    operations = [
        migrations.AlterField(
            model_name='patient',
            name='facts',
            field=models.JSONField(help_text="normalised facts, with their source resource ids (the current version's copy)"),
        ),
        migrations.CreateModel(
            name='PatientFactsVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField()),
                ('facts', models.JSONField()),
                ('digest', models.CharField(help_text='hash of the facts: an unchanged re-post makes no version', max_length=32)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('patient', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='facts_versions', to='matcher.patient')),
            ],
            options={
                'ordering': ['patient', 'number'],
            },
        ),
        migrations.AddConstraint(
            model_name='patientfactsversion',
            constraint=models.UniqueConstraint(fields=('patient', 'number'), name='patientfactsversion_unique_number'),
        ),
        migrations.AddField(
            model_name='matchresult',
            name='outcomes',
            field=models.TextField(blank=True, help_text="each line's engine outcome, one character per position: m met, n not met, u unknown; upper case when the line is left to review (overrides not applied)"),
        ),
        migrations.AddField(
            model_name='matchresult',
            name='facts_version',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, help_text='the patient facts version this verdict was judged on', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='matcher.patientfactsversion'),
        ),
        migrations.AddField(
            model_name='patient',
            name='facts_version',
            field=models.ForeignKey(blank=True, help_text='the version of the facts that ``facts`` holds', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='matcher.patientfactsversion'),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveIndex(model_name='matchresult', name='matchresult_ranked'),
        migrations.RemoveField(
            model_name='matchresult',
            name='facts_digest',
        ),
        migrations.DeleteModel(
            name='CriterionResult',
        ),
    ]
