"""Settings read the environment and refuse to start without what production needs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k7Qp2vX9-mZr4Lw8_bTn6Yc1HsJd3FgA0eUiKoPq5RtVxWz-aB"

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "news.example.org",
    "NEWSROOM_SITE_URL": "https://news.example.org",
}


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY"}}
    env.pop("ALLOWED_HOSTS", None)
    env.pop("NEWSROOM_SITE_URL", None)
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings.base"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNING" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("missing", "value"),
    [("SECRET_KEY", ""), ("ALLOWED_HOSTS", ""), ("NEWSROOM_SITE_URL", "")],
)
def test_production_refuses_to_start_without_a_required_setting(missing, value):
    result = run_manage("check", env_overrides={**PRODUCTION, missing: value})
    assert result.returncode != 0
    assert missing in result.stderr
    assert "required" in result.stderr


@pytest.mark.parametrize("key", ["change-me", "django-insecure-abc", "short"])
def test_production_refuses_a_placeholder_secret_key(key):
    result = run_manage("check", env_overrides={**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_mode_starts_without_secret_key():
    result = run_manage("check", env_overrides={"DEBUG": "true"})
    assert result.returncode == 0, result.stderr


def test_bad_boolean_is_reported_by_name():
    result = run_manage("check", env_overrides={"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_database_and_cache_come_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);print(s.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        **PRODUCTION,
        "DATABASE_URL": "postgres://u:p@db.example:5432/news",
        "REDIS_URL": "redis://cache.example:6379/1",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.base",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django;django.setup();{code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout
    assert "RedisCache" in result.stdout


def _site_url(env_overrides) -> str:
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.NEWSROOM_SITE_URL)",
        env_overrides=env_overrides,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_debug_site_url_follows_the_port_the_server_runs_on():
    assert _site_url({"DEBUG": "true", "PORT": "8030"}) == "http://127.0.0.1:8030"
    assert _site_url({"DEBUG": "true"}) == "http://127.0.0.1:8000"


def test_an_explicit_site_url_wins_over_the_port():
    assert _site_url({"DEBUG": "true", "PORT": "8030", "NEWSROOM_SITE_URL": "https://desk.example.org"}) == (
        "https://desk.example.org"
    )


def test_make_run_passes_the_port_to_django():
    makefile = (ROOT / "Makefile").read_text()
    assert "PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)" in makefile
