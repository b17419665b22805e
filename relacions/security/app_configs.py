"""The log-in throttling (django-axes) and two-factor (django-otp) apps under translated names.

Their own configs name them in English ("Axes", "Django_Otp", "Otp_Totp") and django-otp leaves
its models' labels and help texts untranslatable, so the admin, in Catalan or Spanish, showed
them in English. These configs are listed in INSTALLED_APPS in their place; the apps' labels,
tables and migrations stay theirs.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPAppConfig

# django-otp's field labels and help texts, as plain strings in its models: given here through
# gettext. Set on the fields' display attributes only (`verbose_name`, not `_verbose_name`, which
# migrations read; a lazy help text equals its untranslated text for the autodetector).
TOTP_FIELDS = {
    "user": (_("user"), _("The user that this device belongs to.")),
    "name": (_("name"), _("The human-readable name of this device.")),
    "confirmed": (_("confirmed"), _("Is this device ready for use?")),
    "throttling_failure_timestamp": (
        _("last failed verification"),
        _("A timestamp of the last failed verification attempt. Null if last attempt succeeded."),
    ),
    "throttling_failure_count": (
        _("failed attempts"),
        _("Number of successive failed attempts."),
    ),
    "created_at": (
        _("created at"),
        _("The date and time when this device was initially created in the system."),
    ),
    "last_used_at": (_("last used at"), _("The most recent date and time this device was used.")),
    "key": (_("key"), _("A hex-encoded secret key of up to 40 bytes.")),
    "step": (_("time step"), _("The time step in seconds.")),
    "t0": (_("start time"), _("The Unix time at which to begin counting steps.")),
    "digits": (_("digits"), _("The number of digits to expect in a token.")),
    "tolerance": (_("tolerance"), _("The number of time steps in the past or future to allow.")),
    "drift": (
        _("drift"),
        _("The number of time steps the prover is known to deviate from our clock."),
    ),
    "last_t": (
        _("last time step"),
        _(
            "The t value of the latest verified token. The next token must be at a higher time "
            "step."
        ),
    ),
}


class LoginThrottlingConfig(AxesAppConfig):
    verbose_name = _("Log-in throttling")


class TwoFactorConfig(AppConfig):
    name = "django_otp"
    verbose_name = _("Two-factor authentication")
    default_auto_field = "django.db.models.AutoField"


class TwoFactorDevicesConfig(TOTPAppConfig):
    verbose_name = _("Two-factor devices")

    def ready(self):
        super().ready()
        model = self.get_model("TOTPDevice")
        # Display names only: `original_attrs`, which migrations read, keep django-otp's.
        model._meta.verbose_name = _("TOTP device")
        model._meta.verbose_name_plural = _("TOTP devices")
        for name, (label, help_text) in TOTP_FIELDS.items():
            field = model._meta.get_field(name)
            field.verbose_name = label
            field.help_text = help_text
