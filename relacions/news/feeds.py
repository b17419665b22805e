"""RSS 2.0 and Atom feeds of the news, one per language (the URL's language prefix).

Django's syndication framework gives the feed the active language (`language = None`) and makes
every link absolute with the request's host. An item with no text in that language shows the
Catalan text, says so at the end of its description and is marked as Catalan (Atom's `xml:lang`
on the entry; Dublin Core's `dc:language` in RSS, whose items have no language of their own).
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from relacions.core.fallback import fallback_fields
from relacions.pages.chrome import site_chrome

from .models import NewsItem

ITEMS = 20
# Tag URIs (RFC 4151) need a domain the publisher owns and a date it owned it on. They never
# change when an item's title, slug or date is edited, nor with the host the site is served from.
GUID_AUTHORITY = "terrassa.cat,2025"
# The translated fields an entry shows.
SHOWN = ("title", "summary")
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class CatalanMarkedRss(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("text_language"):
            handler.addQuickElement("dc:language", item["text_language"])


class CatalanMarkedAtom(Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("text_language"):
            attributes["xml:lang"] = item["text_language"]
        return attributes


@dataclass(frozen=True)
class Author:
    """Who writes the news: the office, as the site settings name it."""

    name: str
    email: str
    link: str


class NewsRssFeed(Feed):
    url_name = "news:rss"
    feed_type = CatalanMarkedRss
    title = _("News of the European and International Relations Service · Terrassa City Council")
    description = _(
        "The latest news of Terrassa City Council's European and International Relations Service."
    )
    item_guid_is_permalink = False

    def get_object(self, request, *args, **kwargs):
        # The feed's author (RFC 4287 wants one on the feed when its entries have none). Read
        # here because only here is there a request: the feed object is shared by every thread.
        office = site_chrome(request).settings
        return Author(
            name=office.office_name or gettext("Terrassa City Council"),
            email=office.email,
            link=request.build_absolute_uri(reverse("pages:home")),
        )

    def author_name(self, author):
        return author.name

    def author_email(self, author):
        return author.email or None

    def author_link(self, author):
        return author.link

    def link(self):
        return reverse("news:list")

    def feed_url(self):
        return reverse(self.url_name)

    def feed_copyright(self):
        return gettext("Terrassa City Council")

    def items(self):
        return NewsItem.objects.for_feed()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if not fallback_fields(item, SHOWN):
            return item.summary
        notice = f"({gettext('This text is only available in Catalan.')})"
        return f"{item.summary} {notice}" if item.summary else notice

    def item_extra_kwargs(self, item):
        if not fallback_fields(item, SHOWN):
            return {}
        return {"text_language": settings.LANGUAGE_CODE}

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        # Each language's feed has its own text for the item, so its own entry.
        return f"tag:{GUID_AUTHORITY}:relacions/news/{item.pk}/{get_language()}"

    def item_pubdate(self, item):
        # The article's date, at the start of that day in the site's time zone.
        return timezone.make_aware(datetime.combine(item.published_on, time.min))

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(network) for network in item.networks.all()]


class NewsAtomFeed(NewsRssFeed):
    url_name = "news:atom"
    feed_type = CatalanMarkedAtom

    def subtitle(self):
        return self.description
