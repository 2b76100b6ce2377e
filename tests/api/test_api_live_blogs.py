"""The live blog list and one live blog in the app API: what apps find live blogs by."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.live.liveblog import liveblog_end, liveblog_post
from tests import factories
from tests.api.test_api import assert_error, get
from tests.api.test_openapi import assert_valid, schema_of


def post(blog, minutes_ago, text="An update", **options):
    posted_at = timezone.now() - timedelta(minutes=minutes_ago)
    return liveblog_post(blog=blog, text=text, posted_at=posted_at, **options)


@pytest.fixture
def blogs(newsroom):
    """Three readable blogs (two running, one ended), a draft and a private one."""
    n = newsroom
    count = factories.make_live_blog(
        n["politics"],
        "Count live",
        started_minutes_ago=30,
        authors=[n["writer"]],
        lead_image=factories.make_image(caption="Ballot boxes"),
    )
    count.tags.add("election")
    count.regions = [n["europe"]]
    count.save()
    count_updates = [post(count, 20 - i, f"Count {i}", key_event=i == 1) for i in range(3)]
    storm = factories.make_live_blog(n["economy"], "Storm watch", started_minutes_ago=600)
    post(storm, 500, "The wind rises")
    liveblog_end(blog=storm)
    summit = factories.make_live_blog(n["politics"], "Summit day", started_minutes_ago=300)
    draft = factories.make_live_blog(n["politics"], "Not yet", live=False)
    private = factories.make_live_blog(n["politics"], "Staff only", started_minutes_ago=1)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {
        "count": count,
        "count_updates": count_updates,
        "storm": storm,
        "summit": summit,
        "draft": draft,
        "private": private,
    }


def listed(client, query=""):
    response = client.get(f"/api/v1/live-blogs{query}")
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return [blog["title"] for blog in body["live_blogs"]]


def test_the_list_is_newest_first_and_only_what_readers_see(client, blogs):
    body = listed(client)
    assert_valid(body, schema_of("/live-blogs"))
    assert body["edition"] == "en"
    assert titles(body) == ["Count live", "Summit day", "Storm watch"]
    assert body["next"] is None


def test_each_blog_says_whether_it_is_running_and_how_far_it_has_got(client, blogs):
    count, storm = blogs["count"], blogs["storm"]
    storm.refresh_from_db()
    first, summit, ended = listed(client)["live_blogs"]
    assert first["id"] == count.pk
    assert first["url"] == "http://localhost/en/news/politics/count-live/"
    assert first["api_url"] == f"http://localhost/api/v1/live-blogs/{count.pk}"
    assert first["updates_url"] == f"http://localhost/api/v1/live-blogs/{count.pk}/updates"
    assert first["status"] == "live" and first["ended_at"] is None
    assert first["started_at"] == count.first_published_at.isoformat()
    assert first["update_count"] == 3
    assert first["last_update_at"] == blogs["count_updates"][-1].posted_at.isoformat()
    assert first["section"]["title"] == "Politics"
    assert first["lead_image"]["caption"] == "Ballot boxes"
    assert summit["update_count"] == 0 and summit["last_update_at"] is None
    assert summit["lead_image"] is None
    assert ended["status"] == "ended"
    assert ended["ended_at"] == storm.ended_at.isoformat()
    assert ended["update_count"] == 1


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?status=live", ["Count live", "Summit day"]),
        ("?status=ended", ["Storm watch"]),
        ("?section={economy}", ["Storm watch"]),
        ("?section={news}&status=live", ["Count live", "Summit day"]),
        ("?author=jane-writer", ["Count live"]),
        ("?tag=election", ["Count live"]),
        ("?region=europe", ["Count live"]),
    ],
)
def test_filters(client, blogs, newsroom, query, expected):
    query = query.format(**{k: v.pk for k, v in newsroom.items() if hasattr(v, "pk")})
    assert titles(listed(client, query)) == expected


@pytest.mark.parametrize(
    "query", ["?status=running", "?limit=0", "?cursor=nonsense", "?coverage=election-2030"]
)
def test_bad_parameters_are_400(client, blogs, query):
    assert_error(client.get(f"/api/v1/live-blogs{query}"), 400, "invalid_parameter")


def test_cursor_pages_list_every_blog_once(client, blogs):
    seen, url = [], "/api/v1/live-blogs?limit=1"
    while url:
        body = client.get(url).json()
        assert len(body["live_blogs"]) <= 1
        seen += titles(body)
        url = body["next"]
        assert url is None or url.startswith("http://localhost/api/v1/live-blogs?")
    assert seen == ["Count live", "Summit day", "Storm watch"]


def test_a_blog_started_while_paging_does_not_shift_later_pages(client, blogs):
    first = client.get("/api/v1/live-blogs?limit=1").json()
    factories.make_live_blog(blogs["count"].get_parent(), "Breaking live", started_minutes_ago=0)
    assert titles(client.get(first["next"]).json()) == ["Summit day"]


def test_each_edition_lists_its_own_blogs(client, blogs, newsroom):
    factories.open_edition("ar")
    factories.translate(newsroom["news"], "ar", title="أخبار")
    arabic_politics = factories.translate(newsroom["politics"], "ar", title="سياسة")
    factories.make_live_blog(arabic_politics, "الفرز مباشرة", slug="farz")
    assert titles(listed(client, "?edition=ar")) == ["الفرز مباشرة"]
    assert "الفرز مباشرة" not in titles(listed(client, "?edition=en"))


def test_one_blog_has_its_introduction_byline_tags_and_regions(client, blogs):
    count = blogs["count"]
    response = client.get(f"/api/v1/live-blogs/{count.pk}")
    assert response.status_code == 200
    body = response.json()
    assert_valid(body, schema_of("/live-blogs/{id}"))
    assert body["title"] == "Count live" and body["edition"] == "en"
    assert body["update_count"] == 3
    assert "Polls closed at eight" in body["introduction_html"]
    assert [a["name"] for a in body["authors"]] == ["Jane Writer"]
    assert body["authors"][0]["photo"]["renditions"]["small"]["url"].startswith("http://")
    assert body["tags"] == [{"name": "election", "slug": "election"}]
    assert body["regions"] == [{"name": "Europe", "slug": "europe"}]


@pytest.mark.parametrize("key", ["draft", "private"])
def test_a_blog_readers_cannot_see_is_a_404(client, blogs, key):
    assert_error(client.get(f"/api/v1/live-blogs/{blogs[key].pk}"), 404, "not_found")
    assert blogs[key].title not in titles(listed(client))


def test_a_draft_blog_appears_once_published(client, blogs):
    blogs["draft"].save_revision().publish()
    assert titles(listed(client))[0] == "Not yet"
    assert client.get(f"/api/v1/live-blogs/{blogs['draft'].pk}").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/live-blogs", "/api/v1/live-blogs/{count}"])
def test_etag_304_and_a_new_update_changes_it(client, blogs, path):
    url = path.format(count=blogs["count"].pk)
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=30"
    assert get(client, url, if_none_match=first["ETag"]).status_code == 304
    assert get(client, url, if_modified_since=first["Last-Modified"]).status_code == 304
    post(blogs["count"], 0, "Fresh news")
    second = get(client, url, if_none_match=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_a_blog_made_live_without_publishing_is_readable_but_not_listed(client, newsroom):
    """Publishing stamps a blog's start, which lists are ordered by; a blog made live by
    code alone has none, so it cannot take a place in the list, but its own URL works."""
    blog = factories.make_live_blog(newsroom["politics"], "Unstamped")
    type(blog).objects.filter(pk=blog.pk).update(first_published_at=None)
    assert titles(listed(client)) == []
    body = client.get(f"/api/v1/live-blogs/{blog.pk}").json()
    assert_valid(body, schema_of("/live-blogs/{id}"))
    assert body["started_at"] is None
