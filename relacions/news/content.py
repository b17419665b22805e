"""What the news gives the shared features (relacions.core.declaration)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.roles import EDITORS

from . import datasets, fragments, search, sitemaps
from .forms import EVENTS, NETWORKS
from .models import NewsItem

# News shows on a place's page through what it is about: an event held there, a network based
# there, an agreement or a project with a partner there (not on the map: news has no place).
NEWS = PlaceLayer(
    key="news",
    label=_("News"),
    queryset=lambda now=None: NewsItem.objects.published(now),
    place=(
        "events__location",
        "networks__seat",
        "agreements__partners__place",
        "projects__partners__place",
    ),
    title=lambda item: item.title,
    date=lambda item: item.published_on,
    url=lambda item: item.get_absolute_url(),
    describe=lambda item: item.title,
    on_map=False,
    order=50,
)


def _news_list(**filters):
    """year → the news list of that year with these filters."""
    return lambda year: f"{reverse('news:list')}?{urlencode({'year': year, **filters})}"


# The public items dated in the year (their `published_on`, the date the list shows and its year
# filter reads); of those, the ones linked to a public network or forum, and to a public event.
REPORT = ReportArea(
    key="news",
    label=_("News"),
    order=50,
    indicators=(
        Indicator(
            key="news.published",
            label=_("News published"),
            records=lambda year: NewsItem.objects.published().in_year(year),
            url=_news_list(),
        ),
        Indicator(
            key="news.networks",
            label=_("News about networks and forums"),
            records=lambda year: NewsItem.objects.published().in_year(year).about_networks(),
            url=_news_list(about=NETWORKS),
        ),
        Indicator(
            key="news.events",
            label=_("News about events"),
            records=lambda year: NewsItem.objects.published().in_year(year).about_events(),
            url=_news_list(about=EVENTS),
        ),
    ),
)

content = Content(
    urls=(_("news/"), "relacions.news.urls"),
    roles={
        EDITORS: (
            "news.add_newsitem",
            "news.change_newsitem",
            "news.view_newsitem",
            "news.delete_newsitem",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        Timeline(NewsItem, pgettext_lazy("objective timeline", "News"), date="published_on"),
    ),
    datasets=(datasets.NEWS,),
    fragments={
        "card": fragments.CARD,
        "plain-card": fragments.PLAIN_CARD,
        "article": fragments.ARTICLE,
    },
    places=(NEWS,),
    report=REPORT,
    demo="demo.yaml",
)
