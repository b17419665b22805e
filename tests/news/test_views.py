import datetime
import html as html_module
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation

from relacions.news.models import NewsItem
from relacions.workflow.preview import preview_url
from tests.factories.mandate import ObjectiveFactory
from tests.factories.news import NewsItemFactory
from tests.helpers import LANGUAGES, address

from .conftest import make_event, make_forum, make_network

pytestmark = pytest.mark.django_db

TRANSLATIONS_COMPILED = all(
    (Path(settings.BASE_DIR) / "locale" / lang / "LC_MESSAGES" / "django.mo").exists()
    for lang in ("ca", "es")
)


def detail_url(item: NewsItem, language: str) -> str:
    with translation.override(language):
        return item.get_absolute_url()


def html(response) -> str:
    return response.content.decode()


def card_titles(response) -> list[str]:
    return re.findall(r'class="news-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html(response))


# --- Addresses and languages -------------------------------------------------------------------


@pytest.mark.skipif(not TRANSLATIONS_COMPILED, reason="the .po files are compiled at the end")
@pytest.mark.parametrize(
    ("language", "path"),
    [("ca", "/ca/actualitat/"), ("es", "/es/actualidad/"), ("en", "/en/news/")],
)
def test_the_list_has_a_translated_address(client, language, path):
    assert address("news:list", language) == path
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_and_detail_in_each_language(client, language):
    item = NewsItemFactory()
    response = client.get(address("news:list", language))
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html(response)
    assert card_titles(response) == [getattr(item, f"title_{language}")]
    assert html(response).count("<h1") == 1

    response = client.get(detail_url(item, language))
    assert response.status_code == 200
    body = html(response)
    assert f"<h1>{getattr(item, f'title_{language}')}</h1>" in body
    assert getattr(item, f"body_{language}") in body
    assert body.count("<h1") == 1
    assert detail_url(item, language).endswith(f"/{getattr(item, f'slug_{language}')}/")


def test_a_missing_translation_falls_back_to_catalan_marked_as_such(client):
    item = NewsItemFactory(title_en="", slug_en="", summary_en="", body_en="")
    body = html(client.get(detail_url(item, "en")))
    assert f'<h1 lang="ca">{item.title_ca}</h1>' in body
    assert 'class="fallback-notice"' in body
    assert f'<div class="rich-text" lang="ca">{item.body_ca}</div>' in body


def test_the_catalan_slug_in_another_language_redirects_to_that_languages_slug(client):
    item = NewsItemFactory()
    with translation.override("es"):
        wrong = reverse("news:detail", kwargs={"slug": item.slug_ca})
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == detail_url(item, "es")


def test_the_language_switcher_links_the_same_item(client):
    item = NewsItemFactory()
    body = html(client.get(detail_url(item, "es")))
    assert f'href="{detail_url(item, "ca")}" hreflang="ca"' in body
    assert f'href="{detail_url(item, "en")}" hreflang="en"' in body


# --- What the public may see -------------------------------------------------------------------


def test_unpublished_items_are_not_listed(client, hidden_items):
    live = NewsItemFactory()
    for language in LANGUAGES:
        assert card_titles(client.get(address("news:list", language))) == [
            getattr(live, f"title_{language}")
        ]


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_unpublished_items_have_no_page(client, hidden_items, state, language):
    response = client.get(detail_url(hidden_items[state], language))
    assert response.status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled", "expired"])
def test_staff_preview_unpublished_items_never_cached(client, hidden_items, state):
    staff = User.objects.create_user("editor", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_newsitem"))
    client.force_login(staff)
    # Drafts are previewed through the admin's signed links only (relacions.workflow).
    assert client.get(detail_url(hidden_items[state], "ca")).status_code == 404
    response = client.get(preview_url(hidden_items[state], "ca"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'class="preview-notice"' in html(response)
    assert '<meta name="robots" content="noindex, nofollow">' in html(response)


def test_staff_without_news_permission_cannot_preview(client, hidden_items):
    client.force_login(User.objects.create_user("someone", is_staff=True))
    assert client.get(detail_url(hidden_items["draft"], "ca")).status_code == 404
    assert client.get(preview_url(hidden_items["draft"], "ca")).status_code == 403


def test_a_published_item_seen_by_staff_is_not_marked_as_preview(admin_client):
    item = NewsItemFactory()
    response = admin_client.get(detail_url(item, "ca"))
    assert 'class="preview-notice"' not in html(response)
    assert "no-store" not in response.get("Cache-Control", "")


# --- List: pagination and filters --------------------------------------------------------------


def test_the_list_pages_ten_items_newest_first(client):
    items = NewsItemFactory.create_batch(23)
    newest_first = [item.title_en for item in reversed(items)]
    list_url = address("news:list", "en")

    assert card_titles(client.get(list_url)) == newest_first[:10]
    assert card_titles(client.get(list_url + "?page=2")) == newest_first[10:20]
    last = client.get(list_url + "?page=3")
    assert card_titles(last) == newest_first[20:]
    assert 'aria-current="page"' in html(last)
    assert 'rel="prev"' in html(last) and 'rel="next"' not in html(last)


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=99999",
        "?page=0",
        "?page=-1",
        "?page=",
        "?page=1.5",
        "?page=%00",
        "?year=x",
        "?year=99999999999999999999",
        "?year=",
        "?network=nope",
        "?network=%00",
        "?year=2019&year=2020",
        "?network[]=a",
    ],
)
def test_bad_query_strings_give_the_first_page_or_not_found_never_an_error(client, query):
    # All in 2020, so that "?year=2019&year=2020" (the last value counts) finds all twelve
    # whatever the factory's sequence has reached in this worker.
    for day in range(12):
        NewsItemFactory(published_on=datetime.date(2020, 3, 1) + datetime.timedelta(days=day))
    response = client.get(address("news:list", "en") + query)
    # 400: a NUL byte is refused before any view reads it (the site's own 400 page).
    assert response.status_code in (200, 400, 404)
    if response.status_code == 200:
        assert len(card_titles(response)) == 10


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?year=x", "There is no news from the year “x”."),
        ("?year=1800", "There is no news from the year “1800”."),
        ("?year=99999999999999999999", "There is no news from the year “99999999999999999999”."),
        ("?network=nope", "There is no news of a network “nope”."),
        ("?year=2019&network=nope", "There is no news of a network “nope”."),
    ],
)
def test_an_unknown_filter_is_not_found_rather_than_a_copy_of_the_list(client, query, message):
    NewsItemFactory.create_batch(3, published_on=datetime.date(2019, 5, 5))
    response = client.get(address("news:list", "en") + query)
    body = html(response)
    assert response.status_code == 404
    assert card_titles(response) == []
    assert html_module.escape(message) in body
    assert '<meta name="robots" content="noindex, follow">' in body
    assert 'rel="canonical"' not in body
    assert 'aria-invalid="true" aria-describedby="news-filters-error"' in body
    assert f'href="{address("news:list", "en")}">Show all news</a>' in body


