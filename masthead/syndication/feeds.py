"""RSS 2.0 and Atom feeds of the latest stories of a scope (see scopes.py).

Django's syndication framework writes the XML; the two generators below add what news
readers and aggregators look for beyond the basics: the lead image as `media:content`
(Media RSS, with its width, height and type), the update time, and the full text
(`content:encoded` in RSS, `<content>` in Atom) when editors allow it in Settings.

A feed runs a fixed number of queries whatever the size of the archive: one for its 30
stories with their lead images, then one each for their renditions, authors, tags and
sections, and the edition homes that author links hang from.
"""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import feedgenerator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

from masthead.core.models import HomePage
from masthead.news import teasers
from masthead.news.models import ArticleAuthor, ArticleTag
from masthead.syndication.models import SyndicationSettings

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# The lead image as feeds carry it: 16:9 around the focal point, wide enough for readers
# that show it full width.
FEED_IMAGE = "fill-1200x675"


def add_media(handler, item):
    media = item.get("media")
    if not media:
        return
    handler.startElement(
        "media:content",
        {
            "url": media["url"],
            "medium": "image",
            "type": media["type"],
            "width": str(media["width"]),
            "height": str(media["height"]),
        },
    )
    if media.get("caption"):
        handler.addQuickElement("media:description", media["caption"], {"type": "plain"})
    if media.get("credit"):
        handler.addQuickElement("media:credit", media["credit"])
    handler.endElement("media:content")


class NewsRssFeed(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:content": CONTENT_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate"):
            # RSS has no update time of its own; Atom's element is the common choice.
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media(handler, item)


class NewsAtomFeed(feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media(handler, item)


def full_text_html(article):
    """The story's text as feed readers show it: paragraphs, subheadings and quotes.

    Read from the body's stored data, so blocks that point at other stories or images are
    never loaded: a feed's cost stays fixed. Those blocks (images, Read next, Related
    news) are the web page's layout and stay there."""
    parts = []
    for block in article.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(mark_safe(expand_db_html(value)))
        elif kind == "subheading":
            parts.append(format_html("<h2>{}</h2>", value))
        elif kind == "quote":
            attribution = value.get("attribution")
            parts.append(
                format_html(
                    "<blockquote><p>{}</p>{}</blockquote>",
                    value["text"],
                    format_html("<footer>{}</footer>", attribution) if attribution else "",
                )
            )
    return "\n".join(parts)


class ScopeFeed(Feed):
    """The feed of one scope; `kind` is "rss" or "atom"."""

    def __init__(self, scope, kind, *, site_name):
        super().__init__()
        self.scope = scope
        self.feed_type = NewsAtomFeed if kind == "atom" else NewsRssFeed
        self.site_name = site_name
        # The site-wide feed mixes editions; it is labelled with the default language.
        self.language = scope.language or settings.LANGUAGE_CODE

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.full_text = SyndicationSettings.for_request(request).feeds_full_text
        self.homes = {home.locale_id: home for home in HomePage.objects.all()}
        return self.scope

    # -- the feed ----------------------------------------------------------------------

    def title(self, scope):
        return f"{scope.title} | {self.site_name}" if scope.title else self.site_name

    def link(self, scope):
        return scope.path

    def description(self, scope):
        return scope.description or self.title(scope)

    def feed_copyright(self, scope):
        return self.site_name

    def items(self, scope):
        articles = teasers.as_teasers(scope.articles)
        if self.full_text:
            articles = articles.defer(None)  # the body too
        articles = articles.prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
            Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag")),
        )
        return teasers.with_sections(articles[:FEED_LENGTH])

    # -- each story --------------------------------------------------------------------

    def item_title(self, article):
        return article.title

    def item_link(self, article):
        return article.get_url(self.request)

    def item_description(self, article):
        return article.search_description or article.standfirst

    def item_guid(self, article):
        # Stable when a story is renamed or moved, unlike its address.
        published = article.first_published_at or article.published_at
        return f"tag:{self.request.get_host()},{published:%Y-%m-%d}:article:{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return max(filter(None, [article.published_at, article.updated_at]))

    def _authors(self, article):
        return [link.author for link in article.article_authors.all()]

    def item_author_name(self, article):
        names = [author.name for author in self._authors(article)]
        return ", ".join(names) if names else self.site_name

    def item_author_link(self, article):
        authors = self._authors(article)
        home = self.homes.get(article.locale_id)
        if not authors or home is None:
            return None
        path = home.url + home.reverse_subpage("author", args=[authors[0].slug]).lstrip("/")
        return self.request.build_absolute_uri(path)

    def item_categories(self, article):
        section = [article.section.title] if article.section else []
        return section + [item.tag.name for item in article.tagged_items.all()]

    def item_extra_kwargs(self, article):
        extra = {}
        if article.lead_image:
            rendition = article.lead_image.get_rendition(FEED_IMAGE)
            extra["media"] = {
                "url": self.request.build_absolute_uri(rendition.url),
                "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
                "width": rendition.width,
                "height": rendition.height,
                "caption": Truncator(article.caption).chars(300),
                "credit": article.lead_image.credit,
            }
        if self.full_text:
            extra["content_html"] = full_text_html(article)
        return extra


def feed_body(request, scope, kind, *, site_name):
    """(body, content type) of a scope's feed, for the cache."""
    response = ScopeFeed(scope, kind, site_name=site_name)(request)
    return response.content, response["Content-Type"]
