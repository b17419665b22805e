from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .querysets import SearchEntryQuerySet
from .text import highlight, mark_cuts


class SearchEntry(models.Model):
    """One public object in one language, as search shows it: what a result needs (title, text for
    the snippet, address) is stored here, so a results page reads nothing else.

    An object without text in a language is indexed in that language with the Catalan text and
    `is_fallback` set. Drafts are never stored; the publication window is, and is applied when
    searching, so a scheduled item appears on time and an expired one goes with no job running.
    """

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    content_object = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    facet = models.CharField(_("type"), max_length=30)
    title = models.TextField(_("title"))
    text = models.TextField(
        _("text"), blank=True, help_text=_("Plain text the snippet is cut from.")
    )
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    is_fallback = models.BooleanField(_("title in the fallback language"), default=False)
    text_is_fallback = models.BooleanField(_("text in the fallback language"), default=False)
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    unpublish_at = models.DateTimeField(_("unpublish at"), null=True, blank=True)
    # Title (A), summary (B) and body (C), stemmed with the language's configuration.
    document = SearchVectorField(_("search document"))
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = (
            models.UniqueConstraint(
                fields=("content_type", "object_id", "language"),
                name="search_entry_one_per_object_and_language",
            ),
        )
        indexes = (
            GinIndex(fields=("document",), name="search_entry_document"),
            models.Index(fields=("language", "facet"), name="search_entry_language_facet"),
        )

    def __str__(self):
        return f"{self.title} ({self.language})"

    @property
    def snippet(self):
        """The highlighted passage (needs `for_results()`): escaped text and <mark> only."""
        headline = getattr(self, "headline", "") or ""
        if hasattr(self, "text_start") and hasattr(self, "text_end"):
            headline = mark_cuts(headline, self.text_start, self.text_end)
        return highlight(headline)

    @property
    def fallback_language(self) -> str:
        return settings.LANGUAGE_CODE
