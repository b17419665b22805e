"""TOTP two-factor authentication for staff (django-otp): enrolment, log-in, requirement."""

import re
import time

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from relacions.security.twofactor import TWO_FACTOR_GROUP
from tests.helpers import PASSWORD

from .conftest import login_data

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")
TWO_FACTOR_URL = reverse("security:two-factor")


@pytest.fixture(autouse=True)
def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def code(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():06d}"


@pytest.fixture
def device(staff_user):
    return TOTPDevice.objects.create(user=staff_user, name="Authenticator app", confirmed=True)


def test_without_two_factor_the_admin_works_with_the_password(client, staff_user):
    response = client.post(LOGIN_URL, login_data("editor", PASSWORD))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    page = client.get(TWO_FACTOR_URL)
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code, ready to enrol


def test_enrolment_shows_qr_code_and_key_then_confirms_the_device(client, staff_user):
    client.force_login(staff_user)
    page = client.get(TWO_FACTOR_URL).content.decode()

    device = TOTPDevice.objects.get(user=staff_user)
    assert not device.confirmed
    assert re.search(r'<svg[^>]*class="qr-code"', page)
    secret = re.search(r'class="two-factor__secret">([A-Z2-7 ]+)<', page).group(1)
    assert len(secret.replace(" ", "")) == 32
    assert "otpauth://totp/Relacions%20Terrassa%3Aeditor?secret=" in page
    # The same key on every visit until it is confirmed.
    assert secret in client.get(TWO_FACTOR_URL).content.decode()

    wrong = client.post(TWO_FACTOR_URL, {"action": "enrol", "code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    response = client.post(TWO_FACTOR_URL, {"action": "enrol", "code": code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_with_a_device_the_log_in_needs_the_code(client, staff_user, device):
    refused = client.post(LOGIN_URL, login_data("editor", PASSWORD))
    assert refused.status_code == 200
    wrong_code = client.post(LOGIN_URL, login_data("editor", PASSWORD, otp_token="123456"))
    wrong_password = client.post(LOGIN_URL, login_data("editor", "wrong", otp_token="123456"))
    message = "Please enter the correct username and password for a staff account"
    for response in (refused, wrong_code, wrong_password):
        assert message in response.content.decode()
    # A wrong code counts as a failed log-in.
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.get(username="editor").failures_since_start == 3

    device.throttle_reset()
    response = client.post(LOGIN_URL, login_data("editor", PASSWORD, otp_token=code(device)))
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.session["otp_device_id"] == device.persistent_id


def test_a_used_code_cannot_be_used_again(client, staff_user, device):
    token = code(device)
    assert (
        client.post(LOGIN_URL, login_data("editor", PASSWORD, otp_token=token)).status_code == 302
    )
    client.logout()
    assert (
        client.post(LOGIN_URL, login_data("editor", PASSWORD, otp_token=token)).status_code == 200
    )


@pytest.mark.parametrize("how", ["group", "setting"])
def test_required_two_factor_confines_staff_to_enrolment(client, settings, staff_user, how):
    if how == "group":
        staff_user.groups.add(Group.objects.get(name=TWO_FACTOR_GROUP))
    else:
        settings.REQUIRE_STAFF_2FA = True
    client.post(LOGIN_URL, login_data("editor", PASSWORD))

    for path in ("/admin/", "/admin/pages/page/", reverse("images:editor-upload")):
        response = client.get(path) if "upload" not in path else client.post(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(TWO_FACTOR_URL + "?next=")
    page = client.get(TWO_FACTOR_URL)
    assert page.status_code == 200
    assert "must use two-factor authentication" in page.content.decode()

    device = TOTPDevice.objects.get(user=staff_user)
    response = client.post(
        TWO_FACTOR_URL, {"action": "enrol", "code": code(device), "next": "/admin/auth/"}
    )
    assert response["Location"] == "/admin/auth/"
    assert client.get("/admin/").status_code == 200
    # Required: it cannot be turned off.
    assert (
        client.post(TWO_FACTOR_URL, {"action": "disable", "code": code(device, 1)}).status_code
        == 403
    )


def test_required_and_enrolled_but_not_verified_this_session(client, staff_user, device):
    staff_user.groups.add(Group.objects.get(name=TWO_FACTOR_GROUP))
    client.force_login(staff_user)  # a session from before the requirement
    assert client.get("/admin/")["Location"].startswith(TWO_FACTOR_URL)
    client.post(TWO_FACTOR_URL, {"action": "verify", "code": code(device)})
    assert client.get("/admin/").status_code == 200


def test_public_pages_are_not_affected(client, settings, staff_user, site_settings):
    settings.REQUIRE_STAFF_2FA = True
    client.force_login(staff_user)
    assert client.get("/ca/").status_code == 200


def test_staff_can_turn_it_off_with_a_code_when_not_required(client, staff_user, device):
    client.post(LOGIN_URL, login_data("editor", PASSWORD, otp_token=code(device)))
    assert "Turn off" in client.get(TWO_FACTOR_URL).content.decode()
    client.post(TWO_FACTOR_URL, {"action": "disable", "code": code(device, 1)})
    assert not TOTPDevice.objects.filter(user=staff_user, confirmed=True).exists()


def test_the_two_factor_page_is_for_staff_only(client, staff_user):
    assert client.get(TWO_FACTOR_URL)["Location"].startswith(LOGIN_URL)
    staff_user.is_staff = False
    staff_user.save()
    client.force_login(staff_user)
    assert client.get(TWO_FACTOR_URL)["Location"].startswith(LOGIN_URL)
    assert not TOTPDevice.objects.exists()
