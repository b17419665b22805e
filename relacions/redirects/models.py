from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

ALLOW_EXTERNAL_PERMISSION = "redirects.allow_external_redirect"


def normalise_old_path(value: str) -> str:
    """A path as a request carries it: a pasted full address loses its scheme and host, and
    percent-escapes are decoded (request.path is decoded too)."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        value = parts.path or "/"
        if parts.query:
            value = f"{value}?{parts.query}"
    return unquote(value)


def is_local_path(value: str) -> bool:
    """A path on this site: starts with one slash, names no other host ("//host", "/\\host")."""
    return value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=set())


class RedirectQuerySet(models.QuerySet["Redirect"]):
    def matching(self, path: str, query_string: str = ""):
        """The redirect for a request: the path with its query string first, then the path with
        and without its final slash. At most one row (one query)."""
        candidates = self.candidates(path, query_string)
        found = {redirect.old_path: redirect for redirect in self.filter(old_path__in=candidates)}
        return next((found[c] for c in candidates if c in found), None)

    @staticmethod
    def candidates(path: str, query_string: str = "") -> list[str]:
        candidates = [f"{path}?{query_string}"] if query_string else []
        candidates.append(path)
        toggled = path[:-1] if path.endswith("/") and path != "/" else f"{path}/"
        candidates.append(toggled)
        return candidates


class Redirect(models.Model):
    """An old address of this site, or of the city site's old pages, and where it lives now."""

    class Kind(models.IntegerChoices):
        PERMANENT = 301, _("Permanent (301): the page has moved for good")
        TEMPORARY = 302, _("Temporary (302): the old address will be used again")

    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_(
            "The path that no longer exists, starting with /, e.g. /ca/relacions-internacionals/. "
            "A full address (https://…) is reduced to its path. Applies only when no page "
            "answers this address."
        ),
    )
    new_path = models.CharField(
        _("new address"),
        max_length=500,
        help_text=_(
            "A path on this site, starting with /, e.g. /ca/xarxes/eurocities/. A full address on "
            "another site only when “another site” is allowed."
        ),
    )
    kind = models.PositiveSmallIntegerField(_("kind"), choices=Kind.choices, default=Kind.PERMANENT)
    allow_external = models.BooleanField(
        _("another site"),
        default=False,
        help_text=_("Allow the new address to be on another website (Administrators only)."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    hits = models.PositiveIntegerField(_("uses"), default=0, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        ordering = ("old_path",)
        permissions = (("allow_external_redirect", _("Can redirect to another website")),)

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"

    def clean(self):
        super().clean()
        self.old_path = normalise_old_path(self.old_path or "")
        self.new_path = (self.new_path or "").strip()
        errors = {}
        if not self.old_path.startswith("/") or self.old_path.startswith("//"):
            errors["old_path"] = ValidationError(
                _("Enter a path that starts with a single /."), code="not_a_path"
            )
        if not is_local_path(self.new_path) and not self._is_allowed_external():
            errors["new_path"] = ValidationError(
                _("Enter a path on this site, starting with a single /.")
                if not self.allow_external
                else _("Enter a path that starts with / or a full http(s) address."),
                code="off_site",
            )
        if not errors and self.new_path == self.old_path:
            errors["new_path"] = ValidationError(
                _("The new address is the old one: it would loop."), code="loop"
            )
        if not errors:
            chained = Redirect.objects.exclude(pk=self.pk).filter(old_path=self.new_path).first()
            if chained is not None:
                errors["new_path"] = ValidationError(
                    _("This address is itself redirected (to %(target)s): enter that one instead."),
                    code="chain",
                    params={"target": chained.new_path},
                )
        if errors:
            raise ValidationError(errors)

    def _is_allowed_external(self) -> bool:
        if not self.allow_external:
            return False
        try:
            URLValidator(schemes=("http", "https"))(self.new_path)
        except ValidationError:
            return False
        return True

    def is_permanent(self) -> bool:
        return self.kind == self.Kind.PERMANENT

    def target_is_allowed(self) -> bool:
        """Checked again when redirecting, whatever wrote the row: only this site's paths unless
        another site was explicitly allowed (and then only http and https)."""
        if is_local_path(self.new_path):
            return True
        return self.allow_external and urlsplit(self.new_path).scheme in {"http", "https"}

    def record_use(self) -> None:
        type(self).objects.filter(pk=self.pk).update(
            hits=F("hits") + 1, last_used_at=timezone.now()
        )
