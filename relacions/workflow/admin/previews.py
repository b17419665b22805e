from typing import TYPE_CHECKING

from django.conf import settings

from .. import preview

if TYPE_CHECKING:
    # For the type checker only: the admin this mixin is written for (Python's method order stays
    # as WorkflowAdmin lists its bases).
    from reversion.admin import VersionAdmin as _Admin
else:
    _Admin = object


class PreviewLinksMixin(_Admin):
    """ModelAdmin mixin: the change form links to a signed preview of the object in each
    language (preview.py)."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Previews are of what the user may edit: a read-only page offers none.
        editable = obj is not None and change and self.has_change_permission(request, obj)
        if editable and preview.can_preview(obj):
            context["preview_links"] = [
                (code, name, preview.preview_url(obj, code)) for code, name in settings.LANGUAGES
            ]
            context["preview_max_age_minutes"] = preview.max_age() // 60
        return super().render_change_form(request, context, add, change, form_url, obj)
