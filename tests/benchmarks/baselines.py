"""The two baselines of the page benchmark (tests/benchmarks/pages.py), served only by its own
server (tests/benchmarks/settings.py makes tests/benchmarks/urls.py the URLconf).

(a) `bytes_view`: a static HttpResponse of `?size=` bytes — what a cached page costs at best.
(b) `template_view`: a page of about `?size=` bytes rendered by Django's template engine from an
    in-memory context, with no database query — what an uncached page costs at best. Its
    template is built like the site's: a document with a header, a menu, a language switcher
    and a footer, and a list of cards (an `{% include %}` per card, with translated labels,
    dates, links, truncated summaries and a responsive <picture>).
"""

import datetime
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.template import engines

MAX_SIZE = 2 * 1024 * 1024

TEMPLATES = Path(__file__).parent / "templates"

SENTENCE = (
    "Terrassa City Council takes part in the meeting of the network of European cities on "
    "culture, international cooperation and urban innovation, with partners from Leeds and Porto. "
)


@cache
def _templates():
    engine = engines["django"]
    return tuple(
        engine.from_string((TEMPLATES / name).read_text())
        for name in ("baseline_page.html", "baseline_card.html")
    )


def _context(count: int) -> dict:
    _page, card = _templates()
    items = [
        {
            "url": f"/en/news/item-{n}/",
            "title": f"Conference on urban innovation in Leeds ({n})",
            "image": f"/media/images/renditions/{n:032x}",
            "widths": (480, 960, 1600),
            "alt": "A square in Terrassa with people walking",
            "date": datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            "networks": ["Eurocities", "UCLG"],
            "summary": SENTENCE * 2,
        }
        for n in range(count)
    ]
    return {
        "language": "en",
        "languages": ("ca", "es", "en"),
        "title": "News",
        "office": "European and International Relations Service",
        "intro": SENTENCE,
        "address": "Raval de Montserrat, 14\n08221 Terrassa",
        "menu": [{"url": f"/en/section-{n}/", "title": f"Section {n}"} for n in range(7)],
        "items": items,
        "card": card,
    }


def _render(count: int) -> str:
    page, _card = _templates()
    return page.render(_context(count))


@cache
def cards_for(size: int) -> int:
    """How many cards make a page of about `size` bytes (measured once per size)."""
    empty, one = len(_render(0).encode()), len(_render(1).encode())
    return max(0, round((size - empty) / max(1, one - empty)))


def _size(request) -> int:
    try:
        return max(1, min(int(request.GET.get("size", "20000")), MAX_SIZE))
    except ValueError:
        return 20000


@cache
def _body(size: int) -> bytes:
    return (b"<!DOCTYPE html>" + b"x" * size)[:size]


def bytes_view(request):
    return HttpResponse(_body(_size(request)), content_type="text/html; charset=utf-8")


def template_view(request):
    # Rendered on every request, like an uncached page; only the number of cards is remembered.
    return HttpResponse(_render(cards_for(_size(request))))
