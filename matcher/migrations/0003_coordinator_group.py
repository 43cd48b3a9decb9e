"""The ``coordinator`` group: exactly what working the match queue needs.

- ``matcher.view_matchresult``: the queue and the match page (scoped to the clients a coordinator
  is assigned to by ``CoordinatorAssignment``);
- ``matcher.change_matchresult``: review status and assignee, one match or in bulk;
- ``matcher.add_matchevent``: notes;
- ``matcher.add_criterionoverride`` / ``matcher.change_criterionoverride``: override a criterion,
  end an override;
- ``matcher.view_patient_identity``: coordinators contact the patients of their matches, so they
  see the local identifier; only in the queue and on the match page, both scoped to their
  clients.

Not ``matcher.view_patient``: the Patient admin is not scoped to a coordinator's clients, so it
would show every client's patients. The match page shows the facts its criteria used instead.
"""

from django.db import migrations

GROUP = "coordinator"
PERMISSIONS = [
    ("matcher", "view_matchresult"),
    ("matcher", "change_matchresult"),
    ("matcher", "add_matchevent"),
    ("matcher", "add_criterionoverride"),
    ("matcher", "change_criterionoverride"),
    ("matcher", "view_patient_identity"),
]


def add_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # On a fresh database permissions are created only after all migrations (post_migrate):
    # create this app's now, so the group gets them in this migration.
    app_config = apps.get_app_config("matcher")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for app_label, codename in PERMISSIONS:
        wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    group.permissions.set(wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("matcher", "0002_results_per_patient_trial"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
