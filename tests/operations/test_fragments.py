"""Rendered fragments kept under the versions of what they show (pagecache.fragments): served
from the cache while nothing they show changed, never after.

The subjects are the news's card and article (news.fragments); each register's own fragments
have their staleness tests beside its other tests. Every test runs with whole pages not cached
(`fragment_cache`), so each request is rendered, from the fragments it finds.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from relacions.core.signals import content_changed
from relacions.news.models import NewsItem
from relacions.operations.pagecache import fragments, near
from relacions.workflow import preview
from tests.factories import (
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
)
from tests.helpers import signed_in_client, url_of, visit
from tests.workflow.conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

DRAFT = NewsItem.Status.DRAFT


def stored_keys() -> list[str]:
    """What the cache holds, local memory or Redis (with this process's near copies)."""
    backend = fragments.cache_backend()
    if isinstance(backend._cache, dict):  # LocMemCache
        return list(backend._cache)
    copies = near.copies()
    kept = [key.decode() for key in backend._cache.get_client().keys("*")]
    return [*kept, *(copies.entries if copies else ())]


def test_a_list_reads_its_cards_from_the_cache_until_one_changes(client, fragment_renders):
    network = NetworkFactory(name_ca="Xarxa A")
    items = NewsItemFactory.create_batch(3)
    for item in items:
        item.networks.add(network)
    first, _ = visit(client, url_of("news:list"))
    assert fragment_renders == {"news/_card.html": 3}
    again, _ = visit(client, url_of("news:list"))
    assert again == first and fragment_renders == {"news/_card.html": 3}  # none rendered again
    items[0].title_ca = "Títol nou"
    items[0].save()
    changed, _ = visit(client, url_of("news:list"))
    assert "Títol nou" in changed and fragment_renders == {"news/_card.html": 4}  # that card only
    assert changed.count("Xarxa A") == first.count("Xarxa A")


def test_an_item_page_reads_its_article_from_the_cache(client, fragment_renders):
    item = NewsItemFactory(body_ca="<p>Cos de la notícia</p>")
    item.networks.add(NetworkFactory())
    first, first_queries = visit(client, url_of(item))
    again, again_queries = visit(client, url_of(item))
    assert again == first and "Cos de la notícia" in again
    assert fragment_renders == {"news/_article.html": 1}
    # Without the article's four relations (networks, forums, events, objectives).
    assert again_queries <= first_queries - 4


def test_an_item_page_reads_its_article_s_stamp_with_the_item(client, fragment_renders):
    """`with_stamps`: the page's own lookup reads the article's stamp, the one the fragment's
    query gives, so the page sends no stamp query; a change to the item still shows at once."""
    item = NewsItemFactory(body_ca="<p>Abans</p>")
    article = fragments.declared("news.article")
    (read,) = fragments.with_stamps(NewsItem.objects.filter(pk=item.pk), timezone.now(),
                                    "news.article")  # fmt: skip
    assert (
        getattr(read, article.column) == article.stamps([NewsItem.objects.get(pk=item.pk)])[item.pk]
    )
    with CaptureQueriesContext(connection) as queries:
        assert "Abans" in visit(client, url_of(item))[0]
    assert not [query for query in queries if 'AS "fragment_stamp"' in query["sql"]]
    item.body_ca = "<p>Després</p>"
    item.save()
    assert "Després" in visit(client, url_of(item))[0]
    assert fragment_renders == {"news/_article.html": 2}


def test_a_related_object_changed_renamed_or_unpublished_shows_at_once(client):
    network = NetworkFactory(name_ca="Xarxa d'abans")
    forum = ForumFactory(name_ca="Fòrum de cultura")
    event = EventFactory(title_ca="Trobada anual")
    objective = ObjectiveFactory(title_ca="Ciutat oberta")
    item = NewsItemFactory()
    item.networks.add(network)
    item.forums.add(forum)
    item.events.add(event)
    item.objectives.add(objective)
    for page in (url_of(item), url_of("news:list")):
        assert "Xarxa d&#x27;abans" in visit(client, page)[0]
    network.name_ca = "Xarxa d'ara"
    network.save()
    for page in (url_of(item), url_of("news:list")):
        body = visit(client, page)[0]
        assert "Xarxa d&#x27;ara" in body and "abans" not in body
    # A forum's address names its network: a new slug of the network gives the forum a new link.
    forum.network.slug_ca = "xarxa-del-forum-nova"
    forum.network.save()
    assert "/xarxa-del-forum-nova/" in visit(client, url_of(item))[0]
    objective.title_ca = "Ciutat oberta i verda"
    objective.save()
    assert "Ciutat oberta i verda" in visit(client, url_of(item))[0]
    event.status = DRAFT
    event.save()
    assert "Trobada anual" not in visit(client, url_of(item))[0]
    item.events.add(EventFactory(title_ca="Una altra trobada"))
    assert "Una altra trobada" in visit(client, url_of(item))[0]


def test_a_related_object_leaves_when_its_unpublish_at_passes(client):
    leaves_at = timezone.now() + datetime.timedelta(seconds=2)
    network = NetworkFactory(name_ca="Xarxa que marxa", unpublish_at=leaves_at)
    item = NewsItemFactory()
    item.networks.add(network)
    assert "Xarxa que marxa" in visit(client, url_of(item))[0]
    assert "Xarxa que marxa" in visit(client, url_of("news:list"))[0]
    while timezone.now() < leaves_at + datetime.timedelta(milliseconds=50):
        pass
    # No save: the moment alone changes what the public may see, and so the stamp.
    assert "Xarxa que marxa" not in visit(client, url_of(item))[0]
    assert "Xarxa que marxa" not in visit(client, url_of("news:list"))[0]


def test_each_language_and_its_fallback_has_its_own_fragment(client):
    item = NewsItemFactory(title_ca="Títol en català", title_es="", body_es="")
    catalan, _ = visit(client, url_of(item, "ca"))
    spanish, _ = visit(client, url_of(item, "es"))
    assert "Títol en català" in spanish and 'lang="ca"' in spanish  # the fallback, marked
    assert visit(client, url_of(item, "ca"))[0] == catalan
    item.title_es = "Título en castellano"
    item.body_es = "<p>Cuerpo</p>"
    item.save()
    spanish, _ = visit(client, url_of(item, "es"))
    assert "Título en castellano" in spanish and "Cuerpo" in spanish


def test_an_image_changed_or_rebuilt_shows_at_once(client, make_image):
    image = make_image(alt_text_ca="Primera descripció")
    item = NewsItemFactory(image=image)
    assert "Primera descripció" in visit(client, url_of(item))[0]
    image.alt_text_ca = "Segona descripció"
    image.save()
    assert "Segona descripció" in visit(client, url_of("news:list"))[0]
    before = visit(client, url_of(item))[0]
    # Rebuilt renditions: new files, `updated_at` left alone.
    image.rendition_data = [dict(row, file=f"{row['file']}?v2") for row in image.rendition_data]
    image.save(update_fields=["rendition_data"])
    after = visit(client, url_of(item))[0]
    assert after != before and "v2" in after


def test_changes_without_saves_refuse_every_fragment_stored_before(client):
    item = NewsItemFactory(title_ca="Títol desat")
    assert "Títol desat" in visit(client, url_of(item))[0]
    # A data migration or a restored backup: rows written without a save (the version stays).
    NewsItem.objects.filter(pk=item.pk).update(body_ca="<p>Cos reescrit</p>")
    content_changed.send(sender=test_changes_without_saves_refuse_every_fragment_stored_before)
    assert "Cos reescrit" in visit(client, url_of(item))[0]


def test_a_preview_neither_reads_nor_stores_fragments(client, editor):
    item = NewsItemFactory(title_en="As published", body_en="<p>Published body</p>")
    public = url_of(item, "en")
    assert "Published body" in visit(client, public)[0]
    staff = signed_in_client(editor)
    change = reverse("admin:news_newsitem_change", args=(item.pk,))
    data = form_data(staff.get(change), body_en="<p>Only previewed</p>", _preview="en")
    assert "Only previewed" in staff.post(preview.preview_url(item, "en"), data).text
    body = visit(client, public)[0]
    assert "Published body" in body and "Only previewed" not in body


def test_a_draft_seen_through_its_preview_link_is_not_kept(client, editor):
    draft = NewsItemFactory(status=DRAFT, body_en="<p>Draft body</p>")
    staff = signed_in_client(editor)
    assert "Draft body" in staff.get(preview.preview_url(draft, "en")).text
    assert not [key for key in stored_keys() if "news.article" in key]


def test_a_new_release_renders_every_fragment_again(client, monkeypatch, fragment_renders):
    item = NewsItemFactory()
    visit(client, url_of(item))
    visit(client, url_of(item))
    assert fragment_renders == {"news/_article.html": 1}
    monkeypatch.setattr(fragments, "release", lambda: "another-release")
    visit(client, url_of(item))
    assert fragment_renders == {"news/_article.html": 2}


def test_without_the_cache_every_fragment_is_rendered(client, settings):
    settings.FRAGMENT_CACHE = False
    item = NewsItemFactory()
    _, first_queries = visit(client, url_of(item))
    assert visit(client, url_of(item))[1] == first_queries
    assert not stored_keys()


def reads_the_clock(now=None):
    from django.db.models import Prefetch

    from relacions.networks.models import Network

    # Ignores the `now` it is given: published() reads the clock when the query is built.
    return Prefetch("networks", queryset=Network.objects.published())


def test_a_prefetch_that_reads_the_clock_itself_is_refused():
    """The stamp's SQL is compiled once: a moment read then would be every later request's, and
    a network reaching its unpublish_at would never change the stamp."""
    fragment = fragments.Fragment("news/_card.html", prefetch=(reads_the_clock,), name="item")
    with pytest.raises(TypeError, match="reads the clock"):
        fragment.stamps([NewsItemFactory()])
