"""Admin widgets shared by the apps."""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import get_select2_language


class SearchableSelect(forms.Select):
    """A select of a long, fixed list (the world's countries) in which the editor types to
    search: the admin's own select2, in the admin's language, over the options already in the
    page. Without JavaScript it stays an ordinary select."""

    @property
    def i18n_name(self) -> str | None:
        return get_select2_language()

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        classes = attrs.get("class", "")
        attrs["class"] = f"{classes} searchable-select".strip()
        attrs["lang"] = self.i18n_name or ""
        # select2 clears a choice only when there is a placeholder.
        attrs["data-placeholder"] = ""
        attrs["data-allow-clear"] = "false" if self.is_required else "true"
        return attrs

    @property
    def media(self):
        extra = "" if settings.DEBUG else ".min"
        i18n = (f"admin/js/vendor/select2/i18n/{self.i18n_name}.js",) if self.i18n_name else ()
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                *i18n,
                "admin/js/jquery.init.js",
                "js/admin-searchable-select.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                )
            },
        )
