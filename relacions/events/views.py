from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from relacions.core.filtering import FilteredListMixin
from relacions.core.prepared import published_by_slug
from relacions.operations import pagecache
from relacions.operations.pagecache.counts import KeptCount
from relacions.operations.pagecache.fragments import with_stamps
from relacions.workflow.preview import PreviewMixin

from . import ical, month
from .forms import HELD, PastEventFilterForm
from .models import Event
from .structured_data import event_json_ld

CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


class EventListView(KeptCount, ListView):
    """The agenda: events to come, soonest first."""

    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 9

    def get_queryset(self):
        # Its pages are prepared (KeptCount): the queryset is built only if one is not.
        return SimpleLazyObject(lambda: self.rows(timezone.now()))

    @staticmethod
    def rows(now):
        """The agenda at `now` (its pages prepared: KeptCount)."""
        return Event.objects.upcoming(now).for_listing()


class PastEventListView(FilteredListMixin, KeptCount, ListView):
    """Past events of one year, filterable by status, Terrassa's role, abroad and forum meetings
    (the yearly report links its figures here); without a year, the latest year that has any."""

    template_name = "events/event_archive.html"
    context_object_name = "events"
    paginate_by = 24
    query_parameters = ("status", "role", "abroad", "forum")

    def get(self, request, *args, **kwargs):
        # Read over every past event: kept until the content changes or an event ends.
        self.years = pagecache.remember("events:past-years", Event.objects.past_years)
        self.year = kwargs.get("year")
        if self.year is None and self.years:
            # The filters come along: /past/?role=host is the latest year's events hosted.
            query = f"?{request.GET.urlencode()}" if request.GET else ""
            return redirect(reverse("events:past", kwargs={"year": self.years[0]}) + query)
        if self.year is not None and self.year not in self.years:
            raise Http404("No past events in this year.")
        return super().get(request, *args, **kwargs)

    def get_filter_form(self):
        return PastEventFilterForm(self.request.GET)

    def filter_queryset(self, filters):
        if self.year is None:
            return Event.objects.none()
        events = Event.objects.past_in_year(self.year).for_listing()
        status = filters.get("status")
        if status == HELD:
            events = events.held()
        elif status:
            events = events.filter(event_status=status)
        if "role" in filters:
            events = events.with_role(filters["role"])
        if "abroad" in filters:
            events = events.attended_abroad()
        if "forum" in filters:
            events = events.forum_meetings()
        return events

    def get_context_data(self, **kwargs):
        return super().get_context_data(year=self.year, years=self.years, **kwargs)


class EventMonthView(TemplateView):
    """A month of the agenda as a table, with links to the months before and after."""

    template_name = "events/event_month.html"

    def get_context_data(self, **kwargs):
        year, number = kwargs.pop("year"), kwargs.pop("month")
        if not month.is_shown(year, number):
            raise Http404("No calendar for this month.")
        events = list(Event.objects.in_month(year, number).for_listing())
        return super().get_context_data(
            month=date(year, number, 1),
            weeks=month.weeks(year, number, events),
            weekdays=month.weekday_names(),
            events=events,
            previous_month=month.previous_month(year, number),
            next_month=month.next_month(year, number),
            **kwargs,
        )


# An event's page's lookup, compiled once (relacions.core.prepared).
BY_SLUG = published_by_slug(
    lambda now: with_stamps(Event.objects.for_detail().published(now), now, "events.detail")
)


class EventDetailView(PreviewMixin, DetailView):
    """A published event; drafts are seen through the admin's signed preview links."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_preview_object(self, obj):
        return Event.objects.for_detail().get(pk=obj.pk)

    def get_object(self, queryset=None):
        return BY_SLUG.first_or_404(now=timezone.now(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        event = self.object
        build = self.request.build_absolute_uri
        image_url = event.image.og_image_url if event.image else ""
        return super().get_context_data(
            is_preview=False,
            has_ended=event.has_ended(),
            json_ld=event_json_ld(event, build_absolute_uri=build),
            og_image_url=build(image_url) if image_url else "",
            **kwargs,
        )


def _calendar_response(
    request, events, *, name: str, key: str, filename: str, disposition: str
) -> HttpResponse:
    content = ical.calendar_bytes(
        events, build_absolute_uri=request.build_absolute_uri, name=name, key=key
    )
    response = HttpResponse(content, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug: str):
    """One published event as an .ics file: the "Add to calendar" link."""
    event = get_object_or_404(Event.objects.published().by_slug(slug)[:1])
    return _calendar_response(
        request,
        [event],
        name=event.title,
        key=f"event:{event.uid}",
        filename=f"{event.slug}.ics",
        disposition="attachment",
    )


@require_safe
def agenda_ics(request):
    """The agenda as a calendar to subscribe to, in the language of the address."""
    language = request.LANGUAGE_CODE
    return _calendar_response(
        request,
        Event.objects.for_calendar_feed(),
        name=_("Agenda of the European and International Relations Service of Terrassa"),
        key=f"agenda:{language}",
        filename=f"agenda-{language}.ics",
        disposition="inline",
    )
