"""The interface catalogues: complete, well-formed and compiled (docs/translating-the-interface.md).

The site reads the compiled .mo files, so `make run` and `make test` need no GNU gettext;
these tests catch a .po edited without `make messages`, or a msgid left untranslated.
"""

import gettext
import re

import polib
import pytest
from django.conf import settings

LOCALE_DIR = settings.LOCALE_PATHS[0]
EDITIONS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# The Plural-Forms each catalogue must declare: Django's own catalogues use these, and
# gettext merges ours with theirs only when the formulas agree.
PLURAL_FORMS = {
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
        "n%100>=11 && n%100<=99 ? 4 : 5;"
    ),
    "es": "nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;",
}


def arabic_form(n):
    """Arabic's six forms: 0, 1, 2, 3-10, 11-99 and 100-102 (each also past a hundred)."""
    if n < 3:
        return n
    if 3 <= n % 100 <= 10:
        return 3
    return 4 if n % 100 >= 11 else 5


# Which plural form gettext must pick for n, by what the formula means.
EXPECTED_FORM = {"ar": arabic_form, "es": lambda n: 0 if n == 1 else 2}

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def po_file(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def mo_file(language):
    with open(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        return gettext.GNUTranslations(handle)


def lookup_key(entry):
    """How a compiled catalogue files an entry: context, then EOT, then the msgid."""
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def test_every_edition_has_a_catalogue():
    assert sorted(EDITIONS) == sorted(PLURAL_FORMS)
    for language in EDITIONS:
        assert len(po_file(language)) > 100


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_the_plural_forms_header_is_the_language_s(language):
    catalogue = po_file(language)
    assert catalogue.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert catalogue.metadata["Language"] == language
    assert not catalogue.metadata_is_fuzzy
    compiled = mo_file(language)
    for n in range(201):
        assert compiled.plural(n) == EXPECTED_FORM[language](n), n


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_every_msgid_has_a_translation(language):
    catalogue = po_file(language)
    nplurals = int(PLURAL_FORMS[language].split("nplurals=")[1].split(";")[0])
    untranslated = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        complete = len(forms) == (nplurals if entry.msgid_plural else 1) and all(forms)
        if not complete or "fuzzy" in entry.flags:
            untranslated.append(entry.msgid)
    assert untranslated == []


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_translations_keep_the_placeholders(language):
    """A translation may not invent a placeholder; it drops one only in a plural form
    that stands for a single number ("one photo", "two photos" in Arabic)."""
    catalogue = po_file(language)
    compiled = mo_file(language)
    single_number_forms = {
        form for form in range(6) if sum(compiled.plural(n) == form for n in range(1000)) == 1
    }
    for entry in catalogue:
        wanted = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        forms = entry.msgstr_plural.items() if entry.msgid_plural else [(None, entry.msgstr)]
        for index, text in forms:
            found = set(PLACEHOLDER.findall(text))
            assert found <= wanted, (entry.msgid, text)
            if index not in single_number_forms:
                assert found == wanted, (entry.msgid, text)


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_the_compiled_catalogue_matches_the_po_file(language):
    """Fails when a .po changed but its .mo was not compiled again (`make messages`)."""
    catalogue = po_file(language)
    compiled = mo_file(language)._catalog
    expected = {}
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(lookup_key(entry), int(index))] = text
        else:
            expected[lookup_key(entry)] = entry.msgstr
    actual = {key: value for key, value in compiled.items() if key != ""}  # "" is the header
    assert actual == expected
