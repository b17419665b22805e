"""The security headers, as a browser receives them: public pages, the admin log-in, media files."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories.images import HTML, SVG, jpeg_bytes

pytestmark = pytest.mark.django_db

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
DISABLED_FEATURES = ("camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()")


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


def assert_common_headers(response) -> None:
    for name, value in COMMON.items():
        assert response[name] == value, name
    for feature in DISABLED_FEATURES:
        assert feature in response["Permissions-Policy"]


def assert_page_policy(response, *, nonce: bool) -> None:
    """Django adds the nonce only to the policy of a response whose template used it."""
    policy = directives(response["Content-Security-Policy"])
    for kind in ("script-src", "style-src"):
        assert policy[kind][0] == "'self'"
        assert [value.startswith("'nonce-") for value in policy[kind][1:]] == (
            [True] if nonce else []
        )
        assert "'unsafe-inline'" not in policy[kind] and "'unsafe-eval'" not in policy[kind]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@pytest.mark.parametrize("path", ["/ca/", "/es/", "/en/"])
def test_public_page_headers(client, site_settings, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_common_headers(response)
    assert_page_policy(response, nonce=False)
    assert 'nonce="' not in response.content.decode()  # nothing inline on this page


def test_admin_login_headers_and_cookies(client, settings, staff_user):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True  # as in production
    login_url = reverse("admin:login")

    response = client.get(login_url)
    assert response.status_code == 200
    assert_common_headers(response)
    assert_page_policy(response, nonce=True)
    # The nonce in the header is the one the page's own tags carry, and differs per response.
    nonce = directives(response["Content-Security-Policy"])["script-src"][1][7:-1]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert client.get(login_url)["Content-Security-Policy"] != response["Content-Security-Policy"]
    assert "no-cache" in response["Cache-Control"]
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["samesite"] == "Lax"

    token = csrf.value
    response = client.post(
        login_url,
        {"username": "editor", "password": "correct-horse-battery-staple", "next": "/admin/"},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert session["max-age"] == settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_hsts_when_configured(client, settings, site_settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/ca/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    def put(relative: str, content: bytes) -> str:
        path = settings.MEDIA_ROOT / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return settings.MEDIA_URL + relative

    return put


def assert_media_headers(response) -> None:
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_library_image_is_shown_inline(client, media):
    url = media("images/renditions/0123456789abcdef-480w.jpg", jpeg_bytes())
    response = client.get(url)
    assert_media_headers(response)
    assert response["Content-Type"] == "image/jpeg"
    assert not response.get("Content-Disposition", "inline").startswith("attachment")
    # Its name changes whenever the picture does: browsers keep it (Lighthouse's cache audits).
    assert response["Cache-Control"] == "max-age=31536000, public, immutable"


@pytest.mark.parametrize(
    ("relative", "content"),
    [
        ("images/originals/drawing.svg", SVG),
        ("images/originals/page.html", HTML),
        ("images/originals/fake.jpg", HTML),  # an HTML page with an image's name
        ("documents/agreement.pdf", b"%PDF-1.4\n%%EOF\n"),
        ("elsewhere/photo.jpg", jpeg_bytes()),  # not written by the image library
    ],
    ids=["svg", "html", "html-named-jpg", "pdf", "jpeg-outside-the-library"],
)
def test_any_other_media_file_is_a_download(client, media, relative, content):
    response = client.get(media(relative, content))
    assert_media_headers(response)
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Type"] == "application/octet-stream"
    assert "immutable" not in response.get("Cache-Control", "")
    assert b"".join(response.streaming_content) == content


def test_media_files_are_served_only_from_the_media_folder(client, media):
    media("images/originals/a.jpg", jpeg_bytes())
    for path in (
        "/media/../settings.py",
        "/media/%2e%2e/manage.py",
        "/media/images/../../manage.py",
    ):
        assert client.get(path).status_code in {400, 404}, path


def test_media_serving_follows_the_setting():
    assert settings.SERVE_MEDIA  # the development default; production serves media elsewhere
