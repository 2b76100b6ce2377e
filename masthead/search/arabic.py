"""Arabic folding: one spelling for the ways the same Arabic word is written.

A story may write "أَحْمَد" with its short vowels and "إعلان" with its hamza; a reader
types "احمد" and "اعلان". Both the indexed text and the query are folded the same way, so
they meet whatever either side wrote (docs/editions.md lists the choices):

- short vowels and other marks (harakat, shadda, sukun, dagger alef, Quranic marks) and
  the tatweel stretching a word are dropped;
- alef with hamza above or below, alef with madda and alef wasla are plain alef;
- alef maqsura is yaa (final ى and ي are confused in everyday writing);
- taa marbuta is haa (ة and ه are confused at the end of a word, as in مدرسة/مدرسه);
- hamza on waw and on yaa are one hamza (مسؤول and مسئول are both accepted spellings);
- Arabic-Indic digits are ASCII digits, so "٢٠٣٠" finds "2030".

The definite article is written joined to its word (الإعلان, "the announcement"; وال, بال,
فال, كال: "and the", "with the"...; لل: "for the"). `index_text` adds each word without it
and `search_term` takes it off the reader's words, so "إعلان" finds "الإعلان" and the
other way round. That is the only stemming: other prefixes and suffixes are left alone.

Only Arabic characters change: English and Spanish text folds to itself.
"""

import re

MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
DROPPED = re.compile(f"[{MARKS}{TATWEEL}]")

LETTERS = {
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0622": "\u0627",  # آ alef with madda
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u0629": "\u0647",  # ة taa marbuta -> ه
    "\u0624": "\u0621",  # ؤ hamza on waw -> ء
    "\u0626": "\u0621",  # ئ hamza on yaa -> ء
}
DIGITS = {chr(0x0660 + n): str(n) for n in range(10)} | {chr(0x06F0 + n): str(n) for n in range(10)}
TABLE = str.maketrans(LETTERS | DIGITS)

ARABIC_LETTER = re.compile("[\u0620-\u064a]")
# The article, as written before a word, in any of its forms (optional).
ARTICLE_PATTERN = (
    "(?:[\u0648\u0628\u0641\u0643]?[\u0627\u0623\u0625\u0622\u0671]\u0644|\u0644\u0644)?"
)

# Every character that folds to a given one, for marking matches in unfolded text.
VARIANTS = {}
for source, target in (LETTERS | DIGITS).items():
    VARIANTS.setdefault(target, {target}).add(source)


def fold(text):
    """`text` with Arabic spelling variants folded (see the module's docstring)."""
    return DROPPED.sub("", text or "").translate(TABLE)


ARTICLE = re.compile(r"^(?:[\u0648\u0628\u0641\u0643]?\u0627\u0644|\u0644\u0644)(?=\w\w)")
WORD = re.compile(r"[^\W_]+")


def without_article(word):
    """A folded word without the definite article joined to it ("الاعلان" -> "اعلان")."""
    return ARTICLE.sub("", word)


def index_text(text):
    """What the search index holds besides the original text: the text folded, and each
    word that carries the article once more without it. Empty for text with nothing
    Arabic to fold, so other editions' stories are not indexed twice."""
    folded = fold(text)
    words = WORD.findall(folded)
    present = set(words)
    extra = [bare for bare in map(without_article, words) if bare not in present]
    if folded == text and not extra:
        return ""
    return " ".join([folded, *extra])


def search_term(word):
    """A reader's word as the index holds it: folded, without the article."""
    return without_article(fold(word))


def unfolded_pattern(term):
    """A regular expression source matching `term` (as `search_term` gives it) as it may
    be written: any variant of each letter, marks or tatweel after any of them, and for
    an Arabic word the article before it."""
    skip = f"[{MARKS}{TATWEEL}]*"
    letters = skip.join(_any_variant(char) for char in term)
    return ARTICLE_PATTERN + letters if ARABIC_LETTER.match(term) else letters


def _any_variant(char):
    variants = VARIANTS.get(char)
    if not variants:
        return re.escape(char)
    return "[" + "".join(sorted(re.escape(v) for v in variants)) + "]"


WORD_TAIL = f"(?:\\w|[{MARKS}{TATWEEL}])*"
