"""Every public page type, in Catalan, Spanish and English, is valid HTML (the W3C Nu HTML
Checker reports no error), has no axe-core WCAG 2.1 A/AA violation and fits a 320 px screen.

The pages are those of the demo content. Each is fetched once from the live server: its HTML is
saved for the checker (one Java run for all of them: each start costs seconds) and the browser
runs axe on it. The 500 and 503 pages are rendered by their views and loaded into the browser.

The checker is npm's `vnu-jar` (`make install` runs `npm ci`); without it, or without Java, these
tests are skipped, except under CI=true, where they must run.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from relacions.agreements.models import Agreement
from relacions.events.models import Event
from relacions.mandate.models import Objective
from relacions.networks.models import Forum
from relacions.news.models import NewsItem
from relacions.operations import views as operations_views
from relacions.pages.models import Page
from relacions.places.models import Place
from relacions.projects.models import Project
from relacions.reports.models import YearReport
from relacions.visits.models import Visit
from tests.fixtures.browser import NARROWEST, axe_violations
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.django_db(transaction=True)


def page_types(language: str) -> dict[str, tuple[str, int]]:
    """(address, expected status) of one page of each public type, in `language`."""
    with translation.override(language):
        event = Event.objects.upcoming().first()
        past = Event.objects.past().first()
        objective = Objective.objects.public().select_related("plan").first()
        pages = {
            "home": reverse("pages:home"),
            "page": Page.objects.published().accessibility_statement().get().get_absolute_url(),
            "news-list": reverse("news:list"),
            "news-detail": NewsItem.objects.published().first().get_absolute_url(),
            "agenda": reverse("events:list"),
            "agenda-past": reverse("events:past", kwargs={"year": past.local_start.year}),
            "agenda-month": reverse(
                "events:month", args=(event.local_start.year, event.local_start.month)
            ),
            "event": event.get_absolute_url(),
            "networks": reverse("networks:list"),
            "network": Forum.objects.published().first().network.get_absolute_url(),
            "forum": Forum.objects.published().select_related("network").first().get_absolute_url(),
            "mandate": reverse("mandate:overview"),
            "objective": objective.get_absolute_url(),
            "agreements": reverse("agreements:list"),
            "agreement": Agreement.objects.published().get(slug_ca="pamiers").get_absolute_url(),
            "projects": reverse("projects:list"),
            "project": Project.objects.published().get(acronym="IA4END").get_absolute_url(),
            "search": reverse("search:results") + "?q=cultura",
            "open-data": reverse("opendata:index"),
            "visits": reverse("visits:list"),
            "visit": Visit.objects.published().order_by("starts_on").first().get_absolute_url(),
            "world": reverse("places:world"),
            "world-place": Place.objects.get(slug_ca="pamiers").get_absolute_url(),
            "reports": reverse("reports:list"),
            "report": YearReport.objects.published().get().get_absolute_url(),
        }
        addresses = {name: (path, 200) for name, path in pages.items()}
        addresses["404"] = (f"/{language}/{'no-such-page'}/", 404)
        # A filter no list has: the list's form with a message (issue 23).
        addresses["news-unknown-filter"] = (reverse("news:list") + "?year=1800", 404)
        addresses["mandate-unknown-filter"] = (reverse("mandate:overview") + "?axis=99", 404)
        return addresses


def error_pages(language: str) -> dict[str, bytes]:
    """The 500 and 503 pages, as their views render them (no live request can fail on cue)."""
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        try:
            raise RuntimeError("a failing view")
        except RuntimeError:
            server_error = operations_views.server_error(request)
        unavailable = operations_views.service_unavailable(request)
    assert (server_error.status_code, unavailable.status_code) == (500, 503)
    return {"500": server_error.content, "503": unavailable.content}


def test_every_page_type_is_valid_accessible_and_fits_a_phone(
    demo_site, page, browser, live_server, vnu, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": NARROWEST, "height": 640}
    ).new_page()
    saved, violations, too_wide = [], {}, []
    for language in LANGUAGES:
        for name, (path, status) in page_types(language).items():
            response = page.goto(path)
            assert response.status == status, path
            saved.append(tmp_path / f"{language}-{name}.html")
            saved[-1].write_bytes(response.body())
            violations[f"{language}-{name}"] = axe_violations(axe, page)
            phone.goto(path)
            if phone.evaluate("document.documentElement.scrollWidth") > NARROWEST:
                too_wide.append(path)
        for name, content in error_pages(language).items():
            saved.append(tmp_path / f"{language}-{name}.html")
            saved[-1].write_bytes(content)
            page.goto("/robots.txt")  # the same origin, so the stylesheet loads
            page.set_content(content.decode())
            violations[f"{language}-{name}"] = axe_violations(axe, page)
    phone.context.close()

    assert len(saved) == len(LANGUAGES) * (len(page_types("ca")) + len(error_pages("ca")))
    assert vnu(saved) == {}
    assert {name: found for name, found in violations.items() if found} == {}
    assert too_wide == []
    assert page.csp_errors == []
