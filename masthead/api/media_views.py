"""Videos, galleries and infographs in the app API.

Each list starts from the same published querysets as the reader's listings
(`media/teasers.py`, `media/listings.py`), so an item under embargo stays out of the API
until its time; each runs a fixed number of queries however large the archive.
"""

from masthead.api.http import api_view, bad_parameter, json_response, not_found
from masthead.api.serializers import (
    WHOLE_SPECS,
    absolute,
    image_data,
    iso,
    names,
    page_link,
    page_url,
    people,
    section_data,
)
from masthead.api.views import (
    _edition,
    cursor_page,
    filtered,
    latest,
    newest,
    page_limit,
    whole_number,
)
from masthead.media import listings
from masthead.media import teasers as video_teasers
from masthead.media.models import SeriesPage
from masthead.news import teasers

# Seconds a client or cache may reuse each resource (docs/api.md).
MAX_AGE = {"list": 60, "detail": 60}


def _listed(request, key, items, next_url, code, item_data, max_age):
    data = {"edition": code, key: [item_data(request, item) for item in items], "next": next_url}
    return json_response(request, data, max_age=max_age, last_modified=newest(items))


def _one(queryset, item_id, kind):
    item = queryset.filter(pk=item_id).select_related("locale").first()
    if item is None:
        raise not_found(f"No published {kind} {item_id}.")
    return item


def _common(request, page, section):
    """What every video, gallery and infograph has besides its own media."""
    return {
        "edition": page.locale.language_code,
        "section": section_data(request, section),
        "authors": people(request, page.authors()),
        "tags": names(page.tags.all()),
        "regions": names(page.regions.all()),
    }


# -- videos -------------------------------------------------------------------------------


def video_teaser(request, video):
    return {
        **page_link(request, video, "video"),
        "standfirst": video.standfirst,
        "published_at": iso(video.published_at),
        "duration": video.duration,
        "poster": image_data(request, video.poster),
    }


def video_media(request, video):
    """How to play it: the uploaded file and its captions, or the platform's player."""
    upload, embed = video.video_file, video.embed
    sources, captions = [], []
    if upload is not None:
        sources.append({"url": absolute(request, upload.file.url), "type": upload.video_type})
        if upload.captions:
            captions.append(
                {
                    "url": absolute(request, upload.captions.url),
                    "language": video.locale.language_code,
                    "kind": "subtitles",
                }
            )
    return {
        "sources": sources,
        "captions": captions,
        "embed": None
        if embed is None
        else {"provider": embed.provider, "player_url": embed.player_url, "url": video.embed_url},
    }


@api_view
def videos(request):
    code, home = _edition(request)
    found = filtered(request, home, video_teasers.published(home.locale_id))
    series_id = whole_number(request, "series", "a series id")
    if series_id is not None:
        found = found.filter(path__startswith=_series_path(series_id, home))
    page, next_url = cursor_page(request, video_teasers.as_teasers(found), page_limit(request))
    return _listed(request, "videos", page, next_url, code, video_teaser, MAX_AGE["list"])


def _series_path(series_id, home):
    found = SeriesPage.objects.filter(pk=series_id).descendant_of(home).first()
    if found is None:
        raise bad_parameter("series", f"no series {series_id} in this edition.")
    return found.path


@api_view
def video(request, video_id):
    item = _one(
        video_teasers.published().select_related("poster", "video_file"),
        video_id,
        "video",
    )
    series = video_teasers.series_of(item)
    data = {
        **video_teaser(request, item),
        # An episode's section is its series' parent, as on the reader page.
        **_common(request, item, video_teasers.parent_section(series or item)),
        "episode_number": item.episode_number,
        "series": None
        if series is None
        else {"id": series.pk, "title": series.title, "url": page_url(request, series)},
        "transcript_html": item.transcript,
        **video_media(request, item),
    }
    return detail_response(request, data, item)


def detail_response(request, data, item):
    """One video, gallery or infograph: changed when it was last published."""
    modified = latest(item.published_at, item.last_published_at)
    return json_response(request, data, max_age=MAX_AGE["detail"], last_modified=modified)


# -- galleries ------------------------------------------------------------------------------


def gallery_teaser(request, gallery):
    return {
        **page_link(request, gallery, "gallery"),
        "standfirst": gallery.standfirst,
        "published_at": iso(gallery.published_at),
        "photo_count": gallery.photo_count,
        "cover": image_data(request, gallery.cover),
    }


@api_view
def galleries(request):
    code, home = _edition(request)
    found = filtered(request, home, listings.published_galleries(home.locale_id))
    page, next_url = cursor_page(request, listings.gallery_teasers(found), page_limit(request))
    page = listings.with_covers(page)
    return _listed(request, "galleries", page, next_url, code, gallery_teaser, MAX_AGE["list"])


@api_view
def gallery(request, gallery_id):
    found = listings.gallery_teasers(listings.published_galleries())
    item = _one(found, gallery_id, "gallery")
    listings.with_covers([item])
    photos = item.photo_list()
    data = {
        **gallery_teaser(request, item),
        **_common(request, item, teasers.section_of(item)),
        "photos": [
            {
                "position": number,
                **image_data(
                    request,
                    photo.image,
                    caption=photo.caption_text,
                    credit=photo.credit_text,
                    specs=WHOLE_SPECS,
                ),
            }
            for number, photo in enumerate(photos, start=1)
        ],
    }
    return detail_response(request, data, item)


# -- infographs -----------------------------------------------------------------------------


def infograph_teaser(request, infograph):
    return {
        **page_link(request, infograph, "infograph"),
        "standfirst": infograph.standfirst,
        "published_at": iso(infograph.published_at),
        "image": image_data(request, infograph.image, specs=WHOLE_SPECS),
    }


def download(request, infograph):
    """The figures behind the graphic, when the desk attached them."""
    document = infograph.data_file
    if document is None:
        return None
    label, media_type = infograph.data_format() or ("", "")
    return {
        "title": document.title,
        "url": absolute(request, document.url),
        "format": label,
        "media_type": media_type,
        "size": infograph.data_file_size(),
    }


@api_view
def infographs(request):
    code, home = _edition(request)
    found = filtered(request, home, listings.published_infographs(home.locale_id))
    page, next_url = cursor_page(request, listings.infograph_teasers(found), page_limit(request))
    return _listed(request, "infographs", page, next_url, code, infograph_teaser, MAX_AGE["list"])


@api_view
def infograph(request, infograph_id):
    found = listings.infograph_teasers(listings.published_infographs()).select_related("data_file")
    item = _one(found, infograph_id, "infograph")
    original = item.image
    data = {
        **infograph_teaser(request, item),
        **_common(request, item, teasers.section_of(item)),
        "description": item.description,
        "description_paragraphs": item.description_paragraphs(),
        "original": None
        if original is None
        else {
            "url": absolute(request, original.file.url),
            "width": original.width,
            "height": original.height,
        },
        "download": download(request, item),
    }
    return detail_response(request, data, item)
