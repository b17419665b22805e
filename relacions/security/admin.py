"""Users and groups in the admin: Django's own admins, with the project's success messages and
the built-in groups (the roles, the two-factor group) named in the admin's language."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.admin_messages import GenderedMessagesMixin
from relacions.core.roles import ROLES

from .twofactor import TWO_FACTOR_GROUP

BUILT_IN_GROUPS = (*ROLES, TWO_FACTOR_GROUP)

admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class BuiltInGroupAdmin(GenderedMessagesMixin, GroupAdmin):
    message_subject = pgettext_lazy("admin message subject", "The group")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.name in BUILT_IN_GROUPS:
            # The stored name is what the code looks the group up by: shown translated, not edited.
            return ["translated_name", *(field for field in fields if field != "name")]
        return fields

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "translated_name")

    @admin.display(description=_("name"))
    def translated_name(self, group: Group) -> str:
        return str(group)


@admin.register(get_user_model())
class StaffUserAdmin(GenderedMessagesMixin, UserAdmin):
    message_subject = pgettext_lazy("admin message subject", "The user")
