"""Issue 18: narrower indexes for the two tables a match job writes ~1,000 rows each to.

Only indexes change (no data): the full indexes on ``review_status`` and ``assigned_to`` become
partial ones holding only rows off their default, ``MatchChange.created`` loses its own index
(readers go through a patient or a result), ``MatchChange.trial_change`` is indexed only where
set. Reversing re-creates the full indexes."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('matcher', '0015_compact_verdicts_and_facts_versions'),
        ('trials', '0004_golden_patients_held_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='matchresult',
            name='matchresult_review_status',
        ),
        migrations.AlterField(
            model_name='matchchange',
            name='created',
            field=models.DateTimeField(auto_now_add=True),
        ),
        migrations.AlterField(
            model_name='matchchange',
            name='trial_change',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='trials.trialchange'),
        ),
        migrations.AlterField(
            model_name='matchresult',
            name='assigned_to',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_matches', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddIndex(
            model_name='matchchange',
            index=models.Index(condition=models.Q(('trial_change__isnull', False)), fields=['trial_change'], name='matchchange_trial_change'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(condition=models.Q(('review_status', 'new'), _negated=True), fields=['review_status'], name='matchresult_review_worked'),
        ),
        migrations.AddIndex(
            model_name='matchresult',
            index=models.Index(condition=models.Q(('assigned_to__isnull', False)), fields=['assigned_to'], name='matchresult_assigned'),
        ),
    ]
