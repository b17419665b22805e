"""Users, groups and TOTP devices in the admin: Django's and django-otp's own admins, with the
project's success messages, the built-in groups (the roles, the two-factor group) and the
permissions named in the admin's language."""

from typing import TYPE_CHECKING

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from relacions.core.admin_messages import GenderedMessagesMixin
from relacions.core.roles import ROLES

from .twofactor import TWO_FACTOR_GROUP

BUILT_IN_GROUPS = (*ROLES, TWO_FACTOR_GROUP)
# Django stores permission names in English when it creates them ("Can add news item").
DEFAULT_PERMISSIONS = {
    "add": _("Can add: %(model)s"),
    "change": _("Can change: %(model)s"),
    "delete": _("Can delete: %(model)s"),
    "view": _("Can view: %(model)s"),
}


def permission_label(permission) -> str:
    """A permission as the group and user forms list it, in the admin's language."""
    action, _separator, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in DEFAULT_PERMISSIONS and model is not None and model._meta.model_name == model_name:
        name = DEFAULT_PERMISSIONS[action] % {"model": model._meta.verbose_name}
    else:
        # The project's own permissions are named through gettext_lazy, so the catalogue has them.
        name = gettext(permission.name)
    return f"{permission.content_type} | {name}"


class PermissionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return permission_label(obj)


# The mixin's method extends its ModelAdmin's: the type checker is told its base, Python is not.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class TranslatedPermissionsMixin(_ModelAdmin):
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs.setdefault("form_class", PermissionsField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)
admin.site.unregister(get_user_model())


@admin.register(Group)
class BuiltInGroupAdmin(GenderedMessagesMixin, TranslatedPermissionsMixin, GroupAdmin):
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
class StaffUserAdmin(GenderedMessagesMixin, TranslatedPermissionsMixin, UserAdmin):
    message_subject = pgettext_lazy("admin message subject", "The user")


# django-otp's device admin words its sections and its search help in English, untranslatable.
TOTP_FIELDSETS = {
    "Identity": _("Identity"),
    "Timestamps": _("Dates"),
    "Configuration": _("Configuration"),
    "State": _("State"),
    "Throttling": _("Throttling"),
}

admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TranslatedTOTPDeviceAdmin(TOTPDeviceAdmin):
    search_help_text = _("Search by the user's username or e-mail address.")

    def get_fieldsets(self, request, obj=None):
        return [
            (TOTP_FIELDSETS.get(name, name), options)
            for name, options in super().get_fieldsets(request, obj)
        ]
