"""Revisions: the comment each one carries, what the audit log says of a restore, and a revision
kept before each deletion so the object can be recovered."""

from contextlib import nullcontext
from typing import TYPE_CHECKING

import reversion
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from reversion.models import Version

from relacions.core.catalan import elide_if_catalan

from .. import changes, conflicts
from ..forms import COMMENT_FIELD
from .stale import is_delete_confirmation

if TYPE_CHECKING:
    # For the type checker only: the admin this mixin is written for (Python's method order stays
    # as WorkflowAdmin lists its bases).
    from reversion.admin import VersionAdmin as _Admin
else:
    _Admin = object


def snapshot_before_delete(objects, *, user, comment: str) -> None:
    """Store the objects (and what they follow) as a revision of their own, written before they
    are deleted: django-reversion saves only objects that still exist when a revision closes.
    Recovery then works for content never saved in the admin (demo content, imports)."""
    objects = [obj for obj in objects if reversion.is_registered(type(obj))]
    if not objects:
        return
    if reversion.is_active():
        # Inside another revision, these versions would wait for it to close, and be dropped.
        raise reversion.RevisionManagementError("A deletion's revision is written on its own.")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment)
        for obj in objects:
            reversion.add_to_revision(obj)


class RevisionsMixin(_Admin):
    """VersionAdmin mixin: commented revisions, restores named in the audit log, deletions kept."""

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
        if not reversion.is_active():
            return
        # Without a typed comment, the change as data (JSON) rather than as text in the saver's
        # language: the history writes it out for each reader (changes.py).
        reversion.set_comment(self._revision_comment(request) or entry.change_message)

    # Restores: the form keeps the current version (conflicts), the audit log says what happened.

    def _prepare_restore(self, request, version, message: str) -> None:
        model = version.content_type.model_class()
        obj = model._base_manager.filter(pk=version.object_id).first()
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

    def create_revision(self, request):
        # The list's "Delete selected", once confirmed, writes its own revision before deleting
        # (snapshot_before_delete): it runs outside the one VersionAdmin opens around the list.
        if is_delete_confirmation(request):
            return nullcontext()
        return super().create_revision(request)

    def delete_model(self, request, obj):
        snapshot_before_delete([obj], user=request.user, comment=gettext("Deleted."))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        snapshot_before_delete(list(queryset), user=request.user, comment=gettext("Deleted."))
        super().delete_queryset(request, queryset)
