"""Videos, galleries and infographs are in their section's sitemap like stories, and obey
the embargo there: none appears in any sitemap before its publication time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories
from tests.media import factories as visual_factories
from tests.media import video_factories
from tests.syndication.test_sitemaps import urls_of, xml_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed():
    newsroom = factories.build_newsroom()
    now = timezone.now()
    videos = video_factories.make_video_section(title="Videos", slug="videos")
    pictures = factories.make_section(title="In Pictures", slug="in-pictures")
    earlier = now - timedelta(hours=3)
    later = now + timedelta(hours=3)
    return {
        "story": factories.make_article(
            newsroom["politics"], "Budget story", published_at=now - timedelta(hours=5)
        ),
        "film": video_factories.make_video(videos, "Budget film", published_at=earlier),
        "gallery": visual_factories.make_gallery(
            pictures, "Budget gallery", published_at=now - timedelta(hours=2)
        ),
        "chart": visual_factories.make_infograph(
            pictures, "Budget chart", published_at=now - timedelta(hours=1)
        ),
        "embargoed": [
            video_factories.make_video(videos, "Film under embargo", published_at=later),
            visual_factories.make_gallery(pictures, "Gallery under embargo", published_at=later),
            visual_factories.make_infograph(pictures, "Chart under embargo", published_at=later),
        ],
    }


def every_url(client):
    index = xml_of(client, "/sitemap.xml")
    found = {}
    for loc in index.iterfind("{*}sitemap/{*}loc"):
        found |= urls_of(xml_of(client, loc.text))
    return found


def test_each_kind_is_in_its_sections_sitemap_with_lastmod(client, filed):
    videos = urls_of(xml_of(client, "/sitemap-en-videos.xml"))
    film = filed["film"]
    assert videos == {f"http://localhost{film.url}": film.published_at.isoformat()}
    pictures = urls_of(xml_of(client, "/sitemap-en-in-pictures.xml"))
    assert set(pictures) == {
        f"http://localhost{filed['gallery'].url}",
        f"http://localhost{filed['chart'].url}",
    }


def test_the_index_dates_a_section_by_its_newest_page_of_any_kind(client, filed):
    index = xml_of(client, "/sitemap.xml")
    dates = {
        item.findtext("{*}loc"): item.findtext("{*}lastmod")
        for item in index.iterfind("{*}sitemap")
    }
    chart = filed["chart"]
    assert dates["http://localhost/sitemap-en-in-pictures.xml"] == chart.published_at.isoformat()


def test_no_sitemap_lists_a_page_under_embargo(client, filed):
    urls = every_url(client)
    assert f"http://localhost{filed['story'].url}" in urls
    for page in filed["embargoed"]:
        assert not any(page.slug in url for url in urls), page.title


def test_they_appear_once_their_time_comes(client, filed):
    film = filed["embargoed"][0]
    film.published_at = timezone.now() - timedelta(minutes=1)
    film.save_revision().publish()
    assert f"http://localhost{film.url}" in every_url(client)


def test_a_cached_sitemap_expires_when_a_video_embargo_lifts(filed):
    from masthead.syndication.cache import next_embargo_lifts

    film = filed["embargoed"][0]
    assert next_embargo_lifts() == film.published_at


def test_listings_in_the_edition_sitemap_are_as_fresh_as_their_newest_page(client, filed):
    """A video section, a series and the home are dated by their newest video, gallery or
    infograph too, not by their stories alone (nor by pages still under embargo)."""
    videos = filed["film"].get_parent()
    series = video_factories.make_series(videos, "Budget explained")
    episode = video_factories.make_video(
        series, "Episode one", published_at=timezone.now() - timedelta(minutes=30)
    )
    pages = urls_of(xml_of(client, "/sitemap-en.xml"))
    newest = episode.published_at.isoformat()
    assert pages[f"http://localhost{videos.url}"] == newest
    assert pages[f"http://localhost{series.url}"] == newest
    assert pages["http://localhost/en/"] == newest
    pictures = filed["chart"].get_parent()
    changes = [filed["chart"].published_at, pictures.last_published_at]
    assert pages[f"http://localhost{pictures.url}"] == max(filter(None, changes)).isoformat()
