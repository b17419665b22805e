import pytest

from relacions.core.demo import load_apps

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_pages(db):
    load_apps("pages")


def test_home_skip_link_language_switch_and_accessibility(demo_pages, page, axe):
    page.goto("/ca/")
    assert page.locator("h1").inner_text() == "Servei de Relacions Europees i Internacionals"

    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    axe(page)

    page.get_by_role("link", name="EN – English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "European and International Relations Service"
    axe(page)
    assert page.csp_errors == []


@pytest.mark.parametrize(
    "path", ["/ca/qui-som/", "/es/quienes-somos/", "/en/who-we-are/", "/en/nothing/"]
)
def test_pages_have_no_wcag_violations(demo_pages, page, axe, path):
    page.goto(path)
    axe(page)


def test_the_switcher_keeps_the_visitor_on_the_same_page(demo_pages, page):
    page.goto("/ca/qui-som/")
    page.get_by_role("link", name="ES – español").click()
    page.wait_for_url("**/es/quienes-somos/")
    assert page.locator("h1").inner_text() == "Quiénes somos"


def test_phone_sized_viewport_has_no_horizontal_scroll(demo_pages, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto("/es/quienes-somos/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
