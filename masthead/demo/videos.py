"""The demo's videos (fixtures/videos.toml): films in each Videos subsection and two
series with their episodes.

Videos marked `clip` are uploaded files when the demo may make clips: a few seconds of
moving test pattern with a tone, drawn locally by ffmpeg (nothing is downloaded), with
WebVTT captions. Without ffmpeg, or with clips off (the test suite's default), they link
to their platform like the rest, which readers' browsers contact only on a click.
"""

import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.text import slugify

from masthead.demo import text, world
from masthead.media.models import SeriesPage, VideoAuthor, VideoFile, VideoPage

CLIP_SECONDS = 6
# One lavfi source per clip, so the demo's films do not all look alike.
PATTERNS = ["testsrc2", "smptehdbars", "rgbtestsrc", "testsrc"]


def ffmpeg():
    return shutil.which("ffmpeg")


def make_clip(index, folder):
    """A short H.264/AAC MP4 drawn by ffmpeg; returns its bytes, or None if ffmpeg failed."""
    path = Path(folder) / f"clip-{index}.mp4"
    pattern = PATTERNS[index % len(PATTERNS)]
    command = [
        ffmpeg(),
        "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"{pattern}=size=640x360:rate=25:duration={CLIP_SECONDS}",
        "-f", "lavfi", "-i", f"sine=frequency={330 + 55 * index}:duration={CLIP_SECONDS}",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "64k", "-shortest", "-movflags", "+faststart",
        str(path),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, timeout=60, capture_output=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return path.read_bytes()


def captions_for(title, standfirst):
    half = CLIP_SECONDS // 2
    return (
        "WEBVTT\n\n"
        f"00:00.000 --> 00:0{half}.000\n{title}\n\n"
        f"00:0{half}.000 --> 00:0{CLIP_SECONDS}.000\n{standfirst}\n"
    )


class VideoWriter:
    def __init__(self, room, *, clips):
        self.room = room
        self.clips = clips and ffmpeg() is not None
        self.folder = None
        self.count = 0
        self.uploads = 0
        self.desk_authors = {}

    def film(self, spec):
        """A VideoFile for a `clip` spec when clips are on, else None (use the embed)."""
        if not self.clips:
            return None
        data = make_clip(self.uploads, self.folder)
        if data is None:
            return None
        self.uploads += 1
        film = VideoFile(
            title=spec["title"],
            file=ContentFile(data, name=f"demo-{slugify(spec['title'])[:40]}.mp4"),
            captions=ContentFile(
                captions_for(spec["title"], spec["standfirst"]).encode(), name="captions.vtt"
            ),
        )
        film.save()
        return film

    def authors_for(self, desk):
        slugs = [a[1] for a in world.AUTHORS if desk in a[4]][:1]
        return [self.room.authors[slug] for slug in slugs if slug in self.room.authors]

    def video(self, parent, spec, *, desk, published, clip, episode=None):
        self.count += 1
        film = self.film(spec) if clip else None
        page = video_page(
            spec,
            film=film,
            poster=self.room.pool[(self.count * 7) % len(self.room.pool)],
            published=published,
            owner=self.room.user,
            authors=self.authors_for(desk),
            regions=[self.room.regions[slug] for slug in spec.get("regions", [])],
            episode=episode,
        )
        parent.add_child(instance=page)
        return page

    def write(self):
        fixture = text.fixture("videos")
        now = self.room.now
        written = []
        with tempfile.TemporaryDirectory(prefix="masthead-clips-") as folder:
            self.folder = folder
            for spec in fixture["videos"]:
                section = self.room.sections[spec["desk"]]
                published = now - timedelta(hours=spec["hours_ago"])
                written.append(
                    self.video(
                        section,
                        spec,
                        desk=spec["desk"],
                        published=published,
                        clip=spec.get("clip", False),
                    )
                )
            for spec in fixture["series"]:
                written += self.series(spec, now=now)
        return written

    def series(self, spec, *, now):
        section = self.room.sections[spec["desk"]]
        series = SeriesPage(
            title=spec["title"],
            slug=spec["slug"],
            description=f"<p>{spec['description']}</p>",
            artwork=self.room.pool[len(spec["title"]) % len(self.room.pool)],
            live=True,
            first_published_at=now - timedelta(days=40),
            last_published_at=now - timedelta(days=40),
            owner=self.room.user,
        )
        section.add_child(instance=series)
        pages = [series]
        episodes = spec["episodes"]
        for number, episode in enumerate(episodes, start=1):
            # A weekly programme: the latest episode went out a few days ago.
            published = now - timedelta(days=7 * (len(episodes) - number) + 2)
            pages.append(
                self.video(
                    series,
                    episode,
                    desk=spec["desk"],
                    published=published,
                    clip=spec.get("clip", False),
                    episode=number,
                )
            )
        return pages


def video_page(spec, *, film, poster, published, owner, authors, regions, episode=None):
    """A live VideoPage from its spec (title, standfirst, embed, duration, transcript, tags,
    optional slug), not yet in the tree: an uploaded `film`, else the spec's embed."""
    transcript = "".join(f"<p>{line}</p>" for line in spec.get("transcript", []))
    page = VideoPage(
        title=spec["title"],
        slug=spec.get("slug") or slugify(spec["title"])[:80],
        standfirst=spec["standfirst"],
        video_file=film,
        embed_url="" if film else spec["embed"],
        # An upload's running time comes from its file; an embed's from the fixture.
        duration=None if film else spec["duration"],
        poster=poster,
        transcript=transcript,
        episode_number=episode,
        published_at=published,
        first_published_at=published,
        last_published_at=published,
        live=True,
        owner=owner,
        regions=regions,
        video_authors=[
            VideoAuthor(author=author, sort_order=i) for i, author in enumerate(authors)
        ],
    )
    page.tags.add(*spec.get("tags", []))
    return page


def write_videos(room, *, clips):
    """Write the demo's videos and series; returns (pages, how many are uploaded files)."""
    writer = VideoWriter(room, clips=clips)
    pages = writer.write()
    return pages, writer.uploads
