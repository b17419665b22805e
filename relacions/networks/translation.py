from modeltranslation.translator import TranslationOptions, register

from .models import ChallengeArea, Forum, Network, Position, WorkingGroup


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "slug", "description", "headquarters")
    required_languages = {"ca": ("name", "slug")}


@register(Forum)
class ForumTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")
    required_languages = {"ca": ("name", "slug")}


@register(WorkingGroup)
class WorkingGroupTranslationOptions(TranslationOptions):
    fields = ("name", "mandate")
    required_languages = {"ca": ("name",)}


@register(ChallengeArea)
class ChallengeAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"ca": ("name",)}


@register(Position)
class PositionTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = {"ca": ("title",)}
