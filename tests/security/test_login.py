"""Log-in: throttling (django-axes), identical refusals, only active staff, proxies, admin URL."""

import datetime
import re
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.helpers import PASSWORD, ROOT, clean_env

from .conftest import login_data

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("admin:login")


def log_in(client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(LOGIN_URL, login_data(username, password), REMOTE_ADDR=address)


def is_signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def normalised(response) -> str:
    """The page without what differs on every response anyway (the CSRF token, the nonce) and
    without the name that was typed (the form shows it back)."""
    body = response.content.decode()
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    body = re.sub(r'nonce="[^"]+"', "", body)
    return re.sub(r'value="(editor|nobody)"', "", body)


def test_eleven_failures_lock_the_address_until_the_cool_off_ends(client, settings, staff_user):
    assert settings.AXES_FAILURE_LIMIT == 10
    for attempt in range(11):
        response = log_in(client, "editor", f"wrong-{attempt}")
        assert not is_signed_in(response)

    # Locked: the right password is refused, with the lock-out page, not the form.
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(response)
    assert response["Retry-After"] == str(30 * 60)
    assert (
        "<h1>" in response.content.decode() and 'id="login-form"' not in response.content.decode()
    )

    # The cool-off ends (the attempts grow 30 minutes older): the right password works again.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=31))
    assert is_signed_in(log_in(client, "editor", PASSWORD))


def test_an_attacker_cannot_lock_the_owner_out_from_another_address(client, staff_user):
    """Today's attack: ten wrong passwords for someone's name lock that name everywhere."""
    for attempt in range(15):
        log_in(client, "editor", f"wrong-{attempt}", address="203.0.113.66")
    # The attacker's address is locked, even with the right password …
    assert log_in(client, "editor", PASSWORD, address="203.0.113.66").status_code == 429
    # … and the owner, from another address, signs in.
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="192.0.2.10"))


def spread_attack(username: str, failures: int, per_address: int = 9) -> None:
    """`failures` wrong passwords for `username`, from as many addresses as it takes to stay
    under the per-address limit (each address ends with a wrong guess for another name)."""
    from django.test import Client

    attacker = Client()
    for attempt in range(failures):
        address = f"198.18.{attempt // per_address}.1"
        log_in(attacker, username, f"wrong-{attempt}", address=address)


def test_an_attack_spread_over_many_addresses_is_slowed_per_account(client, settings, staff_user):
    assert settings.LOGIN_ACCOUNT_FAILURE_LIMIT == 30
    # The owner signed in from home last week.
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="192.0.2.10"))
    client.logout()

    spread_attack("editor", 29)
    # Under the account's limit, the owner signs in from a new address …
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="198.51.100.1"))
    client.logout()
    spread_attack("editor", 1)

    # Thirty failures from every address together: new addresses are refused for this account
    # without the password being checked, even the right one …
    for address in ("198.51.100.2", "198.51.100.3"):
        refused = log_in(client, "editor", PASSWORD, address=address)
        assert refused.status_code == 429
        assert not is_signed_in(refused)
    # … other accounts are not, and the owner still signs in from an address of theirs.
    get_user_model().objects.create_user("other", "o@example.org", PASSWORD, is_staff=True)
    assert is_signed_in(log_in(client, "other", PASSWORD, address="198.51.100.4"))
    client.logout()
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="192.0.2.10"))

    # When the cool-off has passed since those failures, new addresses may try again.
    client.logout()
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=31))
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="198.51.100.5"))


def test_the_account_guard_does_not_tell_who_has_an_account(client, staff_user):
    spread_attack("editor", 30)
    spread_attack("nobody", 30)
    unknown = log_in(client, "nobody", "wrong", address="198.51.100.9")
    known = log_in(client, "editor", "wrong", address="198.51.100.9")
    assert unknown.status_code == known.status_code == 429
    assert normalised(unknown) == normalised(known)


