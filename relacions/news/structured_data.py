"""schema.org NewsArticle for a news item's page (https://schema.org/NewsArticle)."""

from django.utils.translation import get_language

from relacions.core.structured_data import city_council

from .models import NewsItem


def news_article(item: NewsItem, *, url: str, image_url: str) -> dict:
    """A schema.org NewsArticle; `url` and `image_url` absolute (the item's picture, or the
    site's default one: search engines show no rich result for an article without an image)."""
    publisher = city_council()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title,
        "image": [image_url],
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
    return data
