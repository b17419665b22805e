import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

# Fixtures every folder shares, beyond the few below: the browser's (Playwright, Chromium) and the
# small complete site of every public type.
pytest_plugins = ["tests.fixtures.browser", "tests.fixtures.site"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Every test that drives Chromium, in whichever app's folder it lives, is marked `browser`
    # before `-m "not browser"` deselects (CI's second run leaves them out).
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Catalan: a request leaves its language active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads in tests go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


def english_client() -> Client:
    """A test client that asks for English, so the admin (outside i18n_patterns) answers in the
    language the assertions are written in; public URLs carry their own language prefix."""
    return Client(headers={"accept-language": "en"})


def signed_in_client(user) -> Client:
    """A client of its own signed in as `user`: never the shared `client`, so a test may act as
    several users, and as an anonymous visitor, at once."""
    client = english_client()
    client.force_login(user)
    return client


@pytest.fixture
def client():
    """An anonymous visitor."""
    return english_client()


@pytest.fixture
def admin_client(db, admin_user):
    return signed_in_client(admin_user)


@pytest.fixture
def site_settings(db):
    from tests.factories import SiteSettingsFactory

    return SiteSettingsFactory()
