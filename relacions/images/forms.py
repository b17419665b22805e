from django import forms
from django.forms.widgets import FileInput
from django.utils.translation import gettext_lazy as _

from .validators import ACCEPT_ATTRIBUTE, validate_image_file


class ImageUploadField(forms.FileField):
    """A file field checked by the image library's rules (validators.py).

    Not Django's `forms.ImageField`: that one accepts any format Pillow can read (GIF, TIFF, …)
    and answers every refusal with the same message; this one says what was wrong.
    """

    default_validators = [validate_image_file]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT_ATTRIBUTE
        return attrs


class EditorUploadForm(forms.Form):
    """What CKEditor 5's upload adapter posts: one file, in the `upload` field."""

    upload = ImageUploadField(label=_("image"))
