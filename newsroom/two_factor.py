"""Two-factor sign-in for the desk, with django-otp's TOTP devices (an authenticator app's 6-digit codes).

Optional for everyone on the desk: a user turns it on from the admin (Two-factor sign-in, at
/admin/two-factor/), and from then on the login page asks for a code as well as the password.
With NEWSROOM_REQUIRE_2FA on, chiefs (and superusers) are sent to that page before anything else
in the admin until they have turned it on. A wrong or missing code counts as a failed login for
django-axes, so codes cannot be guessed faster than passwords.
"""

from base64 import b32encode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

CHIEF_ROLE = "Chief"
DEVICE_NAME = "Authenticator app"


def must_use_two_factor(user) -> bool:
    """Whether this user may use the admin only with a second factor (NEWSROOM_REQUIRE_2FA)."""
    if not settings.NEWSROOM_REQUIRE_2FA or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=CHIEF_ROLE).exists()


def needs_enrolment(user) -> bool:
    return must_use_two_factor(user) and not user_has_device(user)


class TwoFactorAuthenticationForm(AdminAuthenticationForm):
    """The admin login: username, password and, for users who turned two-factor on, a current code."""

    otp_token = forms.CharField(
        label="Code from your authenticator app",
        required=False,
        max_length=12,
        help_text="Only if you have turned on two-factor sign-in.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user_has_device(user):
            return
        token = "".join((self.cleaned_data.get("otp_token") or "").split())
        device = match_token(user, token) if token else None
        if device is None:
            # Counted by django-axes like a wrong password: its handler listens to this signal.
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            message = (
                "Enter the 6-digit code from your authenticator app; this account uses two-factor sign-in."
                if not token
                else "That code is not right, or has expired. Enter the code your app shows now."
            )
            raise ValidationError(message, code="otp_invalid")
        # django-otp's user_logged_in handler marks the session as verified with this device.
        user.otp_device = device


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="The 6-digit code your app shows now",
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def two_factor_view(request, admin_site):
    """Turn on two-factor sign-in: the secret is shown until a first code from the app confirms it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = request.user
    context = {**admin_site.each_context(request), "title": "Two-factor sign-in", "required": needs_enrolment(user)}
    if user_has_device(user):
        return TemplateResponse(request, "admin/two_factor.html", {**context, "enrolled": True})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = "".join(form.cleaned_data["code"].split())
        # django-otp slows retries after a wrong code; say so rather than call a right code wrong.
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            messages.success(request, "Two-factor sign-in is on. From now on the login page asks for a code.")
            return redirect(reverse("admin:index", current_app=admin_site.name))
        form.add_error(
            "code",
            "That code is not right. Check that the phone's clock is set automatically, then try the new code."
            if allowed
            else "Too many wrong codes in a row: wait a few seconds, then try the code the app shows then.",
        )
    context.update(
        {
            "enrolled": False,
            "form": form,
            "secret": b32encode(device.bin_key).decode(),
            "otpauth_uri": device.config_url,
        }
    )
    return TemplateResponse(request, "admin/two_factor.html", context)
