import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from relacions.core.demo import Counts, load_apps
from relacions.core.roles import NETWORK_ADMINISTRATORS
from relacions.networks.models import (
    ChallengeArea,
    Forum,
    Membership,
    MembershipFee,
    Network,
    Position,
    RenewalReminder,
    WorkingGroup,
)
from tests.factories.networks import MembershipFactory, MembershipFeeFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def remind(days: int = 30) -> str:
    out = io.StringIO()
    call_command("send_renewal_reminders", "--days", str(days), stdout=out, stderr=out)
    return out.getvalue()


# --- Renewal reminders ---------------------------------------------------------------------------


def test_reminders_go_once_per_membership_and_renewal_date(network_admin, editor):
    second_admin = get_user_model().objects.create_user(
        "second", "second@example.org", is_staff=True
    )
    second_admin.groups.add(*network_admin.groups.all())
    inactive = get_user_model().objects.create_user("gone", "gone@example.org", is_active=False)
    inactive.groups.add(*network_admin.groups.all())
    due = MembershipFactory(network=NetworkFactory(name_ca="EUROCITIES"), renewal_date=in_days(10))
    MembershipFeeFactory(membership=due, year=timezone.localdate().year, amount="1234.00")
    MembershipFactory(renewal_date=in_days(45))
    MembershipFactory(renewal_date=in_days(-1))
    MembershipFactory(
        since=datetime.date(2000, 1, 1),
        until=datetime.date(2001, 1, 1),
        status="ended",
        renewal_date=in_days(5),
    )

    output = remind(30)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["networks@example.org", "second@example.org"]
    assert "EUROCITIES" in message.subject
    assert f"/admin/networks/membership/{due.pk}/change/" in message.body
    assert "1234" in message.body
    assert "1 " in output
    assert RenewalReminder.objects.get().renewal_date == due.renewal_date

    remind(30)
    remind(30)
    assert len(mail.outbox) == 1

    due.renewal_date = in_days(20)
    due.save()
    remind(30)
    assert len(mail.outbox) == 2
    assert RenewalReminder.objects.filter(membership=due).count() == 2


def test_with_no_network_administrators_nothing_is_recorded(roles):
    MembershipFactory(renewal_date=in_days(3))
    output = remind(30)
    assert mail.outbox == []
    assert not RenewalReminder.objects.exists()
    assert "Network administrators" in output

    admin = get_user_model().objects.create_user("late", "late@example.org")
    admin.groups.add(Group.objects.get(name=NETWORK_ADMINISTRATORS))
    remind(30)
    assert len(mail.outbox) == 1


def test_a_failed_mail_is_tried_again_next_time(network_admin, settings):
    MembershipFactory(renewal_date=in_days(3))
    settings.MAILERS = {"default": {"BACKEND": "tests.networks.failing_mail.Backend"}}
    with pytest.raises(ConnectionError):
        remind(30)
    assert not RenewalReminder.objects.exists()

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    remind(30)
    assert len(mail.outbox) == 1


def test_the_days_option_is_required_to_be_positive(network_admin):
    with pytest.raises(CommandError):
        remind(-1)


# --- Demo content --------------------------------------------------------------------------------


def snapshot() -> dict:
    models = (Network, Membership, MembershipFee, Forum, WorkingGroup, ChallengeArea, Position)
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def test_the_demo_content_loads_once_and_twice_changes_nothing(demo_day):
    created = load_apps("networks", today=demo_day).created
    first = snapshot()
    assert created == sum(len(rows) for rows in first.values())
    assert load_apps("networks", today=demo_day) == Counts()
    assert snapshot() == first
    call_command("load_demo_content", verbosity=0)
    assert snapshot() == first


def test_the_demo_content_follows_the_facts():
    load_apps("networks")
    eurocities = Network.objects.get(slug_ca="eurocities")
    timeline = list(
        eurocities.memberships.for_timeline().values_list("category", "since", "until", "status")
    )
    assert timeline == [
        ("associate", datetime.date(2003, 1, 1), datetime.date(2008, 12, 31), "ended"),
        ("full", datetime.date(2009, 1, 1), None, "active"),
    ]
    assert "Bruselas" in eurocities.headquarters_es and "Brussels" in eurocities.headquarters_en
    forum = eurocities.forums.get()
    assert (forum.name_ca, forum.name_es, forum.name_en) == (
        "Fòrum de Cultura",
        "Foro de Cultura",
        "Culture Forum",
    )
    assert "culture as a vital part of public policy" in forum.description_en
    assert list(forum.challenge_areas.values_list("name_en", flat=True)) == [
        "The demographic challenge",
        "The audience empowerment challenge",
        "The governance and networking challenge",
        "The digital challenge",
        "The financial and organisational challenge",
    ]
    branding = Position.objects.get(working_group__name_en="City Branding working group")
    assert (branding.title_en, branding.start) == ("Vice-chair", datetime.date(2017, 1, 1))
    uclg = Network.objects.get(slug_en="uclg")
    assert (uclg.acronym_ca, uclg.acronym_en) == ("CGLU", "UCLG")
    assert Position.objects.filter(working_group__network=uclg, title_en="Vice-presidency").exists()
    # The twin cities are agreements now (relacions.agreements), not networks.
    assert not Network.objects.filter(kind="twinning").exists()
    assert all(network.name_es and network.slug_es for network in Network.objects.all())
    for fee in MembershipFee.objects.all():
        assert "exemple" in fee.note.lower()