@pytest.mark.skipif(not TRANSLATIONS_COMPILED, reason="the .po files are compiled at the end")
@pytest.mark.parametrize(
    ("language", "message"),
    [("ca", "No hi ha notícies de l'any “1800”."), ("es", "No hay noticias del año “1800”.")],
)
def test_the_unknown_filter_message_is_translated(client, language, message):
    NewsItemFactory()
    response = client.get(address("news:list", language) + "?year=1800")
    assert response.status_code == 404
    assert html_module.escape(message) in html(response)


@pytest.mark.parametrize("query", ["", "?year=&network=", "?utm_source=feed", "?page=1"])
def test_the_unfiltered_list_has_one_canonical_address(client, query):
    NewsItemFactory()
    body = html(client.get(address("news:list", "en") + query))
    assert f'<link rel="canonical" href="http://testserver{address("news:list", "en")}">' in body


def test_a_filtered_list_is_its_own_canonical_address(client):
    network = make_network(1)
    NewsItemFactory(published_on=datetime.date(2020, 5, 5)).networks.add(network)
    path = address("news:list", "en") + f"?year=2020&network={network.slug_en}"
    body = html(client.get(path + "&utm_source=x&page=1"))
    assert f'<link rel="canonical" href="http://testserver{path.replace("&", "&amp;")}">' in body


