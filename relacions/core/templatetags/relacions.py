"""Template tags shared by every public page (language switching and translation fallbacks) and
the admin's amounts of money."""

import html
import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from relacions.core import money
from relacions.core.catalan import elide_if_catalan

from ..fallback import fallback_fields, shows_fallback

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """This page's address in `language`: the same object (by its slug in that language) or the
    same view with the same arguments; the home page of that language when neither applies.
    Of the query string it keeps what the view reads (`_page_query`)."""
    request = context.get("request")
    obj = context.get("object")
    # Asked up to seven times a page (the canonical and alternate links, the language menu) for
    # three addresses: each worked out once per request.
    known = getattr(request, "_translated_urls", None)
    if known is None and request is not None:
        known = request._translated_urls = {}
    key = (language, id(obj))
    if known is not None and key in known:
        return known[key]
    url = _translated_url(context, request, obj, language)
    if known is not None:
        known[key] = url
    return url


def page_origin(request) -> str:
    """`scheme://host` of this request (the host checked against ALLOWED_HOSTS), worked out
    once per request: every page's head writes it several times."""
    origin = getattr(request, "_page_origin", None)
    if origin is None:
        origin = request._page_origin = f"{request.scheme}://{request.get_host()}"
    return origin


@register.simple_tag(takes_context=True, name="page_origin")
def page_origin_tag(context) -> str:
    return page_origin(context["request"])


