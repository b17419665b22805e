from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from . import twofactor

CODE_WIDGET_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "maxlength": "6",
    "size": "8",
}


class LoginForm(AdminAuthenticationForm):
    """The admin log-in: name, password and, for staff who use two-factor authentication, the
    code from their authenticator app.

    Every refusal (unknown name, wrong password, inactive or non-staff account, missing or wrong
    code) gets the same message, and a wrong code counts as a failed log-in for django-axes.
    """

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter the correct %(username)s and password for a staff account, and the "
            "verification code if you use two-factor authentication. Note that both fields may "
            "be case-sensitive."
        ),
    }

    otp_token = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=16,
        help_text=_("Only if you use two-factor authentication: the code your app shows now."),
        widget=forms.TextInput(attrs=CODE_WIDGET_ATTRS),
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.user_cache
        device = twofactor.confirmed_device(user) if user is not None else None
        if user is not None and device is not None:
            token = cleaned_data.get("otp_token", "").replace(" ", "")
            if not (token and device.verify_token(token)):
                self._count_failure()
                raise self.get_invalid_login_error()
            # django-otp marks the session as verified when django.contrib.auth logs the user in.
            user.otp_device = device  # type: ignore[attr-defined]  # django-otp's, on any user
        return cleaned_data

    def confirm_login_allowed(self, user):
        # A right password for an account that may not use the admin counts as a failure too,
        # so the throttle cannot be used to test passwords of such accounts.
        try:
            super().confirm_login_allowed(user)
        except forms.ValidationError:
            self._count_failure()
            raise

    def _count_failure(self) -> None:
        """Tell django-axes, as django.contrib.auth does when a password is wrong."""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )


class CodeForm(forms.Form):
    """A current code from the device, to confirm a new device, verify a session or turn it off."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=16,
        widget=forms.TextInput(attrs={**CODE_WIDGET_ATTRS, "autofocus": True}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "That code is not right. Check the time on your phone and enter the newest "
                    "code."
                ),
                code="invalid",
            )
        return code
