"""Every picture on a reader page: responsive renditions in AVIF and WebP with a JPEG
fallback, width and height against layout shift, lazy below the fold and eager for the
lead, teasers cropped around the editor's focal point, caption and credit under the main
image."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.template import Context, Template
from django.test import override_settings
from PIL import Image, features
from wagtail.images.models import Filter

from masthead.media import pictures
from masthead.media.models import NewsImage, NewsRendition
from masthead.news.models import ArticleType
from tests import factories
from tests.conftest import by_class, one, parse, text_of

AVIF = features.check("avif")
MODERN_TYPES = ["image/avif", "image/webp"] if AVIF else ["image/webp"]


@pytest.fixture(autouse=True)
def _formats_as_configured():
    pictures.picture_formats.cache_clear()
    yield
    pictures.picture_formats.cache_clear()


def red_square_photo(title="Red square"):
    """A wide blue picture with a red square near its left edge, the editor's focal point."""
    img = Image.new("RGB", (1600, 400), (20, 40, 200))
    img.paste((220, 10, 10), (100, 100, 300, 300))
    buffer = io.BytesIO()
    img.save(buffer, "PNG")
    image = NewsImage.objects.create(
        title=title, file=ImageFile(buffer, name="red-square.png"), credit="Staff"
    )
    return image


def set_focal_point(image):
    image.focal_point_x, image.focal_point_y = 200, 200
    image.focal_point_width, image.focal_point_height = 200, 200
    image.save()
    return image


