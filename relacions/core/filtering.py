"""The filters of a public list (the news, the agreements, the projects, the visits): a GET form
whose choices are what the list holds, and a ListView mixin that applies it.

A value that is not one of the choices answers 404 with the form's translated error: shown
unfiltered, the page would be a second copy of the list under another address.
"""

from django import forms
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django_countries import countries


class FilterForm(forms.Form):
    def filters(self) -> dict:
        """The filters asked for; none when any of them is not valid (see `errors`)."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def country_choices(codes) -> list[tuple[str, str]]:
    """ISO 3166 codes as choices named in the active language, in the order of their names."""
    return sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: c[1])


class FilteredListMixin:
    """For a ListView: `get_filter_form()` builds the form from the request, `filter_queryset()`
    applies its filters. Sets `filter_form` and `filters` (also in the context)."""

    def get_filter_form(self) -> FilterForm:
        raise NotImplementedError

    def filter_queryset(self, filters: dict):
        """The list with `filters` applied: for a view whose list is `rows(now, **filters)`
        (its pages prepared: pagecache.counts.KeptCount), those rows now, given the filters as
        its prepared pages are (`row_filters()`: a year as its days, a network by its id), so
        that a page the ORM builds and a prepared one agree."""
        rows = getattr(self, "rows", None)
        if rows is None:
            raise NotImplementedError
        row_filters = getattr(self, "row_filters", None)
        if filters and row_filters is not None:
            filters = row_filters()
        return rows(timezone.now(), **filters)

    def get_queryset(self):
        self.filter_form = self.get_filter_form()
        self.filters = self.filter_form.filters()
        if self.filter_form.errors:
            return self.filter_queryset({}).none()
        if getattr(type(self), "rows", None) is not None:
            # Its pages are prepared (pagecache.counts.KeptCount): built only if one is not.
            return SimpleLazyObject(lambda: self.filter_queryset(self.filters))
        return self.filter_queryset(self.filters)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("filter_form", self.filter_form)
        kwargs.setdefault("filters", self.filters)
        return super().get_context_data(**kwargs)  # type: ignore[misc]

    def render_to_response(self, context, **response_kwargs):
        if self.filter_form.errors:
            response_kwargs["status"] = 404
        return super().render_to_response(context, **response_kwargs)  # type: ignore[misc]
