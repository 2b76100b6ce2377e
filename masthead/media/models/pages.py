"""What galleries and infographs share with articles: a standfirst, a byline, a
publication time that obeys the embargo, and the same idea of "published".

`news.models.embargo` is the one definition of "a reader may see this now" (live, public,
its time has come): visual pages carry a `published_at` and take its queryset and mixin.
"""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page, PageManager

from masthead.news.forms import EditionPageForm
from masthead.news.models.embargo import EmbargoedPage, PublishedQuerySet
from masthead.search.indexing import FoldedSearchText

VisualPageManager = PageManager.from_queryset(PublishedQuerySet)


class VisualPage(FoldedSearchText, EmbargoedPage, Page):
    """Abstract: a page told mainly in pictures, filed in a section like a story."""

    base_form_class = EditionPageForm

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
        self.stamp_publication_time()
        return super().save(*args, **kwargs)

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
