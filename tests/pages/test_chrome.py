"""Every page's header and footer, rendered once for many pages and kept with the content
(relacions.pages.chrome.rendered_chrome): what each page shows in them stays its own."""

import re

import pytest

from tests.factories import EventFactory, NewsItemFactory, PageFactory
from tests.helpers import url_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings", "fragment_cache")]

HEADER, FOOTER = "includes/_site_header.html", "includes/_site_footer.html"


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def language_links(response) -> dict[str, str]:
    menu = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S)
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', menu.group(0))
    return {language: href for href, language in links}


def current_in_menu(response) -> list[str]:
    menu = re.search(r'<nav class="main-nav".*?</nav>', response.content.decode(), re.S)
    return re.findall(r'<a href="([^"]+)" aria-current="page"', menu.group(0))


def test_pages_of_one_section_share_the_chrome_with_their_own_language_links(client):
    first, second = NewsItemFactory.create_batch(2)
    one = client.get(url_of(first, "en"))
    other = client.get(url_of(second, "en"))
    assert {HEADER, FOOTER} <= rendered(one)
    assert not {HEADER, FOOTER} & rendered(other)
    for item, response in ((first, one), (second, other)):
        assert language_links(response) == {
            "ca": url_of(item, "ca"),
            "es": url_of(item, "es"),
        }
        assert current_in_menu(response) == [url_of("news:list", "en")]
        assert 'class="site-footer"' in response.content.decode()


def test_the_menu_marks_the_section_or_the_menu_page_of_each_page(client):
    about, contact = PageFactory.create_batch(2, show_in_menu=True)
    event = EventFactory()
    assert current_in_menu(client.get(url_of(about, "es"))) == [url_of(about, "es")]
    assert current_in_menu(client.get(url_of(contact, "es"))) == [url_of(contact, "es")]
    assert current_in_menu(client.get(url_of(event, "es"))) == [url_of("events:list", "es")]
    assert current_in_menu(client.get(url_of("pages:home", "es"))) == [url_of("pages:home", "es")]
    # Each language its own chrome: the same page in Catalan links to the Catalan sections.
    assert current_in_menu(client.get(url_of(event, "ca"))) == [url_of("events:list", "ca")]


def test_a_menu_page_renamed_shows_in_the_header_of_every_page(client):
    page = PageFactory(show_in_menu=True, title_en="Partner cities")
    item = NewsItemFactory()
    assert "Partner cities" in client.get(url_of(item, "en")).content.decode()
    page.title_en = "Twin cities"
    page.save()
    body = client.get(url_of(item, "en")).content.decode()
    assert "Twin cities" in body and "Partner cities" not in body


def test_the_footer_follows_the_office_s_contact_details(client, site_settings):
    item = NewsItemFactory()
    assert "oficina-nova@example.net" not in client.get(url_of(item, "ca")).content.decode()
    site_settings.email = "oficina-nova@example.net"
    site_settings.save()
    footer = client.get(url_of(item, "ca")).content.decode().split('class="site-footer"')[1]
    assert 'href="mailto:oficina-nova@example.net"' in footer


def test_pages_outside_the_menu_share_one_chrome(client):
    in_menu = PageFactory(show_in_menu=True)
    first, second = PageFactory.create_batch(2, show_in_menu=False)
    assert HEADER in rendered(client.get(url_of(first, "en")))
    response = client.get(url_of(second, "en"))
    assert HEADER not in rendered(response)
    assert current_in_menu(response) == [] and url_of(in_menu, "en") in response.content.decode()
