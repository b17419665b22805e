from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from relacions.networks.services import send_renewal_reminders


class Command(BaseCommand):
    help = (
        "E-mail the Network administrators about memberships whose renewal date falls within the "
        "next N days. Run it daily from cron: each membership is reminded once per renewal date."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=60, help="How many days ahead to look (default 60)."
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address (https://…), to make the admin links in the mails absolute.",
        )

    def handle(self, *args, days: int, base_url: str, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        run = send_renewal_reminders(within_days=days, base_url=base_url)
        if run.due and not run.recipients:
            self.stderr.write(
                _(
                    "%(count)d renewals are due but no active user with an e-mail address is in "
                    "the “Network administrators” group: nothing was sent."
                )
                % {"count": run.due}
            )
        self.stdout.write(
            _("%(sent)d reminders sent (%(due)d memberships due within %(days)d days).")
            % {"sent": run.sent, "due": run.due, "days": days}
        )
