"""Signed, expiring preview links: the public page of a draft (or of a form not yet saved), only
for staff who may change the object, never cached or indexed."""

import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from relacions.news.models import NewsItem
from relacions.workflow import preview
from tests.factories import (
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    PageFactory,
    PlanFactory,
)
from tests.helpers import signed_in_client

from .conftest import form_data

pytestmark = pytest.mark.django_db

DRAFT = NewsItem.Status.DRAFT


@pytest.fixture
def draft():
    return NewsItemFactory(status=DRAFT, title_ca="Esborrany", title_es="Borrador")


def test_the_change_form_links_a_preview_per_language(editor, draft):
    page = signed_in_client(editor).get(reverse("admin:news_newsitem_change", args=(draft.pk,)))
    links = [url for _code, _name, url in page.context["preview_links"]]
    assert len(links) == 3
    for url in links:
        assert f'href="{url}"' in page.content.decode()


def test_the_preview_renders_the_public_template_in_the_chosen_language(editor, draft):
    response = signed_in_client(editor).get(preview.preview_url(draft, "es"))
    assert response.status_code == 200
    assert "news/newsitem_detail.html" in [t.name for t in response.templates]
    body = response.content.decode()
    assert "<h1" in body and "Borrador" in body
    assert 'class="preview-notice"' in body
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_the_draft_is_not_public_even_for_staff(editor, draft):
    """One way of previewing: the public address of a draft is a 404 for everyone."""
    assert signed_in_client(editor).get(draft.get_absolute_url()).status_code == 404


def test_anonymous_visitors_are_sent_to_the_log_in(client, draft):
    response = client.get(preview.preview_url(draft, "ca"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_without_permission_to_change_it_are_refused(network_admin, draft):
    assert signed_in_client(network_admin).get(preview.preview_url(draft, "ca")).status_code == 403


def test_an_expired_link_is_refused(editor, draft, monkeypatch, settings):
    settings.PREVIEW_LINK_MAX_AGE = 3600
    url = preview.preview_url(draft, "ca")
    client = signed_in_client(editor)
    assert client.get(url).status_code == 200
    later = time.time() + 3601
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.get(url).status_code == 403


def test_a_tampered_link_is_refused(editor, draft):
    other = NewsItemFactory(status=DRAFT)
    token = preview.make_token(draft, "ca")
    value, stamp, signature = token.rsplit(":", 2)
    forged = preview.make_token(other, "ca").rsplit(":", 2)[0] + f":{stamp}:{signature}"
    url = reverse("workflow:preview", args=(forged,))
    assert signed_in_client(editor).get(url).status_code == 403
    assert (
        signed_in_client(editor).get(reverse("workflow:preview", args=("nonsense",))).status_code
        == 403
    )


def test_the_unsaved_form_is_previewed_without_saving_it(editor, draft):
    client = signed_in_client(editor)
    change = reverse("admin:news_newsitem_change", args=(draft.pk,))
    data = form_data(client.get(change), title_en="Not saved yet", _preview="en")
    response = client.post(preview.preview_url(draft, "en"), data)
    assert response.status_code == 200
    assert "Not saved yet" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    draft.refresh_from_db()
    assert draft.title_en != "Not saved yet"


def test_the_unsaved_form_shows_its_relations_and_keeps_none(editor, draft):
    kept = NetworkFactory(name_en="Kept network")
    draft.networks.add(kept)
    ticked = NetworkFactory(name_en="Ticked network")
    client = signed_in_client(editor)
    change = reverse("admin:news_newsitem_change", args=(draft.pk,))
    data = form_data(client.get(change), title_en="Not saved yet", _preview="en")
    data["networks"] = [str(ticked.pk)]  # the kept one unticked, another ticked

    body = client.post(preview.preview_url(draft, "en"), data).content.decode()

    assert "Not saved yet" in body
    assert "Ticked network" in body and "Kept network" not in body
    draft.refresh_from_db()
    assert draft.title_en != "Not saved yet"
    assert list(draft.networks.all()) == [kept]


def test_an_invalid_form_is_still_previewed_with_what_it_has(editor, draft):
    client = signed_in_client(editor)
    change = reverse("admin:news_newsitem_change", args=(draft.pk,))
    data = form_data(client.get(change), title_en="Half written", _preview="en")
    data["published_on"] = "not a date"

    response = client.post(preview.preview_url(draft, "en"), data)

    assert response.status_code == 200
    assert "Half written" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title_en != "Half written"


@pytest.mark.parametrize(
    "make",
    [
        lambda: PageFactory(status=DRAFT, title_ca="Pàgina esborrany"),
        lambda: EventFactory(status=DRAFT, title_ca="Acte esborrany"),
        lambda: NetworkFactory(status=DRAFT, name_ca="Xarxa esborrany"),
        lambda: ForumFactory(status=DRAFT, name_ca="Fòrum esborrany"),
        lambda: PlanFactory(status=DRAFT, title_ca="Pla esborrany"),
    ],
    ids=["page", "event", "network", "forum", "plan"],
)
def test_every_content_type_with_a_page_can_be_previewed(administrator, make):
    obj = make()
    response = signed_in_client(administrator).get(preview.preview_url(obj, "ca"))
    assert response.status_code == 200
    assert "esborrany" in response.content.decode()
    assert "noindex" in response["X-Robots-Tag"]


def test_a_previewed_form_leaves_the_cached_public_page_alone(
    editor, client, settings, django_assert_num_queries
):
    """The preview's save is rolled back: it raises no generation and drops nothing cached, so
    the next visitor still gets the page from the cache, without a query."""
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_LEASE_SECONDS = 1
    item = NewsItemFactory(title_en="As published")
    with translation.override("en"):
        address = item.get_absolute_url()
    staff = signed_in_client(editor)
    change = reverse("admin:news_newsitem_change", args=(item.pk,))
    # (Opening the change form makes the image's thumbnails, a change of the image library.)
    data = form_data(staff.get(change), title_en="Only previewed", _preview="en")
    settings.PAGE_CACHE_LEASE_SECONDS = 60  # the copy read next outlives the test
    assert client.get(address)["X-Page-Cache"] == "miss"
    assert client.get(address)["X-Page-Cache"] == "hit"

    assert "Only previewed" in staff.post(preview.preview_url(item, "en"), data).text

    with django_assert_num_queries(0):
        again = client.get(address)
    assert again["X-Page-Cache"] == "hit"
    assert "As published" in again.text and "Only previewed" not in again.text
