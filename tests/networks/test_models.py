import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation

from relacions.networks.files import validate_pdf
from relacions.networks.models import Forum, Membership, MembershipFee, Network, Position
from relacions.networks.services import membership_change_category
from tests.factories.networks import (
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    PositionFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The assertions read the validation messages in English."""
    with translation.override("en"):
        yield


D = datetime.date
TODAY = D(2024, 6, 15)


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


# --- Membership validation ----------------------------------------------------------------------


def test_until_before_since_is_refused_with_a_clear_message():
    membership = MembershipFactory.build(
        network=NetworkFactory(), since=D(2010, 1, 1), until=D(2009, 1, 1)
    )
    assert errors_of(membership)["until"] == ["The end date cannot be earlier than the start date."]


def test_the_database_also_refuses_until_before_since():
    network = NetworkFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(network=network, since=D(2010, 1, 1), until=D(2009, 1, 1))


def test_an_ended_membership_needs_its_end_date():
    membership = MembershipFactory.build(network=NetworkFactory(), status=Membership.Status.ENDED)
    assert "until" in errors_of(membership)


@pytest.mark.parametrize(
    ("since", "until"),
    [(D(2015, 1, 1), D(2016, 1, 1)), (D(2000, 1, 1), None), (None, D(2009, 1, 1)), (None, None)],
)
def test_overlapping_memberships_of_one_entity_in_one_network_are_refused(since, until):
    existing = MembershipFactory(since=D(2009, 1, 1), until=None)
    clash = Membership(
        network=existing.network, category=Membership.Category.OBSERVER, since=since, until=until
    )
    message = " ".join(errors_of(clash)["__all__"])
    assert "already has a membership of this network for these dates" in message
    assert "Full member" in message


def test_adjoining_memberships_other_entities_and_other_networks_do_not_clash():
    existing = MembershipFactory(
        since=D(2003, 1, 1), until=D(2008, 12, 31), status=Membership.Status.ENDED
    )
    next_one = Membership(network=existing.network, category="full", since=D(2009, 1, 1))
    next_one.full_clean()
    other_entity = Membership(
        network=existing.network,
        member_entity="Institut Municipal",
        category="full",
        since=D(2005, 1, 1),
    )
    other_entity.full_clean()
    other_network = Membership(network=NetworkFactory(), category="full", since=D(2005, 1, 1))
    other_network.full_clean()


def test_editing_a_membership_does_not_clash_with_itself():
    membership = MembershipFactory(since=D(2009, 1, 1))
    membership.renewal_date = D(2030, 1, 1)
    membership.full_clean()


# --- Fees and positions ---------------------------------------------------------------------------


def test_a_negative_fee_is_refused():
    fee = MembershipFee(membership=MembershipFactory(), year=2024, amount=Decimal("-1.00"))
    assert errors_of(fee) == {"amount": ["A fee cannot be negative."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        fee.save()


def test_one_fee_per_membership_and_year():
    fee = MembershipFeeFactory(year=2024)
    duplicate = MembershipFee(membership=fee.membership, year=2024, amount=Decimal("5"))
    assert "__all__" in errors_of(duplicate)


def test_a_position_cannot_end_before_it_starts():
    position = PositionFactory.build(
        network=NetworkFactory(), start=D(2017, 1, 1), end=D(2016, 1, 1)
    )
    assert errors_of(position)["end"] == ["A position cannot end before it starts."]


def test_a_position_belongs_to_exactly_one_body():
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    nowhere = PositionFactory.build(network=None)
    both = PositionFactory.build(network=network, forum=forum)
    message = "Choose exactly one of network, forum or working group."
    assert message in errors_of(nowhere)["__all__"]
    assert message in errors_of(both)["__all__"]
    with pytest.raises(IntegrityError), transaction.atomic():
        PositionFactory(network=None)


def test_position_body_is_whichever_is_set():
    group = WorkingGroupFactory()
    assert PositionFactory(network=None, working_group=group).body == group


# --- Documents -----------------------------------------------------------------------------------


def test_documents_are_accepted_by_content_only():
    validate_pdf(SimpleUploadedFile("agreement.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"))
    for name, content in [("agreement.pdf", b"<html><script>alert(1)</script>"), ("a.pdf", b"")]:
        with pytest.raises(ValidationError) as caught:
            validate_pdf(SimpleUploadedFile(name, content))
        assert caught.value.code == "not_pdf"


def test_documents_are_stored_outside_media_root_with_no_url(settings):
    membership = MembershipFactory(
        document=SimpleUploadedFile("Contract Jane Doe.pdf", b"%PDF-1.4 x")
    )
    path = membership.document.path
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "Jane" not in membership.document.name
    with pytest.raises(ValueError):
        membership.document.url  # noqa: B018


# --- Change of category --------------------------------------------------------------------------


def test_a_change_of_category_ends_the_row_and_starts_a_new_one(mandate_objective):
    associate = MembershipFactory(
        category=Membership.Category.ASSOCIATE,
        since=D(2003, 1, 1),
        renewal_date=D(2009, 3, 1),
        internal_contact="Office",
        notes="Old notes",
    )
    associate.objectives.add(mandate_objective)

    full = membership_change_category(
        membership=associate, category=Membership.Category.FULL, since=D(2009, 1, 1)
    )

    associate.refresh_from_db()
    assert (associate.category, associate.until, associate.status) == (
        "associate",
        D(2008, 12, 31),
        Membership.Status.ENDED,
    )
    assert (full.category, full.since, full.until, full.status) == (
        "full",
        D(2009, 1, 1),
        None,
        Membership.Status.ACTIVE,
    )
    assert full.network_id == associate.network_id and full.pk != associate.pk
    assert full.internal_contact == "Office" and full.notes == ""
    assert list(full.objectives.all()) == [mandate_objective]
    assert Membership.objects.filter(network=associate.network).count() == 2


@pytest.mark.parametrize(
    ("changes", "category", "since", "field"),
    [
        ({}, "full", D(2010, 1, 1), "category"),
        ({}, "observer", D(2008, 1, 1), "since"),
        ({"until": D(2012, 1, 1), "status": "ended"}, "observer", D(2011, 1, 1), "__all__"),
        ({"until": D(2012, 1, 1)}, "observer", D(2013, 1, 1), "since"),
    ],
)
def test_a_change_of_category_refuses_what_would_break_the_history(changes, category, since, field):
    membership = MembershipFactory(category="full", since=D(2009, 1, 1), **changes)
    with pytest.raises(ValidationError) as caught:
        membership_change_category(membership=membership, category=category, since=since)
    assert field in caught.value.message_dict
    assert Membership.objects.count() == 1


# --- Network membership summary ------------------------------------------------------------------


def timeline_network(*rows) -> Network:
    network = NetworkFactory()
    for row in rows:
        MembershipFactory(network=network, **row)
    return Network.objects.with_memberships().get(pk=network.pk)


def test_member_since_is_the_start_of_the_unbroken_run():
    network = timeline_network(
        {
            "category": "observer",
            "since": D(1998, 1, 1),
            "until": D(1999, 12, 31),
            "status": "ended",
        },
        {
            "category": "associate",
            "since": D(2003, 1, 1),
            "until": D(2008, 12, 31),
            "status": "ended",
        },
        {"category": "full", "since": D(2009, 1, 1)},
    )
    assert network.current_membership(TODAY).category == "full"
    assert network.member_since(TODAY) == D(2003, 1, 1)


def test_no_current_membership_after_it_ended_or_while_applying():
    ended = timeline_network({"since": D(2003, 1, 1), "until": D(2008, 12, 31), "status": "ended"})
    applying = timeline_network({"since": D(2024, 1, 1), "status": "applying"})
    for network in (ended, applying):
        assert network.current_membership(TODAY) is None
        assert network.member_since(TODAY) is None
    assert applying.latest_membership().status == "applying"


# --- Querysets -----------------------------------------------------------------------------------


def test_active_renewal_due_and_fee_of_the_year():
    active = MembershipFactory(
        since=D(2009, 1, 1), renewal_date=TODAY + datetime.timedelta(days=60)
    )
    MembershipFactory(
        since=D(2009, 1, 1), status="suspended", renewal_date=TODAY + datetime.timedelta(days=61)
    )
    MembershipFactory(
        since=D(2003, 1, 1), until=D(2008, 12, 31), status="ended", renewal_date=TODAY
    )
    MembershipFactory(since=D(2030, 1, 1))
    MembershipFeeFactory(membership=active, year=2024, amount="1234.50")
    MembershipFeeFactory(membership=active, year=2023, amount="1.00")

    assert list(Membership.objects.active(TODAY)) == [active]
    assert list(Membership.objects.renewal_due(within_days=60, today=TODAY)) == [active]
    fees = dict(Membership.objects.with_fee_for(2024).values_list("pk", "year_fee"))
    assert fees[active.pk] == Decimal("1234.50")
    assert sum(1 for fee in fees.values() if fee is None) == 3


def test_fee_totals_per_year():
    MembershipFeeFactory(year=2024, amount="100.00")
    MembershipFeeFactory(year=2024, amount="50.50")
    MembershipFeeFactory(year=2023, amount="10.00")
    totals = list(MembershipFee.objects.totals_per_year())
    assert totals == [
        {"year": 2024, "total": Decimal("150.50"), "count": 2},
        {"year": 2023, "total": Decimal("10.00"), "count": 1},
    ]


def test_a_forum_is_public_only_while_its_network_is():
    forum = ForumFactory()
    assert list(Forum.objects.published()) == [forum]
    forum.network.status = Network.Status.DRAFT
    forum.network.save()
    assert list(Forum.objects.published()) == []
    # The instance says the same as the queryset (the admin's "view on site", the previews).
    assert not Forum.objects.get(pk=forum.pk).is_published()


def test_positions_held_in_a_network_include_its_forums_and_groups_but_not_draft_forums():
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    draft_forum = ForumFactory(network=network, status=Forum.Status.DRAFT)
    group = WorkingGroupFactory(network=network, forums=[forum])
    in_network = PositionFactory(network=network, start=D(2010, 1, 1))
    in_forum = PositionFactory(network=None, forum=forum, start=D(2015, 1, 1))
    in_group = PositionFactory(network=None, working_group=group, start=D(2017, 1, 1))
    PositionFactory(network=None, forum=draft_forum)
    PositionFactory()  # another network

    assert list(Position.objects.held_in_network(network)) == [in_group, in_forum, in_network]
    assert list(Position.objects.held_in_forum(forum)) == [in_group, in_forum]


def test_memberships_on_an_objective_page_are_those_of_published_networks():
    shown = MembershipFactory()
    MembershipFactory(network=NetworkFactory(status=Network.Status.DRAFT))
    assert list(Membership.objects.for_objective_timeline()) == [shown]
    assert shown.get_absolute_url() == shown.network.get_absolute_url()


def test_a_fee_is_named_by_its_year_never_by_its_confidential_amount():
    fee = MembershipFeeFactory(year=2024, amount="1234.56")
    assert str(fee) == "Fee of 2024"
    assert "1234" not in str(fee) and "1.234" not in str(fee)
