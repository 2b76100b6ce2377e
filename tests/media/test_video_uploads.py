"""What editors may upload or link as a video, and the answers they get when it is wrong."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from masthead.media import embeds
from masthead.media import video_uploads as uploads
from masthead.media.models import VideoFile, VideoPage
from tests.conftest import parse, text_of
from tests.media import video_factories
from tests.newsroom.test_roles import form_fields

NOT_A_VIDEO = "not an MP4 or WebM video"


def upload(name, data, content_type="video/mp4"):
    return SimpleUploadedFile(name, data, content_type=content_type)


class TestVideoFiles:
    def test_mp4_and_webm_pass_by_their_contents(self):
        uploads.validate_video_file(upload("clip.mp4", video_factories.fixture_bytes("tiny.mp4")))
        uploads.validate_video_file(upload("clip.webm", video_factories.fixture_bytes("tiny.webm")))
        # The name does not matter either way: a real MP4 called .bin is still an MP4.
        uploads.validate_video_file(upload("clip.bin", video_factories.fixture_bytes("tiny.mp4")))

    @pytest.mark.parametrize(
        "data",
        [
            b"<html><body>not a film</body></html>",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            b"%PDF-1.7\n" + b"\x00" * 64,
            b"",
            b"MZ\x90\x00\x03",
        ],
        ids=["html", "png", "pdf", "empty", "exe"],
    )
    def test_other_bytes_named_mp4_are_refused(self, data):
        with pytest.raises(ValidationError, match=NOT_A_VIDEO) as caught:
            uploads.validate_video_file(upload("holiday.mp4", data))
        assert caught.value.code == "not_video"

    @override_settings(MASTHEAD_VIDEO_MAX_UPLOAD_MB=1)
    def test_too_big_is_refused_with_the_limit(self):
        big = video_factories.fixture_bytes("tiny.mp4") + b"\x00" * (1024 * 1024)
        with pytest.raises(ValidationError) as caught:
            uploads.validate_video_file(upload("long.mp4", big))
        assert caught.value.code == "too_big"
        message = caught.value.messages[0]
        assert "1.0\xa0MB" in message and "largest upload allowed" in message

    def test_running_time_from_the_header(self):
        mp4 = io.BytesIO(video_factories.fixture_bytes("tiny.mp4"))
        webm = io.BytesIO(video_factories.fixture_bytes("tiny.webm"))
        assert uploads.read_duration(mp4) == 3
        assert uploads.read_duration(webm) == 2
        # A truncated or lying header gives "unknown", never an error.
        assert uploads.read_duration(io.BytesIO(mp4.getvalue()[:40])) is None
        assert uploads.read_duration(io.BytesIO(webm.getvalue()[:30])) is None
        assert uploads.read_duration(io.BytesIO(b"\x00\x00\x00\x08ftyp")) is None


class TestCaptions:
    def test_webvtt_passes_with_or_without_a_byte_order_mark(self):
        uploads.validate_captions_file(upload("c.vtt", b"WEBVTT\n\n", "text/vtt"))
        uploads.validate_captions_file(
            upload("c.vtt", b"\xef\xbb\xbfWEBVTT - English\n", "text/vtt")
        )

    def test_srt_named_vtt_is_refused(self):
        srt = b"1\n00:00:01,000 --> 00:00:02,000\nHello\n"
        with pytest.raises(ValidationError, match="first line is 'WEBVTT'"):
            uploads.validate_captions_file(upload("c.vtt", srt, "text/vtt"))


class TestEmbedUrls:
    @pytest.mark.parametrize(
        ("url", "provider", "player"),
        [
            (
                "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://youtu.be/aqz-KE-bpKQ",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://www.youtube.com/shorts/aqz-KE-bpKQ",
                "YouTube",
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
            ),
            (
                "https://vimeo.com/76979871",
                "Vimeo",
                "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1",
            ),
            (
                "https://www.dailymotion.com/video/x7tgad0",
                "Dailymotion",
                "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1",
            ),
        ],
    )
    def test_known_platforms(self, url, provider, player):
        embeds.validate_embed_url(url)
        found = embeds.parse_embed(url)
        assert (found.provider, found.player_url) == (provider, player)

    @pytest.mark.parametrize(
        ("url", "code"),
        [
            ("http://www.youtube.com/watch?v=aqz-KE-bpKQ", "not_https"),
            ("https://videos.example.com/watch?v=aqz-KE-bpKQ", "unknown_provider"),
            ("https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ", "unknown_provider"),
            ("https://www.youtube.com/", "no_video_id"),
            ("https://www.youtube.com/watch?v=<script>", "no_video_id"),
            ("https://vimeo.com/channels", "no_video_id"),
        ],
    )
    def test_refused_with_a_reason(self, url, code):
        with pytest.raises(ValidationError) as caught:
            embeds.validate_embed_url(url)
        assert caught.value.code == code
        assert embeds.parse_embed(url) is None


@pytest.mark.django_db
class TestTheVideoItself:
    def test_a_file_or_an_embed_not_both_not_neither(self, newsroom):
        section = video_factories.make_video_section(title="Videos", slug="videos")
        with pytest.raises(ValidationError, match="one of the two"):
            video_factories.make_video(section, embed_url="")
        both = VideoPage(
            title="Both",
            slug="both",
            standfirst="Two sources.",
            embed_url=video_factories.YOUTUBE,
            video_file=video_factories.make_video_file(),
        )
        with pytest.raises(ValidationError, match="one of the two"):
            both.full_clean()

    def test_the_page_takes_the_files_running_time_unless_an_editor_set_one(self, newsroom):
        section = video_factories.make_video_section(title="Videos", slug="videos")
        film = video_factories.make_video_file()
        assert (film.duration, film.clock, film.video_type) == (3, "0:03", "video/mp4")
        assert video_factories.make_video(section, video_file=film).duration == 3
        assert video_factories.make_video(section, video_file=film, duration=90).duration == 90


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def error_messages(response):
    tree = parse(response)
    return " ".join(text_of(e) for e in tree.xpath("//*[contains(@class, 'error-message')]"))


@pytest.mark.django_db
class TestInTheAdmin:
    """An editor uploading a bad file sees why on the form, and nothing is saved."""

    ADD = "/admin/snippets/media/videofile/add/"

    def test_bad_bytes_named_mp4(self, editor_client):
        response = editor_client.post(
            self.ADD, {"title": "Holiday", "file": upload("holiday.mp4", b"<html>hi</html>")}
        )
        assert response.status_code == 200
        assert NOT_A_VIDEO in error_messages(response)
        assert not VideoFile.objects.exists()

    @override_settings(MASTHEAD_VIDEO_MAX_UPLOAD_MB=1)
    def test_too_big(self, editor_client):
        big = video_factories.fixture_bytes("tiny.mp4") + b"\x00" * (1024 * 1024)
        response = editor_client.post(self.ADD, {"title": "Long", "file": upload("long.mp4", big)})
        assert response.status_code == 200
        assert "the largest upload allowed is 1.0" in error_messages(response)
        assert not VideoFile.objects.exists()

    def test_captions_that_are_not_webvtt(self, editor_client):
        response = editor_client.post(
            self.ADD,
            {
                "title": "Harbour",
                "file": upload("harbour.mp4", video_factories.fixture_bytes("tiny.mp4")),
                "captions": upload("harbour.vtt", b"1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
            },
        )
        assert response.status_code == 200
        assert "must be a WebVTT file" in error_messages(response)

    def test_good_upload_is_stored_with_its_type_and_running_time(self, editor_client):
        response = editor_client.post(
            self.ADD,
            {
                "title": "Harbour",
                "file": upload("harbour.mp4", video_factories.fixture_bytes("tiny.mp4")),
                "captions": upload("harbour.vtt", video_factories.CAPTIONS.encode(), "text/vtt"),
            },
        )
        assert response.status_code == 302, error_messages(response)
        film = VideoFile.objects.get()
        assert (film.title, film.video_type, film.duration) == ("Harbour", "video/mp4", 3)
        assert film.file.name.startswith("video/") and film.captions.name.endswith(".vtt")

    def test_unknown_platform_on_the_page_form(self, editor_client, newsroom):
        section = video_factories.make_video_section(title="Videos", slug="videos")
        video = video_factories.make_video(section, "Harbour film")
        video.save_revision()
        url = f"/admin/pages/{video.pk}/edit/"
        data = form_fields(editor_client.get(url), "page-edit-form")
        data.update(embed_url="https://clips.example.net/v/123", **{"action-publish": "1"})
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "Masthead embeds videos from Dailymotion, Vimeo, YouTube" in error_messages(response)
        video.refresh_from_db()
        assert video.embed_url == video_factories.YOUTUBE
