"""The settings the type checker loads (``[tool.django-stubs]`` in pyproject): django-stubs runs
Django's setup to read the models, and the real settings refuse to load without a SECRET_KEY
when DEBUG is off. Never a settings module to run with."""

import os

os.environ.setdefault("SECRET_KEY", "type-checking-only-" + "not-secret-" * 4)

from matcher.config.settings import *  # noqa: E402,F403
