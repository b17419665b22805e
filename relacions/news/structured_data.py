"""schema.org data for a news item's page, serialised to be safe inside a <script> element."""

import json

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from .models import NewsItem

CITY_COUNCIL_URL = "https://www.terrassa.cat/"
# What json_script escapes: "</script>" or "<!--" in a title cannot end or comment out the block.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def news_article(item: NewsItem, *, url: str, image_url: str = "") -> dict:
    """A schema.org NewsArticle; `url` and `image_url` absolute."""
    publisher = {
        "@type": "GovernmentOrganization",
        "name": gettext("Terrassa City Council"),
        "url": CITY_COUNCIL_URL,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "datePublished": item.published_on.isoformat(),
        "dateModified": item.updated_at.isoformat(),
        "inLanguage": get_language(),
        "url": url,
        "mainEntityOfPage": url,
        "author": publisher,
        "publisher": publisher,
    }
    if item.summary:
        data["description"] = item.summary
    if image_url:
        data["image"] = [image_url]
    return data


def to_script(data: dict) -> SafeString:
    """JSON for `<script type="application/ld+json">`, with `<`, `>` and `&` escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308
