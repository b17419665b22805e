"""Previews and rendered fragments, for the registers whose own fragment tests leave them out
(networks, agreements, projects, visits; news, events and the Pla de Mandat have theirs): a
preview shows what the editor wrote and keeps none of it, so the public page never shows it."""

import pytest
from django.urls import reverse

from relacions.core.models import Publishable
from relacions.operations.pagecache import fragments
from relacions.workflow import preview
from tests.factories import NetworkFactory
from tests.factories.agreements import AgreementFactory
from tests.factories.projects import ProjectFactory
from tests.factories.visits import VisitFactory
from tests.helpers import signed_in_client, url_of, visit
from tests.workflow.conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

# (factory, the translated field the detail fragment shows, the fragment's name)
REGISTERS = {
    "network": (NetworkFactory, "description", "networks.detail"),
    "agreement": (AgreementFactory, "object", "agreements.detail"),
    "project": (ProjectFactory, "description", "projects.detail"),
    "visit": (VisitFactory, "outcome", "visits.detail"),
}


def stored(name: str) -> list[str]:
    return [key for key in fragments.cache_backend()._cache if f":{name}:" in key]


@pytest.mark.parametrize("register", REGISTERS)
def test_a_preview_of_unsaved_changes_is_not_kept(client, administrator, register):
    factory, field, _name = REGISTERS[register]
    obj = factory(**{f"{field}_en": "As published"})
    public = url_of(obj, "en")
    assert "As published" in visit(client, public)[0]
    staff = signed_in_client(administrator)
    meta = obj._meta
    change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=(obj.pk,))
    data = form_data(staff.get(change), **{f"{field}_en": "Only previewed", "_preview": "en"})
    response = staff.post(preview.preview_url(obj, "en"), data)
    assert response.status_code == 200 and "Only previewed" in response.text
    body = visit(client, public)[0]
    assert "As published" in body and "Only previewed" not in body


@pytest.mark.parametrize("register", REGISTERS)
def test_a_draft_seen_through_its_preview_link_is_not_kept(client, administrator, register):
    factory, field, name = REGISTERS[register]
    draft = factory(status=Publishable.Status.DRAFT, **{f"{field}_en": "Draft text"})
    staff = signed_in_client(administrator)
    assert "Draft text" in staff.get(preview.preview_url(draft, "en")).text
    assert not stored(name)
    # What a public visit of a published one keeps, the preview did not.
    visit(client, url_of(factory(), "en"))
    assert stored(name)
