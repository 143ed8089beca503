"""Login throttling with django-axes: by account and by address, a clear wait, a chief can lift it.

Settings in newsroom/settings/base.py (5 failures, 15 minutes in these tests); response in newsroom/logins.py.
"""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

PASSWORD = "pass-for-tests"
LOGIN = "/admin/login/"
#  What the Chief role needs to lift a lockout (articles/stories/roles.py).
CHIEF_UNLOCK_PERMISSIONS = ["view_accessattempt", "delete_accessattempt"]


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def reporter(db):
    return UserFactory(username="lena", role="Reporter")


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def fail(client, username, times, address="203.0.113.7"):
    for _ in range(times):
        response = log_in(client, username, "wrong-password", address)
    return response


def lockout_message(response) -> str:
    note = BeautifulSoup(response.content.decode(), "html.parser").find("p", class_="errornote", role="alert")
    assert note is not None, response.content.decode()[:500]
    return note.get_text(" ", strip=True)


def test_four_failures_still_get_the_ordinary_login_error(client, reporter):
    response = fail(client, "lena", 4)
    assert response.status_code == 200
    assert log_in(client, "lena", PASSWORD).status_code == 302


def test_five_wrong_passwords_lock_the_account_with_a_message_naming_the_wait(client, reporter):
    response = fail(client, "lena", 5)
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    message = lockout_message(response)
    assert "Too many failed logins" in message
    assert "15 minutes" in message
    # The admin login page itself, with its form, so the desk knows where it is.
    assert BeautifulSoup(response.content.decode(), "html.parser").find("form", id="login-form") is not None

    refused = log_in(client, "lena", PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_account_is_refused_from_any_address(client, reporter):
    for number in range(5):
        fail(client, "lena", 1, address=f"198.51.100.{number}")
    assert log_in(client, "lena", PASSWORD, address="192.0.2.99").status_code == 429


def test_one_address_trying_many_accounts_is_stopped_at_the_limit(client, db):
    for number in range(5):
        UserFactory(username=f"desk{number}")
        fail(client, f"desk{number}", 1)
    UserFactory(username="untouched")
    stopped = log_in(client, "untouched", PASSWORD)
    assert stopped.status_code == 429
    assert "15 minutes" in lockout_message(stopped)
    # The same account from elsewhere is not held up by that address.
    assert log_in(client, "untouched", PASSWORD, address="192.0.2.50").status_code == 302


def test_after_the_cool_off_the_right_password_works(client, reporter):
    fail(client, "lena", 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert log_in(client, "lena", PASSWORD).status_code == 429
    # The refused attempt at minute 14 started the wait again.
    with time_machine.travel(timezone.now() + timedelta(minutes=14 + 16), tick=False):
        response = log_in(client, "lena", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(reporter.pk)


@pytest.mark.parametrize("chief_kind", ["superuser", "Chief role with the unlock permissions"])
def test_a_chief_lifts_a_lockout_in_the_admin(client, reporter, chief_kind):
    fail(client, "lena", 5)
    assert log_in(client, "lena", PASSWORD).status_code == 429

    if chief_kind == "superuser":
        chief = UserFactory(username="chief-super", is_superuser=True)
    else:
        chief = UserFactory(username="chief-role", role="Chief")
        chief.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="axes", codename__in=CHIEF_UNLOCK_PERMISSIONS)
        )
    desk = client.__class__()
    desk.force_login(chief)
    changelist = desk.get(reverse("admin:axes_accessattempt_changelist"))
    assert changelist.status_code == 200
    assert "lena" in changelist.content.decode()
    attempts = list(AccessAttempt.objects.filter(username="lena").values_list("pk", flat=True))
    response = desk.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="lena").exists()

    assert log_in(client, "lena", PASSWORD).status_code == 302


def test_a_reporter_cannot_see_or_lift_lockouts(client, reporter):
    client.force_login(reporter)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403


def test_behind_a_proxy_failures_count_by_the_visitors_address_not_the_proxys(client, db, settings):
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    UserFactory(username="kai")
    for number in range(5):
        # The client may put anything on the left; the proxy appends the address it saw.
        client.post(
            LOGIN,
            {"username": f"nobody{number}", "password": "x"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.{number}, 203.0.113.66",
        )
    from_elsewhere = client.post(
        LOGIN, {"username": "kai", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.8"
    )
    assert from_elsewhere.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
