"""The news sections of other apps' pages (the home page), so those apps never import news:

    {% load news_tags %}
    {% featured_news limit=3 %}
    {% latest_news limit=6 skip_featured=3 %}

`latest_news` leaves out the featured items `featured_news` shows (pass the same number), so no
item appears twice. Each tag makes two queries whatever the number of news.
"""

from django import template

from ..models import NewsItem

register = template.Library()


@register.inclusion_tag("news/_featured_news.html")
def featured_news(limit: int = 3):
    return {"items": list(NewsItem.objects.for_listing().featured()[:limit])}


@register.inclusion_tag("news/_latest_news.html")
def latest_news(limit: int = 6, skip_featured: int = 3):
    items = NewsItem.objects.for_listing().without_top_featured(skip_featured)[:limit]
    return {"items": list(items)}