def pixel_at_centre(url):
    assert url.startswith(settings.MEDIA_URL), url
    path = Path(settings.MEDIA_ROOT) / url[len(settings.MEDIA_URL) :]
    with Image.open(path) as img:
        return img.convert("RGB").getpixel((img.width // 2, img.height // 2))


def is_red(rgb):
    red, green, blue = rgb
    return red > 150 and green < 90 and blue < 90


def check_picture(picture, *, loading, fetchpriority=None):
    """A <picture>: a source per modern format, then a JPEG <img> sized against shifts."""
    assert picture.tag == "picture"
    # lxml's HTML parser does not know <source> is empty: look at descendants, in order.
    sources = picture.findall(".//source")
    assert [source.get("type") for source in sources] == MODERN_TYPES
    for source in sources:
        extension = source.get("type").split("/")[1]
        candidates = [part.split() for part in source.get("srcset").split(",")]
        assert len(candidates) >= 2
        assert all(url.endswith(f".{extension}") for url, _width in candidates)
        assert all(width.endswith("w") for _url, width in candidates)
        assert source.get("sizes")
    img = picture.find(".//img")
    assert img is not None
    order = list(picture.iter("source", "img"))
    assert order.index(img) == len(sources)  # the fallback comes after every source
    assert img.get("src").endswith(".jpg")
    assert int(img.get("width")) > 0 and int(img.get("height")) > 0
    assert len(img.get("srcset").split(",")) >= 2
    assert img.get("sizes") == sources[0].get("sizes")
    assert img.get("loading") == loading
    assert img.get("fetchpriority") == fetchpriority
    return img


@pytest.fixture
def front(newsroom):
    """A front page: a top story, other stories in teasers, all with pictures."""
    stories = [
        factories.make_article(
            newsroom["politics"], f"Story {number}", lead_image=factories.make_image()
        )
        for number in range(6)
    ]
    return stories


class TestTeasers:
    def test_the_top_story_loads_first_and_the_rest_lazily(self, client, front):
        page = parse(client.get("/en/"))
        lead = one(page, "teaser--lead", "article")
        check_picture(lead.find(".//picture"), loading="eager", fetchpriority="high")
        others = [
            teaser
            for teaser in by_class(page, "teaser", "article")
            if "teaser--lead" not in teaser.get("class") and teaser.find(".//picture") is not None
        ]
        assert len(others) >= 5
        for teaser in others:
            check_picture(teaser.find(".//picture"), loading="lazy")
        # Nothing is shown without its <picture>: no bare <img> in a teaser.
        assert not page.xpath("//*[contains(@class, 'teaser-media')]/img")

    def test_the_modern_files_really_are_avif_and_webp(self, client, front):
        page = parse(client.get("/en/"))
        picture = one(page, "teaser--lead", "article").find(".//picture")
        found = {}
        for source in picture.findall(".//source"):
            url = source.get("srcset").split(",")[0].split()[0]
            path = Path(settings.MEDIA_ROOT) / url[len(settings.MEDIA_URL) :]
            with Image.open(path) as img:
                found[source.get("type")] = img.format
        img = picture.find(".//img")
        with Image.open(Path(settings.MEDIA_ROOT) / img.get("src")[len(settings.MEDIA_URL) :]) as f:
            found["fallback"] = f.format
        expected = {"image/webp": "WEBP", "fallback": "JPEG"}
        if AVIF:
            expected["image/avif"] = "AVIF"
        assert found == expected

    def test_teasers_are_cropped_around_the_focal_point(self, client, newsroom):
        image = set_focal_point(red_square_photo())
        factories.make_article(newsroom["politics"], "Focal story", lead_image=image)
        page = parse(client.get("/en/news/politics/"))
        teaser = one(page, "teaser", "article")
        img = teaser.find(".//picture//img")
        assert "-c100" in img.get("src")
        # The crop is centred on the red square, far from the picture's own centre.
        assert is_red(pixel_at_centre(img.get("src")))
        for source in teaser.findall(".//picture//source"):
            assert is_red(pixel_at_centre(source.get("srcset").split()[0]))

        # Wagtail's own account of the crop: the rendition's frame holds the focal point.
        name = img.get("src")[len(settings.MEDIA_URL) :]
        rendition = NewsRendition.objects.get(image=image, file=name)
        assert rendition.filter_spec.startswith("fill-") and "-c100" in rendition.filter_spec
        focal = image.get_focal_point()
        frame = Filter(rendition.filter_spec).get_transform(image).get_rect()
        assert frame.left <= focal.left and frame.right >= focal.right
        assert frame.top <= focal.top and frame.bottom >= focal.bottom
        assert frame.width < image.width / 2  # close around the square, not the whole width
        assert rendition.focal_point_key
        assert rendition.focal_point_key == Filter(rendition.filter_spec).get_cache_key(image)

    def test_without_a_focal_point_the_crop_is_central(self, client, newsroom):
        """The control for the test above: the same picture, no focal point, no red."""
        image = red_square_photo()
        factories.make_article(newsroom["politics"], "Central story", lead_image=image)
        page = parse(client.get("/en/news/politics/"))
        img = one(page, "teaser", "article").find(".//picture//img")
        assert not is_red(pixel_at_centre(img.get("src")))


@pytest.fixture
def story(newsroom):
    lead = factories.make_image(caption="Voters queue at dawn", credit="Agencies", size=(160, 90))
    inline = factories.make_image(caption="The count", credit="Staff photographer")
    article = factories.make_article(
        newsroom["opinion"],
        "A story with pictures",
        lead_image=lead,
        authors=[newsroom["writer"]],
        article_type=ArticleType.OPINION,
        body=[
            factories.paragraph(),
            ("image", {"image": inline, "caption": "", "credit": ""}),
            ("image", {"image": inline, "caption": "Counting resumes", "credit": "Pool"}),
        ],
    )
    return article


class TestArticle:
    def test_the_lead_image_loads_first(self, client, story):
        page = parse(client.get(story.url))
        figure = one(page, "story-lead", "figure")
        img = check_picture(figure.find("picture"), loading="eager", fetchpriority="high")
        # Cut to the 16:9 frame it is shown in, so the reserved box is the picture's own.
        assert int(img.get("width")) * 9 == int(img.get("height")) * 16

    def test_body_images_load_lazily(self, client, story):
        page = parse(client.get(story.url))
        figures = by_class(page, "body-figure", "figure")
        assert len(figures) == 2
        for figure in figures:
            check_picture(figure.find("picture"), loading="lazy")

    def test_the_authors_photo_is_a_lazy_picture(self, client, story):
        page = parse(client.get(story.url))
        box = one(page, "author-box", "aside")
        img = check_picture(box.find(".//picture"), loading="lazy")
        assert "author-photo" in img.get("class")

    def test_every_image_has_width_and_height(self, client, story):
        page = parse(client.get(story.url))
        images = page.xpath("//img")
        assert len(images) >= 4
        for img in images:
            assert img.get("width") and img.get("height"), img.get("src")

    def test_caption_then_credit_under_the_lead_image(self, client, story):
        figure = one(parse(client.get(story.url)), "story-lead", "figure")
        caption = figure.find("figcaption")
        assert [span.get("class") for span in caption] == ["caption", "credit"]
        assert text_of(caption) == "Voters queue at dawn Credit: Agencies"

    def test_body_images_show_their_own_or_the_images_caption_and_credit(self, client, story):
        figures = by_class(parse(client.get(story.url)), "body-figure", "figure")
        assert [text_of(figure.find("figcaption")) for figure in figures] == [
            "The count Credit: Staff photographer",
            "Counting resumes Credit: Pool",
        ]

    def test_no_empty_caption(self, client, newsroom):
        bare = factories.make_article(newsroom["politics"], lead_image=factories.make_image())
        figure = one(parse(client.get(bare.url)), "story-lead", "figure")
        assert figure.find("figcaption") is None

    def test_credit_alone(self, client, newsroom):
        image = factories.make_image(credit="Agencies")
        article = factories.make_article(newsroom["politics"], lead_image=image)
        figure = one(parse(client.get(article.url)), "story-lead", "figure")
        assert text_of(figure.find("figcaption")) == "Credit: Agencies"


class TestAuthors:
    @pytest.fixture(autouse=True)
    def bylines(self, newsroom):
        """Author pages are for bylines with published work in the edition."""
        factories.make_article(newsroom["politics"], authors=[newsroom["writer"]])

    def test_the_author_pages_photo_is_a_picture(self, client, newsroom):
        page = parse(client.get("/en/authors/jane-writer/"))
        picture = one(page, "author-header").find(".//picture")
        img = check_picture(picture, loading=None)
        assert img.get("width") == img.get("height")  # cut square around the face

    def test_the_directory_shows_lazy_pictures(self, client, newsroom):
        page = parse(client.get("/en/authors/"))
        pictures_shown = page.xpath("//*[contains(@class, 'author-card')]//picture")
        assert len(pictures_shown) == 1
        check_picture(pictures_shown[0], loading="lazy")


def render_picture(image):
    template = Template(
        "{% load pictures %}{% news_picture image fill-{40x20,80x40}-c100 sizes='10rem' %}"
    )
    return template.render(Context({"image": image}))


class TestFormats:
    def test_avif_and_webp_by_default_when_pillow_can_write_them(self, db):
        html = render_picture(factories.make_image())
        assert ('type="image/avif"' in html) is AVIF
        assert 'type="image/webp"' in html
        assert pictures.picture_formats() == (
            ("avif", "webp", "jpeg") if AVIF else ("webp", "jpeg")
        )

    def test_a_pillow_without_avif_still_serves_webp(self, db, monkeypatch):
        monkeypatch.setattr(pictures, "encodable", lambda fmt: fmt != "avif")
        pictures.picture_formats.cache_clear()
        html = render_picture(factories.make_image())
        assert 'type="image/avif"' not in html
        assert 'type="image/webp"' in html
        assert ".jpg" in html and ".avif" not in html

    def test_operators_choose_the_modern_formats(self, db):
        with override_settings(MASTHEAD_IMAGE_FORMATS=["webp"]):
            html = render_picture(factories.make_image())
        assert 'type="image/avif"' not in html
        assert 'type="image/webp"' in html

    def test_only_jpeg_is_a_plain_picture(self, db):
        with override_settings(MASTHEAD_IMAGE_FORMATS=[]):
            html = render_picture(factories.make_image())
        assert "<source" not in html
        assert html.startswith("<picture><img") and ".jpg" in html

    def test_no_image_renders_nothing(self, db):
        assert render_picture(None) == ""


@pytest.mark.skipif(not AVIF, reason="this Pillow cannot write AVIF")
def test_avif_is_encoded_at_the_faster_speed(monkeypatch):
    """Wagtail passes Pillow only a quality; Masthead's AVIF writer adds the speed."""
    from PIL import AvifImagePlugin

    seen = []
    real_encoder = AvifImagePlugin._avif.AvifEncoder

    def spy(*args):
        seen.append(args)
        return real_encoder(*args)

    monkeypatch.setattr(AvifImagePlugin._avif, "AvifEncoder", spy)
    Image.new("RGB", (32, 18), (200, 30, 30)).save(io.BytesIO(), "AVIF", quality=61)
    Image.new("RGB", (32, 18), (200, 30, 30)).save(io.BytesIO(), "AVIF", speed=2)
    speed = 3  # AvifEncoder(size, subsampling, quality, speed, ...)
    assert seen[0][speed] == pictures.AVIF_SPEED == 8
    assert seen[1][speed] == 2  # a caller's own choice still wins
