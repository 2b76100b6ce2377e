"""Infographs: one large (often very tall) graphic, a written description that carries
the same information for screen readers and search, and optionally the data behind it."""

from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Orderable, Page
from wagtail.search import index

from masthead.media.models.pages import VisualPage
from masthead.search.indexing import page_search_fields

MIN_DESCRIPTION = 200
# File types a reader can open without special software, and how to name them.
DATA_FORMATS = {
    "csv": ("CSV", "text/csv"),
    "xlsx": (
        gettext_lazy("Excel spreadsheet"),  # shown beside the download link
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "json": ("JSON", "application/json"),
}


class InfographTag(TaggedItemBase):
    content_object = ParentalKey(
        "media.InfographPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InfographPage(VisualPage):
    image = models.ForeignKey(
        "media.NewsImage",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The graphic at full resolution; tall graphics are fine.",
    )
    description = models.TextField(
        validators=[MinLengthValidator(MIN_DESCRIPTION)],
        help_text=(
            f"Required, at least {MIN_DESCRIPTION} characters: everything the graphic shows, "
            "in words, for readers who cannot see it and for search. Blank lines start new "
            "paragraphs."
        ),
    )
    data_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="source data",
        help_text="Optional: the figures behind the graphic, as CSV, XLSX or JSON.",
    )
    tags = ClusterTaggableManager(through=InfographTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("description"), FieldPanel("data_file")],
            heading="Graphic",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Infograph"),
            ObjectList(VisualPage.metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    # What readers' search matches: docs/search.md.
    search_fields = page_search_fields(
        index.SearchField("description"),
        index.FilterField("published_at"),
        byline=index.RelatedFields(
            "page_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
    )

    page_description = "Infograph: one large graphic, its full description and its data."

    class Meta:
        verbose_name = "infograph"

    def clean(self):
        super().clean()
        if self.data_file_id and self.data_file.file_extension.lower() not in DATA_FORMATS:
            names = ", ".join(name.upper() for name in DATA_FORMATS)
            raise ValidationError({"data_file": f"Source data must be one of: {names}."})

    def search_text(self):
        return self.description

    def description_paragraphs(self):
        return [part.strip() for part in self.description.split("\n\n") if part.strip()]

    def data_format(self):
        """(label, media type) of the source data file, or None."""
        if not self.data_file:
            return None
        return DATA_FORMATS.get(self.data_file.file_extension.lower())

    def data_file_size(self):
        return self.data_file.get_file_size() if self.data_file else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context

    def structured_data(self, request):
        """schema.org ImageObject with the written description, and the data it is from."""
        data = {
            "@context": "https://schema.org",
            "@type": "ImageObject",
            "name": self.title,
            "abstract": self.standfirst,
            "description": self.description,
            "url": request.build_absolute_uri(self.url),
        }
        if self.image:
            data.update(
                contentUrl=request.build_absolute_uri(self.image.file.url),
                width=self.image.width,
                height=self.image.height,
            )
            if self.image.credit:
                data["creditText"] = self.image.credit
        if self.published_at:
            data["datePublished"] = self.published_at.isoformat()
        authors = self.structured_authors(self.authors())
        if authors:
            data["author"] = authors
        if self.data_file:
            label, media_type = self.data_format() or ("", "")
            data["isBasedOn"] = {
                "@type": "Dataset",
                "name": self.data_file.title,
                "distribution": {
                    "@type": "DataDownload",
                    "contentUrl": request.build_absolute_uri(self.data_file.url),
                    "encodingFormat": media_type,
                },
            }
        return data


class InfographAuthor(Orderable):
    page = ParentalKey(InfographPage, on_delete=models.CASCADE, related_name="page_authors")
    author = models.ForeignKey("news.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]
