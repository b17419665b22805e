from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "events"

# The translated segment for past events; an event's slug may not take it (Event.clean).
PAST = _("past/")

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    # Two patterns, one name: reverse("events:past") and reverse("events:past", kwargs={"year": y}).
    path(PAST, views.PastEventListView.as_view(), name="past"),
    path(format_lazy("{}<int:year>/", PAST), views.PastEventListView.as_view(), name="past"),
    path("<int:year>/<int:month>/", views.EventMonthView.as_view(), name="month"),
    # A slug has no dot, so no event's address can take the agenda's.
    path("agenda.ics", views.agenda_ics, name="ical"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
    path("<slug:slug>/calendar.ics", views.event_ics, name="ics"),
]
