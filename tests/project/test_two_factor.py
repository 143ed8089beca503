"""Two-factor sign-in (issue 14, item 3): enrolment, the code at login, chiefs made to enrol when required.

The code and the views are in newsroom/two_factor.py and newsroom/admin_site.py.
"""

import pytest
from axes.models import AccessAttempt
from django.conf import settings as live_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

PASSWORD = "pass-for-tests"
LOGIN = "/admin/login/"
ENROL = "/admin/two-factor/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += offset * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 1) % 10**device.digits:0{device.digits}d}"


def log_in(client, username, code=None):
    data = {"username": username, "password": PASSWORD, "next": "/admin/"}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data, REMOTE_ADDR="203.0.113.9")


@pytest.fixture
def with_device(db):
    user = UserFactory(username="ines", role="Editor")
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user, device


def test_two_factor_is_off_by_default():
    assert live_settings.NEWSROOM_REQUIRE_2FA is False


def test_an_editor_enrols_with_a_first_code_from_the_app(editor_client, editor):
    page = editor_client.get(ENROL)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    text = page.content.decode()
    assert page.context["secret"] in text
    assert "otpauth://totp/" in text

    wrong = editor_client.post(ENROL, {"code": wrong_code(device)})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    TOTPDevice.objects.get(pk=device.pk).throttle_reset()  # django-otp slows retries after a wrong code

    right = editor_client.post(ENROL, {"code": code_for(device)})
    assert right.status_code == 302
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    # The session that enrolled counts as verified: the admin stays open, and the secret is not shown again.
    assert editor_client.get("/admin/").status_code == 200
    again = editor_client.get(ENROL)
    assert again.context["enrolled"] is True
    assert page.context["secret"] not in again.content.decode()


def test_with_a_device_the_right_code_logs_in(client, with_device):
    _user, device = with_device
    response = log_in(client, "ines", code_for(device))
    assert response.status_code == 302, response.content.decode()[:800]
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("code", ["wrong", ""])
def test_with_a_device_a_wrong_or_missing_code_is_a_failed_login_axes_counts(client, with_device, code):
    _user, device = with_device
    response = log_in(client, "ines", wrong_code(device) if code == "wrong" else "")
    assert response.status_code == 200
    page = response.content.decode()
    assert "That code is not right" in page if code else "Enter the 6-digit code" in page
    assert client.get("/admin/").status_code == 302  # not logged in
    assert AccessAttempt.objects.get(username="ines").failures_since_start == 1


def test_five_wrong_codes_lock_the_account_like_five_wrong_passwords(client, with_device, settings):
    settings.AXES_FAILURE_LIMIT = 5
    _user, device = with_device
    responses = [log_in(client, "ines", wrong_code(device)) for _ in range(5)]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assert log_in(client, "ines", code_for(device)).status_code == 429


def test_a_user_without_a_device_logs_in_with_the_password_alone(client, db):
    UserFactory(username="remy", role="Reporter")
    assert log_in(client, "remy").status_code == 302


def test_when_required_a_chief_without_a_device_is_sent_to_enrol_first(client, chief, settings):
    settings.NEWSROOM_REQUIRE_2FA = True
    client.force_login(chief)
    for path in ("/admin/", "/admin/articles/story/", "/admin/desk/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == ENROL
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "Your role needs two-factor sign-in" in page.content.decode()
    device = TOTPDevice.objects.get(user=chief)
    assert client.post(ENROL, {"code": code_for(device)}).status_code == 302
    assert client.get("/admin/articles/story/").status_code == 200


def test_when_required_a_reporter_is_not_forced(reporter_client, settings):
    settings.NEWSROOM_REQUIRE_2FA = True
    assert reporter_client.get("/admin/").status_code == 200


def test_when_not_required_a_chief_is_not_forced(client, chief):
    client.force_login(chief)
    assert client.get("/admin/").status_code == 200


def test_the_login_page_offers_the_code_field(client, db):
    page = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page


def test_the_admin_front_page_links_to_two_factor_sign_in(editor_client):
    assert f'href="{ENROL}"' in editor_client.get("/admin/").content.decode()
