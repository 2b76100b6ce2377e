"""Live blogs: a page for a running event, and the timestamped updates posted under it.

Updates are rows of their own, not page revisions: posting one takes a second and never
republishes the page. Each update's HTML is rendered once per edit and kept in the cache
(`render_updates`), so the page and its live document cost the same few queries however
many updates a blog collects.
"""

from html import unescape
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from masthead.live.pulse import pulse_changed
from masthead.news.blocks import ImageBlock, QuoteBlock
from masthead.news.models.embargo import PublishedQuerySet
from masthead.search.indexing import FoldedSearchText, page_search_fields, plain

UPDATES_PER_PAGE = 20  # on the page, and in the live document open pages poll
KEY_EVENTS_LIMIT = 12
FRAGMENT_TTL = 60 * 60 * 24  # seconds; an edit changes the key, so this only bounds memory
# Search indexes the words of this many newest updates: enough for any day's blog, and a
# bound on the work each posted update costs (the blog is indexed again) and on the size
# of one index entry (PostgreSQL's text search takes at most 1 MB).
UPDATES_SEARCHED = 300
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class EmbedBlock(blocks.StructBlock):
    """A post on another site, shown as a link card: reader pages load nothing from other
    hosts, so there is no oEmbed fetch and no iframe, only a link the reader may follow."""

    url = blocks.URLBlock(help_text="The address of the post, video or document.")
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="What readers will find there, in a line."
    )

    class Meta:
        icon = "media"
        template = "live/blocks/embed.html"
        label = "Embed (link card)"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["host"] = host_of(value["url"])
        return context


def host_of(url):
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class LiveUpdateBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=TEXT_FEATURES, template="news/blocks/paragraph.html")
    image = ImageBlock()
    embed = EmbedBlock()
    quote = QuoteBlock()


class LiveBlogStatus(models.TextChoices):
    LIVE = "live", "Live: open pages follow new updates"
    ENDED = "ended", "Ended: no more updates"


class LiveBlogQuerySet(PublishedQuerySet):
    # A live blog is out as soon as it is live: it has no publication time to wait for.
    embargo_field = None


LiveBlogManager = PageManager.from_queryset(LiveBlogQuerySet)


