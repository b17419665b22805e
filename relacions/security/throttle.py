"""The log-in lock-out policy (django-axes' handler, settings.AXES_HANDLER).

axes locks an address after LOGIN_FAILURE_LIMIT failures, whatever names were tried (which also
locks each account-and-address pair). An account name is never locked everywhere, since then
anyone who knows it could keep its owner out: instead, once it has LOGIN_ACCOUNT_FAILURE_LIMIT
failures from all addresses together within the cool-off, it may only be tried from addresses
where it has signed in before (in the last LOGIN_KNOWN_ADDRESS_DAYS days). An attacker spread
over many addresses gets at most that many guesses per cool-off, while the owner still signs in
from the office or from home. Unknown names are treated the same, so nothing tells who exists.
"""

import datetime

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def account_failures(username: str, since: datetime.datetime) -> int:
    """Failures for this account name from every address since `since`."""
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def is_known_address(username: str, address: str | None) -> bool:
    since = timezone.now() - datetime.timedelta(days=settings.LOGIN_KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=address, attempt_time__gte=since
    ).exists()


class LoginThrottleHandler(AxesDatabaseHandler):
    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.is_account_guarded(
            request, credentials
        )

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that puts the account under guard, or a refusal by the guard, answers with
        # the lock-out page (axes only flags its own per-address lock).
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if self.is_account_guarded(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def is_account_guarded(self, request, credentials=None) -> bool:
        """Whether this account name is under attack and this address is new to it."""
        username = get_client_username(request, credentials)
        if not username:
            return False
        since = get_cool_off_threshold(request)
        if account_failures(username, since) < settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
            return False
        return not is_known_address(username, request.axes_ip_address)
