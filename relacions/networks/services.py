"""Work on memberships that spans rows or has side effects."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from relacions.core.catalan import elide_if_catalan
from relacions.core.roles import NETWORK_ADMINISTRATORS

from .models import Membership, RenewalReminder


@transaction.atomic
def membership_change_category(
    *,
    membership: Membership,
    category: str,
    since: datetime.date,
    voting_rights: bool | None = None,
) -> Membership:
    """Record that `membership` continues in `category` from `since`: the current row ends the
    day before and a new row starts, so the history keeps both categories. Returns the new row.

    The new row keeps the entity, status, contacts, renewal date and objectives; the fees, the
    document and the notes stay with the row they belong to. `voting_rights` defaults to the
    current row's.
    """
    current = Membership.objects.select_for_update().get(pk=membership.pk)
    errors = {}
    if category == current.category:
        errors["category"] = _("The membership is already in this category.")
    if current.status == Membership.Status.ENDED:
        errors[NON_FIELD_ERRORS] = _(
            "This membership has ended: add a new membership instead of changing its category."
        )
    if current.since is not None and since <= current.since:
        errors["since"] = _(
            "The new category must start after %(date)s, when this membership began."
        ) % {"date": date_format(current.since)}
    if current.until is not None and since > current.until:
        errors["since"] = _(
            "The new category must start before this membership ends (%(date)s)."
        ) % {"date": date_format(current.until)}
    if errors:
        raise ValidationError(errors)

    successor = Membership(
        network_id=current.network_id,
        member_entity=current.member_entity,
        category=category,
        since=since,
        until=current.until,
        status=current.status,
        voting_rights=current.voting_rights if voting_rights is None else voting_rights,
        renewal_date=current.renewal_date,
        internal_contact=current.internal_contact,
        political_representative=current.political_representative,
    )
    current.until = since - datetime.timedelta(days=1)
    current.status = Membership.Status.ENDED
    current.full_clean()
    current.save(update_fields=("until", "status", "updated_at"))
    successor.full_clean()
    successor.save()
    successor.objectives.set(current.objectives.all())
    return successor


def network_administrator_emails() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=NETWORK_ADMINISTRATORS)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


@dataclass(frozen=True)
class ReminderRun:
    sent: int
    due: int
    recipients: int


def send_renewal_reminders(
    *, within_days: int, today: datetime.date | None = None, base_url: str = ""
) -> ReminderRun:
    """E-mail the Network administrators once about each membership whose renewal date falls
    within `within_days` days. A reminder is recorded with the mail, in one transaction, so a
    failed mail is tried again on the next run and a sent one never twice (the unique
    (membership, renewal_date) constraint holds even when two runs overlap). With nobody to write
    to, nothing is recorded."""
    today = today or timezone.localdate()
    already_sent = RenewalReminder.objects.filter(
        membership=OuterRef("pk"), renewal_date=OuterRef("renewal_date")
    )
    due = list(
        Membership.objects.renewal_due(within_days=within_days, today=today)
        .exclude(Exists(already_sent))
        .with_fee_for(today.year)
        .select_related("network")
        .order_by("renewal_date", "pk")
    )
    recipients = network_administrator_emails()
    sent = 0
    if not recipients:
        return ReminderRun(sent=0, due=len(due), recipients=0)
    with translation.override(settings.LANGUAGE_CODE):
        for membership in due:
            with transaction.atomic():
                _reminder, created = RenewalReminder.objects.get_or_create(
                    membership=membership,
                    renewal_date=membership.renewal_date,
                    defaults={"recipients": ", ".join(recipients)},
                )
                if created:
                    _reminder_message(membership, recipients, today, base_url).send()
                    sent += 1
    return ReminderRun(sent=sent, due=len(due), recipients=len(recipients))


def _reminder_message(
    membership: Membership, recipients: list[str], today: datetime.date, base_url: str
) -> EmailMessage:
    path = reverse("admin:networks_membership_change", args=(membership.pk,))
    context = {
        "membership": membership,
        "network": membership.network,
        "days_left": (membership.renewal_date - today).days,
        "admin_url": f"{base_url.rstrip('/')}{path}",
    }
    subject = elide_if_catalan(
        _("Membership renewal on %(date)s: %(network)s")
        % {"date": date_format(membership.renewal_date), "network": membership.network.name}
    )
    body = render_to_string("networks/email/renewal_reminder.txt", context)
    return EmailMessage(subject=subject, body=body, to=recipients)
