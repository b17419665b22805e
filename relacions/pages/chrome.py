"""The site's chrome — settings, main menu and footer pages — for every page, in one query.

`site_chrome(request)` is what the context processor (context_processors.py), the home page and
the news feeds (the office named as the feed's author) read.

Every public page shows the three, so they are read together: the settings row with the pages
the menu and the footer link to (published, top-level menu pages and pages with a role) as a
JSON array beside it. The pages are built from that array with only the fields the chrome reads
(title and slug in each language, role, menu place). Nothing is read if no template asks, and
with FRAGMENT_CACHE the result is kept for the current content generation
(relacions.operations.pagecache), so most pages read none of it from the database.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Q
from django.db.models.functions import JSONObject
from modeltranslation.utils import build_localized_fieldname

from relacions.operations import pagecache

from .models import Page, SiteSettings

CHROME_PAGE_FIELDS = ("id", "key", "parent_id", "show_in_menu", "menu_order")


@dataclass
class Chrome:
    settings: SiteSettings
    pages: list[Page] = field(default_factory=list)

    @property
    def menu_pages(self) -> list[Page]:
        return [page for page in self.pages if page.show_in_menu and page.parent_id is None]

    @property
    def pages_by_key(self) -> dict[str, Page]:
        """Pages with a role on the site by their key ("mission", "legal-notice"…)."""
        return {page.key: page for page in self.pages if page.key}

    @property
    def footer_pages(self) -> dict[str, Page]:
        # Keys with underscores, for templates: footer_pages.legal_notice.
        return {key.replace("-", "_"): page for key, page in self.pages_by_key.items()}


def chrome_pages():
    """The pages the chrome links to, in menu order."""
    return (
        Page.objects.published()
        .filter(Q(show_in_menu=True, parent__isnull=True) | Q(key__isnull=False))
        .order_by("menu_order", "pk")
    )


def _page_fields() -> list[str]:
    translated = [
        build_localized_fieldname(name, language)
        for name in ("title", "slug")
        for language, _name in settings.LANGUAGES
    ]
    return [*CHROME_PAGE_FIELDS, *translated]


def load_chrome() -> Chrome:
    fields = _page_fields()
    # annotate() then values(): modeltranslation's values() with an expression adds every field.
    as_json = chrome_pages().annotate(data=JSONObject(**{name: name for name in fields}))
    as_json = as_json.values("data")
    row = SiteSettings.objects.filter(pk=1).annotate(chrome_pages=ArraySubquery(as_json)).first()
    if row is None:
        # Before the settings are saved for the first time (a GET never writes).
        return Chrome(settings=SiteSettings(pk=1), pages=list(chrome_pages()))
    return Chrome(settings=row, pages=[Page(**data) for data in row.chrome_pages])


def site_chrome(request) -> Chrome:
    """The chrome of this request's page, read once (the view may need it too), and kept in the
    cache until the content changes or a page's schedule comes (FRAGMENT_CACHE)."""
    chrome = getattr(request, "_site_chrome", None)
    if chrome is None:
        chrome = request._site_chrome = pagecache.remember("site-chrome", load_chrome)
    return chrome
