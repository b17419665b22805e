from modeltranslation.translator import TranslationOptions, register

from .models import AreaText, Edition, YearReport


@register(YearReport)
class YearReportTranslation(TranslationOptions):
    fields = ("introduction", "highlights")


@register(AreaText)
class AreaTextTranslation(TranslationOptions):
    fields = ("text",)


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("reason",)
