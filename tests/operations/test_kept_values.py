"""Values kept with the content generation (relacions.operations.pagecache.remember) outlive a
change of what they did not read, and never one of what they did: the tables their queries read,
those of the kept values they used, and an object given to them (`kept_for`)."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from relacions.core.signals import content_changed
from relacions.events.models import Event
from relacions.news.models import NewsItem
from relacions.operations.models import PageCacheGeneration
from relacions.operations.pagecache import current_generation, remember
from relacions.operations.pagecache.fragments import kept_for
from relacions.operations.pagecache.generation import _drop_copy as drop_copy
from relacions.operations.pagecache.generation import renew_lease
from tests.factories import EventFactory, NewsItemFactory
from tests.helpers import url_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]


class Counted:
    """A value's computation, counted: how many times the cache asked for it."""

    def __init__(self, compute):
        self.compute, self.calls = compute, 0

    def __call__(self):
        self.calls += 1
        return self.compute()


def event_titles() -> list[str]:
    return sorted(Event.objects.published().values_list("title_ca", flat=True))


def test_a_kept_value_outlives_a_change_of_what_it_did_not_read_only():
    EventFactory(title_ca="Fòrum de cultura")
    titles = Counted(event_titles)
    assert remember("test:events", titles) == ["Fòrum de cultura"]
    generation = current_generation()

    with transaction.atomic():
        NewsItemFactory(title_ca="Una notícia")  # another table: the value is still good
    assert current_generation() != generation  # (the pages are stale: they may show it)
    assert remember("test:events", titles) == ["Fòrum de cultura"] and titles.calls == 1

    EventFactory(title_ca="Jornada d'estudi")  # what it read: computed again
    assert remember("test:events", titles) == ["Fòrum de cultura", "Jornada d'estudi"]
    assert titles.calls == 2

    Event.objects.filter(title_ca="Jornada d'estudi").delete()
    assert remember("test:events", titles) == ["Fòrum de cultura"] and titles.calls == 3


def test_a_relation_linked_counts_as_a_change_of_what_was_read():
    event, item = EventFactory(), NewsItemFactory()
    linked = Counted(
        lambda: list(NewsItem.objects.filter(events=event).values_list("pk", flat=True))
    )
    assert remember("test:linked", linked) == []
    item.events.add(event)  # only the link's table changes
    assert remember("test:linked", linked) == [item.pk] and linked.calls == 2


def test_a_value_that_used_a_kept_value_follows_what_that_one_read():
    EventFactory(title_ca="Fòrum de cultura")
    assert remember("test:events", event_titles) == ["Fòrum de cultura"]
    # Computed while the inner value is kept: it sends no query of its own for the events.
    outer = Counted(lambda: [title.upper() for title in remember("test:events", event_titles)])
    with CaptureQueriesContext(connection) as queries:
        assert remember("test:outer", outer) == ["FÒRUM DE CULTURA"]
    assert not [q for q in queries.captured_queries if "events_event" in q["sql"]]

    NewsItemFactory()
    assert remember("test:outer", outer) == ["FÒRUM DE CULTURA"] and outer.calls == 1
    EventFactory(title_ca="Jornada d'estudi")
    assert remember("test:outer", outer) == ["FÒRUM DE CULTURA", "JORNADA D'ESTUDI"]


def test_a_value_kept_for_an_object_follows_the_object_it_was_given():
    item = NewsItemFactory(title_ca="Títol d'abans")
    # What it shows was read before it, with the object: no query of its own.
    assert kept_for(item, "test:title", lambda: item.title_ca) == "Títol d'abans"
    EventFactory()
    assert kept_for(item, "test:title", lambda: "computed again") == "Títol d'abans"
    changed = NewsItem.objects.get(pk=item.pk)
    changed.title_ca = "Títol nou"
    changed.save()
    assert kept_for(changed, "test:title", lambda: changed.title_ca) == "Títol nou"


def test_a_change_made_without_signals_drops_every_kept_value():
    EventFactory(title_ca="Fòrum de cultura")
    titles = Counted(event_titles)
    remember("test:events", titles)
    # As a data migration or a bulk write: the rows change behind the models' signals.
    Event.objects.update(title_ca="Fòrum de cultura 2027")
    content_changed.send(sender=test_a_change_made_without_signals_drops_every_kept_value)
    assert remember("test:events", titles) == ["Fòrum de cultura 2027"] and titles.calls == 2


def test_after_a_news_item_is_published_the_agenda_reads_only_what_changed(client):
    """The agenda's link to the archive's latest year, its count and the site's header are not
    read again for a news item: the page sends its own query only, as before the change. They
    are for an event."""
    EventFactory(start=timezone.now() - datetime.timedelta(days=400), title_ca="Antic")
    agenda = url_of("events:list")

    def sent() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(agenda).status_code == 200
        return [q["sql"] for q in queries.captured_queries if "pagecachegeneration" not in q["sql"]]

    first = sent()
    steady = sent()
    assert len(first) > len(steady)  # the kept values, read once
    NewsItemFactory()
    after_news = sent()
    assert not [sql for sql in after_news if "pages_sitesettings" in sql]  # the header's read
    assert len(after_news) == len(steady)
    # An event of a later year in the archive: the agenda's link to it follows at once.
    newer = EventFactory(start=timezone.now() - datetime.timedelta(days=2), title_ca="Recent")
    after_event = sent()
    assert len(after_event) > len(after_news)
    archive = reverse("events:past", kwargs={"year": timezone.localtime(newer.start).year})
    assert f'href="{archive}"' in client.get(agenda).text


@pytest.mark.parametrize("then", ["read", "raised"])
def test_after_the_generation_s_rows_are_gone_nothing_kept_before_is_trusted(then):
    """A truncated table (or a restore that lost its rows) starts again from the clock, with no
    row saying which tables changed: every value kept before is computed again, whether the
    next request finds no row (read) or a save writes the first one (raised)."""
    EventFactory(title_ca="Fòrum de cultura")
    remember("test:events", event_titles)
    Event.objects.update(title_ca="Fòrum de cultura 2027")  # behind the signals' back
    PageCacheGeneration.objects.all().delete()
    if then == "read":
        drop_copy()  # as when the lease's copies have run out, here and in the cache
        assert renew_lease() is not None
    else:
        NewsItemFactory()
    assert remember("test:events", event_titles) == ["Fòrum de cultura 2027"]
