from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable

from .querysets import NewsQuerySet

# The feeds' addresses sit beside the items' (news/rss/, news/<slug>/): no item may take them.
RESERVED_SLUGS = frozenset({"rss", "atom"})


class NewsItem(Publishable):
    """A piece of the service's news: what happened or is about to, in three languages."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences, shown in lists, feeds and when the page is shared."),
    )
    body = RichTextField(_("body"), blank=True)
    image = models.ForeignKey(
        "images.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_on = models.DateField(
        _("date"),
        default=timezone.localdate,
        db_index=True,
        help_text=_(
            "The date shown on the article and used to order the news. It does not decide when "
            "the item goes online: that is “publish at” in the Publication section."
        ),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Featured items are shown first on the home page."),
    )
    networks = models.ManyToManyField(
        "networks.Network", verbose_name=_("networks"), blank=True, related_name="news_items"
    )
    forums = models.ManyToManyField(
        "networks.Forum", verbose_name=_("forums"), blank=True, related_name="news_items"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="news_items"
    )
    objectives = models.ManyToManyField(
        "mandate.Objective",
        verbose_name=_("contributes to"),
        blank=True,
        related_name="news_items",
        help_text=_("The Pla de Mandat objectives this news shows progress on."),
    )

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ("-published_on", "-pk")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {
            f"slug_{language}": _("This address is taken by the news feeds: choose another slug.")
            for language, _name in settings.LANGUAGES
            if getattr(self, f"slug_{language}", None) in RESERVED_SLUGS
        }
        if errors:
            raise ValidationError(errors)
