import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.helpers import english_client, signed_in_client

# Fixtures every folder shares, beyond the few below: the browser's (Playwright, Chromium), saved
# images, the small complete site of every public type, and staff users in each role.
pytest_plugins = [
    "tests.fixtures.browser",
    "tests.fixtures.cluster",
    "tests.fixtures.images",
    "tests.fixtures.site",
    "tests.fixtures.users",
]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Every test that drives Chromium, in whichever app's folder it lives, is marked `browser`
    # before `-m "not browser"` deselects (CI's second run leaves them out).
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    # The replicas-and-proxy test (tests/cluster) starts a whole stack: it runs only when asked
    # for by its marker (`make cluster`, CI's own step), never inside `make test`.
    if "cluster" not in (config.option.markexpr or ""):
        kept = [item for item in items if item.get_closest_marker("cluster") is None]
        if len(kept) != len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept


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


@pytest.fixture
def demo_day():
    """The day the demo content's relative dates count from (`today+12d`), fixed for the test:
    a test that loads the content twice sees the same dates even if it runs across midnight."""
    from relacions.core.demo.dates import local_today

    return local_today()


@pytest.fixture
def fragment_cache(settings):
    """Rendered fragments kept in the cache (relacions.operations.pagecache.fragments), whole
    pages not: every request is rendered, from the fragments it finds."""
    settings.FRAGMENT_CACHE = True
    settings.PAGE_CACHE = False
    return settings


@pytest.fixture
def fragment_renders(monkeypatch):
    """{template: how many fragments were rendered with it} (the misses; the hits are read)."""
    from relacions.operations.pagecache import fragments

    counts: dict[str, int] = {}
    load = fragments.get_template

    class Counted:
        def __init__(self, name):
            self.name, self.template = name, load(name)

        def render(self, context):
            counts[self.name] = counts.get(self.name, 0) + 1
            return self.template.render(context)

    monkeypatch.setattr(fragments, "get_template", Counted)
    return counts


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads in tests go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


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
