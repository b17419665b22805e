"""The agreements' query vocabulary.

An agreement's last activity is computed in the database: the latest of its signature, its
amendments' dates, and the published news and events tied to it. A twinning is dormant when it
is active and that date is over a year old (CEMR asks cities to evaluate their links yearly).
"""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import Case, Exists, Max, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest, JSONObject, NullIf, TruncDate
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from relacions.core.models import Publishable, PublishableQuerySet

DORMANT_AFTER_DAYS = 365
RENEWAL_WINDOW_DAYS = 90


def _latest(model, field, through: str, extra: Q | None = None):
    """The latest `field` of the `model` rows tied to the outer agreement through `through`."""
    return Subquery(
        model._default_manager.filter(extra or Q(), **{through: OuterRef("pk")})
        .order_by()
        .values(through)
        .annotate(latest=Max(field))
        .values("latest")[:1]
    )


class AgreementQuerySet(PublishableQuerySet):
    def with_last_activity(self):
        """Annotate `last_activity` (a date, or None when nothing is recorded)."""
        news = self.model._meta.get_field("news_items").related_model
        events = self.model._meta.get_field("events").related_model
        amendments = self.model._meta.get_field("amendments").related_model
        now = timezone.now()
        return self.annotate(
            last_news=_latest(news, "published_on", "agreements", Publishable.published_q(now)),
            last_event=_latest(
                events,
                TruncDate("start", tzinfo=timezone.get_current_timezone()),
                "agreements",
                Publishable.published_q(now) & Q(start__lte=now),
            ),
            last_amendment=_latest(amendments, "date", "agreement"),
            last_activity=Greatest("signed_on", "last_amendment", "last_news", "last_event"),
        )

    def twinnings(self):
        return self.filter(kind=self.model.Kind.TWINNING)

    def active(self):
        return self.filter(agreement_status=self.model.AgreementStatus.ACTIVE)

    def dormant(self, today: datetime.date | None = None):
        """Active twinnings with no activity for a year (or none recorded at all)."""
        today = today or timezone.localdate()
        limit = today - datetime.timedelta(days=DORMANT_AFTER_DAYS)
        return (
            self.twinnings()
            .active()
            .with_last_activity()
            .filter(Q(last_activity__isnull=True) | Q(last_activity__lt=limit))
        )

    def ending_within(self, days: int = RENEWAL_WINDOW_DAYS, today: datetime.date | None = None):
        """Agreements in force that end (or must be renewed) within `days`."""
        today = today or timezone.localdate()
        return self.exclude(agreement_status=self.model.AgreementStatus.ENDED).filter(
            ends_on__gte=today, ends_on__lte=today + datetime.timedelta(days=days)
        )

    def twinnings_first(self):
        return self.annotate(
            is_twinning=Case(
                When(kind=self.model.Kind.TWINNING, then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("is_twinning", "title", "pk")

    def with_partners(self):
        partners = self.model._meta.get_field("partners").related_model
        return self.prefetch_related(
            Prefetch("partners", queryset=partners.objects.select_related("place"))
        )

    def in_country(self, country: str):
        return self.filter(
            Exists(
                self.model._meta.get_field("partners").related_model.objects.filter(
                    agreement=OuterRef("pk"), place__country=country
                )
            )
        )

    def for_listing(self):
        return self.published().twinnings_first().with_partners()

    def for_detail(self):
        return self.published().for_page()

    def for_page(self):
        """What the agreement's page shows, published or not (for_detail() and the preview):
        the areas' names come with the row (`areas_shown`), so the page stays within its queries."""
        return (
            self.with_last_activity()
            .with_area_names()
            .with_partners()
            .prefetch_related("amendments", "documents")
        )

    def with_area_names(self):
        """Annotate `areas_shown`: the areas of cooperation as [{"name", "fallback"}] in the
        active language (`fallback` when it shows the Catalan name), in one expression."""
        areas = self.model._meta.get_field("areas").related_model
        language = translation.get_language() or settings.LANGUAGE_CODE
        own = build_localized_fieldname("name", language)
        default = build_localized_fieldname("name", settings.LANGUAGE_CODE)
        missing = Q(**{f"{own}__isnull": True}) | Q(**{own: ""})
        return self.annotate(
            areas_shown=ArraySubquery(
                areas.objects.filter(agreements=OuterRef("pk"))
                .annotate(
                    shown=JSONObject(
                        name=Coalesce(NullIf(own, Value("")), default),
                        fallback=Case(
                            When(missing, then=Value(language != settings.LANGUAGE_CODE)),
                            default=Value(False),
                        ),
                    )
                )
                .order_by("order", "pk")
                .values_list("shown", flat=True)
            )
        )

    def countries(self) -> list[str]:
        """The partners' countries of the published agreements (the filter's choices)."""
        partners = self.model._meta.get_field("partners").related_model
        return sorted(
            set(
                partners.objects.filter(
                    Publishable.published_q(prefix="agreement__"), place__isnull=False
                ).values_list("place__country", flat=True)
            )
        )


class AmendmentQuerySet(models.QuerySet):
    def extensions(self):
        return self.filter(kind=self.model.Kind.EXTENSION)
