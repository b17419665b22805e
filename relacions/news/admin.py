from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.translated import localized_names
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import NewsItem

THUMBNAIL_WIDTH = 80
PREVIEW_WIDTH = 320


def _image_tag(image, width: int) -> str:
    """The narrowest rendition at least `width` wide, shown `width` wide (sizes as attributes:
    the admin's CSP allows no inline style)."""
    if image is None or not image.file:
        return "—"
    source = image.rendition(width) or image
    if not source.width:
        return "—"
    shown = min(width, source.width)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">',
        source.file.url,
        shown,
        max(1, round(source.height * shown / source.width)),
        image.alt,
    )


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("published_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.in_year(int(self.value()))
        return queryset


@admin.register(NewsItem)
class NewsItemAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The news item")
    list_display = ("title", "state_badge", "published_on", "featured", "thumbnail")
    list_editable = ("featured",)
    list_filter = ("status", "featured", "networks", YearFilter)
    list_select_related = ("image",)
    search_fields = localized_names("title", "summary")
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("image", "networks", "forums", "events", "objectives")
    readonly_fields = (*PublishableAdmin.readonly_fields, "image_preview")
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "published_on", "summary", "body")}),
        (_("Image"), {"fields": ("image", "image_preview")}),
        PUBLICATION_FIELDSET,
        (_("Home page"), {"fields": ("featured",)}),
        (
            _("Related content"),
            {
                "fields": ("networks", "forums", "events", "objectives"),
                "description": _("Linked from the news page, and the news from theirs."),
            },
        ),
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    def view_on_site(self, obj: NewsItem):
        # Only a published item has a public page; a draft has its preview links instead.
        return obj.get_absolute_url() if obj.is_published() else None

    @admin.display(description=_("image"))
    def thumbnail(self, obj: NewsItem) -> str:
        return _image_tag(obj.image, THUMBNAIL_WIDTH)

    @admin.display(description=_("preview"))
    def image_preview(self, obj: NewsItem) -> str:
        if obj.image is None:
            return _("No image chosen. The preview is shown here once the item is saved.")
        return _image_tag(obj.image, PREVIEW_WIDTH)
