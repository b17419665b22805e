"""`WorkflowAdmin`, the base of every content type's admin, and the audit log.

WorkflowAdmin = django-reversion's VersionAdmin (a revision with author, time and comment on every
save, action and list edit; history, restore, recovery of deleted objects) + conflict detection
on the change form, the list edit and the actions (conflicts.py) + the history's comparison of
two revisions (diff.py) + signed preview links (preview.py).
`TranslatedWorkflowAdmin` adds modeltranslation's language tabs; core's `PublishableAdmin`
builds on it.
"""

from itertools import chain

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.admin.widgets import AdminFileWidget
from django.core import serializers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion import revisions
from reversion.admin import VersionAdmin
from reversion.models import Revision, Version

from relacions.core.admin_messages import GenderedMessagesMixin, RemovedImagesWarningMixin
from relacions.core.catalan import elide_if_catalan
from relacions.core.listlookups import OfferedLookupsOnly

from . import changes, conflicts, diff, preview
from .forms import COMMENT_FIELD, guarded


def _follow_fields(model_admin) -> tuple[str, ...]:
    follow = []
    for inline in model_admin.inlines:
        _model, field = model_admin._reversion_introspect_inline_admin(inline)
        if field:
            follow.append(field)
    return tuple(follow)


def register_with_inlines(model_admin) -> None:
    """Follow the admin's inlines even when the model was registered first as another admin's
    inline (VersionAdmin registers a model only once, with the follows of its first admin)."""
    model = model_admin.model
    follow = _follow_fields(model_admin)
    options = revisions._get_options(model)
    missing = tuple(field for field in follow if field not in options.follow)
    if not missing:
        return
    revisions.unregister(model)
    revisions.register(
        model,
        fields=options.fields,
        follow=(*options.follow, *missing),
        format=options.format,
        for_concrete_model=options.for_concrete_model,
        ignore_duplicates=options.ignore_duplicates,
        use_natural_foreign_keys=options.use_natural_foreign_keys,
    )


def snapshot_before_delete(objects, *, user, comment: str) -> None:
    """Store the objects (and what they follow) as a revision of their own, written at once:
    django-reversion saves only objects that still exist when a revision closes, and the delete
    may run inside one (the changelist's). Recovery then works for content never saved in the
    admin (demo content, imports)."""
    objects = list(chain.from_iterable(revisions._follow_relations_recursive(o) for o in objects))
    if not objects:
        return
    revision = Revision.objects.create(date_created=timezone.now(), user=user, comment=comment)
    Version.objects.bulk_create(
        Version(
            revision=revision,
            content_type=revisions._get_content_type(type(obj), "default"),
            object_id=str(obj.pk),
            db=obj._state.db or "default",
            format=revisions._get_options(type(obj)).format,
            serialized_data=serializers.serialize(
                revisions._get_options(type(obj)).format,
                (obj,),
                fields=revisions._get_options(type(obj)).fields,
            ),
            object_repr=str(obj),
        )
        for obj in objects
        if revisions.is_registered(type(obj))
    )


class LabelledFileWidget(AdminFileWidget):
    """Django's file widget under a <label> for its file input, not a <legend>: a legend names
    the group, and left the input itself without a name for screen readers. The "clear" checkbox
    keeps its own label."""

    use_fieldset = False


def _is_delete_confirmation(request) -> bool:
    """The second step of "Delete selected": Django's confirmation page does not carry the list's
    versions; the first step, sent from the list, was checked."""
    return request.POST.get("action") == "delete_selected" and "post" in request.POST


