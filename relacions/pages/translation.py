from modeltranslation.translator import TranslationOptions, register

from .models import Page, SiteSettings


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = {"ca": ("title", "slug")}


@register(SiteSettings)
class SiteSettingsTranslationOptions(TranslationOptions):
    fields = ("office_name", "mission_intro")
