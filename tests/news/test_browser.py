import pytest
from django.utils import translation

from relacions.news.models import NewsItem
from tests.helpers import address

pytestmark = pytest.mark.django_db(transaction=True)

SEED_SLUG = "forum-de-cultura-eurocities-leeds"


def seed_path(language: str) -> str:
    with translation.override(language):
        return NewsItem.objects.get(slug_ca=SEED_SLUG).get_absolute_url()


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_news_list_and_detail_have_no_wcag_violations(demo_site, page, axe, language):
    page.goto(address("news:list", language))
    assert page.locator("h1").count() == 1
    axe(page)

    page.goto(address("news:list", language) + "?page=2")
    axe(page)

    page.goto(seed_path(language))
    assert page.locator(".news-article picture img").get_attribute("alt")
    assert page.locator(".news-related a").count() == 4
    axe(page)
    assert page.csp_errors == []


def test_the_home_page_sections_have_no_wcag_violations(demo_site, page, axe):
    page.goto("/en/")
    assert page.locator("#home-featured-news").is_visible()
    assert page.locator("#home-latest-news").is_visible()
    assert page.locator("#home-upcoming-events").is_visible()
    axe(page)
    assert page.csp_errors == []


def test_filters_work_without_javascript(demo_site, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(address("news:list", "en"))
    page.get_by_label("Year").select_option("2019")
    page.get_by_label("Network").select_option(label="EUROCITIES")
    page.get_by_role("button", name="Show news").click()
    page.wait_for_url("**/?year=2019&network=*")
    titles = page.locator(".news-card__title").all_inner_texts()
    assert "EUROCITIES network Culture Forum in Leeds" in titles
    assert all("Twin" not in title for title in titles)
    context.close()


def test_the_article_fits_a_phone_screen(demo_site, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for url in (seed_path("ca"), address("news:list", "ca"), "/ca/"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    context.close()
