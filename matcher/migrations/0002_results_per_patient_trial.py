from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


SWEEP_TASK = "matcher.tasks.nightly_rematch_sweep"


def add_nightly_sweep(apps, schema_editor):
    """The sweep runs at 02:30 UTC by default; coordinators' admins can edit it (django-celery-beat)."""
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schedule, _ = CrontabSchedule.objects.get_or_create(
        minute="30", hour="2", day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC"
    )
    PeriodicTask.objects.get_or_create(
        name="nightly re-match sweep",
        defaults={"task": SWEEP_TASK, "crontab": schedule, "description": "re-match patients whose verdicts change with time"},
    )


def remove_nightly_sweep(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name="nightly re-match sweep").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('django_celery_beat', '0019_alter_periodictasks_options'),
        ('trials', '0002_trialchange_chunks'),
        ('matcher', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='patient',
            name='rematch_on',
            field=models.DateField(blank=True, db_index=True, null=True),
        ),
        migrations.CreateModel(
            name='CoordinatorAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('client', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coordinator_assignments', to='matcher.apiclient')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coordinator_assignments', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='QueueVisit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('previous', models.DateTimeField(blank=True, null=True)),
                ('last', models.DateTimeField(blank=True, null=True)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='queue_visit', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Webhook',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('url', models.URLField(max_length=500)),
                ('secret', models.CharField(max_length=64)),
                ('active', models.BooleanField(default=True)),
                ('paused_at', models.DateTimeField(blank=True, null=True)),
                ('consecutive_failures', models.PositiveIntegerField(default=0)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('client', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='webhook', to='matcher.apiclient')),
            ],
        ),
        migrations.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event', models.CharField(max_length=40)),
                ('payload', models.JSONField()),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('delivered', 'Delivered'), ('failed', 'Failed')], db_index=True, default='pending', max_length=10)),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_attempt', models.DateTimeField(blank=True, null=True)),
                ('last_status_code', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('last_error', models.CharField(blank=True, max_length=300)),
                ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('delivered', models.DateTimeField(blank=True, null=True)),
                ('webhook', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='matcher.webhook')),
            ],
            options={
                'ordering': ['-created'],
            },
        ),
        migrations.DeleteModel(
            name='CriterionResult',
        ),
        migrations.DeleteModel(
            name='MatchResult',
        ),
        migrations.AddConstraint(
            model_name='coordinatorassignment',
            constraint=models.UniqueConstraint(fields=('user', 'client'), name='coordinatorassignment_unique'),
        ),
        migrations.CreateModel(
            name='CriterionOverride',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('criterion_type', models.CharField(max_length=10)),
                ('criterion_text', models.TextField()),
                ('concepts', models.JSONField(blank=True, default=list)),
                ('outcome', models.CharField(choices=[('met', 'met'), ('not_met', 'not met')], max_length=10)),
                ('note', models.TextField()),
                ('version', models.PositiveIntegerField(default=1)),
                ('active', models.BooleanField(db_index=True, default=True)),
                ('ended_reason', models.CharField(blank=True, max_length=200)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['result', '-created'],
            },
        ),
        migrations.CreateModel(
            name='MatchResult',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('eligibility', models.CharField(db_index=True, max_length=20)),
                ('eligibility_rank', models.PositiveSmallIntegerField(default=2)),
                ('score', models.FloatField()),
                ('unknown_count', models.PositiveSmallIntegerField(default=0)),
                ('changes_on', models.DateField(blank=True, help_text='when time alone would change this verdict', null=True)),
                ('error', models.TextField(blank=True, help_text='the evaluation of this trial raised; the job went on')),
                ('evaluated_at', models.DateField(help_text='the evaluation date of the verdict')),
                ('digest', models.CharField(help_text='hash of the verdict: unchanged verdicts are not rewritten', max_length=32)),
                ('facts_digest', models.CharField(blank=True, help_text='hash of the patient facts evaluated', max_length=32)),
                ('state', models.CharField(choices=[('active', 'Active'), ('gone', 'Gone')], db_index=True, default='active', max_length=10)),
                ('gone_reason', models.CharField(blank=True, max_length=200)),
                ('first_seen', models.DateTimeField(auto_now_add=True)),
                ('last_changed', models.DateTimeField(db_index=True)),
                ('review_status', models.CharField(choices=[('new', 'New'), ('under_review', 'Under review'), ('contact_pending', 'Contact pending'), ('contacted', 'Contacted'), ('screening', 'Screening'), ('enrolled', 'Enrolled'), ('not_eligible', 'Not eligible'), ('declined', 'Declined'), ('deferred', 'Deferred')], db_index=True, default='new', max_length=20)),
                ('review_reason', models.CharField(blank=True, help_text='why a closing status was chosen', max_length=300)),
                ('assigned_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_matches', to=settings.AUTH_USER_MODEL)),
                ('client', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='matcher.apiclient')),
                ('criteria_version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='trials.criteriaversion')),
                ('job', models.ForeignKey(blank=True, help_text='the job that last changed this result (none: a trial re-match)', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='results', to='matcher.matchjob')),
                ('patient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='matches', to='matcher.patient')),
                ('trial', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='match_results', to='trials.trial')),
            ],
            options={
                'ordering': ['eligibility_rank', '-score', 'trial_id'],
            },
        ),
        migrations.CreateModel(
            name='MatchEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('status', 'Review status'), ('assignee', 'Assigned coordinator'), ('note', 'Note'), ('override', 'Criterion override')], max_length=10)),
                ('old_value', models.CharField(blank=True, max_length=300)),
                ('new_value', models.CharField(blank=True, max_length=300)),
                ('text', models.TextField(blank=True, help_text="a note's text, or a closing status's reason")),
                ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('result', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='matcher.matchresult')),
            ],
            options={
                'ordering': ['-created', '-id'],
            },
        ),
        migrations.CreateModel(
            name='MatchChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('appeared', 'Appeared'), ('disappeared', 'Disappeared'), ('changed', 'Eligibility changed')], max_length=12)),
                ('cause', models.CharField(choices=[('patient_data', 'Patient data'), ('criteria_version', 'Criteria version'), ('trial_status', 'Trial status'), ('time', 'Time'), ('override', 'Coordinator override')], max_length=20)),
                ('old_eligibility', models.CharField(blank=True, max_length=20)),
                ('new_eligibility', models.CharField(blank=True, max_length=20)),
                ('detail', models.CharField(blank=True, max_length=300)),
                ('created', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('job', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='matcher.matchjob')),
                ('patient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='match_changes', to='matcher.patient')),
                ('trial', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='trials.trial')),
                ('trial_change', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='trials.trialchange')),
                ('result', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='matcher.matchresult')),
            ],
            options={
                'ordering': ['-created', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CriterionResult',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveIntegerField()),
                ('outcome', models.CharField(db_index=True, max_length=10)),
                ('review', models.BooleanField(default=False)),
                ('reason', models.TextField()),
                ('concepts', models.JSONField(blank=True, default=list)),
                ('engine_outcome', models.CharField(blank=True, max_length=10)),
                ('engine_reason', models.TextField(blank=True, help_text="the engine's reason, kept while an override stands")),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='trials.criterion')),
                ('override', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='matcher.criterionoverride')),
                ('result', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='matcher.matchresult')),
            ],
            options={
                'ordering': ['result', 'position'],
            },
        ),
        migrations.AddField(
            model_name='criterionoverride',
            name='result',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='overrides', to='matcher.matchresult'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(fields=['patient', 'state', 'eligibility_rank', '-score'], name='matchresult_ranked'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(fields=['trial', 'state'], name='matchresult_trial_state'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(fields=['state', 'eligibility', '-first_seen'], name='matchresult_queue'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(fields=['changes_on'], name='matchresult_changes_on'),
        ),
        migrations.AddConstraint(
            model_name='matchresult',
            constraint=models.UniqueConstraint(fields=('patient', 'trial'), name='matchresult_unique_patient_trial'),
        ),
        migrations.AddIndex(
            model_name='matchchange',
            index=models.Index(fields=['patient', '-created'], name='matchchange_patient_recent'),
        ),
        migrations.RunPython(add_nightly_sweep, remove_nightly_sweep),
    ]
