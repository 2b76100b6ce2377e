"""The site itself: settings editors control, the edition home and plain pages."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from taggit.models import Tag
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from masthead.core.pagination import paginate
from masthead.news.blocks import PlainBodyBlock
from masthead.syndication.routes import EditionFeedRoutes


def validate_time_zone(value):
    """An IANA zone name this machine knows (tzdata), such as Asia/Qatar."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not a time zone name such as Europe/Madrid.") from None


def validate_stream_url(value):
    """An http(s) address, or a path on this site such as /static/…/index.m3u8."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(schemes=["http", "https"])(value)
    if not value.startswith(("http://", "https://")):
        raise ValidationError("Enter an http(s) address or a path starting with /.")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(max_length=80, default="Masthead")
    slogan = models.CharField(max_length=160, blank=True)
    about = models.TextField(blank=True, help_text="The short 'about' text in the footer.")
    copyright_line = models.CharField(max_length=160, default="All Rights Reserved")
    x_url = models.URLField("X", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    youtube_url = models.URLField("YouTube", blank=True)
    telegram_url = models.URLField("Telegram", blank=True)
    footer_links = StreamField(
        [("page", PageChooserBlock())],
        blank=True,
        help_text="Pages linked in the footer, e.g. Privacy Policy, About Us, Contact Us.",
    )
    android_app_url = models.URLField("Android app", blank=True)
    ios_app_url = models.URLField("iOS app", blank=True)
    live_stream_url = models.CharField(
        "live stream URL",
        max_length=500,
        blank=True,
        validators=[validate_stream_url],
        help_text=(
            "The channel's HLS playlist (.m3u8), shown on the LIVE TV page. fMP4/CMAF "
            "segments play in every modern browser; MPEG-TS only where the browser plays "
            "HLS itself (Safari, iOS, Android). Leave empty when the channel is off air."
        ),
    )
    live_stream_poster = models.ForeignKey(
        "media.NewsImage",
        verbose_name="live stream poster",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional still shown in the player before it starts (16:9).",
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("slogan")], heading="Brand"),
        MultiFieldPanel(
            [FieldPanel("about"), FieldPanel("copyright_line"), FieldPanel("footer_links")],
            heading="Footer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("x_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("telegram_url"),
            ],
            heading="Social links",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("android_app_url"), FieldPanel("ios_app_url")])],
            heading="Apps",
        ),
        MultiFieldPanel(
            [FieldPanel("live_stream_url"), FieldPanel("live_stream_poster")],
            heading="Live TV",
        ),
    ]

    class Meta:
        verbose_name = "site settings"

    def social_links(self):
        links = [
            ("X", self.x_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("Telegram", self.telegram_url),
        ]
        return [(name, url) for name, url in links if url]


class HomePage(EditionFeedRoutes, RoutablePageMixin, Page):
    """An edition's front page, and the home of its taxonomy pages.

    Regions, tags, authors and coverage topics are not pages in the tree; their reader
    pages are routes here, so each edition gets `/en/regions/europe/` and the like. Their
    feeds are routes too (`/en/feed/`, `/en/regions/europe/feed/`: syndication/routes.py).
    """

    lead_story = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Pin a story to the top; empty shows the latest story with an image.",
    )

    # The edition's own words for what Site settings holds once for the whole site.
    slogan = models.CharField(
        max_length=160, blank=True, help_text="The edition's slogan; empty uses Site settings'."
    )
    about = models.TextField(
        blank=True,
        help_text="The footer's 'about' text in this edition; empty uses Site settings'.",
    )
    copyright_line = models.CharField(
        max_length=160,
        blank=True,
        help_text="The footer's rights line in this edition; empty uses Site settings'.",
    )

    # Readers of each edition see times on their own clock; stored times stay UTC.
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=(
            "The zone this edition shows times in, such as Asia/Qatar or Europe/Madrid; "
            "empty uses the site's TIME_ZONE."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead_story"),
        MultiFieldPanel(
            [FieldPanel("slogan"), FieldPanel("about"), FieldPanel("copyright_line")],
            heading="This edition's brand and footer text",
        ),
        FieldPanel("time_zone"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.SectionPage",
        "media.VideoSectionPage",
        "core.StandardPage",
        "core.ContactPage",
        "live.LiveTvPage",
    ]
    page_description = "The front page of an edition."

    class Meta:
        verbose_name = "home page"

    @path("", name="front_page")
    def index_route(self, request, *args, **kwargs):
        # The front page's lists are built here, not in get_context, so the taxonomy
        # routes below (which render through get_context too) do not pay for them.
        return self.render(request, context_overrides=self.front_page_context())

    def front_page_context(self):
        from masthead.news import teasers
        from masthead.news.models import SectionPage

        lead = self._lead(teasers)
        top = teasers.latest(self.locale_id, limit=9, exclude=[lead.pk] if lead else [])
        shown = [article.pk for article in top] + ([lead.pk] if lead else [])
        sections = SectionPage.objects.child_of(self).live().in_menu()
        return dict(
            lead=lead,
            secondary=top[:2],
            top_stories=top[2:],
            section_rows=teasers.latest_per_section(sections, limit=4),
            read_next=teasers.latest_views(self.locale_id, limit=4, exclude=shown),
            **teasers.rails(self.locale_id),
        )

    def _lead(self, teasers):
        articles = teasers.published(self.locale_id)
        if self.lead_story_id:
            pinned = teasers.as_teasers(articles.filter(pk=self.lead_story_id))
            found = teasers.with_sections(pinned)
            if found:
                return found[0]
        found = teasers.with_sections(
            teasers.as_teasers(articles.filter(lead_image__isnull=False))[:1]
        )
        return found[0] if found else None

    # -- taxonomy pages ------------------------------------------------------------------

    def _listing(self, request, template, items, **context):
        page_obj = paginate(request, items, per_page=20, teasers=True)
        return self.render(
            request,
            template=template,
            context_overrides={"page_obj": page_obj, **context},
        )

    @path("regions/<str:slug>/", name="region")
    def region(self, request, slug):
        from masthead.media import mixed
        from masthead.news.models import Region

        region = get_object_or_404(Region, locale_id=self.locale_id, slug=slug)
        return self._listing(
            request,
            "news/term_page.html",
            mixed.by_region(region),
            region=region,
            term=region.name,
            kicker=_("Region"),
        )

    @path("tags/<str:slug>/", name="tag")
    def tag(self, request, slug):
        from masthead.media import mixed

        tag = get_object_or_404(Tag, slug=slug)
        return self._listing(
            request,
            "news/term_page.html",
            mixed.by_tag(tag, self.locale_id),
            tag=tag,
            term=tag.name,
            kicker=_("Tag"),
        )

    @path("authors/", name="authors")
    def authors(self, request):
        from masthead.media import mixed
        from masthead.news.models import Author

        authors = (
            Author.objects.filter(mixed.writing_in(self.locale_id))
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        return self.render(
            request,
            template="news/author_index_page.html",
            context_overrides={"authors": authors},
        )

    @path("authors/<str:slug>/", name="author")
    def author(self, request, slug):
        from masthead.media import mixed
        from masthead.news.models import Author

        # Only a byline with published work in this edition has a page in it.
        writers = Author.objects.filter(mixed.writing_in(self.locale_id))
        author = get_object_or_404(writers.select_related("photo"), slug=slug)
        return self._listing(
            request,
            "news/author_page.html",
            mixed.by_author(author, self.locale_id),
            author=author,
        )

    @path("coverage/<str:slug>/", name="coverage")
    def coverage(self, request, slug):
        from masthead.news import teasers
        from masthead.news.models import Coverage

        coverage = get_object_or_404(Coverage, locale_id=self.locale_id, slug=slug)
        pinned, rest = teasers.in_coverage(coverage)
        page_obj = paginate(request, rest, per_page=20, teasers=True)
        return self.render(
            request,
            template="news/coverage_page.html",
            context_overrides={
                "coverage": coverage,
                "pinned": teasers.with_sections(pinned) if page_obj.number == 1 else [],
                "page_obj": page_obj,
            },
        )


class StandardPage(Page):
    """About Us, Privacy Policy and other pages of plain text."""

    intro = models.TextField(blank=True)
    body = StreamField(PlainBodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]
    page_description = "A plain page such as About Us or the Privacy Policy."

    class Meta:
        verbose_name = "plain page"


class ContactFormField(AbstractFormField):
    page = ParentalKey("core.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


# Bots fill every field they find; people never see this one.
HONEYPOT_FIELD = "website_url"


class ContactPage(AbstractForm):
    """Contact Us: a form whose submissions editors read under Forms in the admin."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = "Contact Us, with a form; submissions are stored for editors."

    class Meta:
        verbose_name = "contact page"

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return form

    def process_form_submission(self, form):
        if form.cleaned_data.get(HONEYPOT_FIELD):
            return None  # A bot: thank it as usual, keep nothing.
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)
