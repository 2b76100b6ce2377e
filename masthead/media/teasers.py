"""The queries behind lists of videos: a series, an episode's neighbours, "More videos"
(a video section mixes videos and stories: media/mixed.py). Like `news/teasers.py`, each
runs a fixed number of queries however many videos the archive holds, and starts from
the one definition of published.
"""

import json

from django.utils.html import strip_tags
from wagtail.models import Page

from masthead.media.models import SeriesPage, VideoPage
from masthead.news.models import SectionPage


def published(locale_id=None):
    videos = VideoPage.objects.published()
    if locale_id is not None:
        videos = videos.filter(locale_id=locale_id)
    return videos


def as_teasers(videos):
    """What a video teaser needs: no transcript, the poster and its renditions."""
    return (
        videos.defer("transcript")
        .select_related("poster")
        .prefetch_related("poster__renditions")
        .order_by("-published_at", "-pk")
    )


def series_in(section, *, limit=12):
    """Series filed anywhere under a video section, with their artwork, in tree order."""
    return list(
        SeriesPage.objects.live()
        .public()
        .descendant_of(section)
        .select_related("artwork")
        .prefetch_related("artwork__renditions")
        .order_by("path")[:limit]
    )


def episodes(series):
    """A series' published episodes in order: by episode number, then by date."""
    return list(
        as_teasers(published().child_of(series)).order_by("episode_number", "published_at", "pk")
    )


def series_of(video):
    parent_path = video.path[: -Page.steplen]
    return SeriesPage.objects.filter(path=parent_path).select_related("artwork").first()


def parent_section(page):
    return SectionPage.objects.filter(path=page.path[: -Page.steplen]).first()


def neighbours(video):
    """(previous, next) published episodes of the video's series, either may be None."""
    siblings = (
        published()
        .filter(path__startswith=video.path[: -Page.steplen], depth=video.depth)
        .exclude(pk=video.pk)
    )
    number = video.episode_number
    if number is None:
        earlier = siblings.filter(published_at__lt=video.published_at)
        later = siblings.filter(published_at__gt=video.published_at)
        previous = earlier.order_by("-published_at").first()
        following = later.order_by("published_at").first()
    else:
        previous = siblings.filter(episode_number__lt=number).order_by("-episode_number").first()
        following = siblings.filter(episode_number__gt=number).order_by("episode_number").first()
    return previous, following


def more_videos(video, *, series=None, limit=4):
    """The newest other videos from the same section (for an episode, its series' section)."""
    section_path = (series or video).path[: -Page.steplen]
    videos = published(video.locale_id).filter(path__startswith=section_path)
    return list(as_teasers(videos.exclude(pk=video.pk))[:limit])


def video_object(video, request):
    """schema.org VideoObject for the page's JSON-LD, as a string safe inside <script>."""
    from masthead.core.models import SiteSettings

    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": video.title,
        "description": video.search_description or video.standfirst,
        "uploadDate": video.published_at.isoformat() if video.published_at else None,
        "url": request.build_absolute_uri(video.get_url(request)),
    }
    if video.poster:
        rendition = video.poster.get_rendition("fill-1280x720-c100")
        data["thumbnailUrl"] = [request.build_absolute_uri(rendition.url)]
    if video.duration:
        data["duration"] = video.iso_duration
    if video.video_file:
        data["contentUrl"] = request.build_absolute_uri(video.video_file.file.url)
    elif video.embed:
        data["embedUrl"] = video.embed.player_url.split("?")[0]
    # The same cached settings the page's header reads: no extra query.
    name = SiteSettings.for_request(request).site_name
    if name:
        data["publisher"] = {"@type": "NewsMediaOrganization", "name": name}
    if video.transcript:
        data["transcript"] = strip_tags(video.transcript)
    text = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    # Inside <script>, "</" or "<!--" in a title must not end the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
