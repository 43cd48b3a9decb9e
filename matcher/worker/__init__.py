"""The Celery side: the task entry points (thin, with pinned names) and the one way to queue
them, by name, after commit."""
