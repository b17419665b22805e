"""Hostile input never reaches a 500: every URL pattern, filled with real objects' values and with
hostile ones, and every page with hostile query strings, answers below 500.

The patterns come from the URL resolver, so a new pattern is swept as soon as it exists; a new
argument name with no real value below makes the sweep fail until one is added.
"""

import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import timezone, translation
from django.utils.regex_helper import normalize

from relacions.mandate.forms import ObjectiveFilterForm
from relacions.news.forms import NewsFilterForm
from relacions.opendata.datasets import downloadable
from relacions.search.forms import SearchForm

# Every public page reads the site settings.
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.usefixtures("site_settings")

# Percent-encoded as they travel in a request line.
HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%FF",
    "%C0%AF",  # an overlong encoding of "/"
    "%ED%A0%80",  # a UTF-16 surrogate, invalid in UTF-8
    "%E2%80%AE",  # right-to-left override
    "x" * 3000,
    "9" * 40,
    "-1",
    "0",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%3Cscript%3E",
    "%0D%0ASet-Cookie:%20x=1",
    "%22%27",
    "%F0%9F%98%80",
]

# Enough for the admin's own addresses, which all read an object id the same way (the values the
# middleware refuses are swept over the public addresses and the log-in).
ADMIN_HOSTILE_VALUES = ["9" * 40, "x" * 300, "-1", "%2e%2e", "%00"]

HOSTILE_QUERY_VALUES = [
    "x" * 10000,
    "0",
    "-1",
    "9" * 40,
    "1e309",
    "NaN",
    "2026-02-30",
    "9999-12-31",
    "0000-00-00",
    "%3Cscript%3E",
]


def query_keys() -> list[str]:
    """Every parameter a public page reads: pagination and the public forms' fields."""
    forms = (SearchForm, NewsFilterForm, ObjectiveFilterForm)
    keys = {"page", "next", "year", "month", "date"}
    for form in forms:
        keys.update(form.base_fields)
    return sorted(keys)


@dataclass(frozen=True)
class Pattern:
    """A URL pattern as a format string (`ca/news/%(slug)s/`) and its arguments' names."""

    name: str
    template: str
    arguments: tuple[str, ...]


def _piece(pattern) -> tuple[str, tuple[str, ...]]:
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix, ()
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route).replace("%", "%%")
        names = tuple(re.findall(r"<(?:[^>:]+:)?([^>]+)>", route))
        return re.sub(r"<(?:[^>:]+:)?([^>]+)>", r"%(\1)s", route), names
    if isinstance(pattern, RegexPattern):
        template, names = normalize(pattern._regex)[0]
        return template, tuple(names)
    raise AssertionError(f"Unknown pattern type {type(pattern)}")


