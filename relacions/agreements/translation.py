from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, Amendment, CooperationArea, Document, Partner


@register(Agreement)
class AgreementTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "slug",
        "object",
        "term",
        "rights_and_obligations",
        "economic_obligations",
        "paid_by",
        "status_reason",
    )
    required_languages = {"ca": ("title", "slug")}


@register(CooperationArea)
class CooperationAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ca": ("name",)}


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("organisation",)
    required_languages = {"ca": ("organisation",)}


@register(Amendment)
class AmendmentTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = {"ca": ("description",)}


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ca": ("title",)}
