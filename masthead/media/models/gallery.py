"""In Pictures: a gallery of 3 to 100 photos, each with its caption and credit, in the
order editors give them. The first photo is the cover on listings."""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.models import Orderable, Page
from wagtail.search import index

from masthead.media.models.pages import VisualPage
from masthead.news.forms import EditionPageForm
from masthead.search.indexing import page_search_fields

MIN_PHOTOS, MAX_PHOTOS = 3, 100
# What the viewer opens: large enough for a desktop screen, far smaller than an original.
FULL_SIZE = "max-2000x2000"


class GalleryPageForm(EditionPageForm):
    """Say plainly what is wrong with the number of photos (Django's default speaks of
    "forms", which means nothing to an editor)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        photos = self.formsets.get("photos")
        if photos is not None:
            photos.error_messages = {
                **photos.error_messages,
                "too_few_forms": (
                    f"A gallery needs at least {MIN_PHOTOS} photos. Add photos until there "
                    f"are {MIN_PHOTOS} or more."
                ),
                "too_many_forms": (
                    f"A gallery can hold at most {MAX_PHOTOS} photos. Remove some, or split "
                    "the set into two galleries."
                ),
            }


class GalleryTag(TaggedItemBase):
    content_object = ParentalKey(
        "media.GalleryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class GalleryPage(VisualPage):
    tags = ClusterTaggableManager(through=GalleryTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel(
            "photos",
            label="Photos",
            min_num=MIN_PHOTOS,
            max_num=MAX_PHOTOS,
            help_text=(
                f"{MIN_PHOTOS} to {MAX_PHOTOS} photos, in reading order; the first is the "
                "cover. Caption and credit come from the image unless you fill them here."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Gallery"),
            ObjectList(VisualPage.metadata_panels, heading="Metadata"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = GalleryPageForm

    # What readers' search matches: the captions as readers see them (the gallery's own,
    # else the image's). docs/search.md.
    search_fields = page_search_fields(
        index.RelatedFields(
            "photos",
            [
                index.SearchField("caption"),
                index.RelatedFields("image", [index.SearchField("caption")]),
            ],
        ),
        index.FilterField("published_at"),
        byline=index.RelatedFields(
            "page_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
    )

    page_description = "In Pictures: 3 to 100 photos with captions and credits, in order."

    class Meta:
        verbose_name = "gallery"
        verbose_name_plural = "galleries"

    def search_text(self):
        photos = self.photos.select_related("image")
        return " ".join(photo.caption_text for photo in photos)

    def photo_list(self):
        """The photos in order, each with its image and that image's renditions: two
        queries however many photos the gallery holds."""
        return list(self.photos.select_related("image").prefetch_related("image__renditions"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        photos = self.photo_list()
        context.update(photos=photos, structured_data=self.structured_data(request, photos))
        return context

    def structured_data(self, request, photos):
        """schema.org ImageGallery: the photos as ImageObjects, in order."""
        media = []
        for number, photo in enumerate(photos, start=1):
            full = photo.image.get_rendition(FULL_SIZE)
            item = {
                "@type": "ImageObject",
                "position": number,
                "contentUrl": request.build_absolute_uri(full.url),
                "width": full.width,
                "height": full.height,
            }
            if photo.caption_text:
                item["caption"] = photo.caption_text
            if photo.credit_text:
                item["creditText"] = photo.credit_text
            media.append(item)
        data = {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": self.title,
            "description": self.standfirst,
            "url": request.build_absolute_uri(self.url),
            "numberOfItems": len(media),
            "associatedMedia": media,
        }
        if self.published_at:
            data["datePublished"] = self.published_at.isoformat()
        authors = self.structured_authors(self.authors())
        if authors:
            data["author"] = authors
        return data


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("media.NewsImage", on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(
        max_length=500, blank=True, help_text="Leave empty to use the image's own caption."
    )
    credit = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to use the image's own credit."
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = "photo"

    @property
    def caption_text(self):
        return self.caption or self.image.caption

    @property
    def credit_text(self):
        return self.credit or self.image.credit


class GalleryAuthor(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="page_authors")
    author = models.ForeignKey("news.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "author")]
