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
# How much of the text's start and end a snippet is compared with, to tell whether it was cut.
SNIPPET_EDGE = 40

_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|td|th|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)
_UNWANTED = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f{MARK_START}{MARK_END}]")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\s*\n\s*")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


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


def mark_cuts(headline: str, text_start: str, text_end: str) -> str:
    """The headline with an ellipsis where it cuts the text: before it unless it begins where
    the text begins, after it unless it ends where the text ends (`text_start` and `text_end`
    are the text's first and last SNIPPET_EDGE characters). Markers stay where they are."""
    plain = headline.replace(MARK_START, "").replace(MARK_END, "").strip()
    if not plain:
        return headline
    fragments = plain.split(SNIPPET_ELLIPSIS.strip())
    # ts_headline leaves out the punctuation around its first and last words.
    first, last = _words(fragments[0]), _words(fragments[-1])
    text_start, text_end = _words(text_start), _words(text_end)
    at_start = _same_start(first, text_start)
    at_end = _same_start(last[::-1], text_end[::-1])
    snippet = headline.strip()
    if not at_start:
        snippet = "… " + snippet
    if not at_end:
        snippet = snippet + " …"
    return snippet


def _words(value: str) -> str:
    return _EDGE_PUNCTUATION.sub("", value)


def _same_start(one: str, other: str) -> bool:
    length = min(len(one), len(other))
    return length > 0 and one[:length] == other[:length]