class WorkflowAdmin(
    OfferedLookupsOnly, GenderedMessagesMixin, RemovedImagesWarningMixin, VersionAdmin
):
    formfield_overrides = {
        models.FileField: {"widget": LabelledFileWidget},
        models.ImageField: {"widget": LabelledFileWidget},
    }
    object_history_template = "admin/workflow/object_history.html"
    # The project's admin/change_list.html adds the recovery link and the loaded versions.
    change_list_template = None
    history_latest_first = True

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        register_with_inlines(self)

    # Forms: conflict detection and the revision comment.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "fields" in kwargs and kwargs["fields"] is None:
            # Django's get_fields() asking which fields the model form has: only the model's.
            return form
        return guarded(
            form,
            change_form=True,
            loaded_token_override=getattr(request, "workflow_loaded_token", None),
        )

    def get_changelist_form(self, request, **kwargs):
        form = super().get_changelist_form(request, **kwargs)
        tokens = conflicts.loaded_tokens(request.POST) if request.method == "POST" else None
        return guarded(form, change_form=False, loaded_tokens=tokens)

    def loaded_versions(self, objects) -> str:
        """The changelist's hidden `_loaded_versions` value for the rows it shows."""
        return conflicts.dump_tokens(conflicts.tokens_of(self.model, objects))

    # Actions on rows changed since the list was loaded are refused as a whole.

    def response_action(self, request, queryset, action_location=admin.ActionLocation.CHANGE_LIST):
        if not _is_delete_confirmation(request):
            loaded = conflicts.loaded_tokens(request.POST) or {}
            selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            current = conflicts.locked_tokens(self.model, self._valid_pks(selected))
            # A row whose version was not sent (or no map at all) counts as changed.
            stale = [pk for pk in selected if pk not in loaded or current.get(pk) != loaded[pk]]
            if stale:
                self._report_stale(request, [pk for pk in stale if pk in loaded])
                return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, action_location)

    def _valid_pks(self, values) -> list:
        valid = []
        for value in values:
            try:
                valid.append(self.model._meta.pk.to_python(value))
            except ValidationError:
                continue  # names no row: counted as not loaded
        return valid

    def _report_stale(self, request, pks) -> None:
        """One message per row changed since the list was loaded, then that nothing was done."""
        found = self.model._base_manager.in_bulk(pks)
        for pk in pks:
            obj = found.get(self.model._meta.pk.to_python(pk))
            if obj is None:
                message = gettext(
                    "An item you selected has been deleted since the list was loaded."
                )
            else:
                message = gettext(
                    "“%(object)s” was changed by %(user)s on %(date)s, after this list was loaded."
                ) % {"object": obj, **conflicts.describe_change(self.model, pk)}
            self.message_user(request, message, messages.ERROR)
        self.message_user(
            request,
            gettext(
                "No action was taken. The list now shows the current versions: "
                "check them and try again."
            ),
            messages.WARNING,
        )

    # Revision comments and audit entries.

    def _revision_comment(self, request) -> str:
        return (request.POST.get(COMMENT_FIELD) or "").strip() if request.method == "POST" else ""

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment_revision(request, entry)
        return entry

    def log_change(self, request, obj, message):
        restoring = getattr(request, "workflow_restoring", None)
        if restoring is not None:
            message = restoring
        entry = super().log_change(request, obj, message)
        self._comment_revision(request, entry)
        return entry

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        return changes.without_bookkeeping(message)

    def _comment_revision(self, request, entry: LogEntry) -> None:
        if not revisions.is_active():
            return
        # Without a typed comment, the change as data (JSON) rather than as text in the saver's
        # language: the history writes it out for each reader (changes.py).
        revisions.set_comment(self._revision_comment(request) or entry.change_message)

    # Restores: the form keeps the current version (conflicts), the audit log says what happened.

    def _prepare_restore(self, request, version, message: str) -> None:
        obj = version._model._base_manager.filter(pk=version.object_id).first()
        if obj is not None:
            request.workflow_loaded_token = conflicts.token_of(obj)
        request.workflow_restoring = message

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        when = date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        self._prepare_restore(
            request,
            version,
            elide_if_catalan(gettext("Restored the version of %(date)s.") % {"date": when}),
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        when = date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
        self._prepare_restore(
            request,
            version,
            elide_if_catalan(
                gettext("Recovered after deletion (version of %(date)s).") % {"date": when}
            ),
        )
        return super().recover_view(request, version_id, extra_context)

    # Deletions keep a revision, so the object can be recovered.

    def delete_model(self, request, obj):
        snapshot_before_delete([obj], user=request.user, comment=gettext("Deleted."))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        snapshot_before_delete(list(queryset), user=request.user, comment=gettext("Deleted."))
        super().delete_queryset(request, queryset)

    # Change form: preview links; history: comparison of two revisions.

    def history_hidden_fields(self, request) -> tuple[str, ...]:
        """Fields this user may not see, left out of the comparison of revisions."""
        return ()

    def history_view(self, request, object_id, extra_context=None):
        # VersionAdmin's list, with each version's id for the comparison form.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.opts
        versions = self._reversion_order_version_queryset(
            request,
            Version.objects.get_for_object_reference(self.model, unquote(object_id)).select_related(
                "revision__user"
            ),
        )
        action_list = [
            {
                "revision": version.revision,
                "comment": changes.describe(version.revision.comment, self.model, request),
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Previews are of what the user may edit: a read-only page offers none.
        editable = obj is not None and change and self.has_change_permission(request, obj)
        if editable and preview.can_preview(obj):
            context["preview_links"] = [
                (code, name, preview.preview_url(obj, code)) for code, name in settings.LANGUAGES
            ]
            context["preview_max_age_minutes"] = preview.max_age() // 60
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            old = versions.get(pk=int(request.GET.get("from", "")))
            new = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist) as error:
            raise Http404("Choose two revisions of this object.") from error
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        opts = self.opts
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Changes to %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "object_id": quote(obj.pk),
            "old": old,
            "new": new,
            "changes": diff.compare(
                self.model,
                old.field_dict,
                new.field_dict,
                hidden=self.history_hidden_fields(request),
            ),
            "restore_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(obj.pk), old.pk),
            ),
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=(quote(obj.pk),),
            ),
            "has_change_permission": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/workflow/compare.html", context)


