"""Login throttling with django-axes: who is a client, and what a locked-out client is told.

The settings are in newsroom/settings/base.py ("Third-party: django-axes"): failures are counted
by account and by address separately, so one account attacked from many addresses and one address
trying many accounts are both stopped after NEWSROOM_LOGIN_FAILURE_LIMIT failures, for
NEWSROOM_LOGIN_COOLOFF_MINUTES after the last one. A chief lifts a lockout early by deleting its
access attempts in the admin (Axes › Access attempts).
"""

from django.conf import settings
from django.contrib.admin import site as admin_site
from django.contrib.admin.forms import AdminAuthenticationForm
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import time_format


def client_address(request) -> str | None:
    """The address a login came from, as the outermost trusted proxy saw it.

    Behind NEWSROOM_TRUSTED_PROXIES proxies, REMOTE_ADDR is the nearest proxy, the same for every
    visitor: counting failures by it would lock the whole newsroom out at once. Each proxy appends
    the address it received from to X-Forwarded-For, so the one the outermost proxy appended is
    that many entries from the right; entries further left are whatever the client sent.
    """
    proxies = settings.NEWSROOM_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def cool_off_wait() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def lockout_response(request, original_response=None, credentials=None):
    """The admin login page, saying why logins are refused and until when, with status 429.

    Axes restarts the wait with every attempt made during it, so the wait counts from now.
    """
    cool_off = settings.AXES_COOLOFF_TIME
    until = timezone.localtime(timezone.now() + cool_off)
    message = (
        f"Too many failed logins for this account or from this address: logging in is paused for "
        f"{cool_off_wait()}, until {time_format(until, 'H:i')} ({until.tzname()}). Every attempt "
        "before then starts the wait again. A chief can lift the pause sooner."
    )
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    context = {
        **admin_site.each_context(request),
        "title": "Log in",
        "subtitle": None,
        "app_path": request.get_full_path(),
        "form": AdminAuthenticationForm(request, initial={"username": username}),
        "lockout_message": message,
        "next": request.POST.get("next", ""),
    }
    response = render(request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
