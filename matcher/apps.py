import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger("matcher")


class MatcherConfig(AppConfig):
    name = "matcher"
    verbose_name = "Matching"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the tasks in every process, so matcher.worker.dispatch finds them by name
        # (and runs them in-process in eager mode) without any business module importing them.
        import matcher.worker.tasks  # noqa: F401
        from matcher.matching.bulk_rematch import on_trials_changed
        from matcher.matching.rematch import on_trial_changed
        from trials.signals import trial_changed, trials_changed

        trial_changed.connect(on_trial_changed, dispatch_uid="matcher.rematch")
        trials_changed.connect(on_trials_changed, dispatch_uid="matcher.rematch_bulk")
        from matcher.curation import golden

        golden.install()  # trials run golden patients through the intake and the engine here
        from django.db.models.signals import pre_delete

        from matcher.models import Patient
        from matcher.patients.traces import erase_traces

        pre_delete.connect(erase_traces, sender=Patient, dispatch_uid="matcher.patient_traces")
        if settings.EMBEDDED_WORKER:
            logger.warning(
                "DEVELOPMENT MODE: ELIGO_EMBEDDED_WORKER is on, match jobs run in-process "
                "(Celery eager); run a Redis broker and `celery -A matcher worker` in production"
            )
