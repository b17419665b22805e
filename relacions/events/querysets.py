from datetime import date, datetime, time, timedelta

from django.utils import timezone

from relacions.core.models import PublishableQuerySet
from relacions.networks.fragments import public_networks
from relacions.networks.models import Forum, Network

from .fragments import public_forum

# How far back the subscribable calendar reaches, so that subscribers keep recent events.
FEED_HISTORY = timedelta(days=180)


def local_midnight(day: date) -> datetime:
    """The first moment of `day` in the site's time zone (Europe/Madrid), as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """The first moment of the month and of the next one, in the site's time zone."""
    following = date(year + month // 12, month % 12 + 1, 1)
    return local_midnight(date(year, month, 1)), local_midnight(following)


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The first moment of the year and of the next one, in the site's time zone."""
    return local_midnight(date(year, 1, 1)), local_midnight(date(year + 1, 1, 1))


class EventQuerySet(PublishableQuerySet):
    """What the public sees of the agenda. Every method applies `published()`."""

    def upcoming(self, now=None):
        """Published events that have not ended yet (those on now included), soonest first."""
        now = now or timezone.now()
        return self.published(now).filter(end__gte=now).order_by("start", "pk")

    def past(self, now=None):
        """Published events that have ended, the most recent first."""
        now = now or timezone.now()
        return self.published(now).filter(end__lt=now).order_by("-start", "-pk")

    def past_in_year(self, year: int, now=None):
        """Past events that started in `year` (in the site's time zone)."""
        first, following = year_bounds(year)
        return self.past(now).filter(start__gte=first, start__lt=following)

    # --- The yearly report (content.py) and the archive's filters ----------------------------
    # A held event is one that took place as planned: not cancelled, and not postponed either
    # (a postponed event keeps the dates it did not take place on, until the office enters the
    # new ones and sets it back to Scheduled). The report counts the year's past events only, so
    # each figure is what the archive of that year lists with the same filters.

    def held(self):
        return self.filter(event_status=self.model.EventStatus.SCHEDULED)

    def held_in_year(self, year: int, now=None):
        """Published events that started in `year` (site's time zone), have ended and were held."""
        return self.past_in_year(year, now).held()

    def with_role(self, role: str):
        return self.filter(terrassa_role=role)

    def attended_abroad(self):
        """Events Terrassa went to outside Spain: in person (or hybrid) in another country, as a
        speaker or an attendee. An event with no country is not known to be abroad."""
        Event = self.model
        return self.filter(
            format__in=(Event.Format.IN_PERSON, Event.Format.HYBRID),
            terrassa_role__in=(Event.Role.SPEAKER, Event.Role.ATTENDEE),
        ).exclude(country__in=("", "ES"))

    def forum_meetings(self, now=None):
        """Meetings of a forum or of a working group of a network. The forum (and its network)
        or the working group's network must be public: an event of a hidden forum reads as no
        forum on its page, and must not reveal it by a count."""
        public_forum = Forum.published_q(now, prefix="forum__") & Network.published_q(
            now, prefix="forum__network__"
        )
        return self.filter(
            public_forum | Network.published_q(now, prefix="working_group__network__")
        )

    def past_years(self, now=None) -> list[int]:
        """The years with past events, the latest first: one query."""
        return [day.year for day in self.past(now).dates("start", "year", order="DESC")]

    def in_month(self, year: int, month: int):
        """Published events on at least one day of the month, in the order they start."""
        first, following = month_bounds(year, month)
        return self.published().filter(start__lt=following, end__gte=first).order_by("start", "pk")

    def for_calendar_feed(self, now=None):
        """The subscribable calendar: what is to come and the last months' events."""
        now = now or timezone.now()
        return self.published().filter(end__gte=now - FEED_HISTORY).order_by("start", "pk")

    def for_listing(self):
        """What an event card shows (the image, the place's name in the page's language), in
        one query."""
        return self.select_related("image", "location")

    def for_detail(self):
        """An event with what its page joins (image, place, working group); the related content
        the page links to is fetched by its fragment (`fragments.DETAIL`) when the cache does
        not have it."""
        return self.for_listing().select_related("working_group")

    def for_dataset(self):
        """Published events, in the order they start, with their public networks and forum (the
        open-data file's columns)."""
        return (
            self.published()
            .prefetch_related(public_forum(), public_networks())
            .order_by("start", "pk")
        )
