"""Template tags shared by every public page: language switching and translation fallbacks."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html

from ..fallback import fallback_fields, shows_fallback

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_url(context, language: str) -> str:
    """This page's address in `language`: the same object (by its slug in that language) or the
    same view with the same arguments; the home page of that language when neither applies."""
    request = context.get("request")
    obj = context.get("object")
    with translation.override(language):
        if obj is not None and hasattr(obj, "get_absolute_url"):
            url = obj.get_absolute_url()
        else:
            url = _reverse_current(request)
        if request is not None and request.GET and url:
            url = f"{url}?{request.GET.urlencode()}"
        return url or reverse("pages:home")


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
