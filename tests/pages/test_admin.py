import pytest
from django.urls import reverse

from relacions.pages.models import Page, SiteSettings
from tests.factories import PageFactory
from tests.workflow.conftest import list_versions

pytestmark = pytest.mark.django_db


def test_the_page_form_has_a_field_per_language_and_loads_local_jquery_ui(admin_client):
    response = admin_client.get(reverse("admin:pages_page_add"))
    body = response.content.decode()

    assert response.status_code == 200
    for language in ("ca", "es", "en"):
        for field in ("title", "slug", "summary", "body"):
            assert f'name="{field}_{language}"' in body
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in body
    assert "tabbed_translation_fields.js" in body
    assert "googleapis" not in body


def test_publish_and_unpublish_actions(admin_client):
    pages = PageFactory.create_batch(2, status=Page.Status.DRAFT)
    url = reverse("admin:pages_page_changelist")

    selected = [p.pk for p in pages]
    versions = list_versions(admin_client, url)
    admin_client.post(url, {"action": "publish", "_selected_action": selected, **versions})
    assert Page.objects.published().count() == 2

    versions = list_versions(admin_client, url)
    admin_client.post(url, {"action": "unpublish", "_selected_action": [pages[0].pk], **versions})
    assert list(Page.objects.published()) == [pages[1]]


def test_the_changelist_shows_each_items_state(admin_client):
    PageFactory(title_ca="Esborrany", status=Page.Status.DRAFT)
    body = admin_client.get(reverse("admin:pages_page_changelist")).content.decode()
    assert 'class="state state--draft"' in body


def test_site_settings_is_a_single_row(admin_client):
    SiteSettings.objects.create(office_name_ca="Servei")
    assert admin_client.get(reverse("admin:pages_sitesettings_add")).status_code == 403
    SiteSettings(office_name_ca="Un altre").save()
    assert SiteSettings.objects.count() == 1
