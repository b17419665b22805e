"""A list's number of objects kept with the content generation, as `remember()` keeps values.

A paginated list counts its objects on every page (Django's Paginator: a COUNT query, which at
10,000 news items reads them all). The number only changes with the content or a scheduled
change, so `KeptCount` keeps it per list, address arguments (an archive's year) and filters for
the current generation: a list's other pages, and its first one after the cache lost the page,
send no COUNT. A list whose filters were refused (a 404 with the form) counts nothing kept.
"""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.generic.base import TemplateResponseMixin

from relacions.core.prepared import PreparedRows

from .lifetime import remember

_prepared: dict[type, PreparedRows] = {}


class KeptCount:
    """For a paginated ListView (with or without `FilteredListMixin`'s `filters`).

    A view whose queryset is `rows(now, **filters)`, a static method that reads nothing but its
    arguments, also gets each page's rows from a query compiled once per shape of its filters
    (`relacions.core.prepared.PreparedRows`), where the shape can be prepared: the filters as
    `row_filters()` gives them (by default `filters`), those named in `shape_filters` compiled
    with their value."""

    shape_filters: tuple[str, ...] = ()

    def row_filters(self) -> dict:
        return getattr(self, "filters", {})

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        form = getattr(self, "filter_form", None)
        if form is not None and form.errors:
            return Paginator(queryset, per_page, orphans, allow_empty_first_page, **kwargs)
        match = self.request.resolver_match  # type: ignore[attr-defined]
        arguments = urlencode(sorted(match.kwargs.items()))
        filters = getattr(self, "filters", {})
        name = f"list-count:{match.view_name}:{arguments}:{urlencode(sorted(filters.items()))}"
        rows = getattr(type(self), "rows", None)
        prepared = None
        if rows is not None:
            prepared = _prepared.get(type(self))
            if prepared is None:
                prepared = _prepared[type(self)] = PreparedRows(rows, self.shape_filters)
        return KeptCountPaginator(
            queryset,
            per_page,
            orphans,
            allow_empty_first_page,
            name=name,
            prepared=prepared,
            filters=self.row_filters() if prepared is not None else {},
            **kwargs,
        )

    def get_template_names(self):
        # The view's template alone: ListView's fallback, named after the queryset's model,
        # would build a prepared list's queryset.
        return TemplateResponseMixin.get_template_names(self)  # type: ignore[arg-type]


class KeptCountPaginator(Paginator):
    def __init__(self, *args, name: str, prepared: PreparedRows | None = None, filters=None,
                 **kwargs):  # fmt: skip
        self.name, self.prepared, self.filters = name, prepared, filters or {}
        super().__init__(*args, **kwargs)

    def _check_object_list_is_ordered(self):
        if self.prepared is None:  # a prepared list's queryset is built only when needed
            super()._check_object_list_is_ordered()  # type: ignore[misc]

    @cached_property
    def count(self) -> int:
        return remember(self.name, lambda: Paginator.count.func(self))  # type: ignore[attr-defined]

    def page(self, number):
        if self.prepared is None:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.prepared.page(
            now=timezone.now(), filters=self.filters, offset=bottom, limit=top - bottom
        )
        if rows is None:
            return super().page(number)
        return self._get_page(rows, number, self)  # type: ignore[attr-defined]
