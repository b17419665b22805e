"""The visits' query vocabulary. `published()` (Publishable's) applies the visits' own rule
(published and ended: `Visit.published_q`); costs are read through `final_costs()` only."""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear, JSONObject, NullIf, Round
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from relacions.core.models import PublishableQuerySet

ZERO = Value(0, output_field=DecimalField(max_digits=12, decimal_places=2))


class VisitQuerySet(PublishableQuerySet):
    def in_country(self, country: str):
        places = self.model._meta.get_field("places").remote_field.through
        return self.filter(
            Exists(places.objects.filter(visit=OuterRef("pk"), place__country=country))
        )

    def in_year(self, year: int):
        return self.filter(starts_on__year=year)

    def with_places(self):
        return self.prefetch_related(*self.page_prefetches())

    def page_prefetches(self) -> list[Prefetch]:
        """A visit's places, by name (its open data; its page's fragments fetch them when the
        cache does not have them)."""
        places = self.model._meta.get_field("places").related_model
        return [Prefetch("places", queryset=places.objects.order_by("name", "pk"))]

    def for_listing(self):
        """Public visits, latest first; the places a card shows are fetched by its fragment
        (`fragments.CARD`), for the cards the cache does not have."""
        return self.published().order_by("-starts_on", "pk")

    def for_page(self):
        """What the visit's page shows, published or not (the preview; a public page prepares
        page_row() alone, views.BY_SLUG): its participants, gifts and (only when final) costs
        come with the row, so the page stays within its queries, and its places. The places
        and related objects its body and its schema.org data show are fetched by their
        fragments (`fragments.DETAIL`, `fragments.STRUCTURED_DATA`) when the cache misses."""
        return self.page_row().with_places()

    def page_row(self):
        """The row of a visit's page with its participants, gifts and final costs: what
        for_page() reads but the places (the lookup the page prepares, views.BY_SLUG)."""
        participants = self.model._meta.get_field("participants").related_model
        gifts = self.model._meta.get_field("gifts").related_model
        costs = self.model._meta.get_field("costs").related_model
        return self.annotate(
            participants_shown=_rows(
                participants, ("role", "name", "count"), translated=("position",)
            ),
            gifts_shown=_rows(
                gifts,
                ("received_by", "fate"),
                translated=("description",),
                money=("estimated_value",),
            ),
            costs_shown=_rows(
                costs,
                ("concept", "paid_by"),
                money=("amount",),
                only=Q(visit__costs_final=True),
            ),
        )

    def for_data(self):
        """The public visits with everything the open-data file writes."""
        return self.published().with_places().prefetch_related("participants", "gifts", "costs")

    def costs_overdue(self, today: datetime.date | None = None):
        """Visits whose costs are still not final VISITS_COSTS_PUBLIC_WITHIN_DAYS after they
        ended (drafts included: the trip took place, its record must be published)."""
        from .models import local_today

        today = today or local_today()
        limit = today - datetime.timedelta(days=settings.VISITS_COSTS_PUBLIC_WITHIN_DAYS)
        return self.filter(costs_final=False, ends_on__lt=limit)

    def totals_by_year(self):
        """One row per year the visits start in, newest first, in one query: `year`, `visits`,
        `costs_pending` (visits whose costs are not final yet), `cost` (the final costs, EUR),
        `paid_by_others` (the part of it paid by an EU project or the host) and `others_share`
        (that part as a percentage of `cost`, None when it is 0). Costs that are not final are
        never counted."""
        costs = self.model._meta.get_field("costs").related_model
        final = Q(costs_final=True)
        others = final & ~Q(costs__paid_by=costs.Payer.CITY)
        money = DecimalField(max_digits=12, decimal_places=2)
        return (
            self.order_by()
            .annotate(year=ExtractYear("starts_on"))
            .values("year")
            .annotate(
                visits=Count("pk", distinct=True),
                costs_pending=Count("pk", distinct=True, filter=~final),
                cost=Coalesce(Sum("costs__amount", filter=final), ZERO, output_field=money),
                paid_by_others=Coalesce(
                    Sum("costs__amount", filter=others), ZERO, output_field=money
                ),
                others_share=Round(
                    ExpressionWrapper(
                        F("paid_by_others") * 100 / NullIf(F("cost"), ZERO),
                        output_field=money,
                    ),
                    1,
                ),
            )
            .order_by("-year")
        )

    def years(self) -> list[int]:
        """The years the public visits start in (the filter's choices), newest first."""
        return sorted(
            self.published().order_by().values_list("starts_on__year", flat=True).distinct(),
            reverse=True,
        )

    def countries(self) -> list[str]:
        """The places' countries of the public visits (the filter's choices)."""
        places = self.model._meta.get_field("places").related_model
        return sorted(
            set(
                places.objects.filter(visits__in=self.published())
                .order_by()
                .values_list("country", flat=True)
            )
        )


def _rows(model, fields, *, translated=(), money=(), only=None):
    """The visit's `model` rows as [{field: value}] in one expression of the visit's query:
    translated fields in the active language, falling back to Catalan (`<field>_fallback` says
    so, as the `fallback_lang` tag does), amounts as text (Decimal-exact)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    values = {field: F(field) for field in fields}
    for field in money:
        values[field] = Cast(field, CharField())
    for field in translated:
        own = build_localized_fieldname(field, language)
        default = build_localized_fieldname(field, settings.LANGUAGE_CODE)
        missing = Q(**{f"{own}__isnull": True}) | Q(**{own: ""})
        values[field] = Coalesce(NullIf(own, Value("")), default)
        values[f"{field}_fallback"] = Case(
            When(missing, then=Value(language != settings.LANGUAGE_CODE)), default=Value(False)
        )
    rows = model.objects.filter(only or Q(), visit=OuterRef("pk"))
    return ArraySubquery(
        rows.order_by(*model._meta.ordering).annotate(shown=JSONObject(**values)).values("shown")
    )
