import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from relacions.core.roles import ADMINISTRATORS, EDITORS, NETWORK_ADMINISTRATORS
from relacions.pages.models import Page, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "version", "updated_at")),
        "settings": list(SiteSettings.objects.values_list("pk", "office_name_ca")),
    }


def test_loading_the_demo_content_twice_changes_nothing():
    call_command("load_demo_content", verbosity=0)
    first = snapshot()
    assert len(first["pages"]) == 4
    assert first["settings"] == [(1, "Servei de Relacions Europees i Internacionals")]

    call_command("load_demo_content", verbosity=0)

    assert snapshot() == first


def test_the_demo_pages_exist_in_three_languages():
    call_command("load_demo_content", verbosity=0)
    mission = Page.objects.get(key=Page.Key.MISSION)
    assert mission.title_ca == "Qui som" and mission.title_es == "Quiénes somos"
    assert "Pla de Mandat" in mission.body_ca and "Plan de Mandato" in mission.body_es
    assert "European and international stage" in mission.body_en


def test_setup_roles_is_idempotent_and_least_privilege():
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)

    assert {EDITORS, NETWORK_ADMINISTRATORS, ADMINISTRATORS} <= set(
        Group.objects.values_list("name", flat=True)
    )
    assert Group.objects.filter(name=EDITORS).count() == 1
    editors = set(
        Group.objects.get(name=EDITORS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert ("pages", "change_page") in editors
    assert not {perm for perm in editors if perm[0] == "auth"}, "editors must not manage users"
    assert ("pages", "change_sitesettings") not in editors
    administrators = Group.objects.get(name=ADMINISTRATORS).permissions
    assert administrators.filter(content_type__app_label="auth", codename="change_user").exists()
