"""Lists that mix every kind of page a newsroom files: stories, videos, galleries and
infographs, newest first. Region, tag and author pages use them, and so do video sections;
search ranks these kinds and live blogs together (`SEARCHED`, masthead/search).

A reader following a region or a byline expects everything filed under it in one list,
not only the written stories. Each kind keeps its own teaser query (news/teasers.py,
media/teasers.py, media/listings.py). A UNION of (id, time, kind) rows picks one page of
the list; then one query per kind on that page fetches its teasers. The cost is a fixed
number of queries, however large the archive.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import CharField, Q, Value
from django.utils.translation import pgettext_lazy

from masthead.live.models import LiveBlogPage
from masthead.media import listings
from masthead.media import teasers as video_teasers
from masthead.media.models import GalleryPage, InfographPage, VideoPage
from masthead.news import teasers as story_teasers
from masthead.news.models import ArticlePage


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    published: Callable  # locale id -> the published pages of this kind in that edition
    teasers: Callable  # queryset -> what a teaser of this kind draws from
    finish: Callable  # list -> list, for what one more query per list adds (covers)
    author: str  # the lookup from a page of this kind to its byline's authors
    label: str  # what readers call this kind, beside a search result
    # The field holding when the page came out: the one the embargo rule reads, or for
    # live blogs (which have none, news/models/embargo.py) when they first went live.
    dated_by: str = "published_at"


KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "article",
            ArticlePage,
            story_teasers.published,
            story_teasers.as_teasers,
            list,
            "article_authors__author",
            pgettext_lazy("kind of page", "Story"),
        ),
        Kind(
            "video",
            VideoPage,
            video_teasers.published,
            video_teasers.as_teasers,
            list,
            "video_authors__author",
            pgettext_lazy("kind of page", "Video"),
        ),
        Kind(
            "gallery",
            GalleryPage,
            listings.published_galleries,
            listings.gallery_teasers,
            listings.with_covers,
            "page_authors__author",
            pgettext_lazy("kind of page", "Gallery"),
        ),
        Kind(
            "infograph",
            InfographPage,
            listings.published_infographs,
            listings.infograph_teasers,
            list,
            "page_authors__author",
            pgettext_lazy("kind of page", "Infograph"),
        ),
    )
}


def published_live_blogs(locale_id=None):
    blogs = LiveBlogPage.objects.published()
    if locale_id is not None:
        blogs = blogs.filter(locale_id=locale_id)
    return blogs


def live_blog_teasers(blogs):
    return (
        blogs.select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-first_published_at", "-pk")
    )


# Live blogs stay out of the newest-first lists above (they have no publication time to
# order them by, and a running blog is shown by the LIVE page and its section), but a
# reader searching for an event expects its live blog among the results.
LIVE_BLOG = Kind(
    "liveblog",
    LiveBlogPage,
    published_live_blogs,
    live_blog_teasers,
    list,
    "authors",
    pgettext_lazy("kind of page", "Live blog"),
    dated_by="first_published_at",
)
SEARCHED = {**KINDS, LIVE_BLOG.name: LIVE_BLOG}


def teasers_of(kind, ids):
    return kind.finish(kind.teasers(kind.model.objects.filter(pk__in=ids)))


class MixedListing:
    """Pages of several kinds as one list, newest first, sliceable for a Paginator.

    `pages` maps a kind's name to its published pages (already filtered); each item of a
    slice carries `teaser_kind`, so a template draws it with the right teaser, and its
    `section` (one query for the slice). `fetch(kind, ids)` loads a slice's pages of one
    kind: teasers, unless a caller needs less (sitemaps, which need no sections either).
    """

    def __init__(self, pages, fetch=None, *, sections=True):
        self.fetch = fetch or teasers_of
        self.sections = sections
        rows = [
            queryset.order_by().values_list(
                "pk", "published_at", Value(name, output_field=CharField())
            )
            for name, queryset in pages.items()
        ]
        self.rows = rows[0].union(*rows[1:], all=True)

    def count(self):
        return self.rows.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        picked = list(self.rows.order_by("-published_at", "-pk")[key])
        found = {}
        for name in {kind for _pk, _time, kind in picked}:
            ids = [pk for pk, _time, k in picked if k == name]
            for item in self.fetch(KINDS[name], ids):
                item.teaser_kind = name
                found[(name, item.pk)] = item
        items = [found[(kind, pk)] for pk, _time, kind in picked if (kind, pk) in found]
        return story_teasers.with_sections(items) if self.sections else items


def published_pages(locale_id, where=None, kinds=tuple(KINDS)):
    """{kind name: its published pages in an edition (every edition: None)}, each
    filtered by `where(kind)` when given (a dict of lookups)."""
    pages = {}
    for name in kinds:
        kind = SEARCHED[name]
        pages[name] = kind.published(locale_id)
        if where is not None:
            pages[name] = pages[name].filter(**where(kind))
    return pages


def filed(locale_id, where):
    """Everything published in an edition under a term, as one list."""
    return MixedListing(published_pages(locale_id, where))


def by_region(region):
    return filed(region.locale_id, lambda kind: {"regions": region})


def by_tag(tag, locale_id):
    return filed(locale_id, lambda kind: {"tagged_items__tag": tag})


def by_author(author, locale_id):
    return filed(locale_id, lambda kind: {kind.author: author})


def writing_in(locale_id):
    """A filter for Author: those with published work of any kind in the edition. Authors
    are shared by the editions; each edition's directory and sitemap name its own."""
    condition = Q()
    for kind in KINDS.values():
        condition |= Q(pk__in=kind.published(locale_id).values(kind.author))
    return condition


def in_section(section, kinds=("video", "article")):
    """A section's pages of `kinds` (a video section: its videos and its stories)."""
    return MixedListing(
        {name: KINDS[name].published(section.locale_id).descendant_of(section) for name in kinds}
    )
