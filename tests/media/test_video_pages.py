"""Video pages, series and video sections as a reader sees them."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.core.models import HomePage
from masthead.media.models import SeriesPage, VideoPage, VideoSectionPage
from masthead.media.models.video import clock, iso_duration
from masthead.news.models import ArticlePage, SectionPage
from tests import factories
from tests.conftest import by_class, json_ld_node, one, parse, text_of
from tests.media import video_factories

NOW = timezone.now()

# Elements that make the browser fetch something as the page loads (not links).
LOADING = {
    "img": ["src", "srcset"],
    "script": ["src"],
    "iframe": ["src"],
    "link": ["href"],
    "video": ["src", "poster"],
    "source": ["src", "srcset"],
    "track": ["src"],
    "audio": ["src"],
    "object": ["data"],
    "embed": ["src"],
}


def third_party_loads(tree):
    """(tag, url) for every resource the page would load from another host."""
    found = []
    for tag, attributes in LOADING.items():
        for element in tree.iter(tag):
            if tag == "link" and element.get("rel") in {"canonical", "alternate"}:
                continue
            for attribute in attributes:
                for url in (element.get(attribute) or "").split(","):
                    url = url.strip().split(" ")[0]
                    if url and urlsplit(url).hostname not in {None, "localhost"}:
                        found.append((tag, url))
    return found


@pytest.fixture
def videos(newsroom):
    """Videos > Explainers and Videos > TV, as the reference navigation has them."""
    top = video_factories.make_video_section(title="Videos", slug="videos")
    return {
        "top": top,
        "explainers": video_factories.make_video_section(top, "Explainers", slug="explainers"),
        "tv": video_factories.make_video_section(top, "TV", slug="tv"),
        "newsroom": newsroom,
    }


@pytest.fixture
def embedded(videos):
    newsroom = videos["newsroom"]
    return video_factories.make_video(
        videos["explainers"],
        "How a budget is made",
        standfirst="In four minutes, from first draft to final vote.",
        embed_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        poster=factories.make_image("Budget poster"),
        duration=245,
        authors=[newsroom["writer"]],
        tags=["Budget"],
        regions=[newsroom["europe"]],
        published_at=NOW - timedelta(hours=1),
    )


@pytest.fixture
def uploaded(videos):
    return video_factories.make_video(
        videos["explainers"],
        "The harbour at dawn",
        video_file=video_factories.make_video_file(captions=video_factories.CAPTIONS),
        poster=factories.make_image("Harbour poster"),
        transcript="<p>The boats leave before the sun is up.</p>",
        published_at=NOW - timedelta(hours=2),
    )


def test_running_time_reads_as_a_clock():
    assert clock(5) == "0:05"
    assert clock(245) == "4:05"
    assert clock(3723) == "1:02:03"
    assert clock(None) == ""
    assert iso_duration(245) == "PT4M5S"
    assert iso_duration(3600) == "PT1H"
    assert iso_duration(3723) == "PT1H2M3S"


class TestEmbeddedVideo:
    def test_shows_title_standfirst_byline_duration_tags_and_region(self, client, embedded):
        tree = parse(client.get(embedded.url))
        assert text_of(one(tree, "story-headline")) == "How a budget is made"
        assert (
            text_of(one(tree, "standfirst")) == "In four minutes, from first draft to final vote."
        )
        assert "Jane Writer" in text_of(one(tree, "byline"))
        running = one(tree, "video-running-time")
        assert "4:05" in text_of(running)
        assert running.find("time").get("datetime") == "PT4M5S"
        tags = [text_of(a) for a in one(tree, "story-tags").iter("a")]
        assert tags == ["Europe", "Budget"]
        assert text_of(one(tree, "story-kicker")) == "Explainers"

    def test_the_facade_loads_nothing_from_the_platform(self, client, embedded):
        tree = parse(client.get(embedded.url))
        facade = one(tree, "video-facade")
        assert not tree.xpath("//iframe")
        assert third_party_loads(tree) == []
        # The player's address waits in a data attribute for the click: privacy mode.
        assert facade.get("data-player") == (
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
        )
        # With JavaScript off the button is a plain link to the video on the platform.
        button = one(facade, "video-facade-button", "a")
        assert button.get("href") == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
        assert "Play video (4:05)" in text_of(button)
        assert "Loads from YouTube" in text_of(button)
        assert button.get("aria-label") == (
            "Play video: How a budget is made (4:05). Loads from YouTube, which may set cookies"
        )
        poster = facade.find(".//img")
        assert poster is not None and poster.get("src").startswith("/media/")

    def test_video_object_structured_data(self, client, embedded):
        tree = parse(client.get(embedded.url))
        data = json_ld_node(tree, "VideoObject")
        assert data["name"] == "How a budget is made"
        assert data["description"] == "In four minutes, from first draft to final vote."
        assert data["duration"] == "PT4M5S"
        assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
        assert "contentUrl" not in data
        assert data["thumbnailUrl"][0].startswith("http://localhost/media/")
        assert data["uploadDate"].startswith(embedded.published_at.date().isoformat())
        assert data["publisher"]["name"] == "The Daily Test"

    def test_a_title_cannot_break_out_of_the_structured_data(self, client, videos):
        video = video_factories.make_video(
            videos["tv"], "Tonight </script><script>alert(1)</script>", slug="tricky"
        )
        body = client.get(video.url).content.decode()
        assert (
            "alert(1)</script>" not in body.split("application/ld+json", 1)[1].split("</script>")[0]
        )
        tree = parse(client.get(video.url))
        assert json_ld_node(tree, "VideoObject")["name"] == video.title


class TestUploadedVideo:
    def test_native_player_with_poster_captions_and_transcript(self, client, uploaded):
        tree = parse(client.get(uploaded.url))
        (video,) = tree.xpath("//video")
        assert video.get("preload") == "none"
        assert video.get("controls") is not None
        assert video.get("poster").startswith("/media/")
        (source,) = video.xpath("source")
        assert source.get("src").startswith("/media/video/") and source.get("type") == "video/mp4"
        (track,) = tree.xpath("//track")  # lxml's HTML 4 parser does not nest <track>
        assert track.get("kind") == "captions" and track.get("srclang") == "en"
        assert track.get("src").endswith(".vtt")
        transcript = one(tree, "video-transcript", "details")
        assert "The boats leave before the sun is up." in text_of(transcript)
        assert third_party_loads(tree) == []
        assert not by_class(tree, "video-facade")

    def test_running_time_and_type_come_from_the_file(self, uploaded):
        assert uploaded.duration == 3
        assert uploaded.video_file.video_type == "video/mp4"
        data = parse_ld(uploaded)
        assert data["contentUrl"].startswith("http://localhost/media/video/")
        assert data["duration"] == "PT3S"

    def test_webm_upload_without_captions(self, videos):
        video = video_factories.make_video(
            videos["tv"], video_file=video_factories.make_video_file("tiny.webm")
        )
        assert (video.video_file.video_type, video.duration) == ("video/webm", 2)
        tree = parse(client_get(video.url))
        assert tree.xpath("//video/source/@type") == ["video/webm"]
        assert tree.xpath("//track") == []  # no captions file, no track


def client_get(url):
    from django.test import Client

    return Client(HTTP_HOST="localhost").get(url)


def parse_ld(video):
    tree = parse(client_get(video.url))
    return json_ld_node(tree, "VideoObject")


class TestPublishedRules:
    def test_embargoed_video_is_not_there_yet(self, client, videos):
        later = video_factories.make_video(
            videos["tv"], "Not yet", published_at=NOW + timedelta(hours=3)
        )
        assert client.get(later.url).status_code == 404
        listing = client.get(videos["tv"].url).content.decode()
        assert "Not yet" not in listing

    def test_drafts_and_private_videos_stay_out_of_listings(self, client, videos):
        video_factories.make_video(videos["tv"], "A draft", live=False)
        private = video_factories.make_video(videos["tv"], "Staff only")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        video_factories.make_video(videos["tv"], "For everyone")
        listing = client.get(videos["tv"].url).content.decode()
        assert "For everyone" in listing
        assert "A draft" not in listing and "Staff only" not in listing
        assert [v.title for v in VideoPage.objects.published()] == ["For everyone"]


class TestSeries:
    @pytest.fixture
    def series(self, videos):
        series = video_factories.make_series(
            videos["tv"],
            "The Town Hall Hour",
            artwork=factories.make_image("Studio"),
            description="<p>Councillors answer viewers' questions.</p>",
        )
        # Filed out of order: the episode number decides, not the date.
        third = video_factories.make_video(
            series, "Parking", episode_number=3, published_at=NOW - timedelta(days=1)
        )
        first = video_factories.make_video(
            series, "Bins", episode_number=1, published_at=NOW - timedelta(days=3)
        )
        second = video_factories.make_video(
            series, "Buses", episode_number=2, published_at=NOW - timedelta(days=2)
        )
        video_factories.make_video(series, "Unaired", episode_number=4, live=False)
        return series, [first, second, third]

    def test_series_page_lists_its_episodes_in_order(self, client, series):
        series, episodes = series
        tree = parse(client.get(series.url))
        assert text_of(one(tree, "listing-title")) == "The Town Hall Hour"
        assert "Councillors answer viewers' questions." in text_of(one(tree, "series-description"))
        assert one(tree, "series-artwork").find(".//img") is not None
        titles = [text_of(t) for t in by_class(tree, "teaser-title")]
        assert titles == ["Episode 1: Bins", "Episode 2: Buses", "Episode 3: Parking"]
        assert "3 episodes" in text_of(one(tree, "series-count"))
        assert text_of(one(tree, "listing-kicker")) == "TV"

    def test_episodes_link_to_the_previous_and_next(self, client, series):
        series, (first, second, third) = series
        nav = one(parse(client.get(second.url)), "episode-nav")
        assert nav.xpath(".//a[@rel='prev']/@href") == [first.url]
        assert nav.xpath(".//a[@rel='next']/@href") == [third.url]
        first_nav = one(parse(client.get(first.url)), "episode-nav")
        assert first_nav.xpath(".//a[@rel='prev']") == []
        assert first_nav.xpath(".//a[@rel='next']/@href") == [second.url]
        # The unpublished fourth episode is not offered as "next".
        last_nav = one(parse(client.get(third.url)), "episode-nav")
        assert last_nav.xpath(".//a[@rel='next']") == []
        assert series.url in last_nav.xpath(".//a/@href")

    def test_episode_kicker_names_section_and_series(self, client, series):
        _, (first, *_) = series
        kicker = text_of(one(parse(client.get(first.url)), "story-kicker"))
        assert kicker == "TV The Town Hall Hour Episode 1"

    def test_video_section_shows_its_series(self, client, series, videos):
        series, _ = series
        strip = one(parse(client.get(videos["tv"].url)), "series-strip")
        assert [a.get("href") for a in strip.iter("a")][-1] == series.url


class TestVideoListing:
    def test_lists_videos_with_poster_and_duration_newest_first(self, client, videos, embedded):
        older = video_factories.make_video(
            videos["explainers"], "Older clip", duration=3725, published_at=NOW - timedelta(days=2)
        )
        story = factories.make_article(
            videos["explainers"], "A report from the desk", published_at=NOW - timedelta(days=1)
        )
        tree = parse(client.get(videos["explainers"].url))
        items = one(tree, "video-listing").xpath("./li")
        titles = [
            text_of(item.xpath(".//*[contains(@class, 'teaser-title')]")[0]) for item in items
        ]
        assert titles == [embedded.title, story.title, older.title]
        first, _, last = items
        assert first.xpath(".//*[contains(@class, 'video-thumb')]//img")
        assert text_of(by_class(first, "video-duration")[0]) == "4:05"
        assert text_of(by_class(last, "video-duration")[0]) == "1:02:05"
        assert not by_class(items[1], "video-duration")

    def test_top_video_section_lists_its_subsections_videos_with_labels(
        self, client, videos, embedded
    ):
        tree = parse(client.get(videos["top"].url))
        listing = one(tree, "video-listing")
        assert embedded.title in text_of(listing)
        assert text_of(by_class(listing, "teaser-section")[0]) == "Explainers"

    def test_paginates(self, client, videos):
        for number in range(22):
            video_factories.make_video(
                videos["tv"], f"Clip {number}", published_at=NOW - timedelta(minutes=number)
            )
        first = parse(client.get(videos["tv"].url))
        assert len(one(first, "video-listing").xpath("./li")) == 20
        second = parse(client.get(videos["tv"].url + "?page=2"))
        titles = [text_of(t) for t in by_class(second, "teaser-title")]
        assert titles == ["Clip 20", "Clip 21"]

    def test_empty_section_says_so(self, client, videos):
        assert "No videos here yet." in client.get(videos["tv"].url).content.decode()


@pytest.mark.django_db
def test_page_tree_rules():
    assert VideoPage.can_create_at(VideoSectionPage())
    assert VideoPage.can_create_at(SeriesPage())
    assert not VideoPage.can_create_at(SectionPage())
    assert SeriesPage.can_create_at(VideoSectionPage())
    assert not SeriesPage.can_create_at(SectionPage())
    assert VideoSectionPage.can_create_at(SectionPage())
    assert VideoSectionPage in HomePage.allowed_subpage_models()
    assert ArticlePage.can_create_at(VideoSectionPage())
    assert VideoPage.subpage_types == []
