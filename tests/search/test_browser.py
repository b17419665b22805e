"""The search box and the results page in a real browser: keyboard use, WCAG 2.1 AA, phones."""

import re

import pytest

from relacions.core.demo import load_apps
from tests.factories import EventFactory, NetworkFactory, NewsItemFactory

from .conftest import texts

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def culture_items(db):
    load_apps("pages")
    for n in range(12):
        NewsItemFactory(
            **texts("title", f"Cultura a Terrassa {n}", f"Cultura en Terrassa {n}", f"Culture {n}")
            | texts("body", "<p>El fòrum de cultura d'Eurocities es reuneix a Leeds.</p>")
        )
    NewsItemFactory(**texts("title", "Agermanament i cultura amb Pamiers"))
    EventFactory(**texts("title", "Fòrum de Cultura", "Foro de Cultura", "Culture Forum"))
    NetworkFactory(**texts("name", "Xarxa de cultura", "Red de cultura", "Culture network"))


def test_the_header_search_box_works_with_the_keyboard(culture_items, page, axe):
    page.goto("/es/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("ciudades cultura")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-summary")
    assert page.url.split("?")[0].endswith("/")
    assert "q=ciudades+cultura" in page.url
    assert page.locator("h1").count() == 1
    assert page.locator("#id_q").input_value() == "ciudades cultura"
    page.goto("/es/")
    page.locator("#site-search-q").fill("cultura")
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-results")
    assert page.locator(".search-result").count() == 10
    assert page.locator(".search-result__snippet mark").count() > 0
    axe(page)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    "query",
    [
        "?q=cultura",  # results, pagination, snippets, a result in Catalan
        "?q=culture",  # results of several types, facets
        "?q=culture&type=events",
        "?q=culture&page=2",
        "",  # the empty state
        "?q=zzyzx",  # no results
        "?q=%3F%21%3F",  # an error message
    ],
)
def test_the_results_page_has_no_wcag_violations(culture_items, page, axe, query):
    page.goto(f"/en/search/{query}")
    axe(page)


def test_results_can_be_browsed_by_keyboard(culture_items, page):
    page.goto("/en/search/?q=culture")
    page.get_by_role("link", name="Agenda (1)").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**type=events**")
    assert page.locator(".search-result__title").all_inner_texts() == ["Culture Forum"]
    page.get_by_role("link", name=re.compile(r"^All \(\d+\)$")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=culture")
    page.get_by_role("link", name="Next page").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**page=2**")
    assert page.locator(".search-result").count() >= 4
    assert "Culture 0" in page.locator(".search-results").inner_text()


def test_a_phone_sized_screen_has_no_horizontal_scroll(culture_items, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/en/search/?q=cultura", "/en/search/", "/ca/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # On a phone the header's search box is in the menu, behind its button.
        page.locator("summary.site-menu__button").click()
        box = page.locator("#site-search-q").bounding_box()
        assert box["width"] >= 150
        assert page.locator(".site-search__button").is_visible()
    context.close()
