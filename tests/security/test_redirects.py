"""Open redirects: every `next`, referer and language switch stays on this host."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.helpers import PASSWORD

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "http:evil.example",
    "\\\\evil.example",
    "///evil.example/",
    " //evil.example",
    "https:/evil.example",
    "javascript:alert(1)",
]

# Encoded slashes make a path on this site (`/%2F%2Fevil.example`), harmless to follow.
SAME_SITE_PATH = "/%2F%2Fevil.example"


def where(response) -> str | None:
    """Where a browser would go: backslashes count as slashes, as browsers treat them."""
    if response.status_code not in {301, 302, 303, 307, 308}:
        return None
    location = response["Location"].strip().replace("\\", "/")
    return urljoin("http://testserver/ca/", location)


def assert_stays(response) -> None:
    target = where(response)
    if target is None:
        return
    parts = urlsplit(target)
    assert parts.scheme in {"http", "https"}, target
    assert parts.hostname == "testserver", target
    assert "evil.example" not in parts.netloc


@pytest.mark.parametrize("payload", PAYLOADS)
def test_admin_login_next(client, staff_user, payload):
    response = client.post(
        reverse("admin:login") + "?next=x",
        {"username": "editor", "password": PASSWORD, "next": payload},
    )
    assert response.status_code == 302
    assert_stays(response)
    if payload != SAME_SITE_PATH:  # refused: the admin's home page instead
        assert response["Location"] == reverse("admin:index")
    # Already signed in, the log-in page sends on as well.
    assert_stays(client.get(reverse("admin:login"), {"next": payload}))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_admin_logout_next(admin_client, payload):
    assert_stays(admin_client.post(reverse("admin:logout"), {"next": payload}))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_set_language_next_and_referer(client, payload):
    for data, headers in (
        ({"language": "es", "next": payload}, {}),
        ({"language": "es"}, {"HTTP_REFERER": payload}),
        ({"language": "es", "next": payload}, {"HTTP_REFERER": f"https://evil.example/{payload}"}),
    ):
        response = client.post("/i18n/setlang/", data, **headers)
        assert response.status_code == 302
        assert_stays(response)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_two_factor_next(admin_client, payload):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .test_two_factor import code

    page = admin_client.get(reverse("security:two-factor"), {"next": payload}).content.decode()
    kept = re.search(r'name="next" value="([^"]*)"', page)
    if kept:  # only a path on this site is carried on
        assert urlsplit(urljoin("http://testserver/", kept.group(1))).hostname == "testserver"
    device = TOTPDevice.objects.get()
    response = admin_client.post(
        reverse("security:two-factor"), {"action": "enrol", "code": code(device), "next": payload}
    )
    assert response.status_code == 302
    assert_stays(response)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_paths_are_never_redirected_off_site(client, site_settings, payload):
    path = "/" + payload.lstrip("/ ")
    for candidate in (payload if payload.startswith("/") else path, path + "/"):
        assert_stays(client.get(candidate))


def test_the_language_switcher_links_stay_on_this_site(client, site_settings):
    query = "next=//evil.example&back=https://evil.example"
    body = client.get(f"/ca/?{query}").content.decode()
    switcher = body[body.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    links = re.findall(r'href="([^"]+)"', switcher)
    assert links
    for link in links:
        assert link.startswith(("/es/", "/en/")), link
        assert urlsplit(link).netloc == ""
