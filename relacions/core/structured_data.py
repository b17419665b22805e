"""What every content type's schema.org JSON-LD shares: the city council as publisher, the
site's default picture and the serialisation that is safe inside a `<script>` element."""

import json
from collections.abc import Callable

from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

CITY_COUNCIL_URL = "https://www.terrassa.cat/"
# The picture of a page that has none of its own: Open Graph's fallback (base.html) too, so
# search engines and link previews show the same one.
DEFAULT_IMAGE = "img/og-default.png"

# What json_script escapes: "</script>" or "<!--" in a title cannot end or comment out the block.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def city_council(schema_type: str = "GovernmentOrganization") -> dict:
    return {"@type": schema_type, "name": gettext("Terrassa City Council"), "url": CITY_COUNCIL_URL}


def default_image_url(*, build_absolute_uri) -> str:
    return build_absolute_uri(static(DEFAULT_IMAGE))


def to_script(data: dict) -> SafeString:
    """JSON for `<script type="application/ld+json">`, with `<`, `>` and `&` escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308


def script_of(build: Callable[..., dict]) -> Callable[..., SafeString]:
    """`build(obj, url=…)`'s data as `to_script()` writes it: the text of a page's schema.org
    fragment (`Fragment(text=script_of(agreement_data))`)."""
    return lambda obj, *, url: to_script(build(obj, url=url))
