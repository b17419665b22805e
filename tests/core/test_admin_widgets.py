"""One way of picking objectives, networks and forums in every admin form: search as you type."""

import pytest
from django.contrib.admin.widgets import AutocompleteMixin
from django.test import RequestFactory

from relacions.core.admin_site import registered_admins
from relacions.mandate.models import Objective
from relacions.networks.models import Forum, Network

pytestmark = pytest.mark.django_db

LINKED = (Objective, Network, Forum)


def linking_fields(request):
    """(admin, field name, form field) for every form field that picks one of LINKED."""
    for _model, model_admin in registered_admins():
        form = model_admin.get_form(request, obj=None)
        for name, field in form.base_fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and queryset.model in LINKED:
                yield model_admin, name, field


def test_every_form_picks_objectives_networks_and_forums_by_searching(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    found = {(type(a).__name__, name): f.widget for a, name, f in linking_fields(request)}
    # The forms that link them, news and events included (the event form used to differ).
    assert {
        ("NewsItemAdmin", "objectives"),
        ("NewsItemAdmin", "forums"),
        ("EventAdmin", "objectives"),
        ("EventAdmin", "networks"),
        ("ForumAdmin", "objectives"),
        ("MembershipAdmin", "objectives"),
        ("WorkingGroupAdmin", "forums"),
    } <= set(found)
    for key, widget in found.items():
        inner = getattr(widget, "widget", widget)  # the related-object wrapper, if any
        assert isinstance(inner, AutocompleteMixin), key
