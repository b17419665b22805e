"""The networks app's query vocabulary: the pieces its querysets (beside each model, in models/)
and its views share.

Dates: a membership (or position) is "in force" on a day when the day falls between `since` and
`until`, both included; an empty `since` means "from a date not recorded", an empty `until`
"still running".

Related content: news and events stand on this app (they declare relations to Network, Forum,
WorkingGroup and ChallengeArea), so this app never imports them. `related_content_prefetches()`
reads the reverse relations that exist on a model when the query is built and skips the others,
so a page works (and keeps its query count) with or without those apps.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Prefetch, Q
from django.db.models.functions import JSONObject
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

RELATED_LIMIT = 5
# Reverse accessor (the related_name news and events declare) → the extra queryset method that
# selects what a visitor should see besides `published()`.
RELATED_CONTENT = (("news_items", None), ("events", "upcoming"))


def local_today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def in_force_q(today: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": today})) & (
        Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": today})
    )


def related_content_prefetches(model, limit: int = RELATED_LIMIT) -> list[Prefetch]:
    """One prefetch per related content type that exists (`related_news_items`, `related_events`
    on each object): published items only, upcoming ones for events, at most `limit` each."""
    relations = {rel.get_accessor_name(): rel for rel in model._meta.related_objects}
    prefetches = []
    for accessor, method in RELATED_CONTENT:
        rel = relations.get(accessor)
        if rel is None:
            continue
        queryset = rel.related_model._default_manager.all()
        if not callable(getattr(queryset, "published", None)):
            continue
        queryset = queryset.published()
        if method and callable(getattr(queryset, method, None)):
            queryset = getattr(queryset, method)()
        prefetches.append(
            Prefetch(accessor, queryset=queryset[:limit], to_attr=f"related_{accessor}")
        )
    return prefetches


# What a challenge area lists of each event tied to it (what templates/networks/forum_detail.html
# shows); the translated ones in every language.
TIED_EVENT_FIELDS = ("id", "start")
TIED_EVENT_TRANSLATED_FIELDS = ("title", "slug")


def tied_events(area_model, limit: int = RELATED_LIMIT) -> ArraySubquery | None:
    """The published events tied to each challenge area, past ones included (the work done on
    the challenge), newest first, at most `limit`: JSON objects in the area's own row, so the
    forum's page reads them with no query of their own (`prepare_forum_page()` makes them
    events again). None while the events app is not installed."""
    relation = next(
        (rel for rel in area_model._meta.related_objects if rel.get_accessor_name() == "events"),
        None,
    )
    if relation is None:
        return None
    names = [
        *TIED_EVENT_FIELDS,
        *(
            build_localized_fieldname(field, language)
            for field in TIED_EVENT_TRANSLATED_FIELDS
            for language, _name in settings.LANGUAGES
        ),
    ]
    events = relation.related_model._default_manager.published().filter(
        **{relation.field.name: OuterRef("pk")}
    )
    as_json = events.annotate(data=JSONObject(**{name: name for name in names}))
    return ArraySubquery(as_json.values("data")[:limit])


def prepare_forum_page(forum) -> None:
    """Finish a forum loaded by `for_page()`: each challenge area's `related_events`, from the
    JSON its row carries."""
    for area in forum.challenge_areas.all():
        rows = getattr(area, "tied_events", None) or []
        model = area._meta.get_field("events").related_model if rows else None
        area.related_events = [
            model(
                **{
                    name: model._meta.get_field(name).to_python(value)
                    for name, value in row.items()
                }
            )
            for row in rows
        ]


def prepare_network_page(network) -> None:
    """Finish a network loaded by `for_page()`: each working group's forums, from what that
    query already read."""
    forums = network.public_forums
    for group in network.all_working_groups:
        ids = set(group.forum_ids)
        group.public_forums = [forum for forum in forums if forum.pk in ids]
