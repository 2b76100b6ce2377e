"""Sitemaps: an index at /sitemap.xml, one sitemap of each edition's pages, one of each
top-level section's stories (its subsections included), and the Google News sitemap.

    /sitemap.xml               the index: every sitemap below, with its latest lastmod
    /sitemap-en.xml            the English edition's home, sections, plain pages, regions,
                               authors and coverage topics
    /sitemap-en-news.xml       the stories, videos, galleries and infographs of /en/news/
                               (?p=2 and on past `limit` of them)
    /news-sitemap.xml          stories published in the last 48 hours (Google News)

A page that has translations in other editions lists every version as an hreflang
alternate (<xhtml:link>), itself included, as search engines ask: one query per page type
on a sitemap page, however many pages it lists.

A story's lastmod is its update time, else its publication time: the time its reader saw
change. Every sitemap starts from the embargo rule's `published()` (news/models/embargo.py),
so an embargoed story, video, gallery or infograph appears at its publication time and
not before.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import F, Max
from django.db.models.functions import Coalesce, Greatest, Substr
from django.utils import timezone
from wagtail.models import Page

from masthead.core.editions import readable
from masthead.core.models import HomePage
from masthead.media import mixed
from masthead.news.models import ArticlePage, Author, Coverage, Region, SectionPage

NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most this many stories from one sitemap


def modified(page):
    """When readers last saw the page change: a story's update time, else its publication."""
    return max(filter(None, [page.published_at, getattr(page, "updated_at", None)]))


def changed_at(kind_name):
    """`modified()` in SQL, for a kind's queryset."""
    if kind_name == "article":
        return Greatest("published_at", Coalesce("updated_at", "published_at"))
    return F("published_at")


def newest_below(locale_id, depths):
    """{path of a page at one of `depths`: the newest change among the edition's published
    stories, videos, galleries and infographs below it}. One query per depth (a UNION of
    the kinds, grouped by ancestor), however large the archive and however many sections."""
    newest = {}
    for depth in sorted(depths):
        width = depth * Page.steplen
        grouped = [
            pages.filter(depth__gt=depth)
            .order_by()
            .annotate(ancestor=Substr("path", 1, width))
            .values("ancestor")
            .annotate(changed=Max(changed_at(name)))
            .values_list("ancestor", "changed")
            for name, pages in mixed.published_pages(locale_id).items()
        ]
        for ancestor, changed in grouped[0].union(*grouped[1:], all=True):
            if changed is not None and (ancestor not in newest or changed > newest[ancestor]):
                newest[ancestor] = changed
    return newest


def page_path(page):
    """The page's path on its site (sitemaps add the scheme and host of the request)."""
    return page.get_url_parts()[2]


class TranslationAlternates:
    """For sitemaps whose items are pages: each page's versions in every edition."""

    def page_of(self, item):
        return item

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        pages = [self.page_of(url["item"]) for url in urls]
        versions = versions_of([page for page in pages if page is not None])
        for url, page_ in zip(urls, pages, strict=True):
            if page_ is not None and len(versions.get(page_.translation_key, [])) > 1:
                url["alternates"] = alternates(
                    url["location"], versions[page_.translation_key], front=page_.depth == 2
                )
        return urls


def versions_of(pages):
    """{translation key: the versions readers may open} for these pages, in one query per
    page type among them (stories, videos, galleries, infographs obey their embargo)."""
    keys_by_model = {}
    for page in pages:
        keys_by_model.setdefault(type(page), set()).add(page.translation_key)
    versions = {}
    for model, keys in keys_by_model.items():
        found = readable(model).filter(translation_key__in=keys).select_related("locale")
        for version in found.only("url_path", "translation_key", "locale__language_code"):
            versions.setdefault(version.translation_key, []).append(version)
    return versions


def alternates(location, versions, *, front=False):
    """<xhtml:link> entries for these versions of a page, with x-default: the default
    edition's version, or for the editions' front pages "/" (which picks the reader's
    edition), as the pages' own hreflang links say."""
    scheme, host = urlsplit(location)[:2]
    links = [
        {
            "lang_code": version.locale.language_code,
            "location": f"{scheme}://{host}{page_path(version)}",
        }
        for version in sorted(versions, key=lambda v: edition_order(v.locale.language_code))
    ]
    default = [link["location"] for link in links if link["lang_code"] == settings.LANGUAGE_CODE]
    if front:
        default = [f"{scheme}://{host}/"]
    if default:
        links.append({"lang_code": "x-default", "location": default[0]})
    return links


