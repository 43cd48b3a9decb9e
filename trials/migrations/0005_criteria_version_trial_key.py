"""Issue 18: the key a match result's (trial, criteria version) references (matcher migration 0020)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('trials', '0004_golden_patients_held_versions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='criteriaversion',
            constraint=models.UniqueConstraint(fields=('trial', 'id'), name='criteriaversion_unique_trial_id'),
        ),
    ]
