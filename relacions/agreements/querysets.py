"""The agreements' query vocabulary.

An agreement's last activity is computed in the database: the latest of its signature, its
amendments' dates, and the published news and events tied to it. A twinning is dormant when it
is active and that date is over a year old (CEMR asks cities to evaluate their links yearly).
"""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import (
    Cast,
    Coalesce,
    ExtractYear,
    Greatest,
    JSONObject,
    Least,
    NullIf,
    TruncDate,
)
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from relacions.core.declaration import year_bounds
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


def local_year(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of `year` and of the next one in the site's time zone (Europe/Madrid),
    whatever time zone is active: an event at 23:30 on 31 December is of that year."""
    zone = timezone.get_default_timezone()
    first = datetime.datetime(year, 1, 1, tzinfo=zone)
    return first, first.replace(year=year + 1)


class AgreementQuerySet(PublishableQuerySet):
    def with_last_activity(self, now=None):
        """Annotate `last_activity` (a date, or None when nothing is recorded): what is public
        at `now` counts."""
        news = self.model._meta.get_field("news_items").related_model
        events = self.model._meta.get_field("events").related_model
        amendments = self.model._meta.get_field("amendments").related_model
        now = now or timezone.now()
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

    # The agreements of a calendar year, for the list's year filters and the yearly report
    # (content.py): each is one filter of the row or an EXISTS, so they combine with the others.
    def signed_in(self, year: int):
        return self.filter(signed_on__range=year_bounds(year))

    def amended_in(self, year: int):
        """Agreements with an amendment or extension dated in `year` (amendments are public:
        the agreement's page lists them)."""
        amendments = self.model._meta.get_field("amendments").related_model
        return self.filter(
            Exists(
                amendments.objects.filter(agreement=OuterRef("pk"), date__range=year_bounds(year))
            )
        )

    def ended_in(self, year: int, today: datetime.date | None = None):
        """Agreements whose term ended in `year`: the end date (which an extension moves) is
        in that year and has passed."""
        today = today or timezone.localdate(timezone.now(), timezone.get_default_timezone())
        return self.filter(ends_on__range=year_bounds(year), ends_on__lt=today)

    def in_force_in(self, year: int):
        """Agreements in force on at least one day of `year`: started (in force, or else
        signed) by its end and not ended before it. An agreement with neither date is left out:
        when it started is not known."""
        first, last = year_bounds(year)
        return self.filter(
            Q(in_force_on__lte=last) | Q(in_force_on__isnull=True, signed_on__lte=last),
            Q(ends_on__isnull=True) | Q(ends_on__gte=first),
        )

    def with_activity_in(self, year: int, now: datetime.datetime | None = None):
        """Agreements with public news published, or public events held, in `year`."""
        news, events = self._news_of(year, now), self._events_of(year, now)
        return self.filter(
            Exists(news.filter(agreements=OuterRef("pk")))
            | Exists(events.filter(agreements=OuterRef("pk")))
        )

    def linked_news(self, year: int, now: datetime.datetime | None = None):
        """The public news published in `year` that are tied to one of these agreements."""
        return self._news_of(year, now).filter(pk__in=self.values("news_items"))

    def linked_events(self, year: int, now: datetime.datetime | None = None):
        """The public events held in `year` (started by `now`) tied to one of these agreements."""
        return self._events_of(year, now).filter(pk__in=self.values("events"))

    def _news_of(self, year: int, now: datetime.datetime | None):
        news = self.model._meta.get_field("news_items").related_model
        return news.objects.published(now).filter(published_on__range=year_bounds(year))

    def _events_of(self, year: int, now: datetime.datetime | None):
        events = self.model._meta.get_field("events").related_model
        first, following = local_year(year)
        return events.objects.published(now).filter(
            start__gte=first, start__lt=following, start__lte=now or timezone.now()
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

    def page_prefetches(self) -> list[Prefetch]:
        """An agreement's partners with their places (its open data; its page's fragments fetch
        them when the cache does not have them)."""
        partners = self.model._meta.get_field("partners").related_model
        return [Prefetch("partners", queryset=partners.objects.select_related("place"))]

    def in_country(self, country: str):
        return self.filter(
            Exists(
                self.model._meta.get_field("partners").related_model.objects.filter(
                    agreement=OuterRef("pk"), place__country=country
                )
            )
        )

    def for_listing(self, now=None):
        """Agreements published at `now`, twinnings first; the partners a card shows are fetched
        by its fragment (`fragments.CARD`), for the cards the cache does not have."""
        return self.published(now).twinnings_first()

    def for_detail(self):
        return self.published().for_page()

    def for_page(self):
        """What the agreement's page reads, published or not (for_detail() and the preview):
        the areas' names come with the row (`areas_shown`), and its partners; the public page
        prepares page_row() alone (views.BY_SLUG): the partners, amendments, documents and
        related objects its body and its schema.org data show are fetched by their fragments
        (`fragments.DETAIL`, `fragments.STRUCTURED_DATA`) when the cache does not have them."""
        return self.page_row().prefetch_related(*self.page_prefetches())

    def page_row(self, now=None):
        """The row of an agreement's page, its last activity at `now` and its areas' names: what
        for_page() reads but the partners (the lookup the page prepares, views.BY_SLUG)."""
        return self.with_last_activity(now).with_area_names()

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

    def filter_choices(self, today=None, now=None) -> dict[str, list]:
        """What the list's filters offer, in ONE query (a UNION): the partners' countries
        (`country`) and, for each year filter, the years in which some published agreement was
        `signed`, `amended`, `ended`, `in_force` (up to this year) or had `activity`, newest
        first. Each year family reads the rule of the filter it feeds (the methods above)."""
        now = now or timezone.now()
        zone = timezone.get_default_timezone()
        today = today or timezone.localdate(now, zone)
        published = self.published(now).order_by()
        field = self.model._meta.get_field
        this_year = Value(today.year)

        def rows(queryset, family: str, value):
            return (
                queryset.order_by()
                .annotate(family=Value(family, output_field=CharField()))
                .annotate(value=Cast(value, CharField()))
                .values_list("family", "value")
            )

        start = Coalesce("in_force_on", "signed_on")
        running = Func(
            ExtractYear(start),
            Least(Coalesce(ExtractYear("ends_on"), this_year), this_year),
            function="generate_series",
        )
        parts = (
            rows(
                field("partners").related_model.objects.filter(
                    Publishable.published_q(now, prefix="agreement__"), place__isnull=False
                ),
                "country",
                F("place__country"),
            ),
            rows(published.filter(signed_on__isnull=False), "signed", ExtractYear("signed_on")),
            rows(
                field("amendments").related_model.objects.filter(agreement__in=published),
                "amended",
                ExtractYear("date"),
            ),
            rows(published.filter(ends_on__lt=today), "ended", ExtractYear("ends_on")),
            rows(
                published.filter(Q(in_force_on__isnull=False) | Q(signed_on__isnull=False)),
                "in_force",
                running,
            ),
            rows(
                field("news_items")
                .related_model.objects.published(now)
                .filter(agreements__in=published),
                "activity",
                ExtractYear("published_on"),
            ),
            rows(
                field("events")
                .related_model.objects.published(now)
                .filter(agreements__in=published, start__lte=now),
                "activity",
                ExtractYear("start", tzinfo=zone),
            ),
        )
        choices: dict[str, set] = {}
        for family, value in parts[0].union(*parts[1:]).order_by():
            choices.setdefault(family, set()).add(value)
        found = {"country": sorted(choices.pop("country", ()))}
        for family in ("signed", "amended", "ended", "in_force", "activity"):
            found[family] = sorted((int(year) for year in choices.get(family, ())), reverse=True)
        return found


class AmendmentQuerySet(models.QuerySet):
    def extensions(self):
        return self.filter(kind=self.model.Kind.EXTENSION)
