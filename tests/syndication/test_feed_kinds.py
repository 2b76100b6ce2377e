"""Feeds carry videos, galleries and infographs beside stories, each with its byline,
tags, section and picture, and none before its publication time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.media import factories as visual_factories
from tests.media import video_factories
from tests.syndication.test_feeds import entry_for, read_feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed():
    newsroom = factories.build_newsroom()
    now = timezone.now()
    videos = video_factories.make_video_section(title="Videos", slug="videos")
    pictures = factories.make_section(title="In Pictures", slug="in-pictures")
    poster = factories.make_image(
        "Poster", caption="The bridge at dawn", credit="Video desk", size=(1600, 900)
    )
    common = {
        "authors": [newsroom["writer"]],
        "tags": ["Bridges"],
        "regions": [newsroom["europe"]],
    }
    return {
        "story": factories.make_article(
            newsroom["politics"], "Bridge story", published_at=now - timedelta(hours=4), **common
        ),
        "film": video_factories.make_video(
            videos,
            "Bridge film",
            poster=poster,
            standfirst="The new bridge opens.",
            published_at=now - timedelta(hours=3),
            **common,
        ),
        "gallery": visual_factories.make_gallery(
            pictures, "Bridge gallery", published_at=now - timedelta(hours=2), **common
        ),
        "chart": visual_factories.make_infograph(
            pictures, "Bridge chart", published_at=now - timedelta(hours=1), **common
        ),
        "embargoed": video_factories.make_video(
            videos, "Film under embargo", published_at=now + timedelta(hours=1), **common
        ),
    }


def link(page):
    return f"http://localhost{page.url}"


@pytest.mark.parametrize(
    "url", ["/feed/", "/en/feed/atom/", "/en/regions/europe/feed/", "/en/tags/bridges/feed/"]
)
def test_feeds_mix_every_kind_newest_first(client, filed, url):
    feed = read_feed(client, url, "application/")
    names = ["chart", "gallery", "film", "story"]
    assert [entry.link for entry in feed.entries] == [link(filed[name]) for name in names]


def test_an_authors_feed_holds_everything_they_filed(client, filed):
    feed = read_feed(client, "/en/authors/jane-writer/feed/", "application/rss+xml")
    assert len(feed.entries) == 4


def test_a_video_entry_has_its_byline_tags_section_and_poster(client, filed):
    film = filed["film"]
    entry = entry_for(read_feed(client, "/en/feed/", "application/rss+xml"), link(film))
    assert entry.id.endswith(f":video:{film.pk}")
    assert entry.summary == "The new bridge opens."
    assert entry.author == "Jane Writer"
    assert sorted(tag.term for tag in entry.tags) == ["Bridges", "Videos"]
    [media] = entry.media_content
    assert (int(media["width"]), int(media["height"])) == (1200, 675)
    assert entry.media_credit[0]["content"] == "Video desk"


def test_gallery_and_infograph_entries_carry_their_pictures(client, filed):
    feed = read_feed(client, "/en/in-pictures/feed/", "application/rss+xml")
    gallery = entry_for(feed, link(filed["gallery"]))
    chart = entry_for(feed, link(filed["chart"]))
    assert gallery.id.endswith(f":gallery:{filed['gallery'].pk}")
    assert chart.id.endswith(f":infograph:{filed['chart'].pk}")
    assert gallery.media_content and chart.media_content


def test_a_video_under_embargo_is_in_no_feed_until_its_time(client, filed):
    embargoed = filed["embargoed"]
    for url in ["/feed/", "/en/feed/", "/en/videos/feed/", "/en/tags/bridges/feed/"]:
        feed = read_feed(client, url, "application/")
        assert link(embargoed) not in [entry.link for entry in feed.entries], url
