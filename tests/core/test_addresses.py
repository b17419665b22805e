"""Objects' addresses kept per process (relacions.core.addresses): each is the address Django
works out for the language, the script prefix and the arguments of the moment."""

import pytest
from django.urls import NoReverseMatch, set_script_prefix
from django.utils import translation

from relacions.core.addresses import reverse
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_an_address_follows_the_language_and_the_slug():
    # A name no language translates: the same slug in all three.
    item = NewsItemFactory(
        slug_ca="eurocities-2026", slug_es="eurocities-2026", slug_en="eurocities-2026"
    )
    seen = {}
    for _ in range(2):  # asked again: the same answers, each language its own
        for language in ("ca", "es", "en"):
            with translation.override(language):
                seen.setdefault(language, set()).add(item.get_absolute_url())
    assert {language: urls.pop() for language, urls in seen.items() if len(urls) == 1} == {
        "ca": "/ca/actualitat/eurocities-2026/",
        "es": "/es/actualidad/eurocities-2026/",
        "en": "/en/news/eurocities-2026/",
    }
    item.slug_ca = "eurocities-2026-barcelona"
    with translation.override("ca"):
        assert item.get_absolute_url() == "/ca/actualitat/eurocities-2026-barcelona/"


def test_an_address_follows_the_script_prefix():
    with translation.override("ca"):
        assert reverse("news:detail", kwargs={"slug": "x"}) == "/ca/actualitat/x/"
        set_script_prefix("/relacions/")
        try:
            assert reverse("news:detail", kwargs={"slug": "x"}) == "/relacions/ca/actualitat/x/"
        finally:
            set_script_prefix("/")
        assert reverse("news:detail", kwargs={"slug": "x"}) == "/ca/actualitat/x/"


def test_an_address_that_does_not_exist_is_an_error_every_time():
    with translation.override("ca"):
        for _ in range(2):
            with pytest.raises(NoReverseMatch):
                reverse("news:detail", kwargs={"slug": "not a slug"})
