from django.apps import AppConfig


class TrialsConfig(AppConfig):
    name = "trials"
    verbose_name = "Trials"
    default_auto_field = "django.db.models.BigAutoField"
