"""The projects' query vocabulary."""

import datetime

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from relacions.core.declaration import year_bounds
from relacions.core.models import Publishable, PublishableQuerySet


def local_today() -> datetime.date:
    return timezone.localdate(timezone.now(), timezone.get_default_timezone())


class ProjectQuerySet(PublishableQuerySet):
    def page_prefetches(self) -> list:
        """A project's partners with their places, its themes (its open data; its page's
        fragments fetch them when the cache does not have them)."""
        partners = self.model._meta.get_field("partners").related_model
        return [Prefetch("partners", queryset=partners.objects.select_related("place")), "themes"]

    def in_country(self, country: str):
        partners = self.model._meta.get_field("partners").related_model
        return self.filter(
            Exists(partners.objects.filter(project=OuterRef("pk"), place__country=country))
        )

    # The projects of a calendar year, for the list's filters and the yearly report.
    def started_in(self, year: int):
        return self.filter(starts_on__range=year_bounds(year))

    def running_in(self, year: int):
        """Projects running on at least one day of `year` (the list's `year` filter)."""
        first, last = year_bounds(year)
        return self.filter(starts_on__lte=last, ends_on__gte=first)

    def ended_in(self, year: int, today: datetime.date | None = None):
        """Projects whose end date is in `year` and has passed."""
        return self.filter(ends_on__range=year_bounds(year), ends_on__lt=today or local_today())

    def for_listing(self, now=None):
        """Projects published at `now` with their programmes (a card is a fragment:
        `fragments.CARD`)."""
        return self.published(now).select_related("programme__parent")

    def for_detail(self):
        return self.published().for_page()

    def for_page(self):
        """What the project's page reads, published or not (for_detail() and the preview), with
        its partners and themes; the public page prepares page_row() alone (views.BY_SLUG): the
        partners, themes, results and related objects its body and its schema.org data show are
        fetched by their fragments (`fragments.DETAIL`, `fragments.STRUCTURED_DATA`) when the
        cache does not have them."""
        return self.page_row().prefetch_related(*self.page_prefetches())

    def page_row(self):
        """The row of a project's page, with its programme and department: what for_page() reads
        but the partners and themes (the lookup the page prepares, views.BY_SLUG)."""
        return self.select_related("programme__parent", "department")

    def countries(self) -> list[str]:
        """The partners' countries of the published projects (the filter's choices)."""
        partners = self.model._meta.get_field("partners").related_model
        return sorted(
            set(
                partners.objects.filter(
                    Publishable.published_q(prefix="project__"), place__isnull=False
                ).values_list("place__country", flat=True)
            )
        )

    def yearly_totals(self):
        """Per year in which published projects started: how many, and their money (the sums
        skip missing amounts). One row per year, oldest first, as dicts."""
        return (
            self.published()
            .annotate(year=ExtractYear("starts_on"))
            .order_by()
            .values("year")
            .annotate(
                projects=Count("pk"),
                total_cost=Sum("total_cost"),
                eu_contribution=Sum("eu_contribution"),
                city_budget=Sum("city_budget"),
                city_eu_contribution=Sum("city_eu_contribution"),
            )
            .order_by("year")
        )


class PartnerQuerySet(models.QuerySet):
    def of_published_projects(self):
        return self.filter(Publishable.published_q(prefix="project__"))
