"""The second slice of the app API: navigation, regions, coverage, videos, galleries,
infographs, live blog updates since, and search. Shapes, filters, embargo and caching."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.live.liveblog import liveblog_edit, liveblog_post
from tests import factories
from tests.api.test_api import assert_error, get
from tests.conftest import by_class, parse, text_of
from tests.search.conftest import reindex


def ids(response, key):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()[key]]


# -- navigation, regions, coverage ----------------------------------------------------------


def test_navigation_is_the_header_menu_and_the_region_links(client, newsroom):
    factories.make_section(newsroom["news"], "Not in the menu", show_in_menus=False)
    body = client.get("/api/v1/navigation?edition=en").json()
    assert body["home"]["url"] == "http://localhost/en/"
    assert [s["title"] for s in body["sections"]] == ["News", "Articles"]
    assert [c["title"] for c in body["sections"][0]["children"]] == ["Politics", "Economy"]
    # Regions in the editors' order (sort_order), as in the header.
    assert [r["slug"] for r in body["regions"]] == ["africa", "europe"]
    assert body["regions"][1]["url"] == "http://localhost/en/regions/europe/"


def test_regions_point_at_their_stories(client, stories):
    [africa, europe] = client.get("/api/v1/regions").json()["regions"]
    assert europe["name"] == "Europe"
    listed = client.get(europe["articles_url"]).json()["articles"]
    assert [a["title"] for a in listed] == ["Budget passes"]
    assert [a["title"] for a in client.get(africa["articles_url"]).json()["articles"]] == [
        "A column"
    ]


def test_coverage_topics_list(client, newsroom):
    topics = client.get("/api/v1/coverage").json()["topics"]
    assert [t["slug"] for t in topics] == ["election-2030", "river-floods"]
    assert topics[0]["url"] == "http://localhost/en/coverage/election-2030/"
    assert topics[0]["api_url"] == "http://localhost/api/v1/coverage/election-2030?edition=en"


def test_a_topic_has_its_pins_in_order_then_the_latest_without_embargoed(client, newsroom):
    now = timezone.now()
    election = newsroom["election"]
    made = [
        factories.make_article(
            newsroom["politics"],
            f"Campaign {i}",
            coverage=[election],
            published_at=now - timedelta(hours=i + 1),
        )
        for i in range(4)
    ]
    waiting = factories.make_article(
        newsroom["politics"], "Result", coverage=[election], published_at=now + timedelta(hours=1)
    )
    factories.pin(election, made[3], waiting, made[1])
    body = client.get("/api/v1/coverage/election-2030").json()
    assert [a["title"] for a in body["pinned"]] == ["Campaign 3", "Campaign 1"]
    assert [a["title"] for a in body["latest"]] == ["Campaign 0", "Campaign 2"]
    assert body["latest"][0]["section"]["title"] == "Politics"
    following = client.get(body["articles_url"]).json()["articles"]
    assert len(following) == 4 and "Result" not in [a["title"] for a in following]
    assert [a["title"] for a in client.get(body["api_url"] + "&limit=1").json()["latest"]] == [
        "Campaign 0"
    ]


def test_an_unknown_topic_is_a_json_404(client, newsroom):
    assert_error(client.get("/api/v1/coverage/no-such-topic"), 404, "not_found")


def test_the_coverage_filter_is_for_stories_only(client, media):
    assert_error(client.get("/api/v1/videos?coverage=election-2030"), 400, "invalid_parameter")


# -- videos ---------------------------------------------------------------------------------


def test_videos_newest_first_without_the_embargoed_one(client, media):
    assert ids(client.get("/api/v1/videos"), "videos") == [
        media["embedded"].pk,
        media["uploaded"].pk,
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("region=europe", ["uploaded"]),
        ("tag=river", ["uploaded"]),
        ("author=jane-writer", ["uploaded"]),
        ("series={series}", ["uploaded"]),
        ("section={film_section}", ["embedded", "uploaded"]),
        ("limit=1", ["embedded"]),
        ("region=africa", []),
    ],
)
def test_video_filters(client, media, query, expected):
    query = query.format(series=media["series"].pk, film_section=media["film_section"].pk)
    assert ids(client.get(f"/api/v1/videos?{query}"), "videos") == [media[k].pk for k in expected]


def test_the_video_list_pages_by_cursor(client, media):
    first = client.get("/api/v1/videos?limit=1").json()
    second = client.get(first["next"]).json()
    assert [v["title"] for v in second["videos"]] == ["Uploaded film"]
    assert second["next"] is None


def test_an_uploaded_video_has_its_file_captions_poster_and_duration(client, media):
    video = client.get(f"/api/v1/videos/{media['uploaded'].pk}").json()
    [source] = video["sources"]
    assert source["type"] == "video/mp4" and source["url"].endswith(".mp4")
    [captions] = video["captions"]
    assert captions["url"].endswith(".vtt") and captions["language"] == "en"
    assert video["embed"] is None
    assert video["duration"] == media["uploaded"].duration
    assert video["poster"]["caption"] == "Poster still"
    assert video["series"]["title"] == "River Series"
    assert video["section"]["title"] == "Films"  # the series' section
    assert video["episode_number"] == 1
    assert video["transcript_html"] == "<p>Words said.</p>"
    assert [a["slug"] for a in video["authors"]] == ["jane-writer"]


def test_a_platform_video_has_the_player_and_no_file(client, media):
    video = client.get(f"/api/v1/videos/{media['embedded'].pk}").json()
    assert video["sources"] == [] and video["captions"] == []
    assert video["embed"]["provider"] == "YouTube"
    assert video["embed"]["player_url"].startswith("https://www.youtube-nocookie.com/embed/")
    assert video["duration"] == 245


# -- galleries and infographs -----------------------------------------------------------------


def test_galleries_list_with_cover_and_count(client, media):
    [gallery] = client.get("/api/v1/galleries").json()["galleries"]
    assert gallery["id"] == media["gallery"].pk
    assert gallery["photo_count"] == 3
    assert gallery["cover"]["caption"] == "Image caption 1"


def test_a_gallery_has_its_photos_in_order_with_captions_and_credits(client, media):
    gallery = client.get(f"/api/v1/galleries/{media['gallery'].pk}").json()
    photos = gallery["photos"]
    assert [p["position"] for p in photos] == [1, 2, 3]
    # The editors' caption where given, else the image's own.
    assert [p["caption"] for p in photos] == ["First", "Image caption 2", "Third"]
    assert [p["credit"] for p in photos] == ["", "Agency", ""]
    assert photos[0]["renditions"]["large"]["url"].endswith(".width-1440.png")
    assert [a["slug"] for a in gallery["authors"]] == ["sam-critic"]


def test_an_infograph_has_its_description_image_and_download(client, media):
    listed = ids(client.get("/api/v1/infographs"), "infographs")
    assert listed == [media["infograph"].pk]
    infograph = client.get(f"/api/v1/infographs/{media['infograph'].pk}").json()
    assert infograph["description"] == media["infograph"].description
    assert infograph["description_paragraphs"] == [media["infograph"].description]
    assert infograph["image"]["credit"] == "Data desk"
    assert infograph["original"]["height"] == 160
    download = infograph["download"]
    assert download["format"] == "CSV" and download["media_type"] == "text/csv"
    assert download["url"].endswith(".csv") and download["size"] > 0


@pytest.mark.parametrize(
    "kind, key, plural",
    [
        ("waiting_video", "video", "videos"),
        ("waiting_gallery", "gallery", "galleries"),
        ("waiting_infograph", "infograph", "infographs"),
    ],
)
def test_embargoed_media_appear_when_their_time_comes(client, media, kind, key, plural):
    item = media[kind]
    assert client.get(f"/api/v1/{plural}/{item.pk}").status_code == 404
    assert item.pk not in ids(client.get(f"/api/v1/{plural}"), plural)
    item.published_at = timezone.now() - timedelta(seconds=1)
    item.save()
    assert client.get(f"/api/v1/{plural}/{item.pk}").status_code == 200
    assert item.pk in ids(client.get(f"/api/v1/{plural}"), plural)


# -- live blog updates since ------------------------------------------------------------------


def updates_url(media, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/live-blogs/{media['blog'].pk}/updates?{query}"


def test_updates_since_are_the_newer_ones_newest_first(client, media):
    updates = media["updates"]
    body = client.get(updates_url(media, since=updates[1].pk)).json()
    assert [u["id"] for u in body["updates"]] == [u.pk for u in reversed(updates[2:])]
    assert body["complete"] is True
    assert body["key_events"] == [updates[2].pk]
    assert body["blog"]["status"] == "live"
    assert client.get(updates_url(media, since=updates[4].pk)).json()["updates"] == []


def test_updates_match_the_readers_live_document(client, media):
    blog = media["blog"]
    reader = client.get(f"/en/live-blogs/{blog.pk}/updates.json").json()
    api = client.get(updates_url(media)).json()
    fields = ("id", "posted_at", "version", "key_event", "html")
    assert [{k: u[k] for k in fields} for u in api["updates"]] == [
        {k: u[k] for k in fields} for u in reader["updates"]
    ]
    assert api["key_events"] == reader["key_events"]


def test_a_new_update_shows_after_since_and_changes_the_etag(client, media):
    newest = media["updates"][-1]
    url = updates_url(media, since=newest.pk)
    first = client.get(url)
    fresh = liveblog_post(blog=media["blog"], text="Later news")
    second = get(client, url, if_none_match=first["ETag"])
    assert second.status_code == 200
    assert [u["id"] for u in second.json()["updates"]] == [fresh.pk]
    liveblog_edit(update=fresh, headline="Edited")
    assert client.get(url).json()["updates"][0]["headline"] == "Edited"


def test_the_limit_marks_an_incomplete_answer(client, media):
    body = client.get(updates_url(media, since=media["updates"][0].pk, limit=2)).json()
    assert len(body["updates"]) == 2 and body["complete"] is False


@pytest.mark.parametrize("since", ["abc", "-1", "999999", "²"])
def test_a_bad_since_is_a_400(client, media, since):
    assert_error(client.get(updates_url(media, since=since)), 400, "invalid_parameter")


def test_an_unpublished_blog_is_a_404_until_it_goes_live(client, media):
    blog = media["draft_blog"]
    assert_error(client.get(f"/api/v1/live-blogs/{blog.pk}/updates"), 404, "not_found")
    blog.save_revision().publish()
    assert client.get(f"/api/v1/live-blogs/{blog.pk}/updates").status_code == 200


# -- search -----------------------------------------------------------------------------------


@pytest.fixture
def searchable(stories, newsroom):
    factories.make_article(
        newsroom["opinion"],
        "Budget opinion",
        article_type="opinion",
        regions=[newsroom["europe"]],
        published_at=timezone.now() - timedelta(days=3),
    )
    reindex()
    return stories


def reader_titles(client, query):
    response = client.get(f"/en/search/?{query}")
    return [text_of(h) for h in by_class(parse(response), "result-title")]


@pytest.mark.parametrize(
    "query",
    ["q=budget", "q=budget&type=opinion", "q=budget&region={europe}", "q=budget&section={news}"],
)
def test_search_matches_the_reader_page(client, searchable, newsroom, query):
    query = query.format(europe=newsroom["europe"].pk, news=newsroom["news"].pk)
    body = client.get(f"/api/v1/search?{query}").json()
    titles = [r["title"] for r in body["results"]]
    assert titles, query
    assert "Embargoed story" not in titles
    assert titles == reader_titles(client, query)
    assert body["total"] == len(titles)
    assert "<mark>" in body["results"][0]["highlighted_title"]


def test_search_by_dates_and_pages(client, searchable):
    today = timezone.localdate()
    recent = client.get(f"/api/v1/search?q=budget&from={today - timedelta(days=1)}").json()
    assert [r["title"] for r in recent["results"]] == ["Budget passes"]
    first = client.get("/api/v1/search?q=budget&limit=1").json()
    assert first["total"] == 2 and len(first["results"]) == 1
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and second["next"] is None
    assert second["results"][0]["title"] != first["results"][0]["title"]


@pytest.mark.parametrize(
    "query",
    [
        "q=",
        "q=%21%21%22",  # punctuation only: no word to search for
        "q=" + "a" * 201,
        "",
        "q=budget&type=poem",
        "q=budget&region=abc",
        "q=budget&section=1",
        "q=budget&from=yesterday",
        "q=budget&limit=0",
        "q=budget&page=0",
        "q=budget&page=999",
        "q=budget&edition=xx",
    ],
)
def test_bad_searches_are_400_json(client, searchable, query):
    assert_error(client.get(f"/api/v1/search?{query}"), 400, "invalid_parameter")


# -- caching of the new endpoints ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/navigation",
        "/api/v1/regions",
        "/api/v1/coverage",
        "/api/v1/coverage/election-2030",
        "/api/v1/videos",
        "/api/v1/videos/{uploaded}",
        "/api/v1/galleries",
        "/api/v1/galleries/{gallery}",
        "/api/v1/infographs",
        "/api/v1/infographs/{infograph}",
        "/api/v1/live-blogs/{blog}/updates",
        "/api/v1/search?q=river",
    ],
)
def test_new_endpoints_have_etags_304_and_cache_control(client, media, url):
    url = url.format(**{k: v.pk for k, v in media.items() if hasattr(v, "pk")})
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public, max-age=")
    assert get(client, url, if_none_match=first["ETag"]).status_code == 304
    if first.has_header("Last-Modified"):
        since = first["Last-Modified"]
        assert get(client, url, if_modified_since=since).status_code == 304


def test_an_article_names_its_published_translations(client, newsroom):
    """So an app can offer "read in Arabic": the other open editions' published versions."""
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar", title="أخبار")
    factories.translate(newsroom["politics"], "ar", title="سياسة")
    story = factories.make_article(newsroom["politics"], "Budget vote", slug="budget-vote")
    arabic = factories.translate(story, "ar", title="التصويت على الميزانية", slug="tasweet")
    later = timezone.now() + timedelta(hours=2)
    factories.open_edition("es")
    factories.translate(newsroom["news"], "es", title="Noticias")
    factories.translate(newsroom["politics"], "es", title="Política")
    factories.translate(story, "es", slug="votacion", published_at=later)  # under embargo

    english = get(client, f"/api/v1/articles/{story.pk}").json()
    assert [(t["edition"], t["id"], t["title"]) for t in english["translations"]] == [
        ("ar", arabic.pk, "التصويت على الميزانية")
    ]
    assert english["translations"][0]["url"] == "http://localhost/ar/news/politics/tasweet/"
    back = get(client, f"/api/v1/articles/{arabic.pk}").json()["translations"]
    assert [(t["edition"], t["id"]) for t in back] == [("en", story.pk)]
