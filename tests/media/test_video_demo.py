"""The demo's clips: drawn by ffmpeg where it is installed (never in CI's requirements)."""

import shutil

import pytest
from django.core.files.base import ContentFile

from masthead.demo import videos
from masthead.media.models import VideoFile


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
@pytest.mark.django_db
def test_a_demo_clip_is_a_valid_upload_with_captions(tmp_path):
    data = videos.make_clip(0, tmp_path)
    assert data[4:8] == b"ftyp"
    film = VideoFile(
        title="Clip",
        file=ContentFile(data, name="clip.mp4"),
        captions=ContentFile(videos.captions_for("A title", "A line").encode(), name="c.vtt"),
    )
    film.full_clean()
    film.save()
    assert (film.video_type, film.duration) == ("video/mp4", videos.CLIP_SECONDS)


def test_captions_for_a_clip_are_webvtt():
    captions = videos.captions_for("Title", "Standfirst")
    assert captions.startswith("WEBVTT\n\n00:00.000 --> 00:03.000\nTitle")
