"""The WSGI application (served as ``gunicorn matcher.wsgi``, which re-exports it)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "matcher.config.settings")

application = get_wsgi_application()
