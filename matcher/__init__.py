"""The matching app (label ``matcher``). Its package exposes the Celery app so that
``celery -A matcher worker`` finds it (contract section 1); the app lives in matcher.config.celery."""

from matcher.config.celery import app as celery_app

__all__ = ("celery_app",)