def test_nine_failures_do_not_lock_and_a_success_starts_the_count_again(client, staff_user):
    for attempt in range(9):
        log_in(client, "editor", f"wrong-{attempt}")
    assert is_signed_in(log_in(client, "editor", PASSWORD))
    client.logout()
    for attempt in range(9):
        log_in(client, "editor", f"wrong-again-{attempt}")
    assert is_signed_in(log_in(client, "editor", PASSWORD))


def test_ten_failures_from_one_address_lock_that_address(client, staff_user):
    for attempt in range(10):
        log_in(client, f"guess-{attempt}", "password", address="203.0.113.5")
    assert log_in(client, "editor", PASSWORD, address="203.0.113.5").status_code == 429
    assert is_signed_in(log_in(client, "editor", PASSWORD, address="203.0.113.6"))


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_lock_out_page_is_translated(client, staff_user, language):
    for attempt in range(10):
        log_in(client, "editor", f"wrong-{attempt}")
    response = client.post(
        LOGIN_URL,
        login_data("editor", PASSWORD),
        REMOTE_ADDR="192.0.2.10",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 429
    body = response.content.decode()
    assert f'lang="{language}"' in body
    with translation.override(language):
        title = escape(translation.gettext("Too many failed log-in attempts"))
    assert f"<h1>{title}</h1>" in body


def test_unknown_user_and_wrong_password_get_the_same_answer(client, staff_user):
    unknown = log_in(client, "nobody", "wrong-password")
    wrong = log_in(client, "editor", "wrong-password")

    assert unknown.status_code == wrong.status_code == 200
    assert normalised(unknown) == normalised(wrong)
    assert sorted(unknown.headers) == sorted(wrong.headers)

    # And the same lock-out, whether or not the account exists.
    for attempt in range(10):
        log_in(client, "nobody", f"wrong-{attempt}", address="192.0.2.20")
        log_in(client, "editor", f"wrong-{attempt}", address="192.0.2.21")
    unknown = log_in(client, "nobody", "wrong", address="192.0.2.20")
    wrong = log_in(client, "editor", "wrong", address="192.0.2.21")
    assert unknown.status_code == wrong.status_code == 429
    assert normalised(unknown) == normalised(wrong)


@pytest.mark.parametrize(
    "change", [{"is_active": False}, {"is_staff": False}], ids=["inactive", "not-staff"]
)
def test_only_active_staff_may_log_in(client, staff_user, change):
    get_user_model().objects.filter(pk=staff_user.pk).update(**change)
    refused = log_in(client, "editor", PASSWORD)
    assert not is_signed_in(refused)
    assert normalised(refused) == normalised(log_in(client, "editor", "wrong-password"))
    # Counted as failures, like a wrong password.
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 2


def test_password_validators_refuse_weak_passwords(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = get_user_model()(username="joan.garcia", email="joan.garcia@example.org")
    for weak in ("short1!", "123456789012", "password1234", "joan.garcia1"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("vine-trellis-copper-morning", user)


def test_test_client_login_still_works(client, staff_user):
    """Throttling needs a request; the test client's login() has none and is let through."""
    assert client.login(username="editor", password=PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_address_behind_a_trusted_proxy(rf, settings):
    from relacions.security.backends import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.44")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"  # no proxy trusted: a header anyone can send is ignored
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "192.0.2.44"  # what our proxy saw, not what the client claimed
    settings.TRUSTED_PROXY_COUNT = 3
    assert client_ip(request) == "10.0.0.2"


def test_the_admin_url_is_configurable():
    script = (
        "from django.urls import reverse; "
        "print('URLS=' + reverse('admin:index') + ' ' + reverse('admin:login') + ' ' "
        "+ reverse('security:two-factor'))"
    )
    env = {
        **clean_env(DEBUG="true", ADMIN_URL="gestio-7f3a/"),
        "DATABASE_URL": "postgres://x@127.0.0.1:9/x",
    }
    env = {k: v for k, v in env.items() if not k.startswith("PYTEST")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("URLS="))
    assert line == "URLS=/gestio-7f3a/ /gestio-7f3a/login/ /gestio-7f3a/two-factor/"
