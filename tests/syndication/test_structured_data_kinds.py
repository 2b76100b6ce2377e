"""Videos, series, galleries, infographs, live blogs and LIVE TV: one JSON-LD block each
(their own node and their trail), and link previews in their own words and picture."""

import pytest

from tests import factories
from tests.media import factories as visual_factories
from tests.media import video_factories
from tests.syndication.test_structured_data import (
    HOME,
    canonical_of,
    crumbs,
    graph_of,
    head_of,
    meta_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def visual_desk(db):
    """One page of each kind that is not a story, in a small English edition whose home
    has its own slogan, with pictures."""
    newsroom = factories.build_newsroom()
    home = newsroom["home"].get_latest_revision_as_object()
    home.slogan = "The edition's own slogan"
    home.save_revision().publish()
    picture = factories.make_image("Poster", caption="Dawn over the bridge", size=(1600, 900))
    videos = video_factories.make_video_section(newsroom["home"], "Videos", slug="videos")
    pictures = factories.make_section(newsroom["home"], "In Pictures", slug="in-pictures")
    return {
        **newsroom,
        "video": video_factories.make_video(videos, "Bridge film", poster=picture),
        "series": video_factories.make_series(videos, "Bridges", artwork=picture),
        "gallery": visual_factories.make_gallery(pictures, "Bridge in pictures"),
        "infograph": visual_factories.make_infograph(pictures, "Bridge traffic", image=picture),
        "live_blog": factories.make_live_blog(newsroom["politics"], "Bridge vote live"),
        "live_tv": factories.make_live_tv_page(),
    }


@pytest.mark.parametrize(
    ("kind", "schema_type", "description"),
    [
        ("video", "VideoObject", "A short film about what happened."),
        ("series", "CollectionPage", "A series about testing."),
        ("gallery", "ImageGallery", "Pictures from a week on the road."),
        ("infograph", "ImageObject", "A year of rain at five stations, in one chart."),
        ("live_blog", "LiveBlogPosting", "Follow the count as it happens."),
        ("live_tv", "WebPage", "The edition's own slogan"),  # off air, no words of its own
    ],
)
def test_every_other_page_type_has_one_block_with_its_node_and_trail(
    client, visual_desk, kind, schema_type, description
):
    page = visual_desk[kind]
    url = f"http://localhost{page.url}"
    head = head_of(client, page.url)
    nodes = graph_of(head)  # one block for the whole page
    assert len(nodes[schema_type]) == 1
    trail = crumbs(nodes)
    assert trail[0] == (1, "Home", HOME) and trail[-1] == (len(trail), page.title, url)
    assert canonical_of(head) == url
    meta = meta_of(head)
    assert meta["og:description"] == [description]
    assert meta["twitter:description"] == [description]


@pytest.mark.parametrize("kind", ["video", "series", "gallery", "infograph"])
def test_other_page_types_preview_with_their_own_picture(client, visual_desk, kind):
    meta = meta_of(head_of(client, visual_desk[kind].url))
    assert meta["og:image"][0].startswith("http://localhost/media/images/")
    # 16:9 around the focal point, at most 1200 wide (the factories' pictures are small).
    width, height = int(meta["og:image:width"][0]), int(meta["og:image:height"][0])
    assert width <= 1200 and abs(width / height - 16 / 9) < 0.1
    assert meta["og:image:alt"][0]
    assert meta["twitter:card"] == ["summary_large_image"]


def test_listings_fall_back_on_the_editions_own_slogan(client, visual_desk):
    for url in ("/en/", "/en/regions/europe/", "/en/authors/"):
        meta = meta_of(head_of(client, url))
        assert meta["og:description"] == ["The edition's own slogan"], url
