"""The demo content (relacions.core.demo) has marked examples of each direction: a delegation
from a twin city and a trip to a Eurocities forum; a visit still to come is not public; loading
twice changes nothing."""

import pytest

from relacions.core.demo import load_demo_content
from relacions.visits.models import Visit

pytestmark = pytest.mark.django_db


def test_the_demo_has_marked_examples_of_each_direction():
    load_demo_content()
    visits = Visit.objects.all()
    assert {v.direction for v in visits} == {"incoming", "outgoing"}
    for visit in visits:
        assert "(exemple)" in visit.title_ca and "(example)" in visit.title_en
        assert "exemple" in visit.purpose_ca.lower() and "example" in visit.purpose_en.lower()
    pamiers = Visit.objects.get(slug_ca="exemple-delegacio-de-pamiers")
    assert pamiers.direction == "incoming" and pamiers.is_published() and pamiers.costs_final
    assert list(pamiers.agreements.values_list("slug_ca", flat=True)) == ["pamiers"]
    forum = Visit.objects.get(slug_ca="exemple-forum-de-cultura-eurocities")
    assert forum.direction == "outgoing" and forum.is_published()
    assert list(forum.networks.values_list("slug_ca", flat=True)) == ["eurocities"]
    to_come = Visit.objects.get(slug_ca="exemple-viatge-a-tecoluca")
    assert to_come.publication_state() == Visit.State.SCHEDULED
    assert not Visit.objects.get(slug_ca="exemple-delegacio-de-tetuan").costs_final
    counts = load_demo_content()["visits"]
    assert (counts.created, counts.updated) == (0, 0)
