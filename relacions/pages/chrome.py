"""The site's chrome — settings, main menu and footer pages — for every page, in one query; and
the header and footer it makes, rendered once for many pages (`rendered_chrome`).

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
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from relacions.core.templatetags.relacions import translated_url
from relacions.operations import pagecache
from relacions.operations.pagecache import fragments

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
        chrome, tables = pagecache.remember_noted("site-chrome", load_chrome)
        request._site_chrome, request._site_chrome_tables = chrome, tables
    else:
        # A kept value that uses it read it too (the header kept for a section: pagecache.note).
        pagecache.note(request._site_chrome_tables)
    return chrome


# --- The chrome as HTML -----------------------------------------------------------------------

CHROME_TEMPLATES = {"header": "includes/_site_header.html", "footer": "includes/_site_footer.html"}
LANGUAGE_SWITCHER = "includes/_language_switcher.html"


def _url_slot(language: str) -> str:
    """Where the language menu's link to `language` goes in the kept header: that link is this
    page's own address in `language`, filled in per request (`chrome_part`)."""
    return f"<!--translated-url:{language}-->"


def rendered_chrome(context) -> dict[str, SafeString]:
    """The header and the footer of this request's page, rendered once per language, section of
    the site (the menu marks it), current menu page and year, and kept (with FRAGMENT_CACHE) for
    the content generation and the release: most pages only fill in the language menu's links."""
    request = context["request"]
    parts = getattr(request, "_rendered_chrome", None)
    if parts is not None:
        return parts

    def render() -> dict[str, SafeString]:
        slots = [(code, mark_safe(_url_slot(code))) for code, _name in settings.LANGUAGES]
        with context.push(language_links=slots):
            switcher = get_template(LANGUAGE_SWITCHER).template.render(context)
        with context.push(language_switcher=switcher):
            return {
                name: mark_safe(get_template(template).template.render(context))
                for name, template in CHROME_TEMPLATES.items()
            }

    if fragments.enabled():
        parts = pagecache.remember(_chrome_name(context), render)
    else:
        parts = render()  # a preview: its menu and settings are the rolled-back ones
    request._rendered_chrome = parts
    return parts


def _chrome_name(context) -> str:
    """What the chrome's text depends on besides the content and the release."""
    request = context["request"]
    match = request.resolver_match
    page = context.get("page")
    # The menu marks the page shown only if it is in the menu: every other page shares one.
    in_menu = isinstance(page, Page) and page.pk in {p.pk for p in site_chrome(request).menu_pages}
    current_page = page.pk if in_menu else ""
    year = timezone.localdate().year  # the footer's "© year"
    view = match.view_name if match else ""
    return f"chrome:{fragments.release()}:{get_language()}:{view}:{current_page}:{year}"


def chrome_part(context, name: str) -> SafeString:
    part = rendered_chrome(context)[name]
    for code, _name in settings.LANGUAGES:
        slot = _url_slot(code)
        if slot in part:
            part = part.replace(slot, escape(translated_url(context, code)))
    return mark_safe(part)
