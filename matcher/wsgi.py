"""``gunicorn matcher.wsgi`` (contract section 1): the application lives in matcher.config.wsgi."""

from matcher.config.wsgi import application

__all__ = ("application",)
