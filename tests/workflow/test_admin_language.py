"""The admin speaks Catalan and Spanish whole: every page each role can reach, Django's and the
libraries' strings, the JavaScript catalogue, the success messages and the audit log."""

import json
import re
from html import unescape
from pathlib import Path

import django
import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import translation

from relacions.news.models import NewsItem
from tests.factories import (
    EventFactory,
    MembershipFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
)

from .conftest import form_data

pytestmark = pytest.mark.django_db

# Interface strings that showed in English in the Catalan and Spanish admin.
ENGLISH = (
    "Select an option",
    "Filter by",
    "Save and add another",
    "Save and continue",
    "Recent actions",
    "Log out",
    "Logout",
    "View site",
    "Add another",
    "Paragraph",
    "Words:",
    "Publish at",
    "loaded_version",
    "Axes",
    "Django_Otp",
    "Otp_Totp",
    "TOTP devices",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Network administrators",
    "Administrators",
    "Two-factor authentication required",
    "The user that this device belongs to.",
    "Translation status",
    "Compare",
    "was added successfully",
    "Can add",
    "Can change",
    "Can see membership fees",
    "Search by user's",
    "Timestamps",
    "Throttling",
    "version of the object",
    "version of an object",
    "There are no deleted objects",
)
SKIPPED = ("/logout/", "/delete/", "/password/", "/jsi18n/", "/preview/", "/two-factor/", "/r/")


def visible_text(html: str) -> str:
    """What a reader sees or hears: text, titles and labels, not scripts, nor the values of
    fields (which hold the content being edited, the English translation included)."""
    html = re.sub(r"<(script|style|textarea)\b.*?</\1>", " ", html, flags=re.S)
    # A select's chosen options hold content; its choices are interface (permissions, groups).
    html = re.sub(r"<option[^>]*selected[^>]*>.*?</option>", " ", html, flags=re.S)
    attributes = re.findall(r'\s(?:title|aria-label|placeholder|alt)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return unescape(" ".join([text, *attributes]))


def english_in(text: str, url: str) -> set[str]:
    text = " ".join(text.split())
    return {
        f"{url}: …{text[max(match.start() - 40, 0) : match.end() + 40]}…"
        for english in ENGLISH
        for match in re.finditer(re.escape(english), text)
    }


def shape(url: str) -> str:
    return re.sub(r"/\d+/", "/N/", url)


def crawl(client: Client, start: list[str]) -> dict[str, str]:
    """Every admin page reachable from `start`, one of each shape (one change form per model)."""
    pages, shapes, queue = {}, set(), list(start)
    while queue:
        url = queue.pop(0)
        if shape(url) in shapes:
            continue
        shapes.add(shape(url))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        pages[url] = html
        for link in re.findall(r'href="(/admin/[^"#?]*)"', html):
            if not any(part in link for part in SKIPPED):
                queue.append(link)
    return pages


@pytest.fixture
def revised_objects(administrator):
    """One object of each kind; two revisions of a news item (for Editors) and of a network (for
    Network administrators) for the comparison page."""
    item, network = NewsItemFactory(), NetworkFactory()
    for obj in (item, network):
        for version in ("1", "2"):
            with reversion.create_revision():
                obj.slug_ca = f"{obj.slug_ca}-{version}"
                obj.save()
    EventFactory()
    MembershipFactory(network=network)
    ObjectiveFactory()
    PageFactory()
    return {"editor": item, "administrator": item, "network_admin": network}


def client_in(user, language: str) -> Client:
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["ca", "es"])
@pytest.mark.parametrize("role", ["administrator", "editor", "network_admin"])
def test_every_admin_page_a_role_reaches_is_in_its_language(
    request, revised_objects, role, language
):
    user = request.getfixturevalue(role)
    client = client_in(user, language)
    obj = revised_objects[role]
    versions = reversion.models.Version.objects.get_for_object(obj).order_by("pk")
    opts = obj._meta
    compare = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=(obj.pk,))
    start = [
        reverse("admin:index"),
        reverse("workflow:translation-status"),
        f"{compare}?from={versions[0].pk}&to={versions[1].pk}",
    ]
    pages = crawl(client, start)
    assert set(start) <= set(pages)  # the dashboard, translation status and comparison pages
    # Lists, add and change forms, histories: far more than the three start pages.
    assert len(pages) > 15
    assert any("/add/" in url for url in pages) and any("/history/" in url for url in pages)
    leaks = {leak for url, html in pages.items() for leak in english_in(visible_text(html), url)}
    assert not leaks, "\n".join(sorted(leaks))


