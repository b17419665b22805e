"""`{% site_chrome "header" %}` and `{% site_chrome "footer" %}`: every page's header and footer
(templates/base.html), rendered once for many pages (relacions.pages.chrome.rendered_chrome)."""

from django import template

from ..chrome import chrome_part

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context, name: str):
    return chrome_part(context, name)
