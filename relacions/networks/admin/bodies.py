"""Admin of the bodies: networks, forums, working groups, challenge areas and positions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from relacions.core.translated import localized_names
from relacions.workflow.admin.base import TranslatedWorkflowAdmin
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from ..models import ChallengeArea, Forum, Network, Position, WorkingGroup
from .common import HISTORY_FIELDSET
from .forms import WorkingGroupForm


class ForumInline(TranslationStackedInline):
    model = Forum
    fields = ("name", "slug", "status", "chair_city", "participating_since")
    prepopulated_fields = {"slug": ("name",)}
    extra = 0
    show_change_link = True


@admin.register(Network)
class NetworkAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The network")
    list_display = ("name", "acronym", "kind", "headquarters", "state_badge", "updated_at")
    list_filter = ("status", "kind")
    search_fields = localized_names("name", "acronym")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("logo", "seat")
    # Filled in from the seat (a place), never typed: a city is not free text any more.
    readonly_fields = (*PublishableAdmin.readonly_fields, "headquarters")
    inlines = (ForumInline,)
    fieldsets = (
        (_("Content"), {"fields": ("name", "acronym", "slug", "description")}),
        (
            _("About the network"),
            {"fields": ("kind", "seat", "headquarters", "website", "logo")},
        ),
        PUBLICATION_FIELDSET,
        HISTORY_FIELDSET,
    )


class ChallengeAreaInline(TranslationTabularInline):
    model = ChallengeArea
    fields = ("order", "name", "description")
    extra = 0


@admin.register(Forum)
class ForumAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The forum")
    list_display = ("name", "network", "chair_city", "participating_since", "state_badge")
    list_filter = ("status", "network")
    list_select_related = ("network",)
    search_fields = localized_names("name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("network", "objectives")
    inlines = (ChallengeAreaInline,)
    fieldsets = (
        (_("Content"), {"fields": ("network", "name", "slug", "description")}),
        (_("Terrassa's participation"), {"fields": ("chair_city", "participating_since")}),
        (_("Pla de Mandat"), {"fields": ("objectives",)}),
        PUBLICATION_FIELDSET,
        HISTORY_FIELDSET,
    )


@admin.register(WorkingGroup)
class WorkingGroupAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The working group")
    form = WorkingGroupForm
    list_display = ("name", "network", "chair_city", "vice_chair_city", "start", "end")
    list_filter = ("network",)
    list_select_related = ("network",)
    search_fields = localized_names("name")
    autocomplete_fields = ("network", "forums")
    fieldsets = (
        (None, {"fields": ("network", "forums", "name", "mandate")}),
        (_("Chairs and dates"), {"fields": ("chair_city", "vice_chair_city", "start", "end")}),
    )


@admin.register(ChallengeArea)
class ChallengeAreaAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The challenge area")
    list_display = ("name", "forum", "order")
    list_filter = ("forum",)
    list_select_related = ("forum",)
    search_fields = localized_names("name")
    autocomplete_fields = ("forum",)
    fields = ("forum", "order", "name", "description")


@admin.register(Position)
class PositionAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The position")
    list_display = ("title", "body_display", "holder", "start", "end")
    list_select_related = ("network", "forum", "working_group")
    search_fields = (*localized_names("title"), "holder")
    autocomplete_fields = ("network", "forum", "working_group")
    fieldsets = (
        (
            _("Where"),
            {
                "fields": ("network", "forum", "working_group"),
                "description": _("Choose exactly one: the network, a forum or a working group."),
            },
        ),
        (_("Position"), {"fields": ("title", "holder", "start", "end")}),
    )

    @admin.display(description=pgettext_lazy("the organisation a position is held in", "body"))
    def body_display(self, obj: Position) -> str:
        return str(obj.body or "—")
