import re

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.core.demo import load_apps
from relacions.pages.models import Page
from tests.factories import PageFactory
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_answers_in_its_language(client, language):
    load_apps("pages")
    urls = [f"/{language}/"]
    with translation.override(language):
        urls += [page.get_absolute_url() for page in Page.objects.published()]
    assert len(urls) == 5

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_lang(response) == language
        assert response.content.decode().count("<h1") == 1, url


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("es-ES,es;q=0.9", "/es/"), ("en-GB,en;q=0.8", "/en/"), ("fr-FR", "/ca/"), ("", "/ca/")],
)
def test_the_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_the_language_switcher_keeps_the_visitor_on_the_same_page(client):
    load_apps("pages")
    response = client.get("/es/quienes-somos/")
    body = response.content.decode()

    assert 'href="/ca/qui-som/" hreflang="ca"' in body
    assert 'href="/en/who-we-are/" hreflang="en"' in body
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/who-we-are/">' in body
    assert client.get("/en/who-we-are/").status_code == 200


def test_a_missing_translation_falls_back_to_catalan_marked_as_such(client):
    page = PageFactory(title_ca="Només en català", title_en="", body_ca="<p>Cos</p>", body_en="")

    with translation.override("en"):
        url = page.get_absolute_url()
    body = client.get(url).content.decode()

    assert '<h1 lang="ca">Només en català</h1>' in body
    assert 'class="fallback-notice"' in body
    assert '<div class="rich-text" lang="ca"><p>Cos</p></div>' in body


def test_a_draft_page_is_not_found(client):
    page = PageFactory(status=Page.Status.DRAFT)
    response = client.get(page.get_absolute_url())
    assert response.status_code == 404
    assert html_lang(response) == "ca"


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_is_translated(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    expected = {"ca": "Pàgina no trobada", "es": "Página no encontrada", "en": "Page not found"}
    assert expected[language] in response.content.decode()


@pytest.mark.parametrize("count", [1, 50])
def test_page_detail_queries_do_not_grow_with_content(client, django_assert_max_num_queries, count):
    pages = PageFactory.create_batch(count, show_in_menu=True)
    # The site's chrome (settings, menu and footer pages) and the page.
    with django_assert_max_num_queries(2):
        response = client.get(pages[-1].get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_home_queries_do_not_grow_with_content(client, django_assert_max_num_queries, count):
    PageFactory.create_batch(count, show_in_menu=True)
    # The site's chrome (settings, menu and footer pages, the mission page among them); featured
    # news, latest news, next events (with news and images: 2 each, see tests/perf); the places
    # on the small world map.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("pages:home"))
    assert response.status_code == 200
