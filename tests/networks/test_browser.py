import pytest
from django.urls import reverse
from django.utils import translation

from relacions.core.demo import load_apps
from relacions.networks.models import Forum, Network

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_networks(db):
    load_apps("pages", "networks")


def urls(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "directory": reverse("networks:list"),
            "network": Network.objects.get(slug_ca="eurocities").get_absolute_url(),
            "forum": Forum.objects.get(slug_ca="forum-de-cultura").get_absolute_url(),
        }


@pytest.mark.parametrize("language", ["ca", "en"])
@pytest.mark.parametrize("kind", ["directory", "network", "forum"])
def test_network_pages_have_no_wcag_violations(demo_networks, page, axe, language, kind):
    page.goto(urls(language)[kind])
    assert page.locator("h1").count() == 1
    axe(page)
    assert page.csp_errors == []


def test_from_the_directory_to_a_forum_and_back_in_another_language(demo_networks, page):
    page.goto(urls("en")["directory"])
    page.get_by_role("link", name="EUROCITIES").click()
    page.wait_for_url(f"**{urls('en')['network']}")
    page.get_by_role("link", name="Culture Forum").first.click()
    page.wait_for_url(f"**{urls('en')['forum']}")
    assert page.locator("h1").inner_text() == "Culture Forum"
    page.get_by_role("link", name="ES – español").click()
    page.wait_for_url(f"**{urls('es')['forum']}")
    assert page.locator("h1").inner_text() == "Foro de Cultura"


def test_the_directory_fits_a_phone_screen(demo_networks, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    phone = context.new_page()
    for url in urls("ca").values():
        phone.goto(url)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url
    context.close()
