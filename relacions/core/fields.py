from typing import Any

from django import forms
from django.db import models
from django.utils import translation
from django_ckeditor_5.widgets import CKEditor5Widget

from .sanitize import sanitize_html

# django-ckeditor-5 ships CKEditor's own translations as static files: dist/translations/<code>.js.
CKEDITOR_TRANSLATION = "django_ckeditor_5/dist/translations/{}.js"


def editor_language() -> str:
    """CKEditor's name for the active language (English is built into the editor)."""
    return (translation.get_language() or "en").split("-")[0]


class RichTextWidget(CKEditor5Widget):
    """CKEditor 5 speaking the admin's language: the editor's own translation is loaded as one
    more static script (the strict CSP allows it; nothing inline) and the config names it."""

    config: dict[str, Any]

    def __init__(self, attrs=None):
        super().__init__(config_name="default", attrs=attrs)

    @property
    def media(self):
        media = super().media
        language = editor_language()
        if language != "en":
            media += forms.Media(js=[CKEDITOR_TRANSLATION.format(language)])
        return media

    def render(self, name, value, attrs=None, renderer=None):
        # A copy: the widget (and its config) outlives the request and its language.
        self.config = {**self.config, "language": editor_language()}
        return super().render(name, value, attrs, renderer)


class RichTextField(models.TextField):
    """HTML edited with CKEditor 5 and sanitised with nh3 every time the model is saved.

    Cleaning in `pre_save` (not only in a form) covers every path that writes the model, including
    modeltranslation's per-language copies of this field.
    """

    def formfield(self, **kwargs):
        # Forced: the admin would otherwise swap in its plain textarea for every TextField.
        kwargs["widget"] = RichTextWidget()
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        # Through __dict__, not getattr/setattr: on a translated field modeltranslation's
        # descriptor would read the fallback language and write it into the active language.
        value = sanitize_html(model_instance.__dict__.get(self.attname))
        model_instance.__dict__[self.attname] = value
        return value
