from django.contrib import admin, messages
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from relacions.workflow.admin import TranslatedWorkflowAdmin
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import Page, SiteSettings


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The page")
    list_display = (
        "title",
        "key",
        "state_badge",
        "show_in_menu",
        "menu_order",
        "reviewed_on",
        "updated_at",
    )
    list_filter = ("status", "show_in_menu", "key")
    list_select_related = ("parent",)
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "summary", "body")}),
        PUBLICATION_FIELDSET,
        (_("Place on the site"), {"fields": ("key", "parent", "show_in_menu", "menu_order")}),
        (_("Review"), {"fields": ("reviewed_on",)}),
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            self._remind_statement_review(request)
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            statement = Page.objects.accessibility_statement().first()
            if statement is not None and str(statement.pk) == str(object_id):
                self._remind_statement_review(request, statement)
        return super().change_view(request, object_id, form_url, extra_context)

    def _remind_statement_review(self, request, statement: Page | None = None) -> None:
        """The accessibility statement must be reviewed at least once a year (Royal Decree
        1112/2018): a warning on the pages' list and on the statement's form while it is due."""
        statement = statement or Page.objects.accessibility_statement().first()
        if statement is None:
            messages.warning(
                request,
                gettext(
                    "There is no accessibility statement: create a page with the role "
                    "“Accessibility statement”. Every page's footer links to it."
                ),
            )
            return
        if not statement.review_is_overdue():
            return
        url = reverse("admin:pages_page_change", args=(statement.pk,))
        if statement.reviewed_on is None:
            text = gettext("The accessibility statement has no review date.")
        else:
            text = gettext(
                "The accessibility statement was last reviewed on %(date)s, more than a year ago."
            ) % {"date": date_format(statement.reviewed_on, "DATE_FORMAT")}
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                text,
                url,
                gettext("Review it and set “last reviewed on” to the day of the review."),
            ),
        )


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The site settings")
    fieldsets = (
        (_("Office"), {"fields": ("office_name", "mission_intro")}),
        (_("Contact"), {"fields": ("address", "email", "phone", "website")}),
        (
            _("Social networks"),
            {"fields": ("x_url", "facebook_url", "instagram_url", "linkedin_url", "youtube_url")},
        ),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
