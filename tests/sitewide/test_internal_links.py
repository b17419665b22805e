"""Every internal link of the demo site points at its final address: none answers a redirect
(a link to `/ca/agenda/anteriors/` made every visitor and crawler take one more round trip)."""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.urls import resolve

from tests.helpers import LANGUAGES

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

HREF = re.compile(r'<a\s[^>]*href="([^"]+)"')
# Not pages of the public site: the admin and files (checked for existing, not crawled).
NOT_CRAWLED = ("/admin/", "/static/", "/media/")
MAX_PAGES = 600
# The calendar runs on month after month: its pages are checked, their links not followed.
LEAVES = ("events:month",)


def internal_links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        address = urldefrag(unescape(href))[0]
        parts = urlsplit(address)
        if address and not parts.scheme and not parts.netloc and address.startswith("/"):
            links.add(address)
    return links


def is_leaf(address: str) -> bool:
    return resolve(urlsplit(address).path).view_name in LEAVES


def test_no_internal_link_answers_a_redirect(client):
    call_command("load_demo_content", verbosity=0)
    # (address, the page that links to it)
    to_visit = deque((f"/{language}/", "") for language in LANGUAGES)
    seen, redirects, broken = {address for address, _ in to_visit}, {}, {}
    while to_visit and len(seen) < MAX_PAGES:
        address, linked_from = to_visit.popleft()
        response = client.get(address)
        if 300 <= response.status_code < 400:
            redirects[address] = (linked_from, response["Location"])
        elif response.status_code >= 400:
            broken[address] = (linked_from, response.status_code)
        elif "html" in response.get("Content-Type", "") and not is_leaf(address):
            for link in internal_links(response.content.decode()) - seen:
                seen.add(link)
                if not link.startswith(NOT_CRAWLED):
                    to_visit.append((link, address))
    assert not to_visit  # the whole site was crawled
    assert len(seen) > 100
    assert redirects == {}
    assert broken == {}
