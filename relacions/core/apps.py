from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Registers the system check of the apps' declarations (content.py).
from . import declaration  # noqa: F401


class CoreConfig(AppConfig):
    name = "relacions.core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib import admin

        from .listlookups import restrict_lookups_everywhere

        # django.contrib.admin comes first in INSTALLED_APPS: every admin is registered by now.
        restrict_lookups_everywhere(admin.site)
        show_groups_translated()


def show_groups_translated():
    """Groups are named by their stored, stable names (`Group.objects.get(name=EDITORS)`) but shown
    in the admin's language everywhere the admin prints one: the groups list, a user's group
    chooser, breadcrumbs, history. `__str__` is the one place all of these read."""
    from django.contrib.auth.models import Group

    from .roles import group_name

    Group.__str__ = group_name  # type: ignore[method-assign]  # on purpose, as said above
