from modeltranslation.translator import TranslationOptions, register

from .models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "venue", "outcomes")
    required_languages = {"ca": ("title", "slug")}
