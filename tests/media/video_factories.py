"""Videos, series and video sections for tests, built like `tests/factories.py` builds
stories: real tree positions through `add_child`, no search or reference indexing."""

from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.text import slugify

from masthead.media.models import (
    SeriesPage,
    VideoAuthor,
    VideoFile,
    VideoPage,
    VideoSectionPage,
)
from tests import factories

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "video"
YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nA test caption.\n"


def fixture_bytes(name):
    return (FIXTURES / name).read_bytes()


def video_upload(name="tiny.mp4", data=None):
    return ContentFile(fixture_bytes(name) if data is None else data, name=name)


def make_video_file(name="tiny.mp4", *, title="A film", captions=None):
    """An uploaded video (from tests/fixtures/video), with captions when given."""
    video_file = VideoFile(title=title, file=video_upload(name))
    if captions:
        video_file.captions = ContentFile(captions, name="captions.vtt")
    video_file.full_clean()
    video_file.save()
    return video_file


def make_video_section(parent=None, title=None, *, slug=None, intro="Films and clips."):
    parent = parent or factories.home_page()
    title = title or f"Video section {factories._next()}"
    section = VideoSectionPage(
        title=title, slug=slug or slugify(title), intro=intro, show_in_menus=True, live=True
    )
    with factories.without_indexing():
        parent.add_child(instance=section)
    return section


def make_series(section, title=None, *, slug=None, artwork=None, description=None):
    title = title or f"Series {factories._next()}"
    series = SeriesPage(
        title=title,
        slug=slug or slugify(title),
        description=description or "<p>A series about testing.</p>",
        artwork=artwork,
        live=True,
    )
    with factories.without_indexing():
        section.add_child(instance=series)
    return series


def make_video(
    parent,
    title=None,
    *,
    slug=None,
    standfirst="A short film about what happened.",
    embed_url=YOUTUBE,
    video_file=None,
    poster=None,
    transcript="",
    duration=None,
    episode_number=None,
    authors=(),
    tags=(),
    regions=(),
    published_at=None,
    live=True,
):
    """A video under a video section or series: an embed unless `video_file` (a
    VideoFile) is given."""
    title = title or f"Video number {factories._next()}"
    video = VideoPage(
        title=title,
        slug=slug or slugify(title),
        standfirst=standfirst,
        embed_url="" if video_file else embed_url,
        video_file=video_file,
        poster=poster,
        transcript=transcript,
        duration=duration,
        episode_number=episode_number,
        published_at=published_at,
        live=live,
        first_published_at=published_at if live else None,
    )
    video.regions = list(regions)
    for order, author in enumerate(authors):
        video.video_authors.add(VideoAuthor(author=author, sort_order=order))
    if tags:
        video.tags.add(*tags)
    with factories.without_indexing():
        parent.add_child(instance=video)
    return video
