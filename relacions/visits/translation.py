from modeltranslation.translator import TranslationOptions, register

from .models import Gift, Participant, Visit


@register(Visit)
class VisitTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "counterpart", "purpose", "outcome")
    required_languages = {"ca": ("title", "slug", "purpose")}


@register(Participant)
class ParticipantTranslationOptions(TranslationOptions):
    fields = ("position",)
    required_languages = {"ca": ("position",)}


@register(Gift)
class GiftTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = {"ca": ("description",)}
