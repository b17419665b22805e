"""Admin pages of the workflow: the signed preview and the translation status."""

from django.conf import settings
from django.contrib import admin
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from relacions.operations import pagecache

from . import preview, translation_status
from .tracking import text_fields

ROWS_PER_TYPE = 200


def _model_admin(model):
    return admin.site._registry.get(model)


@never_cache
def preview_view(request, token: str):
    """The public page of an object as it is saved (GET) or as its change form says (POST)."""
    try:
        model, pk, language = preview.read_token(token)
    except signing.SignatureExpired as error:
        raise PermissionDenied(_("This preview link has expired.")) from error
    except signing.BadSignature as error:
        raise PermissionDenied(_("This preview link is not valid.")) from error
    model_admin = _model_admin(model)
    obj = model._base_manager.filter(pk=pk).first()
    if model_admin is None or obj is None:
        raise Http404
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied

    if request.method != "POST":
        return preview.render(request, obj, language)
    form_class = model_admin.get_form(request, obj, change=True)
    form_class.check_conflicts = False
    form = form_class(request.POST, request.FILES, instance=obj)
    if form.is_valid() and not request.FILES:
        # Saved, rendered and rolled back: the page reads the form's relations too (the networks,
        # forums, events… ticked but not saved) the way the public view reads them. Nothing is
        # kept: the rows go with the rollback, and so do the callbacks run on commit; the page
        # cache is left alone.
        try:
            with transaction.atomic(), pagecache.rolled_back():
                form.save()
                response = preview.render(request, obj, language)
                transaction.set_rollback(True)
            return response
        except IntegrityError:
            pass  # a clash the form could not see: preview as below

    def prepare(loaded):
        # Validating copies the posted values onto the object; nothing is saved. Relations show
        # as they are saved.
        form_class(request.POST, request.FILES, instance=loaded).is_valid()

    return preview.render(request, obj, language, prepare=prepare)


def translation_status_view(request):
    """Per content type and language: what has no translation, or an older one than Catalan."""
    sections = []
    for model, model_admin in admin.site._registry.items():
        if not text_fields(model) or not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        languages = []
        for code in translation_status.target_languages():
            rows = translation_status.rows(model, code, limit=ROWS_PER_TYPE)
            languages.append({"code": code, "name": dict(settings.LANGUAGES)[code], "rows": rows})
        if any(language["rows"] for language in languages):
            sections.append(
                {
                    "opts": opts,
                    "name": opts.verbose_name_plural,
                    "url_name": f"admin:{opts.app_label}_{opts.model_name}_change",
                    "languages": languages,
                }
            )
    sections.sort(key=lambda section: str(section["name"]))
    context = {
        **admin.site.each_context(request),
        "title": _("Translation status"),
        "sections": sections,
        "limit": ROWS_PER_TYPE,
    }
    return TemplateResponse(request, "admin/workflow/translation_status.html", context)