# Open Graph's names of the site's languages (og:locale).
OG_LOCALES = {"ca": "ca_ES", "es": "es_ES", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def language_links(context) -> str:
    """The page's canonical address, its address in each language (hreflang) and the one for
    any other language (x-default: Catalan), for search engines (templates/base.html). Written
    here rather than by a template loop, as `social_meta` is: every page has them, and the loops
    were a fifth of the time of the cheapest page; joined as text (escaped by `_html`), not by
    format_html, which took five times as long."""
    origin = _html(page_origin(context["request"]))

    def href(language: str) -> str:
        return f'href="{origin}{_html(translated_url(context, language))}"'

    links = [f'<link rel="canonical" {href(translation.get_language())}>']
    for code, _name in settings.LANGUAGES:
        links.append(f'<link rel="alternate" hreflang="{code}" {href(code)}>')
    links.append(f'<link rel="alternate" hreflang="x-default" {href(settings.LANGUAGE_CODE)}>')
    return mark_safe("\n  ".join(links))


@register.simple_tag(takes_context=True)
def social_meta(context) -> str:
    """The Open Graph and Twitter card tags every page shares (templates/base.html; pages add
    their own in its og_extra block): the site's name, the page's canonical address, its
    language and the others it is in, and the card's kind — large when the view gives the page
    an image (`og_image_url`)."""
    current = translation.get_language()
    site_settings = context.get("site_settings")
    office_name = site_settings.office_name if site_settings is not None else ""
    url = f"{page_origin(context['request'])}{translated_url(context, current)}"
    tags = [
        f'<meta property="og:site_name" content="{_html(office_name)}">',
        f'<meta property="og:url" content="{_html(url)}">',
    ]
    for code, _name in settings.LANGUAGES:
        kind = "og:locale" if code == current else "og:locale:alternate"
        tags.append(f'<meta property="{kind}" content="{OG_LOCALES.get(code, code)}">')
    card = "summary_large_image" if context.get("og_image_url") else "summary"
    tags.append(f'<meta name="twitter:card" content="{card}">')
    return mark_safe("\n  ".join(tags))


def _translated_url(context, request, obj, language: str) -> str:
    with translation.override(language):
        if obj is not None and hasattr(obj, "get_absolute_url"):
            url = obj.get_absolute_url()
        else:
            url = _reverse_current(request)
        query = _page_query(context.get("view"), request, language)
        if query and url:
            url = f"{url}?{query}"
        return url or reverse("pages:home")


def _page_query(view, request, language: str) -> str:
    """The query parameters that change what the page shows: those the view names in
    `query_parameters`, and the page number of a paginated list after the first. Anything else
    (a tracking tag, an empty filter, a parameter the view never reads) shows the same page, so
    it stays out of the canonical address and the language links, which would otherwise make a
    second copy of the page for search engines. A view's `localise_query(query, language)`
    gives the values as the page in `language` names them (a slug in that language)."""
    if view is None or request is None:
        return ""
    names = list(getattr(view, "query_parameters", ()))
    if getattr(view, "paginate_by", None):
        names.append("page")
    kept = {}
    for name in names:
        value = request.GET.get(name, "")
        if value and not (name == "page" and value == "1"):
            kept[name] = value
    localise = getattr(view, "localise_query", None)
    if localise is not None:
        kept = localise(kept, language)
    return urlencode(kept)


@register.simple_tag
def select_options(choices, selected=None) -> str:
    """The `<option>`s of a list's filter: each choice's value and label, the one whose value is
    `selected` (compared as text; None as the empty choice, "all") marked `selected`. Written
    here rather than by a template loop: a filter may offer hundreds of choices (the news's
    objectives, the agreements' countries), and the loop was a large part of a list page's
    rendering; joined as text, not by format_html_join, which took 14 times as long."""
    chosen = "" if selected is None else str(selected)
    return mark_safe(
        "".join(
            f'<option value="{_html(value)}"{" selected" if str(value) == chosen else ""}>'
            f"{_html(label)}</option>"
            for value, label in choices
        )
    )


def _html(value) -> str:
    """`value` as HTML text: escaped, unless it is HTML already (as conditional_escape does)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|td|th|dd|dt)>|<br\s*/?>", re.IGNORECASE)


@register.simple_tag
def meta_text(*values, limit: int = 160) -> str:
    """The text of a page's description (`<meta name="description">`, `og:description`): the
    first of `values` with any text, as plain text (rich text's tags stripped, its paragraphs
    apart, its entities read: "R&amp;D" is "R&D", escaped once when written), its spaces
    collapsed, cut at a word to at most `limit` characters with "…" (`shorten`). Every detail
    page's head wrote its description twice; `striptags|truncatechars` ran paragraphs together,
    escaped rich text's entities a second time, and went through the text character by
    character."""
    for value in values:
        text = str(value or "")
        if "<" in text:
            # A paragraph's, a list item's or a line's end is a space between its words and
            # the next ("Porto.</p><p>Les" is "Porto. Les"); other tags are only dropped.
            text = strip_tags(BLOCK_END.sub(" ", text))
        if "&" in text:
            text = html.unescape(text)
        if text.strip():
            return shorten(text, limit)
    return ""


TITLE_LIMIT = 65
TITLE_SEPARATOR = " · "


@register.simple_tag
def page_title(title, section="") -> str:
    """A page's title before the site's name: `title · section`, at most TITLE_LIMIT characters
    (what search results show), the title cut at a word with an ellipsis when it is longer.
    The section tells apart an event and a news item of the same name."""
    suffix = f"{TITLE_SEPARATOR}{shorten(str(section), TITLE_LIMIT // 2)}" if section else ""
    return shorten(str(title), TITLE_LIMIT - len(suffix)) + suffix


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut after the last whole word that fits, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]  # one more than fits with the ellipsis: a space there ends a whole word
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    else:
        cut = cut[: limit - 1]
    return cut.rstrip(" ,;:.-–—") + "…"


def _reverse_current(request) -> str | None:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return None
    try:
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None


@register.simple_tag
def fallback_lang(obj, field: str) -> str:
    """` lang="ca"` when `obj.field` shows the Catalan text because the active language has none.

    Use it on the element that shows the field: `<h1{% fallback_lang page "title" %}>`.
    """
    if not shows_fallback(obj, field):
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag
def fallback_notice(obj, *fields: str) -> str:
    """The page's notice that some of its text is only in Catalan, when any of `obj`'s `fields`
    (those the page shows) falls back. Put it before the object's text."""
    if not fallback_fields(obj, fields):
        return ""
    return render_to_string("includes/_fallback_notice.html")


@register.simple_tag
def fallback_note(obj, *fields: str) -> str:
    """A short note beside a related item (a working group, a progress update…) whose `fields`
    show Catalan text; in the page's language, so it carries that language's `lang`."""
    if not fallback_fields(obj, fields):
        return ""
    return render_to_string(
        "includes/_fallback_note.html", {"language": translation.get_language()}
    )


@register.filter
def page_range(page) -> list:
    """The page numbers a list's pagination links to: the first and last two, two on each side
    of `page`, and `Paginator.ELLIPSIS` for each gap."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2))


@register.filter
def euros(amount) -> str:
    """`amount` as the active language writes money: 1.234,50 € (relacions.core.money)."""
    return money.euros(amount)


@register.filter(is_safe=True)
def elide(value: str) -> str:
    """Generated text with Catalan elision ("d'EUROCITIES", "l'1 d'octubre") on Catalan pages:
    for a translation joined to a name or a date, e.g. `{% filter elide %}…{% endfilter %}`."""
    return elide_if_catalan(value)