def edition_order(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


class EditionPagesSitemap(TranslationAlternates, Sitemap):
    """An edition's pages other than stories: their number follows the editors, not the
    archive. Listing pages (home, sections) are as fresh as their newest story."""

    def __init__(self, home):
        super().__init__()
        self.home = home

    def items(self):
        home = self.home
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(home, inclusive=True)
            # Pages with a publication time are in their section's sitemap, embargo obeyed.
            .not_type(*(kind.model for kind in mixed.KINDS.values()))
            .order_by("path")
        )
        pages = list(pages)
        # A listing (the home, a section, a video section, a series) is as fresh as the
        # newest story, video, gallery or infograph below it, or its own last edit.
        newest = newest_below(home.locale_id, {page.depth for page in pages if page.numchild})
        items = []
        for page in pages:
            lastmod = max(
                filter(None, [page.last_published_at, newest.get(page.path)]), default=None
            )
            items.append((page_path(page), lastmod, page))
        base = page_path(home)

        def route(name, slug):
            return base + home.reverse_subpage(name, args=[slug]).lstrip("/")

        items.append((base + home.reverse_subpage("authors").lstrip("/"), None, None))
        for region in Region.objects.filter(locale_id=home.locale_id):
            items.append((route("region", region.slug), None, None))
        for coverage in Coverage.objects.filter(locale_id=home.locale_id):
            items.append((route("coverage", coverage.slug), None, None))
        for author in Author.objects.filter(mixed.writing_in(home.locale_id)):
            items.append((route("author", author.slug), None, None))
        return items

    def page_of(self, item):
        return item[2]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        home = self.home
        return newest_below(home.locale_id, {home.depth}).get(home.path)


def located(kind, ids):
    """A sitemap page's pages of one kind, with only what a location and lastmod need."""
    fields = ["pk", "path", "url_path", "published_at", "translation_key"]
    if kind.name == "article":
        fields.append("updated_at")
    return kind.model.objects.filter(pk__in=ids).only(*fields)


class SectionStoriesSitemap(TranslationAlternates, Sitemap):
    """Everything with a publication time in a top-level section and its subsections:
    stories, videos, galleries and infographs, newest first."""

    limit = 5000

    def __init__(self, section):
        super().__init__()
        self.section = section

    def published(self):
        """{kind name: that kind's published pages in the section}."""
        section = self.section
        return {
            name: kind.published(section.locale_id).descendant_of(section)
            for name, kind in mixed.KINDS.items()
        }

    def items(self):
        return mixed.MixedListing(self.published(), fetch=located, sections=False)

    def location(self, page):
        return page_path(page)

    def lastmod(self, page):
        return modified(page)

    def get_latest_lastmod(self):
        # One query for the whole section: the newest change among all kinds.
        changes = [
            pages.order_by().annotate(changed=changed_at(name)).values_list("changed", flat=True)
            for name, pages in self.published().items()
        ]
        union = changes[0].union(*changes[1:], all=True)
        return union.order_by("-changed").first()


def all_sitemaps():
    """{name: sitemap} for every live edition and each of its live, public sections."""
    sitemaps = {}
    homes = HomePage.objects.live().public().select_related("locale").order_by("path")
    sections = SectionPage.objects.live().public().filter(depth=3).order_by("path")
    by_home = {}
    for section in sections:
        by_home.setdefault(section.path[: -Page.steplen], []).append(section)
    for home in homes:
        language = home.locale.language_code
        sitemaps[language] = EditionPagesSitemap(home)
        for section in by_home.get(home.path, []):
            sitemaps[f"{language}-{section.slug}"] = SectionStoriesSitemap(section)
    return sitemaps


def news_articles():
    """The Google News sitemap's stories: published in the last 48 hours, newest first."""
    since = timezone.now() - NEWS_WINDOW
    return (
        ArticlePage.objects.published()
        .filter(published_at__gte=since)
        .defer_streamfields()
        .select_related("locale")
        .order_by("-published_at", "-pk")[:NEWS_LIMIT]
    )
