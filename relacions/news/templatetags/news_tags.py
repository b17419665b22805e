"""The news sections of other apps' pages (the home page), so those apps never import news:

    {% load news_tags %}
    {% featured_news limit=3 %}
    {% latest_news limit=6 skip_featured=3 %}

`latest_news` leaves out the featured items `featured_news` shows (pass the same number), so no
item appears twice. Each tag makes one query whatever the number of news: compiled once per
number of items (relacions.core.prepared), with the stamps of the cards it shows.
"""

import datetime
import functools

from django import template
from django.utils import timezone

from relacions.core.prepared import Prepared
from relacions.operations.pagecache.fragments import with_stamps

from ..models import NewsItem

register = template.Library()

MAX_LIMIT = 12


def _limit(value) -> int:
    return max(1, min(int(value), MAX_LIMIT))


@functools.cache
def _featured(limit: int) -> Prepared:
    return Prepared(
        lambda now: with_stamps(
            NewsItem.objects.for_listing(now).featured(), now, "news.plain-card"
        )[:limit],
        now=datetime.datetime,
    )


@functools.cache
def _latest(limit: int, skip_featured: int) -> Prepared:
    return Prepared(
        lambda now: with_stamps(
            NewsItem.objects.for_listing(now).without_top_featured(skip_featured, now),
            now,
            "news.plain-card",
        )[:limit],
        now=datetime.datetime,
    )


@register.inclusion_tag("news/_featured_news.html")
def featured_news(limit: int = 3):
    return {"items": _featured(_limit(limit)).fetch(now=timezone.now())}


@register.inclusion_tag("news/_latest_news.html")
def latest_news(limit: int = 6, skip_featured: int = 3):
    prepared = _latest(_limit(limit), max(0, min(int(skip_featured), MAX_LIMIT)))
    return {"items": prepared.fetch(now=timezone.now())}
