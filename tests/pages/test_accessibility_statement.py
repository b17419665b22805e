"""The accessibility statement: its content after the EU model (Implementing Decision 2018/1523,
Royal Decree 1112/2018), linked from every page's footer, with its review date shown on the page
and a reminder in the admin once the review is over a year old."""

import datetime

import pytest
from django.contrib import messages
from django.urls import reverse
from django.utils import timezone, translation

from relacions.core.demo import load_apps
from relacions.pages.models import Page
from tests.factories import EventFactory, NewsItemFactory, PageFactory
from tests.helpers import LANGUAGES

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

SECTIONS = {
    "ca": (
        "Situació de compliment",
        "Contingut no accessible",
        "Preparació d'aquesta declaració",
        "Observacions i dades de contacte",
        "Procediment d'aplicació",
    ),
    "es": (
        "Situación de cumplimiento",
        "Contenido no accesible",
        "Preparación de esta declaración",
        "Observaciones y datos de contacto",
        "Procedimiento de aplicación",
    ),
    "en": (
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ),
}


def statement() -> Page:
    return Page.objects.accessibility_statement().get()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_statement_follows_the_eu_model_in_each_language(client, language):
    load_apps("pages")
    with translation.override(language):
        path = statement().get_absolute_url()

    body = client.get(path).content.decode()

    for heading in SECTIONS[language]:
        assert f"<h2>{heading}</h2>" in body
    assert "1112/2018" in body and "2018/1523" in body
    assert "WCAG" in body and "2.1" in body
    assert "26" in body and "2026" in body  # the day it was prepared
    assert '<time datetime="2026-11-26">' in body  # and last reviewed, from the page's field


def test_every_page_links_to_the_statement_from_its_footer(client):
    load_apps("pages")
    news, event = NewsItemFactory(), EventFactory()
    for language in LANGUAGES:
        with translation.override(language):
            target = statement().get_absolute_url()
            paths = [reverse("pages:home"), reverse("news:list"), news.get_absolute_url()]
            paths += [event.get_absolute_url(), reverse("opendata:index")]
        for path in paths:
            body = client.get(path).content.decode()
            footer = body[body.index('<footer class="site-footer">') :]
            assert f'href="{target}"' in footer, path


@pytest.mark.parametrize(
    ("days_ago", "overdue"), [(None, True), (0, False), (365, False), (366, True)]
)
def test_a_review_is_due_a_year_after_the_last_one(days_ago, overdue):
    today = timezone.localdate()
    reviewed_on = None if days_ago is None else today - datetime.timedelta(days=days_ago)
    page = PageFactory(key=Page.Key.ACCESSIBILITY, reviewed_on=reviewed_on)

    assert page.review_is_overdue(today) is overdue
    assert Page.objects.review_overdue(today).filter(pk=page.pk).exists() is overdue


def warnings(response) -> list[str]:
    return [
        str(m) for m in messages.get_messages(response.wsgi_request) if m.level == messages.WARNING
    ]


def test_the_admin_reminds_when_the_review_is_over_a_year_old(admin_client):
    page = PageFactory(
        key=Page.Key.ACCESSIBILITY, reviewed_on=timezone.localdate() - datetime.timedelta(days=400)
    )

    for path in (
        reverse("admin:pages_page_changelist"),
        reverse("admin:pages_page_change", args=(page.pk,)),
    ):
        response = admin_client.get(path)
        assert response.status_code == 200
        (warning,) = warnings(response)
        assert "more than a year ago" in warning
        assert reverse("admin:pages_page_change", args=(page.pk,)) in warning


def test_no_reminder_after_a_recent_review(admin_client):
    PageFactory(key=Page.Key.ACCESSIBILITY, reviewed_on=timezone.localdate())

    assert warnings(admin_client.get(reverse("admin:pages_page_changelist"))) == []


def test_the_admin_reminds_when_there_is_no_statement(admin_client):
    (warning,) = warnings(admin_client.get(reverse("admin:pages_page_changelist")))

    assert "no accessibility statement" in warning
