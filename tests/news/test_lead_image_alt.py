"""The lead picture's alt text speaks the story's language where the story has words of
its own for the picture: the image library is shared by every edition."""

import pytest

from tests import factories
from tests.conftest import one, parse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "alt"),
    [
        ({}, "Harbour cranes at night"),  # the image's own description
        ({"lead_image_caption": "صورة الميناء ليلاً"}, "صورة الميناء ليلاً"),
        (
            {"lead_image_caption": "صورة الميناء ليلاً", "lead_image_alt": "رافعات فوق الماء"},
            "رافعات فوق الماء",
        ),
    ],
)
def test_the_lead_pictures_alt_text_is_in_the_storys_language_when_it_has_its_own(
    client, newsroom, fields, alt
):
    """The image library is shared by the editions: an Arabic story's own words for its
    picture come before the library's (English) description."""
    picture = factories.make_image("Harbour cranes at night", caption="Cranes over the water")
    story = factories.make_article(newsroom["politics"], "Harbour", lead_image=picture, **fields)
    img = one(parse(client.get(story.url)), "story-lead", "figure").find(".//img")
    assert img.get("alt") == alt
