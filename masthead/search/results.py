"""One page of search results: the pages behind the hits, in rank order, each with its
kind, picture, marked headline and snippet.

A page of hits may mix kinds; each kind present costs one teaser query (with its pictures'
renditions, and a gallery's captions) whatever the number of results, as media/mixed.py
fetches a mixed listing.
"""

from collections.abc import Callable
from dataclasses import dataclass

from masthead.media.mixed import SEARCHED
from masthead.news import teasers
from masthead.search import highlight
from masthead.search.indexing import plain


@dataclass(frozen=True)
class Shown:
    """What a result of one kind shows: its picture, and the text its snippet is cut
    from when the standfirst does not hold the reader's words."""

    picture: Callable
    text: Callable
    prepare: Callable = lambda pages: pages  # what `text` needs, fetched for a whole page


SHOWN = {
    "article": Shown(
        lambda story: story.lead_image,
        # The raw blocks: loading the body would fetch every image it shows.
        lambda story: highlight.body_text(getattr(story.body, "raw_data", None)),
    ),
    "video": Shown(lambda video: video.poster, lambda video: plain(video.transcript)),
    "gallery": Shown(
        lambda gallery: gallery.cover,
        lambda gallery: " ".join(photo.caption_text for photo in gallery.photos.all()),
        lambda galleries: galleries.prefetch_related("photos__image"),
    ),
    "infograph": Shown(lambda infograph: infograph.image, lambda infograph: infograph.description),
    "liveblog": Shown(lambda blog: blog.lead_image, lambda blog: plain(blog.introduction)),
}


@dataclass
class Result:
    page: object  # the story, video, gallery, infograph or live blog
    kind: str  # its name in media.mixed.SEARCHED
    marked_title: str
    snippet: str

    @property
    def label(self):
        return SEARCHED[self.kind].label

    @property
    def picture(self):
        return SHOWN[self.kind].picture(self.page)

    @property
    def published_at(self):
        return getattr(self.page, SEARCHED[self.kind].dated_by)

    @property
    def section(self):
        return self.page.section


def fetch(name, ids):
    """The pages of one kind, with their full text (the teaser queries leave bodies out)."""
    kind, shown = SEARCHED[name], SHOWN[name]
    pages = kind.teasers(kind.published().filter(pk__in=ids)).defer(None)
    return kind.finish(shown.prepare(pages))


def results_for(hits, terms):
    """Results for one page of hits, in rank order; a page unpublished meanwhile drops out."""
    found = {}
    for name in {hit.kind for hit in hits}:
        for page in fetch(name, [hit.pk for hit in hits if hit.kind == name]):
            found[(name, page.pk)] = page
    pages = [(hit.kind, found[(hit.kind, hit.pk)]) for hit in hits if (hit.kind, hit.pk) in found]
    teasers.with_sections([page for _kind, page in pages])
    return [
        Result(
            page,
            kind,
            highlight.headline(page, terms),
            highlight.snippet(page.standfirst, SHOWN[kind].text(page), terms),
        )
        for kind, page in pages
    ]
