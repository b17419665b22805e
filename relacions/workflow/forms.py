"""The admin forms' part of conflict detection (conflicts.py) and of revision comments."""

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from . import conflicts

COMMENT_FIELD = "revision_comment"
COMMENT_LABEL = _("Comment on this revision")


# The mixin's methods use its ModelForm's: the type checker is told its base, Python is not.
if TYPE_CHECKING:
    _ModelForm = forms.ModelForm
else:
    _ModelForm = object


class GuardedFormMixin(_ModelForm):
    """Refuses to save over a version newer than the one the form was loaded at.

    The change form carries the version in a hidden field; a changelist row's version comes from
    the page's `_loaded_versions` map (`loaded_tokens`). A form sent without it, or with a value
    that is not a version, is refused like one loaded before a newer version.
    """

    loaded_tokens: dict[str, str] | None = None
    # On a restore the object is the stored copy: its version is the current object's.
    loaded_token_override: str | None = None
    check_conflicts = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if conflicts.FIELD in self.fields and not self.is_bound and self.instance.pk is not None:
            self.fields[conflicts.FIELD].initial = self.loaded_token_override or conflicts.token_of(
                self.instance
            )

    @property
    def changed_data(self):
        # The loaded version and the revision comment are about the save, not the object: they
        # stay out of the change message ("Changed loaded_version").
        return [
            name for name in super().changed_data if name not in (conflicts.FIELD, COMMENT_FIELD)
        ]

    def loaded_token(self) -> str | None:
        """The version the form was loaded at, as sent; None when it was not sent."""
        if conflicts.FIELD in self.fields:
            return self.data.get(self.add_prefix(conflicts.FIELD)) or None
        if self.loaded_tokens is None:
            return None
        return self.loaded_tokens.get(str(self.instance.pk))

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if not self.check_conflicts or instance.pk is None or instance._state.adding:
            return cleaned
        if conflicts.FIELD not in self.fields and not self.has_changed():
            return cleaned  # a list row left as it was is not saved
        model = type(instance)
        current = conflicts.locked_tokens(model, [instance.pk]).get(str(instance.pk))
        loaded = self.loaded_token()
        if current is None or current == loaded:
            return cleaned
        # A missing or malformed version is refused like a stale one: a form that skipped the
        # check could otherwise overwrite anyone's changes.
        if loaded is None:
            self.add_error(None, conflicts.unchecked_message(model))
        else:
            self.add_error(None, conflicts.conflict_message(model, instance.pk))
        if conflicts.FIELD in self.fields:
            # Saving this form again is now a deliberate choice to replace the other version.
            # The form is bound to request.POST: a QueryDict, whose copy is mutable.
            data = self.data.copy()  # type: ignore[attr-defined]
            data[self.add_prefix(conflicts.FIELD)] = current
            self.data = data
        return cleaned


def guarded(form_class, *, change_form: bool, **attrs):
    """`form_class` with conflict detection (and, for a change form, the hidden version field
    and the revision comment)."""
    fields = {}
    if change_form:
        fields = {
            conflicts.FIELD: forms.CharField(widget=forms.HiddenInput, required=False),
            COMMENT_FIELD: forms.CharField(
                label=COMMENT_LABEL,
                required=False,
                max_length=500,
                help_text=_("Optional: what you changed and why. Shown in the history."),
            ),
        }
    return type(form_class.__name__, (GuardedFormMixin, form_class), {**fields, **attrs})
