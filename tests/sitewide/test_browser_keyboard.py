"""A keyboard-only walk through the main flows: skip link, main menu, language switcher, search
box, pagination and the calendar's months. Every stop shows where the focus is."""

import datetime

import pytest
from django.utils import timezone, translation

from relacions.core.demo import load_apps
from tests.factories import EventFactory, NewsItemFactory
from tests.helpers import address

pytestmark = pytest.mark.django_db(transaction=True)

NEWS_PER_PAGE = 10


@pytest.fixture
def site(db):
    load_apps("pages")
    items = [NewsItemFactory() for _ in range(NEWS_PER_PAGE + 2)]
    event = EventFactory(start=timezone.now() + datetime.timedelta(days=3))
    return {"news": items[-1], "event": event}


def url_of(obj, language: str = "ca") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def focus_is_visible(page) -> bool:
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow]; }"""
    )
    outline_style, outline_width, box_shadow = style
    return (outline_style != "none" and outline_width > 0) or box_shadow != "none"


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches `selector`; it must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            assert focus_is_visible(page), f"{selector} has no visible focus"
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_skip_link_comes_first_and_moves_the_focus_to_the_content(site, page):
    page.goto(url_of(site["news"]))

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert focus_is_visible(page)
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the skip link shows when focused"

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), (
        "the next stop is inside the main content, past the header and the menu"
    )


def test_the_main_menu_and_the_language_switcher(site, page):
    page.goto(url_of(site["news"]))

    tab_to(page, f'.main-nav a[href="{address("events:list")}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{address('events:list')}")
    assert page.locator(".main-nav a[aria-current]").inner_text() == "Agenda"

    page.goto(url_of(site["news"]))
    tab_to(page, '.language-switcher a[hreflang="en"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{url_of(site['news'], 'en')}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == site["news"].title_en


def test_the_search_box(site, page):
    page.goto(address("pages:home", "en"))

    tab_to(page, "#site-search-q")
    page.keyboard.type(site["news"].title_en)
    page.keyboard.press("Enter")

    page.wait_for_url("**q=**")
    assert page.url.split("?")[0].endswith(address("search:results", "en"))
    assert page.locator("h1").count() == 1


def test_pagination(site, page):
    page.goto(address("news:list"))

    tab_to(page, '.pagination a[rel="next"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**?page=2")
    assert page.locator(".pagination a[aria-current]").inner_text().endswith("2")

    tab_to(page, '.pagination a[rel="prev"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**?page=1")
    assert page.locator(".pagination a[aria-current]").inner_text().endswith("1")


def test_the_calendar_months(site, page):
    start = timezone.localtime(site["event"].start)
    this_month = address("events:month", year=start.year, month=start.month)
    following = (start.replace(day=28) + datetime.timedelta(days=5)).date()
    page.goto(this_month)

    tab_to(page, '.agenda-months a[rel="next"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{address('events:month', year=following.year, month=following.month)}")

    tab_to(page, '.agenda-months a[rel="prev"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{this_month}")
    tab_to(page, f'.month-calendar a[href="{url_of(site["event"])}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{url_of(site['event'])}")


def test_every_stop_of_the_home_page_shows_its_focus_and_none_traps_it(site, page):
    page.goto(address("pages:home"))
    last_link = page.locator(".site-footer a").last
    stops = []
    for _ in range(120):
        page.keyboard.press("Tab")
        description = page.evaluate(
            "(() => { const e = document.activeElement;"
            " return e.tagName + ' ' + (e.textContent || e.id || '').trim().slice(0, 40); })()"
        )
        stops.append(description)
        assert focus_is_visible(page), f"no visible focus on {description}"
        if last_link.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError(f"the focus never reached the footer's last link: {stops[-5:]}")
    assert len(set(stops)) > 10