def test_filter_by_year_with_options_from_the_published_items(client, hidden_items):
    in_2019 = NewsItemFactory(published_on=datetime.date(2019, 9, 20))
    NewsItemFactory(published_on=datetime.date(2021, 3, 1))
    hidden_items["draft"].published_on = datetime.date(2005, 1, 1)
    hidden_items["draft"].save()

    response = client.get(address("news:list", "en") + "?year=2019")
    assert card_titles(response) == [in_2019.title_en]
    year_select = re.search(r'<select name="year".*?</select>', html(response), re.S).group()
    options = re.findall(r'<option value="(\d*)"( selected)?>', year_select)
    assert options == [("", ""), ("2021", ""), ("2019", " selected")]


def test_each_year_s_pages_hold_its_items_from_one_prepared_query(client):
    """The year filter is sent as its first and last days (news.views.row_filters): every year
    and page from one compiled query, its edges included (31 December, 1 January)."""
    from relacions.news.views import NewsListView
    from relacions.operations.pagecache.counts import _prepared

    for year in (2019, 2020):
        NewsItemFactory(title_en=f"First of {year}", published_on=datetime.date(year, 1, 1))
        NewsItemFactory.create_batch(9, title_en=f"Middle of {year}",
                                     published_on=datetime.date(year, 6, 1))  # fmt: skip
        NewsItemFactory(title_en=f"Last of {year}", published_on=datetime.date(year, 12, 31))
    _prepared.pop(NewsListView, None)
    for year in (2019, 2020):
        first = card_titles(client.get(address("news:list", "en") + f"?year={year}"))
        second = card_titles(client.get(address("news:list", "en") + f"?year={year}&page=2"))
        assert first[0] == f"Last of {year}" and len(first) == 10
        assert second == [f"First of {year}"]
    shapes = _prepared[NewsListView]._shapes
    assert len(shapes) == 1 and None not in shapes.values()


def test_filter_by_network_slug_in_any_language(client):
    network = make_network(1)
    linked = NewsItemFactory()
    linked.networks.add(network)
    NewsItemFactory()

    for slug in (network.slug_en, network.slug_ca):
        response = client.get(address("news:list", "en") + f"?network={slug}")
        assert card_titles(response) == [linked.title_en], slug
        assert f'<option value="{network.slug_en}" selected>' in html(response)


