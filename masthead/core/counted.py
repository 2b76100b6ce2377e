"""Phrases with a count that scripts show ("3 new updates"), in every plural form.

A script cannot call gettext, and Arabic has six plural forms where English has two, so
a page hands each script its phrase once per CLDR plural category ("zero", "one", "two",
"few", "many", "other"); the browser's Intl.PluralRules picks the category for a number.
The phrases live here, in Python, so `makemessages` finds them like any other string.
See docs/translating-the-interface.md.
"""

import json

from django.utils.translation import ngettext

# Where a script's number goes: the script replaces it with the count.
SLOT = "{n}"

PHRASES = {
    # liveblog.js: the button that reveals updates posted since the page was opened.
    "new_updates": lambda n: ngettext("%(count)s new update", "%(count)s new updates", n),
    # search.js: read out by screen readers when headline suggestions appear.
    "suggestions": lambda n: ngettext("%(count)s suggestion", "%(count)s suggestions", n),
}

# A number in each CLDR category. For Arabic these fall on gettext's six forms in order
# (0, 1, 2, 3-10, 11-99, 100-102 and on); for English and Spanish on their two.
CATEGORY_SAMPLES = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 11, "other": 100}


def count_labels(name):
    """The phrase `name` in the active language, per plural category, as JSON."""
    phrase = PHRASES[name]
    labels = {
        category: phrase(sample) % {"count": SLOT} for category, sample in CATEGORY_SAMPLES.items()
    }
    return json.dumps(labels, ensure_ascii=False)
