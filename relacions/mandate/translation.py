from modeltranslation.translator import TranslationOptions, register

from .models import Axis, Objective, Plan, ProgressUpdate


@register(Plan)
class PlanTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary")
    required_languages = {"ca": ("title", "slug")}


@register(Axis)
class AxisTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ca": ("title",)}


@register(Objective)
class ObjectiveTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"ca": ("title",)}


@register(ProgressUpdate)
class ProgressUpdateTranslationOptions(TranslationOptions):
    fields = ("note",)