class TranslatedWorkflowAdmin(WorkflowAdmin, TabbedTranslationAdmin):
    """WorkflowAdmin with modeltranslation's language tabs."""


# --- Audit ------------------------------------------------------------------------------------


@admin.register(LogEntry)
class LogEntryAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    """Who changed what and when: every admin save, action, restore and deletion. Read-only."""

    # The last column, the change itself, is the reader's own: get_list_display().
    list_display = ("action_time", "user", "content_type", "object_link", "action")
    list_filter = (
        "action_flag",
        "user",
        "content_type",
        ("action_time", admin.DateFieldListFilter),
    )
    list_select_related = ("user", "content_type")
    search_fields = ("object_repr", "change_message", "user__username")
    date_hierarchy = "action_time"
    ordering = ("-action_time",)
    list_per_page = 50

    def get_search_fields(self, request):
        # Searching the messages would answer questions about what they leave out for this reader.
        fields = super().get_search_fields(request)
        if changes.hides_anything(request):
            return tuple(field for field in fields if field != "change_message")
        return fields

    def get_list_display(self, request):
        @admin.display(description=_("change"))
        def change(entry: LogEntry) -> str:
            model = entry.content_type.model_class() if entry.content_type else None
            return changes.describe(entry.change_message, model, request)

        return (*self.list_display, change)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry: LogEntry):
        if entry.is_deletion():
            return entry.object_repr
        try:
            url = entry.get_admin_url()
        except NoReverseMatch:
            url = None
        return (
            format_html('<a href="{}">{}</a>', url, entry.object_repr) if url else entry.object_repr
        )

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry: LogEntry) -> str | Promise:
        return {1: _("Added"), 2: _("Changed"), 3: _("Deleted")}.get(entry.action_flag, "")
