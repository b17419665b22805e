"""The news dataset of the open-data page (the `datasets` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    Column,
    Dataset,
    Feed,
    absolute,
    attribute,
    local,
    names,
    only_in_catalan,
)

from .models import NewsItem

NEWS = Dataset(
    order=10,
    slug="news",
    title=_("News"),
    description=_("Every published news item of the service, newest first."),
    queryset=lambda: NewsItem.objects.for_feed(),
    feeds=(Feed("RSS 2.0", "news:rss"), Feed("Atom", "news:atom")),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("title", _("Title"), attribute("title")),
        Column("date", _("Date"), attribute("published_on")),
        Column("summary", _("Summary"), attribute("summary")),
        Column("networks", _("Networks"), lambda item, _b: names(item.networks.all())),
        Column("url", _("Address"), absolute(lambda item: item.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda item, _b: local(item.updated_at)),
        only_in_catalan("title", "summary"),
    ),
)
