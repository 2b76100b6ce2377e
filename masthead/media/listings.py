"""The queries behind lists of galleries and infographs, the way news/teasers.py builds
lists of stories: each list costs a fixed number of queries however large the archive.

A gallery's card shows its cover (the first photo) and how many photos it holds. Both come
from subqueries of the one gallery query; the covers' images and renditions then take one
query each, for the whole list.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page

from masthead.core.pagination import paginate
from masthead.media.models import GalleryPage, GalleryPhoto, InfographPage, NewsImage

PER_PAGE = 24


def published_galleries(locale_id=None):
    galleries = GalleryPage.objects.published()
    if locale_id is not None:
        galleries = galleries.filter(locale_id=locale_id)
    return galleries


def published_infographs(locale_id=None):
    infographs = InfographPage.objects.published()
    if locale_id is not None:
        infographs = infographs.filter(locale_id=locale_id)
    return infographs


def gallery_teasers(galleries):
    """Galleries with `photo_count` and `cover_id` (the first photo's image), newest first."""
    photos = GalleryPhoto.objects.filter(page=OuterRef("pk"))
    counted = photos.order_by().values("page").annotate(n=Count("pk")).values("n")
    first = photos.order_by("sort_order", "pk").values("image_id")[:1]
    return galleries.annotate(
        photo_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0),
        cover_id=Subquery(first),
    ).order_by("-published_at", "-pk")


def with_covers(galleries):
    """Set `gallery.cover` on each gallery of a list: two queries for any number."""
    galleries = list(galleries)
    ids = {gallery.cover_id for gallery in galleries if gallery.cover_id}
    images = NewsImage.objects.prefetch_related("renditions").in_bulk(ids) if ids else {}
    for gallery in galleries:
        gallery.cover = images.get(gallery.cover_id)
    return galleries


def infograph_teasers(infographs):
    return (
        infographs.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-published_at", "-pk")
    )


def visual_kinds(section):
    """Which visual page types live under `section` ({"gallery", "infograph"}): one query.

    A section page asks this to know whether it lists galleries or infographs besides its
    stories; ordinary sections get an empty set back and build nothing more.
    """
    types = ContentType.objects.get_for_models(GalleryPage, InfographPage)
    by_id = {types[GalleryPage].pk: "gallery", types[InfographPage].pk: "infograph"}
    found = (
        Page.objects.descendant_of(section)
        .live()
        .filter(content_type_id__in=list(by_id))
        .order_by()
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    return {by_id[pk] for pk in found}


def for_section(request, section):
    """The section page's galleries and infographs, paginated like its stories."""
    kinds = visual_kinds(section)
    context = {}
    if "gallery" in kinds:
        galleries = gallery_teasers(published_galleries(section.locale_id).descendant_of(section))
        page_obj = paginate(request, galleries, per_page=PER_PAGE)
        page_obj.object_list = with_covers(page_obj.object_list)
        context["galleries"] = page_obj
    if "infograph" in kinds:
        infographs = infograph_teasers(
            published_infographs(section.locale_id).descendant_of(section)
        )
        context["infographs"] = paginate(request, infographs, per_page=PER_PAGE)
    return context
