from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.translated import localized_names
from relacions.workflow.admin.base import TranslatedWorkflowAdmin

from .models import Image

THUMBNAIL_WIDTH = 120
PREVIEW_WIDTH = 480


def _img(image: Image, width: int, alt: str) -> str:
    """An `<img>` of the narrowest rendition at least `width` wide, shown `width` wide (sizes as
    attributes: the admin's CSP allows no inline style)."""
    rendition = image.rendition(width)
    source = rendition or image
    if not source.width:
        return "—"
    shown = min(width, source.width)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">',
        rendition.file.url if rendition else image.file.url,
        shown,
        max(1, round(source.height * shown / source.width)),
        alt,
    )


@admin.register(Image)
class ImageAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The image")
    list_display = ("thumbnail", "title", "decorative", "dimensions", "licence", "updated_at")
    # The title links to the image; a linked thumbnail would be a second link to the same place
    # with no name of its own (its alt text is empty: the title is beside it).
    list_display_links = ("title",)
    list_filter = ("decorative", "licence", "format", "created_at")
    search_fields = (*localized_names("title", "alt_text"), "credit")
    date_hierarchy = "created_at"
    readonly_fields = ("preview", "dimensions", "format", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("file", "preview")}),
        (_("Description"), {"fields": ("title", "alt_text", "decorative")}),
        (_("Rights"), {"fields": ("credit", "licence")}),
        (_("File details"), {"fields": ("dimensions", "format", "created_at", "updated_at")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(request, "workflow_restoring", None) is not None:
            obj.describe_recorded_renditions()

    def get_deleted_objects(self, objs, request):
        """An image shown in a rich text is protected, as a foreign key with PROTECT would be:
        the admin lists where it is used and deletes nothing (one image or a selection)."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            for obj in image.rich_text_uses():
                protected.append(self._rich_text_use(obj, image))
        return deleted, model_count, perms_needed, protected

    def _rich_text_use(self, obj, image: Image) -> str:
        opts = obj._meta
        label = _("%(model)s “%(object)s” shows the image “%(image)s” in its text") % {
            "model": capfirst(opts.verbose_name),
            "object": obj,
            "image": image,
        }
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            return label
        return format_html('<a href="{}">{}</a>', url, label)

    @admin.display(description=_("preview"))
    def thumbnail(self, obj: Image) -> str:
        # The title is in the next column: the thumbnail itself needs no alt text.
        return _img(obj, THUMBNAIL_WIDTH, alt="")

    @admin.display(description=_("preview"))
    def preview(self, obj: Image) -> str:
        if obj.pk is None:
            return _("Shown here once the image is saved.")
        return _img(obj, PREVIEW_WIDTH, alt=obj.alt)

    @admin.display(description=_("size in pixels"), ordering="width")
    def dimensions(self, obj: Image) -> str:
        if not obj.width:
            return "—"
        return f"{obj.width} × {obj.height}"
