"""Feed addresses inside the page tree, as routes of the pages whose stories they carry.

    /en/feed/                     the edition        /en/feed/atom/
    /en/news/feed/                a section          /en/news/feed/atom/
    /en/news/politics/feed/       a subsection       /en/news/politics/feed/atom/
    /en/regions/europe/feed/      a region (and tags/, authors/, coverage/ alike)

Routes take precedence over child pages, so `feed` is a reserved slug under the home page
and under sections, as `regions`, `tags`, `authors` and `coverage` already are under the
home page (docs/feeds-and-sitemaps.md).
"""

from django.shortcuts import get_object_or_404
from taggit.models import Tag
from wagtail.contrib.routable_page.models import path


def _scope_feed(request, scope_name, *args, kind):
    # Imported here: page models import this module, and scopes import the page models.
    from masthead.syndication import scopes
    from masthead.syndication.views import feed_response

    return feed_response(request, getattr(scopes, scope_name)(*args), kind)


def _kind(request):
    match = getattr(request, "routable_resolver_match", None)
    return "atom" if match is not None and match.url_name.endswith("_atom") else "rss"


class EditionFeedRoutes:
    """For HomePage: the edition"s feed and its taxonomy terms" feeds."""

    @path("feed/", name="feed")
    @path("feed/atom/", name="feed_atom")
    def edition_feed(self, request):
        return _scope_feed(request, "edition_scope", self, kind=_kind(request))

    @path("regions/<str:slug>/feed/", name="region_feed")
    @path("regions/<str:slug>/feed/atom/", name="region_feed_atom")
    def region_feed(self, request, slug):
        from masthead.news.models import Region

        region = get_object_or_404(Region, locale_id=self.locale_id, slug=slug)
        return _scope_feed(request, "region_scope", region, self, kind=_kind(request))

    @path("tags/<str:slug>/feed/", name="tag_feed")
    @path("tags/<str:slug>/feed/atom/", name="tag_feed_atom")
    def tag_feed(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return _scope_feed(request, "tag_scope", tag, self, kind=_kind(request))

    @path("authors/<str:slug>/feed/", name="author_feed")
    @path("authors/<str:slug>/feed/atom/", name="author_feed_atom")
    def author_feed(self, request, slug):
        from masthead.news.models import Author

        author = get_object_or_404(Author, slug=slug)
        return _scope_feed(request, "author_scope", author, self, kind=_kind(request))

    @path("coverage/<str:slug>/feed/", name="coverage_feed")
    @path("coverage/<str:slug>/feed/atom/", name="coverage_feed_atom")
    def coverage_feed(self, request, slug):
        from masthead.news.models import Coverage

        coverage = get_object_or_404(Coverage, locale_id=self.locale_id, slug=slug)
        return _scope_feed(request, "coverage_scope", coverage, self, kind=_kind(request))


class SectionFeedRoutes:
    """For SectionPage: the feed of the section and its subsections."""

    @path("feed/", name="feed")
    @path("feed/atom/", name="feed_atom")
    def section_feed(self, request):
        from masthead.core.models import HomePage

        home = HomePage.objects.ancestor_of(self).select_related("locale").first()
        return _scope_feed(request, "section_scope", self, home, kind=_kind(request))
