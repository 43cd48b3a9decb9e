"""Production settings: no start without a SECRET_KEY when DEBUG is off, ``check --deploy`` clean,
and TLS ending at the proxy in front of gunicorn (issue 16, transport)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from tests.conftest import ROOT

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-like-key-" + "x7Q2vL9pK4" * 4,
    "ALLOWED_HOSTS": "eligo.example.org",
    "ELIGO_TLS_PROXY": "1",
}


def run(code_or_args: list[str], **env: str | None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in env}
    environment.update({k: v for k, v in env.items() if v is not None})
    environment["DJANGO_SETTINGS_MODULE"] = "matcher.config.settings"
    return subprocess.run(
        [sys.executable, *code_or_args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_with_debug_off_and_no_secret_key_the_settings_refuse_to_load():
    result = run(["-c", "import django; django.setup()"], DEBUG="0", SECRET_KEY=None)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_debug_runs_without_a_secret_key_on_the_development_key():
    result = run(
        ["-c", "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"],
        DEBUG="1",
        SECRET_KEY=None,
    )
    assert result.returncode == 0, result.stderr
    assert "development" in result.stdout


def test_check_deploy_is_clean_at_warning_level_with_only_the_ssl_redirect_silenced():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout and "1 silenced" in result.stdout
    assert django_settings.SILENCED_SYSTEM_CHECKS == ["security.W008"]


@pytest.mark.django_db
def test_behind_the_tls_proxy_https_requests_get_hsts_and_plain_loopback_http_is_served(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    over_tls = client.get("/api/v1/health", HTTP_X_FORWARDED_PROTO="https")
    assert over_tls["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = client.get("/api/v1/health", REMOTE_ADDR="127.0.0.1")
    assert plain.status_code in (200, 503)  # served, never redirected
    assert "Strict-Transport-Security" not in plain


def test_production_cookies_are_secure():
    assert django_settings.SESSION_COOKIE_SECURE and django_settings.CSRF_COOKIE_SECURE
    assert django_settings.SECURE_SSL_REDIRECT is False


def test_compose_puts_a_tls_proxy_in_front_of_gunicorn_and_publishes_nothing_else():
    import yaml

    compose = yaml.safe_load((ROOT / "deploy" / "docker-compose.yml").read_text())
    services = compose["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    assert "443:443" in services["proxy"]["ports"]
    assert services["web"]["environment"]["ELIGO_TLS_PROXY"] == "1"
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy web:8000" in caddyfile and "tls {$ELIGO_TLS" in caddyfile
