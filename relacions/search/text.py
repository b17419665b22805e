"""Plain text for the index, and highlighted snippets that can carry no markup but <mark>.

ts_headline marks the matched words with two private-use characters that are removed from every
indexed text; the snippet is HTML-escaped whole and only then are those characters turned into
<mark> tags. Whatever an editor wrote or a visitor searched for stays text.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_ELLIPSIS = " … "

_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|td|th|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_UNWANTED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{MARK_START}{MARK_END}]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")


def clean_text(value: str) -> str:
    """Text as stored: no control characters or snippet markers, whitespace collapsed."""
    value = _UNWANTED.sub(" ", value)
    value = _SPACES.sub(" ", value)
    return _LINES.sub("\n", value).strip()


def html_to_text(value: str) -> str:
    """The words of sanitised rich text (RichTextField), blocks kept apart by line breaks."""
    value = _BLOCK_END.sub("\n", value)
    value = _TAG.sub(" ", value)
    return clean_text(html.unescape(value))


def highlight(headline: str) -> SafeString:
    """An escaped snippet whose matched words are wrapped in <mark>."""
    escaped = escape(headline)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
