"""The Pla de Mandat's rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): an objective's card in the plan's overview, and an
objective's page below its title: its body, and the timeline of the work serving it.

Both show the objective's status, progress and last update's date: the `with_progress()`
annotations the view's queryset computes from the latest public progress update. An annotation
is not part of a stamp, so both fragments prefetch the objective's public updates: their ids and
versions are, and a new, edited, deleted, published or unpublished update gives a new stamp (the
annotations being a function of those rows)."""

from django.db.models import Prefetch

from relacions.operations.pagecache.fragments import Fragment

from .linked import linked_prefetches
from .models import Objective, ProgressUpdate


def public_objectives(now=None) -> Prefetch:
    """An object's objectives the public may see (news, events, visits); an objective's address
    names its plan."""
    return Prefetch("objectives", queryset=Objective.objects.public(now).select_related("plan"))


def public_updates(now=None) -> Prefetch:
    # An update is public or not, whatever the clock: `now` is not needed.
    return Prefetch(
        "updates", queryset=ProgressUpdate.objects.for_history(), to_attr="public_updates"
    )


# An objective in the plan's overview (the view's queryset annotates it `with_progress()` and
# joins its plan, which its address names).
CARD = Fragment(
    "mandate/_objective.html", prefetch=(public_updates,), related=("plan",), name="objective"
)
# An objective's page below its title: its axis, target date, status and progress, description and
# the history of its public updates.
BODY = Fragment(
    "mandate/_objective_body.html",
    prefetch=(public_updates,),
    related=("axis",),
    name="objective",
)
# Below it, the timeline of the international work serving it: the public news, events,
# memberships, forums, agreements, projects and visits linked to it (mandate.linked), each
# relation's items (and the networks a membership's or a forum's joins) in the stamp.
TIMELINE = Fragment(
    "mandate/_objective_timeline.html",
    prefetch=(lambda now: linked_prefetches(Objective, now),),
    name="objective",
)
