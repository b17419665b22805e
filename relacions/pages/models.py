from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from relacions.core.fields import RichTextField
from relacions.core.models import Publishable, PublishableQuerySet


class PageQuerySet(PublishableQuerySet):
    def in_menu(self):
        return self.published().filter(show_in_menu=True, parent__isnull=True).order_by("menu_order", "pk")


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
        _("role on the site"), max_length=20, choices=Key.choices, unique=True, null=True, blank=True,
        help_text=_("Pages with a role are linked from the footer and the home page."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent page"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    menu_order = models.PositiveSmallIntegerField(_("menu order"), default=0)
    show_in_menu = models.BooleanField(_("show in the main menu"), default=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ("menu_order", "pk")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})


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
            ("X", self.x_url), ("Facebook", self.facebook_url), ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url), ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
