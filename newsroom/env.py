"""Typed readers for environment variables, so settings say what they expect.

Each reader raises ImproperlyConfigured naming the variable when its value
cannot be understood, instead of letting a typo silently become a default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false (got {raw!r}).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number (got {raw!r}).") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_pairs(name: str, default: str = "") -> list[tuple[str, str]]:
    """Read "Label=https://url, Other=https://url" into ordered (label, url) pairs."""
    raw = os.environ.get(name, default)
    pairs = []
    for item in raw.split(","):
        if not item.strip():
            continue
        label, sep, url = item.partition("=")
        if not sep or not label.strip() or not url.strip().startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                f"{name} must look like 'Mastodon=https://…, Bluesky=https://…' (bad item {item.strip()!r})."
            )
        pairs.append((label.strip(), url.strip()))
    return pairs


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, e.g. 0.25 (got {raw!r}).") from None
    if value < 0:
        raise ImproperlyConfigured(f"{name} cannot be negative (got {raw!r}).")
    return value
