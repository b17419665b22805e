"""Catalan elision in generated text: "de EUROCITIES" → "d'EUROCITIES", "el Ajuntament" →
"l'Ajuntament", "del 1 d'octubre" → "de l'1 d'octubre".

A translation such as "Lloc web de %(name)s" cannot know the name it will be given, so text
built from a translation and a name (or a date) goes through `elide()` once it is whole. The
rules are the Institut d'Estudis Catalans' for the article and the preposition "de":

- "de", "el", "del", "al", "pel" (and "la", with the exceptions below) lose their vowel before a
  word that starts with a vowel sound: a vowel, or h and a vowel; the numbers 1 and 11 too ("u",
  "onze"), as in "l'1 de gener".
- Not before an i or u (or hi, hu) that is followed by another vowel, where it sounds as a
  consonant: "de iogurt", "el iode", "de Huelva".
- "la" not before an unstressed i or u (or hi, hu): "la Universitat", "la història"; an accent
  shows the stress, "l'única". Stress is otherwise not written, so "la" is left whole before
  i and u without an accent (the safe side: "la illa" for "l'illa" is rarer than the converse).
- Acronyms read as a word or as letters starting with a vowel ("d'EUROCITIES", "d'UCLG") elide
  like words; one starting with a consonant letter whose name starts with a vowel ("FMI", "efa")
  is left alone, since whether it is spelled out cannot be told from the text.

Markup is allowed between the word and what follows ("de <a href=…>EUROCITIES</a>"), so the
rules also apply to rendered HTML; nothing but the eliding words changes.
"""

import re

from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

VOWELS = "aeiouàèéíïòóúüAEIOUÀÈÉÍÏÒÓÚÜ"
# The word that follows, after any opening tags: what decides whether the vowel goes.
_PATTERN = re.compile(
    r"\b(?P<word>[Dd]e|[Ee]l|[Ll]a|[Dd]el|[Aa]l|[Pp]el) (?P<tags>(?:<[a-zA-Z][^>]*>)*)"
    r"(?P<next>[^\s<]+)"
)
_NUMBER = re.compile(r"(?:11|1)(?![\d]|[.,]\d)")
_SEMI_CONSONANT = re.compile(rf"^[hH]?[iuIU][{VOWELS}]")
_UNSTRESSED_I_U = re.compile(r"^[hH]?[iuIUïüÏÜ]")
_ELIDED = {"de": "d'", "el": "l'", "la": "l'", "del": "de l'", "al": "a l'", "pel": "per l'"}
# "de" + "el" is always "del" (then elided like any "del": "de l'Ajuntament").
_CONTRACTION = re.compile(r"\b(?P<word>[Dd]e|[Aa]|[Pp]er) (?P<article>els?)\b")
_CONTRACTED = {"de": "de", "a": "a", "per": "pe"}


def starts_with_vowel_sound(word: str, *, feminine: bool = False) -> bool:
    if _NUMBER.match(word):
        return True
    bare = word[1:] if word[:1] in "hH" else word
    if not bare or bare[0] not in VOWELS:
        return False
    if _SEMI_CONSONANT.match(word):
        return False
    return not (feminine and _UNSTRESSED_I_U.match(word))


def _elide_match(match: re.Match) -> str:
    word, following = match["word"], match["next"]
    if not starts_with_vowel_sound(following, feminine=word.lower() == "la"):
        return match.group(0)
    elided = _ELIDED[word.lower()]
    if word[0].isupper():
        elided = elided[0].upper() + elided[1:]
    return f"{elided}{match['tags']}{following}"


def _contract(match: re.Match) -> str:
    word = match["word"]
    contracted = _CONTRACTED[word.lower()] + match["article"][1:]  # de + el → del, per + els → pels
    return contracted.capitalize() if word[0].isupper() else contracted


def elide(text: str) -> str:
    """`text` (Catalan, plain or HTML) with the article and "de" elided where they should be.
    Safe HTML stays safe: only the eliding words change."""
    result = _CONTRACTION.sub(_contract, str(text))
    result = _PATTERN.sub(_elide_match, result)
    return mark_safe(result) if isinstance(text, SafeString) else result


def elide_if_catalan(text: str) -> str:
    """`elide(text)` when the active language is Catalan; `text` as it is otherwise."""
    return elide(text) if translation.get_language() == "ca" else text
