"""RSS 2.0 and Atom feeds of the latest stories, videos, galleries and infographs of a
scope (see scopes.py).

Django's syndication framework writes the XML; the two generators below add what news
readers and aggregators look for beyond the basics: the lead image as `media:content`
(Media RSS, with its width, height and type), the update time, and the full text
(`content:encoded` in RSS, `<content>` in Atom) when editors allow it in Settings.

A feed runs a fixed number of queries whatever the size of the archive: one picks its 30
newest items across kinds (media/mixed.py); then, for each kind among them, one for the
items with their lead images, one each for renditions, authors and tags; one labels all
of them with their sections, and one reads the edition homes that author links hang from.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import feedgenerator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

from masthead.core.lists import human_list
from masthead.core.models import HomePage
from masthead.media import mixed
from masthead.syndication.models import SyndicationSettings

FEED_LENGTH = 30
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
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
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("language"):
            # RSS has no item language of its own; Dublin Core's is what readers know.
            handler.addQuickElement("dc:language", item["language"])
        if item.get("updateddate"):
            # RSS has no update time of its own; Atom's element is the common choice.
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media(handler, item)


class NewsAtomFeed(feedgenerator.Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def item_attributes(self, item):
        # xml:lang on the entry: its title, summary and content are in that language.
        language = item.get("language")
        return {"xml:lang": language} if language else {}

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
        self.language = scope.language

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.full_text = SyndicationSettings.for_request(request).feeds_full_text
        homes = HomePage.objects.select_related("locale")
        self.homes = {home.locale_id: home for home in homes}
        return self.scope

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        if not self.language:
            # The site-wide feed mixes editions: no one language is the feed's (Django
            # would name the active one), so each item names its own instead.
            feed.feed["language"] = None
        return feed

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
        def fetch(kind, ids):
            pages = kind.teasers(kind.model.objects.filter(pk__in=ids))
            if self.full_text and kind.name == "article":
                pages = pages.defer(None)  # the body too
            return kind.finish(pages.prefetch_related(*bylines_and_tags(kind)))

        return mixed.MixedListing(scope.pages, fetch=fetch)[:FEED_LENGTH]

    # -- each item ---------------------------------------------------------------------

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        return item.search_description or item.standfirst

    def item_guid(self, item):
        # Stable when a page is renamed or moved, unlike its address.
        published = item.first_published_at or item.published_at
        host = self.request.get_host()
        return f"tag:{host},{published:%Y-%m-%d}:{item.teaser_kind}:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(filter(None, [item.published_at, getattr(item, "updated_at", None)]))

    def _authors(self, item):
        links = mixed.KINDS[item.teaser_kind].author.split("__")[0]
        return [link.author for link in getattr(item, links).all()]

    def item_author_name(self, item):
        names = [author.name for author in self._authors(item)]
        return human_list(names, self._language_of(item)) if names else self.site_name

    def _language_of(self, item):
        home = self.homes.get(item.locale_id)
        return home.locale.language_code if home is not None else None

    def item_author_link(self, item):
        authors = self._authors(item)
        home = self.homes.get(item.locale_id)
        if not authors or home is None:
            return None
        path = home.url + home.reverse_subpage("author", args=[authors[0].slug]).lstrip("/")
        return self.request.build_absolute_uri(path)

    def item_categories(self, item):
        section = [item.section.title] if item.section else []
        return section + [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_extra_kwargs(self, item):
        extra = {}
        image, caption = feed_image(item)
        if image:
            rendition = image.get_rendition(FEED_IMAGE)
            extra["media"] = {
                "url": self.request.build_absolute_uri(rendition.url),
                "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
                "width": rendition.width,
                "height": rendition.height,
                "caption": Truncator(caption).chars(300),
                "credit": image.credit,
            }
        if self.full_text and item.teaser_kind == "article":
            extra["content_html"] = full_text_html(item)
        if not self.language:
            extra["language"] = self._language_of(item)
        return extra


def bylines_and_tags(kind):
    """Prefetches of a kind's byline (in its order) and tags: one query each."""

    def related(name):
        return kind.model._meta.get_field(name).related_model.objects

    links = kind.author.split("__")[0]
    return [
        Prefetch(links, queryset=related(links).select_related("author").order_by("sort_order")),
        Prefetch("tagged_items", queryset=related("tagged_items").select_related("tag")),
    ]


def feed_image(item):
    """(image, caption) that stands for an item in a feed: a story's lead image, a video's
    poster, a gallery's cover, an infograph's chart; (None, "") when it has none."""
    kind = item.teaser_kind
    if kind == "article":
        return item.lead_image, item.caption
    image = {"video": "poster", "gallery": "cover", "infograph": "image"}[kind]
    image = getattr(item, image)
    return image, (image.caption if image else "")


def feed_body(request, scope, kind, *, site_name):
    """(body, content type) of a scope's feed, for the cache."""
    response = ScopeFeed(scope, kind, site_name=site_name)(request)
    return response.content, response["Content-Type"]
