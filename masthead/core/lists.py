"""Lists of names as each edition writes them: "A, B and C", "A, B y C", "A، B وC".

The separator and the word before the last name are interface text, translated in each
language's catalogue (Arabic has its own comma, U+060C, and joins "و" to the name that
follows it). Bylines in templates use `list_joiners` through the `joined` filter, so
each name keeps its own link; feeds and other plain text use `human_list`.
"""

from django.utils import translation
from django.utils.translation import pgettext


def list_joiners(names):
    """[(joiner, item)]: the text that goes before each item, "" before the first, in the
    active language. Items are names, or objects with a `name`."""
    names = list(names)
    if len(names) < 2:
        return [("", item) for item in names]
    between = pgettext("between names in a list, as in 'A, B and C'; spaces count", ", ")
    before_last = pgettext(
        "before the last name in a list, as in 'A, B and C'; spaces count", " and "
    )
    if translation.get_language().split("-")[0] == "es" and sounds_like_i(_name_of(names[-1])):
        before_last = " e "  # Spanish grammar, not wording: "Pedro e Inés", never "y Inés"
    joiners = ["", *[between] * (len(names) - 2), before_last]
    return list(zip(joiners, names, strict=True))


def human_list(names, language=None):
    """The names as one string, in `language` (default: the active one)."""
    with translation.override(language or translation.get_language()):
        return "".join(f"{joiner}{_name_of(name)}" for joiner, name in list_joiners(names))


def _name_of(item):
    return str(getattr(item, "name", item))


def sounds_like_i(word):
    """Whether a Spanish word starts with the vowel sound i: "Inés", "Hilda", "Ibáñez";
    not "Hierro" or "Iowa", where i before another vowel sounds like a "y"."""
    word = word.strip().lower().removeprefix("h")
    if word.startswith("i"):
        return word[1:2] not in tuple("aeouáéóú")
    return word.startswith("í")
