import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from relacions.core.roles import EDITORS, setup_roles
from relacions.events.models import Event
from tests.factories.events import EventFactory
from tests.factories.networks import ForumFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "title_ca": "Trobada",
        "slug_ca": "trobada",
        "title_es": "",
        "slug_es": "",
        "title_en": "",
        "slug_en": "",
        "summary_ca": "",
        "body_ca": "",
        "venue_ca": "",
        "outcomes_ca": "",
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": "10:00:00",
        "end_0": start.strftime("%Y-%m-%d"),
        "end_1": "12:00:00",
        "format": Event.Format.IN_PERSON,
        "event_status": Event.EventStatus.SCHEDULED,
        "terrassa_role": Event.Role.HOST,
        "city": "Terrassa",
        "country": "ES",
        "status": Event.Status.DRAFT,
    }
    data.update(overrides)
    return data


def test_the_form_has_a_tab_per_language_and_the_rich_text_editor(admin_client):
    response = admin_client.get(reverse("admin:events_event_add"))
    html = response.content.decode()
    assert response.status_code == 200
    for language in ("ca", "es", "en"):
        for field in ("title", "slug", "summary", "body", "venue", "outcomes"):
            assert f'name="{field}_{language}"' in html
    assert "tabbed_translation_fields.js" in html
    assert "django_ckeditor_5" in html
    # The image is chosen by searching the library.
    assert "data-autocomplete-light" in html or "admin-autocomplete" in html


def test_an_editor_saves_an_event_and_times_are_read_in_madrid(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug_ca="trobada")
    assert event.local_start.hour == 10


def test_the_form_refuses_an_end_before_the_start(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), form_data(end_1="09:00:00"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["end"]


def test_the_form_refuses_a_forum_and_a_working_group_together(admin_client):
    forum, group = ForumFactory(), WorkingGroupFactory()
    response = admin_client.post(
        reverse("admin:events_event_add"),
        form_data(forum=forum.pk, working_group=group.pk),
    )
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["working_group"]


def test_the_changelist_columns_and_filters(admin_client):
    EventFactory(title_ca="Esborrany", status=Event.Status.DRAFT, event_status="cancelled")
    EventFactory(start=timezone.now().replace(year=2019), city="Leeds")
    response = admin_client.get(reverse("admin:events_event_changelist"))
    html = response.content.decode()
    assert 'class="state state--draft"' in html
    for column in ("column-title", "column-start", "column-city", "column-event_status"):
        assert column in html
    assert "?year=2019" in html
    filtered = admin_client.get(reverse("admin:events_event_changelist"), {"year": "2019"})
    assert "Leeds" in filtered.content.decode() and "Esborrany" not in filtered.content.decode()
    assert admin_client.get(
        reverse("admin:events_event_changelist"), {"year": "abc"}
    ).status_code in (200, 302)


def test_view_on_site_only_for_published_events(admin_client):
    draft = EventFactory(status=Event.Status.DRAFT)
    live = EventFactory()
    draft_html = admin_client.get(reverse("admin:events_event_change", args=[draft.pk])).content
    live_html = admin_client.get(reverse("admin:events_event_change", args=[live.pk])).content
    assert b'class="viewsitelink"' not in draft_html
    assert b'class="viewsitelink"' in live_html
    # A draft has its signed preview links instead (relacions.workflow).
    assert b"/workflow/preview/" in draft_html


def test_the_image_preview(admin_client, image):
    event = EventFactory(image=image)
    html = admin_client.get(reverse("admin:events_event_change", args=[event.pk])).content
    assert image.rendition(320).file.url.encode() in html


def test_editors_may_add_change_view_and_delete_events(django_user_model):
    setup_roles()
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.groups.add(editor.groups.model.objects.get(name=EDITORS))
    for action in ("add", "change", "view", "delete"):
        assert editor.has_perm(f"events.{action}_event")


def test_images_networks_and_forums_are_found_by_name(admin_client, image):
    forum = ForumFactory(name_ca="Fòrum de Cultura")
    for field, term, expected in (
        ("image", "Leeds", image.pk),
        ("forum", "Cultura", forum.pk),
        ("networks", forum.network.name_ca, forum.network.pk),
    ):
        response = admin_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "events", "model_name": "event", "field_name": field, "term": term},
        )
        assert response.status_code == 200
        assert [result["id"] for result in response.json()["results"]] == [str(expected)]


def test_the_country_is_searched_by_name_in_the_admins_language(admin_client):
    response = admin_client.get(reverse("admin:events_event_add"), HTTP_ACCEPT_LANGUAGE="ca")
    html = response.content.decode()
    # Every ISO country, named in Catalan, in a select the editor types into (select2).
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S)
    assert 'class="searchable-select"' in select.group(0) and 'lang="ca"' in select.group(0)
    assert select.group(1).count("<option") > 240
    assert '<option value="JP">Japó</option>' in select.group(1)
    assert "js/admin-searchable-select.js" in html
    assert "admin/js/vendor/select2/i18n/ca.js" in html


def test_a_country_outside_the_list_gets_a_clear_error_and_keeps_the_text(admin_client):
    response = admin_client.post(reverse("admin:events_event_add"), form_data(country="ZZ"))
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["country"]
    assert 'value="Trobada"' in response.content.decode()
