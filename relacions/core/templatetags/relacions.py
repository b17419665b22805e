"""Template tags shared by every public page: language switching and translation fallbacks."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import format_html
from modeltranslation.utils import build_localized_fieldname

from relacions.core.catalan import elide_if_catalan

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
    """` lang="ca"` when `obj.field` has no text in the active language and shows the fallback.

    Use it on the element that shows the field: `<h1{% fallback_lang page "title" %}>`.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return ""
    if getattr(obj, build_localized_fieldname(field, language), None):
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag
def is_fallback(obj, field: str) -> bool:
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return False
    return not getattr(obj, build_localized_fieldname(field, language), None)


@register.filter
def page_range(page) -> list:
    """The page numbers a list's pagination links to: the first and last two, two on each side
    of `page`, and `Paginator.ELLIPSIS` for each gap."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2))


@register.filter(is_safe=True)
def elide(value: str) -> str:
    """Generated text with Catalan elision ("d'EUROCITIES", "l'1 d'octubre") on Catalan pages:
    for a translation joined to a name or a date, e.g. `{% filter elide %}…{% endfilter %}`."""
    return elide_if_catalan(value)
