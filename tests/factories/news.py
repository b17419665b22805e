"""Factories of the news app."""

import datetime

import factory

from relacions.news.models import NewsItem

from .base import PublishedFactory, translated


class NewsItemFactory(PublishedFactory):
    class Meta:
        model = NewsItem

    locals().update(translated("title", "News {n} {lang}"))
    locals().update(translated("slug", "news-{n}-{lang}"))
    locals().update(translated("summary", "Summary of news {n} in {lang}"))
    locals().update(translated("body", "<p>Body of news {n} in {lang}</p>"))
    # One day apart, oldest first, so "newest first" is the reverse of creation order.
    published_on = factory.Sequence(
        lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
    )
