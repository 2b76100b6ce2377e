"""Upload limits: a decompression bomb or an oversized file is refused with a message an
editor can act on, through the admin's own upload forms over HTTP; a normal photo passes.
Pillow refuses to decode anything over the limit anywhere in the process."""

import importlib.util
import io
import os
import struct
import uuid
import zlib

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image

import masthead.settings
from masthead.media.models import NewsImage
from masthead.media.uploads import declared_size
from masthead.newsroom.roles import REPORTER


def png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def bomb_png(width=30_000, height=30_000):
    """A PNG a few hundred bytes long whose header declares `width` × `height` pixels.

    The image data is the start of a stream of zeros (one bit per pixel, grey): enough to
    look like a real file, far too little to matter unless something tries to decode it.
    """
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * (1 + width // 8) * 64, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def photo_png(size=(320, 180), *, noisy=False):
    if noisy:
        img = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        img = Image.new("RGB", size, (30, 120, 200))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.fixture
def reporter(db):
    """A reporter signed in to the admin: reporters may add images."""
    user = get_user_model().objects.create_user("reporter", is_staff=True)
    user.groups.add(Group.objects.get(name=REPORTER))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def add_multiple(client, name, content):
    """The admin's drag-and-drop uploader posts each file on its own and reads JSON back."""
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": upload(name, content), "title": name}
    )
    assert response.status_code == 200
    return response.json()


def add_one(client, name, content):
    """The classic 'Add an image' form."""
    return client.post("/admin/images/add/", {"title": name, "file": upload(name, content)})


def test_the_bomb_is_small_and_declares_huge_dimensions():
    content = bomb_png()
    assert len(content) < 1000
    assert declared_size(io.BytesIO(content)) == (30_000, 30_000)


class TestDecompressionBombs:
    def test_refused_by_the_uploader_with_its_dimensions_and_the_limit(self, reporter):
        result = add_multiple(reporter, "bomb.png", bomb_png())
        assert result["success"] is False
        assert result["error_message"] == (
            "This image is 30,000 × 30,000 pixels (900 megapixels); the limit is 64 "
            "megapixels. Scale it down, then upload it again."
        )
        assert not NewsImage.objects.exists()

    def test_refused_by_the_add_form(self, reporter):
        response = add_one(reporter, "bomb.png", bomb_png())
        assert response.status_code == 200  # the form again, with the reason
        assert "30,000 × 30,000 pixels" in response.content.decode()
        assert not NewsImage.objects.exists()

    def test_just_over_the_limit_is_refused_too(self, reporter):
        result = add_multiple(reporter, "wide.png", bomb_png(8_001, 8_000))
        assert result["success"] is False
        assert "8,001 × 8,000 pixels (64.1 megapixels); the limit is 64 " in result["error_message"]

    @pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
    def test_pillow_never_decodes_an_image_over_the_limit(self):
        """Not only uploads: renditions, the demo and imports open images with Pillow."""
        # Pillow raises over twice its MAX_IMAGE_PIXELS: half the limit makes it exact.
        assert Image.MAX_IMAGE_PIXELS * 2 == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        # Over the limit but under twice it: plain Pillow would only warn, then decode.
        with pytest.raises(Image.DecompressionBombError):
            Image.open(io.BytesIO(bomb_png(8_001, 8_000)))
        with Image.open(io.BytesIO(bomb_png(8_000, 8_000))) as at_the_limit:
            assert at_the_limit.size == (8_000, 8_000)
        with pytest.raises(Image.DecompressionBombError):
            Image.open(io.BytesIO(bomb_png()))


class TestFileSize:
    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100 * 1024)
    def test_a_file_over_the_limit_is_refused(self, reporter):
        content = photo_png((400, 400), noisy=True)
        assert len(content) > 100 * 1024
        result = add_multiple(reporter, "large.png", content)
        assert result["success"] is False
        message = result["error_message"].replace("\xa0", " ")  # filesizeformat's spaces
        assert message.startswith("This file is 4")
        assert message.endswith(
            "the limit is 100.0 KB. Export the picture at a smaller size or with more "
            "compression, then upload it again."
        )
        assert not NewsImage.objects.exists()

    def test_the_limit_is_shown_before_uploading(self, reporter):
        page = reporter.get("/admin/images/add/").content.decode().replace("\xa0", " ")
        assert "Maximum filesize: 20.0 MB." in page


class TestANormalPhoto:
    def test_passes_the_uploader(self, reporter):
        result = add_multiple(reporter, "square.png", photo_png())
        assert result["success"] is True, result
        image = NewsImage.objects.get()
        assert (image.width, image.height) == (320, 180)

    def test_passes_the_add_form(self, reporter):
        response = add_one(reporter, "square.png", photo_png())
        assert response.status_code == 302
        assert NewsImage.objects.get().title == "square.png"


def load_settings(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("MASTHEAD_DATA_DIR", str(tmp_path / "data"))
    for name in ("IMAGE_MAX_UPLOAD_MB", "IMAGE_MAX_PIXELS", "IMAGE_FORMATS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location(
        f"settings_under_test_{uuid.uuid4().hex}", masthead.settings.__file__
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestSettings:
    def test_defaults(self, monkeypatch, tmp_path):
        loaded = load_settings(monkeypatch, tmp_path)
        assert loaded.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
        assert loaded.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 64_000_000
        assert loaded.MASTHEAD_IMAGE_FORMATS == ["avif", "webp"]

    def test_from_the_environment(self, monkeypatch, tmp_path):
        loaded = load_settings(
            monkeypatch,
            tmp_path,
            IMAGE_MAX_UPLOAD_MB="5",
            IMAGE_MAX_PIXELS="24000000",
            IMAGE_FORMATS="webp",
        )
        assert loaded.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 5 * 1024 * 1024
        assert loaded.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 24_000_000
        assert loaded.MASTHEAD_IMAGE_FORMATS == ["webp"]
