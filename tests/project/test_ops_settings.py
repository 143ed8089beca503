"""The hardening settings read the environment and refuse values they cannot use, naming the variable."""

import pytest

from tests.project.test_settings import run_manage


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("REDIS_SOCKET_TIMEOUT", "quarter", "must be a number of seconds"),
        ("REDIS_CONNECT_TIMEOUT", "-1", "cannot be negative"),
        ("NEWSROOM_LOGIN_COOLOFF_MINUTES", "0", "must be at least 1"),
        ("NEWSROOM_LOGIN_FAILURE_LIMIT", "five", "must be a whole number"),
    ],
)
def test_a_bad_value_stops_start_up_with_the_variables_name(variable, value, says):
    result = run_manage(
        "check", env_overrides={"DEBUG": "true", "REDIS_URL": "redis://127.0.0.1:6379/5", variable: value}
    )
    assert result.returncode != 0
    assert variable in result.stderr
    assert says in result.stderr


def test_the_redis_options_come_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(sorted(settings.CACHES['default']['OPTIONS'].items()))",
        env_overrides={
            "DEBUG": "true",
            "REDIS_URL": "redis://127.0.0.1:6379/5",
            "REDIS_SOCKET_TIMEOUT": "0.5",
            "REDIS_CIRCUIT_SECONDS": "12",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "('CIRCUIT_SECONDS', 12.0), ('socket_connect_timeout', 0.25), ('socket_timeout', 0.5)" in result.stdout
