"""Galleries and infographs for tests, built like tests/factories.py builds stories."""

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents.models import Document

from masthead.media.models import (
    GalleryAuthor,
    GalleryPage,
    GalleryPhoto,
    InfographAuthor,
    InfographPage,
)
from tests import factories

DESCRIPTION = (
    "A bar chart of weekly rainfall at five weather stations over one year. The coastal "
    "station is wettest in every month, with a peak of 120 millimetres in November; the "
    "inland stations stay under 60 millimetres except during the spring storms in April."
)


def make_gallery(
    section,
    title=None,
    *,
    photos=3,
    images=None,
    captions=None,
    credits=None,
    slug=None,
    standfirst="Pictures from a week on the road.",
    authors=(),
    tags=(),
    regions=(),
    published_at=None,
    live=True,
):
    """A gallery of `photos` pictures (or of `images`), each with its own caption/credit
    override when `captions` / `credits` give one."""
    title = title or f"Gallery {factories._next()}"
    if images is None:
        images = [factories.make_image(caption=f"Image caption {i + 1}") for i in range(photos)]
    captions = captions or [""] * len(images)
    credits = credits or [""] * len(images)
    gallery = GalleryPage(
        title=title,
        slug=slug or slugify(title),
        standfirst=standfirst,
        published_at=published_at,
        live=live,
        first_published_at=published_at if live else None,
    )
    for order, (image, caption, credit) in enumerate(zip(images, captions, credits, strict=True)):
        photo = GalleryPhoto(image=image, caption=caption, credit=credit, sort_order=order)
        gallery.photos.add(photo)
    gallery.regions = list(regions)
    for order, author in enumerate(authors):
        gallery.page_authors.add(GalleryAuthor(author=author, sort_order=order))
    if tags:
        gallery.tags.add(*tags)
    with factories.without_indexing():
        section.add_child(instance=gallery)
    return gallery


def make_document(name="rainfall.csv", content=b"station,month,mm\nCoast,Nov,120\n"):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


def make_infograph(
    section,
    title=None,
    *,
    slug=None,
    image=None,
    description=DESCRIPTION,
    data_file=None,
    standfirst="A year of rain at five stations, in one chart.",
    authors=(),
    tags=(),
    regions=(),
    published_at=None,
    live=True,
):
    title = title or f"Infograph {factories._next()}"
    infograph = InfographPage(
        title=title,
        slug=slug or slugify(title),
        standfirst=standfirst,
        image=image or factories.make_image(credit="Data desk", size=(40, 160)),
        description=description,
        data_file=data_file,
        published_at=published_at,
        live=live,
        first_published_at=published_at if live else None,
    )
    infograph.regions = list(regions)
    for order, author in enumerate(authors):
        infograph.page_authors.add(InfographAuthor(author=author, sort_order=order))
    if tags:
        infograph.tags.add(*tags)
    with factories.without_indexing():
        section.add_child(instance=infograph)
    return infograph
