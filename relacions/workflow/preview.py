"""Signed, expiring preview links: how an object's public page looks before it is published (its
saved draft) or before it is saved (the change form posted to the same link), in each language.

Each app's detail view mixes in `PreviewMixin`; the preview finds the view by resolving the
object's `get_absolute_url()` in the chosen language, so no registry is needed and the public
template is the only template.
"""

from typing import TYPE_CHECKING

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import models
from django.http import Http404
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

SALT = "relacions.workflow.preview"


def max_age() -> int:
    return getattr(settings, "PREVIEW_LINK_MAX_AGE", 3600)


# The mixin's methods use its view's: the type checker is told its base, Python is not.
if TYPE_CHECKING:
    _DetailView = DetailView
else:
    _DetailView = object


class PreviewMixin(_DetailView):
    """For a public detail view: render a given object, published or not, saved or not."""

    def get_preview_object(self, obj):
        """`obj` loaded as the page needs it (related objects prefetched), whatever its state."""
        return obj

    def render_preview(self, obj):
        self.object = obj
        context = self.get_context_data(object=obj)
        context["is_preview"] = True
        return self.render_to_response(context)


def make_token(obj, language: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"model": obj._meta.label_lower, "pk": str(obj.pk), "language": language}
    )


def read_token(token: str) -> tuple[type[models.Model], str, str]:
    """(model, pk, language); raises signing.BadSignature (SignatureExpired after max_age())."""
    data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age())
    language = data["language"]
    if language not in dict(settings.LANGUAGES):
        raise signing.BadSignature("unknown language")
    try:
        model = apps.get_model(data["model"])
    except (LookupError, ValueError) as error:
        raise signing.BadSignature("unknown model") from error
    return model, data["pk"], language


def preview_url(obj, language: str) -> str:
    return reverse("workflow:preview", args=(make_token(obj, language),))


def preview_view(obj, language: str):
    """The public detail view (set up as for the object's address) that can preview `obj`."""
    with translation.override(language):
        try:
            match = resolve(obj.get_absolute_url())
        except (Resolver404, AttributeError):
            return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not issubclass(view_class, PreviewMixin):
        return None
    # as_view() sets both view_class and view_initkwargs on the function it returns.
    view = view_class(**getattr(match.func, "view_initkwargs", {}))
    view.preview_args = match.args
    view.preview_kwargs = match.kwargs
    return view


def can_preview(obj) -> bool:
    return obj.pk is not None and preview_view(obj, settings.LANGUAGE_CODE) is not None


def render(request, obj, language: str, *, prepare=None):
    """The response of the public page for `obj` in `language`; `prepare(obj)` may change the
    loaded object before it renders (the unsaved form's data)."""
    view = preview_view(obj, language)
    if view is None:
        raise Http404("This content has no public page to preview.")
    with translation.override(language):
        request.LANGUAGE_CODE = language
        view.setup(request, *view.preview_args, **view.preview_kwargs)
        obj = view.get_preview_object(obj)
        if prepare is not None:
            prepare(obj)
        response = view.render_preview(obj)
        if hasattr(response, "render"):
            response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
