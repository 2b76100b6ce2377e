"""The newsroom's taxonomies: regions, authors and coverage topics.

They are snippets rather than pages: editors manage them as lists, and each one gets its
reader page from the edition's home (`/en/regions/<slug>/` and so on). Regions and
coverage topics are translatable so each edition names them in its own language.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class Region(TranslatableMixin, models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, allow_unicode=True)
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Regions are listed in this order, lowest first."
    )
    # The API's Last-Modified for lists of regions (masthead/api/topics.py).
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]

    def __str__(self):
        return self.name


class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    role = models.CharField(max_length=120, blank=True, help_text="e.g. 'Political editor'.")
    bio = models.TextField(blank=True, help_text="Two or three sentences, shown on opinion pieces.")
    photo = models.ForeignKey(
        "media.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    social_handle = models.CharField(
        max_length=60, blank=True, help_text="Handle on X without the @, e.g. 'jdoe'."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("social_handle"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def social_url(self):
        return f"https://x.com/{self.social_handle}" if self.social_handle else ""


class Coverage(TranslatableMixin, ClusterableModel):
    """A running story (a war, an election) that groups articles under one dossier."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, allow_unicode=True)
    description = models.TextField(blank=True)
    active = models.BooleanField(
        default=True, help_text="Active topics get a tab in the Coverage block on reader pages."
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    # The API's Last-Modified for lists of topics (masthead/api/topics.py); editing the
    # pins saves the topic too.
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
        InlinePanel("pins", label="Pinned articles", help_text="Shown first, in this order."),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "title"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]
        verbose_name = "coverage topic"

    def __str__(self):
        return self.title


class CoveragePin(Orderable):
    coverage = ParentalKey(Coverage, on_delete=models.CASCADE, related_name="pins")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        unique_together = [("coverage", "article")]
