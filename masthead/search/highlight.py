"""Search snippets with the reader's words marked, built safely.

The text is never escaped first and searched afterwards (a search for "amp" would then
mark the inside of `&amp;`): matches are found in the plain text, and every piece, matched
or not, is escaped on its way into the result. Only the `<mark>` tags added here are HTML.
"""

import re
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from masthead.search.arabic import WORD_TAIL, unfolded_pattern

SNIPPET_LENGTH = 240
# Characters of context kept before the first match.
LEAD_IN = 70


def terms_pattern(terms):
    """Words starting with any of the terms, in any case (so "elect" marks "Election"), and
    as Arabic writes them (terms are folded: "احمد" marks "أَحْمَد")."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(unfolded_pattern(term) for term in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives}){WORD_TAIL}", re.IGNORECASE | re.UNICODE)


def mark(text, pattern):
    """`text` escaped, with each match of `pattern` inside <mark>."""
    if pattern is None:
        return escape(text)
    pieces = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    # Safe: every piece above went through escape(); only our <mark> tags are HTML.
    return mark_safe("".join(pieces))


def body_text(raw_blocks):
    """The readable text of a body's raw StreamField data, without loading any block.

    Reading `article.body` block by block would fetch the images and stories its other
    blocks point at, one query per article; the raw JSON has the words already.
    """
    parts = []
    for block in raw_blocks or []:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph" and isinstance(value, str):
            parts.append(unescape(strip_tags(value)))
        elif kind == "subheading" and isinstance(value, str):
            parts.append(value)
        elif kind == "quote" and isinstance(value, dict):
            parts.append(str(value.get("text", "")))
    return " ".join(" ".join(parts).split())


def excerpt(text, pattern, *, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around the first match, cut at spaces."""
    match = pattern.search(text) if pattern else None
    if match is None:
        return None
    start = max(0, match.start() - LEAD_IN)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > match.end() else end
    clipped = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + clipped + suffix


def snippet(standfirst, text, terms):
    """The standfirst when it holds a match, else `text` (a body, transcript, captions)
    around its first match, else the standfirst as it is (the page matched on a tag or a
    byline); marked and escaped."""
    pattern = terms_pattern(terms)
    standfirst = standfirst or ""
    if pattern is not None and pattern.search(standfirst):
        return mark(standfirst, pattern)
    found = excerpt(text, pattern)
    if found:
        return mark(found, pattern)
    return mark(standfirst, None)


def headline(page, terms):
    return mark(page.title, terms_pattern(terms))
