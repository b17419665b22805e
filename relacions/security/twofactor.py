"""Who must use two-factor authentication, and their TOTP devices (django-otp).

Any staff member may turn TOTP on for themselves. It is required of every staff member when
settings.REQUIRE_STAFF_2FA is on, and otherwise of the staff members an Administrator puts in the
group TWO_FACTOR_GROUP (Users › the user › Groups). A required user who has no device yet is
taken to the enrolment page after logging in with the password, and can do nothing else in the
admin until the device is confirmed.
"""

from base64 import b32encode

from django.conf import settings
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice

# Stored untranslated, shown translated, like the role groups (relacions.core.roles.group_name).
TWO_FACTOR_GROUP = gettext_noop("Two-factor authentication required")
DEVICE_NAME = "Authenticator app"


def is_required(user) -> bool:
    if not (user.is_authenticated and user.is_staff):
        return False
    return settings.REQUIRE_STAFF_2FA or user.groups.filter(name=TWO_FACTOR_GROUP).exists()


def confirmed_device(user) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: the same secret until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed in: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
