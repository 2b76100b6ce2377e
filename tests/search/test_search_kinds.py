"""Search finds every kind a newsroom publishes: videos, galleries, infographs and live
blogs beside stories, by their headline and by their own words, each labelled with its
kind; never one a reader may not see yet."""

import pytest
from django.utils import translation
from wagtail.search.models import IndexEntry

from masthead.live.liveblog import liveblog_post
from masthead.media.mixed import SEARCHED
from tests import factories
from tests.api.test_openapi import assert_valid, schema_of
from tests.conftest import by_class, parse, text_of
from tests.media.factories import DESCRIPTION, make_gallery, make_infograph
from tests.media.video_factories import make_video, make_video_section
from tests.search.conftest import days_ago, reindex, search

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200
    return [text_of(h) for h in by_class(parse(response), "result-title")]


@pytest.fixture
def kinds(newsroom):
    """One page of each kind, each with a word in its title and another in its own text."""
    politics = newsroom["politics"]
    videos = make_video_section(title="Videos", slug="videos")
    picture = factories.make_image(caption="A picture")
    pages = {
        "article": factories.make_article(
            politics,
            "Walrus story",
            body=[("paragraph", "<p>The storyline about a narwhal.</p>")],
            published_at=days_ago(1),
        ),
        "video": make_video(
            videos,
            "Walrus video",
            poster=picture,
            transcript="<p>The keeper feeds a <b>narwhal</b> at noon.</p>",
            published_at=days_ago(2),
        ),
        "gallery": make_gallery(
            politics,
            "Walrus gallery",
            captions=["A narwhal surfaces by the pier.", "", ""],
            published_at=days_ago(3),
        ),
        "infograph": make_infograph(
            politics,
            "Walrus infograph",
            description=DESCRIPTION + " The chart counts each narwhal seen.",
            published_at=days_ago(4),
        ),
        "liveblog": factories.make_live_blog(
            politics,
            "Walrus live",
            introduction="<p>Watchers wait on the shore.</p>",
            started_minutes_ago=60 * 24 * 5,
        ),
    }
    liveblog_post(blog=pages["liveblog"], text="A narwhal was spotted off the point.")
    reindex()
    return pages


EVERY_TITLE = ["Walrus story", "Walrus video", "Walrus gallery", "Walrus infograph", "Walrus live"]


def test_every_kind_is_found_by_its_headline_and_by_its_own_words(client, kinds):
    assert sorted(titles(search(client, q="walrus"))) == sorted(EVERY_TITLE)
    # The story's body, the transcript, a caption, the description and a live update.
    assert sorted(titles(search(client, q="narwhal"))) == sorted(EVERY_TITLE)


def test_results_say_their_kind_and_show_their_picture(client, kinds):
    tree = parse(search(client, q="walrus"))
    labels = [text_of(span) for span in by_class(tree, "result-kind")]
    assert sorted(labels) == ["Gallery", "Infograph", "Live blog", "Video"]
    video = tree.xpath("//article[contains(@class, 'result-video')]")[0]
    assert video.xpath(".//a[@class='result-media']//img")
    gallery = tree.xpath("//article[contains(@class, 'result-gallery')]")[0]
    assert gallery.xpath(".//a[@class='result-media']//img")  # its cover
    # The snippet is cut from the kind's own text, the word marked.
    snippets = [text_of(p) for p in by_class(parse(search(client, q="narwhal")), "result-snippet")]
    assert any(snippet.startswith("A narwhal surfaces by the pier.") for snippet in snippets)
    assert "The keeper feeds a narwhal at noon." in snippets


def test_kind_labels_are_translated():
    with translation.override("es"):
        assert str(SEARCHED["video"].label) == "Vídeo"
        assert str(SEARCHED["liveblog"].label) == "Directo"
    with translation.override("ar"):
        assert str(SEARCHED["gallery"].label) == "معرض صور"


def test_the_type_filter_picks_one_kind_or_stories(client, kinds):
    for name, page in kinds.items():
        assert titles(search(client, q="walrus", type=name)) == [page.title], name
    assert titles(search(client, q="walrus", type="news")) == ["Walrus story"]
    assert titles(search(client, q="walrus", type="opinion")) == []


def test_filters_apply_to_every_kind(client, kinds, newsroom):
    start = days_ago(3).date().isoformat()
    newer = set(EVERY_TITLE[:3])
    assert set(titles(search(client, q="walrus", date_from=start))) == newer
    end = days_ago(4).date().isoformat()
    assert set(titles(search(client, q="walrus", date_to=end))) == set(EVERY_TITLE) - newer
    section = newsroom["news"].pk  # the video lives in its own section
    assert "Walrus video" not in titles(search(client, q="walrus", section=section))


def test_drafts_and_embargoed_pages_of_every_kind_are_never_found(client, newsroom):
    politics = newsroom["politics"]
    videos = make_video_section(title="Videos", slug="videos")
    make_video(videos, "Otter video embargoed", published_at=days_ago(-1))
    make_video(videos, "Otter video draft", live=False)
    make_gallery(politics, "Otter gallery embargoed", published_at=days_ago(-1))
    make_gallery(politics, "Otter gallery draft", live=False)
    make_infograph(politics, "Otter infograph embargoed", published_at=days_ago(-1))
    make_infograph(politics, "Otter infograph draft", live=False)
    factories.make_live_blog(politics, "Otter live draft", live=False)
    shown = make_video(videos, "Otter video out", published_at=days_ago(1))
    reindex()

    assert titles(search(client, q="otter")) == ["Otter video out"]
    suggested = client.get("/en/search/suggest.json", {"q": "otter"}).json()["suggestions"]
    assert [s["title"] for s in suggested] == [shown.title]


def test_suggestions_offer_headlines_of_every_kind(client, kinds):
    suggested = client.get("/en/search/suggest.json", {"q": "walr"}).json()["suggestions"]
    assert sorted(s["title"] for s in suggested) == sorted(EVERY_TITLE)
    urls = {s["title"]: s["url"] for s in suggested}
    assert urls["Walrus video"] == "/en/videos/walrus-video/"


def test_a_new_live_update_is_searchable_at_once(client, kinds):
    liveblog_post(blog=kinds["liveblog"], text="Now a dugong swims past.")
    assert titles(search(client, q="dugong")) == ["Walrus live"]


def test_the_api_returns_every_kind_with_its_kind(client, kinds):
    response = client.get("/api/v1/search", {"q": "narwhal"})
    assert response.status_code == 200
    data = response.json()
    assert_valid(data, schema_of("/search"))
    results = {result["kind"]: result for result in data["results"]}
    assert sorted(results) == ["article", "gallery", "infograph", "liveblog", "video"]
    assert results["article"]["article_type"] == "news"
    assert results["video"]["article_type"] is None
    assert results["video"]["api_url"].endswith(f"/api/v1/videos/{kinds['video'].pk}")
    assert results["liveblog"]["api_url"].endswith(
        f"/api/v1/live-blogs/{kinds['liveblog'].pk}/updates"
    )
    assert results["video"]["lead_image"] is not None  # the poster
    assert "<mark>narwhal</mark>" in results["gallery"]["snippet"]
    only = client.get("/api/v1/search", {"q": "walrus", "type": "gallery"}).json()
    assert [result["kind"] for result in only["results"]] == ["gallery"]


def test_deleting_a_live_blog_with_updates_leaves_nothing_to_find(client, kinds):
    kinds["liveblog"].delete()
    assert "Walrus live" not in titles(search(client, q="narwhal"))
    assert not IndexEntry.objects.filter(object_id=str(kinds["liveblog"].pk)).exists()
