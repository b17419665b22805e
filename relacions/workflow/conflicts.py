"""Optimistic locking for the admin: a form carries the version of the object it was loaded at;
saving over a newer one is refused, and nothing the editor typed is lost.

The version token is `version` for Publishable content (raised on every save), `updated_at`
where a model has it, and otherwise the id of the object's latest revision (every admin save
makes one). The check locks the row (SELECT … FOR UPDATE) inside the save's transaction, so of
two simultaneous saves the second waits for the first and then sees its version.
"""

import json

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reversion.models import Version

FIELD = "loaded_version"
# The changelist's hidden input: {pk: token} of the rows shown when the page was loaded.
LIST_FIELD = "_loaded_versions"


def token_field(model) -> str | None:
    names = {field.name for field in model._meta.concrete_fields}
    for name in ("version", "updated_at"):
        if name in names:
            return name
    return None


def _as_token(value) -> str:
    if value is None:
        return "0"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def tokens_of(model, objects) -> dict[str, str]:
    """{pk: token} of loaded objects (one query for models versioned by their revisions)."""
    field = token_field(model)
    if field:
        return {str(obj.pk): _as_token(getattr(obj, field)) for obj in objects}
    pks = [str(obj.pk) for obj in objects]
    latest = dict(
        Version.objects.get_for_model(model)
        .filter(object_id__in=pks)
        .order_by()
        .values_list("object_id")
        .annotate(Max("pk"))
    )
    return {pk: _as_token(latest.get(pk)) for pk in pks}


def token_of(obj) -> str:
    return tokens_of(type(obj), [obj])[str(obj.pk)]


def locked_tokens(model, pks) -> dict[str, str]:
    """The stored tokens of these rows, locking them until the transaction ends."""
    field = token_field(model)
    rows = model._base_manager.select_for_update().filter(pk__in=list(pks)).order_by("pk")
    if field:
        return {str(pk): _as_token(value) for pk, value in rows.values_list("pk", field)}
    locked = [str(pk) for pk in rows.values_list("pk", flat=True)]
    latest = dict(
        Version.objects.get_for_model(model)
        .filter(object_id__in=locked)
        .order_by()
        .values_list("object_id")
        .annotate(Max("pk"))
    )
    return {pk: _as_token(latest.get(pk)) for pk in locked}


def last_change(model, pk) -> LogEntry | None:
    return (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=str(pk)
        )
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )


def describe_change(model, pk) -> dict[str, str]:
    entry = last_change(model, pk)
    if entry is None:
        return {"user": _("another user"), "date": _("a moment ago")}
    user = entry.user
    return {
        "user": user.get_full_name() or user.get_username(),
        "date": date_format(timezone.localtime(entry.action_time), "DATETIME_FORMAT"),
    }


def conflict_message(model, pk) -> str:
    return _(
        "%(user)s changed this %(name)s on %(date)s, after you opened it. Your changes have not "
        "been saved: they are still in the form below. Check the current version (open it in "
        "another tab), then save again to replace it with yours."
    ) % {**describe_change(model, pk), "name": model._meta.verbose_name}


def unchecked_message(model) -> str:
    return _(
        "This %(name)s could not be checked for changes made by others since you opened it (the "
        "form did not say which version it was loaded at). Your changes have not been saved: "
        "they are still in the form below. Check the current version (open it in another tab), "
        "then save again to replace it with yours."
    ) % {"name": model._meta.verbose_name}


def loaded_tokens(data) -> dict[str, str] | None:
    try:
        loaded = json.loads(data.get(LIST_FIELD, ""))
    except ValueError:
        return None
    return (
        {str(key): str(value) for key, value in loaded.items()}
        if isinstance(loaded, dict)
        else None
    )


def dump_tokens(tokens: dict[str, str]) -> str:
    return json.dumps(tokens, separators=(",", ":"))
