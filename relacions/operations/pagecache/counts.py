"""A list's number of objects kept with the content generation, as `remember()` keeps values.

A paginated list counts its objects on every page (Django's Paginator: a COUNT query, which at
10,000 news items reads them all). The number only changes with the content or a scheduled
change, so `KeptCount` keeps it per list, address arguments (an archive's year) and filters for
the current generation: a list's other pages, and its first one after the cache lost the page,
send no COUNT. A list whose filters were refused (a 404 with the form) counts nothing kept.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.http import urlencode

from .lifetime import remember


class KeptCount:
    """For a paginated ListView (with or without `FilteredListMixin`'s `filters`)."""

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        form = getattr(self, "filter_form", None)
        if form is not None and form.errors:
            return Paginator(queryset, per_page, orphans, allow_empty_first_page, **kwargs)
        match = self.request.resolver_match  # type: ignore[attr-defined]
        arguments = urlencode(sorted(match.kwargs.items()))
        filters = urlencode(sorted(getattr(self, "filters", {}).items()))
        name = f"list-count:{match.view_name}:{arguments}:{filters}"
        return KeptCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, name=name, **kwargs
        )


class KeptCountPaginator(Paginator):
    def __init__(self, *args, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.name = name

    @cached_property
    def count(self) -> int:
        return remember(self.name, lambda: Paginator.count.func(self))  # type: ignore[attr-defined]
