from modeltranslation.translator import TranslationOptions, register

from .models import Image


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("title", "alt_text")
    # alt_text is required in Catalan too, unless the image is decorative: see Image.clean().
    required_languages = {"ca": ("title",)}
