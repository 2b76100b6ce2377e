"""What a page tells search engines and link previews about itself.

`page_metadata(context)` looks at the page being rendered (or the home page route, for
regions, tags, authors and coverage topics) and returns:

- `canonical`: the page's one address;
- `feeds`: the RSS and Atom feeds that carry its stories, for <link rel="alternate">;
- `meta`: Open Graph and Twitter card properties;
- `graph`: schema.org JSON-LD nodes: WebSite (with a SearchAction) and Organization on
  an edition's home, a NewsArticle (or its Opinion/Analysis/Reportage subtype) on a story,
  CollectionPage, ProfilePage, WebPage or ContactPage on listings and plain pages, and a
  BreadcrumbList below the home. Page types of other apps that describe themselves (a
  VideoObject, ImageGallery, LiveBlogPosting, BroadcastEvent as `structured_data` in
  their context) have that node in the same graph: one JSON-LD block per page.

Everything comes from what the page's context already holds, plus a handful of queries
that do not depend on the size of the archive.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import urlparse

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from masthead.core.models import ContactPage, HomePage, SiteSettings, StandardPage
from masthead.media.models import SeriesPage
from masthead.news.models import ArticlePage, ArticleType, SectionPage
from masthead.syndication.models import SyndicationSettings

SCHEMA_TYPES = {
    ArticleType.NEWS: "NewsArticle",
    ArticleType.OPINION: "OpinionNewsArticle",
    ArticleType.ANALYSIS: "AnalysisNewsArticle",
    ArticleType.FEATURE: "ReportageNewsArticle",
    ArticleType.BLOG: "NewsArticle",
}
# The lead image in the three shapes search engines ask for, cropped around the focal
# point; the 16:9 one is also the link preview's picture.
IMAGE_SPECS = ("fill-1200x1200", "fill-1200x900", "fill-1200x675")
PREVIEW_SPEC = "fill-1200x675"
LOGO_SPEC = "max-600x60"


@dataclass
class Metadata:
    canonical: str = ""
    feeds: list = field(default_factory=list)  # (mime type, title, absolute url)
    meta: list = field(default_factory=list)  # (attribute, key, value)
    graph: list = field(default_factory=list)


class Builder:
    def __init__(self, context):
        self.context = context
        self.request = context["request"]
        self.page = context.get("page")
        match = getattr(self.request, "routable_resolver_match", None)
        self.route = match.url_name if match is not None else None
        self.site_settings = SiteSettings.for_request(self.request)
        self.site_name = self.site_settings.site_name
        self.home = self._home()
        self.home_url = self.absolute(self.home.url) if self.home else self.absolute("/")
        # The edition's language, which LocaleMiddleware activated from the URL.
        self.language = get_language() or ""
        self.data = Metadata()

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def _home(self):
        from masthead.core.templatetags.masthead_tags import edition_home

        return edition_home(self.context)

    # -- shared pieces -----------------------------------------------------------------

    def publisher(self):
        syndication = SyndicationSettings.for_request(self.request)
        if syndication.publisher_logo:
            rendition = syndication.publisher_logo.get_rendition(LOGO_SPEC)
            logo = {
                "@type": "ImageObject",
                "url": self.absolute(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        else:
            logo = {"@type": "ImageObject", "url": self.absolute(static("masthead/icon.svg"))}
        organization = {
            "@type": "NewsMediaOrganization",
            "@id": f"{self.home_url}#publisher",
            "name": self.site_name,
            "url": self.home_url,
            "logo": logo,
        }
        same_as = [url for _name, url in self.site_settings.social_links()]
        if same_as:
            organization["sameAs"] = same_as
        return organization

    def website(self):
        return {
            "@type": "WebSite",
            "@id": f"{self.home_url}#website",
            "url": self.home_url,
            "name": self.site_name,
            "inLanguage": self.language,
            "publisher": {"@id": f"{self.home_url}#publisher"},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{self.home_url}search/?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }

    def breadcrumbs(self, trail):
        return {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": number, "name": name, "item": url}
                for number, (name, url) in enumerate(trail, start=1)
            ],
        }

    def page_trail(self, page):
        """(title, absolute url) from the edition's home down to `page`, in one query."""
        pages = (
            Page.objects.ancestor_of(page, inclusive=True)
            .filter(depth__gte=self.home.depth if self.home else 2)
            .order_by("depth")
        )
        return [(item.title, self.absolute(item.get_url(self.request))) for item in pages]

    def feed_links(self, title, base):
        """RSS and Atom of a list whose RSS lives at `base` (relative)."""
        label = f"{title} | {self.site_name}" if title else self.site_name
        self.data.feeds += [
            ("application/rss+xml", label, self.absolute(base)),
            ("application/atom+xml", f"{label} (Atom)", self.absolute(base + "atom/")),
        ]

    def edition_feed_links(self):
        if self.home is not None:
            self.feed_links("", self.home.url + "feed/")

    def home_route_url(self, name, *args):
        return self.home.url + self.home.reverse_subpage(name, args=list(args)).lstrip("/")

    def og(self, key, value):
        if value not in (None, ""):
            self.data.meta.append(("property", key, str(value)))

    def twitter(self, key, value):
        if value not in (None, ""):
            self.data.meta.append(("name", f"twitter:{key}", str(value)))

    def previews(self, *, kind, title, description, image=None, image_alt=""):
        self.og("og:site_name", self.site_name)
        self.og("og:type", kind)
        self.og("og:title", title)
        self.og("og:description", description)
        self.og("og:url", self.data.canonical)
        self.og("og:locale", self.language)
        if image is not None:
            self.og("og:image", self.absolute(image.url))
            self.og("og:image:width", image.width)
            self.og("og:image:height", image.height)
            self.og("og:image:alt", image_alt)
        self.twitter("card", "summary_large_image" if image is not None else "summary")
        handle = urlparse(self.site_settings.x_url).path.strip("/").split("/")[0]
        self.twitter("site", f"@{handle}" if handle else "")
        self.twitter("title", title)
        self.twitter("description", description)
        if image is not None:
            self.twitter("image", self.absolute(image.url))
            self.twitter("image:alt", image_alt)

    # -- per page type -----------------------------------------------------------------

    def build(self):
        page = self.page
        if not isinstance(page, Page):
            if self.route is None and self._url_name() == "search" and self.home is not None:
                self.search_page()
            return self.data
        self.data.canonical = self.canonical()
        if isinstance(page, HomePage):
            if self.route in (None, "front_page", "index_route"):
                self.front_page()
            else:
                self.home_route()
        elif isinstance(page, ArticlePage):
            self.article()
        elif isinstance(page, SectionPage):
            self.section()
        elif isinstance(page, StandardPage | ContactPage):
            self.plain_page()
        else:
            self.other_page()
        return self.data

    def _url_name(self):
        match = getattr(self.request, "resolver_match", None)
        return match.url_name if match is not None else None

    def search_page(self):
        """The search page: not for indexing (it says noindex, and has no canonical link),
        but described like the others, as the edition's SearchResultsPage."""
        url = self.absolute(self.request.path)
        name = _("Search")
        self.edition_feed_links()
        self.previews(kind="website", title=name, description=self.slogan())
        self.data.graph += [
            {
                "@type": "SearchResultsPage",
                "@id": url,
                "url": url,
                "name": name,
                "inLanguage": self.language,
                "isPartOf": {"@id": f"{self.home_url}#website"},
            },
            self.website(),
            self.breadcrumbs([(self.home.title, self.home_url), (name, url)]),
        ]

    def canonical(self):
        if isinstance(self.page, HomePage) and self.route not in (None, "front_page"):
            path = self.request.path
        else:
            path = self.page.get_url(self.request)
        number = self.request.GET.get("page", "")
        if number.isdigit() and int(number) > 1:
            path = f"{path}?page={int(number)}"
        return self.absolute(path)

    def slogan(self):
        """The edition's own slogan (on its home page), else the site's."""
        return getattr(self.home, "slogan", "") or self.site_settings.slogan

    def description(self, fallback=""):
        page = self.page
        return page.search_description or fallback or self.slogan()

    def front_page(self):
        self.edition_feed_links()
        description = self.description()
        self.previews(kind="website", title=self.site_name, description=description)
        self.data.graph += [self.website(), self.publisher()]

    def home_route(self):
        context, route = self.context, self.route
        schema_type, kind = "CollectionPage", "website"
        extra = {}
        if route == "region":
            name, description = context["region"].name, ""
            self.feed_links(name, self.home_route_url("region_feed", context["region"].slug))
        elif route == "tag":
            name, description = context["tag"].name, ""
            self.feed_links(name, self.home_route_url("tag_feed", context["tag"].slug))
        elif route == "coverage":
            coverage = context["coverage"]
            name, description = coverage.title, coverage.description
            self.feed_links(name, self.home_route_url("coverage_feed", coverage.slug))
        elif route == "author":
            author = context["author"]
            name, description = author.name, author.bio
            schema_type, kind = "ProfilePage", "profile"
            person = {"@type": "Person", "name": author.name, "url": self.data.canonical}
            if author.role:
                person["jobTitle"] = author.role
            if author.bio:
                person["description"] = author.bio
            if author.social_url:
                person["sameAs"] = [author.social_url]
            extra["mainEntity"] = person
            self.feed_links(name, self.home_route_url("author_feed", author.slug))
        else:  # the author directory
            name, description = _("Authors"), ""
        self.edition_feed_links()
        description = description or self.slogan()
        self.previews(kind=kind, title=name, description=description)
        self.data.graph += [
            {
                "@type": schema_type,
                "@id": self.data.canonical,
                "url": self.data.canonical,
                "name": name,
                "description": description,
                "inLanguage": self.language,
                "isPartOf": {"@type": "WebSite", "name": self.site_name, "url": self.home_url},
                **extra,
            },
            self.breadcrumbs([(self.home.title, self.home_url), (name, self.data.canonical)]),
        ]

    def section(self):
        page = self.page
        self.feed_links(page.title, page.get_url(self.request) + "feed/")
        self.edition_feed_links()
        description = self.description(page.intro)
        self.previews(kind="website", title=page.seo_title or page.title, description=description)
        self.data.graph += [
            {
                "@type": "CollectionPage",
                "@id": self.data.canonical,
                "url": self.data.canonical,
                "name": page.title,
                "description": description,
                "inLanguage": self.language,
                "isPartOf": {"@type": "WebSite", "name": self.site_name, "url": self.home_url},
            },
            self.breadcrumbs(self.page_trail(page)),
        ]

    def plain_page(self):
        page = self.page
        self.edition_feed_links()
        description = self.description(getattr(page, "intro", "") or "")
        if not isinstance(description, str):  # a rich text intro (the contact page)
            description = self.slogan()
        self.previews(kind="website", title=page.seo_title or page.title, description=description)
        self.data.graph += [
            {
                "@type": "ContactPage" if isinstance(page, ContactPage) else "WebPage",
                "@id": self.data.canonical,
                "url": self.data.canonical,
                "name": page.title,
                "inLanguage": self.language,
            },
            self.breadcrumbs(self.page_trail(page)),
        ]

    def other_page(self):
        """Videos, galleries, infographs, live blogs, series and LIVE TV. Those that describe
        themselves (`structured_data` in their context: a VideoObject, an ImageGallery, a
        LiveBlogPosting, a BroadcastEvent) have that node in the graph; the others get a
        WebPage. All get their trail as a BreadcrumbList, and a link preview with their
        own words and picture."""
        page = self.page
        self.edition_feed_links()
        description = self.description(summary(page))
        picture = preview_picture(page, self.context)
        preview = picture.get_rendition(PREVIEW_SPEC) if picture is not None else None
        self.previews(
            kind="website",
            title=page.seo_title or page.title,
            description=description,
            image=preview,
            image_alt=(picture.caption or picture.title) if picture is not None else "",
        )
        own = self.context.get("structured_data")
        if own:  # one block per page: the page's own node joins the graph
            node = json.loads(own) if isinstance(own, str) else dict(own)
            node.pop("@context", None)
            self.data.graph.append(node)
        else:
            self.data.graph.append(
                {
                    "@type": "CollectionPage" if isinstance(page, SeriesPage) else "WebPage",
                    "@id": self.data.canonical,
                    "url": self.data.canonical,
                    "name": page.title,
                    "description": description,
                    "inLanguage": self.language,
                    "isPartOf": {"@type": "WebSite", "name": self.site_name, "url": self.home_url},
                }
            )
        self.data.graph.append(self.breadcrumbs(self.page_trail(page)))

    def article(self):
        page, context = self.page, self.context
        section = context.get("section")
        authors = context.get("authors") or []
        tags = [tag.name for tag in page.tags.all()]
        self.edition_feed_links()
        if section is not None:
            self.feed_links(section.title, section.get_url(self.request) + "feed/")
        modified = max(filter(None, [page.published_at, page.updated_at]))
        renditions = page.lead_image.get_renditions(*IMAGE_SPECS) if page.lead_image else {}
        preview = renditions.get(PREVIEW_SPEC)
        description = self.description(page.standfirst)
        self.previews(
            kind="article",
            title=page.seo_title or page.title,
            description=description,
            image=preview,
            image_alt=page.lead_image_alt or page.caption or page.title,  # no caption beside it
        )
        self.og("article:published_time", page.published_at.isoformat())
        self.og("article:modified_time", modified.isoformat())
        self.og("article:section", section.title if section else "")
        author_urls = [self.absolute(self.home_route_url("author", a.slug)) for a in authors]
        for url in author_urls:
            self.og("article:author", url)
        for tag in tags:
            self.og("article:tag", tag)
        if authors:
            by = [
                {"@type": "Person", "name": author.name, "url": url}
                for author, url in zip(authors, author_urls, strict=True)
            ]
        else:
            by = [{"@type": "Organization", "name": self.site_name, "url": self.home_url}]
        story = {
            "@type": SCHEMA_TYPES.get(page.article_type, "NewsArticle"),
            "@id": f"{self.data.canonical}#article",
            "headline": page.title[:110],
            "description": description,
            "datePublished": page.published_at.isoformat(),
            "dateModified": modified.isoformat(),
            "author": by,
            "publisher": self.publisher(),
            "mainEntityOfPage": {"@type": "WebPage", "@id": self.data.canonical},
            "url": self.data.canonical,
            "inLanguage": self.language,
        }
        if renditions:
            story["image"] = [
                {
                    "@type": "ImageObject",
                    "url": self.absolute(renditions[spec].url),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for spec in IMAGE_SPECS
            ]
        if section is not None:
            story["articleSection"] = section.title
        if tags:
            story["keywords"] = tags
        self.data.graph += [story, self.breadcrumbs(self.page_trail(page))]


def summary(page):
    """A page's own one-paragraph summary as plain text: its standfirst, or its
    description (an infograph's, a series' rich text)."""
    text = getattr(page, "standfirst", "") or getattr(page, "description", "") or ""
    return strip_tags(str(text)).strip()


def preview_picture(page, context):
    """The picture that stands for a page in link previews: a video's poster, a gallery's
    cover (its first photo), an infograph's graphic, a live blog's lead image, a series'
    artwork, or the channel's poster on LIVE TV."""
    for name in ("poster", "image", "lead_image", "artwork"):
        picture = getattr(page, name, None)
        if picture is not None and hasattr(picture, "get_rendition"):
            return picture
    photos = context.get("photos") or []
    if photos:
        return photos[0].image
    poster = context.get("poster")
    return poster if hasattr(poster, "get_rendition") else None


def page_metadata(context):
    if context.get("request") is None:
        return Metadata()
    return Builder(context).build()
