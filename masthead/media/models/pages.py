"""What galleries and infographs share with articles: a standfirst, a byline, a
publication time that obeys the embargo, and the same idea of "published".

`ArticleQuerySet.published()` is the one definition of "a reader may see this now" (live,
public, its time has come). It reads only Wagtail's fields and `published_at`, so visual
pages carry a `published_at` too and use that very queryset instead of a copy of it.
"""

from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page, PageManager

from masthead.news.models.articles import ArticleQuerySet

VisualPageManager = PageManager.from_queryset(ArticleQuerySet)


class VisualPage(Page):
    """Abstract: a page told mainly in pictures, filed in a section like a story."""

    standfirst = models.TextField(
        help_text="The summary under the headline: one or two sentences.", max_length=600
    )
    regions = ParentalManyToManyField("news.Region", blank=True, related_name="%(class)ss")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Shown as the publication time. Set on first publication when left empty.",
    )

    objects = VisualPageManager()

    # Concrete pages add `page_authors` (an orderable) and `tags`; these panels name them.
    metadata_panels = [
        InlinePanel("page_authors", label="Authors", help_text="None: a house byline."),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("published_at"),
    ]

    parent_page_types = ["news.SectionPage"]
    subpage_types = []

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    def is_published(self):
        return self.published_at is not None and self.published_at <= timezone.now()

    def serve(self, request, *args, **kwargs):
        # Under embargo the page is not there yet for readers (previews still work).
        if not self.is_published() and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def authors(self):
        links = self.page_authors.select_related("author")
        return [link.author for link in links]

    def get_context(self, request, *args, **kwargs):
        from masthead.news import teasers

        context = super().get_context(request, *args, **kwargs)
        context.update(section=teasers.section_of(self), authors=self.authors())
        return context

    def structured_authors(self, authors):
        return [{"@type": "Person", "name": author.name} for author in authors]
