"""What every searched kind of page puts in the index, besides Wagtail's headline.

Stories, videos, galleries, infographs and live blogs (media/mixed.py, `SEARCHED`) all
have a headline, a standfirst, tags and a byline, and each has its own words besides: a
story's body, a video's transcript, a gallery's captions, an infograph's description, a
live blog's introduction and updates. Arabic pages are also indexed under their folded
spelling (masthead/search/arabic.py), so a reader's spelling need not match the desk's.
"""

from html import unescape

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from masthead.search.arabic import index_text


def plain(html):
    """Rich text as the words a reader sees."""
    return " ".join(unescape(strip_tags(html or "")).split())


def page_search_fields(*own, byline):
    """Page's fields (the headline, boosted; the filters), then the kind's `own` words,
    then what all kinds share. `byline` is the RelatedFields reaching the authors' names."""
    return Page.search_fields + [
        index.SearchField("standfirst"),
        *own,
        index.RelatedFields("tags", [index.SearchField("name")]),
        byline,
        # Arabic pages also under their folded spelling.
        index.SearchField("folded_text"),
        index.AutocompleteField("folded_title"),
    ]


class FoldedSearchText:
    """Mixin: `folded_text` and `folded_title` for the index, from the headline, the
    standfirst and the page's `search_text()`. Both are empty for a page with nothing
    Arabic in it, so other editions are not indexed twice."""

    def search_text(self):
        return ""

    def folded_text(self):
        return index_text(" ".join([self.title, self.standfirst, self.search_text()]))

    def folded_title(self):
        return index_text(self.title)