def test_links_to_a_filtered_list_name_the_network_in_their_own_language(client):
    network = make_network(1)
    NewsItemFactory().networks.add(network)
    # Reached by the Catalan slug (the language switcher of the Catalan list keeps the query).
    body = html(client.get(address("news:list", "en") + f"?network={network.slug_ca}"))
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', body)
    assert canonical == [f"http://testserver/en/news/?network={network.slug_en}"]
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w\w)" href="([^"]+)">', body))
    for language in LANGUAGES:
        slug = getattr(network, f"slug_{language}")
        assert (
            alternates[language]
            == f"http://testserver{address('news:list', language)}?network={slug}"
        )


def test_the_language_menu_keeps_the_filters_in_each_language(client):
    """The header is kept for many pages with a slot for each language link
    (relacions.pages.chrome): the link written in it is this list's, filters escaped."""
    network = make_network(1)
    NewsItemFactory(published_on=datetime.date(2020, 5, 5)).networks.add(network)
    body = html(client.get(address("news:list", "en") + f"?year=2020&network={network.slug_en}"))
    menu = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S).group()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', menu))
    assert {language: href for href, language in links.items()} == {
        language: f"{address('news:list', language)}?year=2020&amp;"
        f"network={getattr(network, f'slug_{language}')}"
        for language in ("ca", "es")
    }
    assert "<!--translated-url" not in body


def test_filters_combine_and_pagination_keeps_them(client):
    network = make_network(1)
    for item in NewsItemFactory.create_batch(12, published_on=datetime.date(2020, 5, 5)):
        item.networks.add(network)
    NewsItemFactory(published_on=datetime.date(2020, 6, 6))

    response = client.get(address("news:list", "en") + f"?year=2020&network={network.slug_en}")
    assert len(card_titles(response)) == 10
    assert f"?year=2020&amp;network={network.slug_en}&amp;page=2" in html(response)
    assert "12 news items" in html(response)


def test_the_filter_form_works_without_javascript(client):
    NewsItemFactory()
    body = html(client.get(address("news:list", "en")))
    form = re.search(
        r'<form class="filters" method="get" action="([^"]+)"[^>]*>(.*?)</form>', body, re.S
    )
    assert form.group(1) == address("news:list", "en")
    assert '<label for="id_year">' in form.group(2) and '<label for="id_network">' in form.group(2)
    assert '<button type="submit"' in form.group(2)


def test_only_public_networks_linked_to_public_news_are_offered(client):
    linked, unlinked = make_network(1), make_network(2)
    draft_network = make_network(3, status="draft")
    item = NewsItemFactory()
    item.networks.add(linked, draft_network)
    hidden = NewsItemFactory(status=NewsItem.Status.DRAFT)
    hidden.networks.add(unlinked)

    body = html(client.get(address("news:list", "en")))
    assert f'value="{linked.slug_en}"' in body
    assert f'value="{unlinked.slug_en}"' not in body
    assert f'value="{draft_network.slug_en}"' not in body
    assert draft_network.name_en not in body


# --- Detail ------------------------------------------------------------------------------------


def test_previous_and_next_among_published_items(client):
    older = NewsItemFactory(published_on=datetime.date(2020, 1, 1))
    NewsItemFactory(published_on=datetime.date(2020, 1, 2), status=NewsItem.Status.DRAFT)
    current = NewsItemFactory(published_on=datetime.date(2020, 1, 3))
    newer = NewsItemFactory(published_on=datetime.date(2020, 1, 4), title_en="")

    body = html(client.get(detail_url(current, "en")))
    assert re.search(rf'href="{detail_url(older, "en")}" rel="prev">.*?{older.title_en}', body)
    # Untranslated: its Catalan title, marked as Catalan.
    assert re.search(
        rf'href="{detail_url(newer, "en")}" rel="next">.*?<span lang="ca">{newer.title_ca}', body
    )


def test_related_content_is_linked_and_only_when_public(client):
    network = make_network(1)
    forum = make_forum(network, 1)
    event = make_event(1)
    draft_event = make_event(2, status="draft")
    objective = ObjectiveFactory(code="5.2")
    item = NewsItemFactory()
    item.networks.add(network)
    item.forums.add(forum)
    item.events.add(event, draft_event)
    item.objectives.add(objective)

    body = html(client.get(detail_url(item, "en")))
    with translation.override("en"):
        for obj in (network, forum, event, objective):
            assert f'href="{obj.get_absolute_url()}"' in body, obj
    assert draft_event.title_en not in body
    assert "Contributes to" in body or "contributes to" in body.lower()


def test_the_image_is_responsive_with_alt_text(client, make_image):
    image = make_image(
        2000, 1000, alt_text_ca="Delegació a Leeds", alt_text_en="Delegation in Leeds"
    )
    item = NewsItemFactory(image=image)
    body = html(client.get(detail_url(item, "en")))
    picture = re.search(
        r"<figure class=\"news-article__image\">\s*<picture>(.*?)</picture>", body, re.S
    )
    assert picture, body
    assert 'type="image/webp"' in picture.group(1)
    assert 'alt="Delegation in Leeds"' in picture.group(1)
    assert "480w" in picture.group(1) and "1600w" in picture.group(1)


def json_ld(body: str) -> dict:
    match = re.search(
        r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>', body, re.S
    )
    assert match, "no JSON-LD block with a nonce"
    return json.loads(match.group(1))


def test_news_article_structured_data(client, make_image):
    image = make_image(2000, 1000)
    item = NewsItemFactory(image=image, published_on=datetime.date(2019, 9, 20))
    body = html(client.get(detail_url(item, "es")))
    data = json_ld(body)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == item.title_es
    assert data["datePublished"] == "2019-09-20"
    assert datetime.datetime.fromisoformat(data["dateModified"]) == item.updated_at
    assert data["inLanguage"] == "es"
    assert data["url"] == "http://testserver" + detail_url(item, "es")
    assert data["image"] == ["http://testserver" + image.og_image_url]
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["url"] == "https://www.terrassa.cat/"


def test_structured_data_cannot_be_broken_out_of(client):
    item = NewsItemFactory(title_en='</script><script>alert("x")</script><!--')
    body = html(client.get(detail_url(item, "en")))
    assert json_ld(body)["headline"] == item.title_en
    assert "<script>alert" not in body


def test_open_graph_for_an_article(client, make_image):
    image = make_image(2000, 1000)
    item = NewsItemFactory(image=image, published_on=datetime.date(2019, 9, 20))
    body = html(client.get(detail_url(item, "en")))
    assert '<meta property="og:type" content="article">' in body
    # The same text as the <title> before the site's name.
    assert f'<meta property="og:title" content="{item.title_en} · News">' in body
    assert f"<title>{item.title_en} · News · Terrassa City Council</title>" in body
    assert f'<meta property="og:image" content="http://testserver{image.og_image_url}">' in body
    assert image.og_image_url.endswith("-1600w.jpg")
    assert '<meta property="og:image:width" content="1600">' in body
    assert '<meta property="article:published_time" content="2019-09-20">' in body


def test_pages_advertise_the_feeds(client):
    item = NewsItemFactory()
    for page_url in (address("news:list", "es"), detail_url(item, "es")):
        body = html(client.get(page_url))
        assert 'type="application/rss+xml" title="' in body
        assert f'href="{address("news:rss", "es")}"' in body
        assert f'href="{address("news:atom", "es")}"' in body


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 50])
def test_list_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, count, make_image
):
    image = make_image()
    networks = [make_network(n) for n in range(3)]
    for item in NewsItemFactory.create_batch(count, image=image):
        item.networks.add(*networks)
    # The site's chrome; years, networks (filter form), count, items with their images, items'
    # networks.
    with django_assert_max_num_queries(6):
        response = client.get(address("news:list", "en") + f"?network={networks[0].slug_en}")
    assert len(card_titles(response)) == min(count, 10)


@pytest.mark.parametrize("count", [1, 50])
def test_detail_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, count, make_image
):
    image = make_image()
    items = NewsItemFactory.create_batch(count, image=image)
    item = items[len(items) // 2]
    networks = [make_network(n) for n in range(count)]
    item.networks.add(*networks)
    item.forums.add(*[make_forum(network, n) for n, network in enumerate(networks)])
    item.events.add(*[make_event(n) for n in range(count)])
    item.objectives.add(*ObjectiveFactory.create_batch(count))
    # The site's chrome; item with its image, networks, forums, events, objectives, previous and
    # next together.
    with django_assert_max_num_queries(7):
        response = client.get(detail_url(item, "en"))
    assert response.status_code == 200
    assert html(response).count('<li><a href="/en/') >= 4 * count
