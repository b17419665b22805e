"""`{% fragments %}` and `{% fragment %}`: an app's declared fragments (a card, an article's body),
from the cache when what they show has not changed (relacions.operations.pagecache.fragments)."""

from django import template

from relacions.operations.pagecache import fragments as cached

register = template.Library()


def _each(count: int, eager: int) -> list[dict]:
    # The first `eager` cards are in view when the page opens: their images load at once.
    return [{"image_loading": "eager"} for _ in range(min(count, eager))]


@register.simple_tag(takes_context=True)
def fragments(context, objects, name: str, eager: int = 0, **params):
    """`{% fragments items "news.card" heading="h3" eager=3 as cards %}`: the objects' fragments,
    in order, to place in the page's own markup (`{% for card in cards %}<li>{{ card }}</li>`)."""
    objects = list(objects)
    fragment = cached.declared(name)
    if context.get("is_preview"):
        return [fragment.render_uncached(obj, **params) for obj in objects]
    return fragment.render_many(objects, _each(len(objects), eager), **params)


@register.simple_tag(takes_context=True)
def fragment(context, obj, name: str, **params):
    """`{% fragment item "news.article" %}`: one object's fragment."""
    found = cached.declared(name)
    if context.get("is_preview"):
        return found.render_uncached(obj, **params)
    return found.render(obj, **params)
