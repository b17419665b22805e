"""Objects' addresses (`get_absolute_url`): Django's `reverse()`, each answer kept for the life of
the process.

A page asks for its object's address up to seven times (the canonical and hreflang links in
three languages, Open Graph, schema.org data, the links to its neighbours) and `reverse()` works
each out afresh: about 20 µs, a tenth of the time of the cheapest page's head. An address depends
only on its arguments and on what is fixed per request — the active language (the URL's prefix
and translated segments), the script prefix and the URL configuration — so those are part of the
key. At most MAX_KEPT addresses, the least recently asked for forgotten first; an address that
does not exist (NoReverseMatch) is never kept.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language

MAX_KEPT = 8192


@functools.lru_cache(maxsize=MAX_KEPT)
def _reverse(viewname: str, args: tuple, kwargs: tuple, language, prefix: str, urlconf) -> str:
    return django_reverse(viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs))


def reverse(viewname: str, args=None, kwargs=None) -> str:
    """`django.urls.reverse(viewname, args=args, kwargs=kwargs)`, kept."""
    key_args = tuple(args or ())
    key_kwargs = tuple(sorted((kwargs or {}).items()))
    return _reverse(
        viewname, key_args, key_kwargs, get_language(), get_script_prefix(), get_urlconf()
    )


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
