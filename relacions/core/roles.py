"""The staff roles, as groups. Each app declares what its roles may do in its content.py:

    content = Content(roles={EDITORS: ("pages.add_page", "pages.change_page", ...)})

Administrators get every permission; the other groups get exactly what the apps declare.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext, gettext_noop

from .declaration import declarations

# Stored as they are written here, so code and setup_roles find them whatever the language;
# shown translated (group_name) wherever the admin names a group.
EDITORS = gettext_noop("Editors")
NETWORK_ADMINISTRATORS = gettext_noop("Network administrators")
ADMINISTRATORS = gettext_noop("Administrators")
ROLES = (EDITORS, NETWORK_ADMINISTRATORS, ADMINISTRATORS)


def group_name(group) -> str:
    """A group's name in the active language: the roles' (and any other group named by the
    project, e.g. the two-factor group) are in the catalogue; a group an Administrator created
    shows as it was typed."""
    return gettext(group.name)


def declared_permissions() -> dict[str, set[str]]:
    declared: dict[str, set[str]] = {role: set() for role in ROLES}
    for _config, content in declarations():
        for role, names in content.roles.items():
            declared[role].update(names)
    return declared


def _permissions(names: set[str]) -> list:
    found = []
    for name in sorted(names):
        app_label, codename = name.split(".", 1)
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def setup_roles() -> dict[str, int]:
    """Create or update the groups so each has exactly its permissions; idempotent."""
    counts = {}
    declared = declared_permissions()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        if role == ADMINISTRATORS:
            permissions = list(Permission.objects.all())
        else:
            permissions = _permissions(declared[role])
        group.permissions.set(permissions)
        counts[role] = len(permissions)
    return counts
