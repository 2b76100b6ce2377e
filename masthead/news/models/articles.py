"""The article page: a story with its headline, standfirst, byline, body and metadata."""

import math
import re

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from masthead.news.blocks import ArticleBodyBlock
from masthead.news.forms import EditionPageForm
from masthead.news.models.embargo import EmbargoedPage, PublishedQuerySet
from masthead.search.arabic import index_text

WORD_RE = re.compile(r"\w+", re.UNICODE)


class ArticleType(models.TextChoices):
    # Readers see these labels beside a story's section, so they are translated.
    NEWS = "news", pgettext_lazy("article type", "News")
    OPINION = "opinion", pgettext_lazy("article type", "Opinion")
    ANALYSIS = "analysis", pgettext_lazy("article type", "Analysis")
    BLOG = "blog", pgettext_lazy("article type", "Blog")
    FEATURE = "feature", pgettext_lazy("article type", "Feature")


class ArticleQuerySet(PublishedQuerySet):
    """Stories: published as `embargo.PublishedQuerySet` defines it."""


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(EmbargoedPage, Page):
    base_form_class = EditionPageForm
    standfirst = models.TextField(
        help_text="The summary under the headline: one or two sentences.", max_length=600
    )
    lead_image = models.ForeignKey(
        "media.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(
        max_length=500, blank=True, help_text="Leave empty to use the image's own caption."
    )
    # The image library is shared by every edition, so its description may be in another
    # language than the story: a screen reader would read English on an Arabic page.
    lead_image_alt = models.CharField(
        "Lead image alt text",
        max_length=250,
        blank=True,
        help_text=(
            "What the picture shows, for readers who cannot see it, in the story's language. "
            "Empty uses this story's own caption, else the image's description."
        ),
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    article_type = models.CharField(
        max_length=20, choices=ArticleType.choices, default=ArticleType.NEWS, db_index=True
    )
    source = models.CharField(
        max_length=120, blank=True, help_text="Where the story comes from, e.g. 'Agencies'."
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    regions = ParentalManyToManyField("news.Region", blank=True, related_name="articles")
    coverage = ParentalManyToManyField(
        "news.Coverage", blank=True, related_name="articles", verbose_name="coverage topics"
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown as the publication time. Set on first publication when left empty.",
    )
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown as 'Updated' when a story has moved on."
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = ArticleManager()

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_alt"),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
    ]
    metadata_panels = [
        FieldPanel("article_type"),
        InlinePanel("article_authors", label="Authors", help_text="None: a house byline."),
        FieldPanel("source"),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("coverage", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("published_at"),
        FieldPanel("updated_at"),
        InlinePanel(
            "notes",
            label="Corrections and updates",
            help_text="Shown at the foot of the story; the newest one sets 'Updated'.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Story"),
            ObjectList(metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    # What readers' search matches (headline, boosted by Page, standfirst, body, tags and
    # bylines) and the fields its filters use; see docs/search.md.
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        index.FilterField("article_type"),
        index.FilterField("published_at"),
        # Arabic stories also under their folded spelling (masthead/search/arabic.py).
        index.SearchField("folded_text"),
        index.AutocompleteField("folded_title"),
    ]

    parent_page_types = ["news.SectionPage", "media.VideoSectionPage"]
    subpage_types = []
    page_description = "A story: headline, standfirst, lead image, body, byline and metadata."

    class Meta:
        verbose_name = "article"
        indexes = [models.Index(fields=["-published_at"], name="article_published_idx")]

    # -- derived values, computed on save so listings never parse bodies ---------------

    def body_text(self):
        parts = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(strip_tags(block.value.source))
            elif block.block_type == "subheading":
                parts.append(block.value)
            elif block.block_type == "quote":
                parts.append(block.value["text"])
        return " ".join(parts)

    def folded_text(self):
        """The headline, standfirst and body with Arabic spelling folded and the article
        taken off, so a search matches with or without short vowels, hamza forms and the
        like. Empty for a story with nothing Arabic (it is not indexed twice)."""
        return index_text(" ".join([self.title, self.standfirst, self.body_text()]))

    def folded_title(self):
        return index_text(self.title)

    def compute_reading_minutes(self):
        words = len(WORD_RE.findall(f"{self.standfirst} {self.body_text()}"))
        return max(1, math.ceil(words / settings.MASTHEAD_WORDS_PER_MINUTE))

    def latest_note_time(self):
        times = [note.noted_at for note in self.notes.all() if note.noted_at]
        return max(times, default=None)

    def save(self, *args, **kwargs):
        self.reading_minutes = self.compute_reading_minutes()
        # A correction or update moves "Updated" on; the publication time never moves.
        noted = self.latest_note_time()
        if noted and (self.updated_at is None or noted > self.updated_at):
            self.updated_at = noted
        self.stamp_publication_time()
        return super().save(*args, **kwargs)

    # -- what templates read -------------------------------------------------------------

    @property
    def caption(self):
        if self.lead_image_caption:
            return self.lead_image_caption
        return self.lead_image.caption if self.lead_image else ""

    @property
    def lead_image_alt_text(self):
        """The lead picture's alt text in the story's language where the story has words
        of its own for it; the image's description otherwise."""
        if self.lead_image_alt or self.lead_image_caption:
            return self.lead_image_alt or self.lead_image_caption
        return self.lead_image.default_alt_text if self.lead_image else ""

    @property
    def is_opinion(self):
        return self.article_type == ArticleType.OPINION

    def authors(self):
        """The byline's authors in order, with their photos, in two queries."""
        links = self.article_authors.select_related("author__photo").prefetch_related(
            "author__photo__renditions"
        )
        return [link.author for link in links]

    def get_context(self, request, *args, **kwargs):
        from masthead.news import teasers

        context = super().get_context(request, *args, **kwargs)
        context.update(
            section=teasers.section_of(self),
            authors=self.authors(),
            read_next=teasers.read_next(self),
            **teasers.rails(self.locale_id),
        )
        return context


class ArticleAuthor(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey("news.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("article", "author")]


class NoteKind(models.TextChoices):
    # Shown to readers at the foot of the story, before the note's time.
    CORRECTION = "correction", pgettext_lazy("note at the foot of a story", "Correction")
    UPDATE = "update", pgettext_lazy("note at the foot of a story", "Update")


class ArticleNote(Orderable):
    """A correction or update note, shown at the foot of the story with its time."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=NoteKind.choices, default=NoteKind.UPDATE)
    text = models.TextField(help_text="What changed, in a sentence or two.")
    noted_at = models.DateTimeField(default=timezone.now)

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("noted_at")]

    class Meta(Orderable.Meta):
        verbose_name = "correction or update"
