import pytest
from django.urls import reverse
from django.utils import translation

from relacions.search.models import SearchEntry
from tests.factories import NewsItemFactory


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Every public page reads the site settings."""


def texts(field: str, ca: str, es: str = "", en: str = "") -> dict:
    """`field_ca`, `field_es`, `field_en`; an empty language is left untranslated."""
    return {f"{field}_ca": ca, f"{field}_es": es, f"{field}_en": en}


def news(title: str, **fields):
    """A news item titled `title` in every language."""
    return NewsItemFactory(**(texts("title", title, title, title) | fields))


def found(query: str, language: str = "ca", *, now=None, facet=None) -> list[str]:
    """The titles search finds for `query`, most relevant first."""
    entries = SearchEntry.objects.matching(query, language=language, now=now).of_facet(facet)
    return [entry.title for entry in entries.for_results(query, language=language)]


def search_url(language: str = "ca") -> str:
    with translation.override(language):
        return reverse("search:results")
