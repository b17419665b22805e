import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from relacions.core.addresses import reverse
from relacions.core.fields import RichTextField
from relacions.core.models import Publishable, PublishableQuerySet

# A page whose content must be confirmed periodically (the accessibility statement: at least once a
# year, Royal Decree 1112/2018) is overdue this long after its last review.
REVIEW_INTERVAL = datetime.timedelta(days=365)


def review_deadline(today: datetime.date | None = None) -> datetime.date:
    """Pages last reviewed before this day are overdue."""
    return (today or timezone.localdate()) - REVIEW_INTERVAL


class PageQuerySet(PublishableQuerySet):
    def in_menu(self):
        return (
            self.published()
            .filter(show_in_menu=True, parent__isnull=True)
            .order_by("menu_order", "pk")
        )

    def accessibility_statement(self):
        return self.filter(key=Page.Key.ACCESSIBILITY)

    def review_overdue(self, today: datetime.date | None = None):
        """Never reviewed, or last reviewed over a year ago (mirrors Page.review_is_overdue)."""
        return self.filter(Q(reviewed_on__isnull=True) | Q(reviewed_on__lt=review_deadline(today)))


class Page(Publishable):
    """A static page: the mission, contact, legal notice, accessibility statement…"""

    class Key(models.TextChoices):
        MISSION = "mission", _("Mission (who we are)")
        CONTACT = "contact", _("Contact")
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)
    key = models.CharField(
        _("role on the site"),
        max_length=20,
        choices=Key.choices,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Pages with a role are linked from the footer and the home page."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    menu_order = models.PositiveSmallIntegerField(_("menu order"), default=0)
    show_in_menu = models.BooleanField(_("show in the main menu"), default=False)
    reviewed_on = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_(
            "The day the content was last checked and found still true; shown on the page. The "
            "accessibility statement must be reviewed at least once a year."
        ),
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ("menu_order", "pk")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    def review_is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.reviewed_on is None or self.reviewed_on < review_deadline(today)


class SiteSettings(models.Model):
    """The one row of site-wide settings, edited in the admin."""

    office_name = models.CharField(_("office name"), max_length=200)
    mission_intro = models.TextField(_("mission introduction"), blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("city website"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> "SiteSettings":
        # A GET never writes: before the row exists the site shows an empty, unsaved one.
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
