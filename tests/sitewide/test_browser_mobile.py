"""The public site on a phone (375 px): a short header whose menu button opens the navigation
(keyboard, screen readers, no JavaScript), and an objective page whose history and chart fit
and can be read."""

import pytest
from django.utils import translation

from relacions.mandate.models import Objective
from tests.fixtures.browser import WCAG_21_AA
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}
MENU_LABEL = {"ca": "Menú", "es": "Menú", "en": "Menu"}


@pytest.fixture
def phone(browser, live_server):
    contexts = []

    def open_page(javascript: bool = True):
        context = browser.new_context(
            base_url=live_server.url, viewport=PHONE, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def summary_expanded(page) -> bool | None:
    """The menu button's expanded state as the browser gives it to screen readers."""
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")["nodes"]
    for ax_node in tree:
        name = ax_node.get("name", {}).get("value", "")
        if name.strip() in MENU_LABEL.values():
            for prop in ax_node.get("properties", []):
                if prop["name"] == "expanded":
                    return prop["value"]["value"]
    return None


def objective_url(language: str) -> str:
    with translation.override(language):
        objective = Objective.objects.public().select_related("plan").first()
        return objective.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_takes_at_most_a_fifth_of_a_phone_screen(demo_site, phone, language):
    page = phone()
    page.goto(f"/{language}/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= PHONE["height"] / 5
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The navigation is folded away until asked for.
    assert not page.locator(".main-nav").is_visible()
    assert page.get_by_text(MENU_LABEL[language], exact=True).is_visible()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_button_opens_the_navigation_by_keyboard(demo_site, phone, javascript):
    page = phone(javascript)
    page.goto("/en/")
    assert not page.locator(".main-nav").is_visible()
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the office's name
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('summary.site-menu__button')")
    if javascript:
        assert summary_expanded(page) is False
    page.keyboard.press("Enter")
    assert page.locator(".main-nav").is_visible()
    assert page.locator(".language-switcher").is_visible()
    assert page.locator("#site-search-q").is_visible()
    if javascript:
        assert summary_expanded(page) is True
    # A link of the open menu works.
    page.locator(".main-nav").get_by_role("link", name="Agenda", exact=True).click()
    page.wait_for_url("**/en/events/")


def test_on_a_wide_screen_the_navigation_is_open_and_the_button_gone(demo_site, page):
    page.goto("/ca/")
    assert page.locator(".main-nav").is_visible()
    assert page.locator("#site-search-q").is_visible()
    assert not page.locator("summary.site-menu__button").is_visible()
    assert page.locator("header.site-header").bounding_box()["height"] <= 160


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_objective_page_fits_a_phone_and_its_chart_is_readable(demo_site, phone, language):
    page = phone()
    page.goto(objective_url(language))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The history's table fits its column (stacked), nothing is scrolled out of sight.
    fits = page.evaluate(
        """() => {
            const scroll = document.querySelector('.mandate-history__scroll');
            return scroll.scrollWidth <= scroll.clientWidth;
        }"""
    )
    assert fits
    sizes = page.evaluate(
        """() => {
            const svg = document.querySelector('svg.progress-chart__svg');
            const scale = svg.getScreenCTM().a;
            return [...svg.querySelectorAll('text')].map(
                text => parseFloat(getComputedStyle(text).fontSize) * scale
            );
        }"""
    )
    assert len(sizes) >= 6  # the five levels and at least one date
    assert min(sizes) >= 12, sizes
    # Each label's box is on screen, inside the chart.
    inside = page.evaluate(
        """() => {
            const svg = document.querySelector('svg.progress-chart__svg').getBoundingClientRect();
            return [...document.querySelectorAll('svg.progress-chart__svg text')].every(text => {
                const box = text.getBoundingClientRect();
                return box.left >= svg.left - 1 && box.right <= svg.right + 1 && box.height >= 12;
            });
        }"""
    )
    assert inside


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_pages_have_no_wcag_violations_with_the_menu_open_or_closed(
    demo_site, phone, language
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = phone()
    with translation.override(language):
        from relacions.networks.models import Forum

        forum = Forum.objects.published().select_related("network").first()
        forum_url = forum.get_absolute_url()
    for address in (f"/{language}/", objective_url(language), forum_url):
        page.goto(address)
        results = axe.run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, results.generate_report()
    page.locator("summary.site-menu__button").click()
    results = axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
