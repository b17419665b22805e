"""The places the city's international work touches: one register of cities and regions.

Networks' seats, agreements' partners and events abroad point to a Place, so no app writes a city
or a country as free text (and a place's name is written once, in each language). A place is not
published on its own: it is shown through the published items that point to it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from relacions.core.addresses import reverse

LATITUDE_RANGE = (Decimal(-90), Decimal(90))
LONGITUDE_RANGE = (Decimal(-180), Decimal(180))

validate_wikidata_id = RegexValidator(
    r"^Q[1-9][0-9]*$", _("Enter a Wikidata identifier: Q followed by digits, e.g. Q64.")
)
validate_nuts_code = RegexValidator(
    r"^[A-Z]{2}[0-9A-Z]{0,3}$",
    _("Enter a NUTS code: two capital letters and up to three letters or digits, e.g. ES511."),
)


class PlaceQuerySet(models.QuerySet):
    def by_slug(self, slug: str):
        from relacions.core.models import PublishableQuerySet

        return PublishableQuerySet.by_slug(self, slug)


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("City or town")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("The last part of the address; one per language.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    # Stored as the ISO 3166-1 alpha-2 code; shown by its name in the active language.
    country = CountryField(_("country"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("In decimal degrees, from -90 (south) to 90 (north), e.g. 41.563."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("In decimal degrees, from -180 (west) to 180 (east), e.g. 2.009."),
    )
    wikidata_id = models.CharField(
        _("Wikidata identifier"),
        max_length=20,
        blank=True,
        validators=[validate_wikidata_id],
        help_text=_("Optional: the place's item on Wikidata, e.g. Q64 for Berlin."),
    )
    nuts_code = models.CharField(
        _("NUTS code"),
        max_length=5,
        blank=True,
        validators=[validate_nuts_code],
        help_text=_("Optional: the EU's statistical region, e.g. ES511 for Barcelona."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ("name", "pk")
        constraints = (
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=LATITUDE_RANGE[0], latitude__lte=LATITUDE_RANGE[1]),
                name="places_place_latitude_in_range",
                violation_error_message=_("The latitude must be between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=LONGITUDE_RANGE[0], longitude__lte=LONGITUDE_RANGE[1]),
                name="places_place_longitude_in_range",
                violation_error_message=_("The longitude must be between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="places_place_both_coordinates",
                violation_error_message=_("Enter both coordinates, or neither."),
            ),
        )

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("places:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.latitude is not None and not (
            LATITUDE_RANGE[0] <= self.latitude <= LATITUDE_RANGE[1]
        ):
            errors["latitude"] = ValidationError(
                _("The latitude must be between -90 and 90."), code="latitude_range"
            )
        if self.longitude is not None and not (
            LONGITUDE_RANGE[0] <= self.longitude <= LONGITUDE_RANGE[1]
        ):
            errors["longitude"] = ValidationError(
                _("The longitude must be between -180 and 180."), code="longitude_range"
            )
        if not errors and (self.latitude is None) != (self.longitude is None):
            missing = "latitude" if self.latitude is None else "longitude"
            errors[missing] = ValidationError(
                _("Enter both coordinates, or neither."), code="one_coordinate"
            )
        if errors:
            raise ValidationError(errors)

    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def label(self) -> str:
        """The name with the country's in the active language: “Pamiers (França)”."""
        country = self.country.name
        if not country or country in self.name:
            return self.name
        return f"{self.name} ({country})"
