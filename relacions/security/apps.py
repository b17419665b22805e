from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_two_factor_group(*, using, apps=global_apps, **kwargs):
    from .twofactor import TWO_FACTOR_GROUP

    # The migrated state (`flush` sends none: then the code's), not the code's models: after
    # `migrate auth zero` there is no auth_group table to put the group in.
    try:
        Group = apps.get_model("auth", "Group")
    except LookupError:
        return
    Group.objects.using(using).get_or_create(name=TWO_FACTOR_GROUP)


class SecurityConfig(AppConfig):
    """Log-in security for the admin: django-axes throttling and django-otp TOTP, tied together."""

    name = "relacions.security"
    verbose_name = _("Log-in security")

    def ready(self):
        from django.contrib import admin

        from .forms import LoginForm

        # The admin's log-in form asks for the TOTP code too (templates/admin/login.html).
        admin.site.login_form = LoginForm
        # After every migrate (and a test database flush): the group exists before anyone
        # needs to put a user in it. Sent for auth, whose tables it needs (Django sends the
        # signal only for apps with a models module, which this app has not).
        post_migrate.connect(
            create_two_factor_group,
            sender=global_apps.get_app_config("auth"),
            dispatch_uid="relacions.security.two_factor_group",
        )
