"""The project's configuration: settings, URLs, the WSGI application and the Celery app."""