def walk(patterns=None, prefix: str = "", arguments: tuple = (), namespace: str = ""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        piece, names = _piece(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + piece, arguments + names, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name or entry.lookup_str}"
            yield Pattern(name, prefix + piece, arguments + names)


def patterns_by_language() -> dict[str, list[Pattern]]:
    """Every pattern, under the first language whose URLs have it (the public ones' segments are
    translated, the others are the same in every language)."""
    seen, found = set(), {}
    for language in LANGUAGES:
        with translation.override(language):
            found[language] = [p for p in walk() if p.template not in seen]
        seen.update(p.template for p in found[language])
    return found


def all_patterns() -> list[Pattern]:
    return [pattern for patterns in patterns_by_language().values() for pattern in patterns]


@dataclass
class RealValues:
    """Arguments of real objects: by language and view (read from their public addresses), and
    by name."""

    by_view: dict[tuple[str, str], list[dict[str, str]]]
    by_name: dict[str, set[str]]


@pytest.fixture
def real_values(site, make_image) -> RealValues:
    by_view: dict[tuple[str, str], list[dict[str, str]]] = {}
    by_name: dict[str, set[str]] = {}
    for language in LANGUAGES:
        with translation.override(language):
            for url in site.urls(language):
                match = resolve(url)
                kwargs = {name: str(value) for name, value in match.kwargs.items()}
                by_view.setdefault((language, match.view_name), []).append(kwargs)
                # An event's calendar file takes its page's arguments.
                if match.view_name == "events:detail":
                    by_view.setdefault((language, "events:ics"), []).append(kwargs)
                for name, value in kwargs.items():
                    by_name.setdefault(name, set()).add(value)
    today = timezone.localdate()
    image = make_image()
    # The admin's addresses name objects by their primary keys.
    pks = {str(obj.pk) for obj in (*site.published, image)}
    by_name.update(
        year={str(today.year)},
        month={str(today.month)},
        # The site's report has two editions: the first has an address of its own.
        edition={"1"},
        dataset=set(downloadable()),
        path={image.file.name},
        network_slug=by_name["slug"],
        plan=by_name["slug"],
        token={"not-a-token"},
        object_id=pks,
        id=pks,
        pk=pks,
        content_type_id={"1"},
        app_label={"news", "networks"},
        url={"news/"},
        version_id={"1"},
        # django-reversion's unnamed groups: an object's id, a version's id.
        _0=pks,
        _1={"1"},
        uidb64={"MQ"},
    )
    return RealValues(by_view, by_name)


def real_fills(language: str, pattern: Pattern, values: RealValues) -> list[dict[str, str]]:
    if not pattern.arguments:
        return [{}]
    found = [
        kwargs
        for kwargs in values.by_view.get((language, pattern.name), [])
        if set(kwargs) == set(pattern.arguments)
    ]
    if found:
        return found
    missing = [name for name in pattern.arguments if name not in values.by_name]
    assert not missing, f"Add a real value for {missing} ({pattern.name})"
    return [{name: sorted(values.by_name[name])[0] for name in pattern.arguments}]


def fills(language: str, pattern: Pattern, values: RealValues, real_too: bool = True):
    """The pattern with real objects' arguments, then with each hostile value in each place."""
    hostile = HOSTILE_VALUES
    if is_admin(pattern) and pattern.name != "admin:login":
        hostile = ADMIN_HOSTILE_VALUES
    real = real_fills(language, pattern, values)
    urls = ["/" + pattern.template % kwargs for kwargs in real] if real_too else []
    for name in pattern.arguments:
        for value in hostile:
            urls.append("/" + pattern.template % {**real[0], name: value})
    return urls


def sweep(values: RealValues, select=lambda pattern: True, real_too: bool = True) -> set[str]:
    return {
        url
        for language, patterns in patterns_by_language().items()
        for pattern in patterns
        if select(pattern)
        for url in fills(language, pattern, values, real_too)
    }


def server_errors(client, urls) -> list[str]:
    """The URLs (shortened) that answered 5xx, with their status."""
    failed = []
    for url in sorted(urls):
        status = client.get(url).status_code
        if status >= 500:
            failed.append(f"{url[:120]} {status}")
    return failed


def is_admin(pattern: Pattern) -> bool:
    return pattern.name.startswith("admin:")


def test_the_sweep_finds_every_kind_of_address():
    names = {pattern.name for pattern in all_patterns()}
    for expected in (
        "news:detail",
        "news:rss",
        "events:ical",
        "events:ics",
        "opendata:csv",
        "media",
        "admin:login",
        "pages:detail",
    ):
        assert expected in names


def test_every_pattern_with_real_and_hostile_arguments(client, real_values):
    urls = sweep(real_values)
    assert len(urls) > 500
    assert server_errors(client, urls) == []


def test_every_admin_pattern_signed_in_with_hostile_arguments(client, real_values):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)
    client.force_login(user)
    # The admin's pages with real objects are the admin tests' business.
    urls = sweep(real_values, is_admin, real_too=False)
    assert server_errors(client, urls) == []


def test_every_public_page_with_hostile_query_strings(client, real_values):
    with translation.override(settings.LANGUAGE_CODE):
        pages = {
            "/" + pattern.template % real_fills("ca", pattern, real_values)[0]
            for pattern in walk()
            if not is_admin(pattern)
        }
    # Each hostile value in every parameter a page reads, at once, then the keys themselves.
    queries = ["&".join(f"{key}={value}" for key in query_keys()) for value in HOSTILE_QUERY_VALUES]
    # What the middleware refuses, once per page.
    queries += ["%00=1", "%FF=1", "page=1&page=%00", "q=%C0%AF", "type=%ED%A0%80"]
    urls = [f"{url}?{query}" for url in pages for query in queries]
    assert server_errors(client, urls) == []


@pytest.mark.parametrize(
    "url",
    [
        "/ca/%00/",
        "/es/actualidad/%00/",
        "/en/news/a%FFb/",
        "/ca/%C0%AF/",
        "/ca/actualitat/?page=%00",
        "/ca/cerca/?q=%FF",
        "/admin/login/?next=%00",
        "/media/%00.jpg",
    ],
)
def test_nul_bytes_and_invalid_utf8_get_the_sites_own_400_page(client, site, url):
    response = client.get(url)
    assert response.status_code == 400
    body = response.content.decode()
    assert '<html lang="' in body and "<h1>" in body
    assert response["Content-Type"].startswith("text/html")
