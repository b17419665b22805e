"""Browser tests: Playwright driving Debian's Chromium (browsers cannot be downloaded here).

Outside CI a machine without /usr/bin/chromium skips them; under CI=true they must run, so a
missing browser is an error there.
"""

import os
import shutil

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The admin is checked with WCAG 2.2's target size too (filter links, small buttons), and fails on
# serious or critical violations.
ADMIN_AXE = {
    "runOnly": {"type": "tag", "values": [*WCAG_21_AA["runOnly"]["values"], "wcag22aa"]},
    "resultTypes": ["violations"],  # the passes are not reported: about twice as quick
}
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and no Chromium at {CHROMIUM}: browser tests must run in CI.")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watched_page(context):
    """A new page of `context` that collects the Content-Security-Policy errors it logs."""
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda message: (
            page.csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    yield watched_page(context)
    context.close()


@pytest.fixture
def admin_page(page, client, live_server, site_settings):
    """The page of a signed-in superuser."""
    admin = get_user_model().objects.create_superuser(
        "boss", "boss@example.org", "a-long-passphrase-1"
    )
    sign_in(page, client, live_server, admin)
    return page


@pytest.fixture
def demo_site(db):
    """The whole demo content, as `make run` shows it."""
    call_command("load_demo_content", verbosity=0)


def address(name: str, language: str = "ca", **kwargs) -> str:
    """The path of the URL named `name` in `language`."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def sign_in(page, client, live_server, user) -> None:
    """Give the browser `user`'s session (quicker than the log-in form, which has its own test)."""
    page.context.clear_cookies()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def after_repaints(page) -> None:
    """Wait until the page's scripts have run their next two frames (static/js/admin.js repairs
    the widgets' markup in an animation frame after each change)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def serious_violations(page, *, options=ADMIN_AXE) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page, options=options).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in response["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    instance = Axe()

    def check(page) -> None:
        results = instance.run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()

    return check
