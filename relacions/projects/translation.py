from modeltranslation.translator import TranslationOptions, register

from .models import Department, Programme, Project, Result, Theme


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "description")
    required_languages = {"ca": ("title", "slug")}


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ca": ("name",)}


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ca": ("name",)}


@register(Department)
class DepartmentTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = {"ca": ("name",)}


@register(Result)
class ResultTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ca": ("title",)}
