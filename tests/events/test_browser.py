import pytest
from django.utils import timezone, translation

from relacions.core.demo import load_apps
from relacions.events.models import Event
from tests.helpers import address

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_agenda(db):
    load_apps("pages", "mandate", "networks", "events")


def event_address(slug_ca: str, language: str) -> str:
    with translation.override(language):
        return Event.objects.get(slug_ca=slug_ca).get_absolute_url()


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_agenda_detail_and_month_have_no_wcag_violations(demo_agenda, page, axe, language):
    today = timezone.localdate()
    addresses = [
        address("events:list", language),
        address("events:list", language) + "?page=2",
        event_address("forum-cultura-eurocities-leeds-2019", language),
        event_address("exemple-visita-delegacio-pamiers", language),
        event_address("exemple-jornada-cultura-inclusio", language),
        address("events:month", language, year=today.year, month=today.month),
        address("events:month", language, year=2019, month=10),
        address("events:past", language, year=2019),
    ]
    for url in addresses:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        axe(page)
    assert page.csp_errors == []


def test_the_month_view_is_walked_with_the_keyboard(demo_agenda, page):
    page.goto(address("events:month", "en", year=2019, month=10))
    table = page.locator("table.month-calendar")
    assert table.get_by_role("link", name="EUROCITIES Culture Forum in Leeds").count() == 3

    def tab_to(name: str) -> None:
        for _ in range(60):
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.textContent.trim()")
            if name in focused:
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", "the focused link shows where the focus is"
                return
        raise AssertionError(f"no link {name!r} reached with Tab")

    tab_to("Previous month")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{address('events:month', 'en', year=2019, month=9)}")
    assert "September 2019" in page.locator("h1").inner_text()

    tab_to("Next month")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{address('events:month', 'en', year=2019, month=10)}")

    tab_to("EUROCITIES Culture Forum in Leeds")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{event_address('forum-cultura-eurocities-leeds-2019', 'en')}")
    assert page.locator("h1").inner_text() == "EUROCITIES Culture Forum in Leeds"


def test_the_month_works_without_javascript(demo_agenda, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(address("events:month", "ca", year=2019, month=10))
    page.get_by_role("link", name="Fòrum de Cultura de la xarxa EUROCITIES a Leeds").first.click()
    page.wait_for_url(f"**{event_address('forum-cultura-eurocities-leeds-2019', 'ca')}")
    context.close()


def test_phone_sized_month_shows_the_list_without_horizontal_scroll(
    demo_agenda, browser, live_server
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(address("events:month", "es", year=2019, month=10))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.get_by_role(
        "link", name="Foro de Cultura de la red EUROCITIES en Leeds"
    ).is_visible()
    context.close()
