"""An e-mail backend whose server is down, for the reminder command's tests."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("the mail server is down")