def _admin_js_msgids() -> list[str]:
    """The admin's JavaScript strings, as keys of the served catalogue ("context\x04msgid")."""
    po = Path(django.__file__).parent / "contrib/admin/locale/en/LC_MESSAGES/djangojs.po"
    keys = []
    for block in po.read_text().split("\n\n"):
        parts = dict(re.findall(r'^(msgctxt|msgid) ((?:".*"\n?)+)', block, flags=re.M))
        msgid = "".join(json.loads(line) for line in parts.get("msgid", '""').splitlines())
        if msgid:
            context = "".join(json.loads(line) for line in parts.get("msgctxt", '""').splitlines())
            keys.append(f"{context}\x04{msgid}" if context else msgid)
    return keys


@pytest.mark.parametrize("language", ["ca", "es"])
def test_the_admins_javascript_catalogue_translates_every_string(editor, language):
    script = client_in(editor, language).get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    missing = [msgid for msgid in _admin_js_msgids() if msgid not in catalog]
    assert missing == []
    # Django's own Catalan catalogue said "3 of 8 seleccionats".
    selected = catalog["%(sel)s of %(cnt)s selected"]
    assert all(" of " not in form for form in selected)


@pytest.mark.parametrize(
    ("language", "subject", "added", "changed", "deleted"),
    [
        ("ca", "La notícia", "s'ha afegit", "s'ha modificat", "s'ha suprimit"),
        ("es", "La noticia", "se ha añadido", "se ha modificado", "se ha eliminado"),
    ],
)
def test_success_messages_have_the_models_article_and_gender(
    administrator, language, subject, added, changed, deleted
):
    client = client_in(administrator, language)
    item = NewsItemFactory(title_ca="Dia d'Europa", title_es="Día de Europa")
    change_url = reverse("admin:news_newsitem_change", args=(item.pk,))
    data = form_data(client.get(change_url), _continue="1")
    title = item.title_ca if language == "ca" else item.title_es
    [message] = messages_of(client.post(change_url, data, follow=True))
    assert message.startswith(f"{subject} «{title}» {changed} correcta")
    assert "El notícia" not in message and "fou" not in message

    delete_url = reverse("admin:news_newsitem_delete", args=(item.pk,))
    [message] = messages_of(client.post(delete_url, {"post": "yes"}, follow=True))
    assert message.startswith(f"{subject} «{title}» {deleted} correcta")

    add_url = reverse("admin:news_newsitem_add")
    data = form_data(client.get(add_url), title_ca="Nova", title_es="Nueva", _addanother="1")
    data.update(slug_ca="nova", slug_es="nueva", slug_en="new", title_en="New")
    [message] = messages_of(client.post(add_url, data, follow=True))
    assert message.startswith(f"{subject} «{'Nova' if language == 'ca' else 'Nueva'}» {added}")


def messages_of(response) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", str(m))) for m in response.context["messages"]]


def test_an_event_is_feminine_in_catalan(administrator):
    client = client_in(administrator, "ca")
    event = EventFactory(title_ca="Fòrum de cultura")
    url = reverse("admin:events_event_change", args=(event.pk,))
    response = client.post(url, form_data(client.get(url)), follow=True)
    assert messages_of(response) == ["L'activitat «Fòrum de cultura» s'ha modificat correctament."]


def test_the_audit_log_names_changed_fields_in_the_readers_language(administrator):
    item = NewsItemFactory()
    url = reverse("admin:news_newsitem_change", args=(item.pk,))
    client = client_in(administrator, "ca")
    data = form_data(client.get(url), status=NewsItem.Status.DRAFT)
    data["revision_comment"] = "Despublicada"
    client.post(url, data)
    entry = LogEntry.objects.get(object_id=str(item.pk), action_flag=2)
    changes = {}
    for language in ("ca", "es", "en"):
        with translation.override(language):
            changes[language] = entry.get_change_message()
    assert "loaded_version" not in changes["ca"] and "revision" not in changes["en"].lower()
    said = {language: message.lower() for language, message in changes.items()}
    assert "estat" in said["ca"] and "estado" in said["es"] and "status" in said["en"]


@pytest.mark.parametrize("language", ["ca", "es"])
def test_date_and_time_fields_are_day_month_year_and_24_hours(administrator, language):
    event = EventFactory()
    url = reverse("admin:events_event_change", args=(event.pk,))
    html = client_in(administrator, language).get(url).content.decode()
    date = re.search(r'name="start_0"[^>]*value="([^"]*)"', html).group(1)
    time = re.search(r'name="start_1"[^>]*value="([^"]*)"', html).group(1)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", date), date
    assert re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", time), time


def test_every_model_of_the_project_names_itself_with_its_article_in_each_language():
    project_admins = [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith(("relacions.", "django.contrib.auth"))
    ]
    missing = [type(a).__name__ for a in project_admins if not a.message_subject]
    assert len(project_admins) > 15
    assert missing == []
    for model_admin in project_admins:
        if model_admin.message_subject:
            with translation.override("en"):
                english = str(model_admin.message_subject)
            for language in ("ca", "es"):
                with translation.override(language):
                    assert str(model_admin.message_subject) != english, (english, language)
