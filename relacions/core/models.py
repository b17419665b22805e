from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname


class PublishableQuerySet[M: "Publishable"](models.QuerySet[M]):
    # Each method filters by the rule of the same name on Publishable (`published_q()`…), which
    # is written out nowhere else; the instance mirror is `Publishable.publication_state()`.
    def published(self, now=None):
        """What the public may see now; evaluated per request, so schedules need no job."""
        return self.filter(self.model.published_q(now))

    def drafts(self):
        return self.filter(self.model.draft_q())

    def scheduled(self, now=None):
        return self.filter(self.model.scheduled_q(now))

    def expired(self, now=None):
        return self.filter(self.model.expired_q(now))

    def by_slug(self, slug: str):
        """Items whose slug in the active language (or the fallback language) is `slug`."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        fields = {
            build_localized_fieldname("slug", language),
            build_localized_fieldname("slug", settings.LANGUAGE_CODE),
        }
        query = Q()
        for field in fields:
            query |= Q(**{field: slug})
        return self.filter(query)


class Publishable(models.Model):
    """Base of every public content type: status, a publication window and a version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class State(models.TextChoices):
        """Where an item stands now: derived from status and the two dates, never stored."""

        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        LIVE = "live", _("Live")
        EXPIRED = "expired", _("Expired")

    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=False,
        help_text=_("The last part of the address; one per language."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish as soon as the status is Published."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional: the item leaves the public site at this moment."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; used to refuse saving over a newer version."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            self.version += 1
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.publish_at and self.unpublish_at and self.unpublish_at <= self.publish_at:
            raise ValidationError(
                {"unpublish_at": _("The unpublish date must be later than the publish date.")}
            )
        self._validate_unique_slugs()

    def _validate_unique_slugs(self):
        others = type(self)._default_manager.exclude(pk=self.pk)
        errors = {}
        for language, _name in settings.LANGUAGES:
            field = build_localized_fieldname("slug", language)
            value = getattr(self, field, None)
            if value and others.filter(**{field: value}).exists():
                errors[field] = _("Another item already uses this slug in this language.")
        if errors:
            raise ValidationError(errors)

    # The publication rule, once: every query that asks "is it public?" is built from these Q
    # objects (as Wagtail's `live_q()`), and `publication_state()` below is their mirror on one
    # object, so the public site, search, the page cache and the admin cannot disagree.
    # `prefix` applies a rule across a relation: `Publishable.published_q(prefix="network__")`.
    @classmethod
    def window_q(cls, now=None, prefix: str = "") -> Q:
        """Inside the publication window at `now`, whatever the status: `publish_at` reached (or
        empty) and `unpublish_at` not reached (or empty)."""
        now = now or timezone.now()
        return (
            Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now})
        ) & (Q(**{f"{prefix}unpublish_at__isnull": True}) | Q(**{f"{prefix}unpublish_at__gt": now}))

    @classmethod
    def published_q(cls, now=None, prefix: str = "") -> Q:
        """Live: published and inside its window (State.LIVE)."""
        return Q(**{f"{prefix}status": cls.Status.PUBLISHED}) & cls.window_q(now, prefix)

    @classmethod
    def draft_q(cls, prefix: str = "") -> Q:
        """Not published, whatever the dates (State.DRAFT)."""
        return ~Q(**{f"{prefix}status": cls.Status.PUBLISHED})

    @classmethod
    def scheduled_q(cls, now=None, prefix: str = "") -> Q:
        """Published, with a `publish_at` still to come (State.SCHEDULED)."""
        now = now or timezone.now()
        return Q(**{f"{prefix}status": cls.Status.PUBLISHED, f"{prefix}publish_at__gt": now})

    @classmethod
    def expired_q(cls, now=None, prefix: str = "") -> Q:
        """Published, past its `unpublish_at`, and not scheduled (State.EXPIRED)."""
        now = now or timezone.now()
        return Q(**{f"{prefix}status": cls.Status.PUBLISHED, f"{prefix}unpublish_at__lte": now}) & (
            Q(**{f"{prefix}publish_at__isnull": True}) | Q(**{f"{prefix}publish_at__lte": now})
        )

    def is_draft(self) -> bool:
        return self.status != self.Status.PUBLISHED

    def publication_state(self, now=None) -> "Publishable.State":
        now = now or timezone.now()
        if self.is_draft():
            return self.State.DRAFT
        if self.publish_at and self.publish_at > now:
            return self.State.SCHEDULED
        if self.unpublish_at and self.unpublish_at <= now:
            return self.State.EXPIRED
        return self.State.LIVE

    def is_published(self, now=None) -> bool:
        return self.publication_state(now) == self.State.LIVE
