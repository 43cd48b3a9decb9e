"""Eligo settings, all from the environment (contract section 1).

Only ``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY``, ``DEBUG`` and ``ALLOWED_HOSTS`` are read
for running; everything has a development default so ``manage.py runserver`` works on a fresh
machine. ``ELIGO_EMBEDDED_WORKER=1`` runs match jobs in-process (Celery eager) for the
README's quick start, where no Redis or worker is assumed.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("DEBUG", False)
# Sessions, CSRF and signed values hang off the key: a production process must never run on a
# development key that anyone can read in this file. Only DEBUG (make run) falls back to one.
SECRET_KEY = os.environ.get("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random value "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DEBUG=1 for "
            "a development run on a built-in key."
        )
    SECRET_KEY = "eligo-development-only-not-secret"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_celery_beat",
    "trials",
    "matcher",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "matcher.config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "matcher.config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'eligo.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation pays off for long analytic queries; here it only added up to 0.6 s to
    # reading one patient's matches whenever the planner misjudged a join (measured).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# SQLite, the embedded default (make run, small deployments): WAL lets readers go on while one
# connection writes; immediate transactions take the write lock at BEGIN, so two writers queue
# on the busy timeout instead of one failing at once with "database is locked" when it upgrades
# a read to a write; the timeout covers the in-process worker's longest write (a job's results).
SQLITE_BUSY_TIMEOUT_SECONDS = int(os.environ.get("ELIGO_SQLITE_BUSY_TIMEOUT", "30"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "init_command": (
                f"PRAGMA journal_mode=WAL; PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000}; "
                "PRAGMA synchronous=NORMAL"
            ),
        }
    )
# --- end SQLite
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["matcher.api.auth.HashedTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Size-limited, and refusing non-finite numbers and lone surrogates by path (matcher.api.parsers).
    "DEFAULT_PARSER_CLASSES": ["matcher.api.parsers.CheckedJSONParser"],
    "EXCEPTION_HANDLER": "api_common.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    # Per client (matcher.api.throttling): a burst and a sustained rate for every call, and a
    # tighter one for what queues match jobs (patient posts, POST /patients/{id}/match).
    # Answered 429 with Retry-After. Counted in the cache (CACHES below).
    "DEFAULT_THROTTLE_CLASSES": [
        "matcher.api.throttling.ClientBurstThrottle",
        "matcher.api.throttling.ClientSustainedThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "burst": os.environ.get("ELIGO_THROTTLE_BURST", "300/min"),
        "sustained": os.environ.get("ELIGO_THROTTLE_SUSTAINED", "20000/hour"),
        "match": os.environ.get("ELIGO_THROTTLE_MATCH", "120/min"),
    },
    # Proxies in front of the web process that append X-Forwarded-For (deploy/: Caddy, 1):
    # the client address of anonymous throttling and of the admin lockout is read past them.
    "NUM_PROXIES": int(os.environ.get("ELIGO_NUM_PROXIES", "0")),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Eligo API",
    "DESCRIPTION": (
        "Patient-trial matching: post a FHIR R4 Bundle, get ranked trials with a reason for "
        "every eligibility criterion. Every call except /api/v1/health needs "
        "`Authorization: Token <token>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Contract section 2: only health is open. An admin session opens the docs in a browser.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SERVE_AUTHENTICATION": [
        "matcher.api.auth.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # A verdict (a result's eligibility, a golden patient's expected one) is one enum: without a
    # fixed name drf-spectacular names it after whichever field it meets first, and warns.
    "ENUM_NAME_OVERRIDES": {"EligibilityEnum": ["eligible", "possibly_eligible", "ineligible"]},
}

# --- Celery (broker and results on Redis) -------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
EMBEDDED_WORKER = _env_bool("ELIGO_EMBEDDED_WORKER", False)

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = EMBEDDED_WORKER
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
# No task's return value is read (state lives in the database): Redis keeps no task results.
CELERY_TASK_IGNORE_RESULT = True
# Longest job (soft limit below) plus margin; must stay above any countdown we use.
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("ELIGO_VISIBILITY_TIMEOUT", "900"))}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- Credentials and transport (issue 16) --------------------------------------------------
# API tokens (matcher.api.clients): lifetime of a new token in days (0: never expires), and how
# long a rotated-out token keeps working (0: revoked at once).
ELIGO_API_TOKEN_LIFETIME_DAYS = int(os.environ.get("ELIGO_API_TOKEN_LIFETIME_DAYS", "365"))
ELIGO_API_TOKEN_ROTATION_GRACE_HOURS = float(os.environ.get("ELIGO_API_TOKEN_ROTATION_GRACE_HOURS", "24"))

# Admin sign-in lockout (matcher.lockout): this many failures per username and address lock
# that pair out for this many minutes. Counted in the cache.
ELIGO_LOGIN_MAX_FAILURES = int(os.environ.get("ELIGO_LOGIN_MAX_FAILURES", "5"))
ELIGO_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("ELIGO_LOGIN_LOCKOUT_MINUTES", "15"))
AUTHENTICATION_BACKENDS = ["matcher.lockout.LockoutModelBackend"]

# The cache holds throttle counters and sign-in failures, so every web process must share it:
# Redis at REDIS_URL (the broker's server; keys carry a prefix and all expire). Development
# (DEBUG or the embedded worker, i.e. make run, where no Redis is assumed) uses process memory.
_cache_url = os.environ.get("ELIGO_CACHE_URL") or ("locmem://" if DEBUG or _env_bool("ELIGO_EMBEDDED_WORKER") else "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if _cache_url.startswith("locmem:")
        else {
            "BACKEND": "matcher.config.redis_cache.ReusedClientRedisCache",
            "LOCATION": _cache_url or os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": os.environ.get("ELIGO_CACHE_KEY_PREFIX", "eligo"),
        }
    )
}

# TLS ends at the proxy in front of gunicorn (deploy/: Caddy). With ELIGO_TLS_PROXY=1 the proxy's
# X-Forwarded-Proto says whether the client's connection was https; only set it when the web
# port is reachable through that proxy alone (it overwrites the header a client sends).
if _env_bool("ELIGO_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Sent only on https responses (SecurityMiddleware), so plain http on loopback is unaffected.
SECURE_HSTS_SECONDS = int(os.environ.get("ELIGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("ELIGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_bool("ELIGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The redirect to https is the TLS proxy's job (deploy/: Caddy redirects port 80). Django must
# not redirect itself: plain http on loopback with DEBUG off has to keep working for local runs.
SECURE_SSL_REDIRECT = False
SILENCED_SYSTEM_CHECKS = ["security.W008"]

# --- Eligo ---------------------------------------------------------------------------------
SEEDS_DIR = BASE_DIR / "seeds"

# Webhooks (matcher.webhooks). Off by default: only https to public addresses. On for local
# receivers in development (`make run`) and tests: http, loopback and private addresses.
ELIGO_WEBHOOK_ALLOW_INSECURE = _env_bool("ELIGO_WEBHOOK_ALLOW_INSECURE", False)
# After a rotation the replaced secret also signs for this long (Stripe-style).
ELIGO_WEBHOOK_ROTATION_GRACE_SECONDS = int(os.environ.get("ELIGO_WEBHOOK_ROTATION_GRACE_SECONDS", "86400"))

# Above matcher.intake.MAX_BUNDLE_BYTES (5 MiB), so the API, not Django, answers a large post: 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# Logs never carry a patient's identifiers or values: we log ids we generated, never payloads.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Database errors and the SQL log can quote a row's values: scrubbed on every handler.
    "filters": {"scrub_database_detail": {"()": "matcher.config.logs.ScrubDatabaseDetail"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["scrub_database_detail"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django logs the body-free request line of 4xx responses; that is ids only, keep it.
        "django.request": {"level": "ERROR"},
    },
}
