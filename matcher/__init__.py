"""Eligo's project package: settings, URLs, the Celery app, and the matching app itself."""

from matcher.celery import app as celery_app

__all__ = ("celery_app",)
