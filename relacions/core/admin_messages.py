"""The admin's messages: success messages with each model's own article and gender, and the
warning when a rich-text field loses images on save.

Success messages:

Django words them "The {name} “{obj}” was added successfully.", which Catalan and Spanish cannot
translate once for every model ("El notícia … fou afegit"). A model's admin names its subject
with the article (`message_subject = pgettext_lazy("admin message subject", "The news item")`,
"La notícia", "L'activitat") and the sentences around it are worded so that nothing else agrees
with it. Admins without a subject keep Django's messages, which the project's catalogue words
without an article or a gendered participle.
"""

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext

from .fields import RichTextField
from .sanitize import removed_images

CONTEXT = "admin message"


def _sentence(kind: str) -> str:
    # One call per msgid, so that each is found in the catalogue as it is written here.
    return {
        "added": pgettext(CONTEXT, "{subject} “{obj}” was added successfully."),
        "changed": pgettext(CONTEXT, "{subject} “{obj}” was changed successfully."),
        "deleted": pgettext(CONTEXT, "{subject} “{obj}” was deleted successfully."),
    }[kind]


def _follow_up(request, kind: str, can_change: bool) -> str:
    if kind == "deleted":
        return ""
    if "_addanother" in request.POST:
        return pgettext(CONTEXT, "You may add another below.")
    if can_change and ("_continue" in request.POST or "_saveasnew" in request.POST):
        return pgettext(CONTEXT, "You may edit it again below.")
    return ""


# The mixins' methods use their ModelAdmin's: the type checker is told their base, Python is not.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class GenderedMessagesMixin(_ModelAdmin):
    """For a ModelAdmin: success messages worded around `message_subject`."""

    message_subject: str | Promise | None = None

    def response_add(self, request, obj, post_url_continue=None):
        request.admin_message = ("added", obj, str(obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        request.admin_message = ("changed", obj, str(obj))
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        request.admin_message = ("deleted", None, str(obj_display))
        return super().response_delete(request, obj_display, obj_id)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        pending = getattr(request, "admin_message", None)
        if pending and level == messages.SUCCESS and self.message_subject:
            request.admin_message = None
            message = self.gendered_message(request, *pending)
        super().message_user(request, message, level, *args, **kwargs)

    def gendered_message(self, request, kind: str, obj, display: str) -> str:
        can_change = obj is not None and self.has_change_permission(request, obj)
        link = self._object_link(request, obj, display) if obj is not None else display
        text = format_html(_sentence(kind), subject=self.message_subject, obj=link)
        follow_up = _follow_up(request, kind, can_change)
        return format_html("{} {}", text, follow_up) if follow_up else text

    def _object_link(self, request, obj, display: str) -> str:
        if not (self.has_change_permission(request, obj) or self.has_view_permission(request, obj)):
            return display
        opts = obj._meta
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=(quote(obj.pk),),
        )
        return format_html('<a href="{}">{}</a>', url, display)


class RemovedImagesWarningMixin(_ModelAdmin):
    """For a ModelAdmin: says which rich-text field lost images on save (images pasted from Word
    or another site, not from the image library), instead of publishing them as empty `<img>`."""

    def save_model(self, request, obj, form, change):
        self.warn_removed_images(request, form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if getattr(inline_form, "cleaned_data", None):
                self.warn_removed_images(request, inline_form)
        super().save_formset(request, form, formset, change)

    def warn_removed_images(self, request, form) -> None:
        model_opts = form._meta.model._meta
        for name, value in form.cleaned_data.items():
            field = next((f for f in model_opts.concrete_fields if f.name == name), None)
            if isinstance(field, RichTextField) and removed_images(value):
                self.message_user(
                    request,
                    gettext(
                        "Images that are not in the image library were removed from "
                        "“%(field)s”: add them to the image library and insert them from there."
                    )
                    % {"field": form.fields[name].label or name},
                    messages.WARNING,
                )