class LiveBlogTag(TaggedItemBase):
    content_object = ParentalKey(
        "live.LiveBlogPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LiveBlogPage(FoldedSearchText, Page):
    standfirst = models.TextField(
        max_length=600, help_text="The summary under the headline: one or two sentences."
    )
    lead_image = models.ForeignKey(
        "media.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    introduction = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="What the event is and why it matters, above the updates.",
    )
    status = models.CharField(
        max_length=10, choices=LiveBlogStatus.choices, default=LiveBlogStatus.LIVE
    )
    ended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When coverage ended. Set on publication when the status is Ended.",
    )
    authors = ParentalManyToManyField("news.Author", blank=True, related_name="+")
    regions = ParentalManyToManyField("news.Region", blank=True, related_name="live_blogs")
    tags = ClusterTaggableManager(through=LiveBlogTag, blank=True)

    objects = LiveBlogManager()

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("lead_image"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("ended_at")],
            heading="Status",
            help_text="Updates are posted from the page's Updates button, not here.",
        ),
    ]
    metadata_panels = [
        FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Live blog"),
            ObjectList(metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    # What readers' search matches: docs/search.md.
    search_fields = page_search_fields(
        index.SearchField("introduction"),
        index.SearchField("updates_text"),
        byline=index.RelatedFields("authors", [index.SearchField("name")]),
    )

    # Under LIVE, beside the channel, or in the section whose story it follows.
    parent_page_types = ["news.SectionPage", "live.LiveTvPage"]
    subpage_types = []
    page_description = (
        "A running event: an introduction, then short timestamped updates posted in seconds."
    )

    class Meta:
        verbose_name = "live blog"

    @property
    def is_live(self):
        return self.status == LiveBlogStatus.LIVE

    def save(self, *args, **kwargs):
        if self.is_live:
            self.ended_at = None
        elif self.ended_at is None:
            self.ended_at = timezone.now()
        return super().save(*args, **kwargs)

    def updates_text(self):
        """The newest updates' headlines and words, for search (one query)."""
        if self.pk is None:
            return ""
        updates = self.updates.order_by("-posted_at", "-pk")[:UPDATES_SEARCHED]
        return " ".join(f"{update.headline} {update.plain_text()}" for update in updates)

    def search_text(self):
        return f"{plain(self.introduction)} {self.updates_text()}"

    def updates_newest_first(self):
        return self.updates.select_related("author").order_by("-posted_at", "-pk")

    def key_events(self, *, limit=KEY_EVENTS_LIMIT):
        """Pinned updates, newest first, each with the `?page=` it sits on (one query)."""
        newer = (
            LiveUpdate.objects.filter(blog=OuterRef("blog"))
            .filter(
                Q(posted_at__gt=OuterRef("posted_at"))
                | Q(posted_at=OuterRef("posted_at"), pk__gt=OuterRef("pk"))
            )
            .order_by()
            .values("blog")
            .annotate(n=Count("pk"))
            .values("n")
        )
        events = list(
            self.updates.filter(key_event=True)
            .annotate(newer=Subquery(newer, output_field=models.IntegerField()))
            .order_by("-posted_at", "-pk")[:limit]
        )
        for event in events:
            event.page_number = (event.newer or 0) // UPDATES_PER_PAGE + 1
        return events

    def get_context(self, request, *args, **kwargs):
        from masthead.core.pagination import paginate
        from masthead.news import teasers

        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, self.updates_newest_first(), per_page=UPDATES_PER_PAGE)
        page_obj.object_list = render_updates(list(page_obj.object_list))
        context.update(
            page_obj=page_obj,
            key_events=self.key_events(),
            section=teasers.section_of(self),
            **teasers.rails(self.locale_id),
        )
        context["structured_data"] = self.structured_data(
            request, page_obj.object_list if page_obj.number == 1 else []
        )
        return context

    def structured_data(self, request, updates):
        """schema.org LiveBlogPosting with the newest updates, as a dict for JSON-LD."""
        url = request.build_absolute_uri(self.get_url(request))
        data = {
            "@context": "https://schema.org",
            "@type": "LiveBlogPosting",
            "@id": url,
            "url": url,
            "headline": self.title,
            "description": self.standfirst,
            "coverageStartTime": iso(self.first_published_at),
            "datePublished": iso(self.first_published_at),
            "dateModified": iso(max([u.updated_at for u in updates], default=None))
            or iso(self.last_published_at),
            "liveBlogUpdate": [
                {
                    "@type": "BlogPosting",
                    "@id": f"{url}#update-{update.pk}",
                    "url": f"{url}#update-{update.pk}",
                    "headline": update.summary(),
                    "datePublished": iso(update.posted_at),
                    "dateModified": iso(update.updated_at),
                    "articleBody": update.plain_text(),
                }
                for update in updates
            ],
        }
        if not self.is_live:
            data["coverageEndTime"] = iso(self.ended_at or self.last_published_at)
        return {key: value for key, value in data.items() if value is not None}


def iso(value):
    return value.isoformat() if value else None


class LiveUpdate(models.Model):
    """One timestamped update on a live blog. Not a page: posting never republishes."""

    blog = models.ForeignKey(LiveBlogPage, on_delete=models.CASCADE, related_name="updates")
    posted_at = models.DateTimeField(
        default=timezone.now, help_text="Shown as the update's time. Change it to backdate."
    )
    updated_at = models.DateTimeField(auto_now=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    headline = models.CharField(max_length=200, blank=True)
    body = StreamField(LiveUpdateBodyBlock(), blank=True)
    key_event = models.BooleanField(
        default=False, help_text="Pinned to the Key events list at the top of the blog."
    )

    class Meta:
        ordering = ["-posted_at", "-pk"]
        indexes = [models.Index(fields=["blog", "-posted_at"], name="liveupdate_blog_posted_idx")]
        verbose_name = "live update"

    def __str__(self):
        return self.summary()

    def plain_text(self):
        """The update as plain text, from the stored blocks (no queries)."""
        parts = []
        for block in self.body.raw_data:
            value = block["value"]
            if block["type"] == "text":
                parts.append(unescape(strip_tags(value)))
            elif block["type"] == "quote":
                who = f" ({value['attribution']})" if value.get("attribution") else ""
                parts.append(f"“{value['text']}”{who}")
            elif block["type"] == "embed":
                parts.append(value.get("title") or value["url"])
            elif block["type"] == "image" and value.get("caption"):
                parts.append(value["caption"])
        return " ".join(" ".join(parts).split())

    def summary(self, words=14):
        """The headline, or the start of the update's text (the Key events list shows it)."""
        if self.headline:
            return self.headline
        return Truncator(self.plain_text()).words(words) or f"Update {self.pk}"

    @property
    def author_name(self):
        """The poster's full name for readers; never the login name, which stays private."""
        return self.author.get_full_name() if self.author else ""


def fragment_key(update):
    return f"liveupdate:{update.pk}:{update.updated_at.timestamp()}:{get_language()}"


def render_updates(updates):
    """Give each update its `html`: rendered once per edit, then read from the cache.

    The page and the live document both use it, so an update looks the same whether it
    was on the page when it loaded or arrived later.
    """
    keys = {update.pk: fragment_key(update) for update in updates}
    stored = cache.get_many(list(keys.values()))
    fresh = {}
    for update in updates:
        key = keys[update.pk]
        if key not in stored:
            fresh[key] = render_to_string(
                "live/includes/live_update.html", {"update": update}
            ).strip()
        update.html = stored.get(key) or fresh[key]
    if fresh:
        cache.set_many(fresh, timeout=FRAGMENT_TTL)
    return updates


def key_events_html(blog, events):
    return render_to_string("live/includes/key_events.html", {"page": blog, "key_events": events})


def liveblog_pulse_name(blog_id, edition):
    return f"liveblog:{blog_id}:{edition}"


def liveblog_changed(blog_id):
    """Tell open pages of the blog (in every edition's URL) that its updates changed."""
    pulse_changed(*(liveblog_pulse_name(blog_id, code) for code, _name in settings.LANGUAGES))


def liveblog_document(blog_id, edition):
    """What open pages of a blog poll: its status, key events and newest updates.

    None when readers cannot see the blog (unknown, draft, private, another edition's).
    Built by the same templates as the page; the same for every reader.
    """
    blog = (
        LiveBlogPage.objects.published()
        .filter(pk=blog_id, locale__language_code=edition)
        .select_related("locale")
        .first()
    )
    if blog is None:
        return None, None
    updates = render_updates(list(blog.updates_newest_first()[:UPDATES_PER_PAGE]))
    events = blog.key_events()
    data = {
        "status": blog.status,
        # True when the list holds every update, so a missing one has been deleted.
        "complete": len(updates) < UPDATES_PER_PAGE,
        "updates": [
            {
                "id": update.pk,
                "posted_at": iso(update.posted_at),
                "version": iso(update.updated_at),
                "key_event": update.key_event,
                "html": update.html,
            }
            for update in updates
        ],
        "key_events": [event.pk for event in events],
        "key_events_html": key_events_html(blog, events),
    }
    return data, None


@receiver(post_save, sender=LiveUpdate)
@receiver(post_delete, sender=LiveUpdate)
def _update_changed(instance, **kwargs):
    liveblog_changed(instance.blog_id)
    if not kwargs.get("raw"):  # not while fixtures load, rows in any order
        reindex_blog(instance.blog_id)


def reindex_blog(blog_id):
    """Updates are not page revisions, so Wagtail would not index the blog again: search
    would miss an update's words until the next publication or `masthead reindex`."""
    blog = LiveBlogPage.objects.filter(pk=blog_id).first()
    if blog is not None:  # None: deleted meanwhile
        index.insert_or_update_object(blog)


@receiver(page_published, sender=LiveBlogPage)
@receiver(page_unpublished, sender=LiveBlogPage)
def _blog_changed(instance, **kwargs):
    # Status (live or ended), title or privacy may have changed.
    liveblog_changed(instance.pk)


def live_blogs_listed(blogs):
    """Blogs as readers should meet them: running ones first, then the latest started."""
    blogs = sorted(blogs, key=lambda blog: blog.first_published_at or timezone.now(), reverse=True)
    return sorted(blogs, key=lambda blog: not blog.is_live)
